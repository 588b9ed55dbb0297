"""Who may do what. Every edge (pages, admin, exports, imports, CLI) asks here; nothing else decides.

Two kinds of question:

- ``allowed(user, action, obj=None)``: may this user take this action (on this object)?
- ``commitments_visible(user)`` and friends: the querysets a user may see, so that lists, counts
  and downloads are built from them and never show what the user may not see.

The rules:

- Anyone, signed in or not, sees the published commitments of published programmes, and the
  reference data (organisations, areas, people, taskforces).
- A central unit administrator or central analyst sees and changes everything in the register,
  rates delivery confidence and imports files. Only an administrator manages users and roles.
- A reader with no organisation sees every programme; with organisations, like a viewer.
- A department viewer sees the commitments its organisations (and the organisations below them)
  lead or support, and the commitments of the programmes they own.
- A department editor sees the same, and reports on them: updates, milestones, observations,
  frontline notes and actions. A joint commitment is open to every lead and supporting
  organisation. An action is also open to the organisation that owns it.
- Frontline notes and actions are for signed-in users: those of the commitments they may see
  (and actions their organisations own); who reads all sees them all.
- Signed-in users may download what they may see; the history of changes is for signed-in users.
- The command line acts as the system operator (``SYSTEM``), who may do everything.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Model, Q, QuerySet
from django.http import Http404

from stocktake.access.models import CENTRAL_ROLES, Role, RoleGrant
from stocktake.funding.models import Fund, FundContribution, Spend
from stocktake.measures.models import Measure, Observation, Target, Trajectory, TrajectoryPoint
from stocktake.progress.models import Action as ActionItem
from stocktake.progress.models import Note, Update
from stocktake.register.models import (
    Area,
    Commitment,
    CommitmentOrganisation,
    Milestone,
    Organisation,
    Person,
    Programme,
    Scale,
    Taskforce,
    Theme,
)
from stocktake.routines.models import Practice, PriorityReview, Stocktake

User = AbstractBaseUser | AnonymousUser
ModelT = TypeVar("ModelT", bound=Model)


class Action(StrEnum):
    # Without an object.
    VIEW_REGISTER = "view_register"
    EXPORT = "export"
    IMPORT = "import"
    USE_ADMIN = "use_admin"
    MANAGE_USERS = "manage_users"
    VIEW_FRONTLINE = "view_frontline"  # the lists of frontline notes and actions
    # On an object (EXPORT takes a programme too).
    VIEW = "view"
    VIEW_HISTORY = "view_history"
    CHANGE = "change"  # create, change or delete the register's structure
    REPORT = "report"  # updates, milestones, observations: a department's returns
    RATE = "rate"  # record a delivery-confidence judgement
    VIEW_ROUTINES = "view_routines"  # stocktakes, reviews and the practice library
    RUN_ROUTINES = "run_routines"  # schedule stocktakes, record decisions, priority reviews
    ADD_PRACTICE = "add_practice"  # add to the practice library
    NOTE = "note"  # on a commitment: add a frontline note or raise an action


class SystemOperator:
    """Whoever runs the ``stocktake`` command on the server: trusted with everything."""

    is_authenticated = True
    is_active = True
    is_superuser = True
    pk = None

    def __str__(self) -> str:
        return "system operator (command line)"


SYSTEM = SystemOperator()

REFERENCE = (Organisation, Area, Person, Taskforce, Theme, Scale, Fund, FundContribution)


@dataclass(frozen=True)
class Standing:
    """What a user's grants add up to."""

    signed_in: bool = False
    administrator: bool = False
    central: bool = False
    reads_all: bool = False
    view_organisations: frozenset[int] = frozenset()
    edit_organisations: frozenset[int] = frozenset()


ANONYMOUS = Standing()


def organisations_within(organisation_ids: set[int]) -> frozenset[int]:
    """The organisations given and every organisation below them (one query)."""
    return _descend(organisation_ids, _children())


def _children() -> dict[int | None, list[int]]:
    children: dict[int | None, list[int]] = {}
    for pk, parent_id in Organisation.objects.values_list("pk", "parent_id"):
        children.setdefault(parent_id, []).append(pk)
    return children


def _descend(organisation_ids: set[int], children: dict[int | None, list[int]]) -> frozenset[int]:
    found, waiting = set(organisation_ids), list(organisation_ids)
    while waiting:
        for child in children.get(waiting.pop(), ()):
            if child not in found:
                found.add(child)
                waiting.append(child)
    return frozenset(found)


def standing(user: User | SystemOperator | None) -> Standing:
    """The user's standing, worked out once per user object (so once per request)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return ANONYMOUS
    if isinstance(user, SystemOperator) or user.is_superuser:
        return Standing(signed_in=True, administrator=True, central=True, reads_all=True)
    cached = getattr(user, "_stocktake_standing", None)
    if cached is not None:
        return cached
    grants = set(RoleGrant.objects.filter(user=user).values_list("role", "organisation_id"))
    roles = {role for role, _ in grants}
    scoped = {organisation for _, organisation in grants if organisation is not None}
    editing = {organisation for role, organisation in grants if role == Role.EDITOR}
    children = _children() if scoped else {}
    central = bool(roles & set(CENTRAL_ROLES))
    found = Standing(
        signed_in=True,
        administrator=Role.ADMINISTRATOR in roles,
        central=central,
        reads_all=central or (Role.READER, None) in grants,
        view_organisations=_descend(scoped, children),
        edit_organisations=_descend(editing, children),
    )
    user._stocktake_standing = found
    return found


def forget_standing(user: Any) -> None:
    """Drop the cached standing, after the user's grants change."""
    if hasattr(user, "_stocktake_standing"):
        del user._stocktake_standing


# Querysets: what a user may see, and what they may report on.

PUBLIC = Q(published=True, programme__published=True)


def _owned_by(organisations: frozenset[int]) -> Q:
    owned = CommitmentOrganisation.objects.filter(organisation_id__in=organisations)
    return Q(pk__in=owned.values("commitment_id")) | Q(programme__organisation_id__in=organisations)


def commitments_visible(
    user: User | SystemOperator | None, queryset: QuerySet[Commitment] | None = None
) -> QuerySet[Commitment]:
    """The commitments ``user`` may see, from ``queryset`` (all of them by default)."""
    queryset = Commitment.objects.all() if queryset is None else queryset
    found = standing(user)
    if found.reads_all:
        return queryset
    if found.view_organisations:
        return queryset.filter(PUBLIC | _owned_by(found.view_organisations))
    return queryset.filter(PUBLIC)


def commitments_reportable(
    user: User | SystemOperator | None, queryset: QuerySet[Commitment] | None = None
) -> QuerySet[Commitment]:
    """The commitments ``user`` may report on (updates, milestones, observations)."""
    queryset = Commitment.objects.all() if queryset is None else queryset
    found = standing(user)
    if found.central:
        return queryset
    if found.edit_organisations:
        return queryset.filter(_owned_by(found.edit_organisations))
    return queryset.none()


def programmes_visible(
    user: User | SystemOperator | None, queryset: QuerySet[Programme] | None = None
) -> QuerySet[Programme]:
    """Programmes that are published, or hold a commitment ``user`` may see."""
    queryset = Programme.objects.all() if queryset is None else queryset
    if standing(user).reads_all:
        return queryset
    holding = commitments_visible(user).values("programme_id")
    return queryset.filter(Q(published=True) | Q(pk__in=holding))


def measures_visible(
    user: User | SystemOperator | None, queryset: QuerySet[Measure] | None = None
) -> QuerySet[Measure]:
    """Measures linked to a commitment ``user`` may see (all of them for who reads all)."""
    queryset = Measure.objects.all() if queryset is None else queryset
    if standing(user).reads_all:
        return queryset
    return queryset.filter(pk__in=commitments_visible(user).values("measures"))


def commitments_public(queryset: QuerySet[Commitment] | None = None) -> QuerySet[Commitment]:
    """What the public tracker and its open data hold: what a visitor may see, and nothing a
    signed-in user's standing adds."""
    return commitments_visible(None, queryset)


def programmes_public() -> QuerySet[Programme]:
    """The programmes the public tracker lists: published ones holding a published commitment."""
    return Programme.objects.filter(pk__in=commitments_public().values("programme_id"))


def measures_public() -> QuerySet[Measure]:
    """The measures a visitor may see: those linked to a published commitment."""
    return measures_visible(None)


def notes_visible(
    user: User | SystemOperator | None, queryset: QuerySet[Note] | None = None
) -> QuerySet[Note]:
    """Frontline notes ``user`` may read: for signed-in users, those about a commitment they
    may see; every note for who reads all."""
    queryset = Note.objects.all() if queryset is None else queryset
    found = standing(user)
    if found.reads_all:
        return queryset
    if not found.signed_in:
        return queryset.none()
    return queryset.filter(commitments__in=commitments_visible(user)).distinct()


def _organisation_owns(organisations: frozenset[int]) -> Q:
    return Q(owner_organisation_id__in=organisations) | Q(
        owner_person__organisation_id__in=organisations
    )


def actions_visible(
    user: User | SystemOperator | None, queryset: QuerySet[ActionItem] | None = None
) -> QuerySet[ActionItem]:
    """Actions ``user`` may read: for signed-in users, those on a commitment they may see or
    owned by their organisations; every action for who reads all."""
    queryset = ActionItem.objects.all() if queryset is None else queryset
    found = standing(user)
    if found.reads_all:
        return queryset
    if not found.signed_in:
        return queryset.none()
    on_visible = ActionItem.commitments.through.objects.filter(
        commitment__in=commitments_visible(user)
    ).values("action_id")
    return queryset.filter(Q(pk__in=on_visible) | _organisation_owns(found.view_organisations))


def actions_changeable(
    user: User | SystemOperator | None, queryset: QuerySet[ActionItem] | None = None
) -> QuerySet[ActionItem]:
    """Actions ``user`` may change: all for the central unit; for a department editor, those
    on a commitment they report on or owned by their organisations."""
    queryset = ActionItem.objects.all() if queryset is None else queryset
    found = standing(user)
    if found.central:
        return queryset
    if not found.edit_organisations:
        return queryset.none()
    on_reportable = ActionItem.commitments.through.objects.filter(
        commitment__in=commitments_reportable(user)
    ).values("action_id")
    return queryset.filter(Q(pk__in=on_reportable) | _organisation_owns(found.edit_organisations))


def stocktakes_visible(
    user: User | SystemOperator | None, queryset: QuerySet[Stocktake] | None = None
) -> QuerySet[Stocktake]:
    """Stocktakes ``user`` may see: for signed-in users, those on a commitment they may see;
    every one for who reads all. Visitors see none."""
    queryset = Stocktake.objects.all() if queryset is None else queryset
    return _routines_visible(user, queryset, Stocktake.commitments.through, "stocktake_id")


def reviews_visible(
    user: User | SystemOperator | None, queryset: QuerySet[PriorityReview] | None = None
) -> QuerySet[PriorityReview]:
    """Priority reviews ``user`` may see, on the same terms as stocktakes."""
    queryset = PriorityReview.objects.all() if queryset is None else queryset
    return _routines_visible(
        user, queryset, PriorityReview.commitments.through, "priorityreview_id"
    )


def _routines_visible(
    user: User | SystemOperator | None, queryset: QuerySet, links: type[Model], key: str
) -> QuerySet:
    found = standing(user)
    if found.reads_all:
        return queryset
    if not found.signed_in:
        return queryset.none()
    on_visible = links.objects.filter(commitment__in=commitments_visible(user)).values(key)
    return queryset.filter(pk__in=on_visible)


def practices_visible(
    user: User | SystemOperator | None, queryset: QuerySet[Practice] | None = None
) -> QuerySet[Practice]:
    """The practice library is shared with every signed-in user (the commitments an entry links
    to are shown as ``commitments_visible`` allows); visitors see none of it."""
    queryset = Practice.objects.all() if queryset is None else queryset
    return queryset if standing(user).signed_in else queryset.none()


# Objects: which commitment (or measure) an object belongs to.


def _commitment_of(obj: Model) -> Commitment | None:
    if isinstance(obj, Commitment):
        return obj
    if isinstance(obj, Spend):
        return obj.line.commitment
    if hasattr(obj, "commitment_id"):
        return obj.commitment
    return None


def _measure_of(obj: Model) -> Measure | None:
    if isinstance(obj, Measure):
        return obj
    if isinstance(obj, TrajectoryPoint):
        return obj.trajectory.target.measure
    if isinstance(obj, Trajectory):
        return obj.target.measure
    if isinstance(obj, Target | Observation):
        return obj.measure
    return None


def allowed(user: User | SystemOperator | None, action: Action, obj: Model | None = None) -> bool:
    """May ``user`` take ``action`` (on ``obj``)?"""
    found = standing(user)
    if obj is None:
        return _allowed_without_object(found, action)
    if action == Action.VIEW:
        return _visible(user, obj)
    if action == Action.VIEW_HISTORY:
        return found.signed_in and _visible(user, obj)
    if action == Action.EXPORT:
        return found.signed_in and _whole_programme_visible(user, obj)
    if action in (Action.CHANGE, Action.RATE):
        return found.central
    if action == Action.REPORT:
        return _reportable(user, obj)
    if action == Action.NOTE:
        return isinstance(obj, Commitment) and _reportable(user, obj)
    return False


def _visible(user: User | SystemOperator | None, obj: Model) -> bool:
    if isinstance(obj, REFERENCE) or standing(user).reads_all:
        return True
    if isinstance(obj, Stocktake):
        return stocktakes_visible(user).filter(pk=obj.pk).exists()
    if isinstance(obj, PriorityReview):
        return reviews_visible(user).filter(pk=obj.pk).exists()
    if isinstance(obj, Practice):
        return standing(user).signed_in
    if isinstance(obj, Note):
        return notes_visible(user).filter(pk=obj.pk).exists()
    if isinstance(obj, ActionItem):
        return actions_visible(user).filter(pk=obj.pk).exists()
    if isinstance(obj, Programme):
        return programmes_visible(user).filter(pk=obj.pk).exists()
    commitment = _commitment_of(obj)
    if commitment is not None:
        return commitments_visible(user).filter(pk=commitment.pk).exists()
    measure = _measure_of(obj)
    if measure is not None:
        return measures_visible(user).filter(pk=measure.pk).exists()
    return standing(user).reads_all


def _reportable(user: User | SystemOperator | None, obj: Model) -> bool:
    """Department returns: updates and milestones of a commitment, observations of its measures."""
    if isinstance(obj, Commitment | Update | Milestone):
        commitment = _commitment_of(obj)
        return commitments_reportable(user).filter(pk=commitment.pk).exists()
    if isinstance(obj, Observation | Measure):
        linked = _measure_of(obj).commitments.all()
        return standing(user).central or commitments_reportable(user, linked).exists()
    if isinstance(obj, ActionItem):
        return actions_changeable(user).filter(pk=obj.pk).exists()
    return False


def _allowed_without_object(found: Standing, action: Action) -> bool:
    if action == Action.VIEW_REGISTER:
        return True
    if action in (Action.EXPORT, Action.VIEW_FRONTLINE):
        return found.signed_in
    if action in (Action.IMPORT, Action.USE_ADMIN):
        return found.central
    if action == Action.VIEW_ROUTINES:
        return found.signed_in
    if action == Action.RUN_ROUTINES:
        return found.central
    if action == Action.ADD_PRACTICE:
        return found.central or bool(found.edit_organisations)
    if action == Action.MANAGE_USERS:
        return found.administrator
    return False


def _whole_programme_visible(user: User | SystemOperator | None, obj: Model) -> bool:
    """A programme's export holds all its commitments: only for who may see every one."""
    if not isinstance(obj, Programme):
        return False
    if standing(user).reads_all:
        return True
    commitments = Commitment.objects.filter(programme=obj)
    return programmes_visible(user).filter(pk=obj.pk).exists() and (
        commitments_visible(user, commitments).count() == commitments.count()
    )


# The admin site: model permissions ("register.change_commitment") from the roles.

# Apps the central roles manage in the admin. Users, roles and the sign-in lockouts are for
# administrators only; the history of changes is read-only for everyone (see audit/admin.py).
REGISTER_APPS = {"register", "progress", "measures", "funding", "routines"}
ADMINISTRATOR_APPS = {"auth", "access", "axes"}


def admin_permits(user: User | SystemOperator | None, perm: str) -> bool:
    """May ``user`` do ``perm`` (``app_label.verb_model``) in the admin?"""
    found = standing(user)
    if not found.central:
        return False
    app_label, _, codename = perm.partition(".")
    verb = codename.partition("_")[0]
    if app_label == "audit":
        return verb == "view"
    if app_label in REGISTER_APPS:
        return True
    return app_label in ADMINISTRATOR_APPS and found.administrator


def may(user: User | SystemOperator | None, action: str, obj: Model | None = None) -> bool:
    """``allowed`` for templates, which name the action: ``may(request.user, "import")``."""
    return allowed(user, Action(action), obj)


def visible_or_404(user: User | SystemOperator | None, obj: ModelT) -> ModelT:
    """``obj`` when ``user`` may see it; otherwise 404, so a page does not even say it exists."""
    if not allowed(user, Action.VIEW, obj):
        raise Http404("No such page.")
    return obj
