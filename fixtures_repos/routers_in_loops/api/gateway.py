import os
from enum import Enum

from fastapi import APIRouter, FastAPI

from api.passthrough import PASSTHROUGH, Provider


class Action(str, Enum):
    CHAT = "chat"
    EMBED = "embed"


# mlflow's PASSTHROUGH_ROUTES: paths looked up by an enum member, or by a string key
ROUTES = {Action.CHAT: "/chat/completions", Action.EMBED: "/embeddings"}
PLAIN = {"models": "/models"}
# mlflow's static prefix: an unset variable's default, trimmed
STATIC_PREFIX = os.environ.get("GATEWAY_STATIC_PREFIX", "/").rstrip("/")

router = APIRouter()


@router.post(ROUTES[Action.CHAT])
def chat() -> dict[str, str]:
    return {}


@router.post(ROUTES[Action.EMBED])
def embed() -> dict[str, str]:
    return {}


@router.post(PASSTHROUGH[Provider.ANTHROPIC])
def anthropic() -> dict[str, str]:
    return {}


@router.get(PLAIN["models"])
def models() -> list[str]:
    return []


def gateway_prefixes() -> tuple[str, ...]:
    """One return of a tuple: the loop below runs over its items (mlflow's MCP prefixes)."""
    return (STATIC_PREFIX + "/ajax-api/gateway", STATIC_PREFIX + "/api/gateway".upper().lower())


def register_gateway(app: FastAPI) -> None:
    for prefix in gateway_prefixes():
        app.include_router(router, prefix=prefix)
