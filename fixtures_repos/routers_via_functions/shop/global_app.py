"""An app a function builds into a module variable it declares ``global`` (``app: FastAPI``,
then ``global app; app = FastAPI()`` in ``create_app()``, a common small-server shape): the
module's ``app`` is that object, and what the function includes into it is served."""

from fastapi import APIRouter, FastAPI

router = APIRouter()


@router.get("/status")
async def status() -> dict[str, str]:
    return {"status": "ok"}


app: FastAPI


def create_app() -> FastAPI:
    global app
    app = FastAPI(title="global")
    app.include_router(router, prefix="/global")
    return app


create_app()
