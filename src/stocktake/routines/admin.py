"""The routines in the admin site, for the central unit to correct what the pages record.
The reminders' log and pack jobs are read-only: they record what happened."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from stocktake.routines.models import (
    Decision,
    PackJob,
    Practice,
    PriorityReview,
    ReminderSent,
    Stocktake,
)


class DecisionInline(admin.TabularInline):
    model = Decision
    extra = 0
    autocomplete_fields = ["commitment"]
    fields = ["text", "commitment"]


@admin.register(Stocktake)
class StocktakeAdmin(admin.ModelAdmin):
    list_display = ["title", "held_on", "chair", "taskforce"]
    list_filter = ["taskforce", "held_on"]
    search_fields = ["title", "purpose", "minutes"]
    date_hierarchy = "held_on"
    autocomplete_fields = ["chair", "attendees", "taskforce", "commitments", "actions"]
    list_select_related = ["chair", "taskforce"]
    fields = [
        "title",
        "held_on",
        "chair",
        "attendees",
        "taskforce",
        "commitments",
        "purpose",
        "minutes",
        "actions",
    ]
    inlines = [DecisionInline]


@admin.register(PriorityReview)
class PriorityReviewAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "started_on", "reported_on", "lead"]
    list_filter = ["status"]
    search_fields = ["title", "scope", "findings", "recommendations"]
    autocomplete_fields = ["lead", "team", "organisations", "commitments", "actions"]
    exclude = ["created_by", "created_at"]


@admin.register(Practice)
class PracticeAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "organisation", "area", "recorded_on"]
    list_filter = ["kind", "themes"]
    search_fields = ["title", "summary", "what_worked", "what_did_not", "source"]
    autocomplete_fields = ["organisation", "area", "themes", "commitments"]
    exclude = ["author", "created_at"]


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(ReminderSent)
class ReminderSentAdmin(ReadOnlyAdmin):
    list_display = ["sent_on", "email", "subject", "items", "sent_at"]
    list_filter = ["sent_on"]
    search_fields = ["email", "subject"]


@admin.register(PackJob)
class PackJobAdmin(ReadOnlyAdmin):
    list_display = ["stocktake", "format", "status", "requested_by", "created_at"]
    list_filter = ["status", "format"]
    exclude = ["content"]
