"""Shared fixtures for page tests: a client signed in as a central analyst (who sees every
commitment, published or not), and one signed in as a department editor for DfE (the demo's
Department for Education, which needs the demo register). The demo register, loaded once per
module, is ``demo_register`` in ``stocktake/conftest.py``.

What each role may see and do, and what a visitor without an account sees, is tested in
``stocktake/access/tests/``."""

from __future__ import annotations

import pytest
from django.test import Client

from stocktake.access.models import Role
from stocktake.access.services import user_create
from stocktake.register.models import Organisation

PASSWORD = "Lamp-Post-Sorting-42"


@pytest.fixture
def client(db: None) -> Client:
    """The pages as a central analyst sees them: everything in the register."""
    analyst = user_create(username="page-analyst", password=PASSWORD, role=Role.ANALYST)
    signed_in = Client()
    signed_in.force_login(analyst)
    return signed_in


@pytest.fixture
def dfe_editor(db: None) -> Client:
    """The pages as a department editor for DfE sees them (the demo register's DfE)."""
    editor = user_create(
        username="page-dfe-editor",
        password=PASSWORD,
        role=Role.EDITOR,
        organisations=[Organisation.objects.get(code="DfE")],
    )
    signed_in = Client()
    signed_in.force_login(editor)
    return signed_in
