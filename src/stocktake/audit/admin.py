"""The history in the admin: to read and search, never to add, change or delete."""

from __future__ import annotations

from typing import Any

from django.contrib import admin

from stocktake.audit.models import Change


@admin.register(Change)
class ChangeAdmin(admin.ModelAdmin):
    list_display = ["at", "actor_name", "via", "kind", "content_type", "object_repr"]
    list_filter = ["kind", "via", "content_type"]
    search_fields = ["object_repr", "actor_name", "object_id"]
    date_hierarchy = "at"
    list_select_related = ["content_type"]
    readonly_fields = [field.name for field in Change._meta.fields]
    actions = None

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False
