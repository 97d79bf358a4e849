"""A router factory whose route's methods are its parameter (polar's OAuth login routers)."""

from typing import Literal

from fastapi import APIRouter


def make_callback_router(
    provider: str, *, callback_method: Literal["GET", "POST"] = "GET"
) -> APIRouter:
    router = APIRouter(prefix=f"/{provider}")

    @router.api_route("/callback", methods=[callback_method])
    def callback() -> str:
        return provider

    return router
