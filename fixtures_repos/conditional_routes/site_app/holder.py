"""A helper adding a route on the router of what it is given, through a local, called only
under an ``if`` (xinference's ``register_oidc_routes(api)``: ``router = api._router``)."""

import os

from fastapi import APIRouter


class Api:
    def __init__(self) -> None:
        self.router = APIRouter()


def extra() -> str:
    return "extra"


def register_extra(api: Api) -> None:
    router = api.router
    router.add_api_route("/extra", extra, methods=["GET"])


api = Api()
if os.environ.get("SHARE"):
    register_extra(api)
