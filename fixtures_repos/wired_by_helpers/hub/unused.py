from fastapi import APIRouter, FastAPI

orphan_router = APIRouter()


@orphan_router.get("/orphan")
async def orphan() -> dict[str, str]:
    return {}


def add_orphans(app: FastAPI) -> None:
    app.include_router(orphan_router)


def setup(app: FastAPI) -> None:
    add_orphans(app)
