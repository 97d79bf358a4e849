"""The on-disk cache: each file's facts, and each project's last graph, keyed by content and by
the analyser's own code."""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO

import networkx as nx

from codeintel.diagnostics import Diagnostic
from codeintel.errors import CodeIntelError
from codeintel.facts.models import ModuleFacts
from codeintel.pipeline.fingerprint import Fingerprint

Entry = ModuleFacts | Diagnostic


class FactsCache:
    """Facts of one file per cache file, and one graph per project folder, under a folder
    named for the analyser's version.

    Keys hash the bytes, never mtimes (which checkouts and CI reset); metadata only lets a warm
    run see that no file changed since its bytes were hashed (``pipeline.fingerprint``), and
    any doubt means reading them again. Writes go to a temporary
    file that is renamed into place, so two processes writing at once each leave a whole
    entry; an entry that does not load is a miss, and the next write replaces it.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder / analyser_version()

    def key(self, path: str, module: str, data: bytes) -> str:
        digest = hashlib.sha256(f"{path}\0{module}\0".encode())
        digest.update(data)
        return digest.hexdigest()

    def get(self, key: str) -> Entry | None:
        entry = self._load(self._path(key), key)
        return entry if isinstance(entry, ModuleFacts | Diagnostic) else None

    def put(self, key: str, entry: Entry) -> None:
        self._store(self._path(key), key, entry)

    def get_fingerprint(self, root: Path) -> Fingerprint | None:
        """The fingerprint of the graph last built for the project at ``root``, from a small
        index file beside it: learning that the graph is stale never costs unpickling it."""
        try:
            with open(self._graph_path(root, "index"), "rb") as handle:
                index = pickle.load(handle)
        except Exception:  # a missing, truncated, garbled or outdated entry is only a miss
            return None
        return index if isinstance(index, Fingerprint) else None

    def get_graph(self, root: Path, key: str) -> nx.MultiDiGraph | None:
        """The graph last built for the project at ``root``, if its key is ``key``. The graph
        file starts with its own key, pickled on its own, so a stale graph is never unpickled
        and an index that does not belong to it (two processes writing) only costs a miss."""
        graph = self._load(self._graph_path(root), key)
        return graph if isinstance(graph, nx.MultiDiGraph) else None

    def put_graph(
        self, root: Path, index: Fingerprint, graph: nx.MultiDiGraph, made_from: object
    ) -> None:
        """One graph per project folder, replaced on change, so the cache does not grow with
        every edit; then what it was made from (read back only when some file changed, to
        redo only what the change touches), then its index."""
        self._store(self._graph_path(root), index.key, graph)
        self._store(self._graph_path(root, "inputs"), index.key, made_from)
        self.put_fingerprint(root, index)

    def get_inputs(self, root: Path, key: str) -> object:
        """What the graph with key ``key`` was made from, as ``put_graph`` was given it; None
        when that is not the graph's key (or nothing is stored)."""
        return self._load(self._graph_path(root, "inputs"), key)

    def get_result(self, root: Path, stage: str, key: str) -> object:
        """What ``stage`` made for the project at ``root`` from the inputs ``key`` names, as
        ``put_result`` was given it; None when it last made it from others."""
        return self._load(self._graph_path(root, stage), key)

    def put_result(self, root: Path, stage: str, key: str, result: object) -> None:
        """One result per stage and project folder, replaced on change, like the graph."""
        self._store(self._graph_path(root, stage), key, result)

    def put_fingerprint(self, root: Path, index: Fingerprint) -> None:
        """Replace the index alone: after a checkout or a touch the files' metadata changed
        but not their bytes, and the next warm run should again need metadata alone."""
        self._write(self._graph_path(root, "index"), lambda out: _dump(index, out))

    def _load(self, path: Path, key: str) -> object:
        try:
            with open(path, "rb") as handle:
                if pickle.load(handle) != key:
                    return None
                return pickle.load(handle)
        except Exception:  # a missing, truncated, garbled or outdated entry is only a miss
            return None

    def _store(self, target: Path, key: str, entry: Any) -> None:
        """Write the key, then ``entry``, each pickled on its own."""

        def write(out: BinaryIO) -> None:
            _dump(key, out)
            _dump(entry, out)

        self._write(target, write)

    def _write(self, target: Path, write: Callable[[BinaryIO], None]) -> None:
        """Write to a temporary file renamed into place; a cache that cannot be written only
        costs speed, never results."""
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as handle:
                write(handle)
            os.replace(temporary, target)
        except OSError:
            Path(temporary).unlink(missing_ok=True)

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def _graph_path(self, root: Path, suffix: str = "pickle") -> Path:
        name = hashlib.sha256(str(root.resolve()).encode()).hexdigest()
        return self.folder / "graphs" / f"{name}.{suffix}"


def _dump(entry: object, handle: BinaryIO) -> None:
    pickle.dump(entry, handle, protocol=pickle.HIGHEST_PROTOCOL)


def cache_folder(setting: bool | str | Path, root: Path) -> Path | None:
    """Where the cache lives for ``analyze(cache=setting)``, or None when it is off."""
    if setting is False:
        return None
    folder = default_folder() if setting is True else Path(setting)
    if _inside(folder, root):
        raise CodeIntelError(
            f"cache folder {folder} is inside the analysed repository; "
            "set CODEINTEL_CACHE_DIR or pass cache= a folder outside it"
        )
    return folder


def default_folder() -> Path:
    """``$CODEINTEL_CACHE_DIR``, else ``$XDG_CACHE_HOME/codeintel``, else ``~/.cache/codeintel``."""
    if moved := os.environ.get("CODEINTEL_CACHE_DIR"):
        return Path(moved)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "codeintel"


@cache
def analyser_version() -> str:
    """A digest of codeintel's own source: any change to it (an extractor, the graph's
    assembly) must never meet facts or graphs the old code made."""
    here = Path(__file__).parent.parent  # the codeintel package, every stage of it
    digest = hashlib.sha256()
    for path in sorted(here.rglob("*.py")):
        digest.update(path.relative_to(here).as_posix().encode() + b"\0" + path.read_bytes())
    return f"v1-{digest.hexdigest()[:16]}"


def _inside(folder: Path, root: Path) -> bool:
    try:
        folder.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True
