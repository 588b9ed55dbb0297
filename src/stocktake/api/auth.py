"""Who is calling: a token (``Authorization: Bearer stk_…``), else the signed-in session, else
nobody (the public). The policy module then decides what they may do, as on the web.

A wrong or revoked token is refused (401) rather than treated as no token, so a script never
reads the public subset by mistake. A write in a signed-in browser session needs Django's CSRF
token, as a form would (the interactive docs send it).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.http import HttpRequest
from ninja.errors import AuthenticationError, AuthorizationError
from ninja.security import HttpBearer
from ninja.utils import check_csrf

from stocktake.access.tokens import token_user
from stocktake.audit.recording import acting

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


class TokenOrSession(HttpBearer):
    """Resolves the caller; never returns None, so every endpoint is open to the policy."""

    csrf = True  # tells the interactive docs to send the CSRF token with a session

    def __call__(self, request: HttpRequest) -> Any:
        header = request.headers.get("Authorization")
        if header:
            scheme, _, token = header.partition(" ")
            if scheme.lower() != "bearer" or not token.strip():
                raise AuthenticationError(
                    message="Send the token as “Authorization: Bearer <token>”."
                )
            return self.authenticate(request, token.strip())
        user = request.user
        if user.is_authenticated and request.method not in SAFE_METHODS and check_csrf(request):
            raise AuthorizationError(
                message="A write from a signed-in browser needs the CSRF token "
                "(X-CSRFToken header); scripts should use an API token instead."
            )
        return user

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = token_user(token)
        if user is None:
            raise AuthenticationError(
                message="The token is not valid: it may be mistyped, revoked, or its user's "
                "account closed. Make a new one on your account page."
            )
        request.user = user
        return user


@contextmanager
def via_api(request: HttpRequest) -> Iterator[None]:
    """Attribute the writes inside the block to the caller, via the API, in the history."""
    with acting(user=request.auth, via="API"):
        yield
