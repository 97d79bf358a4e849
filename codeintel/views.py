"""What the ``codeintel`` command shows: each view as rows for a table, or as JSON-ready data.

Tables read like ``fastapi routes`` or ``pytest --fixtures``: aligned columns, places as
``file:line``, colour only on a terminal and never under ``NO_COLOR``.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
from collections import Counter
from collections.abc import Sequence
from typing import Any, TextIO

from codeintel.facts.ids import external_id, module_id
from codeintel.query.codegraph import CodeGraph

_BOLD, _CYAN, _RESET = "\033[1m", "\033[36m", "\033[0m"

Rows = list[tuple[str, ...]]


def colour_on(stream: TextIO) -> bool:
    """Colour only for a person at a terminal: https://no-color.org asks any non-empty
    ``NO_COLOR`` to turn it off, and a ``dumb`` terminal cannot show it."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return stream.isatty()


def table(headers: Sequence[str], rows: Rows, *, colour: bool, place: int | None = None) -> str:
    """Columns padded to their widest cell; the last is never padded. ``place`` is the index
    of the ``file:line`` column, coloured like a grep hit's path."""
    widths = [max(len(r[i]) for r in [tuple(headers), *rows]) for i in range(len(headers))]

    def line(cells: Sequence[str], style: str | None) -> str:
        parts = []
        for i, cell in enumerate(cells):
            text = cell if i == len(cells) - 1 else cell.ljust(widths[i])
            paint = style or (_CYAN if i == place else None)
            parts.append(f"{paint}{text}{_RESET}" if colour and paint and cell else text)
        return "  ".join(parts).rstrip()

    return "\n".join([line(headers, _BOLD), *(line(r, None) for r in rows)])


def emit(text: str) -> None:
    """Print ``text``; a reader that went away (``| head``) ends the output quietly. The rest
    goes to /dev/null, so nothing more can fail as the interpreter flushes stdout at exit."""
    try:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def as_json(data: Any) -> str:
    return json.dumps(plain(data), indent=2, sort_keys=True, ensure_ascii=False)


def plain(value: Any) -> Any:
    """Facts (pydantic models, dataclasses) and tuples as JSON-ready dicts and lists."""
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


def at(file: str, line: int, end: int | None = None) -> str:
    return f"{file}:{line}" if end is None or end == line else f"{file}:{line}-{end}"


# -- the views ----------------------------------------------------------------------------


def counts(graph: CodeGraph) -> dict[str, int]:
    kinds = Counter(kind for _, kind in graph.graph.nodes(data="kind"))
    edges = Counter(key for _, _, key in graph.graph.edges(keys=True))
    return {
        "files": kinds["file"],
        "modules": kinds["module"] + kinds["package"],
        "classes": kinds["class"],
        "functions": kinds["function"],
        "methods": kinds["method"],
        "imports": edges["imports"],
        "calls": edges["calls"],
        "inherits": edges["inherits"],
        "third-party": kinds["external"],
        "routes": kinds["route"],
        "fixtures": kinds["fixture"],
        "diagnostics": len(graph.diagnostics),
    }


def summary_text(graph: CodeGraph) -> str:
    found = counts(graph)
    names = list(found)
    lines = [
        "  ".join(f"{name}: {found[name]}" for name in names[:5]),
        "  ".join(f"{name}: {found[name]}" for name in names[5:11]),
        f"diagnostics: {found['diagnostics']}",
    ]
    lines.extend(f"  {d}" for d in graph.diagnostics)
    return "\n".join(lines)


ROUTES = ("METHOD", "PATH", "ENDPOINT", "LOCATION")


def route_rows(graph: CodeGraph) -> Rows:
    return [(r.method, r.path, r.endpoint, at(r.file, r.line)) for r in graph.routes()]


FIXTURES = ("NAME", "SCOPE", "FLAGS", "LOCATION", "REQUESTS")


def fixture_rows(graph: CodeGraph) -> Rows:
    rows: Rows = []
    for f in sorted(graph.fixtures(), key=lambda f: (f.name, f.file, f.line)):
        flags = ",".join(flag for flag, on in (("autouse", f.autouse), ("params", f.params)) if on)
        rows.append((f.name, f.scope, flags, at(f.file, f.line), ", ".join(f.requests)))
    return rows


LAYERS = ("MODULE", "LAYER", "FILE", "REASON")


def layer_rows(graph: CodeGraph) -> Rows:
    return [(m.module, m.layer, m.file, m.reason) for m in graph.layers()]


SYMBOLS = ("KIND", "NAME", "LOCATION")


def symbol_rows(symbols: Sequence[Any], depth: int = 0) -> Rows:
    """Symbols with their children indented under them, as an outline reads."""
    rows: Rows = []
    for s in symbols:
        rows.append((s.kind, "  " * depth + s.name_path, at(s.file, s.start_line, s.end_line)))
        rows.extend(symbol_rows(s.children, depth + 1))
    return rows


REFS = ("LOCATION", "MATCH", "SCOPE", "NAME")


def ref_rows(refs: Sequence[Any]) -> Rows:
    return [(at(r.file, r.line), r.match, r.scope, r.text) for r in refs]


DEPS = ("NAME", "SPECIFIER", "GROUP", "STATUS", "LOCATION")


def dep_rows(graph: CodeGraph) -> Rows:
    """Declared distributions (``unused`` when no file imports them), then imports of
    distributions the project never declares."""
    project = graph.project()
    unused = {(d.name, d.group) for d in project.unused}
    rows: Rows = [
        (
            d.name + (f"[{','.join(d.extras)}]" if d.extras else ""),
            d.specifier + (f"; {d.marker}" if d.marker else ""),
            d.group,
            "unused" if (d.name, d.group) in unused else "used",
            at(d.source, d.line),
        )
        for d in sorted(project.dependencies, key=lambda d: (d.group, d.name, d.source, d.line))
    ]
    rows += [
        (u.module, "", "", "undeclared", at(u.file, u.line))
        for u in sorted(project.undeclared, key=lambda u: (u.module, u.file, u.line))
    ]
    return rows


def deps_data(graph: CodeGraph) -> dict[str, Any]:
    project = graph.project()
    return {
        "dependencies": plain(project.dependencies),
        "unused": plain(project.unused),
        "undeclared": plain(project.undeclared),
    }


IMPORTS = ("MODULE", "KIND", "FILE")


def import_rows(graph: CodeGraph, names: list[str]) -> Rows:
    """Modules found by an import query, each as project (with its file), stdlib or
    third-party, the way ``grimp`` users read them."""
    rows: Rows = []
    for name in names:
        node = graph.graph.nodes.get(module_id(name))
        if node is not None:
            rows.append((name, "project", node["file"]))
        else:
            external = graph.graph.nodes.get(external_id(name), {})
            rows.append((name, "stdlib" if external.get("stdlib") else "third-party", ""))
    return rows
