"""Factories for the register, using the scales every installation starts with."""

from __future__ import annotations

import datetime as dt

import factory

from stocktake.register.models import (
    Area,
    AreaLevel,
    Commitment,
    Milestone,
    Organisation,
    OrganisationKind,
    Person,
    Programme,
    ProgrammeKind,
    Scale,
    ScaleLevel,
)


def scale_level(scale_code: str, level_code: str) -> ScaleLevel:
    return ScaleLevel.objects.get(scale__code=scale_code, code=level_code)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"ORG{n}")
    name = factory.Sequence(lambda n: f"Department {n}")
    kind = OrganisationKind.DEPARTMENT


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"E0900{n:04d}")
    name = factory.Sequence(lambda n: f"Borough {n}")
    level = AreaLevel.LOCAL_AUTHORITY


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person {n}")
    role = "Minister of State"
    organisation = factory.SubFactory(OrganisationFactory)


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"prog-{n}")
    title = factory.Sequence(lambda n: f"Programme {n}")
    kind = ProgrammeKind.MANIFESTO
    start_date = dt.date(2015, 5, 8)
    end_date = dt.date(2020, 5, 7)
    status_scale = factory.LazyFunction(lambda: Scale.objects.get(code="delivery-status"))
    confidence_scale = factory.LazyFunction(lambda: Scale.objects.get(code="confidence-5"))


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commitment

    programme = factory.SubFactory(ProgrammeFactory)
    code = factory.Sequence(lambda n: f"C{n:03d}")
    title = factory.Sequence(lambda n: f"Commitment {n}")
    text = "Deliver the promise."


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    commitment = factory.SubFactory(CommitmentFactory)
    code = factory.Sequence(lambda n: f"MS{n}")
    title = "Legislation in force"
    baseline_due_date = dt.date(2016, 4, 1)
    current_due_date = dt.date(2016, 4, 1)
