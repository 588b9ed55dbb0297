from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from stocktake.progress.models import Action, Judgement, Note, Update, UpdateRequest


@admin.register(Update)
class UpdateAdmin(admin.ModelAdmin):
    """Updates can be added and read here, never changed or deleted."""

    list_display = ["commitment", "period", "status", "confidence", "author_display", "created_at"]
    list_filter = ["commitment__programme", "status", "confidence", "period"]
    search_fields = ["commitment__code", "commitment__title", "narrative"]
    autocomplete_fields = ["commitment"]
    list_select_related = ["commitment", "status", "confidence", "author"]
    date_hierarchy = "period"
    fields = ["commitment", "period", "status", "confidence", "narrative", "evidence"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: Update, form: Any, change: bool) -> None:
        obj.author = request.user
        super().save_model(request, obj, form, change)


@admin.register(Note)
class NoteAdmin(admin.ModelAdmin):
    list_display = ["__str__", "source", "noted_on", "area", "author"]
    list_filter = ["source", "noted_on"]
    search_fields = ["text", "commitments__code", "commitments__title"]
    autocomplete_fields = ["commitments", "area"]
    list_select_related = ["area", "author"]
    date_hierarchy = "noted_on"


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ["title", "owner_organisation", "owner_person", "due_date", "status"]
    list_filter = ["status", "owner_organisation"]
    search_fields = ["title", "description", "commitments__code"]
    autocomplete_fields = ["commitments", "owner_person", "owner_organisation"]
    list_select_related = ["owner_organisation", "owner_person"]
    date_hierarchy = "due_date"


@admin.register(Judgement)
class JudgementAdmin(admin.ModelAdmin):
    """Judgements are recorded on the commitment's round page; here they are read only."""

    list_display = ["update", "planning", "capacity", "stage"]
    list_select_related = ["update__commitment"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(UpdateRequest)
class UpdateRequestAdmin(admin.ModelAdmin):
    list_display = ["__str__", "period", "author", "created_at"]
    search_fields = ["message", "commitment__code"]
    autocomplete_fields = ["commitment"]
    list_select_related = ["commitment", "author"]
