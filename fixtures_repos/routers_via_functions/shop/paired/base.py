from fastapi import APIRouter


def get_routers(prefix: str = "") -> tuple[APIRouter, APIRouter]:
    """A public and a private router, returned together (openreplay's ``get_routers``)."""
    public_app = APIRouter(prefix=prefix)
    app = APIRouter(prefix=prefix, tags=["private"])
    return public_app, app
