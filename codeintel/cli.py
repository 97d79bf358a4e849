"""The ``codeintel`` command: one subcommand per view of the analysis, each with ``--json``.

``codeintel PATH [--json]`` (and ``python -m codeintel PATH``) is still the summary, or the
whole graph as JSON, as before the subcommands existed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from codeintel import __version__
from codeintel.analysis import analyze
from codeintel.errors import CodeIntelError
from codeintel.query.codegraph import CodeGraph
from codeintel.query.export import FORMATS, LEVELS, export
from codeintel.views import (
    DEPS,
    FIXTURES,
    IMPORTS,
    LAYERS,
    REFS,
    ROUTES,
    SYMBOLS,
    Rows,
    as_json,
    colour_on,
    counts,
    dep_rows,
    deps_data,
    emit,
    fixture_rows,
    import_rows,
    layer_rows,
    ref_rows,
    route_rows,
    summary_text,
    symbol_rows,
    table,
)

COMMANDS = (
    *("summary", "routes", "fixtures", "symbols", "find", "refs", "deps", "layers"),
    *("export", "serve"),
)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] not in (*COMMANDS, "-h", "--help", "--version"):
        args = _legacy(args)
    if args[:1] == ["serve"]:
        return serve(args[1:])
    options = _parser().parse_args(args)
    if options.command is None:
        _parser().print_help()
        return 2
    try:
        graph = analyze(options.path)
        emit(options.run(graph, options))
    except CodeIntelError as exc:
        print(f"codeintel: {exc}", file=sys.stderr)
        return 2
    return 0


def _legacy(args: list[str]) -> list[str]:
    """``codeintel PATH`` is the summary; ``codeintel PATH --json`` the whole graph."""
    if "--json" in args:
        return ["export", *[a for a in args if a != "--json"], "--level", "full"]
    return ["summary", *args]


def serve(argv: list[str]) -> int:
    """The MCP server sits above codeintel and render (it imports both); the entry point is the
    top of the stack, so it is imported here and never when codeintel is imported."""
    try:
        from codeintel_mcp.cli import main as serve_main
    except ImportError as exc:
        print(f"codeintel: serve needs the codeintel_mcp package: {exc}", file=sys.stderr)
        return 2
    return serve_main(argv)


# -- the parser ---------------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="codeintel", description="Static code intelligence for FastAPI projects."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, run, text in _VIEWS:
        _command(sub, name, text, run)
    find = _command(
        sub,
        "find",
        "symbols by name path: name, Class/method, /Class/method",
        _find,
        ("name", "the name path"),
    )
    find.add_argument("--substring", action="store_true", help="the last name may be a part")
    find.add_argument("--body", action="store_true", help="print each symbol's source too")
    _command(
        sub,
        "symbols",
        "a file's symbols, as an outline",
        _symbols,
        ("file", "the file, relative to the project"),
    )
    deps = _command(sub, "deps", "distributions, or with --module the imports of a module", _deps)
    deps.add_argument("--module", help="list what this module imports (a dotted name)")
    deps.add_argument("--importers", action="store_true", help="what imports it, instead")
    deps.add_argument("--transitive", action="store_true", help="follow imports all the way")
    _command(
        sub,
        "refs",
        "every use of a symbol or module",
        _refs,
        ("qualname", "a qualified name: pkg.module.Class.method"),
    )
    _export_parser(sub)
    sub.add_parser("serve", help="serve the queries to coding agents over MCP (stdio)")
    return parser


def _command(
    sub: Any,
    name: str,
    text: str,
    run: Callable[[CodeGraph, argparse.Namespace], str],
    *before: tuple[str, str],
) -> argparse.ArgumentParser:
    """A subcommand: its own arguments (``before``), then the project folder, then --json."""
    command: argparse.ArgumentParser = sub.add_parser(name, help=text, description=text)
    for argument, help_ in before:
        command.add_argument(argument, help=help_)
    command.add_argument("path", nargs="?", default=".", help="the project (default: .)")
    command.add_argument("--json", action="store_true", help="print JSON instead of a table")
    command.set_defaults(run=run)
    return command


def _export_parser(sub: Any) -> None:
    text = "the graph for Gephi, Graphviz or GitHub: modules, components or everything"
    command: argparse.ArgumentParser = sub.add_parser("export", help=text, description=text)
    command.add_argument("path", nargs="?", default=".", help="the project (default: .)")
    command.add_argument("--format", choices=FORMATS, default="json", help="(default: json)")
    command.add_argument(
        "--level",
        choices=LEVELS,
        default="module",
        help="module: modules and their imports (default); component: packages cut at "
        "--depth dotted parts; full: every node and edge",
    )
    command.add_argument("--depth", type=int, default=2, help="component depth (default: 2)")
    command.set_defaults(run=_export)


# -- the commands -------------------------------------------------------------------------


def _view(
    headers: tuple[str, ...], rows: Callable[[CodeGraph], Rows], data: Callable[[CodeGraph], Any]
) -> Callable[[CodeGraph, argparse.Namespace], str]:
    def run(graph: CodeGraph, options: argparse.Namespace) -> str:
        if options.json:
            return as_json(data(graph))
        return table(headers, rows(graph), colour=colour_on(sys.stdout), place=_place(headers))

    return run


def _place(headers: tuple[str, ...]) -> int | None:
    return headers.index("LOCATION") if "LOCATION" in headers else None


def _summary(graph: CodeGraph, options: argparse.Namespace) -> str:
    if options.json:
        return as_json({**counts(graph), "diagnostics": graph.diagnostics})
    return summary_text(graph)


_VIEWS: tuple[tuple[str, Callable[[CodeGraph, argparse.Namespace], str], str], ...] = (
    ("summary", _summary, "counts of what was found, and every diagnostic"),
    ("routes", _view(ROUTES, route_rows, CodeGraph.routes), "every route, as FastAPI serves it"),
    ("fixtures", _view(FIXTURES, fixture_rows, CodeGraph.fixtures), "pytest fixtures"),
    ("layers", _view(LAYERS, layer_rows, CodeGraph.layers), "each module's layer, and why"),
)


def _find(graph: CodeGraph, options: argparse.Namespace) -> str:
    found = graph.find_symbol(options.name, substring=options.substring, include_body=options.body)
    if options.json:
        return as_json(found)
    text = table(SYMBOLS, symbol_rows(found), colour=colour_on(sys.stdout), place=2)
    if options.body:
        text += "".join(f"\n\n{s.file}:{s.start_line}\n{(s.body or '').rstrip()}" for s in found)
    return text


def _symbols(graph: CodeGraph, options: argparse.Namespace) -> str:
    found = graph.symbols_overview(options.file)
    if options.json:
        return as_json(found)
    return table(SYMBOLS, symbol_rows(found), colour=colour_on(sys.stdout), place=2)


def _refs(graph: CodeGraph, options: argparse.Namespace) -> str:
    found = graph.find_references(options.qualname)
    if options.json:
        return as_json(found)
    return table(REFS, ref_rows(found), colour=colour_on(sys.stdout), place=0)


def _deps(graph: CodeGraph, options: argparse.Namespace) -> str:
    """Without --module: declared, unused and undeclared distributions."""
    if options.module is None:
        if options.json:
            return as_json(deps_data(graph))
        return table(DEPS, dep_rows(graph), colour=colour_on(sys.stdout), place=4)
    walk = graph.modules_importing if options.importers else graph.modules_imported_by
    found = walk(options.module, transitive=options.transitive)
    if options.json:
        return as_json(found)
    return table(IMPORTS, import_rows(graph, found), colour=colour_on(sys.stdout), place=2)


def _export(graph: CodeGraph, options: argparse.Namespace) -> str:
    return export(graph, options.format, options.level, options.depth)
