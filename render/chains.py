"""Resource chains: each resource's router, providers, services, repositories, schemas, tests."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import TypeVar

from codeintel import Component, Route, Schema
from render.facts import ProjectFacts
from render.words import singular, split_identifier

#: Module names that say nothing about the resource; the route paths name it instead.
_GENERIC_MODULES = frozenset({"main", "app", "api", "routes", "router", "routers", "views"})
_GENERIC_MODULES |= frozenset({"endpoints", "server", "application", "__init__"})
_VERSION = re.compile(r"^v\d+$")
_QUALNAME = re.compile(r"[A-Za-z_][\w.]*")
_Part = TypeVar("_Part", Component, Schema)


@dataclass(frozen=True)
class Chain:
    """An existing resource, end to end: what a new feature can mirror."""

    resource: str  # singular term, e.g. "server"
    router_file: str
    routes: tuple[Route, ...]
    registration: str | None  # "file:line" of the include_router that mounts the router
    providers: tuple[str, ...]
    services: tuple[Component, ...]
    repositories: tuple[Component, ...]
    schemas: tuple[Schema, ...]
    test_files: tuple[str, ...]
    #: Modules the plan centres on when the request is about a component (a client, the
    #: settings, a scanner), not an API resource; empty for a resource's chain.
    focus: tuple[str, ...] = ()

    @property
    def is_component(self) -> bool:
        return bool(self.focus)

    @property
    def layers(self) -> tuple[str, ...]:
        present = {
            "api": bool(self.routes),
            "service": bool(self.services),
            "repository": bool(self.repositories),
            "schema": bool(self.schemas),
            "tests": bool(self.test_files),
        }
        return tuple(layer for layer, here in present.items() if here)

    @property
    def files(self) -> tuple[str, ...]:
        found = {self.router_file, *self.test_files, *self.focus}
        found |= {c.file for c in (*self.services, *self.repositories)}
        found |= {s.file for s in self.schemas}
        return tuple(sorted(found))


def resource_of(route: Route) -> str:
    """The resource a route serves: its module's name, or the first telling path segment."""
    stem = route.file.rsplit("/", 1)[-1].removesuffix(".py")
    if stem not in _GENERIC_MODULES and stem.isidentifier():
        # ``articles_common.py`` serves articles: the first word names the resource.
        return singular(split_identifier(stem)[0]) if split_identifier(stem) else "root"
    for segment in route.path.split("/"):
        telling = segment and segment != "api" and not _VERSION.match(segment)
        if telling and "{" not in segment and "<" not in segment:
            return singular(segment.lower().replace("-", "_"))
    return "root"


def build_chains(facts: ProjectFacts) -> list[Chain]:
    """One chain per (router file, resource), sorted by resource then file."""
    graph = facts.graph
    grouped: dict[tuple[str, str], list[Route]] = defaultdict(list)
    for route in graph.routes():
        # a router no app includes is still code to plan from (the plan's notes say so)
        grouped[resource_of(route), route.file].append(route)
    services = graph.services()
    repositories = {c.qualname: c for c in graph.repositories()}
    schemas = {s.qualname: s for s in graph.schemas()}
    tests = facts.tests
    module_of = facts.module_of_file
    # test files by the modules they import and by the words of their names, looked up per
    # chain: a pass over every test per chain was most of a plan's time on large projects
    importing: dict[str, set[str]] = defaultdict(set)
    named: dict[str, set[str]] = defaultdict(set)
    for test in tests:
        for module in test.tests_modules:
            importing[module].add(test.file)
        for word in name_words(test.file.rpartition("/")[2]):
            named[word].add(test.file)
    chains = []
    for (resource, file), routes in sorted(grouped.items()):
        endpoints = {r.endpoint for r in routes}
        used = tuple(s for s in services if endpoints & set(s.routes))
        router_module = module_of[file]  # not the endpoint's prefix: it may be a local
        imported = set(graph.modules_imported_by(router_module))
        repos = _own(_repositories(used, repositories, imported, endpoints), resource)
        models = _own(_schemas(routes, repos, schemas), resource)
        modules = {router_module}
        modules |= {module_of[c.file] for c in (*used, *repos)}
        modules |= {module_of[s.file] for s in models}
        modules = {m for m in modules if resource in name_words(m)} or modules
        # A test reaches its resource by import, or through the HTTP client by name only.
        test_files = sorted(set().union(*(importing[m] for m in modules), named[resource]))
        chains.append(
            Chain(
                resource=resource,
                router_file=file,
                routes=tuple(sorted(routes, key=lambda r: (r.line, r.method))),
                registration=routes[0].includes[-1] if routes[0].includes else None,
                providers=tuple(sorted({p for r in routes for p in r.dependencies})),
                services=used,
                repositories=repos,
                schemas=models,
                test_files=tuple(test_files),
            )
        )
    return chains


def _own(parts: tuple[_Part, ...], resource: str) -> tuple[_Part, ...]:
    """The parts named after the resource (``ArticlesRepository``, ``schemas/articles.py``),
    when any are: a base class or a shared module they use is not the chain to copy."""
    own = tuple(p for p in parts if resource in name_words(p.qualname))
    return own or parts


def _repositories(
    services: tuple[Component, ...],
    repositories: dict[str, Component],
    imported: set[str],
    endpoints: set[str],
) -> tuple[Component, ...]:
    """The repositories the services use, those the endpoints get from a provider, and
    crud-style modules the router calls itself."""
    names = {u for s in services for u in s.uses if u in repositories}
    names |= {q for q, r in repositories.items() if q in imported or endpoints & set(r.routes)}
    return tuple(repositories[n] for n in sorted(names))


def _schemas(
    routes: list[Route], repositories: tuple[Component, ...], schemas: dict[str, Schema]
) -> tuple[Schema, ...]:
    """Schemas the routes take or return (inside ``list[...]`` too) and the repositories store."""
    names: set[str] = set()
    for route in routes:
        for text in (route.body, route.response_model):
            names.update(n for n in _QUALNAME.findall(text or "") if n in schemas)
    names.update(u for r in repositories for u in r.uses if u in schemas)
    modules = {n.rpartition(".")[0] for n in names}
    # siblings in the same module (Create/Read/Update variants) belong to the resource too
    names.update(q for q in schemas if q.rpartition(".")[0] in modules)
    return tuple(schemas[n] for n in sorted(names))


def name_words(path: str) -> set[str]:
    """The resources a file's or dotted name's parts speak of (``tests/test_agents_api.py``:
    test, agent, api; ``app.schemas.articles.ArticleIn``: app, schema, article, in)."""
    stem = path.removesuffix(".py")
    return {singular(w) for part in re.split(r"[/.]", stem) for w in split_identifier(part)}


def component_chain(facts: ProjectFacts, name: str, focus: tuple[str, ...]) -> Chain:
    """The modules a component request is about, with the routes, services and schemas they
    hold and the tests that import them: a chain with no router to copy."""
    graph = facts.graph
    wanted = set(focus)
    modules = {facts.module_of_file[f] for f in focus if f in facts.module_of_file}
    routes = tuple(sorted((r for r in graph.routes() if r.file in wanted), key=_route_order))
    return Chain(
        resource=name,
        router_file=focus[0],
        routes=routes,
        registration=None,
        providers=(),
        services=tuple(s for s in graph.services() if s.file in wanted),
        repositories=tuple(r for r in graph.repositories() if r.file in wanted),
        schemas=tuple(s for s in graph.schemas() if s.file in wanted),
        test_files=tuple(sorted({t.file for t in facts.tests if modules & set(t.tests_modules)})),
        focus=focus,
    )


def _route_order(route: Route) -> tuple[str, int, str]:
    return route.file, route.line, route.method


def is_source(file: str) -> bool:
    """A Python module that is not a test (``tests/``, ``test_*.py``, ``conftest.py``) nor a
    generated migration."""
    if not file.endswith(".py") or file.endswith("conftest.py"):
        return False
    folders = file.split("/")[:-1]
    stem = file.rpartition("/")[2]
    # generated schema migrations are written by a tool, not read to plan a change
    if "migrations" in folders or ("versions" in folders and "alembic" in file):
        return False
    return not ({"test", "tests", "testing"} & set(folders)) and not (
        stem.startswith("test_") or stem.endswith("_test.py")
    )
