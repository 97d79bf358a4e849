from fastapi import FastAPI

from hub.core import init_core_routers


async def startup(app: FastAPI) -> None:
    init_core_routers(app)
