"""Routers a helper discovers under a folder its caller passes (papermerge's
``discover_routers(Path(__file__).parent / "core")``): a package walk of a subfolder, each
feature package's ``router`` module imported in a ``try`` (a package without one raises),
then its ``router_*.py`` files globbed from a path built per item; all collected in a
list the helper returns."""

import importlib
import pkgutil
from pathlib import Path

from fastapi import APIRouter


def discover_routers(root: Path) -> list[tuple[APIRouter, str]]:
    routers = []
    features_dir = root / "features"
    for info in pkgutil.iter_modules([str(features_dir)]):
        if info.ispkg:
            name = info.name
            try:
                module = importlib.import_module(f"api.features.{name}.router")
                if hasattr(module, "router"):
                    routers.append((module.router, name))
            except ImportError:
                pass
            for file in (features_dir / name).glob("router_*.py"):
                extra = importlib.import_module(f"api.features.{name}.{file.stem}")
                routers.append((extra.router, f"{name}_{file.stem}"))
    return routers
