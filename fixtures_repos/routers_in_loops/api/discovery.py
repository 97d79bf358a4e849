"""A helper that includes the router of every module of the package it is given."""

import importlib
import pkgutil

from fastapi import FastAPI


def include_package(app: FastAPI, package_name: str = "api.walked") -> None:
    package = importlib.import_module(package_name)
    for _, name, _ in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package_name}.{name}")
        app.include_router(module.router, prefix="/walked")
