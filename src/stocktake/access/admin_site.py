"""The admin site, opened to whom the policy module says (the central unit), signed in through
our own sign-in page so the lockout and the GOV.UK pages apply there too."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from stocktake.access.policy import Action, allowed


class StocktakeAdminSite(admin.AdminSite):
    site_header = "Stocktake administration"
    site_title = "Stocktake administration"
    index_title = "The register, users and roles"

    def has_permission(self, request: HttpRequest) -> bool:
        return request.user.is_active and allowed(request.user, Action.USE_ADMIN)

    def login(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        if request.user.is_authenticated and self.has_permission(request):
            return redirect(request.GET.get("next") or "admin:index")
        return redirect_to_login(request.GET.get("next") or request.get_full_path())
