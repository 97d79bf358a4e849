"""Graph assembly: per-file facts in, one networkx graph out, names resolved across modules; and
the same graph patched where some modules changed."""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
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

#: What assembly writes: node ids by their first word, and edge kinds. A graph's other nodes,
#: edges and node attributes are the framework stage's.
_OWN_NODES = frozenset({"file", "module", "symbol", "external", "unresolved"})
_OWN_EDGES = frozenset({"contains", "imports", "references", "calls", "inherits"})
_USE_EDGES = frozenset({"imports", "references", "calls", "inherits"})
_OWN_ATTRIBUTES = frozenset(
    {
        *("kind", "name", "file", "file_kind", "start_line", "end_line", "docstring"),
        *("qualname", "module", "is_async", "decorators", "bases", "signature", "stdlib"),
    }
)


@dataclass(frozen=True)
class Inputs:
    """What a graph was assembled from: the files, the aliases, and for each module the key
    of the bytes its facts came from and the modules its names were resolved in."""

    files: tuple[SourceFile, ...]
    aliases: dict[str, str]
    scoped: dict[str, dict[str, str]]
    keys: dict[str, str]
    reads: dict[str, frozenset[str]]


def assemble(files: list[SourceFile], resolver: Resolver) -> nx.MultiDiGraph:
    """Build the graph of files, modules, symbols and their imports, uses and calls."""
    return _assembled(files, resolver)[0]


def reassemble(
    files: list[SourceFile],
    resolver: Resolver,
    keys: dict[str, str],
    before: tuple[nx.MultiDiGraph, Inputs] | None,
) -> tuple[nx.MultiDiGraph, Inputs]:
    """The graph ``assemble`` builds, and what it was made from. ``before`` is an earlier
    graph (a finished one: the framework stage's part is taken off) and its inputs; where
    only some modules' bytes changed since, that graph is patched, in place: the changed
    modules and those whose names were resolved in them are assembled again, no other."""
    if before is not None and _same_names(before[1], files, resolver):
        graph, inputs = before
        changed = {m for m, key in keys.items() if inputs.keys[m] != key}
        if _patchable(graph, changed, resolver):
            _own_only(graph)
            reads = _patch(graph, resolver, changed, inputs.reads)
            return graph, _inputs(files, resolver, keys, reads)
    graph, reads = _assembled(files, resolver)
    return graph, _inputs(files, resolver, keys, reads)


def _inputs(
    files: list[SourceFile],
    resolver: Resolver,
    keys: dict[str, str],
    reads: dict[str, frozenset[str]],
) -> Inputs:
    return Inputs(tuple(files), resolver.aliases, resolver.scoped, keys, reads)


def _assembled(
    files: list[SourceFile], resolver: Resolver
) -> tuple[nx.MultiDiGraph, dict[str, frozenset[str]]]:
    graph = nx.MultiDiGraph()
    facts = [resolver.modules[name] for name in sorted(resolver.modules)]
    for source in files:
        graph.add_node(file_id(source.path), kind="file", file=source.path, file_kind=source.kind)
    for module in facts:
        _add_module(graph, module)
    reads = {}
    for module in facts:
        _add_package_edges(graph, module, resolver)
        reads[module.module] = _add_uses(graph, module, resolver)
    return graph, reads


def _add_uses(graph: nx.MultiDiGraph, facts: ModuleFacts, resolver: Resolver) -> frozenset[str]:
    """A module's imports and references; the modules its names were resolved in."""
    _add_imports(graph, facts, resolver)
    with resolver.reads() as read:
        _add_refs(graph, facts, resolver)
    return frozenset(read)


def _same_names(before: Inputs, files: list[SourceFile], resolver: Resolver) -> bool:
    """Whether every name means what it meant: the same files, modules and aliases."""
    return (
        before.files == tuple(files)
        and before.aliases == resolver.aliases
        and before.scoped == resolver.scoped
        and before.keys.keys() == resolver.modules.keys()
    )


def _patchable(graph: nx.MultiDiGraph, changed: set[str], resolver: Resolver) -> bool:
    """A changed module's symbols may be replaced alone only if no other module's symbol has
    the same id (a class ``b`` in package ``a`` beside a module ``a.b``): then both wrote
    one node, and only a full assembly rebuilds it as it was."""
    for name in changed:
        old = _symbols_of(graph, name)
        if any(graph.nodes[node].get("module") != name for node in old):
            return False
        new = {symbol_id(f"{name}.{s.qualname}") for s in resolver.modules[name].symbols}
        if any(node in graph and node not in old for node in new):
            return False
    return True


def _own_only(graph: nx.MultiDiGraph) -> None:
    """Take the framework stage's nodes, edges and attributes off a finished graph."""
    graph.remove_nodes_from([n for n in graph if id_kind(n) not in _OWN_NODES])
    foreign = [e for e in graph.edges(keys=True) if e[2] not in _OWN_EDGES]
    graph.remove_edges_from(foreign)
    for _, data in graph.nodes(data=True):
        for name in [k for k in data if k not in _OWN_ATTRIBUTES]:
            del data[name]
    graph.graph.clear()


def _patch(
    graph: nx.MultiDiGraph,
    resolver: Resolver,
    changed: set[str],
    reads: dict[str, frozenset[str]],
) -> dict[str, frozenset[str]]:
    dirty = changed | {m for m, read in reads.items() if not read.isdisjoint(changed)}
    targets: set[str] = set()
    for name in sorted(dirty):
        symbols = _symbols_of(graph, name)
        for node in [module_id(name), *symbols]:
            uses = [e for e in graph.out_edges(node, keys=True) if e[2] in _USE_EDGES]
            targets.update(target for _, target, _ in uses)
            graph.remove_edges_from(uses)
        if name in changed:
            graph.remove_nodes_from(symbols)
        else:
            for node in symbols:
                graph.nodes[node]["bases"] = ()
    for name in sorted(changed):
        _add_module(graph, resolver.modules[name])
    patched = dict(reads)
    for name in sorted(dirty):
        patched[name] = _add_uses(graph, resolver.modules[name], resolver)
    _drop_unused(graph, targets, resolver)
    return patched


def _symbols_of(graph: nx.MultiDiGraph, module: str) -> list[str]:
    """The module's symbol nodes, found through ``contains`` edges from its node."""
    found: list[str] = []
    todo = [module_id(module)]
    while todo:
        node = todo.pop()
        for _, child, key in graph.out_edges(node, keys=True):
            if key == "contains" and id_kind(child) == "symbol":
                found.append(child)
                todo.append(child)
    return found


def _drop_unused(graph: nx.MultiDiGraph, nodes: Iterable[str], resolver: Resolver) -> None:
    """External and unresolved nodes, and those of modules that failed to parse, exist for
    the edges into them: none left, none kept."""
    unused = [n for n in nodes if n in graph and _edge_made(n, resolver) and not graph.in_degree(n)]
    graph.remove_nodes_from(unused)


def _edge_made(node: str, resolver: Resolver) -> bool:
    """Whether only the edges into ``node`` make it: no facts of its own stand behind it."""
    kind = id_kind(node)
    if kind == "module":
        return node.removeprefix("module:") not in resolver.modules
    return kind in ("external", "unresolved")


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
        target = _imported_module(imp.target, imp.from_module, imp.star, resolver, facts.module)
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
    target: str, from_module: str | None, star: bool, resolver: Resolver, importer: str
) -> str | None:
    """The module an import statement makes the importer depend on (grimp's rule)."""
    for name in (target, from_module) if not star else (target,):
        if name is None:
            continue
        module = resolver.alias(name, importer)
        if module is not None:
            return module_id(module)
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
        target = resolver.resolve(ref.candidate, importer=facts.module)
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
