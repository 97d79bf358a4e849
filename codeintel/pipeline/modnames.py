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
    init_dirs = {p.rsplit("/", 1)[0] for p in paths if p.endswith("/__init__.py")}
    if "__init__.py" in paths:
        init_dirs.add("")
    short = {p: _short_name(p, init_dirs) for p in paths}
    counts = Counter(short.values())
    return {p: (name if counts[name] == 1 else path_name(p)) for p, name in short.items()}


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
