"""The forms for frontline notes and actions: what the pages ask, in GOV.UK order and words.

Each form's ``cleaned_data`` maps onto the keyword arguments of a service in
``stocktake.progress.services``; the services apply the rules again (``full_clean``)."""

from __future__ import annotations

from typing import Any

from django import forms

from stocktake.progress.models import Action, ActionStatus, NoteSource
from stocktake.register.models import Area, Organisation, Person
from stocktake.web.datefields import GovukDateField


class NoteForm(forms.Form):
    source = forms.ChoiceField(
        label="Where did this come from?",
        choices=NoteSource.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select where the note came from"},
    )
    noted_on = GovukDateField(label="Date of the visit, call, survey, complaint or data")
    area = forms.ModelChoiceField(
        label="Area (optional)",
        queryset=Area.objects.order_by("name"),
        required=False,
        empty_label="No particular area",
        help_text="Where the visit took place or the data describes.",
    )
    text = forms.CharField(
        label="What did you learn?",
        widget=forms.Textarea,
        help_text="What people on the frontline said or showed, and what it means for delivery.",
        error_messages={"required": "Enter what you learned"},
        max_length=10_000,
    )


class _ActionFields(forms.Form):
    title = forms.CharField(
        label="Action",
        max_length=300,
        help_text="What has to happen, in a sentence: “Agree the data-sharing protocol with the "
        "regional leads”.",
        error_messages={"required": "Enter the action"},
    )
    description = forms.CharField(
        label="Details (optional)", widget=forms.Textarea, required=False, max_length=10_000
    )
    owner_organisation = forms.ModelChoiceField(
        label="Owning organisation",
        queryset=Organisation.objects.order_by("name"),
        required=False,
        empty_label="Choose an organisation",
        help_text="Give an organisation, a person or both.",
    )
    owner_person = forms.ModelChoiceField(
        label="Owning person",
        queryset=Person.objects.order_by("name"),
        required=False,
        empty_label="Choose a person",
    )
    due_date = GovukDateField(label="Due date")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("owner_organisation") and not data.get("owner_person"):
            self.add_error(
                "owner_organisation",
                "Choose who owns the action: an organisation, a person or both",
            )
        return data


class ActionRaiseForm(_ActionFields):
    """Raise an action from a commitment."""


class ActionChangeForm(_ActionFields):
    """Change an action: its wording, owner, due date and status. ``version`` is the version the
    form was opened at: saved only if nobody changed the action since."""

    status = forms.ChoiceField(
        label="Status", choices=ActionStatus.choices, widget=forms.RadioSelect
    )
    completed_on = GovukDateField(
        label="Date completed",
        required=False,
        help_text="Only for a done action. For example, 27 3 2026",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    @classmethod
    def for_action(cls, action: Action) -> ActionChangeForm:
        return cls(
            initial={
                "title": action.title,
                "description": action.description,
                "owner_organisation": action.owner_organisation_id,
                "owner_person": action.owner_person_id,
                "due_date": action.due_date,
                "status": action.status,
                "completed_on": action.completed_on,
                "version": action.version,
            }
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("status") == ActionStatus.DONE and not data.get("completed_on"):
            if "completed_on" not in self.errors:
                self.add_error("completed_on", "Enter the date the action was completed")
        elif data.get("status") in (ActionStatus.OPEN, ActionStatus.DROPPED):
            data["completed_on"] = None
        return data

    def changes(self) -> dict[str, Any]:
        """What the form sets on the action (for ``action_change``)."""
        return {name: self.cleaned_data[name] for name in self.fields if name != "version"}
