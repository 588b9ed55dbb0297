"""Roles, granted to users for organisations.

A user may hold several grants. The central roles (administrator, analyst) and a reader without an
organisation reach every programme; the department roles and a reader with an organisation reach the
commitments that organisation, or any organisation below it, leads or supports.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from stocktake.register.models import Organisation


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", "Central unit administrator"
    ANALYST = "analyst", "Central analyst"
    EDITOR = "editor", "Department editor"
    VIEWER = "viewer", "Department viewer"
    READER = "reader", "Reader"


CENTRAL_ROLES = (Role.ADMINISTRATOR, Role.ANALYST)
ORGANISATION_ROLES = (Role.EDITOR, Role.VIEWER)


class RoleGrant(models.Model):
    """One role held by one user, for one organisation (and the organisations below it)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role_grants"
    )
    role = models.CharField(max_length=20, choices=Role.choices)
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="role_grants",
        help_text="Department roles need one; central roles have none; a reader without one "
        "reads every programme.",
    )
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["user", "role", "organisation"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "organisation"],
                name="one_grant_per_user_role_organisation",
                violation_error_message="The user already holds this role for this organisation.",
            ),
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=Q(organisation__isnull=True),
                name="one_unscoped_grant_per_user_role",
                violation_error_message="The user already holds this role.",
            ),
            models.CheckConstraint(
                condition=~Q(role__in=ORGANISATION_ROLES) | Q(organisation__isnull=False),
                name="department_roles_have_an_organisation",
                violation_error_message="Department editors and viewers need an organisation.",
            ),
            models.CheckConstraint(
                condition=~Q(role__in=CENTRAL_ROLES) | Q(organisation__isnull=True),
                name="central_roles_have_no_organisation",
                violation_error_message="Central roles cover every organisation; leave it empty.",
            ),
        ]

    def __str__(self) -> str:
        label = Role(self.role).label
        return f"{label} for {self.organisation}" if self.organisation_id else label


class ApiToken(models.Model):
    """A named key a user gives a script to use the API as them (see ``tokens.py``).

    Only a hash of the token is kept: the token itself is shown once, when it is made. A revoked
    token stays, so its name and use remain on record, but opens nothing."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100, help_text="What the token is for, e.g. data warehouse.")
    prefix = models.CharField(max_length=16, help_text="The token's first characters, to tell it.")
    digest = models.CharField(max_length=64, unique=True, help_text="SHA-256 of the token.")
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "API token"
        ordering = ["user", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "name"],
                condition=Q(revoked_at__isnull=True),
                name="one_live_token_per_user_and_name",
                violation_error_message="You already have a token with this name.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def live(self) -> bool:
        return self.revoked_at is None
