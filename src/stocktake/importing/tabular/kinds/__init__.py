"""The kinds of rows a tabular file can hold, by the name users give them."""

from __future__ import annotations

from stocktake.importing.tabular.kinds.base import Kind
from stocktake.importing.tabular.kinds.commitments import Commitments, Milestones
from stocktake.importing.tabular.kinds.measures import Measures, Targets
from stocktake.importing.tabular.kinds.observations import Observations
from stocktake.importing.tabular.kinds.progress import Updates
from stocktake.importing.tabular.kinds.register import Areas, Organisations, People

KINDS: dict[str, type[Kind]] = {
    kind.name: kind
    for kind in (
        Organisations,
        Areas,
        People,
        Commitments,
        Milestones,
        Updates,
        Measures,
        Targets,
        Observations,
    )
}
