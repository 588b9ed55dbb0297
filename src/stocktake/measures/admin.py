from django.contrib import admin

from stocktake.measures.models import (
    CommitmentMeasure,
    Measure,
    Observation,
    Target,
    Trajectory,
    TrajectoryPoint,
)


class CommitmentMeasureInline(admin.TabularInline):
    model = CommitmentMeasure
    extra = 0
    autocomplete_fields = ["commitment"]


@admin.register(Measure)
class MeasureAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "unit", "direction", "frequency", "tolerance_pct"]
    list_filter = ["direction", "frequency"]
    search_fields = ["code", "name", "definition"]
    inlines = [CommitmentMeasureInline]


class TrajectoryInline(admin.StackedInline):
    model = Trajectory
    extra = 0


@admin.register(Target)
class TargetAdmin(admin.ModelAdmin):
    list_display = [
        "measure",
        "area",
        "baseline_date",
        "baseline_value",
        "target_date",
        "target_value",
        "reward_amount",
    ]
    list_filter = ["measure", "programme"]
    search_fields = ["measure__code", "measure__name", "area__code", "area__name"]
    autocomplete_fields = ["measure", "area", "programme"]
    list_select_related = ["measure", "area"]
    inlines = [TrajectoryInline]


class TrajectoryPointInline(admin.TabularInline):
    model = TrajectoryPoint
    extra = 0


@admin.register(Trajectory)
class TrajectoryAdmin(admin.ModelAdmin):
    list_display = ["target", "kind"]
    list_filter = ["kind"]
    search_fields = ["target__measure__name", "target__area__name"]
    list_select_related = ["target__measure", "target__area"]
    inlines = [TrajectoryPointInline]


@admin.register(Observation)
class ObservationAdmin(admin.ModelAdmin):
    list_display = ["measure", "area", "period", "value", "denominator", "provisional"]
    list_filter = ["measure", "provisional", "area__level"]
    search_fields = ["measure__code", "area__code", "area__name"]
    autocomplete_fields = ["measure", "area"]
    list_select_related = ["measure", "area"]
    date_hierarchy = "period"
