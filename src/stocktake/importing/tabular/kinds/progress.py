"""Updates: append-only, so a row adds an update unless the same one is already recorded."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence

from django.contrib.auth import get_user_model
from django.utils import timezone

from stocktake.importing.tabular.cleaning import CellError, CellValue, cell_text
from stocktake.importing.tabular.kinds.base import Kind, Outcome, Row, Table
from stocktake.importing.tabular.mapping import Field
from stocktake.progress.models import Update
from stocktake.progress.services import updates_bulk_create
from stocktake.register.models import Commitment, Programme, Scale, ScaleLevel

Signature = tuple[int, dt.date, int, int | None, bytes]


def _signature(update: Update) -> Signature:
    """What makes two updates the same: commitment, period, status, confidence, narrative."""
    narrative = hashlib.blake2b(update.narrative.encode(), digest_size=16).digest()
    return update.commitment_id, update.period, update.status_id, update.confidence_id, narrative


class _Levels:
    """A scale's levels by code or label, in any case."""

    def __init__(self, scale: Scale) -> None:
        self.scale = scale
        self._levels = list(ScaleLevel.objects.filter(scale=scale))
        self._by_name = {
            name.casefold(): level for level in self._levels for name in (level.code, level.label)
        }

    def find(self, value: CellValue, /) -> ScaleLevel | None:
        text = cell_text(value)
        if text is None:
            return None
        if level := self._by_name.get(text.casefold()):
            return level
        labels = ", ".join(level.label for level in self._levels)
        raise CellError(f"“{text}” is not on the {self.scale.name} scale: choose from {labels}.")


class Updates(Kind):
    name = "updates"
    noun = "update"
    uses_programme = needs_programme = True
    fields = (
        Field("commitment", required=True, aliases=("commitment_code",)),
        Field("period", required=True, aliases=("month", "reporting_period")),
        Field("status", required=True, aliases=("delivery_status",)),
        Field("confidence", aliases=("delivery_confidence",)),
        Field("narrative", required=True, aliases=("commentary", "progress", "update")),
        Field("author", aliases=("reported_by",)),
    )

    def __init__(self, *, table: Table, programme: Programme | None, create_missing: bool) -> None:
        super().__init__(table=table, programme=programme, create_missing=create_missing)
        commitments = Commitment.objects.filter(programme_id=programme.pk).select_related(
            "programme__status_scale", "programme__confidence_scale"
        )
        self._commitments = {commitment.code.casefold(): commitment for commitment in commitments}
        self._statuses = _Levels(programme.status_scale)
        self._confidences = _Levels(programme.confidence_scale)
        users = get_user_model()
        self._users = {
            str(username).casefold(): pk
            for username, pk in users.objects.values_list(users.USERNAME_FIELD, "pk")
        }
        self._stored = {
            _signature(update) for update in Update.objects.filter(commitment__in=commitments)
        }
        self._recorded: set[Signature] = set()
        self._started = timezone.now()

    def _candidate(self, row: Row) -> Update | None:
        code = row.text("commitment", required=True)
        commitment = self._commitments.get(code.casefold()) if code else None
        if code and commitment is None:
            row.problem("commitment", f"There is no commitment “{code}” in {self.programme.code}.")
        period = row.period("period", required=True)
        status = row.parsed("status", self._statuses.find, required=True)
        confidence = row.parsed("confidence", self._confidences.find)
        narrative = row.text("narrative", required=True)
        author = row.text("author") or ""  # a user's login name, else kept as written
        if not row.ok:
            return None
        author_id = self._users.get(author.casefold())
        update = Update(
            commitment=commitment,
            period=period,
            status=status,
            confidence=confidence,
            narrative=narrative,
            author_id=author_id,
            author_name="" if author_id else author,
            # Later rows are later updates, so a correction lower in the file wins.
            created_at=self._started + dt.timedelta(microseconds=row.number),
        )
        row.full_clean(update)
        return update if row.ok else None

    def check(self, row: Row) -> None:
        update = self._candidate(row)
        if update is None:
            return
        signature = _signature(update)
        if signature in self._stored or signature in self._recorded:
            self.outcomes[Outcome.SKIPPED] += 1
        else:
            self._recorded.add(signature)
            self.outcomes[Outcome.CREATED] += 1

    def check_end(self) -> None:
        if skipped := self.outcomes[Outcome.SKIPPED]:
            self.notes.append(
                f"{skipped:,} row{'s' if skipped != 1 else ''} skipped: the same update (commitment, "
                "period, status, confidence and narrative) is already recorded or above."
            )

    def write_start(self) -> None:
        self._recorded.clear()
        self._started = timezone.now()

    def write(self, rows: Sequence[Row]) -> None:
        updates = []
        for row in rows:
            update = self._candidate(row)
            if update is None:
                continue
            signature = _signature(update)
            if signature not in self._stored and signature not in self._recorded:
                self._recorded.add(signature)
                updates.append(update)
        updates_bulk_create(updates=updates)
