"""The queryset of every audited model: bulk writes are recorded as single ones are."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models, transaction
from django.db.models import F


class AuditedQuerySet(models.QuerySet):
    """``bulk_create`` and ``update`` record a change per object written.

    ``bulk_update`` needs nothing here: Django writes it through ``update``. Nor does ``delete``:
    with signal receivers connected, Django deletes object by object and each deletion is
    recorded from its signal.

    A record with a ``version`` (see ``stocktake/editing.py``) gets a new one, as a save gives it,
    so a form opened before a bulk write cannot overwrite it unseen."""

    def bulk_create(self, objs: Iterable[models.Model], *args: Any, **kwargs: Any) -> list:
        from stocktake.audit.recording import bulk_created_record

        with transaction.atomic(using=self.db, savepoint=False):
            created = super().bulk_create(objs, *args, **kwargs)
            bulk_created_record(created)
        return created

    def update(self, **kwargs: Any) -> int:
        from stocktake.audit.recording import before_values, bulk_changed_record

        with transaction.atomic(using=self.db, savepoint=False):
            pks = list(self.values_list("pk", flat=True))
            before = before_values(self.model, pks)
            fields = [self.model._meta.get_field(name).name for name in kwargs]
            if any(field.name == "version" for field in self.model._meta.concrete_fields):
                kwargs.setdefault("version", F("version") + 1)
            count = super().update(**kwargs)
            after = list(self.model._base_manager.filter(pk__in=pks))
            bulk_changed_record(after, before, fields)
        return count
