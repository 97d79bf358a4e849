"""A route table of dataclass records whose endpoint a method returns (AgentOps'
``RouteConfig.as_view()``): a function as it is, a view class (tested with ``issubclass``) wrapped
in a closure."""

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter


class BaseView:
    pass


class ItemView(BaseView):
    async def __call__(self, item_id: int) -> dict[str, int]:
        return {"id": item_id}


async def login() -> str:
    return "in"


async def logout() -> str:
    return "out"


@dataclass
class RouteConfig:
    path: str
    endpoint: Any
    methods: list[str]

    def _create_class_view(self, view_class: Any) -> Callable[..., Any]:
        async def wrapper(item_id: int) -> Any:
            return await view_class()(item_id)

        return wrapper

    def as_view(self) -> Callable[..., Any]:
        if not inspect.isclass(self.endpoint):
            return self.endpoint
        if issubclass(self.endpoint, BaseView):
            return self._create_class_view(self.endpoint)
        raise TypeError(f"{self.endpoint} is no view")


TABLE = [
    RouteConfig("/login", login, ["POST"]),
    RouteConfig(path="/logout", endpoint=logout, methods=["GET", "POST"]),
    RouteConfig("/items/{item_id}", ItemView, ["GET"]),
]

router = APIRouter(prefix="/tables")
for config in TABLE:
    for method in config.methods:
        router.add_api_route(config.path, config.as_view(), methods=[method])
