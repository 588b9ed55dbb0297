"""Writes about measures and their values."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from stocktake.editing import changes_check, edit_save
from stocktake.measures.models import Measure, Observation, period_problem
from stocktake.register.models import Area


def observation_record(
    *,
    measure: Measure,
    area: Area,
    period: dt.date,
    value: float,
    denominator: float | None = None,
    provisional: bool = False,
) -> Observation:
    """Record the value of a measure for an area and period, replacing an earlier value
    (a revision of provisional data)."""
    observation = Observation.objects.filter(measure=measure, area=area, period=period).first()
    if observation is None:
        observation = Observation(measure=measure, area=area, period=period)
    observation.value = value
    observation.denominator = denominator
    observation.provisional = provisional
    observation.full_clean()
    observation.save()
    return observation


@transaction.atomic
def observations_bulk_create(*, observations: Sequence[Observation], batch_size: int = 5000) -> int:
    """Add many new observations, checking every one (area level, period) before writing any.

    Each observation's measure and area must be loaded, so the checks cost no queries.
    """
    problems = []
    for number, observation in enumerate(observations, start=1):
        measure, area = observation.measure, observation.area
        where = f"Observation {number} ({measure.code}, {area.code}, {observation.period})"
        if area.level not in measure.area_levels:
            problems.append(f"{where}: {measure.code} is not reported for {area.level} areas.")
        problem = period_problem(observation.period, measure.frequency)
        if problem:
            problems.append(f"{where}: {problem}")
    if problems:
        raise ValidationError(problems)
    return len(Observation.objects.bulk_create(observations, batch_size=batch_size))


MEASURE_EDITABLE = frozenset(
    {
        "name",
        "definition",
        "unit",
        "direction",
        "frequency",
        "source",
        "area_levels",
        "tolerance_pct",
        "focused",
        "appropriate",
        "balanced",
        "robust",
        "integrated",
        "cost_effective",
        "quality_note",
    }
)


def measure_update(
    *, measure: Measure, expected_version: int, changes: Mapping[str, Any]
) -> Measure:
    """Change a measure's definition or quality, if nobody changed it since ``expected_version``
    (see stocktake/editing.py)."""
    changes_check(changes, editable=MEASURE_EDITABLE)
    return edit_save(measure, expected_version=expected_version, changes=changes)


class ObservationsRefusedError(Exception):
    """Some values in a batch will not do; ``problems`` lists (position, field, message)."""

    def __init__(self, problems: list[tuple[int, str, str]]) -> None:
        self.problems = problems
        count = len({index for index, _, _ in problems})
        super().__init__(
            f"{count} of the values {'is' if count == 1 else 'are'} not valid; nothing was saved."
        )


def observations_problems(
    observations: Sequence[tuple[int, Observation]],
) -> list[tuple[int, str, str]]:
    """What will not do in numbered values, as (number, field, message): the model's own checks
    (area level, period), as the file import applies them, and repeats within the batch. Each
    observation's measure and area must be loaded, so this costs no queries."""
    problems: list[tuple[int, str, str]] = []
    seen: dict[tuple[int, int, dt.date], int] = {}
    for index, observation in observations:
        try:
            observation.full_clean(
                exclude=["measure", "area"], validate_unique=False, validate_constraints=False
            )
        except ValidationError as error:
            problems.extend(
                (index, field, message)
                for field, messages in error.message_dict.items()
                for message in messages
            )
        if observation.denominator is not None and observation.denominator < 0:
            problems.append((index, "denominator", "The denominator cannot be negative."))
        key = (observation.measure_id, observation.area_id, observation.period)
        if key in seen:
            problems.append(
                (
                    index,
                    "period",
                    f"Item {seen[key]} already gives a value for this measure, area and period.",
                )
            )
        seen.setdefault(key, index)
    return problems


@transaction.atomic
def observations_upsert(*, observations: Sequence[Observation]) -> tuple[int, int]:
    """Add values, or replace the stored value for the same measure, area and period: all of them
    or, if any will not do, none (``ObservationsRefusedError``). Returns (added, replaced).

    Each observation's measure and area must be loaded; the stored values are found in one
    query per measure."""
    problems = observations_problems(list(enumerate(observations)))
    if problems:
        raise ObservationsRefusedError(problems)
    stored: dict[tuple[int, int, dt.date], int] = {}
    for measure_id in {observation.measure_id for observation in observations}:
        periods = {o.period for o in observations if o.measure_id == measure_id}
        stored.update(
            ((measure_id, area_id, period), pk)
            for pk, area_id, period in Observation.objects.filter(
                measure_id=measure_id, period__in=periods
            ).values_list("pk", "area_id", "period")
        )
    now = timezone.now()
    added, replaced = [], []
    for observation in observations:
        observation.recorded_at = now
        observation.pk = stored.get(
            (observation.measure_id, observation.area_id, observation.period)
        )
        (added if observation.pk is None else replaced).append(observation)
    Observation.objects.bulk_create(added, batch_size=2000)
    Observation.objects.bulk_update(
        replaced, ["value", "denominator", "provisional", "recorded_at"], batch_size=1000
    )
    return len(added), len(replaced)
