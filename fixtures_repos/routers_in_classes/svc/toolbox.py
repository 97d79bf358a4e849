from typing import Any

from fastapi import APIRouter, FastAPI
from pydantic import BaseModel, computed_field


class Defaults:
    TOOLS_STR = "/hidden-by-the-property"


class Settings(BaseModel, Defaults):
    CONTEXT_PATH: str = ""

    @computed_field  # type: ignore[prop-decorator]
    @property
    def API_V1_STR(self) -> str:
        return self.CONTEXT_PATH + "/api/v1"

    @property
    def TOOLS_STR(self) -> str:
        return "/tools"


settings = Settings(CONTEXT_PATH="/svc")


class StaticRouter(APIRouter):
    def __init__(self, store: dict[str, str], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.store = store
        super().add_api_route("/ping", self._ping, methods=["GET"])
        self.add_api_route("/pong", self._ping, methods=["GET"])

    async def _ping(self) -> str:
        return "pong"


class CompletionsRouter(APIRouter):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_api_route("/v1/completions", self._completions, methods=["POST"])
        self.add_api_route("/v1/caps", self._caps, methods=["GET"])

    async def _completions(self) -> str:
        return "local"

    async def _caps(self) -> str:
        return "caps"


class ProxyCompletionsRouter(CompletionsRouter):
    async def _completions(self) -> str:
        return "proxied"


class LoggingRouter(APIRouter):
    """Overrides FastAPI's method and hands on to it with super() (prefect's PrefectRouter)."""

    def add_api_route(self, path: str, endpoint: Any, **kwargs: Any) -> None:
        kwargs.setdefault("tags", ["logged"])
        return super().add_api_route(path, endpoint, **kwargs)


logged = LoggingRouter(prefix="/logged")


@logged.get("/events")
async def events() -> list[str]:
    return []


class LegacyBase(APIRouter):
    pass


class LegacyRouter(LegacyBase):
    """Calls its supers the Python 2 way, naming its own class or its base."""

    def __init__(self) -> None:
        super(LegacyRouter, self).__init__(prefix="/legacy")
        super(LegacyRouter, self).add_api_route("/items", self._items, methods=["GET"])
        super(LegacyBase, self).add_api_route("/count", self._count, methods=["GET"])

    async def _items(self) -> list[str]:
        return []

    async def _count(self) -> int:
        return 0


class SkippingRouter(LegacyRouter):
    """`super(LegacyRouter, self)` skips LegacyRouter's own `__init__` and its routes."""

    def __init__(self) -> None:
        super(LegacyRouter, self).__init__(prefix="/skipping")
        self.add_api_route("/own", self._own, methods=["GET"])

    async def _own(self) -> str:
        return "own"


def routers_list(
    store: dict[str, str], prefix: str, extra: list[APIRouter] | None = None
) -> list[APIRouter]:
    extra = extra or [ProxyCompletionsRouter()]
    return [StaticRouter(store, prefix=prefix), StaticRouter(store=store), *extra]


app = FastAPI()
for router in routers_list({}, settings.TOOLS_STR):
    app.include_router(router, prefix=settings.API_V1_STR)
app.include_router(logged)
app.include_router(LegacyRouter())
app.include_router(SkippingRouter())
