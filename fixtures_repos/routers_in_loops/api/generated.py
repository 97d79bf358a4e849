"""Routers a generator finds by listing the folder of a package it is given by name
(``os.listdir(package.__path__[0])``, galaxy's ``walk_controller_modules``), each module's
``router`` included by the caller when it has one."""

import os
from importlib import import_module

from fastapi import FastAPI


def walk_modules(package_name: str):  # type: ignore[no-untyped-def]
    package = import_module(package_name)
    folder = package.__path__[0]
    for fname in sorted(os.listdir(folder)):
        if fname.endswith(".py") and not fname.startswith("_"):
            name = fname[:-3]
            yield name, import_module(f"{package_name}.{name}")


def include_walked(app: FastAPI, package_name: str) -> None:
    for _, module in walk_modules(package_name):
        router = getattr(module, "router", None)
        if router:
            app.include_router(router, prefix="/generated")
