"""Property-based tests of the API from its own OpenAPI document (schemathesis): requests
generated for every operation, as the public and as the central unit (who may write), must
never meet a server error, and every answer must be one the document describes.

The number of examples is kept small so the module runs in seconds; the count of requests tried
is printed after the run."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from stocktake.access.services import user_create
from stocktake.access.tokens import token_create
from stocktake.api.tests.conftest import CASES_TRIED
from stocktake.measures.models import Measure
from stocktake.measures.services import observation_record
from stocktake.register.models import AreaLevel
from stocktake.register.services import commitment_create, milestone_create
from stocktake.register.tests.factories import AreaFactory, OrganisationFactory, ProgrammeFactory

EXAMPLES = 3
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())
# The coverage phase (every boundary of every parameter) alone sends thousands of requests;
# the generated examples, positive and negative, keep the module within seconds.
schema.config.phases.coverage.enabled = False


@pytest.fixture(autouse=True)
def connection_kept() -> Iterator[None]:
    """Requests go straight to the WSGI application, not through Django's test client, so the
    client's care is taken here: the test's database connection is not closed after each."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture(scope="module")
def analyst_token(django_db_setup: None, django_db_blocker: Any) -> Iterator[str]:
    """A small register and a central analyst's token, made once for the module and rolled
    back after it; each generated request runs in its test's savepoint."""
    with django_db_blocker.unblock(), transaction.atomic():
        dfe = OrganisationFactory(code="DfE")
        commitment = commitment_create(
            programme=ProgrammeFactory(code="open", published=True),
            code="C1",
            title="A commitment",
            lead_organisations=[dfe],
            published=True,
        )
        milestone_create(
            commitment=commitment, code="M1", title="Step", baseline_due_date=dt.date(2016, 4, 1)
        )
        measure = Measure.objects.create(
            code="waits", name="Waits", unit="days", direction="lower", frequency="monthly"
        )
        measure.commitments.add(commitment)
        area = AreaFactory(code="E92000001", level=AreaLevel.NATION)
        observation_record(measure=measure, area=area, period=dt.date(2016, 5, 1), value=18.0)
        analyst = user_create(username="analyst", password="Lamp-Post-Sorting-42", role="analyst")
        yield token_create(user=analyst, name="schemathesis")[1]
        transaction.set_rollback(True)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
def test_no_request_meets_a_server_error(
    case: schemathesis.Case, analyst_token: str, db: None
) -> None:
    for headers in ({}, {"Authorization": f"Bearer {analyst_token}"}):
        CASES_TRIED[case.operation.label] += 1
        case.call_and_validate(headers=headers, checks=CHECKS)
