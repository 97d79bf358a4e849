from fastapi import APIRouter, FastAPI

router = APIRouter()


@router.get("/notes")
def list_notes() -> list[str]:
    return []


def setup(app: FastAPI) -> None:
    app.include_router(router, prefix="/addons")
