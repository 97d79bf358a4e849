from fastapi import APIRouter, FastAPI

router = APIRouter(prefix="/extension")


@router.get("/status")
def extension_status() -> str:
    return "on"


def extend_main(app: FastAPI) -> FastAPI:
    """Adds the edition's routers and returns the app (agenta's ``ee.extend_main``)."""
    app.include_router(router)
    return app
