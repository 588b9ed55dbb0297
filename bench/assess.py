"""Benchmark the assessment (issue 4) at national scale, against a plain pandas baseline.

    .venv/bin/python bench/assess.py                   # small: 100 measures x 100 areas x 60 months
    .venv/bin/python bench/assess.py --size full       # 2,000 x 350 x 60: about 40 million rows
    .venv/bin/python bench/assess.py --size all        # small, medium and full, one process each
    .venv/bin/python bench/assess.py --measures 50 --areas 20 --months 36

One run generates seeded data with numpy, then times, on the same data:

- polars: ``stocktake.measures.analysis.assessment.assess``, input checks included;
- the floor: one grouped polars pass taking the last value of every series;
- pandas: the baseline below (its own section), a groupby-apply of the same rules, one Python call
  per series (skipped when a timed sample says it would take longer than --pandas-limit minutes),

checks that the two results agree (strings equal, numbers within 1e-9) and prints a table.
Peak memory is the process's peak resident set during each step (Linux's VmHWM, reset before
each step); numpy's share of the polars step is also traced with tracemalloc (polars allocates
outside Python, where tracemalloc cannot see).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pandas as pd
import polars as pl

from stocktake.measures.analysis.assessment import COLUMNS, STALE_AFTER_PERIODS, STATUSES, assess
from stocktake.measures.analysis.distributions import t_quantile
from stocktake.measures.analysis.trend import INTERVAL_MIN_POINTS, MAD_TO_SD
from stocktake.periods import MONTHS_IN, months_later

SIZES = {"small": (100, 100, 60), "medium": (500, 350, 60), "full": (2000, 350, 60)}
START_MONTH = (2021 - 1970) * 12  # January 2021, in months since January 1970
WINDOW = 12
TOLERANCE = 1e-9


# --- data -----------------------------------------------------------------------------------


def _dates(months: np.ndarray) -> np.ndarray:
    return months.astype("datetime64[M]").astype("datetime64[D]")


def generate(*, measures: int, areas: int, months: int, seed: int = 2015) -> dict[str, object]:
    """Measures (96% monthly, 2% quarterly, 2% annual; 30% lower-is-better; 10% around zero so
    values go negative), one series per measure and area with a trend, noise and 1% outliers;
    1% of periods missing, 2% of series stopping six months early (stale), 0.2% with a target
    but no observations, 5% with observations but no target; targets due 2026-2028 with yearly
    linear trajectory points, 10% carrying a reward."""
    rng = np.random.default_rng(seed)
    series_count = measures * areas
    frequency = rng.choice(["monthly", "quarterly", "annual"], size=measures, p=[0.96, 0.02, 0.02])
    measure_frame = pl.DataFrame(
        {
            "measure": [f"M{number:05d}" for number in range(measures)],
            "direction": rng.choice(["higher", "lower"], size=measures, p=[0.7, 0.3]),
            "frequency": frequency,
            "tolerance_pct": rng.choice([2.0, 5.0, 10.0], size=measures),
        }
    )
    measure_codes = measure_frame["measure"]
    area_codes = pl.Series([f"E{6_000_000 + number:08d}" for number in range(areas)])

    level = np.where(rng.random(measures) < 0.1, 0.0, rng.uniform(50, 500, measures))
    base = np.repeat(level, areas) + rng.normal(0, 10, series_count)
    slope = rng.normal(0, 0.8, series_count)
    months_to_end = np.where(rng.random(series_count) < 0.02, 6, 0)
    without_observations = rng.random(series_count) < 0.002

    step = np.array([MONTHS_IN[name] for name in frequency])
    series = np.repeat(np.arange(series_count, dtype=np.int64), months)
    t = np.tile(np.arange(months, dtype=np.int64), series_count)
    measure = series // areas
    month_of_year = (START_MONTH + t) % 12
    on_grid = np.where(step[measure] == 12, month_of_year == 3, month_of_year % step[measure] == 0)
    keep = (
        on_grid
        & (rng.random(len(t)) > 0.01)
        & (t < months - months_to_end[series])
        & ~without_observations[series]
    )
    series, t = series[keep], t[keep]
    del keep, measure, month_of_year, on_grid
    values = base[series] + slope[series] * t + rng.normal(0, 3, len(t))
    outliers = rng.random(len(t)) < 0.01
    values[outliers] += rng.normal(0, 40, outliers.sum())
    has_denominator = (rng.random(measures) < 0.2)[series // areas]
    denominators = np.where(has_denominator, rng.integers(0, 5000, len(t)), np.nan)
    observations = pl.DataFrame(
        {
            "measure": measure_codes.gather(series // areas),
            "area": area_codes.gather(series % areas),
            "period": _dates(START_MONTH + t),
            "value": values,
            "denominator": pl.Series(denominators).fill_nan(None),
            "provisional": t >= months - 2,
        }
    )
    del values, denominators, has_denominator, outliers

    with_target = np.flatnonzero((rng.random(series_count) < 0.95) | without_observations)
    target_month = START_MONTH + months + rng.choice([11, 14, 26], size=measures)
    target_date = _dates(target_month + 1)[with_target // areas] - np.timedelta64(1, "D")
    baseline_date = _dates(np.full(len(with_target), START_MONTH))
    horizon = (target_date - baseline_date).astype(np.int64)
    target_value = base[with_target] + (
        slope[with_target] + rng.normal(0, 0.4, len(with_target))
    ) * (horizon / 30.4)
    targets = pl.DataFrame(
        {
            "measure": measure_codes.gather(with_target // areas),
            "area": area_codes.gather(with_target % areas),
            "baseline_date": baseline_date,
            "baseline_value": base[with_target],
            "target_date": target_date,
            "target_value": target_value,
            "reward_amount": pl.Series(
                np.where(rng.random(len(with_target)) < 0.1, 250_000.0, np.nan)
            ).fill_nan(None),
        }
    )
    yearly = np.arange(0, (target_month.max() - START_MONTH) // 12 + 1) * 12
    point_month = START_MONTH + np.tile(yearly, len(with_target))
    owner = np.repeat(np.arange(len(with_target)), len(yearly))
    last_point = target_month[with_target // areas][owner]
    inside = point_month <= last_point
    point_month = np.where(inside, point_month, last_point)  # the final point: the target's month
    point_date = _dates(point_month)
    share = (point_date - baseline_date[owner]).astype(np.int64) / horizon[owner]
    trajectories = pl.DataFrame(
        {
            "measure": measure_codes.gather(with_target[owner] // areas),
            "area": area_codes.gather(with_target[owner] % areas),
            "period": point_date,
            "value": base[with_target][owner] + (target_value - base[with_target])[owner] * share,
        }
    ).unique(subset=["measure", "area", "period"], keep="first", maintain_order=True)
    as_of = _dates(np.array([START_MONTH + months]))[0].item() + dt.timedelta(days=19)
    return {
        "observations": observations,
        "trajectories": trajectories,
        "targets": targets,
        "measures": measure_frame,
        "as_of": as_of,
    }


# --- the pandas baseline: the same rules, one Python call per series -----------------------


def _pandas_frame(frame: pl.DataFrame) -> pd.DataFrame:
    """Columns as numpy (dates as datetime64) and categoricals for the keys."""
    columns = {}
    for name, series in frame.to_dict().items():
        if series.dtype == pl.String:
            codes = (series.rank("dense") - 1).to_numpy()
            columns[name] = pd.Categorical.from_codes(codes, categories=series.unique().sort())
        elif series.dtype == pl.Date:
            columns[name] = pd.Series(series.to_numpy()).to_numpy()
        else:
            columns[name] = series.to_numpy()
    return pd.DataFrame(columns)


def pandas_inputs(data: dict[str, object]) -> dict[str, object]:
    return {
        name: _pandas_frame(value) if isinstance(value, pl.DataFrame) else value
        for name, value in data.items()
    }


def _normal_cdf(z: float) -> float:
    """Abramowitz & Stegun 26.2.17, as in the polars assessment."""
    x = abs(z)
    t = 1 / (1 + 0.2316419 * x)
    polynomial = 0.0
    for coefficient in (1.330274429, -1.821255978, 1.781477937, -0.356563782, 0.319381530):
        polynomial = t * (coefficient + polynomial)
    upper = math.exp(-(x**2) / 2) / math.sqrt(2 * math.pi) * polynomial
    return 1 - upper if z >= 0 else upper


def _month(day: pd.Timestamp | dt.date) -> int:
    return (day.year - 1970) * 12 + day.month - 1


def _status(actual: float, trajectory: float, better: float, tolerance_pct: float) -> str:
    if actual is None or trajectory is None or math.isnan(actual) or math.isnan(trajectory):
        return "no_data"
    gain = (actual - trajectory) * better
    band = tolerance_pct / 100 * abs(trajectory)
    if gain > band:
        return "ahead"
    if gain < -band:
        return "off_track"
    return "on_track"


def pandas_assess(
    *,
    observations: pd.DataFrame,
    trajectories: pd.DataFrame,
    targets: pd.DataFrame,
    measures: pd.DataFrame,
    as_of: dt.date,
    window: int = WINDOW,
) -> pd.DataFrame:
    """The assessment's rules as a pandas groupby-apply (see ``assess`` for the rules)."""
    as_of_ts = pd.Timestamp(as_of)
    observations = observations[observations["period"] <= as_of_ts].sort_values(
        ["measure", "area", "period"]
    )
    measure_info = measures.set_index("measure").to_dict("index")
    targets = targets.assign(passed=targets["target_date"] < as_of_ts)
    targets = targets.assign(
        key=np.where(
            targets["passed"],
            -targets["target_date"].astype("int64"),
            targets["target_date"].astype("int64"),
        )
    )
    targets = (
        targets.sort_values(["measure", "area", "passed", "key"])
        .drop_duplicates(["measure", "area"], keep="first")
        .set_index(["measure", "area"])
    )
    target_of = targets[["target_value", "target_date"]].to_dict("index")
    points = {
        key: (group["period"].to_numpy(), group["value"].to_numpy())
        for key, group in trajectories.sort_values("period").groupby(
            ["measure", "area"], observed=True
        )
    }
    t_of = dict(
        zip(
            range(3, window + 1),
            t_quantile(probability=0.975, df=np.arange(1, window - 1)),
            strict=True,
        )
    )
    as_of_month = _month(as_of)

    def planned(key: tuple[str, str], period: np.datetime64 | None) -> float:
        if period is None or key not in points:
            return math.nan
        days, values = points[key]
        at = np.searchsorted(days, period, side="right") - 1  # the last point on or before
        if at < 0:
            return math.nan
        if days[at] == period:
            return float(values[at])
        if at + 1 >= len(days):
            return math.nan
        share = (
            (period - days[at])
            / np.timedelta64(1, "D")
            / ((days[at + 1] - days[at]) / np.timedelta64(1, "D"))
        )
        return float(values[at] + (values[at + 1] - values[at]) * share)

    def one(group: pd.DataFrame) -> pd.Series:
        key = group.name
        info = measure_info[key[0]]
        better = -1.0 if info["direction"] == "lower" else 1.0
        step = MONTHS_IN[info["frequency"]]
        tail = group.iloc[-window:]
        periods = tail["period"].to_numpy()
        months = tail["month"].to_numpy()
        y = tail["value"].to_numpy()
        x = (months - months[-1]).astype(float)
        n = len(y)
        latest, actual = periods[-1], float(y[-1])
        previous_as_of = pd.Timestamp(months_later(as_of, -step))
        if latest <= previous_as_of.to_datetime64():
            before_period, before_actual = latest, actual
        elif n >= 2:
            before_period, before_actual = periods[-2], float(y[-2])
        else:
            before_period, before_actual = None, None
        trajectory = planned(key, latest)
        before_trajectory = planned(key, before_period)
        status = _status(actual, trajectory, better, info["tolerance_pct"])
        previous_status = _status(
            math.nan if before_actual is None else before_actual,
            before_trajectory,
            better,
            info["tolerance_pct"],
        )
        if before_actual is None:
            movement = "new"
        elif status == previous_status:
            movement = "unchanged"
        elif STATUSES.index(status) > STATUSES.index(previous_status):
            movement = "improved"
        else:
            movement = "worsened"
        target = target_of.get(key)
        projection = low = high = probability = math.nan
        if target is not None and n >= 2:
            first, second = np.triu_indices(n, k=1)
            slope = float(np.median((y[second] - y[first]) / (x[second] - x[first])))
            intercept = float(np.median(y - slope * x))
            at = _month(target["target_date"]) - months[-1]
            projection = intercept + slope * at
            if n >= INTERVAL_MIN_POINTS:
                scale = MAD_TO_SD * float(np.median(np.abs(y - intercept - slope * x)))
                x_mean = x.sum() / n
                sxx = ((x - x_mean) ** 2).sum()
                se = scale * math.sqrt(1 + 1 / n + (at - x_mean) ** 2 / sxx)
                low, high = projection - t_of[n] * se, projection + t_of[n] * se
                margin = (projection - target["target_value"]) * better
                probability = _normal_cdf(margin / se) if se > 0 else float(margin >= 0)
        variance = actual - trajectory
        return pd.Series(
            {
                "period": latest,
                "actual": actual,
                "trajectory": trajectory,
                "variance": variance,
                "variance_pct": variance / abs(trajectory) * 100 if trajectory != 0 else math.nan,
                "status": status,
                "projection": projection,
                "projection_low": low,
                "projection_high": high,
                "probability": probability,
                "stale": months[-1] < as_of_month - STALE_AFTER_PERIODS * step,
                "previous_status": previous_status,
                "movement": movement,
                "target_value": math.nan if target is None else target["target_value"],
                "target_date": pd.NaT if target is None else target["target_date"],
            }
        )

    observations = observations.assign(
        month=(observations["period"].dt.year - 1970) * 12 + observations["period"].dt.month - 1
    )
    assessed = (
        observations.groupby(["measure", "area"], observed=True, sort=True)[
            ["period", "month", "value"]
        ]
        .apply(one)
        .reset_index()
    )
    missing = targets.reset_index()
    missing = missing[
        ~pd.MultiIndex.from_frame(missing[["measure", "area"]]).isin(
            pd.MultiIndex.from_frame(assessed[["measure", "area"]])
        )
    ][["measure", "area", "target_value", "target_date"]].assign(
        status="no_data", stale=True, previous_status="no_data", movement="unchanged"
    )
    result = pd.concat([assessed, missing], ignore_index=True)
    result["measure"] = result["measure"].astype(str)
    result["area"] = result["area"].astype(str)
    return result.sort_values(["measure", "area"], ignore_index=True)[list(COLUMNS)]


# --- comparing, timing, reporting -----------------------------------------------------------


def compare(polars_result: pl.DataFrame, pandas_result: pd.DataFrame) -> str:
    """'identical' or the first difference."""
    if polars_result.height != len(pandas_result):
        return f"row counts differ: {polars_result.height} and {len(pandas_result)}"
    for column in COLUMNS:
        ours = polars_result[column]
        theirs = pandas_result[column]
        if ours.dtype == pl.Float64:
            a = ours.to_numpy()
            b = theirs.to_numpy(dtype=float, na_value=np.nan)
            same = (np.isnan(a) & np.isnan(b)) | (
                np.abs(a - b) <= TOLERANCE * np.maximum(1, np.abs(b))
            )
        elif ours.dtype == pl.Boolean:
            a = ours.to_numpy()
            b = theirs.to_numpy(dtype=bool)
            same = a == b
        elif ours.dtype == pl.Date:
            a = ours.cast(pl.String).fill_null("").to_numpy()
            b = pd.to_datetime(theirs).dt.strftime("%Y-%m-%d").fillna("").to_numpy()
            same = a == b
        else:
            a = ours.cast(pl.String).fill_null("").to_numpy()
            b = theirs.astype(str).replace({"nan": "", "None": ""}).to_numpy()
            same = a == b
        if not same.all():
            row = int(np.flatnonzero(~same)[0])
            return f"{column} differs at row {row}: {a[row]!r} and {b[row]!r}"
    return "identical"


def _reset_peak() -> None:
    Path("/proc/self/clear_refs").write_text("5")


def _peak_gb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024**2
    return math.nan


def run(
    *, measures: int, areas: int, months: int, pandas_limit: float, size: str
) -> dict[str, object]:
    data = generate(measures=measures, areas=areas, months=months)
    observations = data["observations"]
    result: dict[str, object] = {
        "size": size,
        "rows": observations.height,
        "series": measures * areas,
    }

    _reset_peak()
    tracemalloc.start()
    started = time.perf_counter()
    assessed = assess(**data)
    result["polars_s"] = time.perf_counter() - started
    result["numpy_peak_gb"] = tracemalloc.get_traced_memory()[1] / 1024**3
    tracemalloc.stop()
    result["polars_peak_gb"] = _peak_gb()

    started = time.perf_counter()
    observations.lazy().group_by("measure", "area").agg(
        pl.col("value").sort_by("period").last()
    ).collect()
    result["floor_s"] = time.perf_counter() - started

    inputs = pandas_inputs(data)
    series = measures * areas
    estimate = math.nan
    if series > 20_000:  # time the first measures' series alone, and scale up
        sample_measures = max(1, 5_000 // areas)
        sample = {
            name: value[value["measure"].cat.codes < sample_measures]
            if isinstance(value, pd.DataFrame) and name != "measures"
            else value
            for name, value in inputs.items()
        }
        started = time.perf_counter()
        pandas_assess(**sample)
        estimate = (time.perf_counter() - started) * measures / sample_measures
    result["pandas_estimate_s"] = estimate
    if not estimate > pandas_limit * 60:
        _reset_peak()
        started = time.perf_counter()
        baseline = pandas_assess(**inputs)
        result["pandas_s"] = time.perf_counter() - started
        result["pandas_peak_gb"] = _peak_gb()
        result["check"] = compare(assessed, baseline)
    else:
        result["pandas_s"] = math.nan
        result["pandas_peak_gb"] = math.nan
        result["check"] = (
            f"pandas skipped: estimated {estimate / 60:.0f} min, over the {pandas_limit:g} min limit"
        )
    return result


def _table(results: list[dict[str, object]]) -> str:
    header = (
        f"{'size':<8}{'rows':>12}{'series':>9}{'polars s':>10}{'pandas s':>10}{'ratio':>8}"
        f"{'floor s':>9}{'/floor':>8}{'polars GB':>11}{'numpy GB':>10}{'pandas GB':>11}  check"
    )
    lines = [header]
    for r in results:
        ratio = r["pandas_s"] / r["polars_s"]
        lines.append(
            f"{r['size']:<8}{r['rows']:>12,}{r['series']:>9,}{r['polars_s']:>10.2f}"
            f"{r['pandas_s']:>10.1f}{ratio:>8.1f}{r['floor_s']:>9.2f}"
            f"{r['polars_s'] / r['floor_s']:>8.2f}{r['polars_peak_gb']:>11.2f}"
            f"{r['numpy_peak_gb']:>10.2f}{r['pandas_peak_gb']:>11.2f}  {r['check']}"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", choices=[*SIZES, "all"], default="small")
    parser.add_argument("--measures", type=int)
    parser.add_argument("--areas", type=int)
    parser.add_argument("--months", type=int)
    parser.add_argument("--pandas-limit", type=float, default=20, help="minutes")
    parser.add_argument("--json", action="store_true", help="print the result as one JSON line")
    arguments = parser.parse_args()

    if arguments.size == "all" and arguments.measures is None:
        results = []
        for size in SIZES:
            command = [sys.executable, __file__, "--size", size, "--json"]
            command += ["--pandas-limit", str(arguments.pandas_limit)]
            output = subprocess.run(command, check=True, capture_output=True, text=True)  # noqa: S603
            results.append(json.loads(output.stdout.splitlines()[-1]))
            sys.stdout.write(_table(results[-1:]))
            sys.stdout.flush()
        sys.stdout.write("\n" + _table(results))
        return
    measures, areas, months = SIZES.get(arguments.size, SIZES["small"])
    measures = arguments.measures or measures
    areas = arguments.areas or areas
    months = arguments.months or months
    custom = arguments.measures or arguments.areas or arguments.months
    result = run(
        measures=measures,
        areas=areas,
        months=months,
        pandas_limit=arguments.pandas_limit,
        size="custom" if custom else arguments.size,
    )
    if arguments.json:
        sys.stdout.write(json.dumps(result) + "\n")
    else:
        sys.stdout.write(_table([result]))


if __name__ == "__main__":
    main()
