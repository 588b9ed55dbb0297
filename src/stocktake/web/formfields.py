"""Django form fields as GOV.UK Frontend macro parameters: the one place that turns a bound
field into a label, hint, error message and items, so no page writes form markup by hand.

``jinja2/web/forms.html`` calls the matching macro with these parameters.
"""

from __future__ import annotations

from typing import Any

from django import forms

from stocktake.web.datefields import DateInputWidget, date_input_params


def _component(widget: forms.Widget) -> str:
    if isinstance(widget, DateInputWidget):
        return "date-input"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.FileInput):
        return "file-upload"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.PasswordInput):
        return "password-input"  # never given its value back
    return "input"


def _selected(value: Any, choice: Any) -> bool:
    values = value if isinstance(value, list | tuple) else [value]
    return str(choice) in {str(v) for v in values if v is not None}


def _anchor(field: forms.BoundField) -> str:
    """The id of a field's first input: what its label and the error summary point at (radios
    and checkboxes have no single label, so Django gives them none)."""
    return field.id_for_label or field.auto_id


def field_params(field: forms.BoundField) -> dict[str, Any]:
    """``{"component": ..., "params": {...}}`` for one bound field."""
    component = _component(field.field.widget)
    params: dict[str, Any] = {"id": _anchor(field), "name": field.html_name}
    if field.help_text:
        params["hint"] = {"text": str(field.help_text)}
    if field.errors:
        params["errorMessage"] = {"text": " ".join(str(error) for error in field.errors)}
    label = {"text": str(field.label), "classes": "govuk-label--s"}
    value = field.value()
    if component in ("radios", "checkboxes"):
        params["idPrefix"] = _anchor(field)
        params["fieldset"] = {
            "legend": {"text": str(field.label), "classes": "govuk-fieldset__legend--s"}
        }
        params["items"] = [
            {"value": choice, "text": str(text), "checked": _selected(value, choice)}
            for choice, text in field.field.choices
        ]
        params.pop("id")
    elif component == "checkbox":
        params["items"] = [{"value": "on", "text": str(field.label), "checked": bool(value)}]
        params["idPrefix"] = _anchor(field)
        params.pop("id")
    elif component == "date-input":
        params = date_input_params(field, params)
    elif component == "select":
        params["label"] = label
        params["items"] = [
            {"value": choice, "text": str(text), "selected": _selected(value, choice)}
            for choice, text in field.field.choices
        ]
    else:
        params["label"] = label
        if component not in ("file-upload", "password-input") and value not in (None, ""):
            params["value"] = str(value)
        if field.field.widget.attrs.get("autocomplete"):
            params["autocomplete"] = field.field.widget.attrs["autocomplete"]
        if component == "file-upload" and field.field.widget.attrs.get("accept"):
            params["attributes"] = {"accept": field.field.widget.attrs["accept"]}
    return {"component": "checkboxes" if component == "checkbox" else component, "params": params}


def error_summary_params(form: forms.Form) -> dict[str, Any] | None:
    """govukErrorSummary parameters linking each error to its field, or None when valid."""
    if not form.is_bound or not form.errors:
        return None
    items = [{"text": str(error)} for error in form.non_field_errors()]
    for name, errors in form.errors.items():
        if name == forms.forms.NON_FIELD_ERRORS:
            continue
        bound = form[name]
        anchor = _anchor(bound)
        items += [{"text": str(error), "href": f"#{anchor}"} for error in errors]
    return {"titleText": "There is a problem", "errorList": items}
