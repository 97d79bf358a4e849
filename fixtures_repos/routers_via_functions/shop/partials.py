"""Handlers served as `functools.partial` objects (vocode's inbound call routes): the route's
endpoint is the function the partial calls, given in place or returned by a method."""

from collections.abc import Callable, Coroutine
from functools import partial
from typing import Any

from fastapi import APIRouter

partials = APIRouter(prefix="/partials")


async def handle(kind: str) -> str:
    return kind


class Inbound:
    def __init__(self) -> None:
        self.router = APIRouter(prefix="/inbound")
        self.router.add_api_route("/made", self.route_for("made"), methods=["POST"])

    def route_for(self, kind: str) -> Callable[..., Coroutine[Any, Any, str]]:
        async def inbound(n: int = 0) -> str:
            return f"{kind}{n}"

        return partial(inbound)


partials.add_api_route("/direct", partial(handle, "direct"), methods=["GET"])
partials.include_router(Inbound().router)
