"""Command line: ``python -m codeintel PATH [--json]``; ``serve`` runs the MCP server."""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from codeintel.analysis import analyze
from codeintel.errors import CodeIntelError
from codeintel.query.codegraph import CodeGraph


def main(argv: list[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    if argv[:1] == ["serve"]:
        # The MCP server sits above codeintel and render (it imports both); the entry point is
        # the top of the stack, so it is imported here and never when codeintel is imported.
        from codeintel_mcp.cli import main as serve

        return serve(argv[1:])
    parser = argparse.ArgumentParser(prog="codeintel", description=__doc__)
    parser.add_argument("path", help="the project folder to analyse")
    parser.add_argument("--json", action="store_true", help="print the whole graph as JSON")
    args = parser.parse_args(argv)
    try:
        graph = analyze(args.path)
    except CodeIntelError as exc:
        print(f"codeintel: {exc}", file=sys.stderr)
        return 2
    print(graph.to_json() if args.json else summary(graph))
    return 0


def summary(graph: CodeGraph) -> str:
    """A short human summary of what the analysis found."""
    kinds = Counter(kind for _, kind in graph.graph.nodes(data="kind"))
    edges = Counter(key for _, _, key in graph.graph.edges(keys=True))
    lines = [
        f"files: {kinds['file']}  modules: {kinds['module'] + kinds['package']}  "
        f"classes: {kinds['class']}  functions: {kinds['function']}  "
        f"methods: {kinds['method']}",
        f"imports: {edges['imports']}  calls: {edges['calls']}  "
        f"inherits: {edges['inherits']}  third-party: {kinds['external']}",
    ]
    diagnostics = graph.diagnostics
    lines.append(f"diagnostics: {len(diagnostics)}")
    lines.extend(f"  {d}" for d in diagnostics)
    return "\n".join(lines)
