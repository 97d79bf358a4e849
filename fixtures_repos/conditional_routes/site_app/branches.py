"""One name bound to a new router in an ``if`` and again in its ``else`` (TaskingAI's
``routes/__init__.py``): two objects, each filled and included under its own test."""

import os

from fastapi import APIRouter

from site_app.filling import add_keys, add_plans_to

routes = APIRouter()

if os.environ.get("LEGACY"):
    router = APIRouter()
    add_keys(router)
    add_plans_to(router)
    routes.include_router(router, prefix="/legacy-api")
else:
    router = APIRouter()
    add_plans_to(router)
    routes.include_router(router, prefix="/api")
