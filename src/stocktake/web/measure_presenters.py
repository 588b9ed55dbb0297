"""Display formatting for measures: values in their units, statuses as GOV.UK tags."""

from __future__ import annotations

import math
from typing import Any

STATUS_LABELS = {
    "ahead": ("Ahead", "govuk-tag--green"),
    "on_track": ("On track", "govuk-tag--turquoise"),
    "off_track": ("Off track", "govuk-tag--red"),
    "no_data": ("No data", "govuk-tag--grey"),
    # The roll-up's suggestions.
    "at_risk": ("At risk", "govuk-tag--orange"),
}
MOVEMENT_LABELS = {
    "improved": "Improved",
    "worsened": "Worsened",
    "unchanged": "Unchanged",
    "new": "New",
}


def figure(value: float | None, unit: str = "") -> str:
    """A measure's value in its unit: '85.2%', '1,234', '3.4 per 1,000'; '' for none."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    digits = 0 if abs(value) >= 1000 or (unit == "count" and value == round(value)) else 1
    shown = f"{value:,.{digits}f}"
    if unit == "percent":
        return f"{shown}%"
    if unit in ("count", ""):
        return shown
    return f"{shown} {unit}"


def signed(value: float | None, unit: str = "") -> str:
    """A variance with its sign: '+1.2%', or a minus sign (U+2212) before '35'."""
    if value is None:
        return ""
    shown = figure(abs(value), unit)
    return f"+{shown}" if value > 0 else (f"−{shown}" if value < 0 else shown)


def percent_points(value: float | None) -> str:
    """A percentage change: '+2.6%'."""
    return signed(value, "percent")


def chance(value: float | None) -> str:
    """A probability as a percentage: 'less than 1%', '65%', 'more than 99%'."""
    if value is None:
        return ""
    if value < 0.01:
        return "less than 1%"
    if value > 0.99:
        return "more than 99%"
    return f"{value:.0%}"


def status_tag(status: str) -> dict[str, Any]:
    """Parameters for govukTag showing an assessment status or a roll-up suggestion."""
    label, classes = STATUS_LABELS.get(status, (status.replace("_", " ").capitalize(), ""))
    return {"text": label, "classes": classes}


def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, (status.replace("_", " ").capitalize(), ""))[0]


FILTERS = {
    "figure": figure,
    "signed": signed,
    "percent_points": percent_points,
    "chance": chance,
    "status_tag": status_tag,
    "status_label": status_label,
}
