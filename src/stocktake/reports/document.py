"""A report's content, independent of its format: a title page, sections of blocks.

Builders (``progress.py``, ``delivery.py``, ``summary.py``) make a :class:`Report`; the writers
(``writers/``) render the same report as HTML, PDF, DOCX or ODT, so every format says the same.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Heading:
    """A heading inside a section: level 3 for an item, 4 below it."""

    text: str
    level: int = 3


@dataclass(frozen=True)
class Paragraph:
    """Running text, optionally led by a bold label ("By when:")."""

    text: str
    label: str = ""


@dataclass(frozen=True)
class Facts:
    """Labelled values about one item: owners, deadline, judgement."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Table:
    caption: str
    head: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Figure:
    """A chart: its SVG (drawn on the server, so it prints), a summary in words and the numbers
    behind it. Word-processor formats give the summary and the table in place of the drawing."""

    title: str
    summary: str
    svg: str
    table: Table | None = None


Block = Heading | Paragraph | Facts | Table | Figure


@dataclass(frozen=True)
class Section:
    """One part of the report, listed on the contents page."""

    title: str
    blocks: tuple[Block, ...]
    anchor: str = ""


@dataclass(frozen=True)
class Report:
    kind: str  # "Progress report", "Delivery report", "Delivery summary"
    title: str  # what it is about: a programme, an organisation, a person
    as_of: dt.date
    period: str  # the period it covers, in words
    sections: tuple[Section, ...]
    introduction: tuple[Paragraph, ...] = ()
    details: tuple[tuple[str, str], ...] = field(default=())
    filename_stem: str = "report"
    compact: bool = False  # a page per item: smaller type on paper

    @property
    def heading(self) -> str:
        return f"{self.kind}: {self.title}"

    @property
    def dated(self) -> str:
        return f"Period: {self.period} · As of {long_date(self.as_of)}"

    def numbered_sections(self) -> tuple[Section, ...]:
        """The sections with their anchors set (``section-1``, …) for links and page numbers."""
        return tuple(
            Section(section.title, section.blocks, section.anchor or f"section-{number}")
            for number, section in enumerate(self.sections, start=1)
        )


def long_date(day: dt.date | None) -> str:
    """``30 June 2000``; an empty string for no date."""
    return f"{day.day} {day:%B %Y}" if day else ""


def month_name(day: dt.date | None) -> str:
    return f"{day:%B %Y}" if day else ""
