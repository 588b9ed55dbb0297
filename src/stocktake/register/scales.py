"""The scales every installation starts with. Programmes choose among these or new ones.

Each level is (code, label, rank, colour, description); a higher rank is a better position.
"""

from __future__ import annotations

from typing import NamedTuple


class LevelSpec(NamedTuple):
    code: str
    label: str
    rank: int
    colour: str
    description: str


class ScaleSpec(NamedTuple):
    code: str
    name: str
    kind: str
    description: str
    levels: tuple[LevelSpec, ...]


DELIVERY_STATUS = ScaleSpec(
    "delivery-status",
    "Delivery status",
    "status",
    "Where delivery stands, as the owning department reports it each month.",
    (
        LevelSpec("complete", "Complete", 6, "blue", "Delivered in full."),
        LevelSpec("on-track", "On track", 5, "green", "Progressing to plan."),
        LevelSpec("minor-issues", "Minor issues", 4, "yellow", "Issues the owner can resolve."),
        LevelSpec("major-issues", "Major issues", 3, "orange", "Issues needing escalation."),
        LevelSpec("off-track", "Off track", 2, "red", "Will not be delivered to plan."),
        LevelSpec("not-started", "Not started", 1, "grey", "Work has not begun."),
    ),
)

CONFIDENCE_FIVE_POINT = ScaleSpec(
    "confidence-5",
    "Delivery confidence (5-point)",
    "confidence",
    "The central unit's judgement, as used for major projects.",
    (
        LevelSpec("green", "Green", 5, "green", "Successful delivery appears highly likely."),
        LevelSpec("amber-green", "Amber/Green", 4, "turquoise", "Successful delivery probable."),
        LevelSpec("amber", "Amber", 3, "yellow", "Feasible, but significant issues exist."),
        LevelSpec("amber-red", "Amber/Red", 2, "orange", "In doubt; major risks in several areas."),
        LevelSpec("red", "Red", 1, "red", "Appears unachievable without major action."),
    ),
)

LIKELIHOOD_FOUR_POINT = ScaleSpec(
    "likelihood-4",
    "Likelihood of delivery (4-point)",
    "confidence",
    "A delivery unit's four-point judgement of the likelihood of delivery.",
    (
        LevelSpec("on-track", "On track", 4, "green", "Likely to be delivered."),
        LevelSpec("mixed", "Mixed", 3, "yellow", "Delivery likely only with attention."),
        LevelSpec("problematic", "Problematic", 2, "orange", "Delivery at risk."),
        LevelSpec("highly-problematic", "Highly problematic", 1, "red", "Unlikely without change."),
    ),
)

RAG_STATUS = ScaleSpec(
    "rag-status",
    "Red/Amber/Green status",
    "status",
    "A three-point status, common in council corporate plans.",
    (
        LevelSpec("green", "Green", 3, "green", "On target."),
        LevelSpec("amber", "Amber", 2, "yellow", "Slightly off target."),
        LevelSpec("red", "Red", 1, "red", "Off target."),
    ),
)

DEFAULT_SCALES = (DELIVERY_STATUS, CONFIDENCE_FIVE_POINT, LIKELIHOOD_FOUR_POINT, RAG_STATUS)
