"""A global router a helper fills under the prefix it is given, called once per branch
(TaskingAI's ``add_manage_routes(CONFIG.WEB_ROUTE_PREFIX)`` under ``if CONFIG.WEB:``)."""

import os

from fastapi import APIRouter

from site_app.routers import free

router = APIRouter()


def add_plans(route_prefix: str) -> None:
    router.include_router(free.router, prefix=route_prefix)


if os.environ.get("TENANTS"):
    add_plans("/tenant-plans")
else:
    add_plans("/plans")

if os.environ.get("BILLING"):
    add_plans("/either")
if os.environ.get("LEGACY"):
    add_plans("/either")
