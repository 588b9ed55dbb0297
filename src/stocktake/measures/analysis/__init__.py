"""The analysis of measures: pure functions over polars frames, with no Django.

Selectors build the input frames (their columns are in :mod:`.frames`), these functions compute,
and presenters render. Each module holds one kind of analysis:

- :mod:`.assessment`: every series at a date, against trajectory, trend and target;
- :mod:`.league` and :mod:`.funnel`: areas compared, by rank and by funnel-plot limits;
- :mod:`.spc`: a series over time on an XmR chart;
- :mod:`.money`: funding against time elapsed, and reward grants earned;
- :mod:`.rollup`: a data-driven status suggestion for each commitment.
"""

from stocktake.measures.analysis.assessment import assess
from stocktake.measures.analysis.frames import AnalysisInputError
from stocktake.measures.analysis.funnel import funnel_limits
from stocktake.measures.analysis.league import league_table
from stocktake.measures.analysis.money import funding_position, rewards_earned
from stocktake.measures.analysis.rollup import commitment_rollup
from stocktake.measures.analysis.spc import xmr

__all__ = [
    "AnalysisInputError",
    "assess",
    "commitment_rollup",
    "funding_position",
    "funnel_limits",
    "league_table",
    "rewards_earned",
    "xmr",
]
