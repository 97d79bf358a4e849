from fastapi import APIRouter, FastAPI

router = APIRouter()


@router.get("/status")
def status() -> str:
    return "ok"


def create_app(prefix: str = "/served", title: str = "served") -> FastAPI:
    """Called by no module of the app: ``uvicorn shop.factory_served:create_app --factory``
    calls it with no arguments; the test fixture's arguments build only the test's app."""
    app = FastAPI(title=title)
    app.include_router(router, prefix=prefix)
    return app
