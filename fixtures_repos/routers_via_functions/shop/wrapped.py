from fastapi import APIRouter


class Router:
    """A thin wrapper that owns an APIRouter and hands it out by a property (OpenBB's)."""

    def __init__(self) -> None:
        self._api_router = APIRouter(prefix="/wrapped")

    @property
    def api_router(self) -> APIRouter:
        return self._api_router


router = Router()


@router.api_router.get("/hello")
def hello() -> str:
    return "hello"
