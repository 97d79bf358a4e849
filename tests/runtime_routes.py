"""Print the routes a FastAPI app really serves, as JSON: run in a subprocess per project.

Usage: python runtime_routes.py PROJECT_DIR MODULE:ATTRIBUTE [started]
(``started``: the routes once the app's lifespan has started; ``MODULE:FACTORY()``: the app
the factory returns when called with no arguments, as ``uvicorn --factory`` serves it)
"""

from __future__ import annotations

import asyncio
import functools
import importlib
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from fastapi.routing import APIRoute, APIWebSocketRoute
from starlette.routing import Host, Mount

# Python put this folder first on sys.path: a project's own module named like one here
# (a top-level ``helpers``) must not be hidden by it.
if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    del sys.path[0]


def served(routes: Iterable[Any], prefix: str = "") -> Iterator[tuple[str, str, str]]:
    for route in routes:
        if hasattr(route, "effective_route_contexts"):  # FastAPI >= 0.16x nests includes
            for context in route.effective_route_contexts():
                # A websocket route's context keeps its full path on the route it builds.
                path = context.path or getattr(context.starlette_route, "path", "")
                yield from _operations(context.original_route, prefix + path)
        elif isinstance(route, Mount) and hasattr(_unwrapped(route.app), "routes"):
            yield from served(_unwrapped(route.app).routes, prefix + route.path)
        elif isinstance(route, Host) and hasattr(_unwrapped(route.app), "routes"):
            yield from served(_unwrapped(route.app).routes, prefix)  # paths as they are
        else:
            yield from _operations(route, prefix + getattr(route, "path", ""))


def _unwrapped(app: Any) -> Any:
    """A mounted app behind middleware (``AuthenticationMiddleware(app)``): the app the
    middleware hands each request to, whose routes it serves."""
    for _ in range(10):
        if hasattr(app, "routes") or not hasattr(app, "app"):
            break
        app = app.app
    return app


def _operations(route: Any, path: str) -> Iterator[tuple[str, str, str]]:
    if isinstance(route, APIRoute):
        for method in sorted(route.methods):
            yield method, path, _name(route.endpoint)
    elif isinstance(route, APIWebSocketRoute):
        yield "WEBSOCKET", path, _name(route.endpoint)


def _name(endpoint: Any) -> str:
    while isinstance(endpoint, functools.partial):  # named for the function it calls
        endpoint = endpoint.func
    return f"{endpoint.__module__}.{endpoint.__qualname__}"


async def _started(app: Any) -> list[tuple[str, str, str]]:
    """The routes served once the app's lifespan has started (it may add or copy routes)."""
    async with app.router.lifespan_context(app):
        return sorted(set(served(app.routes)))


def main(project: str, spec: str, *started: str) -> None:
    sys.path.insert(0, project)
    module, _, attribute = spec.partition(":")
    app = getattr(importlib.import_module(module), attribute.removesuffix("()"))
    app = app() if attribute.endswith("()") else app
    routes = asyncio.run(_started(app)) if started else sorted(set(served(app.routes)))
    print(json.dumps(routes))


if __name__ == "__main__":
    main(*sys.argv[1:])
