from django.urls import path

from stocktake.web import fund_views, measure_views, report_views, views

urlpatterns = [
    path("", views.dashboard, name="home"),
    path("browse/", views.browse, name="browse"),
    path("commitments/", views.commitment_list, name="commitment-list"),
    path(
        "commitments/download.<str:format>",
        views.commitment_list_download,
        name="commitment-list-download",
    ),
    path("programmes/", views.programme_list, name="programme-list"),
    path("programmes/<slug:programme>/", views.programme_detail, name="programme-detail"),
    path("organisations/", views.organisation_list, name="organisation-list"),
    path("organisations/<str:code>/", views.organisation_detail, name="organisation-detail"),
    path("people/", views.person_list, name="person-list"),
    path("people/<int:pk>/", views.person_detail, name="person-detail"),
    path("taskforces/", views.taskforce_list, name="taskforce-list"),
    path("taskforces/<slug:code>/", views.taskforce_detail, name="taskforce-detail"),
    path("areas/", views.area_list, name="area-list"),
    path("areas/<str:code>/", views.area_detail, name="area-detail"),
    path(
        "programmes/<slug:programme>/download.<str:format>",
        views.programme_download,
        name="programme-download",
    ),
    path(
        "programmes/<slug:programme>/<str:kind>-report.<str:format>",
        report_views.programme_report_download,
        name="programme-report",
    ),
    path(
        "organisations/<str:code>/summary.<str:format>",
        report_views.organisation_summary_download,
        name="organisation-summary",
    ),
    path(
        "people/<int:pk>/summary.<str:format>",
        report_views.person_summary_download,
        name="person-summary",
    ),
    path("import/", views.import_file, name="import"),
    path("measures/", measure_views.measure_list, name="measure-list"),
    path("measures/<slug:code>/", measure_views.measure_detail, name="measure-detail"),
    path(
        "measures/<slug:code>/charts/<slug:key>.<str:format>",
        measure_views.measure_chart,
        name="measure-chart",
    ),
    path("funds/", fund_views.fund_list, name="fund-list"),
    path("funds/<slug:code>/", fund_views.fund_detail, name="fund-detail"),
    path(
        "measures/<slug:code>/assessment.csv",
        measure_views.measure_download,
        name="measure-download",
    ),
    path(
        "commitments/<slug:programme>/<str:code>/",
        views.commitment_detail,
        name="commitment-detail",
    ),
    path(
        "commitments/<slug:programme>/<str:code>/notes/add/",
        views.commitment_note_add,
        name="commitment-note-add",
    ),
    path(
        "commitments/<slug:programme>/<str:code>/actions/add/",
        views.commitment_action_raise,
        name="commitment-action-raise",
    ),
    path("updates/", views.updates_due_list, name="updates-due"),
    path("updates/submitted/", views.update_submissions, name="update-submissions"),
    path(
        "commitments/<slug:programme>/<str:code>/update/",
        views.update_start,
        name="update-start",
    ),
    path(
        "commitments/<slug:programme>/<str:code>/update/check/",
        views.update_check,
        name="update-check",
    ),
    path(
        "commitments/<slug:programme>/<str:code>/update/sent/",
        views.update_done,
        name="update-done",
    ),
    path(
        "commitments/<slug:programme>/<str:code>/periods/<str:period>/",
        views.period_review_page,
        name="period-review",
    ),
    path(
        "commitments/<slug:programme>/<str:code>/periods/<str:period>/judgement/",
        views.judgement_add,
        name="judgement-add",
    ),
    path(
        "commitments/<slug:programme>/<str:code>/periods/<str:period>/ask/",
        views.update_ask,
        name="update-ask",
    ),
    path(
        "commitments/<slug:programme>/<str:code>/milestones/<str:milestone>/change/",
        views.milestone_edit,
        name="milestone-edit",
    ),
    path("actions/", views.action_list, name="action-list"),
    path("actions/<int:pk>/", views.action_detail, name="action-detail"),
    path("actions/<int:pk>/change/", views.action_edit, name="action-edit"),
]
