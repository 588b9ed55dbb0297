"""The admin's model permissions, answered from the roles by the policy module.

Django's admin asks ``user.has_perm("register.change_commitment")`` and the like; this backend
answers from ``stocktake.access.policy`` so the admin follows the same rules as every other edge.
It never authenticates anyone: passwords stay with Django's ``ModelBackend``.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import BaseBackend

from stocktake.access.policy import admin_permits


class RoleBackend(BaseBackend):
    def authenticate(self, request: Any, **credentials: Any) -> None:
        return None

    def has_perm(self, user_obj: Any, perm: str, obj: Any = None) -> bool:
        return admin_permits(user_obj, perm)

    def has_module_perms(self, user_obj: Any, app_label: str) -> bool:
        return any(admin_permits(user_obj, f"{app_label}.{verb}_x") for verb in ("view", "change"))
