"""The column contracts of the analysis's input frames, and the checks that enforce them.

Each contract maps a column to its dtype. The ``check_*`` functions take a frame as a selector or
an importer built it and return it with the contract's columns in the contract's dtypes (numbers
that arrive as text are parsed), or raise :class:`AnalysisInputError` naming the measure, area
and period (or whatever locates a row) of every bad row. A national figure is an area like any
other: selectors give it the nation's area code.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

import numpy as np
import polars as pl

from stocktake.measures.analysis.months import is_month_start

OBSERVATIONS: Mapping[str, pl.DataType] = {
    "measure": pl.String(),
    "area": pl.String(),
    "period": pl.Date(),
    "value": pl.Float64(),
    "denominator": pl.Float64(),
    "provisional": pl.Boolean(),
}
TRAJECTORIES: Mapping[str, pl.DataType] = {
    "measure": pl.String(),
    "area": pl.String(),
    "period": pl.Date(),
    "value": pl.Float64(),
}
TARGETS: Mapping[str, pl.DataType] = {
    "measure": pl.String(),
    "area": pl.String(),
    "baseline_date": pl.Date(),
    "baseline_value": pl.Float64(),
    "target_date": pl.Date(),
    "target_value": pl.Float64(),
    "reward_amount": pl.Float64(),
}
MEASURES: Mapping[str, pl.DataType] = {
    "measure": pl.String(),
    "direction": pl.String(),
    "frequency": pl.String(),
    "tolerance_pct": pl.Float64(),
}
# Money (a funding line carries its fund's dates), commitments, and single series.
LINES: Mapping[str, pl.DataType] = {
    "fund": pl.String(),
    "commitment": pl.String(),
    "allocated": pl.Float64(),
    "start_date": pl.Date(),
    "end_date": pl.Date(),
}
SPENDS: Mapping[str, pl.DataType] = {
    "fund": pl.String(),
    "commitment": pl.String(),
    "period": pl.Date(),
    "amount": pl.Float64(),
}
LINKS: Mapping[str, pl.DataType] = {
    "commitment": pl.String(),
    "measure": pl.String(),
    "weight": pl.Float64(),
}
MILESTONES: Mapping[str, pl.DataType] = {
    "commitment": pl.String(),
    "code": pl.String(),
    "baseline_due": pl.Date(),
    "due": pl.Date(),
    "completed_on": pl.Date(),
}
LAST_UPDATES: Mapping[str, pl.DataType] = {"commitment": pl.String(), "period": pl.Date()}
SERIES: Mapping[str, pl.DataType] = {"period": pl.Date(), "value": pl.Float64()}
AREA_VALUES: Mapping[str, pl.DataType] = {"area": pl.String(), "value": pl.Float64()}

DIRECTIONS = ("higher", "lower")
FREQUENCIES = ("monthly", "quarterly", "annual")
QUARTER_START_MONTHS = (1, 4, 7, 10)
SHOWN_PROBLEMS = 10

Check = tuple[pl.Expr, str]


class AnalysisInputError(ValueError):
    """Input the analysis cannot use. ``problems`` lists every one found, each naming the row."""

    def __init__(self, *, what: str, problems: Sequence[str]) -> None:
        self.what = what
        self.problems = list(problems)
        shown = "; ".join(self.problems[:SHOWN_PROBLEMS])
        more = len(self.problems) - SHOWN_PROBLEMS
        count = f"{len(self.problems)} problem{'s' if len(self.problems) != 1 else ''}"
        super().__init__(f"{what}: {count}: {shown}{f'; and {more} more' if more > 0 else ''}.")


def location(*columns: str) -> pl.Expr:
    """Where a row is, in words: ``measure 'm', area 'a', period 2024-03-01``."""
    parts = []
    for column in columns:
        shown = pl.col(column).cast(pl.String)
        if column != "period" and not column.endswith(("_date", "_on", "due")):
            shown = pl.format("'{}'", shown)
        parts.append(pl.format(f"{column.replace('_', ' ')} {{}}", shown.fill_null("(missing)")))
    return pl.concat_str(parts, separator=", ")


def _previous(column: str) -> pl.Expr:
    return pl.col(column).shift(1)


def same_series() -> pl.Expr:
    """Whether a row continues the (measure, area) series of the row before."""
    return (_previous("measure") == pl.col("measure")) & (_previous("area") == pl.col("area"))


def _conform(
    frame: pl.DataFrame, *, contract: Mapping[str, pl.DataType], what: str, where: pl.Expr
) -> pl.DataFrame:
    """The contract's columns in its dtypes; numbers may arrive as text and are parsed."""
    missing = [column for column in contract if column not in frame.columns]
    if missing:
        raise AnalysisInputError(
            what=what, problems=[f"the column '{column}' is missing" for column in missing]
        )
    problems: list[str] = []
    columns = []
    for column, dtype in contract.items():
        given = frame.schema[column]
        if given == dtype or given == pl.Null:
            columns.append(pl.col(column).cast(dtype))
        elif dtype.is_numeric() and (given.is_numeric() or given == pl.String):
            parsed = pl.col(column).cast(dtype, strict=False)
            columns.append(parsed)
            unparsed = frame.filter(pl.col(column).is_not_null() & parsed.is_null())
            problems += (
                unparsed.select(
                    pl.format(f"{{}}: the {column} '{{}}' is not a number", where, column)
                )
                .to_series()
                .to_list()
            )
        elif dtype == pl.Date and isinstance(given, pl.Datetime):
            columns.append(pl.col(column).dt.date())
        elif dtype == pl.String and isinstance(given, (pl.Categorical, pl.Enum)):
            columns.append(pl.col(column).cast(pl.String))
        else:
            problems.append(f"the column '{column}' holds {given}, not {dtype}")
    if problems:
        raise AnalysisInputError(what=what, problems=problems)
    return frame.select(columns)


def _raise_for(frame: pl.DataFrame, *, what: str, where: pl.Expr, checks: Sequence[Check]) -> None:
    """Raise naming every row where a check's condition holds; one pass when all is well."""
    found = frame.select(
        condition.fill_null(False).any().alias(str(number))
        for number, (condition, _) in enumerate(checks)
    ).row(0)
    failing = [check for check, hit in zip(checks, found, strict=True) if hit]
    if failing:
        problems = pl.concat(
            frame.filter(condition.fill_null(False)).select(
                pl.format("{}: {}", where, pl.lit(text))
            )
            for condition, text in failing
        )
        raise AnalysisInputError(what=what, problems=problems.to_series().to_list())


class SortedSeries(NamedTuple):
    """A checked frame sorted by measure, area and period, and the row where each of its
    (measure, area) series starts: every series is one run of rows."""

    frame: pl.DataFrame
    starts: np.ndarray

    @property
    def ends(self) -> np.ndarray:
        """The row after each series' last."""
        return np.append(self.starts[1:], self.frame.height)[: len(self.starts)]


def _series_starts(frame: pl.DataFrame) -> tuple[bool, np.ndarray]:
    """Whether ``frame`` is strictly in (measure, area, period) order, and the rows where a
    series starts. Equality with the row before finds the starts; order is then checked on the
    keys of the starts alone and on the periods as numbers (comparing strings for order costs far
    more than comparing them for equality)."""
    starts = frame.select(pl.arg_where(~same_series().fill_null(False))).to_series().to_numpy()
    keys_ascend = (
        frame.select("measure", "area")[starts]
        .select(
            (
                (_previous("measure") < pl.col("measure"))
                | (
                    (_previous("measure") == pl.col("measure"))
                    & (_previous("area") < pl.col("area"))
                )
            )
            .fill_null(True)
            .all()
        )
        .item()
    )
    days = frame["period"].to_physical().to_numpy()
    falls = np.flatnonzero(days[1:] <= days[:-1]) + 1
    at = np.minimum(np.searchsorted(starts, falls), len(starts) - 1)
    periods_rise = bool(np.all(starts[at] == falls)) if len(falls) else True
    return keys_ascend and periods_rise, starts


def _sorted_series(frame: pl.DataFrame, *, what: str, repeat: str) -> SortedSeries:
    """``frame`` sorted by measure, area and period (sorted only if it is not already), with
    its series' starts; raises if a series repeats a period. The period and value columns are
    made contiguous, so the analysis reads them as arrays without copying."""
    frame = frame.with_columns(frame["period"].rechunk(), frame["value"].rechunk())
    in_order, starts = _series_starts(frame)
    if not in_order:
        frame = frame.sort("measure", "area", "period").rechunk()
        repeats = same_series() & (_previous("period") == pl.col("period"))
        _raise_for(
            frame,
            what=what,
            where=location("measure", "area", "period"),
            checks=[(repeats, repeat)],
        )
        starts = _series_starts(frame)[1]
    return SortedSeries(frame=frame, starts=starts)


def check_measures(*, measures: pl.DataFrame) -> pl.DataFrame:
    """Measures: ``measure`` (unique code), ``direction`` (higher|lower), ``frequency``
    (monthly|quarterly|annual), ``tolerance_pct`` (0 or more)."""
    where = location("measure")
    frame = _conform(measures, contract=MEASURES, what="measures", where=where)
    _raise_for(
        frame,
        what="measures",
        where=where,
        checks=[
            (pl.col("measure").is_null(), "the measure has no code"),
            (pl.col("measure").is_duplicated(), "the measure is listed more than once"),
            (~pl.col("direction").is_in(DIRECTIONS), "the direction is not higher or lower"),
            (~pl.col("frequency").is_in(FREQUENCIES), "the frequency is not one we know"),
            (
                pl.col("tolerance_pct").is_null() | (pl.col("tolerance_pct") < 0),
                "the tolerance is missing or negative",
            ),
        ],
    )
    return frame


def check_observations(*, observations: pl.DataFrame, measures: pl.DataFrame) -> SortedSeries:
    """Observations (:data:`OBSERVATIONS`) checked against ``measures`` (already checked).

    Returns them sorted by measure, area and period, with the row where each series starts. A
    bad row has a key or value missing (a
    value that is not a number counts as missing), a negative denominator, an unknown measure, a
    period off the measure's grid (the first day of a month; of January, April, July or October
    for a quarterly measure; of the same month every year for an annual one), or a period its
    series already has. A revision replaces the value it revises, so the frame holds one value
    per period, the latest.

    Costs a few passes over the frame when it is already in order (as selectors give it, in
    the model's ordering), and a sort when it is not.
    """
    where = location("measure", "area", "period")
    frame = _conform(observations, contract=OBSERVATIONS, what="observations", where=where)
    _raise_for(
        frame,
        what="observations",
        where=where,
        checks=[
            (
                pl.any_horizontal(pl.col("measure", "area", "period").is_null()),
                "the measure, area or period is missing",
            ),
            (pl.col("value").is_null() | pl.col("value").is_nan(), "the value is missing"),
            (pl.col("denominator") < 0, "the denominator is negative"),
        ],
    )
    frame, series_starts = _sorted_series(
        frame, what="observations", repeat="there is more than one value for the period"
    )
    off_month_start = ~is_month_start(frame["period"].to_physical().to_numpy())
    if off_month_start.any():
        _raise_for(
            frame.filter(pl.Series(off_month_start)),
            what="observations",
            where=where,
            checks=[(pl.lit(value=True), "the period does not start on the first day of a month")],
        )
    _check_grid(frame, measures=measures, series_starts=series_starts)
    return SortedSeries(frame=frame, starts=series_starts)


def _check_grid(frame: pl.DataFrame, *, measures: pl.DataFrame, series_starts: np.ndarray) -> None:
    """Known measures, and quarterly and annual periods on their grid. Each measure's rows are
    one slice of the sorted frame, so only the non-monthly slices need looking at."""
    measure_of_series = frame["measure"].gather(series_starts)
    first = np.flatnonzero((measure_of_series != measure_of_series.shift(1)).fill_null(True))
    starts = series_starts[first]
    runs = pl.DataFrame(
        {
            "measure": measure_of_series.gather(first),
            "start": starts,
            "length": np.diff(starts, append=frame.height),
        }
    ).join(measures.select("measure", "frequency"), on="measure", how="left")
    unknown = runs.filter(pl.col("frequency").is_null())
    if unknown.height:
        problems = (
            frame[unknown["start"]]
            .with_columns(others=unknown["length"] - 1)
            .select(
                pl.format(
                    "{} (and {} more rows of the measure): the measure is not among the measures",
                    location("measure", "area", "period"),
                    "others",
                )
            )
        )
        raise AnalysisInputError(what="observations", problems=problems.to_series().to_list())
    slices = [
        frame.slice(start, length).with_columns(frequency=pl.lit(frequency))
        for start, length, frequency in runs.filter(pl.col("frequency") != "monthly")
        .select("start", "length", "frequency")
        .iter_rows()
    ]
    if not slices:
        return
    month, frequency = pl.col("period").dt.month(), pl.col("frequency")
    _raise_for(
        pl.concat(slices),
        what="observations",
        where=location("measure", "area", "period"),
        checks=[
            (
                (frequency == "quarterly") & ~month.is_in(QUARTER_START_MONTHS),
                "a quarterly period starts in January, April, July or October",
            ),
            (
                (frequency == "annual") & same_series() & (month.shift(1) != month),
                "the annual periods of the series start in different months",
            ),
        ],
    )


def check_trajectories(*, trajectories: pl.DataFrame) -> SortedSeries:
    """Trajectory points (:data:`TRAJECTORIES`): one planned value per series and period.
    Returns them sorted by measure, area and period, with the row where each series starts."""
    where = location("measure", "area", "period")
    frame = _conform(trajectories, contract=TRAJECTORIES, what="trajectories", where=where)
    _raise_for(
        frame,
        what="trajectories",
        where=where,
        checks=[
            (
                pl.any_horizontal(pl.col("measure", "area", "period").is_null()),
                "the measure, area or period is missing",
            ),
            (pl.col("value").is_null() | pl.col("value").is_nan(), "the value is missing"),
        ],
    )
    return _sorted_series(
        frame, what="trajectories", repeat="there is more than one point for the period"
    )


def check_targets(*, targets: pl.DataFrame, measures: pl.DataFrame | None = None) -> pl.DataFrame:
    """Targets (:data:`TARGETS`), of known ``measures`` when given: the target date after the
    baseline, values present, any reward not negative. A series may have several targets, one
    per target date."""
    where = location("measure", "area", "target_date")
    frame = _conform(targets, contract=TARGETS, what="targets", where=where)
    values = pl.col("baseline_value", "target_value")
    _raise_for(
        frame,
        what="targets",
        where=where,
        checks=[
            (
                pl.any_horizontal(
                    pl.col("measure", "area", "baseline_date", "target_date").is_null()
                ),
                "the measure, area or a date is missing",
            ),
            (
                pl.lit(value=False)
                if measures is None
                else ~pl.col("measure").is_in(measures["measure"].implode()),
                "the measure is not among the measures",
            ),
            (pl.any_horizontal(values.is_null() | values.is_nan()), "a value is missing"),
            (
                pl.col("target_date") <= pl.col("baseline_date"),
                "the target date is not after the baseline",
            ),
            (pl.col("reward_amount") < 0, "the reward is negative"),
            (
                pl.struct("measure", "area", "target_date").is_duplicated(),
                "the target is listed more than once",
            ),
        ],
    )
    return frame


def check_frame(
    frame: pl.DataFrame,
    *,
    contract: Mapping[str, pl.DataType],
    what: str,
    keys: Sequence[str],
    required: Sequence[str] = (),
) -> pl.DataFrame:
    """Any other input (one of the contracts above): its columns in their dtypes, with no row
    missing a ``keys`` or ``required`` value; a problem is located by the row's ``keys``."""
    where = location(*keys)
    frame = _conform(frame, contract=contract, what=what, where=where)
    _raise_for(
        frame,
        what=what,
        where=where,
        checks=[
            (
                pl.col(column).is_null() | _is_nan(column, contract),
                f"the {column.replace('_', ' ')} is missing",
            )
            for column in [*keys, *required]
        ],
    )
    return frame


def _is_nan(column: str, contract: Mapping[str, pl.DataType]) -> pl.Expr:
    return pl.col(column).is_nan() if contract[column].is_float() else pl.lit(value=False)
