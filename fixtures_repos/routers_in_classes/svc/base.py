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

        self.router.add_api_route("/status", self.status)

    async def status(self) -> str:
        """A subclass may override it: its router then serves the override."""
        return self.name

    def get_router(self) -> APIRouter:
        return self.router
