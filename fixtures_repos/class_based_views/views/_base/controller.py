"""A project's own copy of fastapi-utils' class-based views, as mealie keeps one: the class's
signature is its annotated attributes, and each view method's ``self`` is ``Depends(cls)``."""

import inspect
from collections.abc import Callable
from typing import Any, get_type_hints

from fastapi import APIRouter, Depends
from fastapi.routing import APIRoute

__all__ = ["controller"]


def controller(router: APIRouter) -> Callable[[type], type]:
    def decorator(cls: type) -> type:
        return _cbv(router, cls)

    return decorator


def _cbv(router: APIRouter, cls: type) -> type:
    _init_cbv(cls)
    functions = {f for _, f in inspect.getmembers(cls, inspect.isfunction)}
    for route in router.routes:
        if isinstance(route, APIRoute) and route.endpoint in functions:
            _update_endpoint_signature(cls, route.endpoint)
    return cls


def _init_cbv(cls: type) -> None:
    hints = get_type_hints(cls)
    names = [name for name in hints if not name.startswith("_")]
    params = [
        inspect.Parameter(
            name,
            inspect.Parameter.KEYWORD_ONLY,
            annotation=hints[name],
            default=getattr(cls, name, inspect.Parameter.empty),
        )
        for name in names
    ]
    old_init = cls.__init__

    def new_init(self: Any, *args: Any, **kwargs: Any) -> None:
        for name in names:
            setattr(self, name, kwargs.pop(name))
        old_init(self, *args, **kwargs)

    setattr(cls, "__signature__", inspect.Signature(params))
    setattr(cls, "__init__", new_init)


def _update_endpoint_signature(cls: type, endpoint: Callable[..., Any]) -> None:
    signature = inspect.signature(endpoint)
    first, *rest = signature.parameters.values()
    first = first.replace(default=Depends(cls))
    rest = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in rest]
    setattr(endpoint, "__signature__", signature.replace(parameters=[first, *rest]))
