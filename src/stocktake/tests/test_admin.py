"""The admin, the central unit's data-entry fallback: every model is there and works."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from stocktake.progress.models import Update

pytestmark = pytest.mark.django_db

OUR_APPS = {"register", "progress", "measures", "funding"}
INLINE_ONLY = {
    "ScaleLevel",
    "CommitmentOrganisation",
    "CommitmentPerson",
    "CommitmentMeasure",
    "TrajectoryPoint",
    "FundContribution",
    "Spend",
}


@pytest.fixture(scope="module")
def demo_today() -> dt.date:
    return dt.date(2026, 11, 22)


@pytest.fixture
def analyst(client: Client, demo_register: None) -> Client:
    client.force_login(get_user_model().objects.get(username="demo"))
    return client


def test_every_model_is_registered_with_working_list_and_add_pages(analyst: Client) -> None:
    from django.apps import apps

    models = {m.__name__ for app in OUR_APPS for m in apps.get_app_config(app).get_models()}
    registered = {m.__name__ for m in admin.site._registry}
    assert models - registered == INLINE_ONLY, "inline-only models are edited on their parent"
    for model in admin.site._registry:
        if model._meta.app_label not in OUR_APPS:
            continue
        info = model._meta.app_label, model._meta.model_name
        changelist = analyst.get(reverse("admin:{}_{}_changelist".format(*info)))
        assert changelist.status_code == 200, info
        search = analyst.get(reverse("admin:{}_{}_changelist".format(*info)), {"q": "a"})
        assert search.status_code == 200, info
        if admin.site._registry[model].has_add_permission(changelist.wsgi_request):
            assert analyst.get(reverse("admin:{}_{}_add".format(*info))).status_code == 200, info


def test_updates_can_be_read_but_never_changed_or_deleted_in_the_admin(analyst: Client) -> None:
    update = Update.objects.first()
    page = analyst.get(reverse("admin:progress_update_change", args=[update.pk]))
    assert page.status_code == 200
    assert "Save" not in page.content.decode()
    posted = analyst.post(
        reverse("admin:progress_update_change", args=[update.pk]), {"narrative": "Rewritten"}
    )
    assert posted.status_code == 403
    deleted = analyst.post(
        reverse("admin:progress_update_delete", args=[update.pk]), {"post": "yes"}
    )
    assert deleted.status_code == 403
    update.refresh_from_db()
    assert update.narrative != "Rewritten"


def test_admin_refuses_a_commitment_whose_lead_is_also_supporting(analyst: Client) -> None:
    from stocktake.register.models import Commitment, Organisation, Programme

    programme = Programme.objects.get(code="MAN2015")
    dfe = Organisation.objects.get(code="DfE")
    response = analyst.post(
        reverse("admin:register_commitment_add"),
        {
            "programme": programme.pk,
            "code": "M99",
            "title": "A test commitment",
            "deadline_phrase": "spring 2027",
            "published": "on",
            "ownerships-TOTAL_FORMS": "2",
            "ownerships-INITIAL_FORMS": "0",
            "ownerships-0-organisation": dfe.pk,
            "ownerships-0-role": "lead",
            "ownerships-1-organisation": dfe.pk,
            "ownerships-1-role": "supporting",
            "owners-TOTAL_FORMS": "0",
            "owners-INITIAL_FORMS": "0",
            "milestones-TOTAL_FORMS": "0",
            "milestones-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "Please correct the duplicate data for organisation" in response.content.decode()
    assert not Commitment.objects.filter(code="M99").exists()
