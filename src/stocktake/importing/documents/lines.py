"""What each line of a report is, before the items are put together. Pure Python.

:func:`lines_classify` gives every line a :class:`Kind`. Markup is cleaned first (HTML tags such as
``<u>``, Markdown emphasis, bullets of any shape become ``- ``); tabs are kept, because they
separate table cells and page numbers. The classifier remembers which block it is in:

* a **contents** page, from a "Contents" line while its lines look like entries (a tab or dot
  leaders before a page number, a trailing tab). Outside it, any line that ends in a tab or dot
  leaders and a page number is a contents or summary entry too ("Conclusion 1: ...<tab>12");
* a **table** with a header row naming its columns ("No. / Recommendation / Lead / By when /
  Response / Progress"): each row is an item; a table with a lead or responsibility column but
  no text column, or any two-column table introduced by a line about responsibilities, is a
  table of **responsibilities**, whose rows say who is responsible;
* an **abbreviations annex**, from a heading about abbreviations, acronyms or a glossary, to the
  next heading or item.

Page breaks (form feeds), page numbers ("12", "Page 3 of 10", "- 4 -") and running headers and
footers are noise. A running line is one that recurs at the top or bottom of at least half the
pages (digits ignored); all its occurrences are noise except a first one that is a heading.

An item starts with a capitalised label and a number, then ":", ".", ")", a dash, a capital
letter or the end of the line: "Conclusion 7:", "Recommendation 12.", "Recommendation Twelve",
"Rec. 3", "R3", "Recommendation 4a" or "9a-c". A label in the middle of a sentence is a
cross-reference ("see the response to recommendation 3"), and so is one at the start of a line
that continues a sentence broken after "to", "see", "in", "and"... Numbered paragraphs
("3.7.1 The department should...", "12. The department should...") are told apart from numbered
headings ("3. Report of progress": at most 12 words and 80 characters, no closing punctuation,
not broken off after "of" or "to", and not carried on by a line in lower case, as the first line
of a wrapped paragraph is); whether they are items is the parser's decision.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

PAGE_BREAK = "\f"


class Kind(StrEnum):
    BLANK = "blank"
    NOISE = "noise"
    CONTENTS = "contents"
    HEADING = "heading"
    ITEM = "item"
    NUMBERED = "numbered"
    DEADLINE = "deadline"
    RESPONSE = "response"
    BODIES = "bodies"
    TABLE_HEADER = "table header"
    ROW = "row"
    RESPONSIBILITY_ROW = "responsibility row"
    ABBREVIATION = "abbreviation"
    BODY = "body"


class Role(StrEnum):
    """The part a line plays within its kind."""

    NONE = ""
    LEAD = "lead"
    SUPPORTING = "supporting"
    EXPLICIT = "explicit"
    IMPLIED = "implied"
    ANNEX = "annex"


@dataclass(frozen=True)
class Line:
    """One classified line. ``value`` is what matters for its kind: an item's text, a heading's
    title, a deadline phrase, a response, a list of names, a row's statement of responsibility."""

    number: int
    kind: Kind
    text: str
    code: str = ""
    value: str = ""
    role: Role = Role.NONE
    fields: Mapping[str, str] = field(default_factory=dict)


_UNITS = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
]  # fmt: skip
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBER_WORDS: dict[str, int] = {word: number for number, word in enumerate(_UNITS, start=1)}
NUMBER_WORDS |= {word: 10 * number for number, word in enumerate(_TENS, start=2)}

_NUMBER_WORD = (
    rf"(?:(?:{'|'.join(_TENS)})(?:[\s-](?:{'|'.join(_UNITS[:9])}))?"
    rf"|{'|'.join(sorted(_UNITS, key=len, reverse=True))})"
)
_NUMBER = r"\d+(?:\.\d+)*(?:[a-zA-Z](?:\s*[-–]\s*[a-zA-Z])?)?"
_CODE = rf"(?:{_NUMBER}|(?i:{_NUMBER_WORD}))(?!\w)"
_AFTER_CODE = r"(?:\s*[:.)\-–—]+\s*|\s+(?=[A-Z(\"“‘'])|\s*$)"

ITEM_RE = re.compile(
    rf"^(?:-\s+)?(?:C(?i:onclusion)|R(?i:ecommendation|ec\.?))\s+(?P<code>{_CODE}){_AFTER_CODE}"
    r"(?P<text>.*)$"
)
SHORT_ITEM_RE = re.compile(rf"^(?:-\s+)?R(?P<code>{_NUMBER})(?!\w){_AFTER_CODE}(?P<text>.*)$")
NUMBERED_RE = re.compile(
    r"^(?:-\s+)?(?:(?P<multi>\d{1,2}(?:\.\d{1,3})+)\.?|(?P<single>\d{1,3})[.)])\s+(?P<text>\S.*)$"
)
BROKEN_SENTENCE_RE = re.compile(
    r"(?:\b(?:to|see|in|of|and|or|the|with|by|under|at|for|on|from|per)|,)$", re.IGNORECASE
)

DEADLINE_RE = re.compile(
    r"^(?:-\s+)?(?:(?i:by\s+when)\b\s*[:.\-–—]?"
    r"|(?i:deadline|timescales?|timetable|timing|target\s+date|due\s+date|due\s+by"
    r"|completion\s+date)\s*[:\-–—])\s*(?P<phrase>\S.*)$"
)
RESPONSE_RE = re.compile(
    r"^(?:-\s+)?(?:(?:the\s+)?(?:government|department|ministry)(?:'s|’s)?\s+)?response"
    rf"(?:\s+to\s+(?:the\s+)?(?:recommendation|conclusion)s?\s+(?P<code>{_CODE}))?"
    r"\s*(?:[:.\-–—]+\s*|$)(?P<text>.*)$",
    re.IGNORECASE,
)
IMPLIED_RESPONSE_RE = re.compile(
    r"^(?:-\s+)?(?:(?:(?:the\s+)?(?:government|department|ministry)|we)\s+"
    r"(?:(?:fully|broadly|partially|partly)\s+)?(?:accepts?|agrees?|supports?|notes?|rejects?"
    r"|(?:does|do)\s+not\s+(?:accept|agree|support)|(?:is|are)\s+considering|will\s+consider)\b"
    r"|(?:accepted|agreed|supported|not\s+(?:accepted|agreed|supported)|rejected|noted"
    r"|partially\s+accepted|under\s+consideration)(?:\s+in\s+(?:principle|part))?"
    r"\s*(?:[.:;,\-–—]|$))",
    re.IGNORECASE,
)
BODIES_RE = re.compile(
    r"^(?:-\s+)?(?P<label>(?:lead|responsib(?:ility|le)|supporting|support|partner|delivery\s+partner)"
    r"(?:\s+(?:departments?|bod(?:y|ies)|organisations?|ministers?|agenc(?:y|ies)))?"
    r"|owners?|departments?|who|supported\s+by|partners)\s*[:\-–—]\s*(?P<names>\S.*)$",
    re.IGNORECASE,
)
SUPPORTING_LABEL_RE = re.compile(r"^(?:support|partner|delivery)", re.IGNORECASE)

MARKDOWN_HEADING_RE = re.compile(r"^#{1,6}\s+(?P<title>.+?)\s*#*$")
LABELLED_HEADING_RE = re.compile(
    r"^(?:P(?i:art)|C(?i:hapter)|S(?i:ection)|A(?i:nnex|ppendix))\s+"
    rf"(?:\d+|[IVXLC]+|[ivxlc]+|[A-Z]|(?i:{_NUMBER_WORD}))(?!\w){_AFTER_CODE}(?P<title>[^\t]*)$"
)
ANNEX_LINE_RE = re.compile(
    r"^(?:(?:annex|appendix)\s*[:.\-–—]?\s*)?(?:list\s+of\s+)?(?:abbreviations|acronyms|glossary)"
    r"(?:\s+(?:and|&)\s+\w+)?\s*:?$",
    re.IGNORECASE,
)
NUMBERED_HEADING_RE = re.compile(r"^(?P<code>\d{1,2}(?:\.\d{1,2})*)\.?\s+(?P<title>[A-Z][^\t]*)$")
ANNEX_TITLE_RE = re.compile(r"abbreviation|acronym|glossary", re.IGNORECASE)
MAX_HEADING_WORDS = 12
MAX_HEADING_LENGTH = 80

CONTENTS_HEADING_RE = re.compile(r"^(?:table\s+of\s+)?contents\s*:?$", re.IGNORECASE)
PAGE_REFERENCE_RE = re.compile(r"(?:\t|\.{3,}|…+|(?:\s\.){3,})\s*(?:\d{1,3}|[ivx]{1,5})$")
CONTENTS_ENTRY_RE = re.compile(r"(?:\t|\.{3,}|…+|\s)\s*(?:\d{1,3}|[ivx]{1,5})?$")
PAGE_NUMBER_RE = re.compile(
    r"^(?:page\s+)?(?:\d{1,4}|[ivx]{1,5})(?:\s*(?:of|/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$"
    r"|^page$|^[-.]$",
    re.IGNORECASE,
)
RESPONSIBILITY_CAPTION_RE = re.compile(r"responsib", re.IGNORECASE)

COLUMNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        (
            "code",
            r"^(?:no\.?|number|ref(?:erence)?\.?|#|id|item|para(?:graph)?(?:\s+no\.?)?"
            r"|(?:recommendation|conclusion|rec\.?)\s+(?:no\.?|number|ref\.?))$",
        ),
        ("deadline", r"\b(?:by\s+when|deadline|timescales?|timing|target\s+date|due|when)\b"),
        ("supporting", r"\b(?:support(?:ing)?|partners?)\b"),
        ("lead", r"\b(?:lead|responsib\w*|owners?|departments?|who|bod(?:y|ies))\b"),
        ("response", r"\bresponse\b|^category$"),
        ("progress", r"\b(?:progress|update|status|comments?)\b"),
        ("text", r"\b(?:recommendations?|conclusions?|actions?|commitments?|proposals?)\b"),
    )
)
MAX_HEADER_CELL = 40

_BULLET_RE = re.compile(r"^(?:[•●▪◦■□➢\uf0b7]|[*–-](?=\s))\s*")
_LIST_MARK_RE = re.compile(r"^- ", re.MULTILINE)
_MARKUP_RE = re.compile(r"</?[a-zA-Z][^>]*>|\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")
_SENTENCE_END_RE = re.compile(
    r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bRt)(?<!\bHon)(?<!\bProf)"
    r"[.!?][\"”’)]?(?=\s+[A-Z\"“‘(])"
)


def item_code(raw: str) -> str:
    """An item's number as its code: "12", "Twelve" → "12", "4A" → "4a", "9a - c" → "9a-c"."""
    words = raw.strip().lower().replace("-", " ").split()
    if words and all(word in NUMBER_WORDS for word in words):
        return str(sum(NUMBER_WORDS[word] for word in words))
    return re.sub(r"\s+", "", raw).replace("–", "-").lower()


def sentence_end(text: str) -> int:
    """Where the first sentence ends: after the first full stop (or ! or ?) followed by a
    capital, but not in "Mr." or "Dr."; "No.10" and "e.g. the" do not end sentences."""
    end = _SENTENCE_END_RE.search(text)
    return end.end() if end else len(text)


def first_sentence(text: str) -> str:
    """The first sentence of the text, on one line, without list marks."""
    flat = " ".join(_LIST_MARK_RE.sub("", text).split())
    return flat[: sentence_end(flat)]


def table_cells(text: str) -> list[str]:
    return [" ".join(cell.split()) for cell in text.split("\t")]


def lines_classify(text: str) -> list[Line]:
    """Every line of the text (split on newlines; form feeds are page breaks), classified."""
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    classifier = _Classifier(_running_lines(raw_lines))
    following = [*raw_lines[1:], ""]
    return [
        classifier.classify(number, raw, following=clean(after))
        for number, (raw, after) in enumerate(zip(raw_lines, following, strict=True), start=1)
    ]


def clean(raw: str) -> str:
    """A line without markup and with a plain "- " for any bullet; tabs are kept."""
    line = raw.replace("\u00a0", " ").replace("\u200b", "").strip(" \r")
    line = _BULLET_RE.sub("- ", line, count=1)
    return _MARKUP_RE.sub("", line).strip(" ")


class _Block(StrEnum):
    NONE = "none"
    CONTENTS = "contents"
    TABLE = "table"
    ANNEX = "annex"


class _Classifier:
    def __init__(self, running: dict[int, str]) -> None:
        self.running = running
        self.running_seen: set[str] = set()
        self.block = _Block.NONE
        self.columns: dict[int, str] = {}
        self.previous: Line | None = None
        self.caption = ""
        self.following = ""

    def classify(self, number: int, raw: str, *, following: str) -> Line:
        """Classify a line, knowing the line after it (a heading is not continued in lower case)."""
        self.following = following
        line = self._classify(number, raw)
        if line.kind is not Kind.NOISE:
            self.previous = line
        if line.kind not in {Kind.NOISE, Kind.BLANK}:
            self.caption = line.text
        return line

    def _classify(self, number: int, raw: str) -> Line:
        text = clean(raw)
        if not text.strip():
            if self.block is _Block.TABLE:
                self.block = _Block.NONE
            kind = Kind.NOISE if PAGE_BREAK in raw else Kind.BLANK
            return Line(number, kind, "")
        if number in self.running:
            return self._running(number, text)
        if self.block is _Block.TABLE:
            if "\t" in text:
                return self._row(number, text)
            self.block = _Block.NONE
        if self.block is _Block.CONTENTS:
            if CONTENTS_ENTRY_RE.search(text) or "\t" in text:
                return Line(number, Kind.CONTENTS, text)
            self.block = _Block.NONE
        if self.block is _Block.ANNEX:
            line = self._structure(number, text)
            if line.kind in {Kind.HEADING, Kind.ITEM}:
                return line
            return Line(number, Kind.ABBREVIATION, text)
        return self._outside_blocks(number, text)

    def _running(self, number: int, text: str) -> Line:
        """A running header or footer is noise, except a first one that is a heading."""
        key = self.running[number]
        if key not in self.running_seen:
            self.running_seen.add(key)
            line = self._structure(number, text)
            if line.kind is Kind.HEADING:
                return line
        return Line(number, Kind.NOISE, text)

    def _outside_blocks(self, number: int, text: str) -> Line:
        if PAGE_NUMBER_RE.match(text.strip()):
            return Line(number, Kind.NOISE, text)
        if CONTENTS_HEADING_RE.match(MARKDOWN_HEADING_RE.sub(r"\g<title>", text)):
            self.block = _Block.CONTENTS
            return Line(number, Kind.CONTENTS, text)
        if _is_page_reference(text):
            return Line(number, Kind.CONTENTS, text)
        if "\t" in text:
            table = self._table_start(number, text)
            if table is not None:
                return table
        return self._structure(number, text)

    def _table_start(self, number: int, text: str) -> Line | None:
        cells = table_cells(text)
        columns = _header_columns(cells)
        if columns is not None:
            self.block, self.columns = _Block.TABLE, columns
            return Line(number, Kind.TABLE_HEADER, text)
        filled = [cell for cell in cells if cell]
        if len(filled) == 2 and RESPONSIBILITY_CAPTION_RE.search(self.caption):
            self.block = _Block.TABLE
            self.columns = {index: "lead" for index, cell in enumerate(cells) if cell}
            self.columns[min(self.columns)] = "subject"
            return self._row(number, text)
        return None

    def _row(self, number: int, text: str) -> Line:
        cells = table_cells(text)
        fields = {
            column: cells[index]
            for index, column in self.columns.items()
            if index < len(cells) and cells[index]
        }
        if "text" in self.columns.values():
            return Line(number, Kind.ROW, text, fields=fields)
        statement = first_sentence(fields.get("lead", ""))
        return Line(number, Kind.RESPONSIBILITY_ROW, text, value=statement, fields=fields)

    def _structure(self, number: int, text: str) -> Line:
        """Items, deadlines, responses, responsible bodies, headings, numbered paragraphs."""
        heading = MARKDOWN_HEADING_RE.match(text)
        content = heading["title"] if heading else text
        item = ITEM_RE.match(content) or SHORT_ITEM_RE.match(content)
        if item and (heading or not self._continues_sentence()):
            return Line(number, Kind.ITEM, text, item_code(item["code"]), item["text"].strip())
        if heading:
            return self._titled_heading(number, text, heading["title"]) or self._heading(
                number, text, heading["title"], code=""
            )
        return (
            self._labelled(number, text)
            or self._titled_heading(number, text, text)
            or self._paragraph(number, text)
        )

    def _labelled(self, number: int, text: str) -> Line | None:
        if deadline := DEADLINE_RE.match(text):
            return Line(number, Kind.DEADLINE, text, value=deadline["phrase"].strip())
        if response := RESPONSE_RE.match(text):
            code = item_code(response["code"]) if response["code"] else ""
            value = response["text"].strip()
            return Line(number, Kind.RESPONSE, text, code, value, Role.EXPLICIT)
        if IMPLIED_RESPONSE_RE.match(text):
            return Line(
                number, Kind.RESPONSE, text, value=text.removeprefix("- "), role=Role.IMPLIED
            )
        if bodies := BODIES_RE.match(text):
            role = Role.SUPPORTING if SUPPORTING_LABEL_RE.match(bodies["label"]) else Role.LEAD
            return Line(number, Kind.BODIES, text, value=bodies["names"].strip(), role=role)
        return None

    def _titled_heading(self, number: int, text: str, title: str) -> Line | None:
        """A heading with a label or a number ("PART 2: Title", "3.7 Title"), by its title."""
        if ANNEX_LINE_RE.match(title):
            return self._heading(number, text, title, code="")
        if self.following[:1].islower():
            return None
        labelled = LABELLED_HEADING_RE.match(title)
        if labelled and _looks_like_heading(labelled["title"] or title):
            return self._heading(number, text, labelled["title"].strip() or title, code="")
        numbered = NUMBERED_HEADING_RE.match(title)
        if numbered and _looks_like_heading(numbered["title"]):
            return self._heading(number, text, numbered["title"], code=numbered["code"])
        return None

    def _paragraph(self, number: int, text: str) -> Line:
        if paragraph := NUMBERED_RE.match(text):
            code = paragraph["multi"] or paragraph["single"]
            return Line(number, Kind.NUMBERED, text, code, paragraph["text"].strip())
        return Line(number, Kind.BODY, text)

    def _heading(self, number: int, text: str, title: str, *, code: str) -> Line:
        if ANNEX_TITLE_RE.search(title):
            self.block = _Block.ANNEX
            return Line(number, Kind.HEADING, text, code, title, Role.ANNEX)
        if self.block is _Block.ANNEX:
            self.block = _Block.NONE
        return Line(number, Kind.HEADING, text, code, title)

    def _continues_sentence(self) -> bool:
        """Does this line carry on a sentence from the line before (a wrapped cross-reference)?"""
        previous = self.previous
        return (
            previous is not None
            and previous.kind is Kind.BODY
            and bool(BROKEN_SENTENCE_RE.search(previous.text))
        )


def _looks_like_heading(title: str) -> bool:
    """Short, and not a sentence: no closing punctuation, not broken off after "of" or "to"
    (as the first line of a wrapped paragraph in a PDF is)."""
    return (
        len(title.split()) <= MAX_HEADING_WORDS
        and len(title) <= MAX_HEADING_LENGTH
        and not title.rstrip().endswith((".", ";", ",", ":", "!", "?"))
        and not BROKEN_SENTENCE_RE.search(title)
        and "\t" not in title
    )


def _is_page_reference(text: str) -> bool:
    """A contents or summary entry: text, then a tab or dot leaders, then a page number."""
    if not PAGE_REFERENCE_RE.search(text):
        return False
    if "\t" not in text:
        return True
    cells = [cell for cell in table_cells(text) if cell]
    return len(cells) >= 2 and len(cells[-2].split()) >= 2


def _header_columns(cells: list[str]) -> dict[int, str] | None:
    """The columns of a table's header row, or None if the row is not a header we know."""
    filled = [(index, cell) for index, cell in enumerate(cells) if cell]
    if len(filled) < 2 or any(len(cell) > MAX_HEADER_CELL for _, cell in filled):
        return None
    columns: dict[int, str] = {}
    for index, cell in filled:
        name = next((name for name, pattern in COLUMNS if pattern.search(cell)), None)
        if name and name not in columns.values():
            columns[index] = name
    names = set(columns.values())
    if len(columns) >= 2 and names & {"text", "lead"}:
        return columns
    return None


def _running_lines(raw_lines: list[str]) -> dict[int, str]:
    """Line numbers of running headers and footers, with the text that identifies each."""
    pages: list[list[int]] = [[]]
    for number, raw in enumerate(raw_lines, start=1):
        if raw.strip(" \r") == PAGE_BREAK:
            pages.append([])
        elif raw.strip():
            pages[-1].append(number)
    if len(pages) < 2:
        return {}
    pages_by_key: dict[str, set[int]] = defaultdict(set)
    numbers_by_key: dict[str, list[int]] = defaultdict(list)
    for page, numbers in enumerate(pages):
        for number in {*numbers[:2], *numbers[-2:]}:
            key = re.sub(r"\d+", "#", " ".join(clean(raw_lines[number - 1]).lower().split()))
            pages_by_key[key].add(page)
            numbers_by_key[key].append(number)
    threshold = max(2, (len(pages) + 1) // 2)
    return {
        number: key
        for key, found_on in pages_by_key.items()
        if len(found_on) >= threshold
        for number in sorted(numbers_by_key[key])
    }
