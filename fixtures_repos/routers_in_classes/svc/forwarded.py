"""An API class whose helper returns the app's ``add_api_route(...)`` (IOPaint's ``Api``)."""

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI

class Api:
    def __init__(self, app: FastAPI) -> None:
        self.app = app
        self.add_api_route("/api/v1/model", self.current_model, methods=["GET"])
        self.add_api_route("/api/v1/model", self.switch_model, methods=["POST"])

    def add_api_route(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        return self.app.add_api_route(path, endpoint, **kwargs)

    def current_model(self) -> str:
        return "lama"

    def switch_model(self) -> str:
        return "lama"


app = FastAPI()
api = Api(app)
