"""An extension module no app module imports (onyx's EE main, chosen by importlib at run
time): what it passes to the app's helpers is registered only when it runs."""

from fastapi import APIRouter

from site_app.main import app
from site_app.tenants import include_auth_router

scim_router = APIRouter(prefix="/scim")


@scim_router.get("/Users")
def scim_users() -> list[str]:
    return []


include_auth_router(app, scim_router)
