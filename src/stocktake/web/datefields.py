"""The GOV.UK date input as a Django form field: day, month and year in three boxes
(``due_date-day``, ``due_date-month``, ``due_date-year``), with the design system's error
messages ("Due date must include a month", "Due date must be a real date").

``formfields.field_params`` renders it through ``govukDateInput``; the error summary links to
the day box."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

PARTS = ("day", "month", "year")


class DateInputWidget(forms.Widget):
    """Three boxes whose values come back as a ``{"day": .., "month": .., "year": ..}`` dict."""

    def value_from_datadict(self, data: Any, files: Any, name: str) -> dict[str, str] | None:
        parts = {part: str(data.get(f"{name}-{part}", "")).strip() for part in PARTS}
        return parts if any(parts.values()) else None

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return not any(f"{name}-{part}" in data for part in PARTS)

    def format_value(self, value: Any) -> dict[str, str]:
        if isinstance(value, dt.date):
            return {"day": str(value.day), "month": str(value.month), "year": str(value.year)}
        if isinstance(value, dict):
            return {part: value.get(part, "") for part in PARTS}
        return dict.fromkeys(PARTS, "")

    def id_for_label(self, id_: str) -> str:
        return f"{id_}-day" if id_ else id_


class GovukDateField(forms.Field):
    """A date typed as day, month and year, checked as the GOV.UK pattern asks."""

    widget = DateInputWidget

    def __init__(self, *, label: str, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", f"For example, 27 3 {dt.date.today().year}")
        super().__init__(label=label, **kwargs)
        self.error_messages["required"] = f"Enter the {label[0].lower()}{label[1:]}"

    def to_python(self, value: Any) -> dt.date | None:
        if value in (None, "", {}):
            return None
        if isinstance(value, dt.date):
            return value
        label = str(self.label)
        missing = [part for part in PARTS if not value.get(part)]
        if missing:
            raise forms.ValidationError(f"{label} must include a {' and a '.join(missing)}")
        try:
            day, month, year = (int(value[part]) for part in PARTS)
        except ValueError:
            raise forms.ValidationError(f"{label} must be a real date, in numbers") from None
        if year < 1900 or year > 2200:
            raise forms.ValidationError(f"{label} must include a year with 4 numbers")
        try:
            return dt.date(year, month, day)
        except ValueError:
            raise forms.ValidationError(f"{label} must be a real date") from None


def date_input_params(field: forms.BoundField, params: dict[str, Any]) -> dict[str, Any]:
    """``govukDateInput`` parameters for a bound ``GovukDateField``."""
    value = field.field.widget.format_value(field.value())
    classes = " govuk-input--error" if field.errors else ""
    params["id"] = field.auto_id
    params["namePrefix"] = params.pop("name")
    params["fieldset"] = {
        "legend": {"text": str(field.label), "classes": "govuk-fieldset__legend--s"}
    }
    params["items"] = [
        {
            "name": part,
            "label": part.capitalize(),
            "value": value[part],
            "classes": f"govuk-input--width-{4 if part == 'year' else 2}{classes}",
        }
        for part in PARTS
    ]
    return params
