"""API tokens: made on the account page or with `stocktake token`, shown once, kept only as a
hash, noted when used, revoked so they open nothing."""

from __future__ import annotations

import hashlib

import pytest
from click.testing import CliRunner
from django.test import Client

from stocktake.access.models import ApiToken
from stocktake.access.tests.conftest import World
from stocktake.access.tokens import token_create
from stocktake.cli import main

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(world: World) -> Client:
    browser = Client()
    browser.force_login(world.users["editor"])
    return browser


def _api(token: str) -> int:
    return (
        Client().get("/api/programmes/", headers={"Authorization": f"Bearer {token}"}).status_code
    )


def test_a_token_made_on_the_account_page_is_shown_once_and_kept_hashed(
    editor_client: Client,
) -> None:
    made = editor_client.post("/account/", {"name": "Data warehouse"})
    assert made.status_code == 200
    page = made.content.decode()
    record = ApiToken.objects.get(name="Data warehouse")
    token = page.split('id="new-token"')[1].split(">")[1].split("<")[0]
    assert token.startswith(record.prefix)
    assert record.digest == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(list(ApiToken.objects.values()))
    again = editor_client.get("/account/").content.decode()
    assert token not in again
    assert "Data warehouse" in again
    assert "Never" in again
    assert _api(token) == 200
    record.refresh_from_db()
    assert record.last_used_at is not None
    record.user.is_active = False
    record.user.save()
    assert _api(token) == 401


def test_a_token_needs_a_new_name(editor_client: Client) -> None:
    blank = editor_client.post("/account/", {"name": "  "})
    assert blank.status_code == 422
    assert "Enter a name for the token" in blank.content.decode()
    editor_client.post("/account/", {"name": "Warehouse"})
    twice = editor_client.post("/account/", {"name": "Warehouse"})
    assert "You already have a token with this name" in twice.content.decode()
    assert ApiToken.objects.filter(name="Warehouse").count() == 1


def test_a_revoked_token_opens_nothing(editor_client: Client, world: World) -> None:
    editor_client.post("/account/", {"name": "Script"})
    record = ApiToken.objects.get(name="Script")
    other = Client()
    other.force_login(world.users["viewer"])
    refused = other.post(f"/account/tokens/{record.pk}/revoke/", follow=True)
    assert "does not exist or is already revoked" in refused.content.decode()
    assert ApiToken.objects.get(pk=record.pk).live
    revoked = editor_client.post(f"/account/tokens/{record.pk}/revoke/", follow=True)
    assert "is revoked" in revoked.content.decode()
    assert not ApiToken.objects.get(pk=record.pk).live
    assert editor_client.get(f"/account/tokens/{record.pk}/revoke/").status_code == 405


def test_stocktake_token_makes_and_revokes(world: World) -> None:
    made = CliRunner().invoke(main, ["token", "dfe-editor", "--name", "nightly"])
    assert made.exit_code == 0, made.output
    token = made.stdout.strip().splitlines()[-1]
    assert _api(token) == 200
    revoked = CliRunner().invoke(main, ["token", "dfe-editor", "--revoke", "nightly"])
    assert revoked.exit_code == 0, revoked.output
    assert _api(token) == 401
    again = CliRunner().invoke(main, ["token", "dfe-editor", "--revoke", "nightly"])
    assert again.exit_code != 0
    assert "no live token called “nightly”" in again.output
    nobody = CliRunner().invoke(main, ["token", "nobody-at-all"])
    assert nobody.exit_code != 0
    assert "No user is called 'nobody-at-all'" in nobody.output


def test_an_administrator_revokes_tokens_in_the_admin(world: World) -> None:
    record, token = token_create(user=world.users["editor"], name="leaked")
    changelist = "/admin/access/apitoken/"
    analyst = Client()
    analyst.force_login(world.users["analyst"])
    assert analyst.get(changelist).status_code == 403
    administrator = Client()
    administrator.force_login(world.users["administrator"])
    listed = administrator.get(changelist).content.decode()
    assert "leaked" in listed
    assert record.digest not in listed
    done = administrator.post(
        changelist, {"action": "revoke", "_selected_action": [record.pk]}, follow=True
    )
    assert "Revoked 1 token." in done.content.decode()
    assert _api(token) == 401
