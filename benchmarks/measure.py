"""Measure one project: every step of the benchmark on the same files, printed as JSON.

Run by ``python -m benchmarks`` in a fresh process per project, so peak memory is its own.
Usage: python -m benchmarks.measure PATH --workers N --repeat R
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import json
import resource
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import codeintel
from codeintel.pipeline.discover import discover
from render.markdown import render_markdown
from render.plan import build_plan


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks.measure")
    parser.add_argument("path", type=Path, help="a project folder the benchmark may modify")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--request", default="Add audit notes to records")
    options = parser.parse_args(argv)
    print(json.dumps(measure(options.path, options.workers, options.repeat, options.request)))
    return 0


def measure(root: Path, workers: int, repeat: int, request: str) -> dict[str, Any]:
    files, _ = discover(root)
    sources = [(root / f.path).read_bytes() for f in files if f.kind == "python"]
    result: dict[str, Any] = {"files": len(sources), "lines": sum(s.count(b"\n") for s in sources)}
    result["ast.parse"] = _median(repeat, lambda: _parse_each(sources))
    with tempfile.TemporaryDirectory(prefix="codeintel-bench-") as scratch:
        colds = [Path(scratch) / f"cold{n}" for n in range(repeat)]
        result["cold analyze()"] = _median_each(
            colds, lambda folder: codeintel.analyze(root, cache=folder, workers=workers)
        )
        cache = colds[0]
        result["warm, nothing changed"] = _median(
            repeat, lambda: codeintel.analyze(root, cache=cache, workers=workers)
        )
        changed = _typical_file(root, files)
        result["changed_file"] = changed
        result["warm, one file changed"] = _median_each(
            list(range(repeat)),
            lambda n: _change_and_analyze(root, changed, n, cache, workers),
        )
        graph = codeintel.analyze(root, cache=cache)
        name, uses = _most_referenced(graph)
        result["reference_name"], result["reference_count"] = name, uses
        fresh = [codeintel.analyze(root, cache=cache) for _ in range(repeat)]
        result["find_references"] = _median_each(fresh, lambda g: g.find_references(name))
        result["render a plan"] = _median(
            repeat, lambda: render_markdown(build_plan(graph, request))
        )
    usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result["peak_mb"] = max(usage, children) / 1024  # Linux reports kilobytes
    return result


def _parse_each(sources: list[bytes]) -> None:
    """One tree at a time, as a parser of files would: holding every tree alive at once makes
    the cyclic collector rescan them all, which once inflated the baseline tenfold."""
    for source in sources:
        _ast(source)


def _ast(source: bytes) -> object:
    # The baseline parses what Python can; a bad file costs codeintel only a diagnostic.
    with contextlib.suppress(SyntaxError, ValueError, RecursionError, MemoryError):
        return ast.parse(source)
    return None


def _median(repeat: int, step: Callable[[], object]) -> float:
    """The median time of ``repeat`` runs: this machine is shared, one run says little."""
    return _median_each(list(range(repeat)), lambda _: step())


def _median_each(inputs: list[Any], step: Callable[[Any], object]) -> float:
    times = []
    for value in inputs:
        start = time.perf_counter()
        kept = step(value)  # freeing the result is the caller's cost, later; not timed
        times.append(time.perf_counter() - start)
        del kept
    return statistics.median(times)


def _typical_file(root: Path, files: list[Any]) -> str:
    """The edit to time: a mid-sized module, the kind a feature touches."""
    python = [f.path for f in files if f.kind == "python"]
    sized = sorted(python, key=lambda p: ((root / p).stat().st_size, p))
    return str(sized[len(sized) // 2])


def _change_and_analyze(root: Path, path: str, number: int, cache: Path, workers: int) -> None:
    with open(root / path, "a", encoding="utf-8") as handle:
        handle.write(f"\n\ndef _benchmark_edit_{number}() -> int:\n    return {number}\n")
    codeintel.analyze(root, cache=cache, workers=workers)


def _most_referenced(graph: codeintel.CodeGraph) -> tuple[str, int]:
    """The project symbol with the most exact references: the look-up agents make most."""
    counts: Counter[str] = Counter()
    for _, target, kind, data in graph.graph.edges(keys=True, data=True):
        if kind == "references" and target.startswith("symbol:"):
            counts[target.removeprefix("symbol:")] += len(data["lines"])
    name = min(counts, key=lambda n: (-counts[n], n))
    return name, len(graph.find_references(name))


if __name__ == "__main__":
    sys.exit(main())
