from fastapi import FastAPI

from hub.core.views import wallet_router


def init_core_routers(app: FastAPI) -> None:
    app.include_router(wallet_router)
