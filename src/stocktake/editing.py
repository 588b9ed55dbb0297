"""No lost updates: an edit saves only if nobody changed the record since it was read.

Records people edit (programmes, commitments, milestones, measures) carry a ``version`` that every
save bumps. A form or an API client reads the version with the record and sends it back as
``expected_version``; ``edit_save`` then claims the row with one conditional statement::

    UPDATE ... SET version = expected + 1 WHERE id = %s AND version = expected

which is atomic on SQLite and PostgreSQL: of many writers holding the same version, exactly one
claims the row, and the others find no row to update and get an ``EditConflictError`` carrying the
stored values and their own, so they can be shown side by side. The winner then saves the record
the normal way inside the same transaction, so model signals record the change in the history.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F

ModelT = TypeVar("ModelT", bound=models.Model)
# The largest version a record can reach (a 32-bit integer column on every database).
MAX_VERSION = 2**31 - 1
Apply = Callable[[Any, Mapping[str, Any]], None]


class Versioned(models.Model):
    """A record people edit: its ``version`` goes up by one on every save after the first.

    ``edit_save`` has claimed the next version already; any other save (the admin's, say) adds
    one to the stored version in the database, so even a save from an instance read long ago
    moves the version on and every form opened before it meets a conflict."""

    version = models.PositiveIntegerField(
        default=1, editable=False, help_text="Goes up by one with every change."
    )

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self._state.adding or self.pk is None:  # a new record, or a copy of one
            super().save(*args, **kwargs)
            return
        claimed = getattr(self, "_version_claimed", False)
        self._version_claimed = False
        if not claimed:
            self.version = F("version") + 1
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "version"}
        super().save(*args, **kwargs)
        if not claimed:
            self.refresh_from_db(fields=["version"])


class EditConflictError(Exception):
    """Someone changed (or deleted) the record since ``expected_version`` was read.

    ``current`` holds the record as stored now (empty when it is gone), ``submitted`` what this
    writer sent; nothing was saved."""

    def __init__(
        self,
        *,
        record: str,
        expected_version: int,
        current_version: int | None,
        current: dict[str, Any],
        submitted: dict[str, Any],
    ) -> None:
        self.record = record
        self.expected_version = expected_version
        self.current_version = current_version
        self.current = current
        self.submitted = submitted
        if current_version is None:
            message = f"{record} was deleted after you opened it; nothing was saved."
        else:
            message = (
                f"{record} was changed by someone else after you opened it (you had version "
                f"{expected_version}, it is now version {current_version}); nothing was saved."
            )
        super().__init__(message)

    @property
    def deleted(self) -> bool:
        return self.current_version is None


def changes_check(changes: Mapping[str, Any], *, editable: frozenset[str] | set[str]) -> None:
    """Refuse fields that cannot be edited this way, naming them."""
    unknown = sorted(set(changes) - set(editable))
    if unknown:
        raise ValidationError(
            {
                name: f"“{name}” cannot be changed here; choose from: {', '.join(sorted(editable))}."
                for name in unknown
            }
        )


def _set_fields(instance: models.Model, changes: Mapping[str, Any]) -> None:
    for name, value in changes.items():
        setattr(instance, name, value)


def stored_values(instance: models.Model) -> dict[str, Any]:
    """A record's fields as stored, by name (a related record as its id), version included."""
    return {
        field.name: getattr(instance, field.attname)
        for field in instance._meta.concrete_fields
        if not field.primary_key
    }


def _conflict(
    model: type[models.Model], pk: Any, *, expected_version: int, changes: Mapping[str, Any]
) -> EditConflictError:
    stored = model._base_manager.filter(pk=pk).first()
    kind = str(model._meta.verbose_name)
    return EditConflictError(
        record=f"The {kind} “{stored}”" if stored is not None else f"This {kind}",
        expected_version=expected_version,
        current_version=stored.version if stored is not None else None,
        current=stored_values(stored) if stored is not None else {},
        submitted=dict(changes),
    )


def edit_save(
    instance: ModelT,
    *,
    expected_version: int,
    changes: Mapping[str, Any],
    apply: Apply = _set_fields,
) -> ModelT:
    """Apply ``changes`` to ``instance`` and save it, if its stored version is still
    ``expected_version``; otherwise raise ``EditConflictError`` and save nothing.

    The fields not in ``changes`` are read again once the row is claimed, so an instance read
    earlier never writes back stale values. ``apply`` sets the changes (default: attribute by
    attribute); ``full_clean`` runs before the save, and a ``ValidationError`` undoes the claim.
    """
    model = type(instance)
    with transaction.atomic(using=instance._state.db or "default"):
        claimed = 0 < expected_version < MAX_VERSION and model._base_manager.filter(
            pk=instance.pk, version=expected_version
        ).update(version=expected_version + 1)
        if not claimed:
            raise _conflict(model, instance.pk, expected_version=expected_version, changes=changes)
        instance.refresh_from_db()
        apply(instance, changes)
        instance.full_clean()
        instance._version_claimed = True  # save() keeps the version claimed above
        instance.save()
    return instance
