"""A helper that forwards its ``**kwargs`` to ``include_router`` (jupyverse's routers)."""

from fastapi import APIRouter, FastAPI

me = APIRouter()


@me.get("/me")
def read_me() -> dict[str, str]:
    return {"me": "you"}


def include(app: FastAPI, router: APIRouter, **kwargs: str) -> None:
    app.include_router(router, **kwargs)


def mount_probe(router: APIRouter, mount_path: str = "/probe") -> None:
    """A path parameter normalised in the body before use (fastapi_mcp's ``mount_http``)."""
    if not mount_path.startswith("/"):
        mount_path = f"/{mount_path}"
    if mount_path.endswith("/"):
        mount_path = mount_path[:-1]

    @router.get(mount_path)
    def probe() -> bool:
        return True
