"""Routers found in a subfolder of the package's own folder, named three ways: a path joined
with ``/`` (``(Path(__file__).parent / "routers").glob("*.py")``), ``os.path.join`` with
the subfolder before the pattern, and ``os.listdir`` of a joined folder."""

import glob
import importlib
import os
from pathlib import Path

from fastapi import FastAPI

HERE = Path(__file__).parent


def include_subfolders(app: FastAPI) -> None:
    for path in (HERE / "routers").glob("*.py"):
        if path.stem != "__init__":
            module = importlib.import_module(f"api.routers.{path.stem}")
            app.include_router(module.router, prefix="/sub/path")
    pattern = os.path.join(os.path.dirname(__file__), "walked", "*.py")
    for filename in glob.glob(pattern):
        name = os.path.basename(filename)[:-3]
        if name != "__init__":
            walked = importlib.import_module(f"api.walked.{name}")
            app.include_router(walked.router, prefix="/sub/joined")
    for entry in os.listdir(os.path.join(os.path.dirname(__file__), "addons")):
        if entry.endswith(".py") and entry != "__init__.py":
            addon = importlib.import_module(f"api.addons.{entry[:-3]}")
            app.include_router(addon.router, prefix="/sub/listed")
