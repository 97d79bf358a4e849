"""A plain Starlette app serving the FastAPI apps it mounts (and a Starlette route of its
own, no API operation): the served app is the Starlette one."""

from fastapi import FastAPI
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Mount, Route

api = FastAPI()
internal = FastAPI()


@api.get("/items")
def list_items() -> list[str]:
    return []


@internal.post("/run")
def run() -> dict[str, str]:
    return {}


def home(request: Request) -> PlainTextResponse:
    return PlainTextResponse("home")


routes = [Mount("/api", app=api), Mount("/internal/api", app=internal)]
app = Starlette(routes=[Route("/", home), *routes])
