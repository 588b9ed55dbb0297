"""A report's numbered conclusions or recommendations, read out of its text. Pure Python.

:func:`document_parse` classifies the lines (see :mod:`.lines`), then a small state machine puts
each item together:

* **outside** an item (before the first one, after a heading, a contents entry, a table or the
  annex), body text belongs to nothing;
* an item line ("Conclusion 7: ...", "Recommendation Twelve", "R3", a table row) starts an item
  in its **text**: its own line and the paragraph after it. A paragraph that ends with ":" carries
  on into the list after it, and a paragraph that starts in lower case continues the one before
  (a paragraph broken by a page);
* the deadline line ("By when: ...", "Deadline: ...") or the next paragraph starts its
  **progress**: every paragraph to the next item or heading;
* "Government response (to recommendation N)" or "Response:" starts its **response**, and so does a
  first paragraph such as "The Government accepts ..." or "Accepted in principle." right after
  the text or the deadline. A response to a numbered item goes to that item, wherever it is.

Lines like "Lead: HO", "Responsibility: ...", "Departments: HO, LCD, CPS", "Supported by: ..."
name the item's bodies outright (names the register and the annex do not know are kept as
written). Without them, the bodies are those the recommendation addresses (see
:func:`.bodies.addressees`) and those a table of responsibilities inside the item names. More
than one lead makes the item joint.

A summary list or contents page repeats items before their full text. When a code occurs more
than once, the occurrences with a deadline, progress, a response or named bodies are the items
and the others are repeats; if none has any, the last one is the item. Two full occurrences are
both kept: the import refuses duplicate codes.

A document with no labelled items ("Conclusion", "Recommendation", "R3", table rows) is read as
numbered paragraphs: each "3.7.1 ..." paragraph is an item, and a numbered heading ("3.7
Leadership") whose number starts other items' codes is an item too, their parent.

Sections are the headings in force where each item starts (Part, Chapter, Section, Markdown and
numbered headings), without their numbering: "PART 2: Improving policy-making" gives "Improving
policy-making". An item's parent is the earlier item whose code its own code extends: "4" for
"4a" and "9a-c", "3.7" (or else "3") for "3.7.1".

The document's title is its first "# " heading; failing that, the line of the cover page that
the rest of the report repeats most ("WIRING IT UP" → "Wiring It Up"), or else the cover page's
first line of two words or more. Its published date is a date alone on a line of the cover page,
or after "Published" or "Date".
"""

from __future__ import annotations

import calendar
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from types import MappingProxyType

from stocktake.importing.documents.bodies import (
    BodyIndex,
    abbreviations_parse,
    addressees,
    unique,
)
from stocktake.importing.documents.lines import (
    ITEM_RE,
    NUMBERED_RE,
    SHORT_ITEM_RE,
    Kind,
    Line,
    Role,
    first_sentence,
    item_code,
    lines_classify,
    table_cells,
)

MAX_TITLE = 300
FRONT_MATTER_LINES = 40
RESPONSE_CATEGORIES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (category, re.compile(pattern, re.IGNORECASE))
    for category, pattern in (
        ("partially_accepted", r"\b(?:partial(?:ly)?|partly|in\s+part)\b"),
        ("accepted_in_principle", r"\bin\s+principle\b"),
        (
            "rejected",
            r"\bnot\s+(?:accepted|supported|agreed)\b|\b(?:does|do|did|will)\s+not\s+"
            r"(?:accept|support|agree)\b|\bcannot\s+(?:accept|support|agree)\b"
            r"|\breject(?:s|ed)?\b|\bdisagrees?\b",
        ),
        ("accepted", r"\b(?:accept(?:s|ed)?|support(?:s|ed)?|agree(?:s|d)?)\b"),
        (
            "under_consideration",
            r"\bunder\s+(?:consideration|review)\b|\b(?:is|are)\s+considering\b"
            r"|\bwill\s+consider\b|\bbeing\s+considered\b",
        ),
        ("noted", r"\bnot(?:es?|ed)\b"),
    )
)
"""Tried in order on a response's first sentence: "accepts in part" is partial, not accepted."""

_NO_ORGANISATIONS: Mapping[str, str] = MappingProxyType({})
_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
DATE_LINE_RE = re.compile(
    r"^(?:(?:published(?:\s+on)?|date(?:\s+of\s+publication)?|dated)\s*:?\s*)?"
    r"(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+)?"
    rf"(?P<month>{'|'.join(_MONTHS)})\s+(?P<year>(?:19|20)\d{{2}})\.?$"
    r"|^(?:(?:published|date)\s*:?\s*)?(?P<iso>\d{4}-\d{2}-\d{2})$",
    re.IGNORECASE,
)
CODE_LABEL_RE = re.compile(r"^(?:recommendation|conclusion|rec\.?|r)\s*", re.IGNORECASE)
CODE_RE = re.compile(r"^\d+(?:\.\d+)*(?:[a-z](?:-[a-z])?)?$")


@dataclass(frozen=True)
class ParsedItem:
    """One conclusion or recommendation. ``lead_bodies`` and ``supporting_bodies`` hold register
    codes, or abbreviations and names as the document writes them."""

    code: str
    title: str
    text: str
    section: str
    parent_code: str
    deadline_phrase: str
    progress: str
    response: str
    response_category: str
    lead_bodies: list[str]
    supporting_bodies: list[str]
    line: int


@dataclass(frozen=True)
class ParsedDocument:
    title: str
    published: date | None
    items: list[ParsedItem]
    sections: list[str]
    abbreviations: dict[str, str]
    warnings: list[str]


def document_parse(
    text: str, *, known_organisations: Mapping[str, str] = _NO_ORGANISATIONS
) -> ParsedDocument:
    """Read the items of a report. ``known_organisations`` maps the names and abbreviations of
    organisations in the register (any case) to their codes."""
    lines = lines_classify(text)
    numbered = not any(line.kind in {Kind.ITEM, Kind.ROW} for line in lines)
    assembler = _Assembler(numbered=numbered)
    for line in lines:
        assembler.feed(line)
    abbreviations = abbreviations_parse(assembler.annex)
    index = BodyIndex(abbreviations=abbreviations, known_organisations=known_organisations)
    drafts = _without_summary_repeats(assembler.drafts)
    if numbered:
        drafts = _without_childless_headings(drafts)
    items = _items(drafts, index)
    front = _front_matter(lines)
    return ParsedDocument(
        title=_document_title(front, lines[len(front) :]),
        published=_published(front),
        items=items,
        sections=unique(item.section for item in items),
        abbreviations=abbreviations,
        warnings=[*assembler.warnings, *_item_warnings(items)],
    )


def response_category(response: str) -> str:
    """The government response's category, from its first sentence; "" if none is recognised."""
    sentence = first_sentence(response)
    return next(
        (category for category, pattern in RESPONSE_CATEGORIES if pattern.search(sentence)), ""
    )


class _Part(StrEnum):
    TEXT = "text"
    PROGRESS = "progress"
    RESPONSE = "response"


@dataclass(eq=False)
class _Draft:
    """An item being put together: its paragraphs, deadline and the bodies it names."""

    code: str
    line: int
    section: str
    label: str
    text: list[str] = field(default_factory=list)
    progress: list[str] = field(default_factory=list)
    response: list[str] = field(default_factory=list)
    deadline: str = ""
    leads: list[str] = field(default_factory=list)
    supporting: list[str] = field(default_factory=list)
    responsibilities: list[str] = field(default_factory=list)
    from_table: bool = False
    heading: bool = False

    def paragraphs(self, part: _Part) -> list[str]:
        return {
            _Part.TEXT: self.text,
            _Part.PROGRESS: self.progress,
            _Part.RESPONSE: self.response,
        }[part]

    @property
    def substantive(self) -> bool:
        """More than a summary entry: it has a deadline, progress, a response or named bodies."""
        return bool(
            self.deadline
            or self.progress
            or self.response
            or self.leads
            or self.supporting
            or self.from_table
        )


class _Assembler:
    """The state machine: feed it the classified lines in order."""

    def __init__(self, *, numbered: bool) -> None:
        self.numbered = numbered
        self.drafts: list[_Draft] = []
        self.annex: list[str] = []
        self.warnings: list[str] = []
        self.section = ""
        self.draft: _Draft | None = None
        self.part = _Part.TEXT
        self.open = False
        self.after_row = False

    def feed(self, line: Line) -> None:
        handlers = {
            Kind.BLANK: self._blank,
            Kind.NOISE: self._ignore,
            Kind.CONTENTS: self._close,
            Kind.TABLE_HEADER: self._close,
            Kind.HEADING: self._heading,
            Kind.ITEM: self._item,
            Kind.NUMBERED: self._numbered,
            Kind.DEADLINE: self._deadline,
            Kind.RESPONSE: self._response,
            Kind.BODIES: self._bodies,
            Kind.ROW: self._row,
            Kind.RESPONSIBILITY_ROW: self._responsibility_row,
            Kind.ABBREVIATION: self._abbreviation,
            Kind.BODY: self._body,
        }
        handlers[line.kind](line)

    def _blank(self, _line: Line) -> None:
        self.open = False

    def _ignore(self, _line: Line) -> None:
        """Noise neither ends nor breaks a paragraph."""

    def _close(self, _line: Line) -> None:
        self.draft = None

    def _heading(self, line: Line) -> None:
        self.draft = None
        if self.numbered and line.code and line.role is not Role.ANNEX:
            self.drafts.append(
                _Draft(line.code, line.number, self.section, line.value, [line.value], heading=True)
            )
        self.section = line.value

    def _item(self, line: Line) -> None:
        label = " ".join(line.text.removeprefix("- ").split())[:MAX_TITLE]
        self.draft = _Draft(line.code, line.number, self.section, label)
        self.drafts.append(self.draft)
        self.part = _Part.TEXT
        self.open = False
        if line.value:
            self._add(line.value)

    def _numbered(self, line: Line) -> None:
        if self.numbered:
            self._item(line)
        else:
            self._body(line)

    def _deadline(self, line: Line) -> None:
        if self.draft is None:
            return
        if self.draft.deadline:
            self._body(line)
            return
        self.draft.deadline = line.value
        if self.part is not _Part.RESPONSE:
            self.part = _Part.PROGRESS
        self.open = False

    def _response(self, line: Line) -> None:
        draft = self.draft
        if line.role is Role.IMPLIED:
            if draft is None or draft.progress or draft.response:
                self._body(line)
                return
        elif line.code and (draft is None or draft.code != line.code):
            draft = self._item_for_response(line)
        if draft is None:
            return
        self.draft, self.part, self.open = draft, _Part.RESPONSE, False
        if line.value:
            self._add(line.value)

    def _item_for_response(self, line: Line) -> _Draft | None:
        for draft in reversed(self.drafts):
            if draft.code == line.code and not draft.heading:
                return draft
        self.warnings.append(
            f"line {line.number}: a response to item {line.code}, but there is no item "
            f"{line.code}; the response is left out."
        )
        return None

    def _bodies(self, line: Line) -> None:
        if self.draft is not None:
            names = self.draft.supporting if line.role is Role.SUPPORTING else self.draft.leads
            names.append(line.value)

    def _row(self, line: Line) -> None:
        self.draft = None
        draft = _row_draft(line, self.section)
        if draft is None:
            self.warnings.append(
                f"line {line.number}: a table row without an item number is left out."
            )
        else:
            self.drafts.append(draft)

    def _responsibility_row(self, line: Line) -> None:
        if self.draft is not None:
            self.draft.responsibilities.append(line.value)
            self._add(" | ".join(cell for cell in table_cells(line.text) if cell), row=True)

    def _abbreviation(self, line: Line) -> None:
        self.draft = None
        self.annex.append(line.text)

    def _body(self, line: Line) -> None:
        if self.draft is not None:
            self._add(line.text)

    def _add(self, text: str, *, row: bool = False) -> None:
        """Add a line to the item's current part: to its last paragraph, or as a new one."""
        draft = self.draft
        if draft is None:
            return
        paragraphs = draft.paragraphs(self.part)
        if self.open and paragraphs:
            joiner = "\n" if row or self.after_row or text.startswith("- ") else " "
            paragraphs[-1] += joiner + text
        else:
            if self.part is _Part.TEXT and draft.text and not _carries_on(draft, text):
                self.part = _Part.PROGRESS
                paragraphs = draft.progress
            if paragraphs and text[:1].islower():
                paragraphs[-1] += " " + text
            else:
                paragraphs.append(text)
        self.open, self.after_row = True, row


def _carries_on(draft: _Draft, text: str) -> bool:
    """Does a new paragraph still belong to the item's text?"""
    return draft.text[-1].endswith(":") or text[:1].islower()


def _row_draft(line: Line, section: str) -> _Draft | None:
    """An item from a row of a recommendations table."""
    fields = line.fields
    text = fields.get("text", "")
    code = item_code(CODE_LABEL_RE.sub("", fields.get("code", "")).strip(" .:)"))
    if not CODE_RE.match(code):
        numbered = _numbered_text(text)
        if numbered is None:
            return None
        code, text = numbered
    return _Draft(
        code,
        line.number,
        section,
        label=code,
        text=[text] if text else [],
        progress=_cell(fields, "progress"),
        response=_cell(fields, "response"),
        deadline=fields.get("deadline", ""),
        leads=_cell(fields, "lead"),
        supporting=_cell(fields, "supporting"),
        from_table=True,
    )


def _cell(fields: Mapping[str, str], column: str) -> list[str]:
    return [fields[column]] if column in fields else []


def _numbered_text(text: str) -> tuple[str, str] | None:
    """The code and the rest of a text that starts with an item's number."""
    if match := ITEM_RE.match(text) or SHORT_ITEM_RE.match(text):
        return item_code(match["code"]), match["text"].strip()
    if match := NUMBERED_RE.match(text):
        return match["multi"] or match["single"], match["text"].strip()
    return None


def _without_summary_repeats(drafts: list[_Draft]) -> list[_Draft]:
    groups: dict[str, list[_Draft]] = defaultdict(list)
    for draft in drafts:
        groups[draft.code].append(draft)
    kept = []
    for draft in drafts:
        group = groups[draft.code]
        full = [other for other in group if other.substantive]
        if draft.substantive or (not full and draft is group[-1]):
            kept.append(draft)
    return kept


def _without_childless_headings(drafts: list[_Draft]) -> list[_Draft]:
    parents = {code for draft in drafts for code in _parent_candidates(draft.code)}
    return [draft for draft in drafts if not draft.heading or draft.code in parents]


def _parent_candidates(code: str) -> list[str]:
    """The codes an item's code extends, nearest first: "3.7.1" → ["3.7", "3"], "9a-c" → ["9"]."""
    match = re.match(r"^(\d+(?:\.\d+)*)([a-z](?:-[a-z])?)?$", code)
    if not match:
        return []
    parts = match[1].split(".")
    candidates = [match[1]] if match[2] else []
    return candidates + [".".join(parts[:size]) for size in range(len(parts) - 1, 0, -1)]


def _items(drafts: list[_Draft], index: BodyIndex) -> list[ParsedItem]:
    items: list[ParsedItem] = []
    earlier: set[str] = set()
    for draft in drafts:
        parent = next((code for code in _parent_candidates(draft.code) if code in earlier), "")
        items.append(_item(draft, parent, index))
        earlier.add(draft.code)
    return items


def _item(draft: _Draft, parent_code: str, index: BodyIndex) -> ParsedItem:
    text = "\n\n".join(draft.text)
    response = "\n\n".join(draft.response)
    leads, supporting = _bodies(draft, text, index)
    return ParsedItem(
        code=draft.code,
        title=_title(text) or draft.label,
        text=text,
        section=draft.section,
        parent_code=parent_code,
        deadline_phrase=draft.deadline,
        progress="\n\n".join(draft.progress),
        response=response,
        response_category=response_category(response) if response else "",
        lead_bodies=leads,
        supporting_bodies=supporting,
        line=draft.line,
    )


def _bodies(draft: _Draft, text: str, index: BodyIndex) -> tuple[list[str], list[str]]:
    if draft.leads or draft.supporting:
        leads = unique(code for names in draft.leads for code in index.names(names))
        supporting = unique(code for names in draft.supporting for code in index.names(names))
    else:
        leads, supporting = addressees(text, index)
        stated = [m.code for statement in draft.responsibilities for m in index.mentions(statement)]
        leads = unique([*leads, *stated])
    return leads, [code for code in supporting if code not in leads]


def _title(text: str) -> str:
    sentence = first_sentence(text)
    if len(sentence) <= MAX_TITLE:
        return sentence
    return sentence[: MAX_TITLE - 1].rsplit(" ", 1)[0] + "…"


def _item_warnings(items: list[ParsedItem]) -> list[str]:
    warnings = []
    for item in items:
        where = f"line {item.line}, item {item.code}"
        if not item.text:
            warnings.append(f"{where}: no text follows the number; its title is the label.")
        if item.response and not item.response_category:
            warnings.append(f"{where}: the government response's category is not recognised.")
    return warnings


def _front_matter(lines: list[Line]) -> list[Line]:
    """The cover page: the lines before the contents, the first item, table or annex."""
    front: list[Line] = []
    ends = {Kind.CONTENTS, Kind.ITEM, Kind.TABLE_HEADER, Kind.ROW, Kind.ABBREVIATION}
    written = 0
    for line in lines:
        if line.kind in ends or written >= FRONT_MATTER_LINES:
            break
        front.append(line)
        written += bool(line.text)
    return front


def _document_title(front: list[Line], rest: list[Line]) -> str:
    for line in front:
        if line.kind is Kind.HEADING and line.text.startswith("# "):
            return line.value
    candidates = [
        " ".join(line.text.split())
        for line in front
        if line.kind in {Kind.BODY, Kind.HEADING}
        and len(line.text.split()) >= 2
        and len(line.text) <= MAX_TITLE
        and not DATE_LINE_RE.match(line.text)
    ]
    body = "\n".join(line.text for line in rest)
    most: Counter[str] = Counter()
    for candidate in candidates:
        repeats = _repeats(candidate, body)
        if repeats.total() > most.total():
            most = repeats
    if most:
        return most.most_common(1)[0][0]
    return candidates[0] if candidates else ""


def _repeats(phrase: str, body: str) -> Counter[str]:
    """How often the body repeats a phrase, by the way it writes it."""
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(word) for word in phrase.split()) + r"(?!\w)"
    return Counter(
        " ".join(match[0].split()) for match in re.finditer(pattern, body, re.IGNORECASE)
    )


def _published(front: list[Line]) -> date | None:
    for line in front:
        match = DATE_LINE_RE.match(line.text.strip())
        if not match:
            continue
        if match["iso"]:
            try:
                return date.fromisoformat(match["iso"])
            except ValueError:
                continue
        day = int(match["day"]) if match["day"] else 1
        try:
            return date(int(match["year"]), _MONTHS[match["month"].lower()], day)
        except ValueError:
            continue
    return None
