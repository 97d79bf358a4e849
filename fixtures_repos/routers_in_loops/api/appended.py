"""A module-level list a function fills as it runs at import: plugin discovery walking a
package held in a local (``pkg = api.walked``) with ``pkgutil.iter_modules(pkg.__path__,
pkg.__name__ + ".")`` and appending each module's ``router``."""

import importlib
import pkgutil

import api.walked
from api.routers import flows

PLUGIN_ROUTERS = []


def discover() -> None:
    pkg = api.walked
    for _finder, name, _ispkg in pkgutil.iter_modules(pkg.__path__, pkg.__name__ + "."):
        PLUGIN_ROUTERS.append(importlib.import_module(name).router)


def add_core() -> None:
    PLUGIN_ROUTERS.append(flows.router)


discover()
add_core()
