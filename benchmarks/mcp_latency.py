"""MCP answer times: ``python -m benchmarks.mcp_latency REPO [--repeat 5]``.

Starts ``python -m codeintel serve`` on a copy of REPO (the benchmark edits a file) and talks to
it with the SDK's stdio client, as an agent would. Prints, in milliseconds as the client sees
them (JSON-RPC round trip included), the median of ``--repeat`` calls of each tool on a warm
server, then the median time to answer after one file changed (the graph brought up to date
through the cache first). The tools' arguments are taken from the project's own graph.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import anyio
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

import codeintel


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks.mcp_latency", description=__doc__)
    parser.add_argument("repo", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="codeintel-mcp-") as scratch:
        copy = Path(scratch) / options.repo.resolve().name
        shutil.copytree(options.repo, copy, ignore=shutil.ignore_patterns(".*", "node_modules"))
        anyio.run(_measure, copy, options.repeat)
    return 0


def _calls(graph: codeintel.CodeGraph) -> tuple[list[tuple[str, dict[str, Any]]], str]:
    """One call of each tool with arguments that exist in this project, and the file to edit."""
    routes = graph.routes()
    route = next((r for r in routes if r.all_dependencies), routes[0]) if routes else None
    components = graph.services() + graph.repositories()
    symbol = components[0] if components else None
    edited = route.file if route else graph.files()[0]
    symbol_name = symbol.name if symbol else "main"
    symbol_file = symbol.file if symbol else edited
    modules = graph.modules()
    tests = [t.file for t in graph.tests()]
    calls: list[tuple[str, dict[str, Any]]] = [
        ("find_symbol", {"name_path_pattern": symbol_name, "depth": 1}),
        ("get_symbols_overview", {"relative_path": symbol_file, "depth": 1}),
        ("find_referencing_symbols", {"name_path": symbol_name, "relative_path": symbol_file}),
        ("search_for_pattern", {"substring_pattern": r"HTTPException\(", "context_lines_after": 1}),
        ("routes", {}),
        ("schemas", {}),
        ("services", {}),
        ("repositories", {}),
        ("visible_fixtures", {"test_file": tests[0] if tests else "tests/test_new.py"}),
        ("project_config", {}),
        ("layers", {}),
        ("conventions", {}),
        ("import_chain", {"importer": modules[0], "imported": modules[-1]}),
        ("plan_feature", {"request": "Add audit notes to records"}),
    ]
    if route:
        calls.append(("route_dependencies", {"path": route.path, "method": route.method}))
    if route and route.all_dependencies:
        calls.append(("routes_using_provider", {"provider": route.all_dependencies[-1]}))
    return calls, edited


async def _measure(repo: Path, repeat: int) -> None:
    started = time.perf_counter()
    graph = codeintel.analyze(repo)  # fills the cache the server reads, as a previous run would
    print(f"{repo.name}: {len(graph.files())} files, in-process analysis {_ms(started)} ms")
    calls, edited = _calls(graph)
    params = StdioServerParameters(
        command=sys.executable,
        args=["-m", "codeintel", "serve", "--repo", str(repo)],
        env={k: v for k, v in os.environ.items() if k.startswith(("CODEINTEL", "XDG", "HOME"))},
    )
    with open(os.devnull, "w") as quiet:
        async with (
            stdio_client(params, errlog=quiet) as (read, write),
            ClientSession(read, write) as session,
        ):
            await session.initialize()
            started = time.perf_counter()
            await _call(session, "routes", {})
            print(f"first answer (the server's own analysis, warm cache): {_ms(started)} ms")
            plan = dict(calls)["plan_feature"]
            await _call(session, "plan_feature", {**plan, "write": True, "force": True})
            await _call(session, "routes", {})  # the plans folder is new: one re-analysis
            await _warm_table(session, calls, repeat)
            await _after_change(session, repo / edited, repeat)


async def _warm_table(
    session: ClientSession, calls: list[tuple[str, dict[str, Any]]], repeat: int
) -> None:
    print("| tool | warm median ms |\n|---|---|")
    for tool, arguments in sorted(calls):
        times = [await _timed(session, tool, arguments) for _ in range(repeat)]
        print(f"| {tool} | {statistics.median(times):.1f} |")


async def _after_change(session: ClientSession, edited: Path, repeat: int) -> None:
    """Each time one line more in one file: the next answer waits for the graph's update."""
    times = []
    for n in range(repeat):
        with edited.open("a", encoding="utf-8") as handle:
            handle.write(f"\n# edited by the benchmark {n}\n")
        times.append(await _timed(session, "routes", {}))
    print(f"| routes, after one file changed ({edited.name}) | {statistics.median(times):.1f} |")


async def _timed(session: ClientSession, tool: str, arguments: dict[str, Any]) -> float:
    started = time.perf_counter()
    await _call(session, tool, arguments)
    return (time.perf_counter() - started) * 1000


async def _call(session: ClientSession, tool: str, arguments: dict[str, Any]) -> None:
    result = await session.call_tool(tool, arguments)
    if getattr(result, "is_error", False):
        text = " ".join(c.text for c in result.content if c.type == "text")
        raise SystemExit(f"{tool} {arguments}: {text}")


def _ms(started: float) -> str:
    return f"{(time.perf_counter() - started) * 1000:.0f}"


if __name__ == "__main__":
    sys.exit(main())
