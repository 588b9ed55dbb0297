"""The REST API at /api/: its OpenAPI document at /api/openapi.json and interactive docs at
/api/docs (Swagger UI, served from our own static files).

Every endpoint asks the policy module, as the web pages do; writes are recorded in the history of
changes as made "via API" by the token's user. See docs/api.md.
"""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.urls import Resolver404, path, resolve
from ninja import NinjaAPI
from ninja.openapi.docs import Swagger

from stocktake.api import frontline, measures, progress, register
from stocktake.api.auth import TokenOrSession
from stocktake.api.errors import StrictJson, handlers_install

api = NinjaAPI(
    title="Stocktake API",
    version="1",
    description=(
        "Read and write the delivery register: programmes, commitments, milestones, updates, "
        "measures and their values, frontline notes and actions, organisations and areas. Without a token you see what the "
        "public sees; with one (`Authorization: Bearer <token>`, made on your account page) "
        "you see and change what you may on the web. Lists are paged (`limit`, `offset`) and "
        "say how many there are in all (`count`)."
    ),
    auth=TokenOrSession(),
    urls_namespace="api",
    docs=Swagger(settings={"persistAuthorization": False}),
    docs_url="/docs",
    openapi_url="/openapi.json",
    parser=StrictJson(),
)
handlers_install(api)

api.add_router("/organisations/", register.organisations)
api.add_router("/areas/", register.areas)
api.add_router("/programmes/", register.programmes)
api.add_router("/commitments/", register.commitments)
api.add_router("/commitments/", progress.updates)
api.add_router("/milestones/", register.milestones)
api.add_router("/measures/", measures.measures)
api.add_router("/observations/", measures.observations)
api.add_router("/notes/", frontline.notes)
api.add_router("/actions/", frontline.actions)


def unknown_path(request: HttpRequest, rest: str) -> JsonResponse:
    """A path under /api/ that names nothing: JSON like every other refusal, with the likely
    fix when it lacks its closing slash."""
    detail = f"There is nothing at {request.path}."
    if not rest.endswith("/"):
        try:
            resolve(request.path + "/")
        except Resolver404:
            pass
        else:
            detail += f" Paths end with a slash: {request.path}/"
    detail += " See /api/docs for what there is."
    return JsonResponse(
        {"detail": detail, "errors": [{"loc": ["path"], "msg": detail}]}, status=404
    )


urlpatterns = [*api.urls[0], path("<path:rest>", unknown_path)]
urls = (urlpatterns, api.urls[1], api.urls[2])
