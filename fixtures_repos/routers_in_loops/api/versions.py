from fastapi import FastAPI

from api.routers import flows, runs

VERSIONED = [flows.router, runs.router]


def register_versioned(app: FastAPI) -> None:
    for version in ("v1", "v2"):
        for router in VERSIONED:
            app.include_router(router, prefix=f"/{version}")
