"""Reminders: a daily digest per person (users with an email and a role) of what needs them:
updates due and overdue for their organisations' commitments, milestones and deadlines coming
up, and open actions past their due date. Sent through Django's email framework; each user gets
at most one digest a day (``ReminderSent`` is the log), so running ``stocktake remind`` twice in
a day sends nothing the second time."""

from __future__ import annotations

import datetime as dt
import smtplib
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse

from stocktake.access.models import RoleGrant
from stocktake.access.policy import commitments_visible, standing
from stocktake.periods import add_months, month_start
from stocktake.progress.models import Action, ActionStatus
from stocktake.progress.selectors import latest_update
from stocktake.register.models import Commitment, CommitmentOrganisation, Milestone
from stocktake.routines.models import ReminderSent

MILESTONE_DAYS = 14  # milestones due within this many days are "coming up"
DEADLINE_DAYS = 30  # and commitment deadlines within this many


@dataclass(frozen=True)
class Item:
    text: str
    path: str  # the page it is about, from the site's root

    @property
    def url(self) -> str:
        return f"{settings.STOCKTAKE_BASE_URL}{self.path}"


@dataclass
class Digest:
    user: AbstractBaseUser
    as_of: dt.date
    updates_overdue: list[Item] = field(default_factory=list)
    updates_due: list[Item] = field(default_factory=list)
    milestones: list[Item] = field(default_factory=list)
    deadlines: list[Item] = field(default_factory=list)
    actions: list[Item] = field(default_factory=list)

    @property
    def groups(self) -> list[tuple[str, list[Item]]]:
        return [
            (title, items)
            for title, items in (
                ("Updates overdue", self.updates_overdue),
                (f"Updates due for {self.due_period:%B %Y}", self.updates_due),
                ("Actions overdue", self.actions),
                (f"Milestones due in the next {MILESTONE_DAYS} days", self.milestones),
                (f"Deadlines in the next {DEADLINE_DAYS} days", self.deadlines),
            )
            if items
        ]

    @property
    def count(self) -> int:
        return sum(len(items) for _title, items in self.groups)

    @property
    def due_period(self) -> dt.date:
        """The month whose update is due now: last month."""
        return add_months(month_start(self.as_of), -1)

    @property
    def subject(self) -> str:
        things = "1 thing needs" if self.count == 1 else f"{self.count} things need"
        return f"Stocktake: {things} you today"

    def text(self) -> str:
        return render_to_string("routines/reminder.txt", {"digest": self})

    def html(self) -> str:
        return render_to_string("routines/reminder_email.html", {"digest": self})


def recipients() -> QuerySet[AbstractBaseUser]:
    """Active users with an email address and at least one role."""
    with_roles = RoleGrant.objects.values("user_id")
    return (
        get_user_model()
        .objects.filter(is_active=True, pk__in=with_roles)
        .exclude(email="")
        .order_by("username")
    )


def _commitment_item(commitment: Commitment, words: str) -> Item:
    return Item(
        f"{commitment.programme.code} {commitment.code}. {commitment.title}: {words}",
        reverse("commitment-detail", args=[commitment.programme.code, commitment.code]),
    )


def _theirs(user: AbstractBaseUser) -> QuerySet[Commitment]:
    """The commitments a user answers for: those their organisations (and those below them)
    lead or support, and those their person record leads or supports; as the policy lets them
    see."""
    organisations = standing(user).view_organisations
    owned = CommitmentOrganisation.objects.filter(organisation_id__in=organisations)
    mine = Q(pk__in=owned.values("commitment_id")) | Q(owners__person__user=user)
    return commitments_visible(user, Commitment.objects.filter(mine).distinct())


def digest_build(*, user: AbstractBaseUser, as_of: dt.date) -> Digest:
    """What ``user`` should hear about on ``as_of``."""
    digest = Digest(user=user, as_of=as_of)
    theirs = _theirs(user)
    due_period = digest.due_period
    stale = add_months(due_period, -1)
    latest = theirs.annotate(last_period=latest_update("period")).select_related("programme")
    for commitment in latest.order_by("programme__code", "code"):
        if commitment.last_period is None or commitment.last_period < stale:
            last = f"{commitment.last_period:%B %Y}" if commitment.last_period else "none yet"
            digest.updates_overdue.append(_commitment_item(commitment, f"last update {last}"))
        elif commitment.last_period < due_period:
            digest.updates_due.append(_commitment_item(commitment, "no update yet"))
    coming = Milestone.objects.filter(
        commitment__in=theirs.values("pk"),
        completed_on__isnull=True,
        current_due_date__gte=as_of,
        current_due_date__lte=as_of + dt.timedelta(days=MILESTONE_DAYS),
    ).select_related("commitment__programme")
    for milestone in coming.order_by("current_due_date", "pk"):
        digest.milestones.append(
            _commitment_item(
                milestone.commitment,
                f"{milestone.title} due {milestone.current_due_date.day} "
                f"{milestone.current_due_date:%B %Y}",
            )
        )
    ending = theirs.filter(
        deadline_latest__gte=as_of, deadline_latest__lte=as_of + dt.timedelta(days=DEADLINE_DAYS)
    ).select_related("programme")
    for commitment in ending.order_by("deadline_latest", "pk"):
        digest.deadlines.append(
            _commitment_item(commitment, f"deadline “{commitment.deadline_phrase}”")
        )
    owned = Q(owner_person__user=user) | Q(
        owner_organisation_id__in=standing(user).view_organisations
    )
    overdue = Action.objects.filter(owned, status=ActionStatus.OPEN, due_date__lt=as_of)
    for action in overdue.order_by("due_date", "pk"):
        digest.actions.append(
            Item(
                f"{action.title}: due {action.due_date.day} {action.due_date:%B %Y}",
                reverse("action-detail", args=[action.pk]),
            )
        )
    return digest


@dataclass(frozen=True)
class RemindOutcome:
    sent: list[Digest]
    skipped_already_sent: int
    nothing_to_say: int
    failed: list[tuple[Digest, str]]


def reminders_send(
    *,
    as_of: dt.date,
    dry_run: bool = False,
    tell: Callable[[Digest], None] | None = None,
) -> RemindOutcome:
    """Send each recipient their digest for ``as_of``, once. With ``dry_run``, build and report
    the digests but send and record nothing."""
    sent, failed, already, empty = [], [], 0, 0
    done = set(ReminderSent.objects.filter(sent_on=as_of).values_list("user_id", flat=True))
    for user in recipients():
        if user.pk in done:
            already += 1
            continue
        digest = digest_build(user=user, as_of=as_of)
        if not digest.count:
            empty += 1
            continue
        if not dry_run:
            try:
                if not _send_once(digest):
                    already += 1
                    continue
            except (OSError, smtplib.SMTPException) as error:
                failed.append((digest, str(error) or type(error).__name__))
                continue
        sent.append(digest)
        if tell is not None:
            tell(digest)
    return RemindOutcome(
        sent=sent, skipped_already_sent=already, nothing_to_say=empty, failed=failed
    )


def _send_once(digest: Digest) -> bool:
    """Record, then send, in one transaction: a failed send records nothing (so the next run
    tries again) and a second run the same day finds the record and sends nothing."""
    try:
        with transaction.atomic():
            ReminderSent.objects.create(
                user=digest.user,
                sent_on=digest.as_of,
                email=digest.user.email,
                subject=digest.subject,
                items=digest.count,
            )
            message = EmailMultiAlternatives(
                subject=digest.subject, body=digest.text(), to=[digest.user.email]
            )
            message.attach_alternative(digest.html(), "text/html")
            message.send()
    except IntegrityError:  # another run recorded it first
        return False
    return True
