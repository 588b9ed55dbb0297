"""Pages of a list: ``?limit=`` (up to 500, 50 by default) and ``?offset=``; each page says
how many there are in all (``count``)."""

from __future__ import annotations

from typing import Any

from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

from stocktake.api.errors import ErrorOut

PER_PAGE, MAX_PER_PAGE = 50, 500
ERRORS = frozenset({400, 401, 403, 404, 413, 422})


class Page(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(PER_PAGE, ge=1, le=MAX_PER_PAGE, description="How many per page.")
        offset: int = Field(0, ge=0, le=10**9, description="How many to skip.")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_limit=MAX_PER_PAGE, **kwargs)


def responses(schema: Any, *, status: int = 200, conflict: bool = False) -> dict[Any, Any]:
    """The documented responses of an endpoint: its own, and the errors' shape."""
    from stocktake.api.errors import ConflictOut

    found: dict[Any, Any] = {status: schema, ERRORS: ErrorOut}
    if conflict:
        found[409] = ConflictOut
    return found
