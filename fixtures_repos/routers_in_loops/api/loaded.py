"""Routers loaded by a name a helper is given, and by the names a package lists."""

import importlib

from fastapi import APIRouter, FastAPI

from api import routers

router = APIRouter(prefix="/global")


def include(app: FastAPI, module_path: str, attr: str = "router") -> None:
    try:
        module = importlib.import_module(module_path)
        app.include_router(getattr(module, attr), prefix="/loaded")
    except ModuleNotFoundError:
        pass


def safe_include(app: FastAPI, module: str, prefix: str = "") -> None:
    try:
        loaded = __import__(module, fromlist=["router"])
        app.include_router(getattr(loaded, "router"), prefix=prefix)
    except ImportError:
        pass


def include_all(app: FastAPI) -> None:
    for name in routers.__all__:
        app.include_router(getattr(routers, name).router, prefix="/all")


def include_here(module: str, attr: str = "router") -> None:
    """Includes into this module's own router, not into one it is given."""
    router.include_router(getattr(importlib.import_module(module), attr))


include_here("api.routers.runs")
include_here("api.walked.zeta")


def load(app: FastAPI, name: str) -> None:
    """The module's name joined from the parameter in a local first."""
    module_path = "api.routers." + name
    module = importlib.import_module(module_path)
    app.include_router(module.router, prefix="/by-path")
