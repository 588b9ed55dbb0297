"""The register: who delivers, where, which promises, and the steps towards them.

Integrity lives in the database (unique codes, check constraints) and in ``clean()`` for rules that
span rows; services call ``full_clean()`` so the admin, the CLI and imports apply the same rules.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q

from stocktake.audit.querysets import AuditedQuerySet
from stocktake.editing import Versioned
from stocktake.register.deadlines import DeadlineKind


class OrganisationKind(models.TextChoices):
    CENTRAL_UNIT = "central_unit", "Central delivery unit"
    DEPARTMENT = "department", "Department"
    AGENCY = "agency", "Agency or arm's-length body"
    LOCAL_AUTHORITY = "local_authority", "Local authority"
    SERVICE = "service", "Council service"
    NHS_BODY = "nhs_body", "NHS body"
    POLICE_FORCE = "police_force", "Police force"
    PARTNERSHIP = "partnership", "Partnership"
    OTHER = "other", "Other"


class Organisation(models.Model):
    """Who delivers or oversees: a department, an agency, a council, a partnership."""

    code = models.CharField(max_length=32, unique=True, help_text="Short code, e.g. DfE or HGY.")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=OrganisationKind.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )

    objects = AuditedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=F("id")),
                name="organisation_not_own_parent",
                violation_error_message="An organisation cannot be its own parent.",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class AreaLevel(models.TextChoices):
    NATION = "nation", "Nation"
    REGION = "region", "Region"
    COUNTY = "county", "County"
    LOCAL_AUTHORITY = "local_authority", "Local authority district"
    WARD = "ward", "Ward"


class Area(models.Model):
    """Where something is measured, with its official (GSS) code."""

    code = models.CharField(max_length=16, unique=True, help_text="Official code, e.g. E09000014.")
    name = models.CharField(max_length=200)
    level = models.CharField(max_length=20, choices=AreaLevel.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )

    objects = AuditedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=F("id")),
                name="area_not_own_parent",
                violation_error_message="An area cannot be its own parent.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class PersonKind(models.TextChoices):
    MINISTER = "minister", "Minister"
    SRO = "sro", "Senior responsible owner"
    OFFICIAL = "official", "Official"
    CHAIR = "chair", "Chair"
    CABINET_MEMBER = "cabinet_member", "Cabinet member"
    LEADER = "leader", "Leader"
    OTHER = "other", "Other"


class Person(models.Model):
    """A minister, senior responsible owner, official, chair or cabinet member."""

    name = models.CharField(max_length=200)
    role = models.CharField(max_length=200, blank=True, help_text="e.g. Secretary of State.")
    kind = models.CharField(max_length=20, choices=PersonKind.choices, default=PersonKind.OFFICIAL)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="people"
    )
    email = models.EmailField(blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )

    objects = AuditedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return f"{self.name}, {self.role}" if self.role else self.name


class ScaleKind(models.TextChoices):
    STATUS = "status", "Status"
    CONFIDENCE = "confidence", "Delivery confidence"


class Scale(models.Model):
    """A rating scale a programme chooses: its statuses, or its delivery-confidence ratings."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=100)
    kind = models.CharField(max_length=20, choices=ScaleKind.choices)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name


class TagColour(models.TextChoices):
    """GOV.UK tag colours, so a level renders as a design-system tag."""

    GREEN = "green", "Green"
    TURQUOISE = "turquoise", "Turquoise"
    BLUE = "blue", "Blue"
    LIGHT_BLUE = "light-blue", "Light blue"
    YELLOW = "yellow", "Yellow"
    ORANGE = "orange", "Orange"
    RED = "red", "Red"
    PINK = "pink", "Pink"
    PURPLE = "purple", "Purple"
    GREY = "grey", "Grey"


class ScaleLevel(models.Model):
    """One point on a scale. A higher rank is a better position."""

    scale = models.ForeignKey(Scale, on_delete=models.CASCADE, related_name="levels")
    code = models.SlugField(max_length=40)
    label = models.CharField(max_length=100)
    rank = models.PositiveSmallIntegerField(help_text="Order on the scale; higher is better.")
    colour = models.CharField(max_length=20, choices=TagColour.choices, default=TagColour.GREY)
    description = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["scale", "-rank"]
        constraints = [
            models.UniqueConstraint(fields=["scale", "code"], name="unique_level_code_per_scale"),
            models.UniqueConstraint(fields=["scale", "rank"], name="unique_level_rank_per_scale"),
        ]

    def __str__(self) -> str:
        return self.label


class ProgrammeKind(models.TextChoices):
    MANIFESTO = "manifesto", "Manifesto"
    PSA = "psa", "Public Service Agreements"
    REPORT = "report", "Report recommendations"
    CORPORATE_PLAN = "corporate_plan", "Council corporate plan"
    DEPARTMENTAL_PLAN = "departmental_plan", "Single departmental plan"
    LOCAL_AGREEMENT = "local_agreement", "Local agreement"
    OTHER = "other", "Other"


class Programme(Versioned):
    """One set of commitments from one source, with its own status and confidence scales."""

    code = models.SlugField(max_length=40, unique=True, allow_unicode=False)
    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=20, choices=ProgrammeKind.choices)
    description = models.TextField(blank=True)
    source_document = models.CharField(max_length=300, blank=True)
    source_url = models.URLField(blank=True)
    source_date = models.DateField(
        null=True, blank=True, help_text="When the source was published."
    )
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(
        null=True, blank=True, help_text="End of the parliament or plan period."
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="programmes"
    )
    area = models.ForeignKey(
        Area, null=True, blank=True, on_delete=models.PROTECT, related_name="programmes"
    )
    status_scale = models.ForeignKey(Scale, on_delete=models.PROTECT, related_name="+")
    confidence_scale = models.ForeignKey(Scale, on_delete=models.PROTECT, related_name="+")
    published = models.BooleanField(
        default=False,
        help_text="Open to the public: its published commitments appear without signing in.",
    )

    objects = AuditedQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date"))
                | Q(end_date__isnull=True)
                | Q(start_date__isnull=True),
                name="programme_ends_after_start",
                violation_error_message="The end date must not be before the start date.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors = {}
        if self.status_scale_id and self.status_scale.kind != ScaleKind.STATUS:
            errors["status_scale"] = "Choose a status scale."
        if self.confidence_scale_id and self.confidence_scale.kind != ScaleKind.CONFIDENCE:
            errors["confidence_scale"] = "Choose a delivery-confidence scale."
        if errors:
            raise ValidationError(errors)


class Theme(models.Model):
    name = models.CharField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class GovernmentResponse(models.TextChoices):
    ACCEPTED = "accepted", "Accepted"
    ACCEPTED_IN_PRINCIPLE = "accepted_in_principle", "Accepted in principle"
    PARTIALLY_ACCEPTED = "partially_accepted", "Partially accepted"
    NOTED = "noted", "Noted"
    UNDER_CONSIDERATION = "under_consideration", "Under consideration"
    REJECTED = "rejected", "Rejected"


class PriorityTier(models.IntegerChoices):
    TOP = 1, "Tier 1 (top priority)"
    HIGH = 2, "Tier 2"
    STANDARD = 3, "Tier 3"


class Commitment(Versioned):
    """One promise, target, priority or recommendation of a programme."""

    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="commitments")
    code = models.CharField(max_length=32, help_text="Unique within the programme, e.g. M01 or 7.")
    title = models.CharField(max_length=300)
    text = models.TextField(blank=True, help_text="The commitment as the source states it.")
    source_document = models.CharField(
        max_length=300, blank=True, help_text="Only where it differs from the programme's source."
    )
    source_page = models.CharField(max_length=20, blank=True)
    source_paragraph = models.CharField(max_length=40, blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    themes = models.ManyToManyField(Theme, blank=True, related_name="commitments")
    organisations = models.ManyToManyField(
        Organisation, through="CommitmentOrganisation", related_name="commitments"
    )
    people = models.ManyToManyField(Person, through="CommitmentPerson", related_name="commitments")
    deadline_phrase = models.CharField(
        max_length=300, blank=True, help_text="Verbatim, e.g. 'by the end of this Parliament'."
    )
    deadline_kind = models.CharField(
        max_length=20,
        blank=True,
        choices=[(kind.value, kind.value.title()) for kind in DeadlineKind],
    )
    deadline_earliest = models.DateField(null=True, blank=True)
    deadline_latest = models.DateField(null=True, blank=True)
    deadline_event = models.CharField(max_length=300, blank=True)
    priority_tier = models.PositiveSmallIntegerField(
        null=True, blank=True, choices=PriorityTier.choices
    )
    published = models.BooleanField(default=False)
    government_response = models.CharField(
        max_length=30, blank=True, choices=GovernmentResponse.choices
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AuditedQuerySet.as_manager()

    class Meta:
        ordering = ["programme", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "code"],
                name="unique_commitment_code_per_programme",
                violation_error_message="A commitment with this code already exists in the programme.",
            ),
            models.CheckConstraint(
                condition=Q(deadline_latest__gte=F("deadline_earliest"))
                | Q(deadline_latest__isnull=True)
                | Q(deadline_earliest__isnull=True),
                name="commitment_deadline_window_ordered",
                violation_error_message="The deadline's latest date must not be before its earliest.",
            ),
            models.CheckConstraint(
                condition=~Q(parent=F("id")),
                name="commitment_not_own_parent",
                violation_error_message="A commitment cannot be its own parent.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def clean(self) -> None:
        if self.parent_id and self.parent.programme_id != self.programme_id:
            raise ValidationError({"parent": "The parent must be in the same programme."})


class OwnershipRole(models.TextChoices):
    LEAD = "lead", "Lead"
    SUPPORTING = "supporting", "Supporting"


class CommitmentOrganisation(models.Model):
    """An organisation's part in a commitment. One row per organisation: lead or supporting."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="ownerships")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="ownerships"
    )
    role = models.CharField(max_length=20, choices=OwnershipRole.choices)

    objects = AuditedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["commitment", "organisation"],
                name="one_role_per_organisation_per_commitment",
                violation_error_message=(
                    "This organisation already has a role on the commitment: "
                    "an organisation is either lead or supporting, not both."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display().lower()})"


class CommitmentPerson(models.Model):
    """A person's part in a commitment. One row per person: lead or supporting."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="owners")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="ownerships")
    role = models.CharField(max_length=20, choices=OwnershipRole.choices)

    objects = AuditedQuerySet.as_manager()

    class Meta:
        verbose_name = "commitment owner"
        constraints = [
            models.UniqueConstraint(
                fields=["commitment", "person"],
                name="one_role_per_person_per_commitment",
                violation_error_message=(
                    "This person already has a role on the commitment: "
                    "a person is either lead or supporting, not both."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display().lower()})"


class Taskforce(models.Model):
    """A cross-cutting group of organisations and people driving a set of commitments."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=200)
    remit = models.TextField(blank=True)
    chair = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="chaired_taskforces"
    )
    organisations = models.ManyToManyField(Organisation, blank=True, related_name="taskforces")
    people = models.ManyToManyField(Person, blank=True, related_name="taskforces")
    commitments = models.ManyToManyField(Commitment, blank=True, related_name="taskforces")

    objects = AuditedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Milestone(Versioned):
    """A dated step of a commitment. Slippage is the current due date less the baseline."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="milestones")
    code = models.CharField(max_length=32)
    title = models.CharField(max_length=300)
    baseline_due_date = models.DateField(help_text="The due date first agreed.")
    current_due_date = models.DateField(help_text="The due date now expected.")
    completed_on = models.DateField(null=True, blank=True)

    objects = AuditedQuerySet.as_manager()

    class Meta:
        ordering = ["commitment", "current_due_date", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["commitment", "code"],
                name="unique_milestone_code_per_commitment",
                violation_error_message="A milestone with this code already exists on the commitment.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def slippage_days(self) -> int:
        return (self.current_due_date - self.baseline_due_date).days

    def is_overdue(self, *, as_of: dt.date) -> bool:
        return self.completed_on is None and self.current_due_date < as_of
