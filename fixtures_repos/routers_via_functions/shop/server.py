from fastapi import FastAPI


class ApiServer:
    """The app is an attribute of a server object, configured by a method it is passed to."""

    def __init__(self, standalone: bool = False) -> None:
        self.app = FastAPI()
        self.configure_app(self.app, standalone)

    def configure_app(self, app: FastAPI, standalone: bool) -> None:
        from shop.routers.users import router as users_router

        app.include_router(users_router, prefix="/api/v1")


server = ApiServer()
app = server.app
