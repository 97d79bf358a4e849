"""Paths a project helper builds (mlflow's handlers): a static prefix read from the environment
only when it is set, a versioned path with a default version, and prefixes a function returns
for a loop to include a router under each."""

import os

from fastapi import APIRouter

STATIC_PREFIX_ENV_VAR = "_HUB_STATIC_PREFIX"
_SERVERS_PREFIX = "/api/3.0/servers"


def _add_static_prefix(route: str) -> str:
    if prefix := os.environ.get(STATIC_PREFIX_ENV_VAR):
        return prefix.rstrip("/") + route
    return route


def _get_rest_path(base_path: str, version: int = 2) -> str:
    return _add_static_prefix(f"/api/{version}.0{base_path}")


def server_prefixes() -> tuple[str, ...]:
    return (_add_static_prefix(_SERVERS_PREFIX), _add_static_prefix("/ajax" + _SERVERS_PREFIX))


runs = APIRouter()
servers = APIRouter()


@runs.get(_get_rest_path("/runs"))
async def list_runs() -> list[str]:
    return []


@runs.get(_get_rest_path("/server-info", version=3))
async def server_info() -> dict[str, str]:
    return {}


@servers.get("/{name}")
async def get_server(name: str) -> dict[str, str]:
    return {"name": name}
