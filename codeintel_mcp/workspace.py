"""One repository and its analysed graph, brought up to date before each answer."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import codeintel
from codeintel_mcp.errors import ToolInputError

#: Folders codeintel never analyses, besides hidden ones and virtual environments (README, "What
#: is analysed"): a change inside them cannot change the graph, and a plan written into
#: ``.claude/`` must not cost a re-analysis.
_SKIPPED = frozenset({"node_modules", "build", "dist", "venv", "__pycache__"})

Snapshot = tuple[tuple[str, int, int], ...]


class Workspace:
    """The repository at ``root`` and its graph. Tools run on worker threads, so the graph is
    refreshed and read under one lock."""

    def __init__(self, root: Path) -> None:
        if not root.is_dir():
            raise ToolInputError(f"not a directory: {root}")
        self.root = root.resolve()
        self._lock = threading.Lock()
        self._graph: codeintel.CodeGraph | None = None
        self._snapshot: Snapshot = ()
        self._lines: dict[str, list[str]] = {}
        self.analyses = 0  # how many times the graph was built, for the tests

    def graph(self) -> codeintel.CodeGraph:
        """The graph of the files as they are now: analysed again (through the cache, so only
        changed files are parsed) when a file it was built from, a ``.gitignore`` or a folder
        changed since the last analysis."""
        with self._lock:
            if self._graph is None or _changed(self.root, self._snapshot):
                # The snapshot is taken first: an edit made during the analysis is seen next time.
                snapshot = _snapshot(self.root)
                self._graph = codeintel.analyze(self.root)
                self._snapshot = _kept(snapshot, self._graph)
                self._lines = {}
                self.analyses += 1
            return self._graph

    def lines(self, graph: codeintel.CodeGraph, file: str) -> list[str]:
        """``graph.read_lines(file)``, read once per analysis: the snapshot says the files are
        unchanged until the next one, and a search reads every file."""
        found = self._lines.get(file)
        if found is None:
            found = self._lines[file] = graph.read_lines(file)
        return found

    def relative(self, path: str, *, must_exist: bool = True) -> str:
        """``path`` (relative to the repository, or absolute inside it) as a POSIX path
        relative to the root; refuses anything that leads outside."""
        try:
            target = (self.root / path).resolve()
        except (OSError, ValueError) as exc:  # a NUL byte, a symlink loop
            raise ToolInputError(f"bad path {path!r}: {exc}") from None
        if not target.is_relative_to(self.root):
            raise ToolInputError(f"path leads outside the repository: {path}")
        if must_exist and not target.exists():
            raise ToolInputError(f"no such file or folder in the repository: {path}")
        return target.relative_to(self.root).as_posix()


def _snapshot(root: Path) -> Snapshot:
    """Size and mtime of every file and folder outside the folders analysis skips. A folder's
    mtime changes when an entry is added, removed or renamed in it, so checking the folders
    sees new files without listing them again."""
    entries: list[tuple[str, int, int]] = []
    for folder, dirs, files in os.walk(root):
        if "pyvenv.cfg" in files:
            dirs[:] = []  # a virtual environment: thousands of entries analysis never reads
            continue
        dirs[:] = [d for d in dirs if not _skipped(d)]
        relative = Path(folder).relative_to(root).as_posix()
        prefix = "" if relative == "." else f"{relative}/"
        for name in [None, *files]:
            path = f"{relative}/" if name is None else prefix + name
            try:
                stat = os.stat(root / path)
            except OSError:
                continue
            entries.append((path, stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(entries))


def _kept(snapshot: Snapshot, graph: codeintel.CodeGraph) -> Snapshot:
    """What later checks stat: ``.gitignore`` files, the files the graph was built from
    (diagnosed ones too), the folders holding them, and empty folders (where the next file may
    appear) -- not ignored folders full of data, whose churn (logs, uploads) changes nothing."""
    read = set(graph.files()) | {d.file for d in graph.diagnostics}
    kept_files = {p for p, _, _ in snapshot if not p.endswith("/") and _watched(p, read)}
    holding = {"./"} | {f"{parent}/" for path in kept_files for parent in _parents(path)}
    nonempty = {f"{parent}/" for path, _, _ in snapshot for parent in _parents(path.rstrip("/"))}
    empty = {p for p, _, _ in snapshot if p.endswith("/") and p not in nonempty}
    watched = kept_files | holding | empty
    return tuple(entry for entry in snapshot if entry[0] in watched)


def _watched(path: str, read: set[str]) -> bool:
    return path in read or path.rpartition("/")[2] == ".gitignore"


def _parents(path: str) -> list[str]:
    parts = path.split("/")[:-1]
    return ["/".join(parts[: i + 1]) for i in range(len(parts))]


def _skipped(name: str) -> bool:
    return name.startswith(".") or name in _SKIPPED or name.endswith(".egg-info")


def _changed(root: Path, snapshot: Snapshot) -> bool:
    for path, size, mtime in snapshot:
        try:
            stat = os.stat(root / path)
        except OSError:
            return True
        if (stat.st_size, stat.st_mtime_ns) != (size, mtime):
            return True
    return False
