"""Discovery: which files of a repository to analyse, as sorted repo-relative POSIX paths."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from codeintel.diagnostics import Diagnostic
from codeintel.pipeline.ignore import Rules, compile_rules, ignored
from codeintel.pipeline.tracked import tracked_files

#: Directories nobody wants analysed: VCS data, environments, caches, build output.
SKIP_DIRS = frozenset({"__pycache__", "node_modules", "site-packages", "htmlcov"})
#: Output and environment folders by convention, unless they are (or sit in) a package of the
#: project's own (onyx's ``onyx/server/features/build/``, 63 routes).
OUTPUT_DIRS = frozenset({"build", "dist", "venv"})

CONFIG_NAMES = frozenset(
    {
        "pyproject.toml",
        "setup.cfg",
        "pytest.toml",
        ".pytest.toml",
        "pytest.ini",
        ".pytest.ini",
        "tox.ini",
        ".coveragerc",
        ".coveragerc.toml",
        "mypy.ini",
        ".mypy.ini",
        "ruff.toml",
        ".ruff.toml",
        ".flake8",
        "pyrightconfig.json",
        "Makefile",
        "Pipfile",
    }
)
LOCK_NAMES = frozenset({"uv.lock", "poetry.lock", "pdm.lock", "Pipfile.lock"})
DOC_NAMES = frozenset({"llms.txt", "CLAUDE.md", "AGENTS.md"})


@dataclass(frozen=True)
class SourceFile:
    """A file worth analysing: its repo-relative POSIX path and what kind of file it is."""

    path: str
    kind: str  # "python" | "config" | "requirements" | "lock" | "doc"


def classify(relpath: str) -> str | None:
    """The kind of file at ``relpath``, or None when it is not one we analyse."""
    name = relpath.rsplit("/", 1)[-1]
    if name.endswith(".py"):
        return "python"
    if name in CONFIG_NAMES:
        return "config"
    if name in LOCK_NAMES:
        return "lock"
    if fnmatch.fnmatchcase(name, "requirements*.txt") or fnmatch.fnmatchcase(
        name, "requirements*.in"
    ):
        return "requirements"
    if f"/{relpath}".rsplit("/", 2)[-2] == "requirements" and name.endswith((".txt", ".in")):
        return "requirements"
    if name in DOC_NAMES or name.startswith("README"):
        return "doc"
    if relpath.startswith("docs/") and name.endswith((".md", ".txt", ".rst")):
        return "doc"
    return None


#: What a listing depended on: each folder read (and each ``.gitignore`` and skipped output
#: folder looked into) with its stat signature, or None for a path that did not exist.
Folders = dict[str, tuple[int, int] | None]


@dataclass(frozen=True)
class Listing:
    """A discovery's result and what it was read from: while no folder's entries change
    (which changes its mtime) and no ``.gitignore`` changes, it is the same."""

    files: tuple[SourceFile, ...]
    diagnostics: tuple[Diagnostic, ...]
    folders: Folders


def discover(root: Path) -> tuple[list[SourceFile], list[Diagnostic]]:
    """Walk ``root`` and return the files to analyse, sorted by path, plus diagnostics."""
    listing = list_files(root)
    return list(listing.files), list(listing.diagnostics)


def same_listing(root: Path, listing: Listing) -> bool:
    """Whether ``listing`` still holds, from one stat per folder it read."""
    return all(_signature(os.path.join(root, p)) == s for p, s in listing.folders.items())


def list_files(root: Path) -> Listing:
    """``discover``'s answer, with what it depended on."""
    files: list[SourceFile] = []
    diagnostics: list[Diagnostic] = []
    folders: Folders = {}
    links = False
    tracked = _Tracked(root, folders)
    for relpath, entry in _walk(root, "", [], diagnostics, folders, tracked):
        links = links or entry.is_symlink()
        kind = classify(relpath)
        if kind is None:
            continue
        problem = _problem(root, entry)
        if problem is not None:
            diagnostics.append(Diagnostic(problem[0], relpath, 0, problem[1]))
            continue
        files.append(SourceFile(relpath, kind))
    files.sort(key=lambda f: f.path)
    if links:  # a link's target may appear or go without its folder changing
        folders[""] = None
    return Listing(tuple(files), tuple(sorted(diagnostics)), folders)


def _signature(path: str) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_mtime_ns, status.st_ino


class _Tracked:
    """What git tracks, read from its index the first time a ``.gitignore`` leaves a path
    out (a ``lib/`` rule from GitHub's template over a project's own ``app/lib/``): a
    tracked path is in every clone all the same."""

    def __init__(self, root: Path, folders: Folders) -> None:
        self.root, self.folders = root, folders
        self._files: frozenset[str] | None = None
        self._dirs: frozenset[str] = frozenset()

    def holds(self, relpath: str, is_dir: bool) -> bool:
        if self._files is None:
            self._files, index = tracked_files(self.root)
            self._dirs = frozenset(_folders_of(self._files))
            if index is not None:  # a listing holds while the index does
                self.folders[os.path.relpath(index, self.root)] = _signature(str(index))
        return relpath in (self._dirs if is_dir else self._files)


def _folders_of(files: frozenset[str]) -> set[str]:
    """Every folder holding one of ``files``, however deep."""
    found = set()
    for path in files:
        while "/" in path:
            path = path.rpartition("/")[0]
            found.add(path)
    return found


def _walk(
    root: Path,
    prefix: str,
    ignores: list[Rules],
    diagnostics: list[Diagnostic],
    folders: Folders,
    tracked: _Tracked,
    only_tracked: bool = False,
) -> Iterator[tuple[str, os.DirEntry[str]]]:
    """Each entry to analyse under ``prefix``; below a folder a ``.gitignore`` leaves out
    but git tracks files in (``only_tracked``), only those."""
    directory = root / prefix if prefix else root
    folders[prefix] = _signature(str(directory))
    gitignore = folders[f"{prefix}.gitignore"] = _signature(str(directory / ".gitignore"))
    if gitignore is not None:  # one stat tells both whether it exists and what to compare
        ignores = ignores + _gitignore(directory, prefix, diagnostics)
    try:
        entries = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError as exc:
        diagnostics.append(Diagnostic("CI101", prefix or ".", 0, f"cannot list directory: {exc}"))
        return
    for entry in entries:
        relpath = f"{prefix}{entry.name}"
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
            is_link = entry.is_symlink()
        except OSError:
            continue
        if is_link and _is_dir_link(entry):
            folders[""] = None  # its target may change without any folder changing
            # Directory links are never followed: they are how loops and escapes happen, and a
            # link to a folder inside the repo would only analyse the same files twice.
            if not ignored(relpath, True, ignores):
                diagnostics.append(Diagnostic("CI105", relpath, 0, "directory link not followed"))
            continue
        if is_dir:
            if not _named_away(entry.name):  # what it holds may decide (pyvenv.cfg, __init__)
                folders[relpath] = _signature(entry.path)
            if _skip_dir(entry):
                continue
            left_out = only_tracked or ignored(relpath, True, ignores)
            if left_out and not tracked.holds(relpath, True):
                continue
            yield from _walk(root, relpath + "/", ignores, diagnostics, folders, tracked, left_out)
        elif only_tracked or ignored(relpath, False, ignores):
            # only a file we would analyse asks git (an ignored ``.env`` or ``*.log`` never)
            if classify(relpath) is not None and tracked.holds(relpath, False):
                yield relpath, entry
        else:
            yield relpath, entry


def _named_away(name: str) -> bool:
    return name.startswith(".") or name in SKIP_DIRS or name.endswith(".egg-info")


def _skip_dir(entry: os.DirEntry[str]) -> bool:
    name = entry.name
    if _named_away(name):
        return True
    if name in OUTPUT_DIRS and not _in_package(entry.path):
        return True
    return os.path.exists(os.path.join(entry.path, "pyvenv.cfg"))


def _in_package(folder: str) -> bool:
    """Whether a folder is a package, or a namespace package inside one."""
    parent = os.path.dirname(folder)
    return any(os.path.exists(os.path.join(f, "__init__.py")) for f in (folder, parent))


def _is_dir_link(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=True)
    except OSError:  # a dangling link or a loop
        return False


def _problem(root: Path, entry: os.DirEntry[str]) -> tuple[str, str] | None:
    """Why a file must not be read, as (code, message), or None when it is fine.

    Reading a named pipe would wait forever, and a device may never end, so only regular
    files are read; links must resolve to one inside the repository.
    """
    try:
        if entry.is_symlink():
            try:
                target = Path(entry.path).resolve(strict=True)
            except (OSError, RuntimeError):
                return "CI105", "link is dangling or loops; not followed"
            if not target.is_relative_to(root.resolve()):
                return "CI105", "link points outside the repository; not followed"
        if not entry.is_file():
            return "CI101", "not a regular file (a pipe, socket or device); not read"
    except OSError as exc:
        return "CI101", f"cannot inspect: {exc.strerror or exc}"
    return None


def _gitignore(directory: Path, prefix: str, diagnostics: list[Diagnostic]) -> list[Rules]:
    path = directory / ".gitignore"
    if not path.is_file():
        return []
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        diagnostics.append(Diagnostic("CI101", f"{prefix}.gitignore", 0, str(exc)))
        return []
    return [compile_rules(prefix, text)]
