"""An authentication class whose `router` is a `@property` building a router on each read,
its routes from a `@property` list of (path, method, handler) fetched with `getattr`
(conda-store's `Authentication.router`); the served app includes a subclass's."""

from typing import Any

from fastapi import APIRouter, FastAPI


class Authentication:
    @property
    def router(self) -> APIRouter:
        router = APIRouter(tags=["auth"])
        for path, method, func in self.routes:
            getattr(router, method)(path, name=func.__name__)(func)
        return router

    @property
    def routes(self) -> list[tuple[str, str, Any]]:
        return [
            ("/login/", "get", self.get_login),
            ("/login/", "post", self.post_login),
            ("/logout/", "post", self.post_logout),
        ]

    async def get_login(self) -> str:
        return "form"

    async def post_login(self) -> str:
        return "ok"

    async def post_logout(self) -> str:
        return "bye"


class DummyAuthentication(Authentication):
    pass


app = FastAPI()
app.include_router(DummyAuthentication().router, prefix="/auth")
