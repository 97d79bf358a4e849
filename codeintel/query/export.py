"""The graph for other tools: JSON, GraphML (networkx, Gephi), DOT (Graphviz), Mermaid (GitHub).

Three levels: ``full`` is the whole graph; ``module`` keeps the project's modules and the
imports between them; ``component`` folds modules into their packages down to ``depth`` dotted
parts, so a picture of a large application stays readable. Output is sorted, so it is stable.
"""

from __future__ import annotations

import io
import json
from collections import Counter
from typing import Any, Literal

import networkx as nx

from codeintel.errors import CodeIntelError
from codeintel.facts.ids import module_id
from codeintel.query.codegraph import CodeGraph

Level = Literal["full", "module", "component"]
Format = Literal["json", "graphml", "dot", "mermaid"]
LEVELS: tuple[Level, ...] = ("module", "component", "full")
FORMATS: tuple[Format, ...] = ("json", "graphml", "dot", "mermaid")


def view(graph: CodeGraph, level: Level, depth: int = 2) -> nx.MultiDiGraph:
    """The graph at one level; ``module`` and ``component`` edges carry an import ``count``."""
    if level == "full":
        return graph.graph
    modules = {
        node: data["name"]
        for node, data in graph.graph.nodes(data=True)
        if data.get("kind") in ("module", "package")
    }

    def name(node: str) -> str:
        return modules[node] if level == "module" else _component(modules[node], depth)

    result = nx.MultiDiGraph()
    for node in sorted(modules):
        attrs = graph.graph.nodes[node]
        key = module_id(name(node)) if level == "module" else f"component:{name(node)}"
        if key not in result:
            extra = {"file": attrs.get("file", "")} if level == "module" else {}
            result.add_node(key, kind=level, name=name(node), modules=0, **extra)
        result.nodes[key]["modules"] += 1
    counts = Counter(
        (name(a), name(b))
        for a, b, kind in graph.graph.edges(keys=True)
        if kind == "imports" and a in modules and b in modules and name(a) != name(b)
    )
    prefix = "module:" if level == "module" else "component:"
    for (a, b), count in sorted(counts.items()):
        result.add_edge(prefix + a, prefix + b, key="imports", kind="imports", count=count)
    return result


def _component(module: str, depth: int) -> str:
    return ".".join(module.split(".")[:depth])


def export(graph: CodeGraph, fmt: Format, level: Level, depth: int = 2) -> str:
    """``graph`` at ``level`` written in ``fmt``."""
    if depth < 1:
        raise CodeIntelError(f"depth must be 1 or more, not {depth}")
    if fmt == "json" and level == "full":
        return graph.to_json() + "\n"
    shown = view(graph, level, depth)
    writers = {"json": _json, "graphml": to_graphml, "dot": to_dot, "mermaid": to_mermaid}
    return writers[fmt](shown)


def _json(graph: nx.MultiDiGraph) -> str:
    data = nx.node_link_data(graph, edges="edges")
    data["nodes"].sort(key=lambda n: n["id"])
    data["edges"].sort(key=lambda e: (e["source"], e["target"], e["key"]))
    return json.dumps(data, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def to_graphml(graph: nx.MultiDiGraph) -> str:
    """GraphML holds only strings, numbers and booleans: anything else is written as JSON
    text, and a missing value (None) is left out, since GraphML has no null."""
    flat = nx.MultiDiGraph()
    flat.graph.update(_scalars(graph.graph))
    for node in sorted(graph.nodes):
        flat.add_node(node, **_scalars(graph.nodes[node]))
    for a, b, key, attrs in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3]):
        flat.add_edge(a, b, key=key, **_scalars(attrs))
    buffer = io.BytesIO()
    nx.write_graphml(flat, buffer, encoding="utf-8", named_key_ids=True)
    return buffer.getvalue().decode("utf-8")


def _scalars(attrs: dict[str, Any]) -> dict[str, str | int | float | bool]:
    flat: dict[str, str | int | float | bool] = {}
    for key, value in sorted(attrs.items()):
        if value is None:
            continue
        if isinstance(value, str | int | float | bool):
            flat[key] = value
        else:
            flat[key] = json.dumps(_plain(value), sort_keys=True, ensure_ascii=False)
    return flat


def _plain(value: Any) -> Any:
    """Tuples, sets and frozen facts as JSON-ready lists and dicts."""
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, set | frozenset):
        return sorted(_plain(v) for v in value)
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if hasattr(value, "__dataclass_fields__"):
        return {f: _plain(getattr(value, f)) for f in value.__dataclass_fields__}
    return value


def to_dot(graph: nx.MultiDiGraph) -> str:
    lines = ["digraph codeintel {", "  rankdir=LR;", "  node [shape=box];"]
    for node in sorted(graph.nodes):
        lines.append(f"  {_dot_id(node)} [label={_dot_id(_label(graph, node))}];")
    for a, b, key, attrs in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3]):
        label = f" [label={_dot_id(str(key))}]" if key != "imports" else ""
        if "count" in attrs and attrs["count"] > 1:
            label = f" [label={_dot_id(str(attrs['count']))}]"
        lines.append(f"  {_dot_id(a)} -> {_dot_id(b)}{label};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _dot_id(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def to_mermaid(graph: nx.MultiDiGraph) -> str:
    """A flowchart: node ids are ``n0``, ``n1``... in sorted order, labels are quoted."""
    ids = {node: f"n{index}" for index, node in enumerate(sorted(graph.nodes))}
    lines = ["flowchart LR"]
    lines += [f'    {ids[node]}["{_mermaid_text(_label(graph, node))}"]' for node in ids]
    for a, b, key, attrs in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3]):
        text = str(attrs["count"]) if attrs.get("count", 1) > 1 else ""
        text = text or ("" if key == "imports" else str(key))
        arrow = f"-->|{_mermaid_text(text)}|" if text else "-->"
        lines.append(f"    {ids[a]} {arrow} {ids[b]}")
    return "\n".join(lines) + "\n"


def _mermaid_text(text: str) -> str:
    """Mermaid reads ``#quot;`` entities inside quoted labels; brackets and pipes are safe."""
    return text.replace('"', "#quot;").replace("|", "#124;").replace("\n", " ")


def _label(graph: nx.MultiDiGraph, node: str) -> str:
    return str(graph.nodes[node].get("name") or node)
