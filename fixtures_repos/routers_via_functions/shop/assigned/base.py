"""A router factory that sets the router's options by assignment after building it
(MoneyPrinterTurbo's ``new_router``), and a module-level router set the same way."""

from fastapi import APIRouter, Header


def verify_token(x_token: str = Header(default="")) -> str:
    return x_token


def new_router(dependencies: list[object] | None = None) -> APIRouter:
    router = APIRouter()
    router.tags = ["v1"]
    router.prefix = "/assigned/v1"
    if dependencies:
        router.dependencies = dependencies
    return router


plain = APIRouter()
plain.prefix = "/assigned/plain"
