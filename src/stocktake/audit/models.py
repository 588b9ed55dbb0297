"""The history of changes: one row per create, change or delete of a register object.

Rows are only ever added. The model and its queryset refuse edits and deletions, and the admin
shows them read-only, so no interface can rewrite the history.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NoReturn

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone


class HistoryIsPermanentError(Exception):
    """Raised on any attempt to change or delete a recorded change."""


class ChangeKind(models.TextChoices):
    CREATED = "created", "Created"
    CHANGED = "changed", "Changed"
    DELETED = "deleted", "Deleted"


class ChangeQuerySet(models.QuerySet):
    def update(self, **kwargs: Any) -> NoReturn:
        raise HistoryIsPermanentError("The history of changes cannot be edited.")

    def delete(self) -> NoReturn:
        raise HistoryIsPermanentError("The history of changes cannot be deleted.")


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: Any
    new: Any


class Change(models.Model):
    """Who changed what, when, from which values to which."""

    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="changes_made",
        help_text="Empty for the command line and other system work.",
    )
    actor_name = models.CharField(max_length=150, help_text="The username at the time, or who.")
    via = models.CharField(max_length=200, blank=True, help_text="e.g. web, admin, command line.")
    kind = models.CharField(max_length=10, choices=ChangeKind.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(max_length=300)
    commitment_id = models.BigIntegerField(
        null=True, blank=True, help_text="The commitment the object belongs to, if any."
    )
    changes = models.JSONField(default=dict, help_text="Field name: [old value, new value].")

    objects = ChangeQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["commitment_id", "at"]),
            models.Index(fields=["content_type", "object_id"]),
        ]

    def __str__(self) -> str:
        return f"{self.object_repr} {self.get_kind_display().lower()} by {self.actor_name}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise HistoryIsPermanentError("The history of changes cannot be edited.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise HistoryIsPermanentError("The history of changes cannot be deleted.")

    @property
    def object_kind(self) -> str:
        model = self.content_type.model_class()
        return str(model._meta.verbose_name) if model else self.content_type.model

    def field_changes(self) -> list[FieldChange]:
        """The changed fields with their labels, in the model's field order."""
        model = self.content_type.model_class()
        found = []
        for name, (old, new) in self.changes.items():
            try:
                label = str(model._meta.get_field(name).verbose_name) if model else name
            except FieldDoesNotExist:
                label = name.replace("_", " ")
            found.append(FieldChange(label=label[:1].upper() + label[1:], old=old, new=new))
        return found
