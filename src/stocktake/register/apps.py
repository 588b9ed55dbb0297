from django.apps import AppConfig


class RegisterConfig(AppConfig):
    name = "stocktake.register"
