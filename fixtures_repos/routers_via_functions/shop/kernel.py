"""An app factory whose result a second factory extends (Kiln's server and desktop apps):
each app serves only what its own factory calls add."""

from fastapi import FastAPI


def connect_core(app: FastAPI) -> None:
    @app.get("/kernel/core")
    def core() -> str:
        return "core"


def make_kernel_app() -> FastAPI:
    app = FastAPI()
    connect_core(app)
    return app


kernel_app = make_kernel_app()
