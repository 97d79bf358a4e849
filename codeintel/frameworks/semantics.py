"""Framework facts (FastAPI, pydantic, pytest, project config, docs) extracted and added to the
graph."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypeVar

import networkx as nx

from codeintel.config.dependencies import Declared, PydanticMajors, pydantic_majors
from codeintel.config.docs import extract_docs
from codeintel.config.project import extract_project
from codeintel.config.projects import Layout
from codeintel.config.reader import ConfigReader
from codeintel.config.testing import addopts_plugins, entry_point_plugins, pytest_settings
from codeintel.diagnostics import Diagnostic
from codeintel.facts.conventions import Convention
from codeintel.facts.docs import DocFile
from codeintel.facts.exceptions import ErrorFacts
from codeintel.facts.fixtures import TestFacts
from codeintel.facts.layers import ModuleLayer
from codeintel.facts.routes import Route
from codeintel.facts.schemas import Schema
from codeintel.facts.services import Component
from codeintel.frameworks.conventions import measure_conventions
from codeintel.frameworks.depends import dependency_diagnostics
from codeintel.frameworks.exceptions import extract_errors
from codeintel.frameworks.fixtures import extract_tests
from codeintel.frameworks.layers import classify_layers
from codeintel.frameworks.routes import extract_routes, served_modules
from codeintel.frameworks.schemas import extract_schemas, schema_diagnostics
from codeintel.frameworks.services import extract_components
from codeintel.frameworks.write import (
    add_components,
    add_docs,
    add_layers,
    add_project,
    add_provider_edges,
    add_routes,
    add_schemas,
    add_tests,
)
from codeintel.pipeline.discover import SourceFile
from codeintel.resolve.evaluate import Evaluator
from codeintel.resolve.resolver import Resolver


class Memo(Protocol):
    """Results of a stage kept from one run to the next, keyed by the inputs it read."""

    def key(self, modules: list[str]) -> str:
        """A digest of these modules' facts and of how every module is named."""
        ...

    def recall(self, stage: str, key: str) -> object:
        """What ``stage`` made from the inputs ``key`` names, or None."""
        ...

    def keep(self, stage: str, key: str, result: object) -> None: ...


@dataclass(frozen=True)
class Served:
    """What the modules serving the app decide alone (``served_modules``): the routes, the
    providers they reach (provider -> what it asks for), the services and repositories, the
    errors, the conventions and those modules' schemas, and the diagnostics of reading them."""

    modules: frozenset[str]
    routes: list[Route]
    providers: dict[str, tuple[str, ...]]
    components: list[Component]
    errors: ErrorFacts
    conventions: list[Convention]
    schemas: list[Schema]
    diagnostics: list[Diagnostic]


def add_semantics(
    graph: nx.MultiDiGraph,
    evaluator: Evaluator,
    files: list[SourceFile],
    root: Path,
    memo: Memo | None = None,
) -> list[Diagnostic]:
    """Extract every framework fact family and add it to ``graph``; return their diagnostics.
    A family that fails on some project is a CI900 and leaves its facts empty: the others
    still answer, rather than the whole analysis ending in a traceback."""
    found: list[Diagnostic] = []
    guard = _Guard(found)
    # the configuration read once for every view of it: each file parsed once, a malformed
    # one reported once, by the project view
    reader = ConfigReader(root, files)
    layout = Layout(reader, sorted(f.path for f in files if f.kind == "python"))
    declared = Declared(layout)
    majors, pins = guard("schemas", pydantic_majors, _NO_MAJORS, layout, declared)
    found += pins
    resolver = evaluator.resolver
    pydantic = {m: majors.major(f.file) for m, f in resolver.modules.items()}
    pydantic_1 = frozenset(m for m, major in pydantic.items() if major < 2)
    pydantic_0 = frozenset(m for m, major in pydantic.items() if major == 0)
    served = guard("routes", served_facts, _NO_SERVED, evaluator, memo, pydantic_1, pydantic_0)
    routes = served.routes
    guard("routes", add_routes, None, graph, routes)
    guard("dependencies", add_provider_edges, None, graph, served.providers)
    found += served.diagnostics
    schemas: list[Schema] = guard(
        "schemas",
        extract_schemas,
        served.schemas,
        evaluator,
        served.schemas,
        served.modules,
        pydantic_1,
        pydantic_0,
    )
    guard("schemas", add_schemas, None, graph, schemas)
    found += guard("schemas", schema_diagnostics, [], schemas, evaluator)
    guard("components", add_components, None, graph, served.components)
    modules = list(evaluator.resolver.modules.values())
    layers: list[ModuleLayer] = guard(
        "layers", classify_layers, [], modules, routes, schemas, served.components
    )
    guard("layers", add_layers, None, graph, layers)
    plugins = guard("tests", _plugins, _NO_PLUGINS, reader)
    settings = functools.cache(functools.partial(pytest_settings, reader))
    tests, test_diagnostics = guard("tests", extract_tests, _NO_TESTS, evaluator, plugins, settings)
    guard("tests", add_tests, None, graph, tests)
    graph.graph["errors"] = served.errors.model_dump()
    graph.graph["conventions"] = tuple(c.model_dump() for c in served.conventions)
    route_files = [r.file for r in routes]
    project, projects, project_diagnostics = extract_project(
        layout, declared, evaluator, route_files
    )
    add_project(graph, project, projects, evaluator)
    docs, doc_diagnostics = guard("docs", extract_docs, _NO_DOCS, root, files)
    guard("docs", add_docs, None, graph, docs)
    return [*found, *test_diagnostics, *project_diagnostics, *doc_diagnostics]


def served_facts(
    evaluator: Evaluator,
    memo: Memo | None = None,
    pydantic_1: frozenset[str] = frozenset(),
    pydantic_0: frozenset[str] = frozenset(),
) -> Served:
    """The facts the modules serving the app decide alone, read from those modules alone
    (``served_modules``): the last run's, when none of them changed since, nor which of them
    run on pydantic 1 (``pydantic_1``, decided by the project's pins) or before 1.0
    (``pydantic_0``). Editing a test then
    reads none of them again."""
    resolver = evaluator.resolver
    modules = served_modules(resolver)
    key = memo.key(modules) if memo is not None else ""
    if memo is not None:  # a pin changed in a requirements file changes how fields read
        pinned = repr((sorted(pydantic_1 & set(modules)), sorted(pydantic_0 & set(modules))))
        key = hashlib.sha256(f"{key}\0{pinned}".encode()).hexdigest()
    if memo is not None and isinstance(kept := memo.recall("served", key), Served):
        return kept
    if len(modules) < len(resolver.modules):
        wanted = set(modules)
        held = (f for m, f in resolver.modules.items() if m in wanted)  # in the same order
        evaluator = Evaluator(Resolver(held, resolver.aliases, resolver.scoped))
    found: list[Diagnostic] = []
    guard = _Guard(found)
    routes, providers, diagnostics = guard("routes", extract_routes, _NO_ROUTES, evaluator)
    none: list[Diagnostic] = []
    found += diagnostics
    found += guard("dependencies", dependency_diagnostics, none, routes, providers, evaluator)
    components: list[Component] = guard("components", extract_components, [], evaluator, routes)
    errors = guard("errors", extract_errors, _NO_ERRORS, evaluator)
    conventions: list[Convention] = guard(
        "conventions", measure_conventions, [], evaluator, routes, errors
    )
    schemas: list[Schema] = guard(
        "schemas", extract_schemas, [], evaluator, (), (), pydantic_1, pydantic_0
    )
    served = Served(
        frozenset(modules), routes, providers, components, errors, conventions, schemas, found
    )
    if memo is not None:
        memo.keep("served", key, served)
    return served


def _plugins(reader: ConfigReader) -> tuple[tuple[str, str], ...]:
    """The plugin modules the configuration loads, each with the folder whose tests see it,
    in the order pytest registers them: ``-p`` options, then installed entry points."""
    return (*addopts_plugins(reader), *entry_point_plugins(reader))


_NO_MAJORS: tuple[PydanticMajors, list[Diagnostic]] = (PydanticMajors(("",), frozenset()), [])
_NO_PLUGINS: tuple[tuple[str, str], ...] = ()
_NO_ROUTES: tuple[list[Route], dict[str, tuple[str, ...]], list[Diagnostic]] = ([], {}, [])
_NO_ERRORS = ErrorFacts(exceptions=(), raises=(), handlers=())
_NO_SERVED = Served(frozenset(), [], {}, [], _NO_ERRORS, [], [], [])
_NO_TESTS: tuple[TestFacts, list[Diagnostic]] = (TestFacts(fixtures=(), tests=(), overrides=()), [])
_NO_DOCS: tuple[list[DocFile], list[Diagnostic]] = ([], [])
_T = TypeVar("_T")


class _Guard:
    """Runs one step of a fact family; an exception is a CI900 naming the family."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics

    def __call__(self, family: str, step: Callable[..., _T], fallback: _T, *args: object) -> _T:
        try:
            return step(*args)
        except Exception as exc:  # a bug meeting an unforeseen shape: report, never crash
            message = f"{family} failed ({type(exc).__name__}: {exc}); its facts are missing"
            failed = Diagnostic("CI900", "", 0, message)
            if failed not in self.diagnostics:  # a family read in two parts fails once
                self.diagnostics.append(failed)
            return fallback
