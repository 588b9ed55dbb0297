from django.contrib import admin
from django.urls import include, path

from stocktake.api.api import urls as api_urls

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api_urls),
    path("", include("stocktake.access.urls")),
    path("", include("stocktake.routines.urls")),
    path("", include("stocktake.web.urls")),
]
