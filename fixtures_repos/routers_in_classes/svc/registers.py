"""Instances held in variables whose method includes the routers their construction was
given: a frozen dataclass's tuple field, and an ``__init__`` keeping a list and a prefix."""

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


class Versioned:
    def __init__(self, routers: list[APIRouter], prefix: str = "/api") -> None:
        self.routers = routers
        self.prefix = prefix

    def register(self, app: FastAPI) -> None:
        for router in self.routers:
            app.include_router(router, prefix=self.prefix)


routes = Routes(routers=(items,))
v1 = Versioned([items, users], prefix="/v1")
v2 = Versioned(routers=[users])
app = FastAPI()
routes.register(app)
v1.register(app)
v2.register(app)
