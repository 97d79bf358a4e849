"""Helpers whose router parameter falls back to another object when given none
(fastapi_mcp's ``if not router: router = self.fastapi``, ``target = target or shared``)."""

from fastapi import APIRouter, FastAPI

shared = APIRouter(prefix="/shared")


class Mounter:
    def __init__(self, fastapi: FastAPI) -> None:
        self.fastapi = fastapi

    def mount(self, router: APIRouter | None = None, path: str = "/mcp") -> None:
        if not router:
            router = self.fastapi

        @router.get(path)
        def handle() -> dict[str, str]:
            return {}


def add_hello(target: APIRouter | None = None) -> None:
    target = target or shared

    @target.get("/hello")
    def hello() -> str:
        return "hello"
