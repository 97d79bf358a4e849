"""Framework facts as graph nodes, node attributes and edges."""

from __future__ import annotations

import networkx as nx

from codeintel.config.distributions import import_names
from codeintel.config.projects import nearest_project
from codeintel.facts.docs import DocFile
from codeintel.facts.fixtures import Fixture, TestFacts
from codeintel.facts.ids import (
    EdgeKind,
    dist_id,
    file_id,
    module_id,
    route_id,
    symbol_id,
)
from codeintel.facts.layers import ModuleLayer
from codeintel.facts.project import Project
from codeintel.facts.routes import Route
from codeintel.facts.schemas import Schema
from codeintel.facts.services import Component
from codeintel.frameworks.fixtures import (
    fixture_node,
    fixture_site,
    overridden,
    visible_fixtures,
)
from codeintel.resolve.evaluate import Evaluator


def add_routes(graph: nx.MultiDiGraph, routes: list[Route]) -> None:
    """Route nodes, with ``handles`` (endpoint), ``depends_on`` and ``uses_schema`` edges."""
    seen: dict[str, int] = {}
    for route in routes:
        base = route_id(route.method, route.path)
        seen[base] = seen.get(base, 0) + 1
        node = route_id(route.method, route.path, seen[base])
        graph.add_node(
            node, kind="route", start_line=route.line, end_line=route.line, **route.model_dump()
        )
        _link(graph, node, route.endpoint, "handles")
        for provider in route.dependencies:
            _link(graph, node, provider, "depends_on")
        for schema in (route.body, route.response_model):
            if schema is not None:
                _link(graph, node, schema, "uses_schema")


def add_provider_edges(graph: nx.MultiDiGraph, tree: dict[str, tuple[str, ...]]) -> None:
    """``depends_on`` from each provider to the providers it asks for itself."""
    for provider, subs in sorted(tree.items()):
        source = symbol_id(provider)
        if source in graph:
            for sub in subs:
                _link(graph, source, sub, "depends_on")


def _link(graph: nx.MultiDiGraph, source: str, qualname: str, kind: EdgeKind) -> None:
    target = symbol_id(qualname.removesuffix("()"))  # an instance provider links to its class
    if target in graph:
        graph.add_edge(source, target, key=kind, kind=kind)


def add_schemas(graph: nx.MultiDiGraph, schemas: list[Schema]) -> None:
    """Schema facts ride on their class's node, under ``schema``."""
    for schema in schemas:
        graph.nodes[symbol_id(schema.qualname)]["schema"] = schema.model_dump()


def add_components(graph: nx.MultiDiGraph, components: list[Component]) -> None:
    """Service and repository facts ride on their class's (or crud module's) node."""
    for component in components:
        node = symbol_id(component.qualname)
        if node not in graph:
            node = module_id(component.qualname)
        graph.nodes[node]["component"] = component.model_dump()


def add_unparsed(graph: nx.MultiDiGraph, unparsed: dict[str, str]) -> None:
    """The project modules that failed to parse (their CI103 says why), by file, are still
    the project's: the imports of one reach its node, which carries its file and layer
    "other" as any module's does, so no stage or query meets a module without them."""
    for path, name in sorted(unparsed.items()):
        data = graph.nodes.get(module_id(name))
        if data is None:
            continue
        if "file" not in data:
            kind = "package" if path.rpartition("/")[2] == "__init__.py" else "module"
            data.update(kind=kind, file=path, start_line=1, end_line=1, docstring=None)
        if "layer" not in data:
            data.update(layer="other", layer_reason="not parsed")


def add_layers(graph: nx.MultiDiGraph, layers: list[ModuleLayer]) -> None:
    """Each module's layer and the reason, as ``layer`` and ``layer_reason`` on its node."""
    for layer in layers:
        node = graph.nodes[module_id(layer.module)]
        node["layer"], node["layer_reason"] = layer.layer, layer.reason


_MODULES = frozenset({"module", "package"})


def add_tests(graph: nx.MultiDiGraph, facts: TestFacts) -> None:
    """Fixture nodes with ``requests_fixture`` edges (as pytest would resolve them), test facts
    on their function's node, and ``tests`` edges from test modules to the modules they import."""
    for fixture in facts.fixtures:
        graph.add_node(
            fixture_node(fixture),
            kind="fixture",
            file=fixture.file,
            start_line=fixture.line,
            end_line=fixture.end_line,
            fixture=fixture.model_dump(),
        )
    seen: dict[tuple[str, str | None], dict[str, Fixture]] = {}  # by the site they are seen at
    for fixture in facts.fixtures:
        site = fixture_site(fixture)
        if site not in seen:
            seen[site] = visible_fixtures(facts.fixtures, *site)
        for name in fixture.requests:
            target = seen[site].get(name)
            if name == fixture.name:  # its own name: the next definition out, as in pytest
                target = overridden(fixture, facts.fixtures, site)
            if target is not None:
                kind: EdgeKind = "requests_fixture"
                graph.add_edge(fixture_node(fixture), fixture_node(target), key=kind, kind=kind)
    modules = {d["file"]: n for n, d in graph.nodes(data=True) if d.get("kind") in _MODULES}
    for test in facts.tests:
        owner = modules[test.file]
        if symbol_id(test.qualname) in graph:
            graph.nodes[symbol_id(test.qualname)]["test"] = test.model_dump()
        else:  # collected from a class defined elsewhere: no function of its own here
            collected = graph.nodes[owner].setdefault("collected_tests", [])
            collected.append(test.model_dump())
        for module in test.tests_modules:
            if module_id(module) in graph:
                graph.add_edge(owner, module_id(module), key="tests", kind="tests")
    graph.graph["dependency_overrides"] = tuple(o.model_dump() for o in facts.overrides)


def add_project(
    graph: nx.MultiDiGraph, main: Project, projects: tuple[Project, ...], evaluator: Evaluator
) -> None:
    """Project configuration on the graph (the main project and every sub-project); ``dist:``
    nodes with ``requires`` edges from the modules that import them, matched against the
    dependencies of the project that holds each module."""
    graph.graph["project"] = main.model_dump()
    graph.graph["projects"] = tuple(p.model_dump() for p in projects)
    providers: dict[str, dict[str, str]] = {}
    for project in projects:
        found = providers.setdefault(project.folder, {})
        for dependency in project.dependencies:
            node = dist_id(dependency.name)
            if node not in graph:
                graph.add_node(
                    node,
                    kind="dist",
                    name=dependency.name,
                    file=dependency.source,
                    start_line=dependency.line,
                    end_line=dependency.line,
                )
            for name in import_names(dependency.name):
                found.setdefault(name, node)
    for facts in evaluator.resolver.modules.values():
        holder = nearest_project(facts.file, providers)
        for fact in facts.imports:
            dist = providers[holder].get(fact.target.split(".")[0])
            if dist is not None:
                graph.add_edge(module_id(facts.module), dist, key="requires", kind="requires")


def add_docs(graph: nx.MultiDiGraph, docs: list[DocFile]) -> None:
    for doc in docs:
        graph.nodes[file_id(doc.file)]["doc"] = doc.model_dump()
