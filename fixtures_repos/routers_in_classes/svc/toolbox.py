from typing import Any

from fastapi import APIRouter, FastAPI
from pydantic import BaseModel, computed_field


class Settings(BaseModel):
    CONTEXT_PATH: str = ""

    @computed_field  # type: ignore[prop-decorator]
    @property
    def API_V1_STR(self) -> str:
        return self.CONTEXT_PATH + "/api/v1"

    @property
    def TOOLS_STR(self) -> str:
        return "/tools"


settings = Settings()


class StaticRouter(APIRouter):
    def __init__(self, store: dict[str, str], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.store = store
        super().add_api_route("/ping", self._ping, methods=["GET"])
        self.add_api_route("/pong", self._ping, methods=["GET"])

    async def _ping(self) -> str:
        return "pong"


def routers_list(store: dict[str, str], prefix: str) -> list[APIRouter]:
    return [StaticRouter(store, prefix=prefix), StaticRouter(store=store)]


app = FastAPI()
for router in routers_list({}, settings.TOOLS_STR):
    app.include_router(router, prefix=settings.API_V1_STR)
