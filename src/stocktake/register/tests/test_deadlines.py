"""Tests for the deadline-phrase parser (pure Python, no database)."""

import dataclasses
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from stocktake.register.deadlines import Deadline, DeadlineKind, deadline_parse

DATE = DeadlineKind.DATE
WINDOW = DeadlineKind.WINDOW
ONGOING = DeadlineKind.ONGOING
IMMEDIATE = DeadlineKind.IMMEDIATE
EVENT = DeadlineKind.EVENT
UNKNOWN = DeadlineKind.UNKNOWN

WIRING_IT_UP = Path(__file__).parent / "data" / "wiring_it_up.txt"
BY_WHEN_RE = re.compile(r"^By when:?[^\S\n]*(.*)$", re.IGNORECASE | re.MULTILINE)

PROGRAMME_START = date(2016, 5, 1)
PARLIAMENT_END = date(2020, 5, 7)


def _summary(deadline: Deadline) -> tuple[DeadlineKind, str | None, str | None, str]:
    """Kind, ISO earliest, ISO latest and event: the shape every table below uses."""
    values = deadline.as_dict()
    return deadline.kind, values["earliest"], values["latest"], deadline.event


# Each row: phrase, kind, earliest, latest and event.
PHRASES = [
    # Days and months.
    ("April 2000", DATE, "2000-04-01", "2000-04-30", ""),
    ("1 January 2001", DATE, "2001-01-01", "2001-01-01", ""),
    ("31st of March 2017", DATE, "2017-03-31", "2017-03-31", ""),
    ("March 31, 2017", DATE, "2017-03-31", "2017-03-31", ""),
    ("31/03/2017", DATE, "2017-03-31", "2017-03-31", ""),
    ("2017-03-31", DATE, "2017-03-31", "2017-03-31", ""),
    ("Jan 2018", DATE, "2018-01-01", "2018-01-31", ""),
    ("Sept 2017", DATE, "2017-09-01", "2017-09-30", ""),
    ("Sept. 2017", DATE, "2017-09-01", "2017-09-30", ""),
    ("the end of March 2017", DATE, "2017-03-31", "2017-03-31", ""),
    ("end-March 2017", DATE, "2017-03-31", "2017-03-31", ""),
    ("end of February 2016", DATE, "2016-02-29", "2016-02-29", ""),
    ("early April 2000", DATE, "2000-04-01", "2000-04-10", ""),
    ("mid-June 2000", DATE, "2000-06-11", "2000-06-20", ""),
    ("late June 2000", DATE, "2000-06-21", "2000-06-30", ""),
    # "by", "before", "from", "after" and "onwards".
    ("by April 2000", DATE, None, "2000-04-30", ""),
    ("By April 2000", DATE, None, "2000-04-30", ""),
    ("by the end of March 2017", DATE, None, "2017-03-31", ""),
    ("no later than 31 March 2017", DATE, None, "2017-03-31", ""),
    ("before April 2000", DATE, None, "2000-03-31", ""),
    ("from April 2000", DATE, "2000-04-01", None, ""),
    ("after March 2000", DATE, "2000-04-01", None, ""),
    ("March 2017 onwards", DATE, "2017-03-01", None, ""),
    ("from 2016", WINDOW, "2016-01-01", None, ""),
    ("by 2020", WINDOW, None, "2020-12-31", ""),
    # Seasons, UK meteorological.
    ("spring 2000", WINDOW, "2000-03-01", "2000-05-31", ""),
    ("Summer 2016", WINDOW, "2016-06-01", "2016-08-31", ""),
    ("autumn 2016", WINDOW, "2016-09-01", "2016-11-30", ""),
    ("winter 2016", WINDOW, "2016-12-01", "2017-02-28", ""),
    ("winter 2019", WINDOW, "2019-12-01", "2020-02-29", ""),
    ("winter 2016/17", WINDOW, "2016-12-01", "2017-02-28", ""),
    ("from spring 2000", WINDOW, "2000-03-01", None, ""),
    # Parts of a year, quarters and years.
    ("early 2000", WINDOW, "2000-01-01", "2000-04-30", ""),
    ("Early 2000", WINDOW, "2000-01-01", "2000-04-30", ""),
    ("mid 2000", WINDOW, "2000-05-01", "2000-08-31", ""),
    ("mid-2000", WINDOW, "2000-05-01", "2000-08-31", ""),
    ("mid-2017", WINDOW, "2017-05-01", "2017-08-31", ""),
    ("late 2000", WINDOW, "2000-09-01", "2000-12-31", ""),
    ("end of 2000", WINDOW, "2000-10-01", "2000-12-31", ""),
    ("end of 2018", WINDOW, "2018-10-01", "2018-12-31", ""),
    ("by the end of 2018", WINDOW, None, "2018-12-31", ""),
    ("start of 2019", WINDOW, "2019-01-01", "2019-03-31", ""),
    ("Q3 2016", WINDOW, "2016-07-01", "2016-09-30", ""),
    ("q1 2017", WINDOW, "2017-01-01", "2017-03-31", ""),
    ("2016", WINDOW, "2016-01-01", "2016-12-31", ""),
    # Financial years: two consecutive years joined by "/" or "-".
    ("2016/17", WINDOW, "2016-04-01", "2017-03-31", ""),
    ("2016-17", WINDOW, "2016-04-01", "2017-03-31", ""),
    ("2016-2017", WINDOW, "2016-04-01", "2017-03-31", ""),
    ("FY2016/17", WINDOW, "2016-04-01", "2017-03-31", ""),
    ("FY 2016-17", WINDOW, "2016-04-01", "2017-03-31", ""),
    ("financial year 2016/17", WINDOW, "2016-04-01", "2017-03-31", ""),
    ("2016\u201317", WINDOW, "2016-04-01", "2017-03-31", ""),
    ("1999/00", WINDOW, "1999-04-01", "2000-03-31", ""),
    ("by 2016/17", WINDOW, None, "2017-03-31", ""),
    # Calendar ranges.
    ("2015 to 2020", WINDOW, "2015-01-01", "2020-12-31", ""),
    ("2015-2020", WINDOW, "2015-01-01", "2020-12-31", ""),
    ("2016-18", WINDOW, "2016-01-01", "2018-12-31", ""),
    ("between 2015 and 2020", WINDOW, "2015-01-01", "2020-12-31", ""),
    ("between April and June 2017", WINDOW, "2017-04-01", "2017-06-30", ""),
    ("April-June 2017", WINDOW, "2017-04-01", "2017-06-30", ""),
    ("December to February 2017", WINDOW, "2016-12-01", "2017-02-28", ""),
    ("April 2016 to March 2017", WINDOW, "2016-04-01", "2017-03-31", ""),
    ("from April 2016 to March 2017", WINDOW, "2016-04-01", "2017-03-31", ""),
    # Immediate and ongoing, without anchors.
    ("with immediate effect", IMMEDIATE, None, None, ""),
    ("immediately", IMMEDIATE, None, None, ""),
    ("Now", IMMEDIATE, None, None, ""),
    ("Ongoing", ONGOING, None, None, ""),
    ("continuous", ONGOING, None, None, ""),
    ("on-going", ONGOING, None, None, ""),
    ("Ongoing from April 2000", ONGOING, "2000-04-01", None, ""),
    # Events.
    (
        "from April 2000 (as part of year 2000 Spending Review)",
        DATE,
        "2000-04-01",
        None,
        "year 2000 Spending Review",
    ),
    (
        "April 2000 (as part of year 2000 Spending Review)",
        DATE,
        "2000-04-01",
        "2000-04-30",
        "year 2000 Spending Review",
    ),
    (
        "April 2002 (as part of wider civil service reforms)",
        DATE,
        "2002-04-01",
        "2002-04-30",
        "wider civil service reforms",
    ),
    ("As part of review of legislation", EVENT, None, None, "review of legislation"),
    (
        "Year 2000 and subsequent Spending Reviews",
        EVENT,
        "2000-01-01",
        None,
        "Year 2000 and subsequent Spending Reviews",
    ),
    (
        "as part of the 2000 Spending Review",
        EVENT,
        "2000-01-01",
        "2000-12-31",
        "2000 Spending Review",
    ),
    ("before the 2017 general election", EVENT, None, None, "2017 general election"),
    ("within 18 months of Royal Assent", EVENT, None, None, "Royal Assent"),
    ("Immediately (as part of the reforms)", IMMEDIATE, None, None, "reforms"),
    # Composite phrases: the words around the date stay only in the phrase.
    ("First element in place; fuller programme by April 2000", DATE, None, "2000-04-30", ""),
    ("First element in place. Further modules by April 2000", DATE, None, "2000-04-30", ""),
    ("Programme in place by September 2000", DATE, None, "2000-09-30", ""),
    ("Circulate guidance by May 2000", DATE, None, "2000-05-31", ""),
    ("CMPS discussion paper by March 2000", DATE, None, "2000-03-31", ""),
    ("Lessons learned paper by April 2000", DATE, None, "2000-04-30", ""),
    ("New/adapted machinery in place by April 2000", DATE, None, "2000-04-30", ""),
    ("October 2000 for new partnership programmes", DATE, "2000-10-01", "2000-10-31", ""),
    ("Advice to be issued by early 2000", WINDOW, None, "2000-04-30", ""),
    ("Interim report June 2000; final report by December 2000", DATE, None, "2000-12-31", ""),
    # Tolerated noise.
    ("  By April 2000.  ", DATE, None, "2000-04-30", ""),
    ("by\u00a0April\u00a02000", DATE, None, "2000-04-30", ""),
    ("by \u201cspring 2000\u201d", WINDOW, None, "2000-05-31", ""),
    ("BY EARLY 2000", WINDOW, None, "2000-04-30", ""),
    # Not understood, or a year that is not written: never guessed.
    ("", UNKNOWN, None, None, ""),
    ("TBC", UNKNOWN, None, None, ""),
    ("As soon as possible", UNKNOWN, None, None, ""),
    ("by April", UNKNOWN, None, None, ""),
    ("by the end of March", UNKNOWN, None, None, ""),
    ("in the spring", UNKNOWN, None, None, ""),
    ("31/02/2017", UNKNOWN, None, None, ""),
    ("2017-13-45", UNKNOWN, None, None, ""),
    ("2016/15", UNKNOWN, None, None, ""),
]


@pytest.mark.parametrize(("phrase", "kind", "earliest", "latest", "event"), PHRASES)
def test_phrase(
    phrase: str, kind: DeadlineKind, earliest: str | None, latest: str | None, event: str
) -> None:
    assert _summary(deadline_parse(phrase)) == (kind, earliest, latest, event)


@pytest.mark.parametrize(
    ("phrase", "kind", "earliest", "latest"),
    [
        ("within 12 months", WINDOW, "2016-05-01", "2017-04-30"),
        ("within six months", WINDOW, "2016-05-01", "2016-10-31"),
        ("within two years", WINDOW, "2016-05-01", "2018-04-30"),
        ("within a year", WINDOW, "2016-05-01", "2017-04-30"),
        ("within the next 3 months", WINDOW, "2016-05-01", "2016-07-31"),
        ("within 6 weeks", WINDOW, "2016-05-01", "2016-06-11"),
        ("within 10 days", DATE, "2016-05-01", "2016-05-10"),
        ("Report published within 12 months", WINDOW, "2016-05-01", "2017-04-30"),
        ("with immediate effect", IMMEDIATE, "2016-05-01", "2016-05-01"),
        ("now", IMMEDIATE, "2016-05-01", "2016-05-01"),
        ("Ongoing", ONGOING, "2016-05-01", None),
        ("Ongoing from April 2000", ONGOING, "2000-04-01", None),
    ],
)
def test_relative_to_programme_start(
    phrase: str, kind: DeadlineKind, earliest: str | None, latest: str | None
) -> None:
    deadline = deadline_parse(phrase, programme_start=PROGRAMME_START)
    assert _summary(deadline) == (kind, earliest, latest, "")


def test_within_a_month_is_clipped_to_the_month_end() -> None:
    deadline = deadline_parse("within one month", programme_start=date(2016, 1, 31))
    assert _summary(deadline) == (DATE, "2016-01-31", "2016-02-28", "")


@pytest.mark.parametrize(
    "phrase", ["within 12 months", "within six months", "within two years", "within a year"]
)
def test_relative_without_programme_start_is_unknown(phrase: str) -> None:
    assert _summary(deadline_parse(phrase)) == (UNKNOWN, None, None, "")


def test_within_nothing_is_unknown() -> None:
    deadline = deadline_parse("within 0 months", programme_start=PROGRAMME_START)
    assert _summary(deadline) == (UNKNOWN, None, None, "")


def test_event_relative_phrase_ignores_programme_start() -> None:
    deadline = deadline_parse("within 18 months of Royal Assent", programme_start=PROGRAMME_START)
    assert _summary(deadline) == (EVENT, None, None, "Royal Assent")


@pytest.mark.parametrize(
    ("phrase", "kind", "earliest", "latest"),
    [
        ("by the end of this Parliament", DATE, None, "2020-05-07"),
        ("by the end of the Parliament", DATE, None, "2020-05-07"),
        ("the end of this Parliament", DATE, "2020-05-07", "2020-05-07"),
        ("this Parliament", DATE, None, "2020-05-07"),
        ("during this Parliament", DATE, None, "2020-05-07"),
        ("Legislation by the end of this Parliament", DATE, None, "2020-05-07"),
    ],
)
def test_parliament_end(
    phrase: str, kind: DeadlineKind, earliest: str | None, latest: str | None
) -> None:
    deadline = deadline_parse(phrase, parliament_end=PARLIAMENT_END)
    assert _summary(deadline) == (kind, earliest, latest, "")


@pytest.mark.parametrize(
    "phrase", ["by the end of this Parliament", "by the end of the Parliament", "this Parliament"]
)
def test_parliament_without_parliament_end_is_unknown(phrase: str) -> None:
    assert _summary(deadline_parse(phrase)) == (UNKNOWN, None, None, "")


def test_phrase_is_kept_verbatim_apart_from_surrounding_whitespace() -> None:
    assert deadline_parse("  Further modules by April 2000.\n").phrase == (
        "Further modules by April 2000."
    )


def test_as_dict_shape() -> None:
    deadline = deadline_parse("from April 2000 (as part of year 2000 Spending Review)")
    assert deadline.as_dict() == {
        "phrase": "from April 2000 (as part of year 2000 Spending Review)",
        "kind": "date",
        "earliest": "2000-04-01",
        "latest": None,
        "event": "year 2000 Spending Review",
    }


def test_as_dict_without_event_or_dates() -> None:
    assert deadline_parse("TBC").as_dict() == {
        "phrase": "TBC",
        "kind": "unknown",
        "earliest": None,
        "latest": None,
        "event": None,
    }


def test_kind_values_are_the_stored_strings() -> None:
    assert [kind.value for kind in DeadlineKind] == [
        "date",
        "window",
        "ongoing",
        "immediate",
        "event",
        "unknown",
    ]
    assert DeadlineKind.WINDOW == "window"


def test_deadline_is_frozen() -> None:
    deadline = deadline_parse("April 2000")
    with pytest.raises(dataclasses.FrozenInstanceError):
        deadline.kind = UNKNOWN  # type: ignore[misc]


def _by_when_phrases() -> list[str]:
    return BY_WHEN_RE.findall(WIRING_IT_UP.read_text(encoding="utf-8"))


# Every "By when" line of the "Wiring it up" progress report, in order.
WIRING_IT_UP_EXPECTED = [
    (IMMEDIATE, None, None),  # with immediate effect
    (WINDOW, "2000-03-01", None),  # from spring 2000
    (DATE, "2002-04-01", "2002-04-30"),  # April 2002 (as part of wider civil service reforms)
    (DATE, "2000-10-01", "2000-10-31"),  # October 2000 (as part of ...)
    (DATE, "2000-06-01", "2000-06-30"),  # June 2000
    (DATE, "2000-04-01", None),  # from April 2000 (as part of year 2000 Spending Review)
    (DATE, None, "2000-04-30"),  # First element in place. Further modules by April 2000
    (ONGOING, None, None),
    (ONGOING, None, None),
    (DATE, "2000-04-01", "2000-04-30"),  # April 2000 (as part of year 2000 Spending Review)
    (DATE, None, "2000-09-30"),  # Programme in place by September 2000
    (DATE, None, "2000-05-31"),  # Circulate guidance by May 2000
    (WINDOW, "2000-01-01", "2000-04-30"),  # Early 2000 ("By When:")
    (DATE, None, "2000-04-30"),  # New/adapted machinery in place by April 2000
    (WINDOW, "2000-03-01", "2000-05-31"),  # spring 2000 (as part of ...)
    (DATE, "2001-04-01", "2001-04-30"),  # April 2001 (as part of ...)
    (DATE, "2001-04-01", "2001-04-30"),  # April 2001 (as part of ...)
    (WINDOW, "2000-03-01", "2000-05-31"),  # spring 2000 (as part of ...)
    (DATE, "2000-12-01", "2000-12-31"),  # December 2000
    (DATE, None, "2000-03-31"),  # CMPS discussion paper by March 2000
    (DATE, None, "2000-04-30"),  # First element in place; fuller programme by April 2000
    (WINDOW, "2001-03-01", "2001-05-31"),  # spring 2001
    (DATE, "2000-10-01", "2000-10-31"),  # October 2000 for new partnership programmes
    (DATE, "2000-04-01", "2000-04-30"),  # "By when April 2000 (...)", no colon
    (ONGOING, None, None),
    (ONGOING, None, None),
    (WINDOW, None, "2000-04-30"),  # Advice to be issued by early 2000
    (ONGOING, None, None),
    (ONGOING, None, None),
    (EVENT, None, None),  # As part of review of legislation
    (WINDOW, None, "2000-04-30"),  # By early 2000
    (ONGOING, None, None),
    (ONGOING, None, None),
    (ONGOING, None, None),
    (DATE, None, "2000-04-30"),  # Lessons learned paper by April 2000
    (ONGOING, None, None),
    (ONGOING, None, None),
    (ONGOING, None, None),
    (EVENT, "2000-01-01", None),  # Year 2000 and subsequent Spending Reviews
    (ONGOING, None, None),
    (WINDOW, "2001-01-01", "2001-04-30"),  # Early 2001
    (WINDOW, "2000-01-01", "2000-04-30"),  # Early 2000
]


def test_wiring_it_up_has_42_by_when_lines() -> None:
    assert len(_by_when_phrases()) == 42


def test_wiring_it_up_phrases_parse_as_expected() -> None:
    parsed = [deadline_parse(phrase) for phrase in _by_when_phrases()]
    assert [_summary(deadline)[:3] for deadline in parsed] == WIRING_IT_UP_EXPECTED
    assert Counter(deadline.kind for deadline in parsed) == {
        DATE: 17,
        WINDOW: 9,
        ONGOING: 13,
        IMMEDIATE: 1,
        EVENT: 2,
    }


@pytest.mark.parametrize("phrase", _by_when_phrases())
def test_wiring_it_up_phrase_is_understood(phrase: str) -> None:
    deadline = deadline_parse(phrase)
    assert deadline.kind != UNKNOWN
    assert deadline.phrase == phrase.strip()
    dates = [when for when in (deadline.earliest, deadline.latest) if when]
    assert all(2000 <= when.year <= 2002 for when in dates)
    if deadline.earliest and deadline.latest:
        assert deadline.earliest <= deadline.latest
    if deadline.kind in {DATE, WINDOW}:
        assert dates
    if phrase.strip().lower() == "ongoing":
        assert deadline.kind == ONGOING
    if "immediate" in phrase.lower():
        assert deadline.kind == IMMEDIATE
    if phrase.lower().startswith(("as part of", "year 2000 and subsequent")):
        assert deadline.kind == EVENT
        assert deadline.event
