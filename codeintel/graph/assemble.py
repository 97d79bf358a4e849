"""Graph assembly: per-file facts in, one networkx graph out, names resolved across modules."""

from __future__ import annotations

import sys
from collections import defaultdict
from typing import Any

import networkx as nx

from codeintel.facts.ids import (
    EdgeKind,
    external_id,
    file_id,
    id_kind,
    module_id,
    symbol_id,
    unresolved_id,
)
from codeintel.facts.models import ModuleFacts
from codeintel.pipeline.discover import SourceFile
from codeintel.resolve.resolver import Resolver, Target, qualified


def assemble(files: list[SourceFile], resolver: Resolver) -> nx.MultiDiGraph:
    """Build the graph of files, modules, symbols and their imports, uses and calls."""
    graph = nx.MultiDiGraph()
    facts = [resolver.modules[name] for name in sorted(resolver.modules)]
    for source in files:
        graph.add_node(file_id(source.path), kind="file", file=source.path, file_kind=source.kind)
    for module in facts:
        _add_module(graph, module)
    for module in facts:
        _add_package_edges(graph, module, resolver)
        _add_imports(graph, module, resolver)
        _add_refs(graph, module, resolver)
    return graph


def _add_module(graph: nx.MultiDiGraph, facts: ModuleFacts) -> None:
    mid = module_id(facts.module)
    graph.add_node(
        mid,
        kind="package" if facts.is_package else "module",
        name=facts.module,
        file=facts.file,
        start_line=1,
        end_line=max(facts.line_count, 1),
        docstring=facts.docstring,
    )
    for sym in facts.symbols:
        qualname = f"{facts.module}.{sym.qualname}"
        graph.add_node(
            symbol_id(qualname),
            kind=sym.kind,
            name=sym.name,
            qualname=qualname,
            module=facts.module,
            file=facts.file,
            start_line=sym.start_line,
            end_line=sym.end_line,
            is_async=sym.is_async,
            decorators=tuple(d.text for d in sym.decorators),
            bases=(),
            docstring=sym.docstring,
            signature=sym.signature,
        )
        parent = _parent(sym.qualname)
        owner = symbol_id(f"{facts.module}.{parent}") if parent else mid
        graph.add_edge(owner, symbol_id(qualname), key="contains", kind="contains")


def _parent(qualname: str) -> str:
    parent = qualname.rpartition(".")[0]
    return parent.removesuffix(".<locals>")


def _add_package_edges(graph: nx.MultiDiGraph, facts: ModuleFacts, resolver: Resolver) -> None:
    parent = facts.module.rpartition(".")[0]
    if parent in resolver.modules and resolver.modules[parent].is_package:
        graph.add_edge(module_id(parent), module_id(facts.module), key="contains", kind="contains")


def _add_imports(graph: nx.MultiDiGraph, facts: ModuleFacts, resolver: Resolver) -> None:
    sites: dict[str, list[tuple[int, bool]]] = defaultdict(list)
    for imp in facts.imports:
        target = _imported_module(imp.target, imp.from_module, imp.star, resolver)
        if target is not None and target != module_id(facts.module):
            sites[target].append((imp.line, imp.type_checking))
    for target in sorted(sites):
        lines = tuple(sorted({line for line, _ in sites[target]}))
        type_checking = all(tc for _, tc in sites[target])
        _ensure_node(graph, target)
        graph.add_edge(
            module_id(facts.module),
            target,
            key="imports",
            kind="imports",
            lines=lines,
            type_checking=type_checking,
        )


def _imported_module(
    target: str, from_module: str | None, star: bool, resolver: Resolver
) -> str | None:
    """The module an import statement makes the importer depend on (grimp's rule)."""
    for name in (target, from_module) if not star else (target,):
        if name is None:
            continue
        if name in resolver.aliases:
            return module_id(resolver.aliases[name])
    top = target.partition(".")[0]
    if not top or top in resolver.tops or top == "__future__":
        return None  # a project module that does not exist, or no module at all
    return external_id(top)


def _add_refs(graph: nx.MultiDiGraph, facts: ModuleFacts, resolver: Resolver) -> None:
    edges: dict[tuple[str, str, EdgeKind], dict[str, Any]] = {}
    bases: dict[str, list[str]] = defaultdict(list)
    for ref in facts.refs:
        source = symbol_id(f"{facts.module}.{ref.scope}") if ref.scope else module_id(facts.module)
        if source not in graph:
            source = module_id(facts.module)
        target = resolver.resolve(ref.candidate)
        kinds: list[EdgeKind] = ["references"]
        if ref.role == "call":
            kinds.append("calls")
        if ref.role == "base":
            kinds.append("inherits")
            bases[ref.scope].append(qualified(target, ref.text))
        for kind in kinds:
            node = _edge_target(target, ref.text, kind)
            if node == source:
                continue
            data = edges.setdefault((source, node, kind), {"lines": set(), "names": set()})
            data["lines"].add(ref.line)
            if target is not None and id_kind(node) == "external":
                data["names"].add(target.qualname)
    batch = []
    for (source, node, kind), data in sorted(edges.items()):
        _ensure_node(graph, node)
        attrs: dict[str, Any] = {"kind": kind, "lines": tuple(sorted(data["lines"]))}
        if data["names"]:
            attrs["names"] = tuple(sorted(data["names"]))
        batch.append((source, node, kind, attrs))
    graph.add_edges_from(batch)
    for scope, names in bases.items():
        graph.nodes[symbol_id(f"{facts.module}.{scope}")]["bases"] = tuple(names)


def _edge_target(target: Target | None, text: str, kind: EdgeKind) -> str:
    """Calls and bases must resolve completely. A plain use may stop at the object it reads
    (``settings.api_prefix`` uses ``settings``), but not at the class behind ``self``."""
    if target is None:
        return unresolved_id(text)
    if target.remainder and (kind != "references" or text.startswith(("self.", "cls."))):
        return unresolved_id(text)
    return target.node


def _ensure_node(graph: nx.MultiDiGraph, node: str) -> None:
    if node in graph:
        return
    kind, _, name = node.partition(":")
    if kind == "external":
        top = name
        graph.add_node(node, kind="external", name=top, stdlib=top in sys.stdlib_module_names)
    else:
        graph.add_node(node, kind=kind, name=name)
