from collections.abc import Callable
from typing import Any

from fastapi import APIRouter as FastAPIRouter
from fastapi.types import DecoratedCallable


class APIRouter(FastAPIRouter):
    """The same workaround as ``slashed.py``, written with single quotes (aim's web API)."""

    def api_route(
        self, path: str, *, include_in_schema: bool = True, **kwargs: Any
    ) -> Callable[[DecoratedCallable], DecoratedCallable]:
        if path.endswith('/'):
            path = path[:-1]
        add_path = super().api_route(path, include_in_schema=include_in_schema, **kwargs)
        alternate_path = path + '/'
        add_alternate_path = super().api_route(alternate_path, include_in_schema=False, **kwargs)

        def decorator(func: DecoratedCallable) -> DecoratedCallable:
            add_alternate_path(func)
            return add_path(func)

        return decorator


router = APIRouter(prefix='/quoted')


@router.get('/items')
def quoted_items() -> list[str]:
    return []


def register_more(target: APIRouter) -> None:
    """Declares on the router it is given: still served with and without the slash."""

    @target.get('/more/')
    def quoted_more() -> list[str]:
        return []


register_more(router)
