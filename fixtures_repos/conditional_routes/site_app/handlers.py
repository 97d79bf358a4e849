import os
from collections.abc import Callable

from fastapi import FastAPI


def register_status(app: FastAPI) -> None:
    """The handler a local holds depends on a branch (xinference's authed/anonymous
    handlers): the route is served by one or the other."""
    handler: Callable[[], dict[str, str]]
    if os.environ.get("BILLING"):

        def status_billed() -> dict[str, str]:
            return {"plan": "paid"}

        handler = status_billed
    else:

        def status_free() -> dict[str, str]:
            return {"plan": "free"}

        handler = status_free
    app.add_api_route("/status", handler, methods=["GET"])
