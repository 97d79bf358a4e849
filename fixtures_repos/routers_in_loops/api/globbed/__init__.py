"""Routers found by globbing this package's folder (``Path.glob``), each module named by its
file's stem, and by ``glob.glob`` over the same folder, named from the file's base name."""

import glob
import os
from importlib import import_module
from pathlib import Path

from fastapi import APIRouter

router = APIRouter(prefix="/globbed")

for path in Path(__file__).parent.glob("*_routes.py"):
    router.include_router(import_module(f"{__name__}.{path.stem}").router)

for file in glob.glob(os.path.join(os.path.dirname(__file__), "*.py")):
    name = os.path.splitext(os.path.basename(file))[0]
    if name != "__init__":
        router.include_router(import_module(f"{__name__}.{name}").router, prefix="/all")
