"""A name bound to an imported router in an ``if``, to another in its ``elif`` and to a
router of its own in its ``else``: the one router of the branch that runs is included."""

import os

from fastapi import APIRouter

from site_app.routers import billing, legacy

if os.environ.get("BILLING"):
    plan_router = billing.router
elif os.environ.get("LEGACY"):
    plan_router = legacy.router
else:
    plan_router = APIRouter()

    @plan_router.get("/plan")
    def no_plan() -> str:
        return "none"


router = APIRouter()
router.include_router(plan_router, prefix="/picked")
