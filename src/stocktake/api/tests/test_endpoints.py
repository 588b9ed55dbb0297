"""The API through the real test client: what each role sees and may change, refusals as JSON
naming what and where, nothing changed when refused, and writes in the history "via API"."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client

from stocktake.access.tests.conftest import ROLES, VISIBLE, World
from stocktake.access.tokens import token_create, token_revoke
from stocktake.audit.models import Change
from stocktake.measures.models import Observation
from stocktake.progress.models import Action as ActionItem
from stocktake.progress.models import Update
from stocktake.register.models import Commitment, Milestone

pytestmark = pytest.mark.django_db


def _names(response) -> set[str]:
    return {f"{item['programme']}/{item['code']}" for item in response.json()["items"]}


def test_the_schema_and_the_docs_come_from_our_own_server(client: Client) -> None:
    schema = client.get("/api/openapi.json").json()
    assert {"/api/commitments/", "/api/observations/", "/api/milestones/{id}/"} <= set(
        schema["paths"]
    )
    docs = client.get("/api/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in docs
    assert '<html lang="en">' in docs
    assert 'href="/api/openapi.json"' in docs.split("<noscript>")[1]
    assert "https://" not in docs.split("<body")[0]
    assert client.get("/static/ninja/swagger-ui-bundle.js").status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_each_role_lists_the_commitments_it_may_see(as_role, role: str) -> None:
    response = as_role(role).get("/commitments/", limit=500)
    assert response.status_code == 200
    assert _names(response) == VISIBLE[role]
    assert response.json()["count"] == len(VISIBLE[role])


def test_a_commitment_out_of_sight_is_not_found(as_role, world: World) -> None:
    hidden = world.commitments["open/EFA"]
    response = as_role("anonymous").get(f"/commitments/{hidden.pk}/")
    assert response.status_code == 404
    assert f"no commitment with id {hidden.pk}" in response.json()["detail"]
    assert as_role("editor").get(f"/commitments/{hidden.pk}/").json()["code"] == "EFA"


def test_commitments_filter_and_page(as_role, world: World) -> None:
    api = as_role("analyst")
    assert _names(api.get("/commitments/", programme="closed")) == {"closed/DH2"}
    assert _names(api.get("/commitments/", organisation="DfE")) == {"open/DFE", "open/JOINT"}
    assert _names(api.get("/commitments/", published="false")) == {"open/EFA", "open/DH"}
    assert _names(api.get("/commitments/", status="on-track")) == {"open/DH"}
    assert _names(api.get("/commitments/", search="JOINT")) == {"open/JOINT"}
    page = api.get("/commitments/", limit=2, offset=2).json()
    assert (page["count"], len(page["items"])) == (5, 2)
    detail = api.get(f"/commitments/{world.commitments['open/DH'].pk}/").json()
    assert (detail["latest_status"], detail["latest_confidence"]) == ("on-track", "amber")
    assert detail["organisations"] == [
        {"code": "DH", "name": "Department of Health", "role": "lead"}
    ]


def test_a_wrong_page_or_filter_is_named(as_role) -> None:
    response = as_role("anonymous").get("/commitments/", limit=0, published="perhaps")
    assert response.status_code == 422
    locations = [error["loc"] for error in response.json()["errors"]]
    assert ["query", "limit"] in locations
    assert ["query", "published"] in locations


def test_an_editor_adds_an_update_to_their_commitment(as_role, world: World) -> None:
    commitment = world.commitments["open/JOINT"]
    response = as_role("editor").post(
        f"/commitments/{commitment.pk}/updates/",
        {
            "period": "2016-06-01",
            "status": "minor-issues",
            "narrative": "Supplier delays.",
            "evidence": [{"title": "Board minutes", "url": "https://example.gov.uk/minutes"}],
        },
    )
    assert response.status_code == 201, response.json()
    assert response.json()["author"] == "dfe-editor"
    listed = as_role("editor").get(f"/commitments/{commitment.pk}/updates/").json()
    assert [item["status"] for item in listed["items"]] == ["minor-issues"]


def test_an_update_sent_again_with_its_submission_id_is_stored_once(as_role, world: World) -> None:
    api = as_role("editor")
    path = f"/commitments/{world.commitments['open/JOINT'].pk}/updates/"
    body = {
        "period": "2016-06-01",
        "status": "on-track",
        "narrative": "Sent, then sent again when the answer did not come.",
        "submission": "2f1d4c7e-9b0a-4e7c-8a51-3c6d2b9e0f14",
    }
    first, again = api.post(path, body), api.post(path, body)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert Update.objects.filter(narrative=body["narrative"]).count() == 1

    elsewhere = api.post(f"/commitments/{world.commitments['open/DFE'].pk}/updates/", body)
    assert elsewhere.status_code == 422
    assert [e["loc"] for e in elsewhere.json()["errors"]] == [["body", "submission"]]
    assert Update.objects.filter(narrative=body["narrative"]).count() == 1


@pytest.mark.parametrize(
    ("role", "commitment", "body", "status", "detail"),
    [
        ("anonymous", "open/DFE", {}, 401, "API token"),
        ("viewer", "open/DFE", {}, 403, "only on commitments your organisation"),
        ("editor", "open/DH", {}, 404, "no commitment"),
        ("editor", "open/DFE", {"confidence": "green"}, 403, "central unit"),
    ],
)
def test_updates_are_refused_as_the_web_refuses_them(
    as_role, world: World, role: str, commitment: str, body: dict, status: int, detail: str
) -> None:
    before = Update.objects.count()
    response = as_role(role).post(
        f"/commitments/{world.commitments[commitment].pk}/updates/",
        {"period": "2016-06-01", "status": "on-track", "narrative": "Fine.", **body},
    )
    assert response.status_code == status
    assert detail in response.json()["detail"]
    assert Update.objects.count() == before


def test_bad_update_bodies_name_each_bad_field(as_role, world: World) -> None:
    api = as_role("editor")
    path = f"/commitments/{world.commitments['open/DFE'].pk}/updates/"
    response = api.post(path, {"period": "2016-06-15", "status": "purple", "narrative": "x"})
    assert response.status_code == 422
    assert {tuple(e["loc"]) for e in response.json()["errors"]} == {("body", "status")}
    response = api.post(
        path, {"period": "June", "status": "on-track", "narrative": "", "colour": "red"}
    )
    assert response.status_code == 422
    assert {tuple(e["loc"]) for e in response.json()["errors"]} == {
        ("body", "period"),
        ("body", "narrative"),
        ("body", "colour"),
    }
    response = api.client.post(
        f"/api{path}", "{not json", content_type="application/json", headers=api.headers
    )
    assert response.status_code == 400
    assert "not valid JSON" in response.json()["detail"]
    assert not Update.objects.filter(commitment=world.commitments["open/DFE"]).exists()


def test_a_milestone_change_from_a_stale_version_is_a_conflict(as_role, world: World) -> None:
    milestone = world.objects["milestone of open/EFA"]
    api = as_role("editor")
    changed = api.patch(
        f"/milestones/{milestone.pk}/", {"version": 1, "current_due_date": "2016-09-01"}
    )
    assert changed.status_code == 200, changed.json()
    assert (changed.json()["version"], changed.json()["slippage_days"]) == (2, 153)
    stale = api.patch(f"/milestones/{milestone.pk}/", {"version": 1, "title": "Formula agreed"})
    assert stale.status_code == 409
    body = stale.json()
    assert body["current_version"] == 2
    assert body["current"]["current_due_date"] == "2016-09-01"
    assert body["submitted"] == {"title": "Formula agreed"}
    assert Milestone.objects.get(pk=milestone.pk).title == "Funding formula agreed"
    change = Change.objects.filter(
        content_type=ContentType.objects.get_for_model(Milestone), object_id=str(milestone.pk)
    ).latest("id")
    assert (change.actor_name, change.via) == ("dfe-editor", "API")
    assert change.changes["current_due_date"] == ["2016-04-01", "2016-09-01"]


def test_a_commitment_is_changed_by_the_central_unit_only(as_role, world: World) -> None:
    commitment = world.commitments["open/DFE"]
    refused = as_role("editor").patch(
        f"/commitments/{commitment.pk}/", {"version": 1, "title": "X"}
    )
    assert refused.status_code == 403
    changed = as_role("analyst").patch(
        f"/commitments/{commitment.pk}/", {"version": 1, "deadline": "by spring 2018"}
    )
    assert changed.status_code == 200, changed.json()
    assert changed.json()["deadline"]["latest"] == "2018-05-31"
    assert Commitment.objects.get(pk=commitment.pk).version == 2


def _values(*items: dict) -> dict:
    return {
        "items": [
            {"measure": "waits", "area": "E92000001", "period": "2016-06-01", "value": 17.5, **item}
            for item in items
        ]
    }


def test_observations_are_added_or_replaced_all_or_nothing(as_role) -> None:
    api = as_role("analyst")
    response = api.post("/observations/", _values({}, {"period": "2016-05-01", "value": 16}))
    assert response.json() == {"added": 1, "replaced": 1}
    assert Observation.objects.get(period=dt.date(2016, 5, 1)).value == 16
    change = Change.objects.filter(
        content_type=ContentType.objects.get_for_model(Observation)
    ).latest("id")
    assert change.via == "API"
    listed = api.get("/observations/", measure="waits", period_from="2016-06-01").json()
    assert [(i["period"], i["value"]) for i in listed["items"]] == [("2016-06-01", 17.5)]

    bad = api.post(
        "/observations/",
        _values({"value": 1}, {"period": "2016-07-15"}, {"area": "W99"}, {"measure": "nope"}),
    )
    assert bad.status_code == 422
    assert {tuple(e["loc"]) for e in bad.json()["errors"]} == {
        ("body", "items", 1, "period"),
        ("body", "items", 2, "area"),
        ("body", "items", 3, "measure"),
    }
    assert Observation.objects.get(period=dt.date(2016, 6, 1)).value == 17.5


def test_observations_follow_the_policy(as_role) -> None:
    assert as_role("reader").post("/observations/", _values({})).status_code == 403
    unseen = as_role("editor").post("/observations/", _values({}))
    assert unseen.status_code == 422
    assert "no measure" in unseen.json()["errors"][0]["msg"]
    assert as_role("editor").get("/observations/").json()["count"] == 0
    assert as_role("anonymous").post("/observations/", _values({})).status_code == 401


def test_tokens_that_open_nothing_are_refused(world: World, as_role) -> None:
    editor = world.users["editor"]
    _record, token = token_create(user=editor, name="warehouse")
    opened = Client().get("/api/programmes/", headers={"Authorization": f"Bearer {token}"})
    assert opened.status_code == 200
    token_revoke(user=editor, name="warehouse")
    for header in (f"Bearer {token}", "Bearer stk_wrong", f"Basic {token}"):
        response = Client().get("/api/programmes/", headers={"Authorization": header})
        assert response.status_code == 401
        assert "token" in response.json()["detail"].lower()


def test_a_browser_session_writes_only_with_the_csrf_token(world: World) -> None:
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(world.users["editor"])
    milestone = world.objects["milestone of open/EFA"]
    response = browser.patch(
        f"/api/milestones/{milestone.pk}/", {"version": 1}, content_type="application/json"
    )
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
    assert browser.get("/api/commitments/").json()["count"] == len(VISIBLE["editor"])


def test_an_oversize_body_is_refused(as_role, settings) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = as_role("analyst").post("/observations/", _values(*[{}] * 50))
    assert response.status_code == 413
    assert not Observation.objects.filter(period=dt.date(2016, 6, 1)).exists()


def test_frontline_notes_follow_the_policy(as_role, world: World) -> None:
    dfe, dh = world.commitments["open/DFE"].pk, world.commitments["open/DH"].pk
    note = {
        "source": "visit",
        "noted_on": "2016-06-03",
        "text": "Staff short.",
        "commitments": [dfe],
    }
    made = as_role("editor").post("/notes/", note)
    assert made.status_code == 201, made.json()
    assert (made.json()["author"], made.json()["commitments"]) == ("dfe-editor", [dfe])
    assert as_role("editor").get("/notes/", commitment=dfe).json()["count"] == 1
    assert as_role("anonymous").get("/notes/").json()["count"] == 0
    assert as_role("viewer").post("/notes/", note).status_code == 403
    unseen = as_role("editor").post("/notes/", {**note, "commitments": [dh]})
    assert unseen.status_code == 422
    assert unseen.json()["errors"][0]["loc"] == ["body", "commitments"]
    wrong = as_role("editor").post("/notes/", {**note, "source": "rumour", "area": "X1"})
    assert {tuple(e["loc"]) for e in wrong.json()["errors"]} == {("body", "area")}


def test_actions_are_raised_and_changed_with_their_version(as_role, world: World) -> None:
    api = as_role("editor")
    made = api.post(
        "/actions/",
        {
            "title": "Unblock the funding letter",
            "due_date": "2016-07-01",
            "commitments": [world.commitments["open/DFE"].pk],
            "owner_organisation": "DfE",
        },
    )
    assert made.status_code == 201, made.json()
    path = f"/actions/{made.json()['id']}/"
    done = api.patch(path, {"version": 1, "status": "done", "completed_on": "2016-06-20"})
    assert done.status_code == 200, done.json()
    assert (done.json()["status"], done.json()["version"]) == ("done", 2)
    stale = api.patch(path, {"version": 1, "due_date": "2016-08-01"})
    assert stale.status_code == 409
    assert stale.json()["current"]["status"] == "done"
    half = api.patch(path, {"version": 2, "status": "done", "completed_on": None})
    assert half.status_code == 422
    assert as_role("viewer").patch(path, {"version": 2, "title": "X"}).status_code == 403
    assert as_role("anonymous").get(path).status_code == 404
    change = Change.objects.filter(
        content_type=ContentType.objects.get_for_model(ActionItem),
        object_id=str(made.json()["id"]),
        kind="changed",
    ).latest("id")
    assert (change.actor_name, change.via) == ("dfe-editor", "API")


def test_the_central_unit_publishes_a_programme_and_changes_a_measure(
    as_role, world: World
) -> None:
    closed = world.commitments["closed/DH2"].programme
    assert as_role("editor").patch(f"/programmes/{closed.pk}/", {"version": 1}).status_code == 404
    assert as_role("reader").patch(f"/programmes/{closed.pk}/", {"version": 1}).status_code == 403
    published = as_role("analyst").patch(
        f"/programmes/{closed.pk}/", {"version": 1, "published": True, "organisation": "DH"}
    )
    assert published.status_code == 200, published.json()
    assert (published.json()["organisation"], published.json()["version"]) == ("DH", 2)
    assert "closed/DH2" in _names(as_role("anonymous").get("/commitments/", limit=500))
    stale = as_role("analyst").patch(f"/programmes/{closed.pk}/", {"version": 1, "title": "X"})
    assert stale.status_code == 409
    unknown = as_role("analyst").patch(f"/programmes/{closed.pk}/", {"version": 2, "area": "Z9"})
    assert unknown.json()["errors"][0]["loc"] == ["body", "area"]

    measure = world.objects["measure of open/DH"]
    changed = as_role("analyst").patch(
        f"/measures/{measure.pk}/", {"version": 1, "unit": "weeks", "robust": True}
    )
    assert changed.status_code == 200, changed.json()
    assert (changed.json()["unit"], changed.json()["fabric"]["robust"]) == ("weeks", True)
    bad = as_role("analyst").patch(
        f"/measures/{measure.pk}/", {"version": 2, "area_levels": ["moon"]}
    )
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["loc"] == ["body", "area_levels"]


def test_a_path_that_names_nothing_is_a_json_404(client: Client) -> None:
    missing = client.get("/api/commitments")
    assert missing.status_code == 404
    assert "Paths end with a slash: /api/commitments/" in missing.json()["detail"]
    assert client.get("/api/nothing/here/").json()["errors"][0]["loc"] == ["path"]
