from django.contrib import admin

from stocktake.funding.models import Fund, FundContribution, FundingLine, Spend


class FundContributionInline(admin.TabularInline):
    model = FundContribution
    extra = 0
    autocomplete_fields = ["organisation"]


class FundingLineInline(admin.TabularInline):
    model = FundingLine
    extra = 0
    autocomplete_fields = ["commitment"]
    show_change_link = True


@admin.register(Fund)
class FundAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "total", "start_date", "end_date", "managing_organisation"]
    search_fields = ["code", "name"]
    autocomplete_fields = ["managing_organisation"]
    inlines = [FundContributionInline, FundingLineInline]


class SpendInline(admin.TabularInline):
    model = Spend
    extra = 0


@admin.register(FundingLine)
class FundingLineAdmin(admin.ModelAdmin):
    list_display = ["fund", "commitment", "allocated"]
    list_filter = ["fund"]
    search_fields = ["commitment__code", "commitment__title", "fund__name"]
    autocomplete_fields = ["fund", "commitment"]
    list_select_related = ["fund", "commitment"]
    inlines = [SpendInline]
