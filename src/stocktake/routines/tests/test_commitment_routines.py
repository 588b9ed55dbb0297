"""A commitment's page lists the stocktakes and priority reviews that looked at it and the
practice recorded about it, each linked, for who may see routines; visitors see none of it."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from stocktake.routines.models import Practice, PriorityReview, Stocktake

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_register")]

PAGE = "/commitments/HGY-CP/P5.2/"


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_commitment_page_links_its_stocktakes_reviews_and_practice(client: Client) -> None:
    client.force_login(get_user_model().objects.get(username="analyst"))
    html = client.get(PAGE).content.decode()
    text = _text(html)
    assert "Stocktakes, reviews and practice" in text
    named = {"commitments__programme__code": "HGY-CP", "commitments__code": "P5.2"}
    stocktakes = Stocktake.objects.filter(**named)
    reviews = PriorityReview.objects.filter(**named)
    practices = Practice.objects.filter(**named)
    for found in (stocktakes, reviews, practices):
        assert found, "the demo links this commitment to each kind of routine"
    for path, title in (
        *((f"/stocktakes/{s.pk}/", s.title) for s in stocktakes),
        *((f"/reviews/{r.pk}/", r.title) for r in reviews),
        *((f"/practice/{p.pk}/", p.title) for p in practices),
    ):
        assert f'href="{path}"' in html
        assert title in text
    for link in re.findall(r'href="(/(?:stocktakes|reviews|practice)/\d+/)"', html):
        assert client.get(link).status_code == 200


def test_a_commitment_no_routine_looked_at_says_so(client: Client) -> None:
    client.force_login(get_user_model().objects.get(username="analyst"))
    text = _text(client.get("/commitments/MAN2015/M02/").content.decode())
    assert "No stocktake or priority review has looked at this commitment" in text


def test_visitors_see_no_routines_on_the_commitment_page(client: Client) -> None:
    page = client.get(PAGE)
    assert page.status_code == 200
    assert "Stocktakes, reviews and practice" not in page.content.decode()
