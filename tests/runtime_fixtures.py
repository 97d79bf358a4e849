"""Ask pytest itself which fixture definition each test gets: ``runtime_fixtures.py PROJECT``.

Prints JSON: {"chosen": {nodeid: {fixture name: [file, function qualname, scope, argnames]}}} for
fixtures defined inside PROJECT, as pytest resolved them (the closest definition wins), and
{"requests": {nodeid: [argument names]}}: the names the test function itself asks fixtures for
(pytest's ``argnames``: no ``self``, defaults, ``*args``, mock-patched or parametrized names),
and {"uses": {nodeid: [names]}}: those its ``usefixtures`` marks add.
"""

from __future__ import annotations

import functools
import inspect
import json
import sys
from pathlib import Path
from typing import Any

import pytest

# Python put this folder first on sys.path: a project's own module named like one here
# (a top-level ``helpers``) must not be hidden by it.
if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    del sys.path[0]

ROOT = Path(sys.argv[1]).resolve()
found: dict[str, dict[str, list[Any]]] = {}
requested: dict[str, list[str]] = {}
used: dict[str, list[str]] = {}


class Collector:
    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        for item in items:
            info = getattr(item, "_fixtureinfo", None)
            if info is None:
                continue
            chosen = {}
            for name, definitions in info.name2fixturedefs.items():
                definition = definitions[-1]
                func = _written(definition.func)
                try:
                    source = Path(inspect.getsourcefile(func) or "").resolve()
                except TypeError:  # a builtin or C function: defined by no project file
                    continue
                if not source.is_relative_to(ROOT):
                    continue
                chosen[name] = [
                    source.relative_to(ROOT).as_posix(),
                    func.__qualname__,
                    definition.scope,
                    list(definition.argnames),
                ]
            found[item.nodeid] = chosen
            callspec = getattr(item, "callspec", None)
            # Names a direct parametrize fills are no fixtures; a fixture's own params= and an
            # indirect parametrize also land in callspec.params, but the test asks for them.
            params = callspec.params if callspec is not None else {}
            parametrized = {n for n in params if _direct(info.name2fixturedefs.get(n))}
            requested[item.nodeid] = sorted(set(info.argnames) - parametrized)
            marks = item.iter_markers(name="usefixtures")
            used[item.nodeid] = sorted({name for mark in marks for name in mark.args})


def _written(func: Any) -> Any:
    """The function as written: pytest-asyncio wraps async fixtures, pytest-factoryboy partials."""
    func = inspect.unwrap(func)
    while isinstance(func, functools.partial):
        func = inspect.unwrap(func.func)
    return func


def _direct(definitions: Any) -> bool:
    """Whether a parametrized name is filled directly (pytest stands a stand-in fixture for
    it, or none in older versions), not by a fixture of the project's."""
    func = getattr(definitions[-1], "func", None) if definitions else None
    return func is None or func.__name__ == "get_direct_param_fixture_func"


if __name__ == "__main__":
    code = pytest.main(
        # Collection only; a project's warnings-as-errors setting must not stop it.
        [
            "--collect-only",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:warnings",
            "--no-cov",
            str(ROOT),
        ],
        plugins=[Collector()],
    )
    view = {"chosen": found, "requests": requested, "uses": used}
    sys.stdout.write(json.dumps(view, sort_keys=True))
