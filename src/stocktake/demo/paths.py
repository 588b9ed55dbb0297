"""How a demo commitment's ratings move month by month, and what its updates say.

A path is a sequence of scores between 0 (worst) and 1 (best). A score becomes a level on any
scale by rank, so the same path drives a six-point status, a RAG status or a five-point
confidence scale. "Complete" and "Not started" are states, not scores: only the delivered and
stalled paths reach them.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from stocktake.register.models import ScaleLevel

COMPLETE, NOT_STARTED = "complete", "not-started"

# Score at the start and end of the year, and the month (0-based) where the turn happens.
SHAPES: dict[str, tuple[float, float]] = {
    "on_track": (0.85, 0.9),
    "improving": (0.3, 0.85),
    "slipping": (0.85, 0.3),
    "recovering": (0.1, 0.75),
    "at_risk": (0.35, 0.1),
    "delivered": (0.8, 0.95),
    "stalled": (0.4, 0.35),
}


@dataclass(frozen=True)
class Month:
    score: float
    state: str = ""  # COMPLETE or NOT_STARTED where the path has reached that state


def path_months(path: str, *, months: int, rng: random.Random) -> list[Month]:
    """The monthly scores of a path, with a little noise, oldest first."""
    start, end = SHAPES[path]
    result = []
    for index in range(months):
        share = index / max(months - 1, 1)
        score = min(max(start + (end - start) * share + rng.uniform(-0.08, 0.08), 0.0), 1.0)
        state = ""
        if path == "delivered" and share >= 0.75:
            state = COMPLETE
        elif path == "stalled" and share < 0.4:
            state = NOT_STARTED
        result.append(Month(score, state))
    return result


def level_for(levels: Sequence[ScaleLevel], month: Month) -> ScaleLevel:
    """The level of a scale (levels best first) that a month's score or state stands for."""
    by_code = {level.code: level for level in levels}
    if month.state in by_code:
        return by_code[month.state]
    graded = [level for level in levels if level.code not in (COMPLETE, NOT_STARTED)]
    position = round((1 - month.score) * (len(graded) - 1))
    return graded[position]


GOOD = (
    "{done}Delivery is on plan. {next_step}",
    "Work continues to schedule with {lead}. {next_step}",
    "{done}No issues need escalating this month. {next_step}",
)
MIXED = (
    "Some delay: {next_step} A recovery plan has been agreed with {lead}.",
    "{done}Resourcing pressures in {lead} are being managed. {next_step}",
    "Progress is slower than planned while funding is confirmed. {next_step}",
)
POOR = (
    "Significant delay: {next_step} The issue has been escalated to the delivery unit.",
    "Delivery is at risk: {lead} reports a shortfall in capacity. {next_step} "
    "A stocktake with the Secretary of State is requested.",
    "Legislative and procurement dependencies are blocking progress. {next_step}",
)
FINISHED = ("Delivered. Final evidence has been submitted to the delivery unit for assurance.",)
WAITING = ("Work has not yet started; the business case is awaiting approval by {lead}.",)


def narrative(month: Month, *, lead: str, next_step: str, done: str, rng: random.Random) -> str:
    """A plausible monthly narrative for a commitment in the state the month describes."""
    if month.state == COMPLETE:
        templates = FINISHED
    elif month.state == NOT_STARTED:
        templates = WAITING
    elif month.score >= 0.7:
        templates = GOOD
    elif month.score >= 0.45:
        templates = MIXED
    else:
        templates = POOR
    text = rng.choice(templates).format(lead=lead, next_step=next_step, done=done)
    return " ".join(text.split())
