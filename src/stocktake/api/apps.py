from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The REST API; an app only for its interactive docs page (``templates/ninja/``)."""

    name = "stocktake.api"
    label = "stocktake_api"
    verbose_name = "API"
