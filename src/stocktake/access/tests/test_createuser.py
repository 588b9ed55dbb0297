"""`stocktake createuser USERNAME --role ROLE [--organisation CODE]…`, in process."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from django.contrib.auth import get_user_model

from stocktake.access.models import Role, RoleGrant
from stocktake.access.tests.conftest import PASSWORD
from stocktake.cli import main
from stocktake.register.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def _createuser(*args: str) -> object:
    return CliRunner().invoke(
        main, ["createuser", *args, "--password-stdin"], input=f"{PASSWORD}\n"
    )


def test_a_department_editor_for_two_organisations() -> None:
    OrganisationFactory(code="DfE", name="Department for Education")
    OrganisationFactory(code="DH", name="Department of Health")
    result = _createuser("ed", "--role", "editor", "--organisation", "DfE", "--organisation", "DH")
    assert result.exit_code == 0, result.output
    assert "Created user 'ed': Department editor for Department for Education" in result.output
    grants = RoleGrant.objects.filter(user__username="ed")
    assert set(grants.values_list("role", "organisation__code")) == {
        (Role.EDITOR, "DfE"),
        (Role.EDITOR, "DH"),
    }
    assert not grants.first().user.is_staff


def test_a_central_analyst_opens_the_admin() -> None:
    result = _createuser("ann", "--role", "analyst")
    assert result.exit_code == 0, result.output
    assert RoleGrant.objects.get(user__username="ann").user.is_staff


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--role", "editor", "--organisation", "NOPE"), "No organisation has the code NOPE"),
        (("--role", "viewer"), "Department editors and viewers need an organisation"),
        (("--organisation", "DfE"), "Say which --role"),
    ],
)
def test_refusals_create_nobody(args: tuple[str, ...], message: str) -> None:
    OrganisationFactory(code="DfE")
    result = _createuser("someone", *args)
    assert result.exit_code != 0
    assert message in result.output
    assert not RoleGrant.objects.exists()
    assert not get_user_model().objects.filter(username="someone").exists()
