from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from stocktake.access.models import ApiToken, RoleGrant
from stocktake.access.services import user_staff_sync
from stocktake.access.tokens import token_revoke

User = get_user_model()


class RoleGrantInline(admin.TabularInline):
    model = RoleGrant
    extra = 1
    autocomplete_fields = ["organisation"]
    readonly_fields = ["granted_at"]


@admin.register(RoleGrant)
class RoleGrantAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "organisation", "granted_at"]
    list_filter = ["role", "organisation"]
    search_fields = ["user__username", "organisation__code", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]
    list_select_related = ["user", "organisation"]

    def save_model(self, request: Any, obj: RoleGrant, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        user_staff_sync(user=obj.user)

    def delete_model(self, request: Any, obj: RoleGrant) -> None:
        super().delete_model(request, obj)
        user_staff_sync(user=obj.user)


admin.site.unregister(User)


@admin.register(User)
class StocktakeUserAdmin(UserAdmin):
    """Users with their roles. Deactivate people who leave: their changes keep their name."""

    inlines = [RoleGrantInline]
    list_display = ["username", "email", "first_name", "last_name", "is_active", "last_login"]

    def save_related(self, request: Any, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        user_staff_sync(user=form.instance)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Every user's API tokens, for administrators: when each was made and last used, and a way
    to revoke them (when someone leaves, or a token may have leaked). Tokens are made by their
    users, on the account page or with ``stocktake token``; only a hash is kept, never shown."""

    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "revoked_at"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["name", "user__username", "prefix"]
    list_select_related = ["user"]
    readonly_fields = ["user", "name", "prefix", "created_at", "last_used_at", "revoked_at"]
    exclude = ["digest"]
    actions = ["revoke"]

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: ApiToken | None = None) -> bool:
        return False

    @admin.action(description="Revoke the selected tokens")
    def revoke(self, request: Any, queryset: Any) -> None:
        live = list(queryset.filter(revoked_at__isnull=True).select_related("user"))
        for record in live:
            token_revoke(user=record.user, pk=record.pk)
        self.message_user(request, f"Revoked {len(live)} token{'s' if len(live) != 1 else ''}.")
