"""Routers handed out on first use by a module ``__getattr__`` (PEP 562), as bisheng's
``api/v1`` package does, so importing the package imports none of them."""

from importlib import import_module
from typing import Any

_EXPORTS = {
    "badges_router": ("shop.lazy.badges", "router"),
    "notes_router": ".notes:router",
}


def __getattr__(name: str) -> Any:
    if name == "stamps_router":
        from shop.lazy.stamps import router as stamps_router

        return stamps_router
    if name not in _EXPORTS:
        raise AttributeError(name)
    place = _EXPORTS[name]
    module, attribute = place if isinstance(place, tuple) else place.split(":")
    return getattr(import_module(module, __name__), attribute)
