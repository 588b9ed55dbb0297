"""Measures: indicators, their targets and trajectories, and the observed values."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q

from stocktake.audit.querysets import AuditedQuerySet
from stocktake.editing import Versioned
from stocktake.register.models import Area, AreaLevel, Commitment, Programme


class Direction(models.TextChoices):
    HIGHER = "higher", "Higher is better"
    LOWER = "lower", "Lower is better"


class Frequency(models.TextChoices):
    MONTHLY = "monthly", "Monthly"
    QUARTERLY = "quarterly", "Quarterly"
    ANNUAL = "annual", "Annual"


QUARTER_START_MONTHS = (1, 4, 7, 10)


def period_problem(period: dt.date, frequency: str) -> str:
    """Why ``period`` cannot start a period of ``frequency``, or '' when it can."""
    if period.day != 1:
        return "A period starts on the first day of a month."
    if frequency == Frequency.QUARTERLY and period.month not in QUARTER_START_MONTHS:
        return "A quarterly period starts in January, April, July or October."
    return ""


def _all_area_levels() -> list[str]:
    return list(AreaLevel.values)


class Measure(Versioned):
    """An indicator that shows whether a commitment is working, with its FABRIC quality."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=200)
    definition = models.TextField(blank=True)
    unit = models.CharField(max_length=40, help_text="e.g. count, percent, rate per 1,000, days.")
    direction = models.CharField(max_length=10, choices=Direction.choices)
    frequency = models.CharField(max_length=10, choices=Frequency.choices)
    source = models.CharField(max_length=300, blank=True)
    area_levels = models.JSONField(
        default=_all_area_levels, help_text="The area levels this measure is reported for."
    )
    tolerance_pct = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        default=5,
        help_text="Within this % of the trajectory counts as on track.",
    )
    focused = models.BooleanField(default=False, help_text="FABRIC: focused on the aims.")
    appropriate = models.BooleanField(default=False, help_text="FABRIC: appropriate to users.")
    balanced = models.BooleanField(default=False, help_text="FABRIC: balanced picture.")
    robust = models.BooleanField(default=False, help_text="FABRIC: robust to change.")
    integrated = models.BooleanField(default=False, help_text="FABRIC: integrated in management.")
    cost_effective = models.BooleanField(default=False, help_text="FABRIC: cost-effective.")
    quality_note = models.TextField(blank=True)
    commitments = models.ManyToManyField(
        Commitment, through="CommitmentMeasure", blank=True, related_name="measures"
    )

    objects = AuditedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(tolerance_pct__gte=0),
                name="measure_tolerance_not_negative",
                violation_error_message="The tolerance cannot be negative.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        levels = self.area_levels
        if (
            not isinstance(levels, list)
            or not levels
            or any(level not in AreaLevel.values for level in levels)
        ):
            raise ValidationError(
                {"area_levels": f"Choose one or more of: {', '.join(AreaLevel.values)}."}
            )


class CommitmentMeasure(models.Model):
    """A measure that evidences a commitment, with its weight in the commitment's roll-up."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE)
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE)
    weight = models.DecimalField(max_digits=5, decimal_places=2, default=1)

    objects = AuditedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["commitment", "measure"], name="unique_measure_per_commitment"
            ),
            models.CheckConstraint(
                condition=Q(weight__gt=0),
                name="commitment_measure_weight_positive",
                violation_error_message="The weight must be more than zero.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.measure} for {self.commitment.code} (weight {self.weight})"


class Target(models.Model):
    """The value to reach by a date, from a baseline; nationally or for one area.

    A target in a local agreement may carry a reward grant payable when it is met.
    """

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="targets")
    area = models.ForeignKey(
        Area,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="targets",
        help_text="Leave empty for a national target.",
    )
    programme = models.ForeignKey(
        Programme,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="targets",
        help_text="The local agreement or programme that set this target, if any.",
    )
    baseline_date = models.DateField()
    baseline_value = models.FloatField()
    target_date = models.DateField()
    target_value = models.FloatField()
    reward_amount = models.DecimalField(
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Reward grant payable when the target is met (GBP).",
    )

    objects = AuditedQuerySet.as_manager()

    class Meta:
        ordering = ["measure", "area", "target_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(target_date__gt=F("baseline_date")),
                name="target_after_baseline",
                violation_error_message="The target date must be after the baseline date.",
            ),
            models.CheckConstraint(
                condition=Q(reward_amount__gte=0) | Q(reward_amount__isnull=True),
                name="target_reward_not_negative",
                violation_error_message="The reward cannot be negative.",
            ),
        ]

    def __str__(self) -> str:
        where = self.area.name if self.area_id else "national"
        return f"{self.measure}: {self.target_value:g} by {self.target_date:%B %Y} ({where})"

    def clean(self) -> None:
        if self.target_date and self.baseline_date and self.target_date <= self.baseline_date:
            raise ValidationError(
                {"target_date": "The target date must be after the baseline date."}
            )


class TrajectoryKind(models.TextChoices):
    LINEAR = "linear", "Linear"
    S_CURVE = "s_curve", "S-curve"
    STEPPED = "stepped", "Stepped"
    SEASONAL = "seasonal", "Seasonal"
    CUSTOM = "custom", "Custom points"


class Trajectory(models.Model):
    """The planned path from a target's baseline to its value, as a shape and its points."""

    target = models.OneToOneField(Target, on_delete=models.CASCADE, related_name="trajectory")
    kind = models.CharField(max_length=10, choices=TrajectoryKind.choices)
    parameters = models.JSONField(
        default=dict, blank=True, help_text="Shape settings, e.g. steps or a seasonal profile."
    )

    objects = AuditedQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "trajectories"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} trajectory to {self.target}"


class TrajectoryPoint(models.Model):
    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="points")
    period = models.DateField()
    value = models.FloatField()

    class Meta:
        ordering = ["trajectory", "period"]
        constraints = [
            models.UniqueConstraint(
                fields=["trajectory", "period"], name="unique_trajectory_point_per_period"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.period:%Y-%m}: {self.value:g}"

    def clean(self) -> None:
        target = self.trajectory.target
        if not target.baseline_date <= self.period <= target.target_date:
            raise ValidationError(
                {"period": "A trajectory point must fall between the baseline and target dates."}
            )


class Observation(models.Model):
    """One value of a measure for an area and a period, provisional until final."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="observations")
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="observations")
    period = models.DateField(help_text="First day of the period observed.")
    value = models.FloatField()
    denominator = models.FloatField(
        null=True, blank=True, help_text="For rates and proportions: the population counted."
    )
    provisional = models.BooleanField(default=False)
    recorded_at = models.DateTimeField(auto_now=True)

    objects = AuditedQuerySet.as_manager()

    class Meta:
        ordering = ["measure", "area", "period"]
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "area", "period"],
                name="one_observation_per_measure_area_period",
                violation_error_message="There is already a value for this measure, area and period.",
            ),
            models.CheckConstraint(
                condition=Q(period__day=1),
                name="observation_period_is_month_start",
                violation_error_message="The period must start on the first day of a month.",
            ),
            models.CheckConstraint(
                condition=Q(denominator__gte=0) | Q(denominator__isnull=True),
                name="observation_denominator_not_negative",
                violation_error_message="The denominator cannot be negative.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.measure.code} {self.area.code} {self.period:%Y-%m}: {self.value:g}"

    def clean(self) -> None:
        errors = {}
        if self.area_id and self.measure_id and self.area.level not in self.measure.area_levels:
            errors["area"] = (
                f"{self.measure.name} is not reported for {self.area.get_level_display().lower()} "
                f"areas such as {self.area.name}; it is reported for: "
                f"{', '.join(self.measure.area_levels)}."
            )
        if self.period and self.measure_id:
            problem = period_problem(self.period, self.measure.frequency)
            if problem:
                errors["period"] = problem
        if errors:
            raise ValidationError(errors)
