from fastapi import APIRouter, FastAPI

router = APIRouter()


@router.get("/tags")
def list_tags() -> list[str]:
    return []


def setup(app: FastAPI) -> None:
    app.include_router(router, prefix="/addons")
