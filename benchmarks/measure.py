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
    timed = _Timer(sources, result)
    with tempfile.TemporaryDirectory(prefix="codeintel-bench-") as scratch:
        colds = [Path(scratch) / f"cold{n}" for n in range(repeat)]
        timed(
            "cold analyze()",
            colds,
            lambda folder: codeintel.analyze(root, cache=folder, workers=workers),
        )
        # The cold runs come first and free their graphs: so far, one analysis's peak. Later
        # steps hold several graphs at once (patched and cold, compared), which users do not.
        result["analysis peak_mb"] = _peak_mb()
        cache = colds[0]
        timed(
            "warm, nothing changed",
            list(range(repeat)),
            lambda _: codeintel.analyze(root, cache=cache, workers=workers),
        )
        changed = _typical_file(root, files)
        result["changed_file"] = changed
        timed(
            "warm, one file changed",
            list(range(repeat)),
            lambda n: _change_and_analyze(root, changed, n, cache, workers),
        )
        graph = codeintel.analyze(root, cache=cache)
        imported, result["importers"] = _most_imported(graph)
        result["imported_file"] = imported
        timed(
            "warm, most imported module changed",
            list(range(repeat, 2 * repeat)),
            lambda n: _change_and_analyze(root, imported, n, cache, workers),
        )
        graph = codeintel.analyze(root, cache=cache)
        # issue 15: after the edits, the patched graph is the cold run's, byte for byte
        cold = codeintel.analyze(root, cache=False, workers=workers)
        result["incremental equals cold"] = graph.to_json() == cold.to_json()
        del cold
        name, uses = _most_referenced(graph)
        result["reference_name"], result["reference_count"] = name, uses
        fresh = [codeintel.analyze(root, cache=cache) for _ in range(repeat)]
        result["find_references"] = _median_each(fresh, lambda g: g.find_references(name))
        result["render a plan"] = _median(
            repeat, lambda: render_markdown(build_plan(graph, request))
        )
    result["peak_mb"] = _peak_mb()
    return result


def _peak_mb() -> float:
    """The largest resident size yet of this process or of any parsing process it waited for."""
    usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(usage, children) / 1024  # Linux reports kilobytes


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


class _Timer:
    """Times a step on each input, each run right after an ``ast.parse`` of every file: the
    machine's load changes within minutes, so a step's ratio is the median of its runs' ratios
    to the parse just before each, which a slow drift in load cancels out of."""

    def __init__(self, sources: list[bytes], result: dict[str, Any]) -> None:
        self.sources = sources
        self.result = result

    def __call__(self, name: str, inputs: list[Any], step: Callable[[Any], object]) -> None:
        times, ratios, cpu_ratios = [], [], []
        for value in inputs:
            wall, cpu = _clocks()
            _parse_each(self.sources)
            (wall, cpu), start = _since(wall, cpu), _clocks()
            kept = step(value)  # freeing the result is the caller's cost, later; not timed
            spent, spent_cpu = _since(*start)
            times.append(spent)
            ratios.append(spent / wall)
            cpu_ratios.append(spent_cpu / cpu)
            del kept
        self.result[name] = statistics.median(times)
        self.result[f"{name} / ast.parse"] = statistics.median(ratios)
        self.result[f"{name} / ast.parse, CPU"] = statistics.median(cpu_ratios)


def _clocks() -> tuple[float, float]:
    """Wall time, and CPU time of this process and of its finished children (the parsing
    pool): CPU time hardly depends on how many other jobs share the machine."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
    return time.perf_counter(), cpu


def _since(wall: float, cpu: float) -> tuple[float, float]:
    now_wall, now_cpu = _clocks()
    return now_wall - wall, max(now_cpu - cpu, 1e-9)


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


def _most_imported(graph: codeintel.CodeGraph) -> tuple[str, int]:
    """The file of the module most others import, and how many do: the worst edit."""
    importers: Counter[str] = Counter()
    for _, target, kind in graph.graph.edges(keys=True):
        if kind == "imports" and target.startswith("module:"):
            importers[target] += 1
    module = min(importers, key=lambda m: (-importers[m], m))
    return str(graph.graph.nodes[module]["file"]), importers[module]


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
