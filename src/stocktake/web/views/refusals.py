"""What a page does when the policy says no: a visitor is asked to sign in, a signed-in user
gets a 403, and an object the user may not even see is a 404 (``visible_or_404``)."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.http import HttpRequest, HttpResponse

from stocktake.access.policy import Action, allowed


def refused_response(
    request: HttpRequest, action: Action, obj: Model | None = None
) -> HttpResponse | None:
    """None when the policy allows ``action`` (on ``obj``); else a sign-in page for visitors,
    or a 403."""
    if allowed(request.user, action, obj):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied
