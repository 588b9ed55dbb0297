"""The monthly round's forms: a department's update (status on the programme's scale,
narrative, evidence links), the central unit's judgement (confidence on the programme's scale,
rationale, the assessment framework's ratings) and its request for more.

The update is checked twice: here, then on the check-your-answers page (``UpdateDraft``), where
nothing is saved until the user confirms."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from typing import Any

from django import forms

from stocktake.progress.models import DeliveryStage, FrameworkRating
from stocktake.register.models import Commitment, ScaleLevel

MAX_LINKS = 20
_LINK = re.compile(r"^(?:(?P<title>.*?)\s+)?(?P<url>https?://\S+)$")


def evidence_links(text: str) -> list[dict[str, str]]:
    """Evidence typed one link per line, each optionally after its title, as
    ``[{"title": ..., "url": ...}]``; a line that is not a link is refused, naming it."""
    links = []
    lines = [line.strip() for line in text.splitlines()]
    for number, line in enumerate(lines, start=1):
        if not line:
            continue
        match = _LINK.match(line)
        if match is None:
            raise forms.ValidationError(
                f"Line {number} of the evidence is not a web link: end the line with an "
                "address starting https://"
            )
        links.append({"title": (match["title"] or "").strip(), "url": match["url"]})
    if len(links) > MAX_LINKS:
        raise forms.ValidationError(f"Give at most {MAX_LINKS} evidence links")
    return links


def evidence_text(links: list[dict[str, str]]) -> str:
    """Evidence links back as the lines the user typed."""
    return "\n".join(f"{link['title']} {link['url']}".strip() for link in links)


def _levels(scale_id: int) -> forms.ModelChoiceField:
    return ScaleLevel.objects.filter(scale_id=scale_id).order_by("-rank")


class UpdateForm(forms.Form):
    status = forms.ModelChoiceField(
        label="Status",
        queryset=ScaleLevel.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": "Select the status of the commitment"},
    )
    narrative = forms.CharField(
        label="What has happened since the last update?",
        widget=forms.Textarea,
        max_length=20_000,
        help_text="Progress made, what is at risk or late and why, and what you need from the "
        "centre.",
        error_messages={"required": "Enter what has happened since the last update"},
    )
    evidence = forms.CharField(
        label="Evidence (optional)",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="One link per line. To give a link a title, put the title first: "
        "Board minutes https://www.example.gov.uk/minutes",
    )

    def __init__(self, *args: Any, commitment: Commitment, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        programme = commitment.programme
        self.fields["status"].queryset = _levels(programme.status_scale_id)
        self.fields["status"].help_text = f"On the {programme.status_scale.name} scale."

    def clean_evidence(self) -> list[dict[str, str]]:
        return evidence_links(self.cleaned_data["evidence"])


@dataclass(frozen=True)
class UpdateDraft:
    """An update checked but not yet sent, kept in the session between the form and the
    check-your-answers page; ``submission`` identifies it, so that sending it twice (a double
    click) stores one update."""

    status_id: int
    narrative: str
    evidence: list[dict[str, str]]
    submission: uuid.UUID

    @classmethod
    def from_form(cls, form: UpdateForm) -> UpdateDraft:
        data = form.cleaned_data
        return cls(data["status"].pk, data["narrative"].strip(), data["evidence"], uuid.uuid4())

    def as_session(self) -> dict[str, Any]:
        return {
            "status": self.status_id,
            "narrative": self.narrative,
            "evidence": self.evidence,
            "submission": str(self.submission),
        }

    @classmethod
    def from_session(cls, value: Any) -> UpdateDraft | None:
        if not isinstance(value, dict):
            return None
        try:
            submission = uuid.UUID(value.get("submission", ""))
        except ValueError:
            return None
        return cls(
            value.get("status"), value.get("narrative", ""), value.get("evidence", []), submission
        )

    def as_form_data(self) -> dict[str, Any]:
        return {
            "status": self.status_id,
            "narrative": self.narrative,
            "evidence": evidence_text(self.evidence),
        }


NOT_ASSESSED = [("", "Not assessed")]


class JudgementForm(forms.Form):
    confidence = forms.ModelChoiceField(
        label="Delivery confidence",
        queryset=ScaleLevel.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": "Select the delivery confidence"},
    )
    rationale = forms.CharField(
        label="Rationale",
        widget=forms.Textarea,
        max_length=20_000,
        help_text="Why the unit judges it so: the evidence, the data and what the department said.",
        error_messages={"required": "Enter the rationale for the judgement"},
    )
    planning = forms.ChoiceField(
        label="Quality of planning, implementation and performance management (optional)",
        choices=NOT_ASSESSED + FrameworkRating.choices,
        required=False,
    )
    capacity = forms.ChoiceField(
        label="Capacity to drive progress (optional)",
        choices=NOT_ASSESSED + FrameworkRating.choices,
        required=False,
    )
    stage = forms.TypedChoiceField(
        label="Stage of delivery (optional)",
        choices=NOT_ASSESSED + DeliveryStage.choices,
        coerce=int,
        empty_value=None,
        required=False,
    )

    def __init__(self, *args: Any, commitment: Commitment, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        programme = commitment.programme
        self.fields["confidence"].queryset = _levels(programme.confidence_scale_id)
        self.fields["confidence"].help_text = f"On the {programme.confidence_scale.name} scale."


class UpdateRequestForm(forms.Form):
    message = forms.CharField(
        label="What do you need from the department?",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5_000,
        help_text="The department sees this on its list of updates due until it sends a new "
        "update.",
        error_messages={"required": "Enter what you need from the department"},
    )
