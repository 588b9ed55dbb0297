"""Recording changes: who is acting, and the rows that say what they did.

Every edge says who acts (``acting``): the web and the admin through ``AuditActorMiddleware``, the
command line as the system operator. Single saves and deletes are recorded from model signals,
so the admin, services and imports are recorded alike; bulk writes go through
``AuditedQuerySet`` (see ``querysets.py``), which records them in bulk.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import HttpRequest, HttpResponse

from stocktake.audit.models import Change, ChangeKind

# Bookkeeping fields that say nothing a person changed (``version``: see stocktake/editing.py).
SKIPPED = {"id", "created_at", "updated_at", "recorded_at", "version"}


@dataclass(frozen=True)
class Actor:
    user: Any
    name: str
    via: str


UNATTRIBUTED = Actor(user=None, name="system", via="")
_actor: ContextVar[Actor] = ContextVar("stocktake_audit_actor", default=UNATTRIBUTED)


@contextmanager
def acting(*, user: Any = None, name: str = "", via: str) -> Iterator[Actor]:
    """Attribute the changes made inside the block to ``user`` (or ``name``), ``via`` an edge."""
    signed_in = user is not None and getattr(user, "is_authenticated", False) and user.pk
    actor = Actor(
        user=user if signed_in else None,
        name=name or (user.get_username() if signed_in else "system"),
        via=via,
    )
    token = _actor.set(actor)
    try:
        yield actor
    finally:
        _actor.reset(token)


@contextmanager
def acting_for(purpose: str) -> Iterator[None]:
    """Add ``purpose`` (e.g. "import of commitments.csv") to what the current actor is doing."""
    current = _actor.get()
    token = _actor.set(replace(current, via=" · ".join(p for p in (current.via, purpose) if p)))
    try:
        yield
    finally:
        _actor.reset(token)


class AuditActorMiddleware:
    """Attributes the changes a request makes to its signed-in user."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        via = (
            "admin"
            if request.path.startswith("/admin/")
            else "API"
            if request.path.startswith("/api/")
            else "web"
        )
        with acting(user=getattr(request, "user", None), via=via):
            return self.get_response(request)


# Values as the history keeps them: JSON, readable.


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if value is None or isinstance(value, bool | int | float | str | list | dict):
        return value
    return str(value)


def audited_fields(model: type[models.Model]) -> list[models.Field]:
    return [field for field in model._meta.concrete_fields if field.name not in SKIPPED]


def raw_values(instance: models.Model) -> dict[str, Any]:
    return {field.attname: getattr(instance, field.attname) for field in audited_fields(instance)}


def _label(field: models.Field, raw: Any, instance: models.Model | None = None) -> Any:
    """A foreign key as its object's name (from the instance when loaded); other values plain."""
    if raw is None or not field.is_relation:
        return _plain(raw)
    if instance is not None and field.is_cached(instance):
        related = getattr(instance, field.name)
        if related is not None and related.pk == raw:
            return str(related)
    related = field.related_model._base_manager.filter(pk=raw).first()
    return str(related) if related is not None else f"#{raw} (deleted)"


def _cached_label(field: models.Field, raw: Any, instance: models.Model) -> Any:
    """A foreign key's name only when already loaded (bulk creates cost no extra queries)."""
    if field.is_relation and raw is not None:
        if field.is_cached(instance) and getattr(instance, field.name) is not None:
            return str(getattr(instance, field.name))
        return f"#{raw}"
    return _plain(raw)


def commitment_id_of(instance: models.Model) -> int | None:
    from stocktake.funding.models import Spend
    from stocktake.register.models import Commitment

    if isinstance(instance, Commitment):
        return instance.pk
    if isinstance(instance, Spend):
        return instance.line.commitment_id
    return getattr(instance, "commitment_id", None)


def _change(
    instance: models.Model, kind: ChangeKind, changes: dict[str, list[Any]], actor: Actor
) -> Change:
    return Change(
        actor=actor.user,
        actor_name=actor.name[:150],
        via=actor.via[:200],
        kind=kind,
        content_type=ContentType.objects.get_for_model(instance, for_concrete_model=False),
        object_id=str(instance.pk),
        object_repr=str(instance)[:300],
        commitment_id=commitment_id_of(instance),
        changes=changes,
    )


def _created_changes(instance: models.Model, label: Callable) -> dict[str, list[Any]]:
    return {
        field.name: [None, label(field, getattr(instance, field.attname), instance)]
        for field in audited_fields(instance)
        if getattr(instance, field.attname) not in (None, "", [], {})
    }


def _differences(
    instance: models.Model, before: dict[str, Any], fields: Iterable[models.Field]
) -> dict[str, list[Any]]:
    return {
        field.name: [_label(field, before[field.attname]), _label(field, after, instance)]
        for field in fields
        if field.attname in before
        and (after := getattr(instance, field.attname)) != before[field.attname]
    }


# Single objects (from signals).


def created_record(instance: models.Model) -> None:
    _change(instance, ChangeKind.CREATED, _created_changes(instance, _label), _actor.get()).save()


def changed_record(instance: models.Model, before: dict[str, Any]) -> None:
    differences = _differences(instance, before, audited_fields(instance))
    if differences:
        _change(instance, ChangeKind.CHANGED, differences, _actor.get()).save()


def deleted_record(instance: models.Model) -> None:
    changes = {
        field.name: [_label(field, getattr(instance, field.attname), instance), None]
        for field in audited_fields(instance)
        if getattr(instance, field.attname) not in (None, "", [], {})
    }
    _change(instance, ChangeKind.DELETED, changes, _actor.get()).save()


def related_changed_record(
    instance: models.Model, field_name: str, old: list[str], new: list[str]
) -> None:
    """A many-to-many field (themes, a taskforce's members) set from ``old`` to ``new``."""
    if sorted(old) != sorted(new):
        changes = {field_name: [sorted(old), sorted(new)]}
        _change(instance, ChangeKind.CHANGED, changes, _actor.get()).save()


# Many objects (from the audited querysets).

BATCH = 2000


def bulk_created_record(objects: Sequence[models.Model]) -> None:
    actor = _actor.get()
    rows = [
        _change(instance, ChangeKind.CREATED, _created_changes(instance, _cached_label), actor)
        for instance in objects
        if instance.pk is not None
    ]
    Change.objects.bulk_create(rows, batch_size=BATCH)


def before_values(model: type[models.Model], pks: Iterable[Any]) -> dict[Any, dict[str, Any]]:
    """The stored values of ``pks``, to compare with after a bulk write."""
    names = [field.attname for field in audited_fields(model)]
    pks = list(pks)
    found: dict[Any, dict[str, Any]] = {}
    for start in range(0, len(pks), BATCH):
        for row in model._base_manager.filter(pk__in=pks[start : start + BATCH]).values(
            "pk", *names
        ):
            found[row.pop("pk")] = row
    return found


def bulk_changed_record(
    objects: Sequence[models.Model], before: dict[Any, dict[str, Any]], fields: Iterable[str]
) -> None:
    if not objects:
        return
    model = type(objects[0])
    chosen = [model._meta.get_field(name) for name in fields]
    actor = _actor.get()
    rows = []
    for instance in objects:
        differences = _differences(instance, before.get(instance.pk, {}), chosen)
        if differences:
            rows.append(_change(instance, ChangeKind.CHANGED, differences, actor))
    Change.objects.bulk_create(rows, batch_size=BATCH)
