"""Plugins in a namespace package (a folder without ``__init__``) found through a project
function returning ``pkgutil.iter_modules`` of the package it is given, each one's router
read into a local before it is appended (chocolate-smart-home's device plugins)."""

import importlib
import pkgutil

import api.nsplugins

NS_ROUTERS = []


def iter_named(ns_pkg):  # type: ignore[no-untyped-def]
    return pkgutil.iter_modules(ns_pkg.__path__, ns_pkg.__name__ + ".")


def discover_ns() -> None:
    for _finder, name, _ispkg in iter_named(api.nsplugins):
        router_module = importlib.import_module(f"{name}.router")
        plugin_router = router_module.plugin_router
        NS_ROUTERS.append(plugin_router)


discover_ns()
