"""Progress: the dated, append-only reports on each commitment."""

from __future__ import annotations

import datetime as dt
from typing import Any, NoReturn

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from stocktake.editing import Versioned
from stocktake.register.models import Area, Commitment, Organisation, Person, ScaleLevel


class AppendOnlyError(Exception):
    """Raised on any attempt to change or delete an update: a correction is a new update."""


class UpdateQuerySet(models.QuerySet):
    def returns(self) -> UpdateQuerySet:
        """The departments' updates, without the central unit's judgements."""
        return self.filter(judgement__isnull=True)

    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Updates cannot be edited; record a correction as a new update.")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("Updates cannot be deleted; record a correction as a new update.")


class Update(models.Model):
    """A dated report on a commitment for a period. Append-only: corrections are new updates."""

    commitment = models.ForeignKey(Commitment, on_delete=models.PROTECT, related_name="updates")
    period = models.DateField(help_text="First day of the month the update reports on.")
    status = models.ForeignKey(ScaleLevel, on_delete=models.PROTECT, related_name="+")
    confidence = models.ForeignKey(
        ScaleLevel, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    narrative = models.TextField()
    evidence = models.JSONField(
        default=list, blank=True, help_text='Links: a list of {"title": ..., "url": ...}.'
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="updates",
    )
    author_name = models.CharField(
        max_length=200, blank=True, help_text="Who reported it, when not a user of Stocktake."
    )
    created_at = models.DateTimeField(default=timezone.now)
    submission = models.UUIDField(
        null=True,
        blank=True,
        unique=True,
        editable=False,
        help_text="The form that sent it: the same form sent twice stores one update.",
    )

    objects = UpdateQuerySet.as_manager()

    class Meta:
        ordering = ["commitment", "period", "created_at"]
        indexes = [models.Index(fields=["commitment", "period", "created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period__day=1),
                name="update_period_is_month_start",
                violation_error_message="The period must be the first day of a month.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.commitment.code} {self.period:%B %Y}: {self.status}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("Updates cannot be edited; record a correction as a new update.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Updates cannot be deleted; record a correction as a new update.")

    def clean(self) -> None:
        errors = {}
        programme = self.commitment.programme
        if self.status_id and self.status.scale_id != programme.status_scale_id:
            errors["status"] = (
                f"“{self.status.label}” is not on the programme's status scale "
                f"({programme.status_scale.name})."
            )
        if self.confidence_id and self.confidence.scale_id != programme.confidence_scale_id:
            errors["confidence"] = (
                f"“{self.confidence.label}” is not on the programme's confidence scale "
                f"({programme.confidence_scale.name})."
            )
        if not isinstance(self.evidence, list) or not all(
            isinstance(link, dict) and str(link.get("url", "")).startswith(("https://", "http://"))
            for link in self.evidence
        ):
            errors["evidence"] = (
                'Evidence must be a list of web links: {"title": ..., "url": "https://..."}.'
            )
        if errors:
            raise ValidationError(errors)

    @property
    def author_display(self) -> str:
        if self.author_id:
            return self.author.get_full_name() or self.author.get_username()
        return self.author_name


# Frontline intelligence and actions.


class NoteSource(models.TextChoices):
    VISIT = "visit", "Visit"
    CALL = "call", "Call"
    SURVEY = "survey", "Survey"
    COMPLAINT = "complaint", "Complaint"
    DATA = "data", "Data"


class Note(models.Model):
    """Frontline intelligence: what a visit, call, survey, complaint or data showed, on a date,
    in an area, about some commitments."""

    source = models.CharField(max_length=20, choices=NoteSource.choices)
    noted_on = models.DateField(help_text="When the visit, call or survey took place.")
    area = models.ForeignKey(
        Area, null=True, blank=True, on_delete=models.PROTECT, related_name="notes"
    )
    text = models.TextField()
    commitments = models.ManyToManyField(Commitment, blank=True, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="notes",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-noted_on", "-created_at", "-id"]
        indexes = [models.Index(fields=["noted_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(source__in=NoteSource.values),
                name="note_source_known",
                violation_error_message="Choose where the note came from.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_source_display()} note of {self.noted_on:%-d %B %Y}"

    @property
    def author_display(self) -> str:
        if self.author_id:
            return self.author.get_full_name() or self.author.get_username()
        return ""


class ActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    DONE = "done", "Done"
    DROPPED = "dropped", "Dropped"


class ActionQuerySet(models.QuerySet):
    def open(self) -> ActionQuerySet:
        return self.filter(status=ActionStatus.OPEN)

    def overdue(self, *, as_of: dt.date) -> ActionQuerySet:
        return self.open().filter(due_date__lt=as_of)


class Action(Versioned):
    """Something to unblock a commitment: an owner (a person, an organisation or both), a due
    date and a status. ``version`` goes up on every change, so a form saved after someone else
    changed the action is refused rather than overwriting their change."""

    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    commitments = models.ManyToManyField(Commitment, blank=True, related_name="actions")
    owner_person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="actions"
    )
    owner_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="actions"
    )
    due_date = models.DateField()
    status = models.CharField(
        max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    completed_on = models.DateField(null=True, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="actions_raised",
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "id"]
        indexes = [models.Index(fields=["status", "due_date"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(owner_person__isnull=False)
                | models.Q(owner_organisation__isnull=False),
                name="action_has_owner",
                violation_error_message="Give the action an owner: a person, an organisation "
                "or both.",
            ),
            models.CheckConstraint(
                condition=models.Q(status=ActionStatus.DONE, completed_on__isnull=False)
                | models.Q(
                    status__in=[ActionStatus.OPEN, ActionStatus.DROPPED],
                    completed_on__isnull=True,
                ),
                name="action_completed_on_when_done",
                violation_error_message="A done action has the date it was completed; an open "
                "or dropped one has none.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def is_overdue(self, as_of: dt.date) -> bool:
        return self.status == ActionStatus.OPEN and self.due_date < as_of

    @property
    def owner_display(self) -> str:
        names = [str(owner) for owner in (self.owner_person, self.owner_organisation) if owner]
        return ", ".join(names)


# The monthly round: the central unit's judgement on an update, and its requests for more.


class FrameworkRating(models.TextChoices):
    """The assessment framework's four-point rating of planning and of capacity."""

    GREEN = "green", "Green: good"
    AMBER_GREEN = "amber_green", "Amber/Green: problems, mostly in hand"
    AMBER_RED = "amber_red", "Amber/Red: problems, some serious"
    RED = "red", "Red: highly problematic"


class DeliveryStage(models.IntegerChoices):
    """How far delivery has come, in the assessment framework's four stages."""

    POLICY = 1, "1. Policy development"
    EARLY = 2, "2. Early stages of delivery"
    UNDER_WAY = 3, "3. Delivery well under way"
    IRREVERSIBLE = 4, "4. Irreversible progress"


class Judgement(models.Model):
    """The central unit's delivery-confidence judgement on a commitment for a period.

    The judgement is recorded as an update by the central unit (``update``): its ``confidence``
    is the judgement, its ``narrative`` the rationale, its status the department's latest, so
    every reader of confidence reads one place (``Update.confidence``). This row marks the update
    as a judgement rather than a department's return, and holds the assessment framework's
    ratings when the unit gives them. Append-only, like the update."""

    update = models.OneToOneField(Update, on_delete=models.PROTECT, related_name="judgement")
    planning = models.CharField(
        "quality of planning, implementation and performance management",
        max_length=20,
        choices=FrameworkRating.choices,
        blank=True,
    )
    capacity = models.CharField(
        "capacity to drive progress", max_length=20, choices=FrameworkRating.choices, blank=True
    )
    stage = models.PositiveSmallIntegerField(
        "stage of delivery", choices=DeliveryStage.choices, null=True, blank=True
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(planning__in=["", *FrameworkRating.values]),
                name="judgement_planning_known",
                violation_error_message="Choose a rating for the quality of planning.",
            ),
            models.CheckConstraint(
                condition=models.Q(capacity__in=["", *FrameworkRating.values]),
                name="judgement_capacity_known",
                violation_error_message="Choose a rating for the capacity to drive progress.",
            ),
            models.CheckConstraint(
                condition=models.Q(stage__isnull=True) | models.Q(stage__in=DeliveryStage.values),
                name="judgement_stage_known",
                violation_error_message="Choose a stage of delivery from 1 to 4.",
            ),
        ]

    def __str__(self) -> str:
        return f"Judgement on {self.update}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("Judgements cannot be edited; record a new judgement.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Judgements cannot be deleted; record a new judgement.")

    @property
    def rationale(self) -> str:
        return self.update.narrative


class UpdateRequest(models.Model):
    """The central unit asking a department for more on a commitment's update for a period.
    Open until the department sends a newer update on the commitment."""

    commitment = models.ForeignKey(
        Commitment, on_delete=models.PROTECT, related_name="update_requests"
    )
    period = models.DateField(help_text="First day of the month the request is about.")
    message = models.TextField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="update_requests",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["commitment", "created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period__day=1),
                name="update_request_period_is_month_start",
                violation_error_message="The period must be the first day of a month.",
            ),
        ]

    def __str__(self) -> str:
        return f"More asked on {self.commitment.code} for {self.period:%B %Y}"
