from fastapi import APIRouter, FastAPI

router = APIRouter(prefix="/edition")


@router.get("/plans")
def edition_plans() -> list[str]:
    return []


def extend(app: FastAPI) -> FastAPI:
    app.include_router(router)
    return app
