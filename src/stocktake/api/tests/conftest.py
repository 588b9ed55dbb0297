"""The access tests' small register (one user for each role), and a token for each user."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from django.test import Client

from stocktake.access.tests.conftest import World, world  # noqa: F401
from stocktake.access.tokens import token_create

# Requests the schema-driven tests sent, by operation; printed after the run.
CASES_TRIED: Counter[str] = Counter()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if CASES_TRIED:
        terminalreporter.write_line(
            f"API requests generated from the OpenAPI document: {sum(CASES_TRIED.values())} "
            f"across {len(CASES_TRIED)} operations"
        )


class Api:
    """The test client, calling the API as one user with their token (or as nobody)."""

    def __init__(self, token: str | None = None) -> None:
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}

    def get(self, path: str, **params: object):
        return self.client.get(f"/api{path}", params, headers=self.headers)

    def post(self, path: str, body: object):
        return self.client.post(
            f"/api{path}", body, content_type="application/json", headers=self.headers
        )

    def patch(self, path: str, body: object):
        return self.client.patch(
            f"/api{path}", body, content_type="application/json", headers=self.headers
        )


@pytest.fixture
def as_role(world: World):  # noqa: F811 - the fixture imported above
    """``as_role("editor")``: the API as that role's user, through a token of theirs."""

    made: dict[str, Api] = {}

    def calling(role: str) -> Api:
        user = world.users[role]
        if role not in made:
            token = token_create(user=user, name="tests")[1] if user.is_authenticated else None
            made[role] = Api(token)
        return made[role]

    return calling
