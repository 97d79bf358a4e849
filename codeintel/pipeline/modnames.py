"""Module names: the dotted name Python would import each project file under."""

from __future__ import annotations

from collections import Counter


def module_names(paths: list[str]) -> dict[str, str]:
    """Map each ``.py`` path to its module name.

    A file's name starts at its topmost ancestor package (a folder holding an ``__init__.py``),
    which is how ``src/`` and ``backend/app/`` layouts import; folders without one below it are
    namespace packages, importable all the same. A file with no package above it is named by
    its stem, as pytest's rootdir-relative import does. Names
    that would collide (two ``tests/conftest.py`` style files in plain folders) fall back to the
    full dotted path, so every module keeps a unique, stable name.
    """
    return unique_names(chain_names(paths))


def chain_names(paths: list[str]) -> dict[str, str]:
    """Each path's name from the top of its chain of packages, before names two files
    would share fall back to their whole paths."""
    init_dirs = {p.rsplit("/", 1)[0] for p in paths if p.endswith("/__init__.py")}
    if "__init__.py" in paths:
        init_dirs.add("")
    return {p: _short_name(p, init_dirs) for p in paths}


def unique_names(short: dict[str, str]) -> dict[str, str]:
    """Each path's ``short`` name, or its full dotted path where that name would be shared,
    for every module of the package it belongs to: of two services that each hold an ``app``
    package, a module only one of them has is named by its path as its siblings are, so
    ``from app.api import health`` there finds it under its package."""
    counts = Counter(short.values())
    shared = {package_of(p, n) for p, n in short.items() if counts[n] > 1}
    return {
        p: (n if counts[n] == 1 and package_of(p, n) not in shared else path_name(p))
        for p, n in short.items()
    }


def package_of(path: str, short: str) -> str:
    """The top package a file's short name starts from, by its whole path (``svc/app``)."""
    full = path_name(path)
    start = full[: len(full) - len(short)] if full.endswith(short) else ""
    return start + short.partition(".")[0]


def path_name(path: str) -> str:
    """The dotted name made from the whole path (``a/b/c.py`` -> ``a.b.c``)."""
    parts = path[: -len(".py")].split("/")
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts) or "__init__"


def is_package(path: str) -> bool:
    return path == "__init__.py" or path.endswith("/__init__.py")


def _short_name(path: str, init_dirs: set[str]) -> str:
    parts = path[: -len(".py")].split("/")
    folders = parts[:-1]
    tops = [i for i in range(1, len(folders) + 1) if "/".join(folders[:i]) in init_dirs]
    start = tops[0] - 1 if tops else len(folders)
    name_parts = parts[start:]
    if name_parts[-1] == "__init__":
        name_parts.pop()
    return ".".join(name_parts) or path_name(path)
