"""Routers found by listing this package's folder (``os.listdir``), each module named from its
file name, skipping private ones."""

import importlib
import os

from fastapi import APIRouter

router = APIRouter(prefix="/listed")

for filename in sorted(os.listdir(os.path.dirname(os.path.abspath(__file__)))):
    if filename.endswith(".py") and not filename.startswith("_"):
        module = importlib.import_module(f".{filename[:-3]}", __package__)
        router.include_router(module.router)
