from fastapi import APIRouter, FastAPI


def add_routers(app: FastAPI, routers: list[APIRouter], prefix: str) -> None:
    """Includes each router it is given: the loop runs once per call (OpenBB's AppLoader)."""
    for router in routers:
        app.include_router(router, prefix=prefix)
