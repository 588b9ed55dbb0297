"""The milestone form a department editor uses: the date now expected and the date completed,
saved only if nobody changed the milestone since the form was opened (``version``)."""

from __future__ import annotations

from typing import Any

from django import forms

from stocktake.register.models import Milestone
from stocktake.web.datefields import GovukDateField


class MilestoneChangeForm(forms.Form):
    current_due_date = GovukDateField(
        label="Now due",
        help_text="The date now expected. The baseline stays as first agreed, so the slippage "
        "shows.",
    )
    completed_on = GovukDateField(
        label="Completed on (optional)",
        required=False,
        help_text="Leave empty while the milestone is not complete.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    @classmethod
    def for_milestone(cls, milestone: Milestone) -> MilestoneChangeForm:
        return cls(
            initial={
                "current_due_date": milestone.current_due_date,
                "completed_on": milestone.completed_on,
                "version": milestone.version,
            }
        )

    def changes(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in ("current_due_date", "completed_on")}
