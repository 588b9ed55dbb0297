"""The portfolio's heat tables as cells ready to write: each count's words, link and shade worked
out once here, so the template only writes them (a national portfolio has hundreds of cells)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from stocktake.progress.portfolio import HeatTable
from stocktake.register.models import Scale
from stocktake.web.filters import NONE, CommitmentFilters

NO_UPDATE = "No update yet"


def heat(count: int, largest: int) -> str:
    """The class of a heat-table cell: ``app-heat--0`` (none) to ``app-heat--4`` (the most)."""
    if not count or not largest:
        return "app-heat--0"
    return f"app-heat--{math.ceil(4 * count / largest)}"


@dataclass(frozen=True)
class HeatCell:
    """One count: ``href`` is the commitment list it counts ('' when it does not link), and
    ``described`` the hidden words that say what it counts."""

    count: int
    shown: str
    href: str
    described: str
    heat: str


@dataclass(frozen=True)
class HeatRowView:
    name: str
    href: str  # the lead organisation's page; '' for the row of commitments with no lead
    cells: tuple[HeatCell, ...]
    total: str


@dataclass(frozen=True)
class HeatTableView:
    scale: Scale
    labels: tuple[str, ...]  # one per column of counts
    rows: tuple[HeatRowView, ...]


def heat_table_view(table: HeatTable, filters: CommitmentFilters) -> HeatTableView:
    """``table``'s cells. A row's counts link to the commitment list (with ``filters``) unless
    the filters choose another organisation: a co-lead's row then shows its counts unlinked."""
    labels = (*(level.label for level in table.levels), NO_UPDATE)
    codes = (*(level.code for level in table.levels), NONE)
    commitment_list = reverse("commitment-list")
    rows = []
    for row in table.rows:
        organisation = row.organisation
        name = organisation.name if organisation else "No lead organisation"
        linked = organisation is not None and filters.organisation in ("", organisation.code)
        cells = []
        for count, label, code in zip(row.counts, labels, codes, strict=True):
            href = ""
            if linked and count:
                query = filters.query(
                    with_fixed=True, organisation=organisation.code, role="lead", status=code
                )
                href = f"{commitment_list}?{query}"
            cells.append(
                HeatCell(
                    count=count,
                    shown=f"{count:,}",
                    href=href,
                    described=f"commitments led by {name}: {label}",
                    heat=heat(count, table.largest),
                )
            )
        rows.append(
            HeatRowView(
                name=name,
                href=reverse("organisation-detail", args=[organisation.code])
                if organisation
                else "",
                cells=tuple(cells),
                total=f"{row.total:,}",
            )
        )
    return HeatTableView(scale=table.scale, labels=labels, rows=tuple(rows))


FILTERS: dict[str, Callable[..., Any]] = {"heat_table_view": heat_table_view}
