"""Display formatting for the history of changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.utils import timezone

from stocktake.web.presenters import govuk_date


def moment(value: dt.datetime) -> str:
    """A moment where Stocktake runs, GOV.UK style: '21 October 2026 at 3:05pm'."""
    local = timezone.localtime(value)
    hour = local.hour % 12 or 12
    return f"{govuk_date(local)} at {hour}:{local:%M}{'am' if local.hour < 12 else 'pm'}"


def recorded_value(value: Any) -> str:
    """A value as the history keeps it, in words: empty, yes or no, a list, the value."""
    if value is None or value in ("", [], {}):
        return "(empty)"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


FILTERS: dict[str, Callable[..., Any]] = {"moment": moment, "recorded_value": recorded_value}
