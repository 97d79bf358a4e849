"""Print FastAPI's own dependency tree for endpoints, flattened in solve order, as JSON.

Usage: python runtime_dependencies.py PROJECT_DIR MODULE:QUALNAME...
       python runtime_dependencies.py PROJECT_DIR --routes MODULE:APP
(``--routes``: each route the app serves itself, ``"METHOD PATH"``, with the dependencies
its routers and the app add, as FastAPI solves them for a request)
Each provider is named as codeintel names it: a function or class by ``module.qualname``, an
instance by the module-level variables that hold it (``a|b`` when it is imported elsewhere).
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Any

from fastapi.dependencies.models import Dependant
from fastapi.dependencies.utils import get_dependant

# Python put this folder first on sys.path: a project's own module named like one here
# (a top-level ``helpers``) must not be hidden by it.
if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    del sys.path[0]


def flattened(dependant: Dependant, names: dict[int, str], done: dict[str, None]) -> None:
    for sub in dependant.dependencies:
        flattened(sub, names, done)
        if sub.call is not None:
            done.setdefault(_name(sub.call, names), None)


def _name(call: Any, names: dict[int, str]) -> str:
    # Functions, classes and their wrappers (lru_cache copies the name) have a __qualname__;
    # instances do not.
    if hasattr(call, "__qualname__"):
        return f"{call.__module__}.{call.__qualname__}"
    # An instance: by the module-level variable that holds it, else made in place.
    return names.get(id(call), f"{type(call).__module__}.{type(call).__qualname__}()")


def _globals(project: Path) -> dict[int, str]:
    """Module-level variables of the project's modules, by the id of what they hold. An object
    imported into other modules has several names; they are all given, joined by ``|``."""
    found: dict[int, list[str]] = {}
    for name, module in sorted(sys.modules.items()):
        file = getattr(module, "__file__", None)
        if file is None or not Path(file).resolve().is_relative_to(project):
            continue
        for attribute, value in sorted(vars(module).items()):
            found.setdefault(id(value), []).append(f"{name}.{attribute}")
    return {key: "|".join(names) for key, names in found.items()}


def route_chains(project: str, spec: str) -> dict[str, list[str]]:
    module, _, attribute = spec.partition(":")
    app = getattr(importlib.import_module(module), attribute)
    names = _globals(Path(project).resolve())
    result = {}
    for route in app.routes:
        # FastAPI >= 0.16x keeps an include as one route with a context per served route
        contexts = (
            route.effective_route_contexts()
            if hasattr(route, "effective_route_contexts")
            else [route]
        )
        for context in contexts:
            if getattr(context, "dependant", None) is None or not getattr(context, "methods", None):
                continue
            done: dict[str, None] = {}
            flattened(context.dependant, names, done)
            for method in sorted(context.methods):
                result[f"{method} {context.path}"] = list(done)
    return result


def main(project: str, *endpoints: str) -> None:
    sys.path.insert(0, project)
    if endpoints[:1] == ("--routes",):
        print(json.dumps(route_chains(project, endpoints[1]), sort_keys=True))
        return
    calls = {}
    for spec in endpoints:
        module, _, qualname = spec.partition(":")
        target: Any = importlib.import_module(module)
        for part in qualname.split("."):
            target = getattr(target, part)
        calls[spec] = target
    names = _globals(Path(project).resolve())
    result = {}
    for spec, call in calls.items():
        done: dict[str, None] = {}
        flattened(get_dependant(path="/", call=call), names, done)
        result[spec] = list(done)
    print(json.dumps(result))


if __name__ == "__main__":
    main(*sys.argv[1:])
