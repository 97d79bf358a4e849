"""An app class whose `__init__` includes the routers a method lists, and a subclass that
overrides that method (refact's `WebGUI` and `ProxyWebGUI`): each app serves its own class's
list; the base's list is under `not (isinstance(self, ...))` where it is no instance's."""

from typing import Any

from fastapi import APIRouter, FastAPI


class ItemsRouter(APIRouter):
    def __init__(self) -> None:
        super().__init__()
        self.add_api_route("/items", self._items, methods=["GET"])

    async def _items(self) -> list[str]:
        return []


class UsersRouter(APIRouter):
    def __init__(self) -> None:
        super().__init__()
        self.add_api_route("/users", self._users, methods=["GET"])

    async def _users(self) -> list[str]:
        return []


class WebGUI(FastAPI):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for router in self._routers_list():
            self.include_router(router)

    @staticmethod
    def _routers_list() -> list[APIRouter]:
        return [ItemsRouter(), UsersRouter()]


class ProxyWebGUI(WebGUI):
    @staticmethod
    def _routers_list() -> list[APIRouter]:
        return [UsersRouter()]


app = ProxyWebGUI()
base_app = WebGUI()
