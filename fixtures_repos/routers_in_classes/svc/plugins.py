"""Plugins whose base ``__init__`` keeps the app (``self._app = app``) and whose subclasses
include on it after ``super().__init__(app)`` (jupyverse's routers)."""

from fastapi import APIRouter, FastAPI


class Plugin:
    def __init__(self, app: FastAPI) -> None:
        self._app = app


class Auth(Plugin):
    def __init__(self, app: FastAPI) -> None:
        super().__init__(app)
        users = APIRouter()

        @users.get("/me")
        async def me() -> dict[str, str]:
            return {}

        self._app.include_router(users, prefix="/auth/user")


app = FastAPI()
Auth(app)
