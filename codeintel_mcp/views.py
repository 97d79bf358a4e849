"""FastAPI and pytest facts no general tool has, as deterministic JSON (1-based lines)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from pydantic import BaseModel

import codeintel
from codeintel_mcp.errors import ToolInputError
from codeintel_mcp.jsonout import limit_length, to_json
from codeintel_mcp.workspace import Workspace


def routes(
    ws: Workspace,
    path_prefix: str = "",
    method: str = "",
    tag: str = "",
    relative_path: str = "",
    max_answer_chars: int = -1,
) -> str:
    scope = ws.relative(relative_path) if relative_path else ""
    found = [
        r
        for r in ws.graph().routes()
        if r.path.startswith(path_prefix)
        and (not method or r.method == method.upper())
        and (not tag or tag in r.tags)
        and (not scope or r.file == scope or r.file.startswith(f"{scope}/"))
    ]
    return _bounded(found, max_answer_chars, lambda r: f"{r.method} {r.path}")


def route_dependencies(ws: Workspace, path: str, method: str) -> str:
    graph = ws.graph()
    found = [r for r in graph.routes() if r.path == path and r.method == method.upper()]
    if not found:
        raise ToolInputError(f"no route {method.upper()} {path}; list them with the routes tool")
    return to_json([_chain(graph, r) for r in found])


def routes_using_provider(ws: Workspace, provider: str, max_answer_chars: int = -1) -> str:
    graph = ws.graph()
    if _where(graph, provider) is None and not any(
        provider in r.all_dependencies for r in graph.routes()
    ):
        raise ToolInputError(f"no such provider: {provider} (give its qualified name)")
    found = graph.routes_using(provider)
    return _bounded(found, max_answer_chars, lambda r: f"{r.method} {r.path}")


def schemas(
    ws: Workspace, name_contains: str = "", relative_path: str = "", max_answer_chars: int = -1
) -> str:
    scope = ws.relative(relative_path) if relative_path else ""
    found = [
        s
        for s in ws.graph().schemas()
        if name_contains.lower() in s.qualname.lower()
        and (not scope or s.file == scope or s.file.startswith(f"{scope}/"))
    ]
    return _bounded(found, max_answer_chars, lambda s: s.qualname)


def components(ws: Workspace, kind: str, max_answer_chars: int = -1) -> str:
    graph = ws.graph()
    found = graph.services() if kind == "service" else graph.repositories()
    return _bounded(found, max_answer_chars, lambda c: c.qualname)


def visible_fixtures(ws: Workspace, test_file: str, test_class: str = "") -> str:
    file = ws.relative(test_file, must_exist=False)
    found = ws.graph().visible_fixtures(file, test_class or None)
    return to_json({name: _dump(f) for name, f in sorted(found.items())})


def project(ws: Workspace) -> str:
    return to_json(_dump(ws.graph().project()))


def layers(ws: Workspace, layer: str = "", max_answer_chars: int = -1) -> str:
    found = [m for m in ws.graph().layers() if not layer or m.layer == layer]
    return _bounded(found, max_answer_chars, lambda m: f"{m.module} {m.layer}")


def conventions(ws: Workspace) -> str:
    return to_json([_dump(c) for c in ws.graph().conventions()])


def import_chain(ws: Workspace, importer: str, imported: str) -> str:
    try:
        chain = ws.graph().shortest_import_chain(importer, imported)
    except codeintel.CodeIntelError as exc:
        raise ToolInputError(str(exc)) from None
    return to_json(chain)


def _chain(graph: codeintel.CodeGraph, route: Any) -> dict[str, Any]:
    """One route and every provider FastAPI solves for it, sub-dependencies first, each with
    where it is defined and what it depends on itself."""
    providers = []
    for name in route.all_dependencies:
        place = _where(graph, name)
        providers.append(
            {
                "provider": name,
                "direct": name in route.dependencies,
                "depends_on": _depends_on(graph, name),
                **(place or {"file": None, "start_line": None, "end_line": None}),
            }
        )
    return {
        "method": route.method,
        "path": route.path,
        "endpoint": route.endpoint,
        "file": route.file,
        "line": route.line,
        "providers": providers,
    }


def _where(graph: codeintel.CodeGraph, qualname: str) -> dict[str, Any] | None:
    data = graph.graph.nodes.get(f"symbol:{qualname}")
    if data is None:
        return None
    return {"file": data["file"], "start_line": data["start_line"], "end_line": data["end_line"]}


def _depends_on(graph: codeintel.CodeGraph, qualname: str) -> list[str]:
    node = f"symbol:{qualname}"
    if node not in graph.graph:
        return []
    return sorted(
        graph.graph.nodes[t].get("qualname", t)
        for _, t, kind in graph.graph.out_edges(node, keys=True)
        if kind == "depends_on"
    )


def _dump(model: BaseModel) -> Any:
    return model.model_dump(mode="json")


def _bounded(items: Iterable[Any], max_answer_chars: int, label: Callable[[Any], str]) -> str:
    """A list of facts; past the limit, just what each one is, so the query can be narrowed."""
    items = list(items)
    return limit_length(
        to_json([_dump(i) for i in items]),
        max_answer_chars,
        [lambda: "Matched items; narrow the filters:\n" + to_json([label(i) for i in items])],
    )
