from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Count
from django.http import HttpRequest

from stocktake.register.models import (
    Area,
    Commitment,
    CommitmentOrganisation,
    CommitmentPerson,
    Milestone,
    Organisation,
    Person,
    Programme,
    Scale,
    ScaleLevel,
    Taskforce,
    Theme,
)
from stocktake.register.services import commitment_deadline_set


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "parent"]
    list_filter = ["kind"]
    search_fields = ["code", "name"]
    autocomplete_fields = ["parent"]
    list_select_related = ["parent"]


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["code", "name"]
    autocomplete_fields = ["parent"]
    list_select_related = ["parent"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "role", "kind", "organisation", "email"]
    list_filter = ["kind", "organisation"]
    search_fields = ["name", "role", "email"]
    autocomplete_fields = ["organisation", "user"]
    list_select_related = ["organisation"]


class ScaleLevelInline(admin.TabularInline):
    model = ScaleLevel
    extra = 0


@admin.register(Scale)
class ScaleAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "code"]
    inlines = [ScaleLevelInline]


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = [
        "code",
        "title",
        "kind",
        "organisation",
        "area",
        "published",
        "commitment_count",
    ]
    list_filter = ["kind", "published", "status_scale", "confidence_scale"]
    search_fields = ["code", "title", "source_document"]
    autocomplete_fields = ["organisation", "area"]
    list_select_related = ["organisation", "area"]

    def get_queryset(self, request: HttpRequest) -> Any:
        return super().get_queryset(request).annotate(commitment_total=Count("commitments"))

    @admin.display(description="Commitments", ordering="commitment_total")
    def commitment_count(self, programme: Programme) -> int:
        return programme.commitment_total


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    search_fields = ["name"]


class CommitmentOrganisationInline(admin.TabularInline):
    model = CommitmentOrganisation
    extra = 1
    autocomplete_fields = ["organisation"]
    verbose_name = "owning organisation"


class CommitmentPersonInline(admin.TabularInline):
    model = CommitmentPerson
    extra = 1
    autocomplete_fields = ["person"]
    verbose_name = "owning person"


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


@admin.register(Commitment)
class CommitmentAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "programme", "deadline_phrase", "priority_tier", "published"]
    list_filter = ["programme", "published", "priority_tier", "deadline_kind", "themes"]
    search_fields = ["code", "title", "text"]
    autocomplete_fields = ["parent", "themes"]
    list_select_related = ["programme"]
    readonly_fields = ["deadline_kind", "deadline_earliest", "deadline_latest", "deadline_event"]
    inlines = [CommitmentOrganisationInline, CommitmentPersonInline, MilestoneInline]
    fieldsets = [
        (None, {"fields": ["programme", "code", "title", "text", "parent", "themes"]}),
        ("Source", {"fields": ["source_document", "source_page", "source_paragraph"]}),
        (
            "Deadline",
            {
                "description": "Type the phrase as the source gives it; Stocktake reads the rest.",
                "fields": [
                    "deadline_phrase",
                    "deadline_kind",
                    "deadline_earliest",
                    "deadline_latest",
                    "deadline_event",
                ],
            },
        ),
        ("Status", {"fields": ["priority_tier", "published", "government_response"]}),
    ]

    def save_model(self, request: HttpRequest, obj: Commitment, form: Any, change: bool) -> None:
        commitment_deadline_set(commitment=obj, phrase=obj.deadline_phrase)
        super().save_model(request, obj, form, change)


@admin.register(Taskforce)
class TaskforceAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "chair"]
    search_fields = ["code", "name"]
    autocomplete_fields = ["chair", "organisations", "people", "commitments"]


@admin.register(Milestone)
class MilestoneAdmin(admin.ModelAdmin):
    list_display = [
        "code",
        "title",
        "commitment",
        "baseline_due_date",
        "current_due_date",
        "completed_on",
    ]
    list_filter = ["commitment__programme", "completed_on"]
    search_fields = ["code", "title", "commitment__code", "commitment__title"]
    autocomplete_fields = ["commitment"]
    list_select_related = ["commitment"]
    date_hierarchy = "current_due_date"
