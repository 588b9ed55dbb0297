from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class AccessConfig(AppConfig):
    default = True
    name = "stocktake.access"
    verbose_name = "Access: users and roles"


class StocktakeAdminConfig(admin_apps.AdminConfig):
    """The Django admin, with a site that asks the policy module who may use it."""

    default = False
    default_site = "stocktake.access.admin_site.StocktakeAdminSite"
