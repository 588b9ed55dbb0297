"""Helpers that report progress in tests, on the scales every installation starts with."""

from __future__ import annotations

import datetime as dt

from stocktake.progress.models import Update
from stocktake.progress.services import update_create
from stocktake.register.models import Commitment
from stocktake.register.tests.factories import scale_level


def report(
    commitment: Commitment, month: int, status: str, confidence: str | None = None
) -> Update:
    """An update for ``month`` of 2016 on the delivery-status and five-point confidence scales;
    its narrative names the month and the status ("Month 5: on-track.")."""
    return update_create(
        commitment=commitment,
        period=dt.date(2016, month, 1),
        status=scale_level("delivery-status", status),
        confidence=scale_level("confidence-5", confidence) if confidence else None,
        narrative=f"Month {month}: {status}.",
    )
