"""The Jinja2 environment for our pages: GOV.UK Frontend macros, static files, URLs."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from jinja2 import ChoiceLoader, Environment, PackageLoader, PrefixLoader

from stocktake.access.policy import may
from stocktake.web import (
    formfields,
    history_presenters,
    measure_presenters,
    money_presenters,
    portfolio_presenters,
    presenters,
)


def url(name: str, *args: Any, **kwargs: Any) -> str:
    return reverse(name, args=args or None, kwargs=kwargs or None)


def static_folder(path: str) -> str:
    """The URL of a folder of static files, such as GOV.UK Frontend's assets: ``static()`` names
    files only (in production it looks each up in the hashed files' manifest); WhiteNoise serves
    the files under their own names too."""
    return f"{settings.STATIC_URL}{path}"


def environment(**options: Any) -> Environment:
    govuk = PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")})
    options["loader"] = ChoiceLoader([options["loader"], govuk])
    options.pop("autoescape", None)
    env = Environment(
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.do"],
        **options,
    )
    env.globals.update(static=static, static_folder=static_folder, url=url, may=may)
    env.filters.update(presenters.FILTERS)
    env.filters.update(measure_presenters.FILTERS)
    env.filters.update(history_presenters.FILTERS)
    env.filters.update(money_presenters.FILTERS)
    env.filters.update(portfolio_presenters.FILTERS)
    env.filters.update(
        field_params=formfields.field_params,
        error_summary_params=formfields.error_summary_params,
    )
    return env
