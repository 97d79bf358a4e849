"""Routes declared with the project's own decorator, which registers on a module router."""

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter

router = APIRouter(prefix="/notes")


def route(path: str, method: str = "GET") -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def deco(func: Callable[..., Any]) -> Callable[..., Any]:
        router.add_api_route(path, func, methods=[method])
        return func

    return deco


@route("/")
async def list_notes() -> list[str]:
    return []


@route("/{note_id}", method="DELETE")
async def delete_note(note_id: int) -> None:
    return None


def post(path: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Forwards to the router's own decorator."""
    return router.post(path)


def put(path: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    declare = router.put(path)
    return declare


@post("/")
async def create_note() -> None:
    return None


@put("/{note_id}")
async def replace_note(note_id: int) -> None:
    return None
