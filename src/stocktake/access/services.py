"""Writes about who may sign in, and with which roles."""

from __future__ import annotations

from collections.abc import Sequence

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.auth.password_validation import validate_password
from django.db import transaction

from stocktake.access.models import CENTRAL_ROLES, Role, RoleGrant
from stocktake.access.policy import forget_standing
from stocktake.register.models import Organisation


class UserExistsError(Exception):
    """Raised when a username is already taken."""


@transaction.atomic
def user_create(
    *,
    username: str,
    password: str,
    email: str = "",
    admin: bool = False,
    role: Role | str | None = None,
    organisations: Sequence[Organisation] = (),
) -> AbstractBaseUser:
    """Create a user, with ``role`` for each of ``organisations`` (or unscoped when none).

    ``admin`` makes a superuser: a central unit administrator with every right.
    """
    user_model = get_user_model()
    if user_model.objects.filter(username=username).exists():
        raise UserExistsError(f"A user called '{username}' already exists.")
    user = user_model(username=username, email=email, is_staff=admin, is_superuser=admin)
    validate_password(password, user=user)
    user.set_password(password)
    user.full_clean()
    user.save()
    if admin and role is None:
        role = Role.ADMINISTRATOR
    if role is not None:
        for organisation in organisations or [None]:
            role_grant(user=user, role=role, organisation=organisation)
    return user


@transaction.atomic
def role_grant(
    *, user: AbstractBaseUser, role: Role | str, organisation: Organisation | None = None
) -> RoleGrant:
    """Give ``user`` ``role`` for ``organisation``; central roles also open the admin site."""
    grant = RoleGrant(user=user, role=role, organisation=organisation)
    grant.full_clean()
    grant.save()
    user_staff_sync(user=user)
    return grant


@transaction.atomic
def role_revoke(*, grant: RoleGrant) -> None:
    user = grant.user
    grant.delete()
    user_staff_sync(user=user)


def user_staff_sync(*, user: AbstractBaseUser) -> None:
    """Keep Django's ``is_staff`` (the admin's own menus) in step with the central roles."""
    forget_standing(user)
    staff = user.is_superuser or user.role_grants.filter(role__in=CENTRAL_ROLES).exists()
    if user.is_staff != staff:
        user.is_staff = staff
        user.save(update_fields=["is_staff"])
