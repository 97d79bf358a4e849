"""Serena's symbol and search tools, same names, parameters and answer shapes, over the graph.

As in Serena (whose lines come from the language server), line numbers here are 0-based; the
framework tools keep codeintel's 1-based lines.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any

import codeintel
from codeintel_mcp.errors import ToolInputError
from codeintel_mcp.globs import glob_matches
from codeintel_mcp.jsonout import limit_length, to_json
from codeintel_mcp.workspace import Workspace

#: codeintel's symbol kinds as the LSP SymbolKind Serena's ``include_kinds`` take, and its name.
KINDS = {
    "module": (1, "File"),
    "package": (1, "File"),
    "class": (5, "Class"),
    "method": (6, "Method"),
    "attribute": (8, "Field"),
    "function": (12, "Function"),
    "variable": (13, "Variable"),
}
#: Serena's overview leaves out children that hold data rather than structure.
_CONTAINERS = frozenset({"class", "method", "function"})


def find_symbol(
    ws: Workspace,
    name_path_pattern: str,
    depth: int = 0,
    relative_path: str = "",
    include_body: bool = False,
    include_info: bool = False,
    include_kinds: list[int] | None = None,
    exclude_kinds: list[int] | None = None,
    substring_matching: bool = False,
    max_matches: int = -1,
    max_answer_chars: int = -1,
) -> str:
    if max_matches == 0:
        raise ToolInputError("max_matches must be > 0 or equal to -1")
    graph = ws.graph()
    symbols = _find(ws, graph, name_path_pattern, relative_path, substring_matching, include_body)
    symbols = [s for s in symbols if _kind_allowed(s.kind, include_kinds, exclude_kinds)]

    def short() -> str:
        by_file: dict[str, list[str]] = defaultdict(list)
        for s in symbols:
            by_file[s.file].append(s.name_path)
        return f"Shortened result:\n{to_json(by_file)}"

    if 0 < max_matches < len(symbols):
        return f"Matched {len(symbols)}>max_matches={max_matches} symbols.\n" + short()
    depth = 0 if include_body else depth
    found = [_symbol_dict(graph, s, depth, include_body, include_info) for s in symbols]
    return limit_length(to_json(found), max_answer_chars, [short])


def get_symbols_overview(
    ws: Workspace, relative_path: str, depth: int = -1, max_answer_chars: int = -1
) -> str:
    file = ws.relative(relative_path)
    if (ws.root / file).is_dir():
        raise ToolInputError(f"expected a file path, but got a directory path: {relative_path}")
    graph = ws.graph()
    try:
        symbols = graph.symbols_overview(file)
    except codeintel.CodeIntelError:
        raise ToolInputError(f"cannot extract symbols from file {relative_path}") from None
    depth = max(depth, 0)
    full = [_overview_item(s, depth) for s in symbols]
    kinds = Counter(KINDS[s.kind][1] for s in symbols)
    shorter = [lambda: "Symbol counts by kind:\n" + to_json(kinds)]
    if depth > 0:
        top = [_overview_item(s, 0) for s in symbols]
        shorter.insert(0, lambda: "Depth 0 overview:\n" + to_json(_group_by_kind(top)))
    return limit_length(to_json(_group_by_kind(full)), max_answer_chars, shorter)


def find_referencing_symbols(
    ws: Workspace,
    name_path: str,
    relative_path: str,
    include_kinds: list[int] | None = None,
    exclude_kinds: list[int] | None = None,
    max_answer_chars: int = -1,
) -> str:
    graph = ws.graph()
    target = _find_unique(ws, graph, name_path, relative_path)
    refs = []
    for ref in graph.find_references(target.qualname):
        lines = ws.lines(graph, ref.file)
        if _is_import(lines, ref.line):
            continue  # Serena asks the language server for references without imports
        holder = _holder(graph, ref.scope)
        if not _kind_allowed(holder["kind"], include_kinds, exclude_kinds):
            continue
        refs.append((ref, holder, _around(lines, ref.line - 1)))
    full: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    bare: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for ref, holder, around in refs:
        kind = KINDS[holder["kind"]][1]
        item = {"name_path": holder["name_path"], "body_location": holder["body_location"]}
        full[ref.file][kind].append({**item, "content_around_reference": around})
        bare[ref.file][kind].append(
            {"name_path": holder["name_path"], "reference_line": ref.line - 1}
        )
    counts = Counter(ref.file for ref, _, _ in refs)
    shorter = [
        lambda: "References without surrounding lines:\n" + to_json(bare),
        lambda: "Reference counts per file:\n" + to_json(counts),
        lambda: f"Found {len(refs)} references.",
    ]
    return limit_length(to_json(full), max_answer_chars, shorter)


def search_for_pattern(
    ws: Workspace,
    substring_pattern: str,
    context_lines_before: int = 0,
    context_lines_after: int = 0,
    paths_include_glob: str = "",
    paths_exclude_glob: str = "",
    relative_path: str = "",
    restrict_search_to_code_files: bool = False,
    multiline: bool = True,
    max_answer_chars: int = -1,
) -> str:
    try:
        pattern = re.compile(substring_pattern, (re.MULTILINE | re.DOTALL) if multiline else 0)
    except re.error as exc:
        raise ToolInputError(f"bad regular expression {substring_pattern!r}: {exc}") from None
    if min(context_lines_before, context_lines_after) < 0:
        raise ToolInputError("context lines must not be negative")
    scope = ws.relative(relative_path.strip()) if relative_path.strip() else ""
    graph = ws.graph()
    hits: dict[str, list[list[tuple[int, str, str]]]] = {}
    for file in graph.files():
        if not _in_scope(file, scope, paths_include_glob.strip(), paths_exclude_glob.strip()):
            continue
        if restrict_search_to_code_files and not file.endswith(".py"):
            continue
        found = _search(pattern, ws.lines(graph, file), context_lines_before, context_lines_after)
        if found:
            hits[file] = found
    shown = {f: ["\n".join(_line(*ln) for ln in m) for m in ms] for f, ms in hits.items()}
    firsts = {f: [next(ln for ln in m if ln[2] == "match") for m in ms] for f, ms in hits.items()}
    shorter = [
        lambda: _first_lines(firsts, truncate=False),
        lambda: _first_lines(firsts, truncate=True),
        lambda: (
            "Match lines per file:\n"
            + to_json({f: [n for n, _, _ in m] for f, m in firsts.items()})
        ),
        lambda: "Match counts per file:\n" + to_json({f: len(m) for f, m in firsts.items()}),
        lambda: f"Found {sum(map(len, firsts.values()))} matches in {len(firsts)} files.",
    ]
    return limit_length(to_json(shown), max_answer_chars, shorter)


# -- finding symbols ---------------------------------------------------------------------------


def _find(
    ws: Workspace,
    graph: codeintel.CodeGraph,
    pattern: str,
    relative_path: str,
    substring: bool = False,
    body: bool = False,
) -> list[codeintel.Symbol]:
    scope = ws.relative(relative_path) if relative_path else ""
    try:
        found = graph.find_symbol(pattern, substring=substring, include_body=body)
    except codeintel.CodeIntelError as exc:
        raise ToolInputError(str(exc)) from None
    return [s for s in found if _under(s.file, scope)]


def _under(file: str, scope: str) -> bool:
    return not scope or file == scope or file.startswith(f"{scope}/")


def _find_unique(
    ws: Workspace, graph: codeintel.CodeGraph, name_path: str, relative_path: str
) -> codeintel.Symbol:
    """Serena's ``find_unique``: one match, or the one whose name path is exactly the pattern."""
    found = _find(ws, graph, name_path, relative_path)
    if len(found) > 1:
        found = [s for s in found if s.name_path == name_path.strip("/")] or found
    if not found:
        raise ToolInputError(f"no symbol matching {name_path!r} in {relative_path!r}")
    if len(found) > 1:
        names = ", ".join(f"{s.file}:{s.start_line - 1}:{s.name_path}" for s in found)
        raise ToolInputError(f"{len(found)} symbols match {name_path!r}: {names}")
    return found[0]


def _kind_allowed(kind: str, include: list[int] | None, exclude: list[int] | None) -> bool:
    number = KINDS[kind][0]
    if include and number not in include:
        return False
    return not (exclude and number in exclude)


def _location(start_line: int, end_line: int) -> dict[str, int]:
    return {"start_line": start_line - 1, "end_line": end_line - 1}


def _symbol_dict(
    graph: codeintel.CodeGraph, s: codeintel.Symbol, depth: int, body: bool, info: bool
) -> dict[str, Any]:
    item: dict[str, Any] = {
        "name_path": s.name_path,
        "kind": KINDS[s.kind][1],
        "relative_path": s.file,
        "body_location": _location(s.start_line, s.end_line),
    }
    if body:
        item["body"] = s.body
    elif info:
        data = graph.graph.nodes[f"symbol:{s.qualname}"]
        text = "\n".join(t for t in (data.get("signature"), data.get("docstring")) if t)
        if text:  # as in Serena, no info is no key
            item["info"] = text
    children = _children(graph, s) if depth > 0 else ()
    if children:
        item["children"] = _group_by_kind([_child_dict(c, depth - 1) for c in children])
    return item


def _children(graph: codeintel.CodeGraph, s: codeintel.Symbol) -> tuple[codeintel.Symbol, ...]:
    """The symbol's children, from the overview of its file (the one query that has them)."""
    todo = list(graph.symbols_overview(s.file))
    while todo:
        current = todo.pop()
        if current.qualname == s.qualname:
            return current.children
        todo.extend(current.children)
    return ()


def _child_dict(s: codeintel.Symbol, depth: int) -> dict[str, Any]:
    item: dict[str, Any] = {
        "name": s.name_path.rpartition("/")[2],
        "kind": KINDS[s.kind][1],
        "body_location": _location(s.start_line, s.end_line),
    }
    if depth > 0 and s.children:
        item["children"] = _group_by_kind([_child_dict(c, depth - 1) for c in s.children])
    return item


def _overview_item(s: codeintel.Symbol, depth: int) -> dict[str, Any]:
    item: dict[str, Any] = {"name": s.name_path.rpartition("/")[2], "kind": KINDS[s.kind][1]}
    kids = [c for c in s.children if c.kind in _CONTAINERS] if depth > 0 else []
    if kids:
        item["children"] = _group_by_kind([_overview_item(c, depth - 1) for c in kids])
    return item


def _group_by_kind(items: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """Serena's grouper with ``collapse_singleton``: items by kind, ``{"name": n}`` as ``n``
    and ``{"name": n, "children": c}`` as ``{n: c}``."""
    grouped: dict[str, list[Any]] = defaultdict(list)
    for item in items:
        rest = {k: v for k, v in item.items() if k != "kind"}
        if len(rest) == 1:
            grouped[item["kind"]].append(next(iter(rest.values())))
        elif len(rest) == 2 and "children" in rest:
            other = next(k for k in rest if k != "children")
            grouped[item["kind"]].append({rest[other]: rest["children"]})
        else:
            grouped[item["kind"]].append(rest)
    return dict(grouped)


# -- references --------------------------------------------------------------------------------


def _is_import(lines: list[str], line: int) -> bool:
    text = lines[line - 1].lstrip() if 0 < line <= len(lines) else ""
    return text.startswith(("import ", "from "))


def _holder(graph: codeintel.CodeGraph, scope: str) -> dict[str, Any]:
    """The symbol (or, at module level, the file) a reference sits in."""
    nodes = graph.graph.nodes
    symbol = f"symbol:{scope}"
    if symbol in nodes:
        data = nodes[symbol]
        path = data["qualname"][len(data["module"]) + 1 :].replace(".<locals>.", ".")
        name_path, kind = path.replace(".", "/"), data["kind"]
    else:
        data = nodes[f"module:{scope}"]
        name_path, kind = data["file"].rpartition("/")[2].removesuffix(".py"), data["kind"]
    return {
        "name_path": name_path,
        "kind": kind,
        "body_location": _location(data["start_line"], data["end_line"]),
    }


def _around(lines: list[str], index: int) -> str:
    """Serena's ``content_around_reference``: the line and one on each side, 0-based."""
    shown = []
    for n in range(max(0, index - 1), min(len(lines), index + 2)):
        shown.append(_line(n, lines[n].rstrip("\r\n"), "match" if n == index else "context"))
    return "\n".join(shown)


def _line(number: int, text: str, role: str) -> str:
    prefix = "  >" if role == "match" else "..."
    return f"{prefix}{number:>4}:{text}"


# -- search ------------------------------------------------------------------------------------


def _in_scope(file: str, scope: str, include: str, exclude: str) -> bool:
    if not _under(file, scope):
        return False
    if exclude and glob_matches(file, exclude):
        return False
    return not include or glob_matches(file, include)


def _search(
    pattern: re.Pattern[str], raw: list[str], before: int, after: int
) -> list[list[tuple[int, str, str]]]:
    """Serena's ``search_text``: each match as its lines, with context, 0-based."""
    text = "".join(raw)
    lines = [line.rstrip("\r\n") for line in raw]
    starts = [0]
    for line in raw:
        starts.append(starts[-1] + len(line))
    found = []
    for match in pattern.finditer(text):
        first = _line_of(starts, match.start())
        last = _line_of(starts, match.end())
        if last > first and match.end() == starts[last]:
            last -= 1  # the match ends with the newline of the line before
        top, bottom = max(0, first - before), min(len(lines) - 1, last + after)
        found.append(
            [
                (n, lines[n], "match" if first <= n <= last else "context")
                for n in range(top, bottom + 1)
            ]
        )
    return found


def _line_of(starts: list[int], offset: int) -> int:
    low, high = 0, len(starts) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if starts[middle] <= offset:
            low = middle
        else:
            high = middle - 1
    return min(low, max(len(starts) - 2, 0))


_TRUNCATE = 60


def _first_lines(firsts: dict[str, list[tuple[int, str, str]]], *, truncate: bool) -> str:
    def text(line: str) -> str:
        line = line.strip()
        return line[:_TRUNCATE] + "..." if truncate and len(line) > _TRUNCATE else line

    compact = {f: [{"line": n, "text": text(t)} for n, t, _ in m] for f, m in firsts.items()}
    if truncate:
        header = (
            f"Matched lines (text over {_TRUNCATE} chars is truncated, marked with a trailing "
            "'...'); use read_file with the line numbers for full content:"
        )
    else:
        header = (
            "Matched lines per file; use read_file with the line numbers for surrounding context:"
        )
    return f"{header}\n{to_json(compact)}"
