"""Routines: the leader's stocktakes, joint priority reviews, the practice library and the log
of reminders sent. Actions themselves live in ``progress`` (they outlive the meeting that raised
them); a stocktake or review records which actions it raised."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone

from stocktake.register.models import Area, Commitment, Organisation, Person, Taskforce, Theme


class Stocktake(models.Model):
    """A meeting of the leader on a set of commitments: its pack is generated from them; after
    the meeting it records decisions and the actions it raised."""

    title = models.CharField(max_length=300)
    held_on = models.DateField(help_text="The day of the meeting.")
    chair = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="stocktakes_chaired")
    attendees = models.ManyToManyField(Person, blank=True, related_name="stocktakes_attended")
    taskforce = models.ForeignKey(
        Taskforce,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="stocktakes",
        help_text="When the stocktake covers a taskforce's commitments.",
    )
    commitments = models.ManyToManyField(Commitment, related_name="stocktakes")
    purpose = models.TextField(blank=True, help_text="What the leader wants from the meeting.")
    minutes = models.TextField(blank=True, help_text="A summary of the discussion, afterwards.")
    actions = models.ManyToManyField(
        "progress.Action", blank=True, related_name="stocktakes", help_text="Raised at the meeting."
    )
    decisions_recorded_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="stocktakes_scheduled",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["held_on"])]

    def __str__(self) -> str:
        return f"{self.title} ({self.held_on.day} {self.held_on:%B %Y})"

    def is_past(self, *, as_of: dt.date) -> bool:
        return self.held_on < as_of


class Decision(models.Model):
    """What a stocktake decided, optionally about one of its commitments."""

    stocktake = models.ForeignKey(Stocktake, on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField()
    commitment = models.ForeignKey(
        Commitment, null=True, blank=True, on_delete=models.PROTECT, related_name="decisions"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["stocktake", "created_at", "id"]

    def __str__(self) -> str:
        return self.text[:80]


class ReviewStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    UNDER_WAY = "under-way", "Under way"
    REPORTED = "reported", "Reported"


class PriorityReview(models.Model):
    """A joint diagnostic of one delivery problem by the centre and the departments: its scope,
    team, findings and recommendations, the commitments it looked at and the actions it raised.
    Findings and recommendations are written one per paragraph."""

    title = models.CharField(max_length=300)
    scope = models.TextField(help_text="The delivery problem the review looks at, and its limits.")
    status = models.CharField(
        max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.PLANNED
    )
    started_on = models.DateField()
    reported_on = models.DateField(null=True, blank=True)
    lead = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="reviews_led"
    )
    team = models.ManyToManyField(Person, blank=True, related_name="reviews")
    organisations = models.ManyToManyField(Organisation, blank=True, related_name="reviews")
    commitments = models.ManyToManyField(Commitment, related_name="reviews")
    findings = models.TextField(blank=True, help_text="One finding per paragraph.")
    recommendations = models.TextField(blank=True, help_text="One recommendation per paragraph.")
    actions = models.ManyToManyField(
        "progress.Action", blank=True, related_name="reviews", help_text="Raised by the review."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reviews_recorded",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-started_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=ReviewStatus.values),
                name="review_status_known",
                violation_error_message="Choose the review's status.",
            ),
            models.CheckConstraint(
                condition=models.Q(reported_on__isnull=True)
                | models.Q(reported_on__gte=models.F("started_on")),
                name="review_reported_after_start",
                violation_error_message="A review reports on or after the day it started.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def finding_list(self) -> list[str]:
        return paragraphs(self.findings)

    @property
    def recommendation_list(self) -> list[str]:
        return paragraphs(self.recommendations)


def paragraphs(text: str) -> list[str]:
    """Text split at blank lines, each paragraph on one line."""
    return [
        " ".join(part.split()) for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()
    ]


class PracticeKind(models.TextChoices):
    GOOD_PRACTICE = "good-practice", "Good practice"
    LESSON = "lesson", "Lesson learned"
    INNOVATION = "innovation", "Innovation"


class Practice(models.Model):
    """A piece of good practice or a lesson learned, including innovations no measure captures:
    what was tried, what worked and what did not, where and by whom."""

    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=20, choices=PracticeKind.choices)
    summary = models.TextField()
    what_worked = models.TextField(blank=True)
    what_did_not = models.TextField(blank=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="practices"
    )
    area = models.ForeignKey(
        Area, null=True, blank=True, on_delete=models.PROTECT, related_name="practices"
    )
    themes = models.ManyToManyField(Theme, blank=True, related_name="practices")
    commitments = models.ManyToManyField(Commitment, blank=True, related_name="practices")
    source = models.CharField(
        max_length=300, blank=True, help_text="Where it comes from: a visit, report or evaluation."
    )
    source_url = models.URLField(blank=True)
    recorded_on = models.DateField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="practices",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-recorded_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=PracticeKind.values),
                name="practice_kind_known",
                violation_error_message="Choose what kind of practice this is.",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class ReminderSent(models.Model):
    """One daily digest sent to one user: the log that keeps ``stocktake remind`` from sending
    the same day's digest twice."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders_sent"
    )
    sent_on = models.DateField(help_text="The day the digest is for.")
    email = models.EmailField()
    subject = models.CharField(max_length=300)
    items = models.PositiveIntegerField(help_text="How many things the digest listed.")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-sent_on", "user_id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "sent_on"], name="one_digest_per_user_a_day"),
        ]

    def __str__(self) -> str:
        return f"Digest to {self.email} for {self.sent_on}"


class PackStatus(models.TextChoices):
    WAITING = "waiting", "Waiting to start"
    RUNNING = "running", "Being prepared"
    DONE = "done", "Ready"
    FAILED = "failed", "Failed"


class PackJob(models.Model):
    """One request for a stocktake's pack, prepared in the background while the requester
    watches its progress; the file is kept for a day for the requester to download."""

    stocktake = models.ForeignKey(Stocktake, on_delete=models.CASCADE, related_name="pack_jobs")
    format = models.CharField(max_length=10)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pack_jobs"
    )
    status = models.CharField(max_length=10, choices=PackStatus.choices, default=PackStatus.WAITING)
    step = models.CharField(max_length=200, blank=True)
    content = models.BinaryField(null=True, blank=True)
    filename = models.CharField(max_length=200, blank=True)
    mime = models.CharField(max_length=100, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=PackStatus.values),
                name="pack_job_status_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.format.upper()} pack of {self.stocktake} ({self.get_status_display()})"

    @property
    def finished(self) -> bool:
        return self.status in (PackStatus.DONE, PackStatus.FAILED)
