"""The routines' forms. Each checks what a person typed and says what is wrong and where; the
services check the rest (their ``ValidationError`` comes back onto the form's fields)."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from stocktake.register.models import Area, Commitment, Organisation, Person, Programme, Taskforce
from stocktake.routines.models import PracticeKind, ReviewStatus

DATE_FORMATS = ["%d/%m/%Y", "%d %m %Y", "%Y-%m-%d", "%d-%m-%Y"]
DATE_HINT = "For example, 27/3/2027"


def date_field(label: str, *, required: bool = True, hint: str = DATE_HINT) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_FORMATS,
        help_text=hint,
        error_messages={
            "required": f"Enter the {label.lower()}",
            "invalid": f"Enter the {label.lower()} as a real date, for example 27/3/2027",
        },
    )


def errors_apply(form: forms.Form, error: ValidationError) -> None:
    """A service's refusal onto the form: on the field it names when the form has it, else at
    the top of the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, problems in error.message_dict.items():
        form.add_error(field if field in form.fields else None, problems)


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Person) -> str:
        return f"{obj.name}, {obj.role}" if obj.role else obj.name


class PeopleChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Person) -> str:
        return f"{obj.name}, {obj.role}" if obj.role else obj.name


class CommitmentsChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Commitment) -> str:
        return f"{obj.code}. {obj.title}"


CODE_SPLIT = re.compile(r"[\s,;]+")


def commitments_from_codes(
    programme: Programme, codes: str, visible: QuerySet[Commitment]
) -> tuple[list[Commitment], list[str]]:
    """The commitments of ``programme`` that ``codes`` names (in the order given), and the codes
    it does not hold (or the reader may not see)."""
    wanted = [code for code in CODE_SPLIT.split(codes.strip()) if code]
    found = {c.code.lower(): c for c in visible.filter(programme=programme)}
    chosen, unknown = [], []
    for code in wanted:
        commitment = found.get(code.lower())
        if commitment is None:
            unknown.append(code)
        elif commitment not in chosen:
            chosen.append(commitment)
    return chosen, unknown


class CommitmentCodesForm(forms.Form):
    """A form that names commitments by programme and codes (``self.chosen`` once clean),
    from those the reader may see."""

    programme = forms.ModelChoiceField(
        label="Programme",
        queryset=Programme.objects.none(),
        required=False,
        empty_label="Choose a programme",
        to_field_name="code",
    )
    codes = forms.CharField(
        label="Commitment codes",
        required=False,
        help_text="Codes in that programme, separated by commas or spaces, for example M01, M04",
    )
    codes_missing = ""  # the message when codes are required and missing

    def __init__(self, *args: Any, visible: QuerySet[Commitment], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.visible = visible
        self.fields["programme"].queryset = Programme.objects.filter(
            pk__in=visible.values("programme_id")
        ).order_by("title")
        self.chosen: list[Commitment] = []

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        programme, codes = data.get("programme"), data.get("codes", "")
        if self.codes_missing and not codes and "codes" not in self.errors:
            self.add_error("codes", self.codes_missing)
        if codes and not programme:
            self.add_error("programme", "Choose the programme the codes belong to")
        elif codes:
            self.chosen, unknown = commitments_from_codes(programme, codes, self.visible)
            if unknown:
                self.add_error(
                    "codes",
                    f"{programme.title} has no commitment {', '.join(unknown)}: check the codes",
                )
        return data


class StocktakeDetailsForm(forms.Form):
    """When, who and why: what can change after scheduling."""

    title = forms.CharField(
        label="Title",
        max_length=300,
        help_text="For example, Schools and skills stocktake",
        error_messages={"required": "Enter a title for the stocktake"},
    )
    held_on = date_field("Date of the meeting")
    chair = PersonChoice(
        label="Chair",
        queryset=Person.objects.order_by("name"),
        empty_label="Choose the chair",
        error_messages={"required": "Choose who chairs the stocktake"},
    )
    attendees = PeopleChoice(
        label="Attendees",
        queryset=Person.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    purpose = forms.CharField(
        label="Purpose (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What the leader wants from the meeting.",
    )


class StocktakeScheduleForm(CommitmentCodesForm, StocktakeDetailsForm):
    """The details, and what the stocktake covers: a taskforce or commitment codes."""

    taskforce = forms.ModelChoiceField(
        label="Taskforce",
        queryset=Taskforce.objects.order_by("name"),
        required=False,
        empty_label="None: I will give commitment codes",
        help_text="Take stock of a taskforce's commitments, or leave this and give codes below.",
    )

    field_order = ("title", "held_on", "chair", "attendees", "taskforce", "programme", "codes")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("taskforce") and data.get("codes"):
            self.add_error("codes", "Give a taskforce or commitment codes, not both")
        elif not data.get("taskforce") and not data.get("codes") and "codes" not in self.errors:
            self.add_error("taskforce", "Choose a taskforce, or give commitment codes below")
        return data


class StocktakeDecisionsForm(forms.Form):
    minutes = forms.CharField(
        label="Summary of the discussion",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    decisions = forms.CharField(
        label="Decisions",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="One decision per paragraph (leave a blank line between them). Start a "
        "decision with a commitment's code and a colon to link it, for example "
        "“M04: the department to bring forward the pilot”.",
    )


class ActionForm(forms.Form):
    title = forms.CharField(
        label="Action",
        max_length=300,
        help_text="What is to be done, for example Agree the data-sharing protocol with councils",
        error_messages={"required": "Enter what the action is"},
    )
    owner_person = PersonChoice(
        label="Owner",
        queryset=Person.objects.order_by("name"),
        required=False,
        empty_label="No one person",
    )
    owner_organisation = forms.ModelChoiceField(
        label="Owning organisation",
        queryset=Organisation.objects.order_by("name"),
        required=False,
        empty_label="No organisation",
        help_text="Give an owner, an organisation or both.",
    )
    due_date = date_field("Due date")
    description = forms.CharField(
        label="Details (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    commitments = CommitmentsChoice(
        label="Commitments it unblocks",
        queryset=Commitment.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave all unticked for every commitment at the stocktake.",
    )

    def __init__(
        self, *args: Any, commitments: QuerySet[Commitment] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if commitments is None:
            del self.fields["commitments"]
        else:
            self.fields["commitments"].queryset = commitments.order_by("code")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("owner_person") and not data.get("owner_organisation"):
            self.add_error("owner_person", "Choose an owner, an owning organisation or both")
        return data


class ReviewForm(CommitmentCodesForm):
    title = forms.CharField(
        label="Title",
        max_length=300,
        error_messages={"required": "Enter a title for the review"},
    )
    scope = forms.CharField(
        label="Scope",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="The delivery problem the review looks at, and its limits.",
        error_messages={"required": "Enter the review's scope"},
    )
    status = forms.ChoiceField(
        label="Status", choices=ReviewStatus.choices, widget=forms.RadioSelect
    )
    started_on = date_field("Start date")
    reported_on = date_field("Report date", required=False, hint=f"If it has reported. {DATE_HINT}")
    lead = PersonChoice(
        label="Review lead",
        queryset=Person.objects.order_by("name"),
        required=False,
        empty_label="Not named",
    )
    team = PeopleChoice(
        label="Team",
        queryset=Person.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    findings = forms.CharField(
        label="Findings",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="One finding per paragraph.",
    )
    recommendations = forms.CharField(
        label="Recommendations",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="One recommendation per paragraph.",
    )

    codes_missing = "Enter the codes of the commitments the review looks at"
    field_order = (
        "title",
        "scope",
        "status",
        "started_on",
        "reported_on",
        "lead",
        "team",
        "programme",
        "codes",
        "findings",
        "recommendations",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("status") == ReviewStatus.REPORTED and not (
            data.get("reported_on") and data.get("findings")
        ):
            self.add_error(
                "reported_on", "A reported review has the date it reported and its findings."
            )
        return data


class PracticeForm(CommitmentCodesForm):
    title = forms.CharField(
        label="Title", max_length=300, error_messages={"required": "Enter a title"}
    )
    kind = forms.ChoiceField(
        label="What kind of entry is this?",
        choices=PracticeKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what kind of entry this is"},
    )
    summary = forms.CharField(
        label="Summary",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter a summary"},
    )
    what_worked = forms.CharField(
        label="What worked", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    what_did_not = forms.CharField(
        label="What did not work", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    organisation = forms.ModelChoiceField(
        label="Organisation",
        queryset=Organisation.objects.order_by("name"),
        required=False,
        empty_label="Not one organisation",
        to_field_name="code",
    )
    area = forms.ModelChoiceField(
        label="Area",
        queryset=Area.objects.order_by("name"),
        required=False,
        empty_label="Not one area",
        to_field_name="code",
    )
    themes = forms.CharField(
        label="Themes",
        required=False,
        help_text="Separated by commas, for example Schools, Early years",
    )
    source = forms.CharField(
        label="Source",
        required=False,
        max_length=300,
        help_text="Where it comes from: a visit, an evaluation, a report",
    )
    source_url = forms.URLField(
        label="Link to the source",
        required=False,
        error_messages={"invalid": "Enter the link as a full web address, starting https://"},
    )

    field_order = (
        "title",
        "kind",
        "summary",
        "what_worked",
        "what_did_not",
        "organisation",
        "area",
        "themes",
        "programme",
        "codes",
        "source",
        "source_url",
    )

    def theme_names(self) -> list[str]:
        return [t.strip() for t in self.cleaned_data.get("themes", "").split(",") if t.strip()]
