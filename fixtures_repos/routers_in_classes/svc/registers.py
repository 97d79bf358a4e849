"""An instance held in a variable whose method includes the routers its construction was
given: a frozen dataclass's tuple field (its fields are never set again)."""

from dataclasses import dataclass

from fastapi import APIRouter, FastAPI

items = APIRouter(prefix="/items")
users = APIRouter(prefix="/users")


@items.get("")
def list_items() -> list[str]:
    return []


@users.get("")
def list_users() -> list[str]:
    return []


@dataclass(frozen=True)
class Routes:
    routers: tuple[APIRouter, ...]

    def register(self, app: FastAPI) -> None:
        for router in self.routers:
            app.include_router(router)


routes = Routes(routers=(items, users))
app = FastAPI()
routes.register(app)
