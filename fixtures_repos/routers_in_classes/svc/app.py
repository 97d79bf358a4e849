from fastapi import APIRouter, FastAPI


class ServiceApp:
    def __init__(self, version: str, chunks_router: APIRouter, users_router: APIRouter) -> None:
        self.version = version
        self.chunks_router = chunks_router
        self.users_router = users_router
        self.app = FastAPI()
        self._setup_routes()

    def _setup_routes(self) -> None:
        self.app.include_router(self.chunks_router, prefix="/v3")
        self.app.include_router(self.users_router, prefix="/v3/admin")

        @self.app.get("/openapi_spec")
        async def openapi_spec() -> dict[str, str]:
            return {}
