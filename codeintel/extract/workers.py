"""Parsing and extracting many files at once: in this process, in worker processes, or on any
``concurrent.futures.Executor``."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor, as_completed

from codeintel.diagnostics import Diagnostic
from codeintel.extract.symbols import extract_module
from codeintel.facts.models import ModuleFacts
from codeintel.pipeline.cache import FactsCache
from codeintel.pipeline.modnames import is_package
from codeintel.pipeline.parse import parse_python
from codeintel.pipeline.read import Job

#: Below this many files a pool costs more to start than it saves.
_MIN_FILES_FOR_POOL = 64
#: Files per task: large enough to amortise pickling, small enough to balance two cores.
_BATCH = 16


Result = ModuleFacts | Diagnostic


def extract(job: Job) -> Result:
    """Parse and extract one file; a bad file is a diagnostic, never an error."""
    parsed = parse_python(job.path, job.data)
    if isinstance(parsed, Diagnostic):
        return parsed
    try:
        return extract_module(parsed, job.path, job.module, is_package(job.path))
    except RecursionError:
        return Diagnostic("CI107", job.path, 0, "nesting too deep to analyse")
    except Exception as exc:  # a bug meeting an unforeseen shape: this file only, reported
        return Diagnostic("CI107", job.path, 0, f"not analysed ({type(exc).__name__}: {exc})")


def extract_all(
    jobs: Sequence[Job],
    *,
    workers: int | None,
    executor: Executor | None,
    store: FactsCache | None = None,
) -> list[Result]:
    """Results in the order of ``jobs``, each stored in ``store`` under its job's key.
    ``executor`` wins over ``workers``; with neither, or with few files, the work runs here."""
    if executor is not None:
        # A lent executor may run on other machines, whose disks are not our cache.
        results = _run(executor, jobs, None)
        for job, result in zip(jobs, results, strict=True):
            _store(store, job, result)
        return results
    count = workers if workers is not None else (os.cpu_count() or 1)
    if count <= 1 or len(jobs) < _MIN_FILES_FOR_POOL:
        report = _progress(len(jobs))
        results = []
        for job in jobs:
            results.append(_extract_stored(job, store))
            report(1)
        return results
    with ProcessPoolExecutor(max_workers=count) as pool:
        return _run(pool, jobs, store)


def _extract_stored(job: Job, store: FactsCache | None) -> Result:
    result = extract(job)
    _store(store, job, result)
    return result


def _store(store: FactsCache | None, job: Job, result: Result) -> None:
    if store is not None and job.key:
        store.put(job.key, result)


def _run(executor: Executor, jobs: Sequence[Job], store: FactsCache | None) -> list[Result]:
    # Biggest files first, so the last batches are short and no worker idles at the end.
    order = sorted(range(len(jobs)), key=lambda i: (-len(jobs[i].data), i))
    batches = [order[i : i + _BATCH] for i in range(0, len(order), _BATCH)]
    futures: dict[Future[list[Result]], list[int]] = {
        executor.submit(_extract_batch, [jobs[i] for i in batch], store): batch for batch in batches
    }
    results: list[Result | None] = [None] * len(jobs)
    report = _progress(len(jobs))
    for future in as_completed(futures):
        batch = futures[future]
        for index, result in zip(batch, future.result(), strict=True):
            results[index] = result
        report(len(batch))
    return [r for r in results if r is not None]


def _extract_batch(jobs: list[Job], store: FactsCache | None) -> list[Result]:
    """One task: workers write their results to the cache themselves, in parallel."""
    return [_extract_stored(job, store) for job in jobs]


def _progress(total: int) -> Callable[[int], None]:
    """Files done / total on stderr, only for a person watching a terminal."""
    if total < _MIN_FILES_FOR_POOL or not sys.stderr.isatty():
        return lambda done: None
    state = {"done": 0}

    def report(done: int) -> None:
        state["done"] += done
        end = "\n" if state["done"] == total else ""
        print(f"\rcodeintel: parsed {state['done']}/{total} files", end=end, file=sys.stderr)

    return report
