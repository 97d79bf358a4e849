"""Routers gathered into a list by a package walk, for the app to include later."""

import importlib
import pkgutil

from fastapi import APIRouter

ROUTERS: list[APIRouter] = []

for info in pkgutil.iter_modules(__path__):
    module = importlib.import_module(f"{__name__}.{info.name}")
    if hasattr(module, "router"):
        ROUTERS.append(module.router)
