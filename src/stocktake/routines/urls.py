from django.urls import path

from stocktake.routines.views import practice, public, reviews, stocktakes

urlpatterns = [
    path("public/", public.public_index, name="public-index"),
    path("public/commitments.<str:format>", public.public_data, name="public-data"),
    path("public/<slug:code>/", public.public_programme, name="public-programme"),
    path("stocktakes/", stocktakes.stocktake_list, name="stocktake-list"),
    path("stocktakes/new/", stocktakes.stocktake_schedule_view, name="stocktake-schedule"),
    path("stocktakes/<int:pk>/", stocktakes.stocktake_detail, name="stocktake-detail"),
    path("stocktakes/<int:pk>/change/", stocktakes.stocktake_change_view, name="stocktake-change"),
    path(
        "stocktakes/<int:pk>/decisions/",
        stocktakes.stocktake_decisions,
        name="stocktake-decisions",
    ),
    path(
        "stocktakes/<int:pk>/actions/new/",
        stocktakes.stocktake_action_new,
        name="stocktake-action-new",
    ),
    path("stocktakes/<int:pk>/pack.<str:format>", stocktakes.stocktake_pack, name="stocktake-pack"),
    path("stocktakes/<int:pk>/packs/", stocktakes.stocktake_pack_request, name="stocktake-packs"),
    path(
        "stocktakes/<int:pk>/packs/<int:job>/",
        stocktakes.stocktake_pack_status,
        name="stocktake-pack-status",
    ),
    path(
        "stocktakes/<int:pk>/packs/<int:job>/file",
        stocktakes.stocktake_pack_file,
        name="stocktake-pack-file",
    ),
]

urlpatterns += [
    path("reviews/", reviews.review_list, name="review-list"),
    path("reviews/new/", reviews.review_new, name="review-new"),
    path("reviews/<int:pk>/", reviews.review_detail, name="review-detail"),
    path("reviews/<int:pk>/actions/new/", reviews.review_action_new, name="review-action-new"),
    path("reviews/<int:pk>/report.<str:format>", reviews.review_report, name="review-report"),
    path("practice/", practice.practice_list, name="practice-list"),
    path("practice/new/", practice.practice_new, name="practice-new"),
    path("practice/<int:pk>/", practice.practice_detail, name="practice-detail"),
]
