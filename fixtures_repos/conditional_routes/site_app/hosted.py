import os

from fastapi import FastAPI

from site_app.routers import free
from site_app.share import configure_share


def create_app() -> FastAPI:
    app = FastAPI()
    app.include_router(free.router, prefix="/billing")
    configure_share(app)
    if os.environ.get("BASE_PATH"):
        outer = FastAPI()
        outer.mount("/base", app)
        return outer
    return app


app = create_app()
