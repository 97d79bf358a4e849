from fastapi import APIRouter, FastAPI

from shop.routers import status


class ApiServer:
    """The app is an attribute of a server object, configured by a method it is passed to."""

    def __init__(self, extra: APIRouter, standalone: bool = False) -> None:
        self.app = FastAPI()
        self.router = APIRouter(prefix="/ops")
        self.extra = extra
        self.configure_app(self.app, standalone)

    def configure_app(self, app: FastAPI, standalone: bool) -> None:
        from shop.routers.users import router as users_router

        app.include_router(users_router, prefix="/api/v1")
        app.include_router(self.extra, prefix="/extra")
        from shop.server_routes import register_all

        register_all(self)
        app.include_router(self.router)

    def metrics(self) -> dict[str, str]:
        return {}


server = ApiServer(extra=status.router)
app = server.app
