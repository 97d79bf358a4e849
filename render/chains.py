"""Resource chains: each resource's router, providers, services, repositories, schemas, tests."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import TypeVar

from codeintel import Component, Route, Schema
from render.facts import ProjectFacts
from render.naming import swap
from render.words import singular, split_identifier

#: Module names that say nothing about the resource; the route paths name it instead.
_GENERIC_MODULES = frozenset({"main", "app", "api", "routes", "router", "routers", "views"})
_GENERIC_MODULES |= frozenset({"endpoints", "server", "application", "__init__"})
#: Words naming a layer of a resource (``user_service``, ``articles_repository``): a module
#: whose name adds only these to the resource's is still the resource's.
_LAYER_WORDS = frozenset({"service", "repository", "repo", "crud", "model", "schema", "api"})
_LAYER_WORDS |= frozenset({"route", "router", "view", "endpoint", "handler", "controller"})
_LAYER_WORDS |= frozenset({"store", "dao", "db", "database", "manager", "test", "flow"})
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
    #: Tests of the resource: named after it, or importing its router, service or repository.
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
    module_of = facts.module_of_file
    coverage = _TestIndex(facts, {resource for resource, _ in grouped})
    chains = []
    for (resource, file), routes in sorted(grouped.items()):
        endpoints = {r.endpoint for r in routes}
        router_module = module_of[file]  # not the endpoint's prefix: it may be a local
        imported = set(graph.modules_imported_by(router_module))
        # a service the endpoints build in their bodies (``OrganisationService(session)``)
        # has no route of its own: the router importing its module, named after the
        # resource, is the evidence
        used = tuple(
            s
            for s in services
            if endpoints & set(s.routes)
            or (
                module_of.get(s.file) in imported
                and resource in name_words(s.qualname)
                and not s.name.startswith("_")  # a module's private helper class
            )
        )
        repos = _own(_repositories(used, repositories, imported, endpoints), resource)
        models = _own(_schemas(routes, repos, schemas), resource)
        code = {router_module} | {module_of[c.file] for c in (*used, *repos)}
        code = {m for m in code if resource in name_words(m)} or code
        shapes = {module_of[s.file] for s in models}
        test_files = coverage.tests_of(resource, file, code, shapes)
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
                test_files=test_files,
            )
        )
    return chains


class _TestIndex:
    """Which test files test a resource, looked up per chain (a pass over every test per
    chain was most of a plan's time on large projects).

    A test file tests a resource when its name names the resource, or when it imports the
    resource's router, service or repository and its name names no other resource. Importing
    only the resource's models is what a test of another resource does to build its data
    (``test_comments.py`` creating an article), so it is no evidence.
    """

    def __init__(self, facts: ProjectFacts, resources: set[str]) -> None:
        self.importing: dict[str, set[str]] = defaultdict(set)
        self.imports: dict[str, set[str]] = defaultdict(set)
        for test in facts.tests:
            for module in test.tests_modules:
                self.importing[module].add(test.file)
                self.imports[test.file].add(module)
        self.names = {t.file: resources_named(_stem_words(t.file), resources) for t in facts.tests}
        self.named: dict[str, set[str]] = defaultdict(set)
        for file, named in self.names.items():
            for resource in named:
                self.named[resource].add(file)
        self.resources = resources
        self.file_of_module = facts.file_of_module
        # folders holding source code somewhere below them: where a test's own code lives
        self.code_folders = {
            folder
            for file in facts.module_of_file
            if is_source(file)
            for folder in _ancestors(file)
        }
        self.sources: dict[str, set[str]] = {}  # module -> resources its name names, if source

    def source_names(self, module: str) -> set[str]:
        if module not in self.sources:
            file = self.file_of_module.get(module)
            named = set()
            if file and is_source(file):
                named = resources_named(_module_words(module), self.resources)
            self.sources[module] = named
        return self.sources[module]

    def home(self, test: str) -> str:
        """The deepest folder above ``test`` that holds source code: the part of a monorepo
        (``services/cart``, ``src/features/users``) whose code the test tests."""
        return next((f for f in _ancestors(test) if f in self.code_folders), "")

    def tests_of(
        self, resource: str, router: str, code: set[str], shapes: set[str]
    ) -> tuple[str, ...]:
        """The tests of the chain whose router is ``router``, named after ``resource`` or
        importing its ``code`` (not only its ``shapes``), from the router's part of the
        project: ``api_gateway/tests/test_product_routes.py`` tests the gateway's routes."""
        found = self._tests_of(resource, code, shapes)
        return tuple(f for f in found if router.startswith(self.home(f)))

    def _tests_of(self, resource: str, code: set[str], shapes: set[str]) -> tuple[str, ...]:
        own = code | shapes
        places = {_place(m, resource) for m in own}
        found = set()
        spelled = {w for m in own for w in _module_words(m)}
        for file in self.named[resource]:
            imports = self.imports[file]
            # ``test_slack_incident_interactive.py`` importing ``plugins.slack.incident``, the
            # resource's name in another place than the chain's, tests that module, not the
            # chain: that module spells words of the test's name no module of the chain has
            stem = set(_stem_words(file)) - _LAYER_WORDS
            elsewhere = any(
                resource in self.source_names(m)
                and _place(m, resource) not in places
                and stem & set(_module_words(m)) - spelled
                for m in imports - own
            )
            if imports & own or not elsewhere:
                found.add(file)
        for module in code:
            found |= {f for f in self.importing[module] if not self.names[f] - {resource}}
        return tuple(sorted(found))


def names_resource(file: str, resource: str) -> bool:
    """Whether a file's name names ``resource`` (all its words, in a row)."""
    return bool(resources_named(_stem_words(file), {resource}))


def router_words(chain: Chain) -> set[str]:
    """What the router's file name says beyond its resource and layer (``image`` in
    ``product_image_routes.py``): a sub-resource, or another aspect of it."""
    stem = set(_stem_words(chain.router_file))
    spelled = {singular(w) for w in split_identifier(chain.resource)}
    return stem - spelled - _LAYER_WORDS - {singular(m) for m in _GENERIC_MODULES}


def _place(module: str, resource: str) -> str:
    """Where ``module`` names ``resource``: its dotted name up to the part that does
    (``app.users`` for ``app.users.services.users``), or the whole name."""
    parts = module.split(".")
    for end in range(1, len(parts) + 1):
        if resources_named(_module_words(".".join(parts[:end])), {resource}):
            return ".".join(parts[:end])
    return module


def _ancestors(file: str) -> list[str]:
    """``a/b/c.py`` -> ``a/b/``, ``a/``: the folders above a file, deepest first, each with
    its slash so that a prefix test cannot match ``a/bc``."""
    parts = file.split("/")[:-1]
    return ["/".join(parts[:end]) + "/" for end in range(len(parts), 0, -1)]


def _module_words(module: str) -> list[str]:
    return [singular(w) for part in module.split(".") for w in split_identifier(part)]


def _stem_words(file: str) -> list[str]:
    stem = file.rpartition("/")[2].removesuffix(".py")
    return [singular(w) for w in split_identifier(stem)]


def resources_named(words: list[str], resources: set[str]) -> set[str]:
    """The resources ``words`` name as a whole: each one's words in a row, and not only inside
    a longer resource's name (``test_incident_cost_service`` names ``incident_cost``, not
    ``incident``)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for resource in resources:
        parts = [singular(w) for w in split_identifier(resource)] or [resource]
        size = len(parts)
        starts = range(len(words) - size + 1)
        found = [(i, i + size) for i in starts if words[i : i + size] == parts]
        if found:
            spans[resource] = found
    named = set()
    for resource, found in spans.items():
        longer = [s for other, at in spans.items() if other != resource for s in at]
        inside = [
            (start, end)
            for start, end in found
            if any(a <= start and end <= b and b - a > end - start for a, b in longer)
        ]
        if len(inside) < len(found):
            named.add(resource)
    return named


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


def test_to_mirror(chain: Chain, chains: list[Chain]) -> tuple[Chain, str] | None:
    """For a chain no test tests, another chain's test to copy: one whose path names that
    chain's resource, so the copy's path can name this one; named after the resource alone
    (``test_tags.py``, not ``test_tag_events.py``) if any is; from the chain nearest to it
    (most words of the resource shared, then most folders of the router shared)."""
    own = set(split_identifier(chain.resource))
    folders = chain.router_file.split("/")[:-1]

    def near(other: Chain) -> tuple[int, int, int, str, str]:
        shared = len(own & set(split_identifier(other.resource)))
        parts = other.router_file.split("/")[:-1]
        depth = 0
        while depth < min(len(folders), len(parts)) and folders[depth] == parts[depth]:
            depth += 1
        return (-shared, -depth, -len(other.layers), other.resource, other.router_file)

    def extra(other: Chain, test: str) -> bool:
        spelled = {singular(w) for w in split_identifier(other.resource)}
        return bool(set(_stem_words(test)) - spelled - _LAYER_WORDS)

    candidates = [
        (extra(other, test), near(other), test, other)
        for other in chains
        if other.resource != chain.resource
        for test in other.test_files
        if swap(test, other.resource, chain.resource) != test
    ]
    best = min(candidates, key=lambda c: c[:3], default=None)
    return (best[3], best[2]) if best else None
