"""A delivery summary for one organisation or one person (a minister, a cabinet member): the
commitments they lead or support on a page or two, joint ones marked."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from stocktake.register.models import Commitment, Organisation, OwnershipRole, Person
from stocktake.reports.document import Paragraph, Report, Section, Table, long_date
from stocktake.reports.grouping import by_section
from stocktake.reports.selectors import Judgements, is_joint, judgements_as_of, report_commitments
from stocktake.reports.wording import heading, organisations, people

HEAD = ("Commitment", "Role", "Deadline", "Status", "Confidence")


def owned_commitments(
    owner: Organisation | Person, commitments: QuerySet[Commitment]
) -> QuerySet[Commitment]:
    """Those of ``commitments`` that ``owner`` leads or supports (an organisation's and a
    person's ownerships alike are ``ownerships``)."""
    return commitments.filter(pk__in=owner.ownerships.values("commitment_id"))


def delivery_summary_build(
    *, owner: Organisation | Person, commitments: QuerySet[Commitment], as_of: dt.date
) -> Report:
    owned = owned_commitments(owner, commitments)
    found = report_commitments(commitments=owned)
    judgements = judgements_as_of(commitments=owned, as_of=as_of)
    roles = {commitment.pk: _role(owner, commitment) for commitment in found}
    leads = sum(role == OwnershipRole.LEAD for role in roles.values())
    joint = sum(is_joint(commitment) for commitment in found)
    name = owner.name
    sections = tuple(
        Section(
            title,
            (
                Table(
                    caption=f"{title}: commitments {name} leads or supports",
                    head=HEAD,
                    rows=tuple(_row(owner, c, roles[c.pk], judgements) for c in members),
                ),
            ),
        )
        for title, members in by_section(found, key=lambda c: c.programme.title)
    )
    verb = "is" if joint == 1 else "are"
    introduction = Paragraph(
        f"{name} leads {leads:,} and supports {len(found) - leads:,} of the {len(found):,} "
        f"commitments below. {joint:,} of them {verb} joint (marked “joint”): more than one "
        "organisation or person leads them and they account for them together."
    )
    return Report(
        kind="Delivery summary",
        title=str(owner),
        as_of=as_of,
        period=f"up to {long_date(as_of)}",
        sections=sections or (Section("Commitments", (Paragraph("No commitments."),)),),
        introduction=(introduction,),
        details=_details(owner),
        filename_stem=f"delivery-summary-{_slug(owner)}-{as_of.isoformat()}",
    )


def _role(owner: Organisation | Person, commitment: Commitment) -> OwnershipRole:
    if isinstance(owner, Organisation):
        parts = commitment.ownerships.all()
        return next(p.role for p in parts if p.organisation_id == owner.pk)
    return next(p.role for p in commitment.owners.all() if p.person_id == owner.pk)


def _row(
    owner: Organisation | Person, commitment: Commitment, role: str, judgements: Judgements
) -> tuple[str, ...]:
    judgement = judgements.of(commitment)
    role_text = OwnershipRole(role).label
    if is_joint(commitment):
        others = [
            name
            for name in (
                *organisations(commitment, OwnershipRole.LEAD, codes=True).split(", "),
                *people(commitment, OwnershipRole.LEAD).split(", "),
            )
            if name and name not in (getattr(owner, "code", None), str(owner))
        ]
        role_text += f" (joint with {', '.join(others)})" if others else " (joint)"
    return (
        heading(commitment),
        role_text,
        commitment.deadline_phrase,
        judgement.status.label if judgement.status else "No update yet",
        judgement.confidence.label if judgement.confidence else "Not yet rated",
    )


def _details(owner: Organisation | Person) -> tuple[tuple[str, str], ...]:
    if isinstance(owner, Organisation):
        return (("Organisation", owner.name), ("Kind", owner.get_kind_display()))
    details = [("Person", owner.name)]
    if owner.role:
        details.append(("Role", owner.role))
    if owner.organisation_id:
        details.append(("Organisation", owner.organisation.name))
    return tuple(details)


def _slug(owner: Organisation | Person) -> str:
    if isinstance(owner, Organisation):
        return owner.code.lower()
    return f"person-{owner.pk}"
