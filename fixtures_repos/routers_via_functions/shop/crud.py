"""A router factory that makes its router only when it is given none, and adds routes through
a helper passing FastAPI's options on as ``**kwargs`` (bitcart's ``create_crud_router`` and
``maybe_add_route``)."""

from typing import Any

from fastapi import APIRouter


def maybe_add_route(router: APIRouter, enabled: bool, path: str, func: Any, **kwargs: Any) -> None:
    if enabled:
        router.add_api_route(path, func, **kwargs)


def create_crud_router(prefix: str = "", router: APIRouter | None = None) -> APIRouter:
    router = router or APIRouter(prefix=prefix)

    async def create_item() -> dict[str, str]:
        return {}

    async def delete_item(item_id: str) -> dict[str, str]:
        return {}

    maybe_add_route(router, True, "", create_item, methods=["POST"])
    maybe_add_route(router, True, "/{item_id}", delete_item, methods=["DELETE"])
    return router


crud_router = create_crud_router(prefix="/crud")
plain_crud = create_crud_router()  # a second caller, leaving the prefix at its default


@plain_crud.get("/{item_id}/extra")
async def extra(item_id: str) -> dict[str, str]:
    return {}
