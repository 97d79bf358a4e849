"""CodeGraph: the analysed project, its JSON form, and Serena-style look-ups over it."""

from __future__ import annotations

import fnmatch
import json
import re
from collections import defaultdict, deque
from collections.abc import Iterable
from functools import cached_property
from pathlib import Path
from typing import Any, get_args

import networkx as nx

from codeintel.config.projects import nearest_project
from codeintel.diagnostics import Diagnostic
from codeintel.errors import CodeIntelError
from codeintel.facts.conventions import Convention
from codeintel.facts.docs import DocFile
from codeintel.facts.exceptions import ErrorFacts
from codeintel.facts.fixtures import Fixture, Override, TestFunction
from codeintel.facts.ids import EdgeKind, NodeKind, SymbolKind, module_id, symbol_id
from codeintel.facts.layers import ModuleLayer
from codeintel.facts.models import Match, Reference, Symbol
from codeintel.facts.project import Dependency, ImportRoot, Project
from codeintel.facts.routes import Route
from codeintel.facts.schemas import Schema
from codeintel.facts.services import Component
from codeintel.frameworks.fixtures import (
    asyncio_loops,
    fixture_closure,
    overrides_extend_closure,
    plugin_autouse,
    visible_fixtures,
)

_SYMBOL_KINDS: frozenset[SymbolKind] = frozenset(get_args(SymbolKind))
_MODULE_KINDS: frozenset[NodeKind] = frozenset({"module", "package"})


class CodeGraph:
    """One analysed project. ``graph`` is a networkx MultiDiGraph; see the README for its shape.

    ``root`` is where the files live on disk; queries that read source (bodies, search) need it.
    """

    def __init__(self, graph: nx.MultiDiGraph, root: Path | None = None) -> None:
        self.graph = graph
        self.root = root

    # -- basics ---------------------------------------------------------------------------

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        return tuple(Diagnostic(**d) for d in self.graph.graph.get("diagnostics", ()))

    def import_roots(self) -> tuple[ImportRoot, ...]:
        """The folders modules are named from, each with the evidence that decided it."""
        return tuple(ImportRoot(**r) for r in self.graph.graph.get("import_roots", ()))

    def files(self) -> tuple[str, ...]:
        """Every analysed file, sorted."""
        return tuple(sorted(d["file"] for _, d in self._nodes_of_kind("file")))

    def routes(self) -> list[Route]:
        """Every route, sorted by path and method."""
        nodes = self._nodes_of_kind("route")
        routes = [Route.model_validate({k: d[k] for k in Route.model_fields}) for _, d in nodes]
        return sorted(routes, key=lambda r: (r.path, r.method, r.endpoint, r.app or ""))

    def routes_using(self, provider: str) -> list[Route]:
        """The routes that depend on ``provider`` (a qualified name), directly or through other
        providers, sorted like ``routes()``."""
        return [r for r in self.routes() if provider in r.all_dependencies]

    def schemas(self) -> list[Schema]:
        """Every pydantic model, sorted by qualified name."""
        return list(self._schemas)

    @cached_property
    def _schemas(self) -> tuple[Schema, ...]:  # a plan asks several times
        nodes = self.graph.nodes(data="schema")
        found = [Schema.model_validate(data) for _, data in nodes if data is not None]
        return tuple(sorted(found, key=lambda s: s.qualname))

    def modules(self) -> tuple[str, ...]:
        return tuple(sorted(d["name"] for _, d in self._nodes_of_kind(*_MODULE_KINDS)))

    # -- framework views ------------------------------------------------------------------

    def services(self) -> list[Component]:
        """Service classes (and service modules of plain functions), by qualified name."""
        return [c for c in self._components if c.kind == "service"]

    def repositories(self) -> list[Component]:
        """Repository classes (and ``crud``-style modules of functions), by qualified name."""
        return [c for c in self._components if c.kind == "repository"]

    @cached_property
    def _components(self) -> list[Component]:
        nodes = self.graph.nodes(data="component")
        found = [Component.model_validate(d) for _, d in nodes if d is not None]
        return sorted(found, key=lambda c: (c.kind, c.qualname))

    def fixtures(self) -> list[Fixture]:
        """Every pytest fixture, by file and line."""
        return list(self._fixtures)

    @cached_property
    def _fixtures(self) -> tuple[Fixture, ...]:
        nodes = self.graph.nodes(data="fixture")
        found = [Fixture.model_validate(d) for _, d in nodes if d is not None]
        return tuple(sorted(found, key=lambda f: (f.file, f.line, f.name)))

    def visible_fixtures(self, test_file: str, test_class: str | None = None) -> dict[str, Fixture]:
        """The fixtures a test in ``test_file`` (which need not exist yet) can request, by
        name; the closest definition wins, as in pytest."""
        confcutdir = self.project(test_file).confcutdir
        return visible_fixtures(self._fixtures, test_file, test_class, confcutdir)

    def fixture_closure(
        self,
        test_file: str,
        test_class: str | None = None,
        requests: Iterable[str] = (),
        params: Iterable[str] = (),
    ) -> dict[str, Fixture]:
        """The project's fixtures pytest sets up for a test in ``test_file`` (which need not
        exist yet) asking for ``requests`` (its fixtures and uses), by name: those, the config's
        ``usefixtures``, the autouse ones it sees, and all they request in turn (with the
        ``event_loop`` a pytest-asyncio release before 1.0 asks for on behalf of async
        fixtures), but for the ``params`` its direct ``parametrize`` fills
        (``TestFunction.params``)."""
        project = self.project(test_file)
        usefixtures = project.pytest.usefixtures if project.pytest is not None else ()
        usefixtures += plugin_autouse(project.dependencies, project.pytest)
        return fixture_closure(
            self._fixtures,
            test_file,
            test_class,
            requests,
            project.confcutdir,
            usefixtures,
            params,
            asyncio_loops(project.dependencies, project.pytest),
            overrides_extend_closure(project.dependencies),
        )

    def tests(self) -> list[TestFunction]:
        """Every test function pytest would collect, by file and line."""
        nodes = self.graph.nodes(data="test")
        found = [TestFunction.model_validate(d) for _, d in nodes if d is not None]
        inherited = self.graph.nodes(data="collected_tests")  # on the collecting module
        found += [TestFunction.model_validate(d) for _, ds in inherited if ds for d in ds]
        return sorted(found, key=lambda t: (t.file, t.line, t.qualname))

    def dependency_overrides(self) -> list[Override]:
        return [
            Override.model_validate(d) for d in self.graph.graph.get("dependency_overrides", ())
        ]

    def project(self, file: str | None = None) -> Project:
        """What the configuration says: dependencies, tools, the runner, coverage, layout. For
        ``file`` (which need not exist yet), the project whose folder holds it most closely;
        without, the main project (the one holding the most routes, then the most code)."""
        if file is None:
            return Project.model_validate(self.graph.graph["project"])
        return self._by_folder[nearest_project(file, self._by_folder)]

    @cached_property
    def _by_folder(self) -> dict[str, Project]:  # asked once per test file a plan mentions
        return {p.folder: p for p in self.projects()}

    def projects(self) -> list[Project]:
        """Every project of the repository: the root and each folder with a ``pyproject.toml``
        or ``requirements*.txt`` (uv workspace members among them), by folder."""
        found = [Project.model_validate(d) for d in self.graph.graph.get("projects", ())]
        return sorted(found, key=lambda p: p.folder)

    def dependencies(self) -> list[Dependency]:
        return list(self.project().dependencies)

    def errors(self) -> ErrorFacts:
        """Exception classes, raise sites and exception handlers."""
        return ErrorFacts.model_validate(self.graph.graph["errors"])

    def docs(self) -> list[DocFile]:
        """Documentation files with headings, links and agent rules, by path."""
        nodes = self.graph.nodes(data="doc")
        return sorted(
            (DocFile.model_validate(d) for _, d in nodes if d is not None), key=lambda d: d.file
        )

    def layers(self) -> list[ModuleLayer]:
        """Every module's layer (api, service, repository, schema, model, core, test, other)
        and the evidence for it, by module name."""
        found = [
            ModuleLayer(
                module=d["name"], file=d["file"], layer=d["layer"], reason=d["layer_reason"]
            )
            for _, d in self._nodes_of_kind(*_MODULE_KINDS)
        ]
        return sorted(found, key=lambda m: m.module)

    def conventions(self) -> list[Convention]:
        """Habits measured from the code, each with counts and an example location."""
        return [Convention.model_validate(c) for c in self.graph.graph.get("conventions", ())]

    def distributions_imported_by(self, files: list[str]) -> tuple[str, ...]:
        """Declared distributions that the modules in ``files`` import, sorted."""
        wanted = set(files)
        found = set()
        for node, data in self._nodes_of_kind(*_MODULE_KINDS):
            if data["file"] in wanted:
                for _, target, kind in self.graph.out_edges(node, keys=True):
                    if kind == "requires":
                        found.add(self.graph.nodes[target]["name"])
        return tuple(sorted(found))

    def to_json(self) -> str:
        """The whole graph as node-link JSON; byte-identical for identical projects."""
        data = nx.node_link_data(self.graph, edges="edges")
        data["nodes"].sort(key=lambda n: n["id"])
        data["edges"].sort(key=lambda e: (e["source"], e["target"], e["key"]))
        return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)

    # -- symbols --------------------------------------------------------------------------

    def find_symbol(
        self,
        name_path: str,
        *,
        substring: bool = False,
        include_body: bool = False,
        kinds: tuple[str, ...] | list[str] | None = None,
    ) -> list[Symbol]:
        """Symbols matching ``name_path``: ``name``, ``Class/method`` (the end of a path), or
        ``/Class/method`` (a whole path within its file). ``substring`` lets the last part match
        anywhere in the name."""
        absolute = name_path.startswith("/")
        wanted = [p for p in name_path.strip("/").split("/") if p]
        if not wanted:
            raise CodeIntelError(f"empty name path: {name_path!r}")
        found = []
        for node in self._by_name(wanted[-1], substring):
            data = self.graph.nodes[node]
            if kinds is not None and data["kind"] not in kinds:
                continue
            path = _name_path(data, self.graph.nodes[_module_node(data)]["name"]).split("/")
            if absolute and len(path) != len(wanted):
                continue
            if path[-len(wanted) : -1] != wanted[:-1] or len(path) < len(wanted):
                continue
            found.append(self._symbol(node, include_body))
        return sorted(found, key=lambda s: (s.file, s.start_line, s.qualname))

    def symbols_overview(self, file: str) -> list[Symbol]:
        """The top-level symbols of ``file``, each with its children (methods, attributes)."""
        module = self._module_of_file.get(file)
        if module is None:
            raise CodeIntelError(f"not an analysed Python file: {file}")
        return [self._symbol(n, False, children=True) for n in self._children(module)]

    def _symbol(self, node: str, include_body: bool, children: bool = False) -> Symbol:
        data = self.graph.nodes[node]
        module = self.graph.nodes[_module_node(data)]["name"]
        return Symbol(
            name_path=_name_path(data, module),
            qualname=data["qualname"],
            kind=data["kind"],
            file=data["file"],
            start_line=data["start_line"],
            end_line=data["end_line"],
            body=self._body(data) if include_body else None,
            children=tuple(self._symbol(c, False, True) for c in self._children(node))
            if children
            else (),
        )

    def _children(self, node: str) -> list[str]:
        kids = [
            target
            for _, target, kind in self.graph.out_edges(node, keys=True)
            if kind == "contains" and self.graph.nodes[target]["kind"] in _SYMBOL_KINDS
        ]
        return sorted(kids, key=lambda n: (self.graph.nodes[n]["start_line"], n))

    def _body(self, data: dict[str, Any]) -> str:
        lines = self.read_lines(data["file"])
        return "".join(lines[data["start_line"] - 1 : data["end_line"]])

    # -- references -----------------------------------------------------------------------

    def find_references(self, qualname: str) -> list[Reference]:
        """Every use of a symbol or module: ``exact`` where the name resolves to it through
        imports, aliases and re-exports; ``by-name`` where only its last name matches an
        attribute use that could not be resolved (``self.repo.get`` for ``Repo.get``)."""
        node = symbol_id(qualname) if symbol_id(qualname) in self.graph else module_id(qualname)
        if node not in self.graph:
            raise CodeIntelError(f"no such symbol or module: {qualname}")
        found: set[Reference] = set()
        for source, lines in self._incoming(node, "references"):
            for line in lines:
                found.add(self._reference(source, line, qualname, "exact"))
        name = qualname.rpartition(".")[2]
        for unresolved in self._unresolved_by_last.get(name, ()):
            # unresolved names are reached by plain uses and by calls (which stay unresolved
            # even where a prefix of them resolves)
            for source, lines in self._incoming(unresolved, "references", "calls"):
                text = self.graph.nodes[unresolved]["name"]
                for line in lines:
                    found.add(self._reference(source, line, text, "by-name"))
        return sorted(found, key=lambda r: (r.file, r.line, r.match, r.scope, r.text))

    def _reference(self, source: str, line: int, text: str, match: str) -> Reference:
        data = self.graph.nodes[source]
        scope = data.get("qualname") or data["name"]
        return Reference(data["file"], line, scope, text, match)

    # -- text search ----------------------------------------------------------------------

    def search_pattern(
        self, regex: str, *, glob: str | None = None, context: int = 0
    ) -> list[Match]:
        """Lines of analysed files matching ``regex``, with ``context`` lines around them."""
        try:
            pattern = re.compile(regex)
        except re.error as exc:
            raise CodeIntelError(f"bad regular expression {regex!r}: {exc}") from None
        matches = []
        for file in self.files():
            if glob is not None and not _glob_match(file, glob):
                continue
            lines = [line.rstrip("\r\n") for line in self.read_lines(file)]
            for index, line in enumerate(lines):
                if pattern.search(line):
                    matches.append(
                        Match(
                            file,
                            index + 1,
                            line,
                            tuple(lines[max(0, index - context) : index]),
                            tuple(lines[index + 1 : index + 1 + context]),
                        )
                    )
        return matches

    def read_lines(self, file: str) -> list[str]:
        """The text of an analysed file as lines (undecodable bytes replaced)."""
        if self.root is None:
            raise CodeIntelError("this graph has no root folder; pass root= to load_json")
        try:
            data = (self.root / file).read_bytes()
        except OSError as exc:
            raise CodeIntelError(f"cannot read {file}: {exc}") from None
        return data.decode("utf-8", errors="replace").removeprefix("\ufeff").splitlines(True)

    # -- the import graph -----------------------------------------------------------------

    def modules_imported_by(self, module: str, *, transitive: bool = False) -> list[str]:
        """Project modules and third-party top-level names ``module`` imports."""
        return self._import_walk(module, self._imports, transitive)

    def modules_importing(self, module: str, *, transitive: bool = False) -> list[str]:
        """Project modules that import ``module``."""
        return self._import_walk(module, self._importers, transitive)

    def shortest_import_chain(self, importer: str, imported: str) -> list[str] | None:
        """The shortest chain of imports from ``importer`` to ``imported`` (stable on ties)."""
        self._require_module(importer)
        self._require_module(imported)
        previous: dict[str, str | None] = {importer: None}
        queue = deque([importer])
        while queue:
            current = queue.popleft()
            if current == imported:
                chain = [current]
                while (step := previous[chain[-1]]) is not None:
                    chain.append(step)
                return chain[::-1]
            for nxt in self._imports.get(current, ()):
                if nxt not in previous:
                    previous[nxt] = current
                    queue.append(nxt)
        return None

    def _import_walk(self, module: str, edges: dict[str, list[str]], transitive: bool) -> list[str]:
        self._require_module(module)
        seen: set[str] = set()
        todo = list(edges.get(module, ()))
        while todo:
            current = todo.pop()
            if current in seen or current == module:
                continue
            seen.add(current)
            if transitive:
                todo.extend(edges.get(current, ()))
        return sorted(seen)

    def _require_module(self, module: str) -> None:
        if module_id(module) not in self.graph:
            raise CodeIntelError(f"no such module: {module}")

    # -- indexes, built once per graph ------------------------------------------------------

    def _nodes_of_kind(self, *kinds: NodeKind) -> list[tuple[str, dict[str, Any]]]:
        return [(n, d) for n, d in self.graph.nodes(data=True) if d["kind"] in kinds]

    @cached_property
    def _names(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = defaultdict(list)
        for node, data in self._nodes_of_kind(*_SYMBOL_KINDS):
            index[data["name"]].append(node)
        return index

    def _by_name(self, name: str, substring: bool) -> list[str]:
        if not substring:
            return self._names.get(name, [])
        return [n for key, nodes in self._names.items() if name in key for n in nodes]

    @cached_property
    def _module_of_file(self) -> dict[str, str]:
        return {d["file"]: n for n, d in self._nodes_of_kind(*_MODULE_KINDS)}

    def _incoming(self, node: str, *kinds: EdgeKind) -> list[tuple[str, tuple[int, ...]]]:
        """Uses of ``node`` by edges of ``kinds``: its own edges, not an index of every edge
        (which cost a first query on a large graph more than the query itself)."""
        edges = self.graph.in_edges(node, keys=True, data="lines")
        return [(source, lines) for source, _, kind, lines in edges if kind in kinds]

    @cached_property
    def _unresolved_by_last(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = defaultdict(list)
        for node, data in self._nodes_of_kind("unresolved"):
            if "." in data["name"]:
                index[data["name"].rpartition(".")[2]].append(node)
        return index

    @cached_property
    def _imports(self) -> dict[str, list[str]]:
        return self._import_edges(reverse=False)

    @cached_property
    def _importers(self) -> dict[str, list[str]]:
        return self._import_edges(reverse=True)

    def _import_edges(self, reverse: bool) -> dict[str, list[str]]:
        index: dict[str, list[str]] = defaultdict(list)
        for source, target, kind in self.graph.edges(keys=True):
            if kind != "imports":
                continue
            a, b = self.graph.nodes[source]["name"], self.graph.nodes[target]["name"]
            if reverse:
                a, b = b, a
            index[a].append(b)
        return {k: sorted(v) for k, v in index.items()}


def load_json(text: str, root: str | Path | None = None) -> CodeGraph:
    """Rebuild a CodeGraph from ``CodeGraph.to_json()`` output."""
    data = json.loads(text)
    graph = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    _tuples(graph.graph)
    for _, attrs in graph.nodes(data=True):
        _tuples(attrs)
    for _, _, attrs in graph.edges(data=True):
        _tuples(attrs)
    return CodeGraph(graph, Path(root) if root is not None else None)


def _tuples(attrs: dict[str, Any]) -> None:
    """JSON has no tuples; the graph stores tuples so it stays hashable and immutable."""
    for key, value in attrs.items():
        attrs[key] = _frozen(value)


def _frozen(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, dict):
        return {k: _frozen(v) for k, v in value.items()}
    return value


def _module_node(data: dict[str, Any]) -> str:
    return module_id(data["module"])


def _name_path(data: dict[str, Any], module: str) -> str:
    local: str = data["qualname"][len(module) + 1 :]
    return local.replace(".<locals>.", ".").replace(".", "/")


def _glob_match(path: str, glob: str) -> bool:
    if fnmatch.fnmatchcase(path, glob):
        return True
    return glob.startswith("**/") and fnmatch.fnmatchcase(path, glob[3:])
