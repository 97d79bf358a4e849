"""Routers found by walking this package at import time (``pkgutil.iter_modules``)."""

import importlib
import pkgutil

from fastapi import APIRouter

router = APIRouter(prefix="/plugins")

for info in pkgutil.iter_modules(__path__):
    module = importlib.import_module(f"{__name__}.{info.name}")
    if hasattr(module, "router"):
        router.include_router(module.router)
