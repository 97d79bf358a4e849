"""Graph assembly: per-file facts in, one networkx graph out, names resolved across modules."""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from codeintel.discover import SourceFile
from codeintel.models import ModuleFacts, SymbolFact

_MAX_HOPS = 32  # re-export chains longer than this are cycles in practice


def module_id(name: str) -> str:
    return f"module:{name}"


def symbol_id(qualname: str) -> str:
    return f"symbol:{qualname}"


def external_id(top: str) -> str:
    return f"external:{top}"


def unresolved_id(text: str) -> str:
    return f"unresolved:{text}"


@dataclass(frozen=True)
class Target:
    """What a dotted name resolved to: a node, its qualified name, and what was left over."""

    node: str
    qualname: str
    remainder: str = ""


class Resolver:
    """Resolves dotted names against the project: modules, symbols, re-exports, star imports."""

    def __init__(self, modules: Iterable[ModuleFacts], aliases: dict[str, str]) -> None:
        self.modules: dict[str, ModuleFacts] = {}
        self.symbols: dict[str, SymbolFact] = {}
        self.symbol_module: dict[str, str] = {}
        # module -> bound name -> (module imported from, or None for ``import x``; target)
        self.bindings: dict[str, dict[str, tuple[str | None, str]]] = defaultdict(dict)
        self.stars: dict[str, list[str]] = defaultdict(list)
        self.bases: dict[str, list[str]] = defaultdict(list)
        self.aliases = aliases
        for facts in modules:
            self.modules[facts.module] = facts
            for sym in facts.symbols:
                self.symbols[f"{facts.module}.{sym.qualname}"] = sym
                self.symbol_module[f"{facts.module}.{sym.qualname}"] = facts.module
            for imp in facts.imports:
                if imp.scope:
                    continue
                if imp.star:
                    self.stars[facts.module].append(imp.target)
                elif imp.bound is not None and imp.binds_to is not None:
                    binding = (imp.from_module, imp.binds_to)
                    self.bindings[facts.module].setdefault(imp.bound, binding)
            for ref in facts.refs:
                if ref.role == "base":
                    self.bases[f"{facts.module}.{ref.scope}"].append(ref.candidate)
        self.tops = {name.partition(".")[0] for name in (*self.modules, *aliases)}
        self._cache: dict[str, Target | None] = {}

    def resolve(self, dotted: str, hops: int = 0) -> Target | None:
        """The node ``dotted`` names, or None when it names nothing we can see."""
        if hops == 0 and dotted in self._cache:
            return self._cache[dotted]
        result = self._resolve(dotted, hops)
        if hops == 0:
            self._cache[dotted] = result
        return result

    def _resolve(self, dotted: str, hops: int) -> Target | None:
        if hops > _MAX_HOPS:
            return None
        parts = dotted.split(".")
        for i in range(len(parts), 0, -1):
            module = self.aliases.get(".".join(parts[:i]))
            if module is not None:
                return self._walk(module, parts[i:], hops)
        if parts[0] in self.tops:
            return None  # a project name that does not exist
        return Target(external_id(parts[0]), dotted)

    def _walk(self, module: str, rest: list[str], hops: int) -> Target | None:
        if hops > _MAX_HOPS:
            return None
        symbol: str | None = None
        for index, part in enumerate(rest):
            tail = rest[index + 1 :]
            if symbol is None:
                if f"{module}.{part}" in self.symbols:
                    symbol = part
                elif part in self.bindings[module] and not self._imports_own_submodule(
                    module, part
                ):
                    return self._follow(self.bindings[module][part], tail, hops + 1)
                elif f"{module}.{part}" in self.modules:
                    module = f"{module}.{part}"
                else:
                    return self._via_star(module, rest[index:], hops)
            elif f"{module}.{symbol}.{part}" in self.symbols:
                symbol = f"{symbol}.{part}"
            else:
                inherited = self._inherited(f"{module}.{symbol}", rest[index:], hops)
                if inherited is not None:
                    return inherited
                qualname = f"{module}.{symbol}"
                return Target(symbol_id(qualname), qualname, ".".join(rest[index:]))
        if symbol is None:
            return Target(module_id(module), module)
        return Target(symbol_id(f"{module}.{symbol}"), f"{module}.{symbol}")

    def _imports_own_submodule(self, module: str, name: str) -> bool:
        """``from . import health`` in a package's ``__init__`` binds its own submodule."""
        from_module, target = self.bindings[module][name]
        return (
            from_module is not None
            and self.aliases.get(from_module) == module
            and (target == f"{from_module}.{name}")
        )

    def _follow(self, binding: tuple[str | None, str], tail: list[str], hops: int) -> Target | None:
        """``from pkg import name`` reads the attribute ``name`` of ``pkg``: a name ``pkg``
        binds (a re-export) shadows a submodule of the same name, as at runtime."""
        from_module, target = binding
        source = self.aliases.get(from_module) if from_module else None
        if source is None or from_module is None:
            return self.resolve(".".join([target, *tail]), hops)
        return self._walk(source, [target[len(from_module) + 1 :], *tail], hops)

    def class_bases(self, cls: str) -> tuple[str, ...]:
        """The qualified names of a project class's bases, as written, resolved."""
        return tuple(_qualified(self.resolve(c), c) for c in self.bases.get(cls, ()))

    def mro(self, cls: str) -> list[str]:
        """Project classes and external bases reachable from ``cls``, nearest first (a
        depth-first, left-to-right walk: exact C3 only matters for diamonds, rare in models)."""
        order: list[str] = []
        todo = [cls]
        while todo:
            current = todo.pop(0)
            if current in order:
                continue
            order.append(current)
            todo[0:0] = [b for b in self.class_bases(current) if b not in order]
        return order

    def _via_star(self, module: str, rest: list[str], hops: int) -> Target | None:
        for source in self.stars[module]:
            found = self.resolve(".".join([source, *rest]), hops + 1)
            if found is not None and not found.node.startswith("external:"):
                return found
        return None

    def _inherited(self, cls: str, rest: list[str], hops: int) -> Target | None:
        sym = self.symbols.get(cls)
        if sym is None or sym.kind != "class":
            return None
        for candidate in self.bases[cls]:
            base = self.resolve(candidate, hops + 1)
            if base is None or not base.node.startswith("symbol:") or base.remainder:
                continue
            found = self.resolve(".".join([base.qualname, *rest]), hops + 1)
            if found is not None and not found.remainder:
                return found
        return None


def assemble(files: list[SourceFile], resolver: Resolver) -> nx.MultiDiGraph:
    """Build the graph of files, modules, symbols and their imports, uses and calls."""
    graph = nx.MultiDiGraph()
    facts = [resolver.modules[name] for name in sorted(resolver.modules)]
    for source in files:
        graph.add_node(f"file:{source.path}", kind="file", file=source.path, file_kind=source.kind)
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
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    bases: dict[str, list[str]] = defaultdict(list)
    for ref in facts.refs:
        source = symbol_id(f"{facts.module}.{ref.scope}") if ref.scope else module_id(facts.module)
        if source not in graph:
            source = module_id(facts.module)
        target = resolver.resolve(ref.candidate)
        kinds = ["references"]
        if ref.role == "call":
            kinds.append("calls")
        if ref.role == "base":
            kinds.append("inherits")
            bases[ref.scope].append(_qualified(target, ref.text))
        for kind in kinds:
            node = _edge_target(target, ref.text, kind)
            if node == source:
                continue
            data = edges.setdefault((source, node, kind), {"lines": set(), "names": set()})
            data["lines"].add(ref.line)
            if target is not None and node.startswith("external:"):
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


def _edge_target(target: Target | None, text: str, kind: str) -> str:
    """Calls and bases must resolve completely. A plain use may stop at the object it reads
    (``settings.api_prefix`` uses ``settings``), but not at the class behind ``self``."""
    if target is None:
        return unresolved_id(text)
    if target.remainder and (kind != "references" or text.startswith(("self.", "cls."))):
        return unresolved_id(text)
    return target.node


def _qualified(target: Target | None, text: str) -> str:
    if target is None:
        return text
    return f"{target.qualname}.{target.remainder}" if target.remainder else target.qualname


def _ensure_node(graph: nx.MultiDiGraph, node: str) -> None:
    if node in graph:
        return
    kind, _, name = node.partition(":")
    if kind == "external":
        top = name
        graph.add_node(node, kind="external", name=top, stdlib=top in sys.stdlib_module_names)
    else:
        graph.add_node(node, kind=kind, name=name)
