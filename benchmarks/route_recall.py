"""Static routes vs. the routes FastAPI serves at runtime, per app, on any repository.

Usage: python -m benchmarks.route_recall REPO [--only SUBDIR] [--show N] [--python PATH]
Every module-level app codeintel finds is imported in its own subprocess (repository root
first on sys.path); apps whose imports fail (missing optional packages) are counted and skipped.
Prints per-app misses and totals: precision = found and served / found, recall = found and
served / served.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import codeintel
from codeintel.pipeline.modnames import path_name

RUNTIME = Path(__file__).resolve().parent.parent / "tests" / "runtime_routes.py"
Operation = tuple[str, str, str]


def static_apps(graph: codeintel.CodeGraph) -> dict[str, set[Operation]]:
    """App key -> its routes, for every app that serves at least one route."""
    apps: dict[str, set[Operation]] = defaultdict(set)
    for route in graph.routes():
        if route.app is not None:
            apps[route.app].add((route.method, route.path, route.endpoint))
    return apps


def import_spec(graph: codeintel.CodeGraph, app_key: str) -> str | None:
    module, _, attribute = app_key.rpartition(".")
    node = graph.graph.nodes.get(f"module:{module}")
    if node is None or "<locals>" in app_key:
        return None
    return f"{path_name(node['file'])}:{attribute}"


def runtime(repo: Path, spec: str, python: str = sys.executable) -> set[Operation] | None:
    try:
        result = subprocess.run(
            [python, str(RUNTIME), str(repo), spec],
            cwd=repo,
            capture_output=True,
            text=True,
            timeout=60,
        )
    except subprocess.TimeoutExpired:
        return None
    if result.returncode != 0:
        return None
    return {tuple(r) for r in json.loads(result.stdout)}


def rename(ops: set[Operation], graph: codeintel.CodeGraph) -> set[Operation]:
    """Runtime endpoint names use the import path; ours use the canonical module name."""
    by_path = {
        path_name(d["file"]): d["name"]
        for _, d in graph.graph.nodes(data=True)
        if d.get("kind") in ("module", "package")
    }
    renamed = set()
    for method, path, endpoint in ops:
        module, rest = _split(endpoint, by_path)
        renamed.add((method, path, f"{by_path.get(module, module)}{rest}"))
    return renamed


def _split(endpoint: str, modules: dict[str, str]) -> tuple[str, str]:
    parts = endpoint.split(".")
    for i in range(len(parts), 0, -1):
        head = ".".join(parts[:i])
        if head in modules:
            return head, endpoint[len(head) :]
    return endpoint, ""


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("repo", type=Path)
    parser.add_argument("--only", help="only apps whose file is under this folder")
    parser.add_argument("--show", type=int, default=10, help="misses to print per app")
    parser.add_argument(
        "--python",
        default=sys.executable,
        help="the interpreter that can import the apps (the project's own environment)",
    )
    args = parser.parse_args(argv)
    graph = codeintel.analyze(args.repo)
    totals = {"found": 0, "served": 0, "both": 0, "apps": 0, "skipped": 0}
    for app_key, found in sorted(static_apps(graph).items()):
        spec = import_spec(graph, app_key)
        if spec is None or (args.only and not spec.startswith(args.only.replace("/", "."))):
            continue
        served = runtime(args.repo.resolve(), spec, args.python)
        if served is None:
            totals["skipped"] += 1
            continue
        served = rename(served, graph)
        totals["apps"] += 1
        totals["found"] += len(found)
        totals["served"] += len(served)
        totals["both"] += len(found & served)
        for label, ops in (("missed", served - found), ("extra", found - served)):
            for op in sorted(ops)[: args.show]:
                print(f"{spec} {label}: {' '.join(op)}")
    precision = totals["both"] / max(totals["found"], 1)
    recall = totals["both"] / max(totals["served"], 1)
    print(
        f"apps {totals['apps']} (skipped {totals['skipped']}), served {totals['served']}, "
        f"found {totals['found']}, precision {precision:.1%}, recall {recall:.1%}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
