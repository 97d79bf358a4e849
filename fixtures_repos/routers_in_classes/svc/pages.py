"""Admin pages as fastapi-amis-admin builds them: a mixin's `__init__` makes
`self.router = APIRouter(prefix=self.router_prefix)` with the subclass's class attribute; a
page registers a `@property` that returns the function it defines; a site registers on
`self.router = self.fastapi.router`, its own app's router."""

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import APIRouter, FastAPI


class RouterMixin:
    router_prefix: str | None = None

    def __init__(self) -> None:
        self.router = APIRouter(prefix=self.router_prefix or "")


class Page(RouterMixin):
    router_prefix = "/page"

    @property
    def route_page(self) -> Callable[[], Coroutine[Any, Any, dict[str, str]]]:
        async def route() -> dict[str, str]:
            return {}

        return route

    def register_router(self) -> None:
        self.router.add_api_route("/home", self.route_page, methods=["GET"])


class Site:
    def __init__(self) -> None:
        self.fastapi = FastAPI()
        self.router = self.fastapi.router
        self.router.add_api_route("/home", self.home, methods=["GET"])

    async def home(self) -> dict[str, str]:
        return {}

    def mount_app(self, fastapi: FastAPI) -> None:
        fastapi.mount("/admin", self.fastapi)


page = Page()
page.register_router()
site = Site()
app = FastAPI()
app.include_router(page.router)
site.mount_app(app)
