"""A report as an OpenDocument text (odfpy): headings with outline levels, so LibreOffice's
navigator lists them; the title, date and period in every page's header and the page number in
the footer."""

from __future__ import annotations

import io

from odf import teletype
from odf.dc import Title
from odf.opendocument import OpenDocumentText
from odf.style import (
    Footer,
    Header,
    MasterPage,
    PageLayout,
    PageLayoutProperties,
    ParagraphProperties,
    Style,
    TextProperties,
)
from odf.table import Table as OdfTable
from odf.table import TableCell, TableColumn, TableRow
from odf.text import (
    H,
    IndexBody,
    IndexEntryPageNumber,
    IndexEntryTabStop,
    IndexEntryText,
    P,
    PageCount,
    PageNumber,
    Span,
    TableOfContent,
    TableOfContentEntryTemplate,
    TableOfContentSource,
)

from stocktake.reports.document import Report, Table
from stocktake.reports.writers.walk import report_walk

HEADING_SIZES = {1: "24pt", 2: "16pt", 3: "12pt", 4: "11pt"}


class _Writer:
    def __init__(self, document: OpenDocumentText) -> None:
        self.document = document
        self.headings = {}
        for level, size in HEADING_SIZES.items():
            style = Style(
                name=f"Heading_20_{level}",
                displayname=f"Heading {level}",
                family="paragraph",
                defaultoutlinelevel=str(level),
            )
            style.addElement(TextProperties(fontsize=size, fontweight="bold"))
            style.addElement(ParagraphProperties(margintop="0.3cm", marginbottom="0.2cm"))
            document.styles.addElement(style)
            self.headings[level] = style
        self.bold = Style(name="Label", family="text")
        self.bold.addElement(TextProperties(fontweight="bold"))
        self.page = Style(name="NewPage", family="paragraph")
        self.page.addElement(ParagraphProperties(breakbefore="page"))
        for style in (self.bold, self.page):
            document.automaticstyles.addElement(style)
        self.tables = 0

    def heading(self, text: str, level: int) -> None:
        self.document.text.addElement(
            H(outlinelevel=level, stylename=self.headings[level], text=text)
        )

    def paragraph(self, text: str, *, label: str = "") -> None:
        self.document.text.addElement(self._p(text, label=label))

    def _p(self, text: str, *, label: str = "") -> P:
        paragraph = P()
        if label:
            paragraph.addElement(Span(stylename=self.bold, text=f"{label} "))
        teletype.addTextToElement(paragraph, text)
        return paragraph

    def table(self, table: Table) -> None:
        self.tables += 1
        self.paragraph(table.caption, label="Table:")
        grid = OdfTable(name=f"Table{self.tables}")
        grid.addElement(TableColumn(numbercolumnsrepeated=len(table.head)))
        for number, row in enumerate((table.head, *table.rows)):
            cells = TableRow()
            for text in row:
                cell = TableCell(valuetype="string")
                if number == 0:
                    cell.addElement(P(text=""))
                    cell.firstChild.addElement(Span(stylename=self.bold, text=text))
                else:
                    cell.addElement(self._p(text))
                cells.addElement(cell)
            grid.addElement(cells)
        self.document.text.addElement(grid)

    def page_break(self) -> None:
        self.document.text.addElement(P(stylename=self.page))

    def contents(self, titles: list[str]) -> None:
        """A table of contents over the section headings (outline level 2), holding the titles
        until LibreOffice updates the index and adds the page numbers."""
        entry = Style(name="Contents_20_1", displayname="Contents 1", family="paragraph")
        self.document.styles.addElement(entry)
        index = TableOfContent(name="Contents", protected="true")
        source = TableOfContentSource(outlinelevel="2", useoutlinelevel="true")
        template = TableOfContentEntryTemplate(outlinelevel="2", stylename=entry)
        template.addElement(IndexEntryText())
        template.addElement(IndexEntryTabStop(type="right", leaderchar="."))
        template.addElement(IndexEntryPageNumber())
        source.addElement(template)
        index.addElement(source)
        body = IndexBody()
        for title in titles:
            body.addElement(P(stylename=entry, text=title))
        index.addElement(body)
        self.document.text.addElement(index)


def _page(document: OpenDocumentText, report: Report) -> None:
    """A4 with the running header and 'Page n of m' footer on every page."""
    layout = PageLayout(name="A4")
    layout.addElement(
        PageLayoutProperties(
            pagewidth="21cm",
            pageheight="29.7cm",
            margintop="1.5cm",
            marginbottom="1.5cm",
            marginleft="1.8cm",
            marginright="1.8cm",
        )
    )
    document.automaticstyles.addElement(layout)
    master = MasterPage(name="Standard", pagelayoutname=layout)
    header = Header()
    header.addElement(P(text=f"{report.heading} · {report.dated}"))
    footer = Footer()
    numbers = P(text="Page ")
    numbers.addElement(PageNumber(selectpage="current", text="1"))
    numbers.addText(" of ")
    numbers.addElement(PageCount(text="1"))
    footer.addElement(numbers)
    master.addElement(header)
    master.addElement(footer)
    document.masterstyles.addElement(master)


def odt_render(report: Report) -> bytes:
    document = OpenDocumentText()
    document.meta.addElement(Title(text=report.heading))
    _page(document, report)
    report_walk(report, _Writer(document))
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()
