"""API tokens: made, shown once, checked on each API request, revoked.

A token is ``stk_`` and 43 random URL-safe characters (256 bits). Only its SHA-256 is stored: a
token that random needs no slow hash, and a stolen table opens nothing. Scripts send it as
``Authorization: Bearer stk_…``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from stocktake.access.models import ApiToken

PREFIX = "stk_"
SHOWN = 8  # characters after the prefix kept to tell tokens apart
# A token's last use is written at most this often, so busy scripts do not write on every call.
LAST_USED_EVERY = dt.timedelta(minutes=1)


class TokenNotFoundError(LookupError):
    """Raised when a user has no live token of the name given."""


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def token_create(*, user: AbstractBaseUser, name: str) -> tuple[ApiToken, str]:
    """Make a token for ``user``: the record, and the token itself, which is not kept."""
    token = PREFIX + secrets.token_urlsafe(32)
    record = ApiToken(
        user=user, name=name.strip(), prefix=token[: len(PREFIX) + SHOWN], digest=_digest(token)
    )
    record.full_clean()
    record.save()
    return record, token


def token_revoke(*, user: AbstractBaseUser, name: str = "", pk: int | None = None) -> ApiToken:
    """Revoke ``user``'s live token called ``name`` (or with id ``pk``): it opens nothing after."""
    live = ApiToken.objects.filter(user=user, revoked_at__isnull=True)
    record = live.filter(pk=pk).first() if pk is not None else live.filter(name=name).first()
    if record is None:
        raise TokenNotFoundError(
            f"{user.get_username()} has no live token called “{name}”."
            if pk is None
            else "That token does not exist or is already revoked."
        )
    record.revoked_at = timezone.now()
    record.save(update_fields=["revoked_at"])
    return record


def token_user(token: str, *, now: dt.datetime | None = None) -> AbstractBaseUser | None:
    """The active user a live token belongs to, or None; notes when the token was used."""
    if not token.startswith(PREFIX):
        return None
    record = (
        ApiToken.objects.select_related("user")
        .filter(digest=_digest(token), revoked_at__isnull=True)
        .first()
    )
    if record is None or not record.user.is_active:
        return None
    now = now or timezone.now()
    if record.last_used_at is None or now - record.last_used_at >= LAST_USED_EVERY:
        ApiToken.objects.filter(pk=record.pk).update(last_used_at=now)
    return record.user


def tokens_of(*, user: AbstractBaseUser) -> list[ApiToken]:
    """A user's tokens, live first, newest first (for the account page)."""
    return sorted(
        ApiToken.objects.filter(user=user).order_by("-created_at"),
        key=lambda record: record.revoked_at is not None,
    )
