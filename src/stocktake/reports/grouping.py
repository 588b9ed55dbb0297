"""Grouping commitments into a report's sections."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from stocktake.register.models import Commitment
from stocktake.reports.document import Block, Section


def by_section(
    commitments: list[Commitment], key: Callable[[Commitment], str] | None = None
) -> list[tuple[str, list[Commitment]]]:
    """Commitments grouped by their section (or ``key``), groups in order of first appearance."""
    groups: dict[str, list[Commitment]] = {}
    for commitment in commitments:
        groups.setdefault(key(commitment) if key else commitment.section, []).append(commitment)
    return list(groups.items())


def sections_of(
    commitments: list[Commitment], entry: Callable[[Commitment], Iterable[Block]]
) -> tuple[Section, ...]:
    """One section per section name, holding each of its commitments' ``entry`` blocks."""
    return tuple(
        Section(title, tuple(block for commitment in members for block in entry(commitment)))
        for title, members in by_section(commitments)
    )
