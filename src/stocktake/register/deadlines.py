"""Parse the free-text deadline phrases written in delivery plans ("By when: spring 2000").

``deadline_parse(phrase)`` returns a :class:`Deadline`: the phrase as given, a
:class:`DeadlineKind` and ``earliest``/``latest``, the window within which the thing is
due. Either bound is ``None`` when it is open or not known. Matching ignores case, curly
and double quotes, en dashes, non-breaking spaces and trailing full stops. The parser never
guesses a year that is not written: "by April" is ``UNKNOWN``.

Periods, each with a first and a last day:

* a day: "1 January 2001", "31/03/2017", "2017-03-31";
* a month: "April 2000", "Sept 2017". "early/mid/late April" are days 1-10, 11-20 and
  21-end. "the end of March"/"end-March" is the last day; "the start of March" the first;
* a season, UK meteorological: spring Mar-May, summer Jun-Aug, autumn Sep-Nov, winter
  Dec to Feb of the next year ("winter 2016/17" is the same as "winter 2016");
* part of a year: early Jan-Apr, mid May-Aug, late Sep-Dec, end Oct-Dec, start Jan-Mar;
* a quarter: "Q3 2016" is Jul-Sep; a year: "2016";
* two consecutive years joined by "/" or "-" are a financial year: "2016/17", "2016-2017"
  and "FY2016/17" are 1 April 2016 to 31 March 2017. Other ranges ("2015-2020",
  "2015 to 2020", "between April and June 2017") are calendar spans from the start of the
  first to the end of the last. "December to February 2017" starts in December 2016;
* "the end of this/the Parliament" is the day ``parliament_end``; "this Parliament" means by
  then. Without ``parliament_end`` the phrase is ``UNKNOWN``;
* "within 12 months/six months/two years/a year/6 weeks" runs from ``programme_start``
  to the day before the same date N units later. Without ``programme_start`` it is
  ``UNKNOWN``. "within 18 months of Royal Assent" is relative to an event: ``EVENT``
  "Royal Assent" with no dates.

A period of up to 31 days is a ``DATE``; a longer one is a ``WINDOW``. The word before it
decides the bounds. No word: earliest and latest are its first and last days. "by",
"until" and "no later than" give no earliest, latest = its last day. "before" gives latest
= the day before it starts. "from", "since" and "X onwards" give earliest = its first day
and no latest. "after" gives earliest = the day after it ends. Ranges ignore these words.
A phrase can mention several periods ("First element in place; fuller programme by April
2000"). The one that ends last is the deadline, and the other words stay only in ``phrase``.

Other kinds:

* ``ONGOING`` when the phrase says ongoing, on-going or continuous. This wins over any
  date. Earliest is the first day of the earliest period mentioned ("Ongoing from April
  2000"), or else ``programme_start``. Latest is ``None``.
* ``IMMEDIATE``: "with immediate effect", "immediately", "now". Earliest = latest =
  ``programme_start``.
* ``EVENT``: the phrase names an event but no period. An event is the text after "as
  part of" (to a closing bracket, semicolon or the end), or a known occasion such as a
  Spending Review, a general election or Royal Assent. A leading "the" is dropped. If the
  event's name has a year, earliest/latest span that year ("as part of the 2000 Spending
  Review"). With "subsequent" or "onwards" there is no latest ("Year 2000 and subsequent
  Spending Reviews": from 2000-01-01). "before", "after" or "of" in front of the event
  ("before the 2017 general election") leave both dates ``None``. When a period is also
  given, the period decides the kind and dates, and the event is kept in ``event``.
* ``UNKNOWN``: anything else, with both dates ``None``.
"""

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class DeadlineKind(StrEnum):
    """What sort of deadline a phrase gives; the values are stored in the database."""

    DATE = "date"
    WINDOW = "window"
    ONGOING = "ongoing"
    IMMEDIATE = "immediate"
    EVENT = "event"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Deadline:
    """A parsed deadline phrase: due between ``earliest`` and ``latest`` (either may be open)."""

    phrase: str
    kind: DeadlineKind
    earliest: date | None
    latest: date | None
    event: str = ""

    def as_dict(self) -> dict[str, str | None]:
        """The deadline as JSON-ready values: ISO dates, ``None`` for a missing date or event."""
        return {
            "phrase": self.phrase,
            "kind": self.kind.value,
            "earliest": self.earliest.isoformat() if self.earliest else None,
            "latest": self.latest.isoformat() if self.latest else None,
            "event": self.event or None,
        }


MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
SEASONS: dict[str, int] = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
"""The first month of each season; every season lasts three months."""
YEAR_PARTS: dict[str, tuple[int, int]] = {
    "early": (1, 4), "mid": (5, 8), "late": (9, 12), "end": (10, 12),
    "start": (1, 3), "beginning": (1, 3),
}  # fmt: skip
"""First and last month of "early 2000", "mid-2000", "the end of 2000"..."""
MONTH_PARTS: dict[str, tuple[int, int]] = {
    "early": (1, 10), "mid": (11, 20), "late": (21, 31), "end": (31, 31),
    "start": (1, 1), "beginning": (1, 1),
}  # fmt: skip
"""First and last day of "early April", "end-March"... (clipped to the month's length)."""
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "eighteen": 18, "twenty-four": 24,
}  # fmt: skip

_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"
_YEAR = r"(?:19|20)\d{2}"
_PART = "|".join(YEAR_PARTS)
_COUNT = r"\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_EVENT_NOUN = (
    r"(?:comprehensive\s+)?spending\s+reviews?|general\s+elections?|royal\s+assent"
    r"|pre-budget\s+reports?|(?:autumn|spring)\s+statements?|(?:queen|king)'s\s+speech"
)

ISO_DATE_RE = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
NUMERIC_DATE_RE = re.compile(
    r"\b(?P<day>\d{1,2})(?P<sep>[/.-])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{4})\b"
)
DAY_MONTH_YEAR_RE = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<month>{_MONTH}),?\s+(?P<year>{_YEAR})\b",
    re.IGNORECASE,
)
MONTH_DAY_YEAR_RE = re.compile(
    rf"\b(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>{_YEAR})\b",
    re.IGNORECASE,
)
QUARTER_RE = re.compile(rf"\bq(?P<quarter>[1-4])(?:\s+of)?\s*(?P<year>{_YEAR})\b", re.IGNORECASE)
MONTH_RANGE_RE = re.compile(
    rf"(?P<between>\bbetween\s+)?\b(?P<month1>{_MONTH})(?:\s+(?P<year1>{_YEAR}))?"
    rf"\s*(?P<joiner>-|\bto\b|\buntil\b|\band\b)\s*(?P<month2>{_MONTH})\s+(?P<year2>{_YEAR})\b",
    re.IGNORECASE,
)
MONTH_RE = re.compile(
    rf"\b(?:the\s+)?(?:(?P<part>{_PART})(?:\s+of)?(?:\s+|-)(?:the\s+)?)?"
    rf"(?P<month>{_MONTH}),?\s+(?P<year>{_YEAR})\b",
    re.IGNORECASE,
)
SEASON_RE = re.compile(
    rf"\b(?:the\s+)?(?P<season>{'|'.join(SEASONS)})(?:\s+of)?\s+(?P<year>{_YEAR})"
    r"(?:\s*[/-]\s*(?P<second>\d{4}|\d{2}))?\b",
    re.IGNORECASE,
)
YEAR_SPAN_RE = re.compile(
    rf"(?:\b(?:the\s+)?financial\s+year\s+|\bfy\s*|\b)(?P<first>{_YEAR})"
    r"\s*[/-]\s*(?P<second>\d{4}|\d{2})\b",
    re.IGNORECASE,
)
YEAR_PART_RE = re.compile(
    rf"\b(?:the\s+)?(?P<part>{_PART})(?:\s+of)?(?:\s+|-)(?:the\s+)?(?P<year>{_YEAR})\b",
    re.IGNORECASE,
)
PARLIAMENT_RE = re.compile(
    r"\b(?:(?:the\s+)?(?P<end>end)\s+of\s+)?(?:this|the|the\s+current|the\s+present)\s+parliament\b",
    re.IGNORECASE,
)
RELATIVE_RE = re.compile(
    rf"\bwithin\s+(?:the\s+next\s+)?(?P<count>{_COUNT})\s+(?P<unit>day|week|month|year)s?\b"
    r"(?!\s+(?:of|after|following|from)\b)",
    re.IGNORECASE,
)
YEAR_RE = re.compile(rf"\b(?P<year>{_YEAR})\b")

AS_PART_OF_RE = re.compile(
    r"\(?\s*\bas\s+part\s+of\s+(?P<event>[^();]+?)\s*(?:\)|(?=;)|$)", re.IGNORECASE
)
EVENT_NAME_RE = re.compile(
    rf"\b(?P<event>(?:(?:the|this|next|year|subsequent|and|{_YEAR})\s+)*(?:{_EVENT_NOUN})"
    rf"(?:\s+{_YEAR})?)\b",
    re.IGNORECASE,
)
UNDATED_EVENT_RE = re.compile(r"\b(?:before|after|following|prior\s+to|of)\s*$", re.IGNORECASE)
OPEN_ENDED_EVENT_RE = re.compile(r"\b(?:subsequent|onwards?|future|later|beyond)\b", re.IGNORECASE)
LEADING_THE_RE = re.compile(r"^the\s+", re.IGNORECASE)

RANGE_JOINER_RE = re.compile(r"\s*(?P<joiner>-|to|until|till|through|and)\s*", re.IGNORECASE)
BETWEEN_RE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
RELATION_RE = re.compile(
    r"(?:\b(?P<by>by|until|till|no\s+later\s+than|not\s+later\s+than|up\s+to)"
    r"|\b(?P<before>before)|\b(?P<from>from|since|starting(?:\s+(?:in|from))?)"
    r"|\b(?P<after>after))\s+$",
    re.IGNORECASE,
)
ONWARDS_RE = re.compile(r"\s*(?:onwards?|and\s+beyond|and\s+after)\b", re.IGNORECASE)
ONGOING_RE = re.compile(r"\b(?:on-?\s?going|continuous(?:ly)?|continuing)\b", re.IGNORECASE)
IMMEDIATE_RE = re.compile(
    r"\b(?:with\s+immediate\s+effect|immediately|immediate)\b|^(?:from\s+)?now(?:\s+onwards?)?$",
    re.IGNORECASE,
)

_CHARACTERS = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201c": None, "\u201d": None, '"': None,
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    }
)  # fmt: skip


class _Relation(StrEnum):
    """How a period bounds the deadline: the word written before (or after) it."""

    AT = "at"
    BY = "by"
    BEFORE = "before"
    FROM = "from"
    AFTER = "after"


class _UnresolvableError(Exception):
    """A date-like expression that cannot be turned into dates (invalid, or missing an anchor)."""


@dataclass(frozen=True)
class _Anchors:
    programme_start: date | None
    parliament_end: date | None


@dataclass(frozen=True)
class _Span:
    """A named period. ``relation`` is set when the expression fixes it (ranges, parliament)."""

    first: date
    last: date
    relation: _Relation | None = None


@dataclass(frozen=True)
class _Mention:
    span: _Span
    start: int
    end: int


@dataclass(frozen=True)
class _Event:
    name: str
    earliest: date | None
    latest: date | None


def deadline_parse(
    phrase: str, *, programme_start: date | None = None, parliament_end: date | None = None
) -> Deadline:
    """Parse a "By when" phrase; see the module docstring for the rules."""
    phrase = phrase.strip()
    text, event = _take_event(_normalise(phrase))
    name = event.name if event else ""
    try:
        mentions = _find_mentions(text, _Anchors(programme_start, parliament_end))
    except _UnresolvableError:
        return Deadline(phrase, DeadlineKind.UNKNOWN, None, None, name)
    if ONGOING_RE.search(text):
        earliest = min((mention.span.first for mention in mentions), default=programme_start)
        return Deadline(phrase, DeadlineKind.ONGOING, earliest, None, name)
    if mentions:
        return _dated(phrase, text, mentions, name)
    if IMMEDIATE_RE.search(text):
        return Deadline(phrase, DeadlineKind.IMMEDIATE, programme_start, programme_start, name)
    if event:
        return Deadline(phrase, DeadlineKind.EVENT, event.earliest, event.latest, name)
    return Deadline(phrase, DeadlineKind.UNKNOWN, None, None)


def _normalise(phrase: str) -> str:
    return " ".join(phrase.translate(_CHARACTERS).split()).rstrip(" .")


def _take_event(text: str) -> tuple[str, _Event | None]:
    """Cut the named event, if any, out of the text that is searched for dates."""
    match = AS_PART_OF_RE.search(text)
    dated = True
    if not match:
        match = EVENT_NAME_RE.search(text)
        if not match:
            return text, None
        dated = not UNDATED_EVENT_RE.search(text[: match.start()])
    rest = f"{text[: match.start()]} {text[match.end() :]}".strip()
    return rest, _event(LEADING_THE_RE.sub("", match["event"]), dated=dated)


def _event(name: str, *, dated: bool) -> _Event:
    year = YEAR_RE.search(name)
    if not (dated and year):
        return _Event(name, None, None)
    number = int(year["year"])
    latest = None if OPEN_ENDED_EVENT_RE.search(name) else date(number, 12, 31)
    return _Event(name, date(number, 1, 1), latest)


def _dated(phrase: str, text: str, mentions: list[_Mention], event: str) -> Deadline:
    """The deadline from the period that ends last."""
    mention = max(mentions, key=lambda mention: (mention.span.last, mention.start))
    span = mention.span
    relation = span.relation or _relation(text, mention)
    kind = DeadlineKind.DATE if (span.last - span.first).days < 31 else DeadlineKind.WINDOW
    earliest, latest = {
        _Relation.AT: (span.first, span.last),
        _Relation.BY: (None, span.last),
        _Relation.BEFORE: (None, span.first - timedelta(days=1)),
        _Relation.FROM: (span.first, None),
        _Relation.AFTER: (span.last + timedelta(days=1), None),
    }[relation]
    return Deadline(phrase, kind, earliest, latest, event)


def _relation(text: str, mention: _Mention) -> _Relation:
    before = RELATION_RE.search(text[: mention.start])
    if before and before.lastgroup:
        return _Relation(before.lastgroup)
    if ONWARDS_RE.match(text, mention.end):
        return _Relation.FROM
    return _Relation.AT


def _find_mentions(text: str, anchors: _Anchors) -> list[_Mention]:
    """Every period in the text, in order; earlier matchers win where matches overlap."""
    found: list[_Mention] = []
    for pattern, convert in _MATCHERS:
        for match in pattern.finditer(text):
            if any(match.start() < other.end and other.start < match.end() for other in found):
                continue
            span = convert(match, anchors)
            if span:
                found.append(_Mention(span, match.start(), match.end()))
    return _join_ranges(text, sorted(found, key=lambda mention: mention.start))


def _join_ranges(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """Merge "X to Y", "X - Y" and "between X and Y" into one range."""
    joined: list[_Mention] = []
    for mention in mentions:
        if joined and _is_range(text, joined[-1], mention):
            left = joined.pop()
            span = _range(left.span.first, mention.span.last)
            joined.append(_Mention(span, left.start, mention.end))
        else:
            joined.append(mention)
    return joined


def _is_range(text: str, left: _Mention, right: _Mention) -> bool:
    joiner = RANGE_JOINER_RE.fullmatch(text, left.end, right.start)
    if not joiner:
        return False
    return joiner["joiner"].lower() != "and" or bool(BETWEEN_RE.search(text[: left.start]))


def _range(first: date, last: date) -> _Span:
    if first > last:
        raise _UnresolvableError
    return _Span(first, last, _Relation.AT)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(start: date, months: int) -> date:
    year, month = divmod(start.month - 1 + months, 12)
    year += start.year
    return date(year, month + 1, min(start.day, calendar.monthrange(year, month + 1)[1]))


def _second_year(first: int, digits: str) -> int:
    """The full year of the "17" in "2016/17" ("1999/00" is 2000)."""
    if len(digits) == 4:
        return int(digits)
    second = first - first % 100 + int(digits)
    return second + 100 if second == first - 99 else second


def _month_number(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _day(year: str, month: str, day: str) -> _Span:
    number = _month_number(month) if month[0].isalpha() else int(month)
    try:
        when = date(int(year), number, int(day))
    except ValueError as error:
        raise _UnresolvableError from error
    return _Span(when, when)


def _day_span(match: re.Match[str], _anchors: _Anchors) -> _Span:
    return _day(match["year"], match["month"], match["day"])


def _quarter_span(match: re.Match[str], _anchors: _Anchors) -> _Span:
    year, last = int(match["year"]), 3 * int(match["quarter"])
    return _Span(date(year, last - 2, 1), _month_end(year, last))


def _month_range_span(match: re.Match[str], _anchors: _Anchors) -> _Span | None:
    if match["joiner"].lower() == "and" and not match["between"]:
        return None
    first, last = _month_number(match["month1"]), _month_number(match["month2"])
    year = int(match["year2"])
    first_year = year - 1 if first > last else year  # "December to February 2017"
    if match["year1"]:
        first_year = int(match["year1"])
    return _range(date(first_year, first, 1), _month_end(year, last))


def _month_span(match: re.Match[str], _anchors: _Anchors) -> _Span:
    year, month = int(match["year"]), _month_number(match["month"])
    first, last = MONTH_PARTS[match["part"].lower()] if match["part"] else (1, 31)
    end = _month_end(year, month)
    return _Span(date(year, month, min(first, end.day)), date(year, month, min(last, end.day)))


def _season_span(match: re.Match[str], _anchors: _Anchors) -> _Span:
    year, month = int(match["year"]), SEASONS[match["season"].lower()]
    if match["second"] and (month != 12 or _second_year(year, match["second"]) != year + 1):
        raise _UnresolvableError
    last = _add_months(date(year, month, 1), 2)
    return _Span(date(year, month, 1), _month_end(last.year, last.month))


def _year_span(match: re.Match[str], _anchors: _Anchors) -> _Span:
    first = int(match["first"])
    second = _second_year(first, match["second"])
    if second == first + 1:
        return _Span(date(first, 4, 1), date(second, 3, 31))
    return _range(date(first, 1, 1), date(second, 12, 31))


def _year_part_span(match: re.Match[str], _anchors: _Anchors) -> _Span:
    year = int(match["year"])
    first, last = YEAR_PARTS[match["part"].lower()]
    return _Span(date(year, first, 1), _month_end(year, last))


def _parliament_span(match: re.Match[str], anchors: _Anchors) -> _Span:
    if anchors.parliament_end is None:
        raise _UnresolvableError
    relation = None if match["end"] else _Relation.BY
    return _Span(anchors.parliament_end, anchors.parliament_end, relation)


def _relative_span(match: re.Match[str], anchors: _Anchors) -> _Span:
    start = anchors.programme_start
    count = match["count"].lower()
    number = int(count) if count.isdigit() else NUMBER_WORDS[count]
    if start is None or number == 0:
        raise _UnresolvableError
    unit = match["unit"].lower()
    if unit in {"day", "week"}:
        end = start + timedelta(days=number * (7 if unit == "week" else 1))
    else:
        end = _add_months(start, number * (12 if unit == "year" else 1))
    return _Span(start, end - timedelta(days=1))


def _year_only_span(match: re.Match[str], _anchors: _Anchors) -> _Span:
    year = int(match["year"])
    return _Span(date(year, 1, 1), date(year, 12, 31))


_Converter = Callable[[re.Match[str], _Anchors], _Span | None]
_MATCHERS: tuple[tuple[re.Pattern[str], _Converter], ...] = (
    (ISO_DATE_RE, _day_span),
    (NUMERIC_DATE_RE, _day_span),
    (DAY_MONTH_YEAR_RE, _day_span),
    (MONTH_DAY_YEAR_RE, _day_span),
    (QUARTER_RE, _quarter_span),
    (MONTH_RANGE_RE, _month_range_span),
    (MONTH_RE, _month_span),
    (SEASON_RE, _season_span),
    (YEAR_SPAN_RE, _year_span),
    (YEAR_PART_RE, _year_part_span),
    (PARLIAMENT_RE, _parliament_span),
    (RELATIVE_RE, _relative_span),
    (YEAR_RE, _year_only_span),
)
"""Tried in this order; a match overlapping an earlier one is ignored."""
