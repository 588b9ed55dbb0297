"""A data-driven status suggestion for each commitment, with its reasons, to show beside the
delivery unit's own judgement (never in place of it)."""

from __future__ import annotations

import datetime as dt

import polars as pl

from stocktake.measures.analysis.frames import LAST_UPDATES, LINKS, MILESTONES, check_frame
from stocktake.measures.analysis.months import month_number

SUGGESTIONS = ("no_data", "on_track", "at_risk", "off_track")  # worse to the right
ON_TRACK_SHARE = 0.75  # weighted share of measures on track for on_track; at_risk from ...
AT_RISK_SHARE = 0.5  # ... this share; off_track below it
OFF_TRACK_OVERDUE_DAYS = 90  # a milestone overdue longer makes the commitment off_track
AT_RISK_SLIPPAGE_DAYS = 90  # an open milestone slipped longer makes it at_risk
AT_RISK_UPDATE_MONTHS = 3  # a last update older than this (or none) makes it at_risk


def _plural(count: pl.Expr, noun: str) -> pl.Expr:
    return pl.format(
        "{} {}", count, pl.when(count == 1).then(pl.lit(noun)).otherwise(pl.lit(f"{noun}s"))
    )


def _measure_facts(assessment: pl.DataFrame, links: pl.DataFrame) -> pl.DataFrame:
    """Per commitment: its weighted share of measures on track, and what it rests on.

    A measure's score is the share of its assessed areas (status other than ``no_data``) on
    track or ahead; it counts as on track when that share is at least a half. The commitment's
    share is the weight-weighted mean score of its measures with a score.
    """
    scores = assessment.group_by("measure").agg(
        judged=(pl.col("status") != "no_data").sum(),
        good=pl.col("status").is_in(["on_track", "ahead"]).sum(),
    )
    per_measure = links.join(scores, on="measure", how="left").with_columns(
        score=pl.when(pl.col("judged") > 0).then(pl.col("good") / pl.col("judged"))
    )
    judged = pl.col("score").is_not_null()
    return per_measure.group_by("commitment").agg(
        judged_measures=judged.sum(),
        on_track_measures=(pl.col("score") >= 0.5).sum(),
        unjudged_measures=(~judged).sum(),
        score=pl.when(judged.any()).then(
            (pl.col("score") * pl.col("weight")).sum() / pl.col("weight").filter(judged).sum()
        ),
    )


def commitment_rollup(
    *,
    assessment: pl.DataFrame,
    links: pl.DataFrame,
    milestones: pl.DataFrame,
    last_updates: pl.DataFrame,
    as_of: dt.date,
) -> pl.DataFrame:
    """Suggest a status for every commitment in ``links``, ``milestones`` or ``last_updates``.

    ``assessment`` is :func:`.assessment.assess`'s output (``measure`` and ``status`` are used);
    ``links`` (:data:`.frames.LINKS`) weigh a commitment's measures; ``milestones``
    (:data:`.frames.MILESTONES`) and ``last_updates`` (:data:`.frames.LAST_UPDATES`, the period
    of each commitment's latest update) complete the picture.

    Each kind of evidence suggests a status, and the suggestion is the worst of them:

    - measures: ``on_track`` when the weighted share on track (``score``, see
      :func:`_measure_facts`) is at least 75%, ``at_risk`` from 50%, else ``off_track``;
    - milestones: ``off_track`` when one is more than 90 days overdue (open past its due date),
      ``at_risk`` when one is overdue at all or an open one has slipped more than 90 days from its
      baseline, else ``on_track``;
    - the last update: ``at_risk`` when it is more than 3 months old (by calendar month) or there
      is none, else ``on_track``; it only qualifies other evidence: with no measure to judge and
      no milestone, the suggestion is ``no_data``.

    Returns one row per commitment, sorted: ``commitment``, ``suggested_status``
    (:data:`SUGGESTIONS`), ``score`` (null without a judged measure) and ``reasons``, the facts
    behind it in plain English ("3 of 4 measures on track (weighted 80%)", "milestone MS2 is
    45 days overdue", "last update is 3 months old").
    """
    links = check_frame(
        links, contract=LINKS, what="links", keys=["commitment", "measure"], required=["weight"]
    )
    milestones = check_frame(
        milestones,
        contract=MILESTONES,
        what="milestones",
        keys=["commitment", "code"],
        required=["baseline_due", "due"],
    )
    last_updates = check_frame(
        last_updates, contract=LAST_UPDATES, what="last updates", keys=["commitment", "period"]
    )

    open_milestone = pl.col("completed_on").is_null()
    overdue_days = pl.when(open_milestone).then((pl.lit(as_of) - pl.col("due")).dt.total_days())
    slipped_days = pl.when(open_milestone).then(
        (pl.col("due") - pl.col("baseline_due")).dt.total_days()
    )
    milestone_facts = (
        milestones.with_columns(overdue=overdue_days, slipped=slipped_days)
        .sort("commitment", "due", "code")
        .group_by("commitment", maintain_order=True)
        .agg(
            milestone_status=pl.when((pl.col("overdue") > OFF_TRACK_OVERDUE_DAYS).any())
            .then(pl.lit("off_track"))
            .when((pl.col("overdue") > 0).any() | (pl.col("slipped") > AT_RISK_SLIPPAGE_DAYS).any())
            .then(pl.lit("at_risk"))
            .otherwise(pl.lit("on_track")),
            milestone_reasons=pl.concat_list(
                pl.when(pl.col("overdue") > 0).then(
                    pl.format(
                        "milestone {} is {} overdue", "code", _plural(pl.col("overdue"), "day")
                    )
                ),
                pl.when(pl.col("slipped") > 0).then(
                    pl.format(
                        "milestone {} has slipped {} from its baseline",
                        "code",
                        _plural(pl.col("slipped"), "day"),
                    )
                ),
            )
            .explode()
            .drop_nulls(),
        )
    )
    update_age = (
        last_updates.group_by("commitment")
        .agg(pl.col("period").max())
        .with_columns(
            age=month_number(as_of)
            - (pl.col("period").dt.year() - 1970) * 12
            - pl.col("period").dt.month()
            + 1
        )
        .select("commitment", "age")
    )
    commitments = pl.concat(
        [frame.select("commitment") for frame in (links, milestones, last_updates)]
    ).unique()
    facts = (
        commitments.join(_measure_facts(assessment, links), on="commitment", how="left")
        .join(milestone_facts, on="commitment", how="left")
        .join(update_age, on="commitment", how="left")
    )
    share = pl.col("score")
    measure_status = (
        pl.when(pl.col("judged_measures").fill_null(0) == 0)
        .then(None)
        .when(share >= ON_TRACK_SHARE)
        .then(pl.lit("on_track"))
        .when(share >= AT_RISK_SHARE)
        .then(pl.lit("at_risk"))
        .otherwise(pl.lit("off_track"))
    )
    age = pl.col("age")
    update_status = (
        pl.when(age.is_null() | (age > AT_RISK_UPDATE_MONTHS))
        .then(pl.lit("at_risk"))
        .otherwise(pl.lit("on_track"))
    )
    rank = {name: position for position, name in enumerate(SUGGESTIONS)}
    evidence = pl.col("measure_status").is_not_null() | pl.col("milestone_status").is_not_null()
    worst = pl.max_horizontal(
        pl.col("measure_status", "milestone_status", "update_status").replace_strict(
            rank, default=None
        )
    )
    reasons = pl.concat_list(
        pl.when(pl.col("judged_measures") > 0).then(
            pl.format(
                "{} of {} on track (weighted {}%)",
                "on_track_measures",
                _plural(pl.col("judged_measures"), "measure"),
                (share * 100).round(0).cast(pl.Int64),
            )
        ),
        pl.when(pl.col("unjudged_measures") > 0).then(
            pl.format("{} with no data to judge", _plural(pl.col("unjudged_measures"), "measure"))
        ),
        pl.col("milestone_reasons").fill_null([]),
        pl.when(age.is_null())
        .then(pl.lit("no update on record"))
        .when(age > 1)
        .then(pl.format("last update is {} old", _plural(age, "month"))),
    ).list.drop_nulls()
    return (
        facts.with_columns(measure_status=measure_status, update_status=update_status)
        .select(
            "commitment",
            suggested_status=pl.when(evidence)
            .then(worst.replace_strict({v: k for k, v in rank.items()}))
            .otherwise(pl.lit("no_data")),
            score=share,
            reasons=reasons,
        )
        .sort("commitment")
    )
