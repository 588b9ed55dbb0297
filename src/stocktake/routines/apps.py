from django.apps import AppConfig


class RoutinesConfig(AppConfig):
    name = "stocktake.routines"
    verbose_name = "Routines: stocktakes, reviews, practice, reminders"
