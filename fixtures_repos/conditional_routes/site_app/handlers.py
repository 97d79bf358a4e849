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


def paid_plan() -> dict[str, str]:
    return {"plan": "paid"}


def free_plan() -> dict[str, str]:
    return {"plan": "free"}


#: A handler picked in place by a conditional expression (MindSearch's
#: ``run_async if args.asy else run``), given directly and through a module variable.
chosen_plan = paid_plan if os.environ.get("BILLING") else free_plan


def register_plans(app: FastAPI) -> None:
    app.add_api_route("/plan", paid_plan if os.environ.get("BILLING") else free_plan)
    app.get("/plan/decorated")(paid_plan if os.environ.get("BILLING") else free_plan)
    app.add_api_route("/plan/held", chosen_plan)
