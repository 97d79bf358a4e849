from fastapi import FastAPI

from shop.routers.versioned import router as versioned_router


def register_extra(app: FastAPI) -> None:
    app.include_router(versioned_router)
    app.get("/version")(version)


def version() -> dict[str, str]:
    return {"version": "1"}
