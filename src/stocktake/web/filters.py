"""The commitment filters: read from the query string, applied as one queryset.

The dashboard and every owner's page use the scope filters (programme, organisation, taskforce,
theme); the commitment list uses them all, plus search and sort. Choices come from the database
in one query each; the commitments from one queryset whose query count does not grow with the data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import urlencode

from django.db.models import F, Q, QuerySet
from django.http import QueryDict

from stocktake.access.policy import User, commitments_visible, programmes_visible
from stocktake.progress.selectors import commitments_stale, commitments_with_latest
from stocktake.register.models import (
    Area,
    Commitment,
    Organisation,
    OwnershipRole,
    Person,
    Programme,
    ScaleKind,
    ScaleLevel,
    Taskforce,
    Theme,
)
from stocktake.register.selectors import area_within, commitments_for_list, commitments_joint

NONE = "none"
YES, NO = "yes", "no"
UPCOMING_DAYS = 90

SCOPE_FIELDS = ("programme", "organisation", "taskforce", "theme")
LIST_FIELDS = (
    *SCOPE_FIELDS,
    "q",
    "role",
    "person",
    "status",
    "confidence",
    "deadline",
    "published",
    "joint",
    "stale",
    "milestones",
    "sort",
    "area",
)

ROLES = ((OwnershipRole.LEAD.value, "Lead"), (OwnershipRole.SUPPORTING.value, "Supporting"))
DEADLINES = (
    ("passed", "Passed"),
    ("90-days", f"In the next {UPCOMING_DAYS} days"),
    ("year", "In the next year"),
    ("later", "More than a year away"),
    (NONE, "Ongoing or no date"),
)
MILESTONES = (("overdue", "Has an overdue milestone"), ("slipping", "Has a slipping milestone"))
YES_NO = ((YES, "Yes"), (NO, "No"))
SORTS = {
    "programme": ("Programme and code", ("programme__title", "code")),
    "title": ("Title", ("title", "programme__title", "code")),
    "deadline": (
        "Deadline, soonest first",
        (F("deadline_latest").asc(nulls_last=True), "programme__title", "code"),
    ),
    "status": (
        "Status, worst first",
        (F("latest_status_rank").asc(nulls_first=True), "programme__title", "code"),
    ),
    "confidence": (
        "Delivery confidence, lowest first",
        (F("latest_confidence_rank").asc(nulls_first=True), "programme__title", "code"),
    ),
    "updated": (
        "Least recently updated first",
        (F("latest_period").asc(nulls_first=True), "programme__title", "code"),
    ),
}


@dataclass
class CommitmentFilters:
    """Which commitments to show, as chosen in the query string. Empty values mean 'any'."""

    values: dict[str, str]
    as_of: dt.date
    fields: tuple[str, ...] = LIST_FIELDS
    fixed: dict[str, str] = field(default_factory=dict)
    user: User | None = None  # whose view: they see only the commitments the policy lets them

    @classmethod
    def from_query(
        cls,
        query: QueryDict,
        *,
        as_of: dt.date,
        fields: tuple[str, ...] = LIST_FIELDS,
        fixed: dict[str, str] | None = None,
        user: User | None = None,
    ) -> CommitmentFilters:
        """``fixed`` values (an owner's page) apply whatever the query string says."""
        values = {name: query.get(name, "").strip() for name in fields}
        values.update(fixed or {})
        return cls(values=values, as_of=as_of, fields=fields, fixed=fixed or {}, user=user)

    def __getattr__(self, name: str) -> str:
        if name in LIST_FIELDS:
            return self.values.get(name, "")
        raise AttributeError(name)

    # Choices for the form, one query each.

    @cached_property
    def programmes(self) -> list[Programme]:
        return list(programmes_visible(self.user).order_by("title"))

    @cached_property
    def organisations(self) -> list[Organisation]:
        return list(
            Organisation.objects.filter(ownerships__isnull=False).distinct().order_by("name")
        )

    @cached_property
    def people(self) -> list[Person]:
        return list(Person.objects.filter(ownerships__isnull=False).distinct().order_by("name"))

    @cached_property
    def taskforces(self) -> list[Taskforce]:
        return list(Taskforce.objects.order_by("name"))

    @cached_property
    def themes(self) -> list[Theme]:
        return list(Theme.objects.order_by("name"))

    @property
    def selected_programme(self) -> Programme | None:
        return next((p for p in self.programmes if p.code == self.programme), None)

    def _levels(self, kind: str) -> QuerySet[ScaleLevel]:
        levels = ScaleLevel.objects.filter(scale__kind=kind)
        programme = self.selected_programme
        if programme is not None:
            scale_id = (
                programme.status_scale_id
                if kind == ScaleKind.STATUS
                else programme.confidence_scale_id
            )
            levels = levels.filter(scale_id=scale_id)
        return levels

    def options(self, kind: str) -> list[tuple[str, str]]:
        """(code, label) choices for a select, best first, de-duplicated across scales."""
        seen: dict[str, str] = {}
        for level in self._levels(kind).order_by("scale__name", "-rank"):
            seen.setdefault(level.code, level.label)
        return [*seen.items(), (NONE, "Not yet rated")]

    def choices(self, name: str) -> list[tuple[str, str]]:
        """(value, label) choices of one filter, for its select."""
        objects = {
            "programme": lambda: [(p.code, p.title) for p in self.programmes],
            "organisation": lambda: [(o.code, o.name) for o in self.organisations],
            "person": lambda: [(str(p.pk), str(p)) for p in self.people],
            "taskforce": lambda: [(t.code, t.name) for t in self.taskforces],
            "theme": lambda: [(str(t.pk), t.name) for t in self.themes],
            "status": lambda: self.options(ScaleKind.STATUS),
            "confidence": lambda: self.options(ScaleKind.CONFIDENCE),
            "role": lambda: list(ROLES),
            "deadline": lambda: list(DEADLINES),
            "published": lambda: list(YES_NO),
            "joint": lambda: list(YES_NO),
            "stale": lambda: list(YES_NO),
            "milestones": lambda: list(MILESTONES),
            "sort": lambda: [(key, label) for key, (label, _order) in SORTS.items()],
        }
        return objects[name]()

    # The commitments.

    def scope(self) -> QuerySet[Commitment]:
        """The commitments the register filters select, each once: no ratings, no order."""
        commitments = commitments_visible(self.user)
        if self.programme:
            commitments = commitments.filter(programme__code=self.programme)
        if self.organisation:
            role = {"ownerships__role": self.role} if self.role in dict(ROLES) else {}
            commitments = commitments.filter(
                pk__in=Commitment.objects.filter(
                    ownerships__organisation__code=self.organisation, **role
                ).values("pk")
            )
        if self.person.isdigit():
            commitments = commitments.filter(
                pk__in=Commitment.objects.filter(owners__person_id=self.person).values("pk")
            )
        if self.taskforce:
            commitments = commitments.filter(
                pk__in=Commitment.objects.filter(taskforces__code=self.taskforce).values("pk")
            )
        if self.theme.isdigit():
            commitments = commitments.filter(
                pk__in=Commitment.objects.filter(themes__pk=self.theme).values("pk")
            )
        if self.area:
            area = Area.objects.filter(code=self.area).first()
            within = area_within(area=area) if area else []
            commitments = commitments.filter(programme__area_id__in=within)
        return self._refine(commitments)

    def _refine(self, commitments: QuerySet[Commitment]) -> QuerySet[Commitment]:
        if self.q:
            for word in self.q.split():
                commitments = commitments.filter(
                    Q(title__icontains=word) | Q(text__icontains=word) | Q(code__iexact=word)
                )
        if self.deadline:
            commitments = commitments.filter(self._deadline_condition())
        if self.published in (YES, NO):
            commitments = commitments.filter(published=self.published == YES)
        if self.joint in (YES, NO):
            joint = commitments_joint(Commitment.objects.all()).values("pk")
            commitments = (
                commitments.filter(pk__in=joint)
                if self.joint == YES
                else commitments.exclude(pk__in=joint)
            )
        if self.milestones in dict(MILESTONES):
            open_milestones = Q(milestones__completed_on__isnull=True)
            late = (
                Q(milestones__current_due_date__lt=self.as_of)
                if self.milestones == "overdue"
                else Q(milestones__current_due_date__gt=F("milestones__baseline_due_date"))
            )
            commitments = commitments.filter(
                pk__in=Commitment.objects.filter(open_milestones & late).values("pk")
            )
        return commitments

    def _deadline_condition(self) -> Q:
        soon = self.as_of + dt.timedelta(days=UPCOMING_DAYS)
        year = self.as_of + dt.timedelta(days=365)
        return {
            "passed": Q(deadline_latest__lt=self.as_of),
            "90-days": Q(deadline_latest__gte=self.as_of, deadline_latest__lte=soon),
            "year": Q(deadline_latest__gte=self.as_of, deadline_latest__lte=year),
            "later": Q(deadline_latest__gt=year),
            NONE: Q(deadline_latest__isnull=True),
        }.get(self.deadline, Q())

    def commitments(self) -> QuerySet[Commitment]:
        """The list: the scope with latest ratings, filtered by them, in the chosen order."""
        commitments = commitments_with_latest(
            commitments_for_list(self.scope()), ranks=self.sort in ("status", "confidence")
        )
        for value, annotation, kind in (
            (self.status, "latest_status_id", ScaleKind.STATUS),
            (self.confidence, "latest_confidence_id", ScaleKind.CONFIDENCE),
        ):
            if value == NONE:
                commitments = commitments.filter(**{f"{annotation}__isnull": True})
            elif value:
                ids = self._levels(kind).filter(code=value).values("pk")
                commitments = commitments.filter(**{f"{annotation}__in": ids})
        if self.stale in (YES, NO):
            stale = commitments_stale(Commitment.objects.all(), as_of=self.as_of).values("pk")
            commitments = (
                commitments.filter(pk__in=stale)
                if self.stale == YES
                else commitments.exclude(pk__in=stale)
            )
        _label, order = SORTS.get(self.sort, SORTS["programme"])
        return commitments.order_by(*order)

    @property
    def active(self) -> bool:
        return any(value for name, value in self.values.items() if name not in self.fixed)

    def query(self, *, with_fixed: bool = False, **changes: str) -> str:
        """The query string of these filters with ``changes``, for links to the commitment
        list (``with_fixed``: including an owner page's fixed values) or to this page."""
        return urlencode(
            {
                name: value
                for name, value in {**self.values, **changes}.items()
                if value and (with_fixed or name not in self.fixed)
            }
        )
