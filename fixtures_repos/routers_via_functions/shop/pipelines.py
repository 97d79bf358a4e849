"""Pipeline routes added per call, each handler chosen by a flag (hayhooks' run endpoints)."""

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import FastAPI

Handler = Callable[[], Coroutine[Any, Any, str]]


def make_run_handler(requires_files: bool) -> Handler:
    async def run_with_files() -> str:
        return "files"

    async def run_without_files() -> str:
        return "plain"

    return run_with_files if requires_files else run_without_files


def add_pipeline_route(app: FastAPI, name: str, requires_files: bool) -> None:
    handler = make_run_handler(requires_files)
    route: dict[str, Any] = {"path": f"/{name}/run", "endpoint": handler, "methods": ["POST"]}
    app.add_api_route(**route)
