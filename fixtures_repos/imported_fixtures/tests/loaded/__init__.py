"""Fixture modules of this folder, loaded into the package's namespace as fides does."""

import importlib
import os

directory = os.path.dirname(__file__)

for filename in sorted(os.listdir(directory)):
    if filename.endswith(".py") and filename != "__init__.py":
        module = importlib.import_module(f"{__name__}.{filename[:-3]}")
        for attr_name in dir(module):
            attr = getattr(module, attr_name)
            if callable(attr):
                globals()[attr_name] = attr
