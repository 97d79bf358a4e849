"""An app factory called with and without a flag, the flag picking the routers a loop
includes: through a local bound to a conditional expression, and through a helper the
factory passes its flag on to (optimade's ``create_app(index=...)``)."""

from fastapi import FastAPI

from api.routers import flows, runs

MAIN_ROUTERS = [flows]
INDEX_ROUTERS = [runs]


def _add_versioned(app: FastAPI, index: bool = False) -> None:
    for module in INDEX_ROUTERS if index else MAIN_ROUTERS:
        app.include_router(module.router, prefix="/v1")


def create_app(index: bool = False) -> FastAPI:
    app = FastAPI()
    modules = INDEX_ROUTERS if index else MAIN_ROUTERS
    for module in modules:
        app.include_router(module.router)
    _add_versioned(app, index=index)
    return app


main_app = create_app()
index_app = create_app(index=True)
