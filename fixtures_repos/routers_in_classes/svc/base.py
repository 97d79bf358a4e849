from fastapi import APIRouter


class BaseRouter:
    """Each subclass declares its routes on its own router, in the method the base calls."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.router = APIRouter()
        self._setup_routes()
        self._setup_health()

    def _setup_routes(self) -> None:
        raise NotImplementedError

    def _setup_health(self) -> None:
        @self.router.get("/health")
        async def health() -> str:
            return "ok"

    def get_router(self) -> APIRouter:
        return self.router
