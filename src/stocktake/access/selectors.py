"""Reads about users and their roles."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser

from stocktake.access.models import RoleGrant


def user_roles(*, user: AbstractBaseUser) -> list[RoleGrant]:
    """The user's roles with their organisations, for the account page (one query)."""
    return list(
        RoleGrant.objects.filter(user=user)
        .select_related("organisation")
        .order_by("role", "organisation__name")
    )
