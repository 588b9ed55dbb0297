"""A report as one self-contained HTML document (styles inline, nothing fetched), the source of
the PDF too."""

from __future__ import annotations

from importlib.resources import files

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from stocktake.reports.document import Facts, Figure, Heading, Paragraph, Report, Table


def css_string(text: str) -> Markup:
    """``text`` as a quoted CSS string, safe inside a ``<style>`` element."""
    escaped = (
        text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ").replace("<", "\\3c ")
    )
    return Markup(f'"{escaped}"')  # noqa: S704 - every special character is escaped above


ENVIRONMENT = Environment(
    loader=PackageLoader("stocktake.reports", "templates"),
    autoescape=select_autoescape(default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
ENVIRONMENT.filters["css_string"] = css_string
ENVIRONMENT.tests.update(
    heading=lambda block: isinstance(block, Heading),
    paragraph=lambda block: isinstance(block, Paragraph),
    facts=lambda block: isinstance(block, Facts),
    table=lambda block: isinstance(block, Table),
    figure=lambda block: isinstance(block, Figure),
)
STYLESHEET = (files("stocktake.reports") / "templates" / "reports" / "report.css").read_text()


def html_render(report: Report) -> str:
    return ENVIRONMENT.get_template("reports/report.html").render(
        report=report,
        sections=report.numbered_sections(),
        stylesheet=Markup(STYLESHEET),  # noqa: S704 - our own file
    )
