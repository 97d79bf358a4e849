"""The pipeline: discover files, parse and extract each one (cached, in parallel), assemble the
graph."""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import contextmanager
from pathlib import Path

from codeintel.diagnostics import Diagnostic
from codeintel.errors import CodeIntelError
from codeintel.extract.workers import extract_all
from codeintel.facts.models import ModuleFacts
from codeintel.frameworks.semantics import add_semantics
from codeintel.graph.assemble import assemble
from codeintel.pipeline.cache import FactsCache, cache_folder, project_key
from codeintel.pipeline.discover import SourceFile, discover
from codeintel.pipeline.read import Job, read_python
from codeintel.pipeline.roots import name_jobs
from codeintel.query.codegraph import CodeGraph
from codeintel.resolve.evaluate import Evaluator
from codeintel.resolve.resolver import Resolver

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

    ``cache``: True for the user's cache folder (see
    ``codeintel.pipeline.cache.default_folder``), a folder, or False. ``workers``: processes to
    parse in (default: one per CPU); ``executor``: any ``concurrent.futures.Executor`` to parse
    on instead.
    """
    with _without_cyclic_gc():
        root = Path(path)
        store = _store(root, cache)
        files, diagnostics = discover(root)
        jobs, unread = read_python(root, files, max_file_size)
        jobs, naming = name_jobs(root, files, jobs)
        key = project_key(_project_parts(root, files, jobs, [*diagnostics, *unread], max_file_size))
        if store is not None and (cached := store.get_graph(root, key)) is not None:
            return CodeGraph(cached, root)
        facts, failed = _extract(jobs, store, workers, executor)
        resolver = Resolver(facts, naming.aliases)
        graph = assemble(files, resolver)
        graph.graph["import_roots"] = tuple(r.model_dump() for r in naming.roots)
        diagnostics += unread + failed
        diagnostics.extend(add_semantics(graph, Evaluator(resolver), files, root))
        graph.graph["diagnostics"] = tuple(dataclasses.asdict(d) for d in sorted(diagnostics))
        if store is not None:
            store.put_graph(root, key, graph)
        return CodeGraph(graph, root)


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
