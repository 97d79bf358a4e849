"""Routers found by walking this package's folder and its subpackages, named from a prefix."""

import os
import pkgutil
from importlib import import_module

from fastapi import APIRouter

router = APIRouter(prefix="/extras")
here = os.path.dirname(__file__)

for _, name, _ in pkgutil.walk_packages([here], prefix=f"{__package__}."):
    found = getattr(import_module(name), "router", None)
    if found is not None:
        router.include_router(found)
