"""The pipeline: discover files, parse and extract each one (cached, in parallel), assemble the
graph."""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import sys
import time
from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import contextmanager
from pathlib import Path

import networkx as nx

from codeintel.diagnostics import Diagnostic
from codeintel.errors import CodeIntelError
from codeintel.extract.workers import extract_all
from codeintel.facts.models import ModuleFacts
from codeintel.frameworks.semantics import add_semantics
from codeintel.frameworks.write import add_unparsed
from codeintel.graph.assemble import Inputs, assemble, reassemble
from codeintel.pipeline.cache import FactsCache, cache_folder
from codeintel.pipeline.discover import Listing, SourceFile, list_files, same_listing
from codeintel.pipeline.fingerprint import Fingerprint, fingerprint, trusted, unchanged
from codeintel.pipeline.read import Job, read_python
from codeintel.pipeline.roots import Naming, name_jobs
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
        previous = store.get_fingerprint(root) if store is not None else None
        listed = time.time_ns()
        listing = _listing(root, previous)
        files, diagnostics = list(listing.files), list(listing.diagnostics)
        if store is not None and previous is not None:
            warm = _unchanged(store, root, files, diagnostics, max_file_size, previous)
            if warm is not None:
                return CodeGraph(warm, root)
        started = time.time_ns()
        jobs, unread = read_python(root, files, max_file_size)
        stamp = fingerprint(root, files, jobs, [*diagnostics, *unread], max_file_size, started)
        stamp = dataclasses.replace(stamp, listing=trusted(listing, listed))
        if store is not None and (cached := _same_bytes(store, root, stamp, previous)) is not None:
            return CodeGraph(cached, root)
        jobs, naming = name_jobs(root, files, jobs)
        graph, inputs, found = _build(root, files, jobs, naming, store, previous, workers, executor)
        diagnostics += unread + found
        graph.graph["diagnostics"] = tuple(dataclasses.asdict(d) for d in sorted(diagnostics))
        if store is not None:
            store.put_graph(root, stamp, graph, inputs)
        return CodeGraph(graph, root)


def _build(
    root: Path,
    files: list[SourceFile],
    jobs: list[Job],
    naming: Naming,
    store: FactsCache | None,
    previous: Fingerprint | None,
    workers: int | None,
    executor: Executor | None,
) -> tuple[nx.MultiDiGraph, Inputs | None, list[Diagnostic]]:
    """The graph, what it was assembled from, and the diagnostics of parsing and semantics.
    Every file's facts die when this returns: writing the graph to the cache, which holds a
    memo of its every object, then never meets them (a third of the peak on 10,000 modules)."""
    facts, found = _extract(jobs, store, workers, executor)
    resolver = Resolver(facts, naming.aliases, naming.scoped)
    keys = {j.module: store.key(j.path, j.module, j.data) for j in jobs} if store else {}
    keys = {m: k for m, k in keys.items() if m in resolver.modules}
    graph, inputs = _assemble(store, root, previous, files, keys, resolver)
    graph.graph["import_roots"] = tuple(r.model_dump() for r in naming.roots)
    unparsed = {p: m for p, m in naming.names.items() if m not in resolver.modules}
    add_unparsed(graph, unparsed)
    memo = _Memo(store, root, keys, naming) if store is not None else None
    found += add_semantics(graph, Evaluator(resolver), files, root, memo)
    return graph, inputs, found


class _Memo:
    """A stage's last result for ``root``, kept in the cache, keyed by the bytes of the
    modules it read and by how every module is named (which decides what each name means)."""

    def __init__(self, store: FactsCache, root: Path, keys: dict[str, str], naming: Naming):
        self.store, self.root, self.keys = store, root, keys
        scoped = sorted((k, sorted(v.items())) for k, v in naming.scoped.items())
        self.naming = repr((sorted(naming.aliases.items()), scoped)).encode()

    def key(self, modules: list[str]) -> str:
        digest = hashlib.sha256(self.naming)
        for module in modules:
            digest.update(f"\0{module}\0{self.keys[module]}".encode())
        return digest.hexdigest()

    def recall(self, stage: str, key: str) -> object:
        return self.store.get_result(self.root, stage, key)

    def keep(self, stage: str, key: str, result: object) -> None:
        self.store.put_result(self.root, stage, key, result)


@contextmanager
def _without_cyclic_gc() -> Iterator[None]:
    """Analysis allocates millions of small objects and almost no garbage cycles; the cyclic
    collector, woken every few hundred allocations, rescanned them all and cost a third of a
    run on 2,000 modules. Reference counting still frees everything; the collector runs
    again, as before, once analysis returns.

    What analysis leaves alive is frozen first (moved where the collector never looks), or
    switching the collector back on would scan it all at the next allocations, and again each
    time it is promoted (0.6 s of allocations after a changed run on mealie). Freezing does not
    stop reference counting from freeing the graph, but a frozen garbage cycle is never
    collected, and analysis in this process makes some (``ast.literal_eval``'s closures: about
    1,400 objects a changed run on mealie). So once the memory in use has doubled since the
    last sweep, the frozen objects are unfrozen and collected first: a full collection,
    amortised over the runs that doubled it, bounds what is kept to the live objects. Memory
    in use is read from the allocator in microseconds; counting the frozen objects walks
    them all (a fifth of a warm run on mealie)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            _freeze()
            gc.enable()


class _Sweeps:
    """The allocator's blocks in use after the last sweep; None before the first freeze."""

    blocks: int | None = None


def _freeze() -> None:
    gc.freeze()
    blocks = sys.getallocatedblocks()
    if _Sweeps.blocks is None:
        _Sweeps.blocks = blocks
    elif blocks > 2 * _Sweeps.blocks:
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        _Sweeps.blocks = sys.getallocatedblocks()


def _listing(root: Path, previous: Fingerprint | None) -> Listing:
    """The files to analyse: the last run's, when no folder it read has changed since."""
    before = previous.listing if previous is not None else None
    return before if before is not None and same_listing(root, before) else list_files(root)


def _require_folder(root: Path) -> None:
    if not root.is_dir():
        raise CodeIntelError(f"not a directory: {root}")


def _store(root: Path, cache: bool | str | Path) -> FactsCache | None:
    _require_folder(root)
    folder = cache_folder(cache, root)
    return FactsCache(folder) if folder is not None else None


def _unchanged(
    store: FactsCache,
    root: Path,
    files: list[SourceFile],
    diagnostics: list[Diagnostic],
    max_file_size: int,
    previous: Fingerprint,
) -> nx.MultiDiGraph | None:
    """The cached graph, when no file's metadata changed since it was built: no file read."""
    if not unchanged(root, files, diagnostics, max_file_size, previous):
        return None
    return store.get_graph(root, previous.key)


def _same_bytes(
    store: FactsCache, root: Path, stamp: Fingerprint, previous: Fingerprint | None
) -> nx.MultiDiGraph | None:
    """The cached graph, when the bytes are the ones it was built from though metadata said
    otherwise (a checkout, a touch, a file just written); the index then learns the new
    metadata, so the next warm run needs metadata alone again."""
    graph = store.get_graph(root, stamp.key)
    if graph is not None and (previous is None or previous.seen != stamp.seen):
        store.put_fingerprint(root, stamp)
    return graph


def _assemble(
    store: FactsCache | None,
    root: Path,
    previous: Fingerprint | None,
    files: list[SourceFile],
    keys: dict[str, str],
    resolver: Resolver,
) -> tuple[nx.MultiDiGraph, Inputs | None]:
    """The graph's assembly, patched from the last graph built for ``root`` where only some
    modules changed since (``keys``: each module's facts' key)."""
    if store is None:
        return assemble(files, resolver), None
    before = None
    if previous is not None:
        graph = store.get_graph(root, previous.key)
        inputs = store.get_inputs(root, previous.key)
        if graph is not None and isinstance(inputs, Inputs):
            before = graph, inputs
    return reassemble(files, resolver, keys, before)


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
