"""Fixture modules this package finds with ``pkgutil``, their callables copied in."""

import importlib
import pkgutil

for info in pkgutil.iter_modules(__path__):
    module = importlib.import_module(f"{__name__}.{info.name}")
    for name in dir(module):
        if callable(getattr(module, name)):
            globals()[name] = getattr(module, name)
