from collections.abc import Callable
from typing import TypeVar

from fastapi import APIRouter

F = TypeVar("F", bound=Callable[..., object])

commands = APIRouter(prefix="/commands")


def register(router: APIRouter, handler: Callable[..., object], path: str) -> None:
    """Registers whatever handler it is given: known per call only."""
    router.add_api_route(path, handler, methods=["GET"])


def command(func: F) -> F:
    """A registering decorator: the path is the function's name (OpenBB's Router.command)."""
    commands.add_api_route(f"/{func.__name__}", func, methods=["POST"])
    return func


@command
async def rebuild() -> dict[str, str]:
    return {}


def status() -> str:
    return "ok"


register(commands, status, "/status")


def make_handler() -> Callable[[], dict[str, str]]:
    def made() -> dict[str, str]:
        return {}

    return made


def register_more(router: APIRouter) -> None:
    """A verb fetched by name, and a handler a factory made, held in locals (litellm)."""
    handler = make_handler()
    route = getattr(router, "put")
    route("/made")(handler)


register_more(commands)


def listed() -> list[str]:
    return []


# Verbs fetched by name in place, one a loop's item (litellm's container endpoints' table).
for verb in ("get", "post"):
    getattr(commands, verb)("/listed")(listed)
getattr(commands, "delete")("/listed")(listed)
