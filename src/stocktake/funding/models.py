"""Funding: budgets that pay for commitments, often pooled across departments."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q, Sum

from stocktake.audit.querysets import AuditedQuerySet
from stocktake.register.models import Commitment, Organisation

ZERO = Decimal("0")


def _within_total(
    fund: Fund, *, already: Decimal | None, adding: Decimal, field: str, what: str
) -> None:
    """Refuse ``adding`` when, with what the fund has ``already`` ``what``, it passes the total."""
    already = already or ZERO
    if already + adding > fund.total:
        raise ValidationError(
            {
                field: f"This would exceed the fund's total of £{fund.total:,.2f} "
                f"(already {what}: £{already:,.2f})."
            }
        )


class Fund(models.Model):
    """A budget such as a cross-cutting fund or an invest-to-save budget."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    total = models.DecimalField(max_digits=16, decimal_places=2, help_text="GBP.")
    start_date = models.DateField()
    end_date = models.DateField()
    managing_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="managed_funds"
    )
    contributors = models.ManyToManyField(
        Organisation, through="FundContribution", related_name="contributed_funds"
    )

    objects = AuditedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(total__gte=0),
                name="fund_total_not_negative",
                violation_error_message="The total cannot be negative.",
            ),
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="fund_ends_after_start",
                violation_error_message="The end date must not be before the start date.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def allocated(self) -> Decimal:
        return self.lines.aggregate(total=Sum("allocated"))["total"] or ZERO

    def spent(self) -> Decimal:
        return Spend.objects.filter(line__fund=self).aggregate(total=Sum("amount"))["total"] or ZERO


class FundContribution(models.Model):
    fund = models.ForeignKey(Fund, on_delete=models.CASCADE, related_name="contributions")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT)
    amount = models.DecimalField(max_digits=16, decimal_places=2, null=True, blank=True)

    objects = AuditedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["fund", "organisation"], name="one_contribution_per_organisation"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} to {self.fund}"


class FundingLine(models.Model):
    """What a fund allocates to one commitment."""

    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="lines")
    commitment = models.ForeignKey(
        Commitment, on_delete=models.PROTECT, related_name="funding_lines"
    )
    allocated = models.DecimalField(max_digits=16, decimal_places=2, help_text="GBP.")

    objects = AuditedQuerySet.as_manager()

    class Meta:
        ordering = ["fund", "commitment"]
        constraints = [
            models.UniqueConstraint(
                fields=["fund", "commitment"],
                name="one_funding_line_per_commitment",
                violation_error_message="The fund already has a line for this commitment.",
            ),
            models.CheckConstraint(
                condition=Q(allocated__gte=0),
                name="funding_line_allocation_not_negative",
                violation_error_message="The allocation cannot be negative.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.fund}: {self.commitment.code}"

    def clean(self) -> None:
        if self.fund_id is None or self.allocated is None:
            return
        others = self.fund.lines.exclude(pk=self.pk).aggregate(total=Sum("allocated"))["total"]
        _within_total(
            self.fund, already=others, adding=self.allocated, field="allocated", what="allocated"
        )


class Spend(models.Model):
    """Money spent on a funding line in one period (the first day of a month)."""

    line = models.ForeignKey(FundingLine, on_delete=models.CASCADE, related_name="spends")
    period = models.DateField()
    amount = models.DecimalField(max_digits=16, decimal_places=2, help_text="GBP.")

    objects = AuditedQuerySet.as_manager()

    class Meta:
        ordering = ["line", "period"]
        constraints = [
            models.UniqueConstraint(
                fields=["line", "period"],
                name="one_spend_per_line_per_period",
                violation_error_message="Spend for this period is already recorded on the line.",
            ),
            models.CheckConstraint(
                condition=Q(period__day=1),
                name="spend_period_is_month_start",
                violation_error_message="The period must be the first day of a month.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.line} {self.period:%Y-%m}: £{self.amount:,.2f}"

    def clean(self) -> None:
        if self.line_id is None or self.amount is None:
            return
        fund = self.line.fund
        others = (
            (
                Spend.objects.filter(line__fund=fund)
                .exclude(pk=self.pk)
                .aggregate(total=Sum("amount"))["total"]
            )
            or ZERO
        )
        if others + self.amount > fund.total:
            raise ValidationError(
                {
                    "amount": f"Spending would exceed the fund's total of £{fund.total:,.2f} "
                    f"(already spent: £{others:,.2f})."
                }
            )
