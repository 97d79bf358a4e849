"""Controllers found by globbing this package's folder, each module's routers picked from its
namespace by type (RuoYi's ``RouterRegister``): ``module.__dict__``, ``vars(module)`` and
``dir(module)`` with ``getattr``."""

import glob
import importlib
import os

from fastapi import APIRouter, FastAPI

HERE = os.path.dirname(__file__)


def register_scanned(app: FastAPI) -> None:
    for path in sorted(glob.glob(os.path.join(HERE, "[!_]*.py"))):
        module = importlib.import_module(f"api.scanned.{os.path.basename(path)[:-3]}")
        for attr in module.__dict__.values():
            if isinstance(attr, APIRouter):
                app.include_router(attr, prefix="/scanned")


def register_varied(app: FastAPI) -> None:
    module = importlib.import_module("api.scanned.users")
    for name, value in vars(module).items():
        if isinstance(value, APIRouter) and name.startswith("admin"):
            app.include_router(value, prefix="/varied")


def register_named(app: FastAPI) -> None:
    module = importlib.import_module("api.scanned.orders")
    for attr_name in dir(module):
        value = getattr(module, attr_name, None)
        if isinstance(value, APIRouter):
            app.include_router(value, prefix="/named")
