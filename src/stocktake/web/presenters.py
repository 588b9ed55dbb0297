"""Display formatting shared by every page: dates, money, ratings as GOV.UK tags."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.core.paginator import Page
from django.http import QueryDict
from django.utils import timezone

from stocktake.register.models import Commitment, ScaleLevel


def govuk_date(value: dt.date | dt.datetime | None) -> str:
    """'1 April 2016', the GOV.UK style; '' for no date."""
    if value is None:
        return ""
    return f"{value.day} {value:%B %Y}"


def month(value: dt.date | None) -> str:
    """'April 2016', for a reporting period."""
    return f"{value:%B %Y}" if value else ""


def tag(level: ScaleLevel | None, *, empty: str = "Not rated") -> dict[str, str]:
    """A GOV.UK tag's text and classes for a rating, or a grey tag when there is none."""
    if level is None:
        return {"text": empty, "classes": "govuk-tag--grey"}
    return {"text": level.label, "classes": f"govuk-tag--{level.colour}"}


def deadline_summary(commitment: Commitment) -> str:
    """How Stocktake reads a commitment's deadline phrase, e.g. 'Window: 1 March to 31 May 2001'."""
    earliest, latest = commitment.deadline_earliest, commitment.deadline_latest
    if earliest and latest and earliest == latest:
        when = govuk_date(latest)
    elif earliest and latest:
        when = f"{govuk_date(earliest)} to {govuk_date(latest)}"
    elif latest:
        when = f"by {govuk_date(latest)}"
    elif earliest:
        when = f"from {govuk_date(earliest)}"
    else:
        when = ""
    parts = [commitment.get_deadline_kind_display(), when, commitment.deadline_event]
    if commitment.deadline_kind == "unknown":
        parts[1] = "not understood, to be reviewed"
    return ": ".join(part for part in parts[:2] if part) + (f" ({parts[2]})" if parts[2] else "")


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """'1 commitment', '3 commitments'."""
    word = singular if count == 1 else (plural_form or f"{singular}s")
    return f"{count:,} {word}"


def days(count: int) -> str:
    """Slippage as words: 'on time', '45 days late', '3 days early'."""
    if count == 0:
        return "On time"
    return f"{plural(abs(count), 'day')} {'late' if count > 0 else 'early'}"


def pagination(page: Page, query: QueryDict) -> dict[str, Any]:
    """Parameters for govukPagination: first, last and two pages either side of this one,
    keeping the other query parameters (the filters)."""

    def href(number: int) -> str:
        params = query.copy()
        params["page"] = str(number)
        return f"?{params.urlencode()}"

    last = page.paginator.num_pages
    near = range(max(1, page.number - 2), min(last, page.number + 2) + 1)
    items: list[dict[str, Any]] = []
    previous = 0
    for number in sorted({1, last, *near}):
        if number - previous > 1:
            items.append({"ellipsis": True})
        items.append({"number": number, "href": href(number), "current": number == page.number})
        previous = number
    params: dict[str, Any] = {"items": items}
    if page.has_previous():
        params["previous"] = {"href": href(page.previous_page_number())}
    if page.has_next():
        params["next"] = {"href": href(page.next_page_number())}
    return params


def local_date(value: dt.datetime | None) -> str:
    """A moment as its date where Stocktake runs, e.g. '21 October 2026'."""
    return govuk_date(timezone.localtime(value)) if value else ""


FILTERS: dict[str, Callable[..., Any]] = {
    "govuk_date": govuk_date,
    "month": month,
    "tag": tag,
    "plural": plural,
    "days": days,
    "deadline_summary": deadline_summary,
    "pagination": pagination,
    "local_date": local_date,
}
