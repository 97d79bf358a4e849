from fastapi import FastAPI

from shop import kernel


def connect_desktop(app: FastAPI) -> None:
    @app.get("/kernel/desktop")
    def desktop() -> str:
        return "desktop"


def make_desktop_app() -> FastAPI:
    app = kernel.make_kernel_app()
    connect_desktop(app)
    return app


desktop_app = make_desktop_app()
