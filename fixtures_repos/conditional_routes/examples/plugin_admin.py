"""A plugin including its router into the app it imports; only the unused shim imports it."""

from fastapi import APIRouter

from site_app.main import app

router = APIRouter(prefix="/plugin")


@router.get("/show")
def show_plugin() -> str:
    return "plugin"


app.include_router(router, prefix="/admin")
