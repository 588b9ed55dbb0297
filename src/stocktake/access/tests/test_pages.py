"""The permission matrix through the web: pages, downloads, the import page and the admin, for
every role; what is refused is a 404 (cannot even see it), a 403 (sees, may not) or a sign-in
page (a visitor), and nothing changes. Then signing in, out, and the lockout."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from stocktake.access.tests.conftest import CENTRAL, EVERYTHING, PASSWORD, ROLES, VISIBLE, World
from stocktake.register.models import Commitment, Programme


def _client(world: World, role: str) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(world.users[role])
    return client


@pytest.mark.parametrize("role", ROLES)
def test_pages_and_lists_show_only_what_the_role_may_see(world: World, role: str) -> None:
    client = _client(world, role)
    for name in EVERYTHING:
        status = client.get(f"/commitments/{name}/").status_code
        assert status == (200 if name in VISIBLE[role] else 404), name
    listed = client.get("/commitments/").content.decode()
    for name in EVERYTHING:
        code = name.split("/")[1]
        assert (f"/commitments/{name}/" in listed) == (name in VISIBLE[role]), name
        assert (f"Commitment {code}<" in listed) == (name in VISIBLE[role]), name
    closed = client.get("/programmes/closed/").status_code
    assert closed == (200 if "closed/DH2" in VISIBLE[role] else 404)
    programmes = client.get("/programmes/").content.decode()
    assert ("Closed programme" in programmes) == ("closed/DH2" in VISIBLE[role])
    measure = client.get("/measures/waits/").status_code
    assert measure == (200 if "open/DH" in VISIBLE[role] else 404)


@pytest.mark.parametrize("role", ROLES)
def test_downloads_follow_the_policy(world: World, role: str) -> None:
    client = _client(world, role)
    listed = client.get("/commitments/download.csv")
    export = client.get("/programmes/open/download.json")
    if role == "anonymous":
        assert listed.status_code == 302
        assert listed["Location"].startswith("/sign-in/")
        assert export.status_code == 302
        return
    assert listed.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(listed.streaming_content).decode("utf-8-sig"))))
    assert {f"{row['programme']}/{row['code']}" for row in rows} == VISIBLE[role]
    whole = VISIBLE[role] >= {n for n in EVERYTHING if n.startswith("open/")}
    assert export.status_code == (200 if whole else 403)


@pytest.mark.parametrize("role", ROLES)
def test_imports_are_for_the_central_unit_and_refusals_change_nothing(
    world: World, role: str
) -> None:
    client = _client(world, role)
    upload = SimpleUploadedFile(
        "commitments.csv", b"code,title,lead organisations\nNEW,A new promise,DfE\n", "text/csv"
    )
    before = Commitment.objects.count()
    response = client.post("/import/", {"file": upload, "kind": "commitments", "programme": "open"})
    if role in CENTRAL:
        assert response.status_code == 200
        assert Commitment.objects.count() == before + 1
    else:
        assert response.status_code == (302 if role == "anonymous" else 403)
        assert Commitment.objects.count() == before


@pytest.mark.parametrize("role", ROLES)
def test_the_admin_is_for_the_central_unit(world: World, role: str) -> None:
    client = _client(world, role)
    programme = Programme.objects.get(code="closed")
    url = f"/admin/register/programme/{programme.pk}/change/"
    index = client.get("/admin/")
    page = client.get(url)
    if role in CENTRAL:
        assert index.status_code == 200
        assert page.status_code == 200
    else:
        assert index.status_code == 302
        assert page.status_code == 302
        client.post(url, {"title": "Taken over", "code": "closed"})
        programme.refresh_from_db()
        assert programme.title == "Closed programme"
    users = client.get("/admin/auth/user/")
    assert users.status_code == {"administrator": 200, "analyst": 403}.get(role, 302)


def test_signing_in_and_out(world: World) -> None:
    client = Client()
    page = client.get("/sign-in/?next=/commitments/").content.decode()
    assert 'autocomplete="username"' in page
    assert 'autocomplete="current-password"' in page
    response = client.post(
        "/sign-in/", {"username": "dfe-editor", "password": PASSWORD, "next": "/commitments/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/commitments/"
    account = client.get("/account/").content.decode()
    assert "Department editor for Department for Education" in account
    assert "Sign out" in client.get("/").content.decode()
    assert client.post("/sign-out/").status_code == 302
    assert "Sign in" in client.get("/").content.decode()
    assert client.get("/account/").status_code == 302


def test_a_wrong_password_is_an_error_that_keeps_nothing_secret(world: World) -> None:
    response = Client().post("/sign-in/", {"username": "dfe-editor", "password": "wrong-one"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "Enter a correct username and password" in page
    assert "wrong-one" not in page


def test_repeated_failures_lock_the_account_out_even_for_the_right_password(
    world: World, settings: object
) -> None:
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/sign-in/", {"username": "analyst", "password": "not-the-password"})
    locked = client.post("/sign-in/", {"username": "analyst", "password": PASSWORD})
    assert locked.status_code == 429
    assert "Too many attempts to sign in" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    # Another user from the same address is not locked out.
    other = client.post("/sign-in/", {"username": "dfe-editor", "password": PASSWORD})
    assert other.status_code == 302
