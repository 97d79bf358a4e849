"""Where the projects are: the folders that define one, uv workspace membership, and which
project holds each file."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable

from codeintel.config.reader import ConfigReader, strings, table
from codeintel.pipeline.layout import is_test_path


def join(folder: str, name: str) -> str:
    return f"{folder}/{name}" if folder else name


def parent(path: str) -> str:
    return path.rpartition("/")[0]


def upward(folder: str) -> list[str]:
    """``folder`` and every folder above it, nearest first, ending with the root ("")."""
    found = [folder]
    while folder:
        folder = parent(folder)
        found.append(folder)
    return found


def relative(folder: str, path: str) -> str:
    return path[len(folder) + 1 :] if folder else path


class Layout:
    """Which folders are projects, and which project holds each file."""

    def __init__(self, reader: ConfigReader, python_files: list[str]) -> None:
        self.reader = reader
        self.python_files = python_files
        self.defining: dict[str, str | None] = {"": None}
        for path in sorted(reader.paths):  # pyproject.toml sorts before requirements*
            if path.rpartition("/")[2] == "pyproject.toml":
                self.defining[parent(path)] = path
        for path in sorted(reader.paths):
            if reader.kinds[path] == "requirements":
                self.defining.setdefault(requirements_owner(path), path)
        self.folders = sorted(self.defining)
        self.members = _workspace_members(reader, self.folders)
        self._nearest: dict[str, str] = {}

    def nearest(self, path: str) -> str:
        """The folder of the project that holds ``path``."""
        if path not in self._nearest:  # asked once per import and project: keep the answers
            self._nearest[path] = nearest_project(path, self.defining)
        return self._nearest[path]

    def chain(self, folder: str) -> list[str]:
        """The project at ``folder`` and the projects enclosing it, nearest first."""
        return [f for f in upward(folder) if f in self.defining]


def nearest_project(path: str, folders: Iterable[str]) -> str:
    """The folder, among project ``folders`` (the root's "" always one), that holds ``path``."""
    known = set(folders)
    return next((f for f in upward(parent(path)) if f in known), "")


def requirements_owner(path: str) -> str:
    """A requirements file belongs to its folder's project, or, in a ``requirements/`` folder,
    to the folder above."""
    folder = parent(path)
    return parent(folder) if folder.rpartition("/")[2] == "requirements" else folder


def _workspace_members(reader: ConfigReader, folders: list[str]) -> dict[str, str]:
    """Project folder -> "file:line" of the ``[tool.uv.workspace]`` whose ``members`` match it
    (uv's globs, relative to the workspace root; ``exclude`` wins)."""
    found: dict[str, str] = {}
    for folder in folders:
        path = join(folder, "pyproject.toml")
        workspace = table(table(table(reader.toml(path).get("tool")).get("uv")).get("workspace"))
        if not workspace:
            continue
        where = f"{path}:{reader.line_of(path, '[tool.uv.workspace]')}"
        members = strings(workspace.get("members"))
        excluded = strings(workspace.get("exclude"))
        for candidate in folders:
            if candidate == folder or not encloses(folder, candidate):
                continue
            inside = relative(folder, candidate)
            if _glob(inside, members) and not _glob(inside, excluded):
                found.setdefault(candidate, where)
    return found


def encloses(folder: str, other: str) -> bool:
    """Whether ``other`` is inside ``folder`` (everything is inside the root's "")."""
    return not folder or other.startswith(folder + "/")


def _glob(path: str, patterns: list[str]) -> bool:
    parts = path.split("/")
    for pattern in patterns:
        wanted = pattern.strip("/").removeprefix("./").split("/")
        if len(wanted) == len(parts) and all(
            fnmatch.fnmatchcase(p, w) for p, w in zip(parts, wanted, strict=True)
        ):
            return True
    return False


def package_dirs(folder: str, python_files: list[str]) -> tuple[str, ...]:
    """Top-level packages of the project (``src/`` layouts included) that are not tests."""
    found = set()
    for path in python_files:
        parts = relative(folder, path).split("/")
        prefix = join(folder, "")
        if parts[0] == "src" and len(parts) > 2:
            parts = parts[1:]
            prefix += "src/"
        if len(parts) == 2 and parts[1] == "__init__.py" and not is_test_path(path):
            found.add(prefix + parts[0])
    return tuple(sorted(found))
