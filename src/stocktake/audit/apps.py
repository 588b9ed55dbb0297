from __future__ import annotations

from typing import Any

from django.apps import AppConfig, apps
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

# What the history covers: the register and what hangs off it. Updates are not here: they are
# append-only, each one already a dated record with its author. A trajectory's points are not
# either: the trajectory (its kind) and its target (values, dates) are, and the points follow them.
AUDITED = (
    "access.RoleGrant",
    "register.Organisation",
    "register.Area",
    "register.Person",
    "register.Programme",
    "register.Commitment",
    "register.CommitmentOrganisation",
    "register.CommitmentPerson",
    "register.Taskforce",
    "register.Milestone",
    "measures.Measure",
    "measures.CommitmentMeasure",
    "measures.Target",
    "measures.Trajectory",
    "measures.Observation",
    "funding.Fund",
    "funding.FundContribution",
    "funding.FundingLine",
    "funding.Spend",
    "progress.Note",
    "progress.Action",
    "routines.Stocktake",
    "routines.PriorityReview",
    "routines.Practice",
)
# Many-to-many fields whose changes are recorded on the object that holds them.
AUDITED_RELATIONS = (
    ("register.Commitment", "themes"),
    ("register.Taskforce", "organisations"),
    ("register.Taskforce", "people"),
    ("register.Taskforce", "commitments"),
    ("progress.Note", "commitments"),
    ("progress.Action", "commitments"),
    ("routines.Stocktake", "commitments"),
    ("routines.Stocktake", "attendees"),
    ("routines.Stocktake", "actions"),
    ("routines.PriorityReview", "commitments"),
    ("routines.PriorityReview", "actions"),
)


class AuditConfig(AppConfig):
    name = "stocktake.audit"
    verbose_name = "History of changes"

    def ready(self) -> None:
        for label in AUDITED:
            model = apps.get_model(label)
            pre_save.connect(_before_save, sender=model, dispatch_uid=f"audit-pre-{label}")
            post_save.connect(_after_save, sender=model, dispatch_uid=f"audit-post-{label}")
            post_delete.connect(_after_delete, sender=model, dispatch_uid=f"audit-del-{label}")
        for label, field_name in AUDITED_RELATIONS:
            through = getattr(apps.get_model(label), field_name).through
            m2m_changed.connect(
                _relation_changed, sender=through, dispatch_uid=f"audit-m2m-{label}-{field_name}"
            )


def _before_save(sender: type, instance: Any, raw: bool = False, **_kwargs: Any) -> None:
    from stocktake.audit.recording import before_values

    if raw or instance._state.adding or instance.pk is None:
        instance._audit_before = None
        return
    instance._audit_before = before_values(sender, [instance.pk]).get(instance.pk)


def _after_save(
    sender: type,  # noqa: ARG001 - signals pass the sender by name
    instance: Any,
    created: bool,
    raw: bool = False,
    **_kwargs: Any,
) -> None:
    from stocktake.audit.recording import changed_record, created_record

    if raw:
        return
    before = getattr(instance, "_audit_before", None)
    if created or before is None:
        created_record(instance)
    else:
        changed_record(instance, before)
    instance._audit_before = None


def _after_delete(sender: type, instance: Any, **_kwargs: Any) -> None:  # noqa: ARG001
    from stocktake.audit.recording import deleted_record

    deleted_record(instance)


def _relation_changed(
    sender: type, instance: Any, action: str, reverse: bool, **_kwargs: Any
) -> None:
    from stocktake.audit.recording import related_changed_record

    if reverse:
        return
    field_name = next(
        name
        for label, name in AUDITED_RELATIONS
        if getattr(type(instance), name, None) and getattr(type(instance), name).through is sender
    )
    current = [str(item) for item in getattr(instance, field_name).all()]
    if action.startswith("pre_"):
        instance._audit_related_before = current
    elif action.startswith("post_"):
        old = getattr(instance, "_audit_related_before", current)
        related_changed_record(instance, field_name, old, current)
