from django.apps import AppConfig


class ProgressConfig(AppConfig):
    name = "stocktake.progress"
