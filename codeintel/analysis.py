"""The pipeline: discover files, parse and extract each one (cached, in parallel), assemble the
graph."""

from __future__ import annotations

import dataclasses
import gc
import os
from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import contextmanager
from pathlib import Path

from codeintel.assemble import Resolver, assemble
from codeintel.cache import FactsCache, cache_folder, project_key
from codeintel.codegraph import CodeGraph
from codeintel.diagnostics import Diagnostic
from codeintel.discover import SourceFile, discover
from codeintel.errors import CodeIntelError
from codeintel.evaluate import Evaluator
from codeintel.models import ModuleFacts
from codeintel.roots import Naming, name_modules
from codeintel.semantics import add_semantics
from codeintel.workers import Job, extract_all

#: Larger files are almost always generated; parsing them costs much and tells little.
DEFAULT_MAX_FILE_SIZE = 2_000_000


def analyze(
    path: str | Path,
    *,
    max_file_size: int = DEFAULT_MAX_FILE_SIZE,
    cache: bool | str | Path = True,
    workers: int | None = None,
    executor: Executor | None = None,
) -> CodeGraph:
    """Analyse the project at ``path`` without running it. Bad files become diagnostics.

    ``cache``: True for the user's cache folder (see ``codeintel.cache.default_folder``), a
    folder, or False. ``workers``: processes to parse in (default: one per CPU); ``executor``:
    any ``concurrent.futures.Executor`` to parse on instead.
    """
    with _without_cyclic_gc():
        root = Path(path)
        store = _store(root, cache)
        files, diagnostics = discover(root)
        jobs, unread = _read_python(root, files, max_file_size)
        naming = _naming(root, files, jobs)
        jobs = [dataclasses.replace(j, module=naming.names[j.path]) for j in jobs]
        key = project_key(_project_parts(root, files, jobs, [*diagnostics, *unread], max_file_size))
        if store is not None and (cached := store.get_graph(root, key)) is not None:
            return CodeGraph(cached, root)
        facts, failed = _extract(jobs, store, workers, executor)
        resolver = Resolver(facts, naming.aliases)
        graph = assemble(files, resolver)
        graph.graph["import_roots"] = tuple(dataclasses.asdict(r) for r in naming.roots)
        diagnostics += unread + failed
        diagnostics.extend(add_semantics(graph, Evaluator(resolver), files, root))
        graph.graph["diagnostics"] = tuple(dataclasses.asdict(d) for d in sorted(diagnostics))
        if store is not None:
            store.put_graph(root, key, graph)
        return CodeGraph(graph, root)


def resolve_project(
    root: Path, *, max_file_size: int = DEFAULT_MAX_FILE_SIZE
) -> tuple[list[SourceFile], Resolver, list[Diagnostic]]:
    """Discover, parse and extract every file (here, uncached), and index the facts for name
    resolution: what the fact extractors start from."""
    _require_folder(root)
    files, diagnostics = discover(root)
    jobs, unread = _read_python(root, files, max_file_size)
    naming = _naming(root, files, jobs)
    jobs = [dataclasses.replace(j, module=naming.names[j.path]) for j in jobs]
    facts, failed = _extract(jobs, None, 1, None)
    return files, Resolver(facts, naming.aliases), [*diagnostics, *unread, *failed]


@contextmanager
def _without_cyclic_gc() -> Iterator[None]:
    """Analysis allocates millions of small objects and almost no garbage cycles; the cyclic
    collector, woken every few hundred allocations, rescanned them all and cost a third of a
    run on 2,000 modules. Reference counting still frees everything; the collector runs
    again, as before, once analysis returns."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _require_folder(root: Path) -> None:
    if not root.is_dir():
        raise CodeIntelError(f"not a directory: {root}")


def _store(root: Path, cache: bool | str | Path) -> FactsCache | None:
    _require_folder(root)
    folder = cache_folder(cache, root)
    return FactsCache(folder) if folder is not None else None


def _read_python(
    root: Path, files: list[SourceFile], max_file_size: int
) -> tuple[list[Job], list[Diagnostic]]:
    jobs: list[Job] = []
    diagnostics: list[Diagnostic] = []
    for source in files:
        if source.kind == "python":
            job = _read(root, source.path, max_file_size)
            if isinstance(job, Diagnostic):
                diagnostics.append(job)
            else:
                jobs.append(job)
    return jobs, diagnostics


def _read(root: Path, path: str, max_file_size: int) -> Job | Diagnostic:
    try:
        # One open and fstat per file: pathlib's joins cost more than the reading.
        with open(os.path.join(root, path), "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > max_file_size:
                message = f"{size} bytes is over the {max_file_size} byte cap"
                return Diagnostic("CI104", path, 0, message)
            data = handle.read()
    except OSError as exc:
        return Diagnostic("CI101", path, 0, f"cannot read: {exc.strerror or exc}")
    return Job(path, "", data)  # named once every file is read: see _naming


def _project_parts(
    root: Path,
    files: list[SourceFile],
    jobs: list[Job],
    diagnostics: list[Diagnostic],
    max_file_size: int,
) -> Iterator[bytes]:
    """Everything the graph depends on: config and docs are read by the fact extractors."""
    yield f"max_file_size={max_file_size}".encode()
    yield from (str(d).encode() for d in sorted(diagnostics))
    yield from (f"{j.path}\0{j.module}\0".encode() + j.data for j in jobs)
    for source in files:
        if source.kind != "python":
            try:
                data = (root / source.path).read_bytes()
            except OSError as exc:
                data = str(exc).encode()
            yield f"{source.path}\0{source.kind}\0".encode() + data


def _extract(
    jobs: list[Job], store: FactsCache | None, workers: int | None, executor: Executor | None
) -> tuple[list[ModuleFacts], list[Diagnostic]]:
    """Facts of every file: from the cache where its bytes were seen before, else parsed."""
    keys = [store.key(j.path, j.module, j.data) if store else "" for j in jobs]
    results = [store.get(k) if store else None for k in keys]
    missing = [i for i, result in enumerate(results) if result is None]
    todo = [dataclasses.replace(jobs[i], key=keys[i]) for i in missing]
    parsed = extract_all(todo, workers=workers, executor=executor, store=store)
    for index, result in zip(missing, parsed, strict=True):
        results[index] = result
    facts = [r for r in results if isinstance(r, ModuleFacts)]
    return facts, [r for r in results if isinstance(r, Diagnostic)]


def _naming(root: Path, files: list[SourceFile], jobs: list[Job]) -> Naming:
    """Module names need every file's imports and the packaging settings, so they are decided
    after reading and before parsing (a file's facts depend on its module name)."""
    configs: dict[str, bytes] = {}
    for source in files:
        if source.path.rpartition("/")[2] == "pyproject.toml":
            try:
                configs[source.path] = (root / source.path).read_bytes()
            except OSError:
                continue  # reported by the configuration reader
    return name_modules({j.path: j.data for j in jobs}, configs)
