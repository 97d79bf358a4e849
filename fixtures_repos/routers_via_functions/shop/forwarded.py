"""A helper that forwards its ``**kwargs`` to ``include_router`` (jupyverse's routers)."""

from fastapi import APIRouter, FastAPI

me = APIRouter()


@me.get("/me")
def read_me() -> dict[str, str]:
    return {"me": "you"}


def include(app: FastAPI, router: APIRouter, **kwargs: str) -> None:
    app.include_router(router, **kwargs)
