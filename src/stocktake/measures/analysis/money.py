"""Money beside results: funding against the time elapsed, and reward grants earned."""

from __future__ import annotations

import datetime as dt

import polars as pl

from stocktake.measures.analysis.frames import (
    LINES,
    SPENDS,
    AnalysisInputError,
    check_frame,
    check_targets,
    location,
)


def funding_position(*, lines: pl.DataFrame, spends: pl.DataFrame, as_of: dt.date) -> pl.DataFrame:
    """Each funding line's and each fund's money at ``as_of``.

    ``lines`` (:data:`.frames.LINES`): one row per fund and commitment, with the allocation
    and the fund's start and end dates; ``spends`` (:data:`.frames.SPENDS`): amounts spent on a
    line in a period (the first day of a month).

    Returns, sorted by fund with each fund's total first, then its lines by commitment:
    ``level`` (``fund`` or ``line``), ``fund``, ``commitment`` (null on a fund's row),
    ``allocated``; ``spent`` (spends for periods on or before ``as_of``); ``elapsed_share``
    (the share of the fund's days, start and end included, passed by ``as_of``, from 0 to 1);
    ``expected_spend`` (allocated x elapsed share: an even profile) and ``spend_variance``
    (spent - expected); ``forecast`` (spent / elapsed share: the outturn at the current run
    rate, null before the start) and ``forecast_variance`` (forecast - allocated).
    """
    keys = ["fund", "commitment"]
    lines = check_frame(
        lines,
        contract=LINES,
        what="funding lines",
        keys=keys,
        required=["allocated", "start_date", "end_date"],
    )
    spends = check_frame(
        spends, contract=SPENDS, what="spends", keys=[*keys, "period"], required=["amount"]
    )
    problems = [
        *lines.filter(pl.struct(keys).is_duplicated())
        .select(pl.format("{}: the line is listed more than once", location(*keys)))
        .to_series(),
        *lines.filter(pl.col("end_date") < pl.col("start_date"))
        .select(pl.format("{}: the fund ends before it starts", location(*keys)))
        .to_series(),
        *lines.filter(
            pl.max_horizontal(pl.col("start_date", "end_date").n_unique().over("fund")) > 1
        )
        .select(pl.format("{}: the lines of a fund have different dates", location(*keys)))
        .to_series(),
        *spends.join(lines, on=keys, how="anti")
        .select(pl.format("{}: there is no such funding line", location(*keys, "period")))
        .to_series(),
    ]
    if problems:
        raise AnalysisInputError(what="funding", problems=problems)
    spent = (
        spends.filter(pl.col("period") <= as_of).group_by(keys).agg(spent=pl.col("amount").sum())
    )
    by_line = lines.join(spent, on=keys, how="left").with_columns(pl.col("spent").fill_null(0.0))
    by_fund = by_line.group_by("fund").agg(
        pl.col("allocated", "spent").sum(), pl.col("start_date", "end_date").first()
    )
    days = (pl.col("end_date") - pl.col("start_date")).dt.total_days() + 1
    passed = (pl.lit(as_of) - pl.col("start_date")).dt.total_days() + 1
    elapsed = (passed / days).clip(0.0, 1.0)
    frame = pl.concat(
        [by_fund.with_columns(level=pl.lit("fund")), by_line.with_columns(level=pl.lit("line"))],
        how="diagonal",
    )
    return (
        frame.with_columns(elapsed_share=elapsed)
        .select(
            "level",
            "fund",
            "commitment",
            "allocated",
            "spent",
            "elapsed_share",
            expected_spend=pl.col("allocated") * pl.col("elapsed_share"),
            spend_variance=pl.col("spent") - pl.col("allocated") * pl.col("elapsed_share"),
            forecast=pl.when(pl.col("elapsed_share") > 0).then(
                pl.col("spent") / pl.col("elapsed_share")
            ),
        )
        .with_columns(forecast_variance=pl.col("forecast") - pl.col("allocated"))
        .sort("fund", "commitment", nulls_last=False)
    )


def rewards_earned(*, assessment: pl.DataFrame, targets: pl.DataFrame) -> pl.DataFrame:
    """The reward earned so far by each target that carries one, on the latest data.

    ``assessment`` is :func:`.assessment.assess`'s output (``measure``, ``area``, ``period``,
    ``actual`` are used); ``targets`` follow :data:`.frames.TARGETS`. A target earns its
    reward pro rata to the share of the way from baseline to target the latest actual has
    come: ``share_achieved`` = (actual - baseline) / (target - baseline), capped to 0..1 (the
    sign of target - baseline carries the direction); ``reward_earned`` = share x reward. Both
    are null without an actual, or when the target equals the baseline.

    Returns one row per rewarded target, sorted by measure, area and target date: ``measure``,
    ``area``, ``target_date``, ``period``, ``actual``, ``baseline_value``, ``target_value``,
    ``share_achieved``, ``reward_amount``, ``reward_earned``.
    """
    targets = check_targets(targets=targets).filter(pl.col("reward_amount").is_not_null())
    latest = assessment.select("measure", "area", "period", "actual")
    gap = pl.col("target_value") - pl.col("baseline_value")
    share = pl.when(gap != 0).then(
        ((pl.col("actual") - pl.col("baseline_value")) / gap).clip(0.0, 1.0)
    )
    return (
        targets.join(latest, on=["measure", "area"], how="left")
        .select(
            "measure",
            "area",
            "target_date",
            "period",
            "actual",
            "baseline_value",
            "target_value",
            share_achieved=share,
            reward_amount="reward_amount",
            reward_earned=share * pl.col("reward_amount"),
        )
        .sort("measure", "area", "target_date")
    )
