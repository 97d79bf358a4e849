"""The step-by-step tasks, in dependency order, with the files they create or change."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from codeintel import Component, Route, TestFunction
from render.chains import Chain, name_words, names_resource, test_to_mirror
from render.commands import Commands
from render.context import NewFile, Snippet, Task
from render.facts import ProjectFacts
from render.naming import swap
from render.request import FeatureRequest
from render.source import Source
from render.words import joined_terms, split_identifier, terms

_METHOD_WORDS = {
    "GET": {"get", "read", "list", "show", "fetch", "find", "search", "filter", "page"},
    "POST": {"create", "add", "register", "post", "submit"},
    "PUT": {"update", "replace", "edit", "put"},
    "PATCH": {"update", "patch", "edit"},
    "DELETE": {"delete", "remove", "unregister"},
}
_LAYER_WORDS = {
    "schema": {"schema", "model", "field", "validation", "pydantic"},
    "repository": {"repository", "repo", "storage", "database", "query", "crud"},
    "service": {"service", "logic", "business"},
    "api": {"router", "route", "endpoint", "api", "http"},
}


_MAX_TESTS = 4


@dataclass
class TaskPlan:
    tasks: list[Task] = field(default_factory=list)
    new_files: list[NewFile] = field(default_factory=list)
    patterns: list[Snippet] = field(default_factory=list)
    unit: list[str] = field(default_factory=list)
    integration: list[str] = field(default_factory=list)
    affected: tuple[str, ...] = ()
    risks: tuple[str, ...] = ()
    focus: tuple[Route, ...] = ()
    analogue_tests: list[str] = field(default_factory=list)  # the existing tests the plan uses
    #: The test file the plan creates because no test tests the resource, and its model.
    untested: tuple[str, str] | None = None


class _Planner:
    def __init__(
        self,
        facts: ProjectFacts,
        request: FeatureRequest,
        chain: Chain,
        chains: tuple[Chain, ...] = (),
    ) -> None:
        self.facts = facts
        self.request = request
        self.chain = chain
        self.chains = chains
        self.source = Source(facts.graph)
        self.commands = Commands(facts.project)
        self.new = request.creates is not None
        self.plan = TaskPlan()
        self.renamed: dict[str, str] = {}  # adapted import statement -> the analogue's

    # -- helpers --------------------------------------------------------------------------

    def rename(self, text: str) -> str:
        return swap(text, self.chain.resource, self.request.resource) if self.new else text

    def cite(self, file: str, start: int, end: int) -> str:
        return f"`{file}:{start}-{end}`"

    def pattern(self, what: str) -> str:
        return f"Mirror {what}" if self.new else f"Current code at {what}; keep its style"

    def add(
        self,
        keyword: str,
        target: str,
        phase: str,
        implement: str,
        pattern: str,
        imports: list[str],
        validate: str,
    ) -> None:
        self.plan.tasks.append(
            Task(
                keyword=keyword,
                target=target,
                implement=implement,
                pattern=pattern,
                imports=tuple(imports) or ("(no new imports)",),
                validate_command=validate,
                phase=phase,
            )
        )

    def create(self, existing: str, purpose: str) -> tuple[str, str]:
        """The new file mirroring ``existing``, or ``existing`` itself (keyword ADD) when the
        resource is not in its name (a one-file app) or the mirror exists already."""
        target = self.rename(existing)
        if target == existing or self.facts.exists(target):
            return existing, "ADD"
        if any(f.path == target for f in self.plan.new_files):
            return target, "ADD"  # two analogue files map to one new file: create it once
        self.plan.new_files.append(NewFile(path=target, purpose=purpose, mirrors=existing))
        return target, "CREATE"

    def target(self, existing: str, purpose: str) -> tuple[str, str]:
        """Where a layer's step happens: the new mirror file, or the existing file itself."""
        return self.create(existing, purpose) if self.new else (existing, "UPDATE")

    def file_imports(
        self, file: str, *, keep: set[str] | None = None, keyword: str = "CREATE"
    ) -> list[str]:
        """The imports of ``file`` adapted to the new resource; a file that keeps the analogue
        (ADD, UPDATE) gets the new names beside the old ones."""
        found = self.source.imports(file)
        if keep is not None:
            found = [i for i in found if any(k in i for k in keep)] or found
        adapt = self.rename if keyword == "CREATE" else self.added_import
        adapted = [adapt(i) for i in found]
        self.renamed.update({new: old for new, old in zip(adapted, found, strict=True)})
        return adapted

    def about_resource(self, name: str) -> bool:
        """Whether ``name`` is named after the analogue's resource (``ItemsPublic``)."""
        return self.chain.resource in name_words(name)

    def added_import(self, statement: str) -> str:
        """``from m import items, users`` becomes ``from m import items, tags, users``: a file
        that keeps the analogue needs the new name beside the old one, not instead of it."""
        match = re.fullmatch(r"(from\s+[\w.]+\s+import\s+)([\w\s,]+)", statement)
        if match is None or "," not in match[2]:
            return self.rename(statement)
        names = [n.strip() for n in match[2].split(",") if n.strip()]
        return match[1] + ", ".join(sorted({*names, *(self.rename(n) for n in names)}))

    # -- layers ---------------------------------------------------------------------------

    def schemas(self) -> None:
        for file in sorted({s.file for s in self.chain.schemas}):
            models = [s for s in self.chain.schemas if s.file == file]
            # A file of many resources' models (``models.py``): only the analogue's are copied.
            models = [s for s in models if self.about_resource(s.name)] or models
            start, end = min(s.line for s in models), max(s.end_line for s in models)
            names = ", ".join(f"`{self.rename(s.name)}`" for s in models)
            target, keyword = self.target(file, f"Pydantic models for {self.request.resource}")
            implement = (
                f"Pydantic models {names}, with the same field constraints and config"
                if self.new
                else f"Change the models the request needs ({names}); keep field constraints"
            )
            self.add(
                keyword,
                target,
                "Foundation",
                implement,
                self.pattern(self.cite(file, start, end)),
                self.file_imports(file, keyword=keyword),
                self.commands.compile(target),
            )

    def component(self, part: Component, layer: str, phase: str) -> None:
        target, keyword = self.target(
            part.file, f"{layer.capitalize()} for {self.request.resource}"
        )
        members = part.methods
        start, end = part.line, part.end_line
        own = [m for m in members if self.about_resource(m.name)]
        if keyword != "CREATE" and own:
            # A module shared by every resource (``crud.py``): only the analogue's part.
            members, start, end = tuple(own), min(m.line for m in own), max(m.end_line for m in own)
        methods = ", ".join(f"`{self.rename(m.name)}`" for m in members) or "its methods"
        implement = (
            f"`{self.rename(part.name)}` with {methods}"
            if keyword == "CREATE"
            else f"ADD {methods} to `{part.name}`, next to the analogue's"
            if self.new
            else f"Change `{part.name}` ({methods}) for: {self.request.text}"
        )
        self.add(
            keyword,
            target,
            phase,
            implement,
            self.pattern(f"`{part.name}` at {self.cite(part.file, start, end)}"),
            self.file_imports(part.file, keyword=keyword),
            self.commands.compile(target),
        )

    def providers(self) -> None:
        """A new resource needs its own provider next to the analogue's; auth ones are reused."""
        if not self.new:
            return
        own = [p for p in self.chain.providers if self.chain.resource in split_identifier(p)]
        for provider in own:
            span = self.source.span(provider)
            if span is None:
                continue
            file, start, end = span
            name = provider.rpartition(".")[2]
            self.add(
                "UPDATE",
                file,
                "Core Implementation",
                f"ADD `{self.rename(name)}` next to `{name}`, returning the new service",
                f"Mirror `{name}` at {self.cite(file, start, end)}",
                self.file_imports(file, keep={self.chain.resource}),
                self.commands.compile(file),
            )

    def router(self) -> None:
        file = self.chain.router_file
        focus = self.plan.focus or self.chain.routes
        spans = [self.source.span(r.endpoint) for r in focus]
        ranges = [s for s in spans if s is not None and s[0] == file]
        if not ranges:  # endpoints defined elsewhere (a factory, a loop): cite the whole file
            ranges = [(file, 1, max(1, len(self.source.lines(file))))]
        start, end = min(s[1] for s in ranges), max(s[2] for s in ranges)
        listed = ", ".join(f"`{r.method} {self.rename(r.path)}`" for r in focus)
        target, keyword = self.target(file, f"API endpoints: {listed}")
        if self.new:
            implement = f"Router with {listed}, same tags, status codes and dependencies"
        elif self.request.kind == "New Capability":
            implement = (
                f"ADD the new endpoint next to {listed}, with the same tags, status codes and "
                f"dependencies: {self.request.text}"
            )
        elif missing := self.missing_methods():
            # "edit their comments" on a router with no PUT or PATCH: there is no route to
            # change, the edit is a route of its own
            methods = " or ".join(f"`{m}`" for m in missing)
            implement = (
                f"ADD a {methods} endpoint (the router has none) next to {listed}, with the "
                f"same tags, status codes and dependencies: {self.request.text}"
            )
        else:
            implement = f"Change {listed} for: {self.request.text}"
        self.add(
            keyword,
            target,
            "Core Implementation",
            implement,
            self.pattern(self.cite(file, start, end)),
            self.file_imports(file),
            self.commands.compile(target),
        )

    def missing_methods(self) -> list[str]:
        """HTTP methods the request's words ask for ("edit" -> PUT, PATCH) that none of the
        chain's routes has; empty when it asks for none or the chain has one."""
        if self.request.kind != "Enhancement":
            return []
        wanted = set(self.request.terms)
        asked = [m for m, words in _METHOD_WORDS.items() if words & wanted]
        present = {r.method for r in self.chain.routes}
        return [] if present & set(asked) else asked

    def registration(self) -> None:
        site = self.chain.registration
        if site is None or not self.new:
            return
        file, _, line = site.rpartition(":")
        number = int(line)
        call = self.source.lines(file)[number - 1].strip()
        self.reexport(file, call)
        self.add(
            "UPDATE",
            file,
            "Integration",
            f"Include the new router as line {number} includes the analogue's: "
            f"`{self.rename(call)}`",
            f"Mirror `{file}:{number}-{number}`",
            self.file_imports(file, keep={self.chain.resource, "router"}, keyword="UPDATE"),
            self.commands.import_module(self.facts.module_of_file.get(file, file)),
        )

    def reexport(self, file: str, call: str) -> None:
        """A router imported from a package ``__init__`` must be re-exported there too."""
        argument = re.search(r"include_router\(\s*([\w.]+)", call)
        if argument is None:
            return
        name = argument[1].split(".")[0]
        router_module = self.facts.module_of_file.get(self.chain.router_file, "")
        for statement in self.source.imports(file):
            module = re.match(r"from\s+([\w.]+)\s+import\s+(.*)", statement)
            if module is None or name not in re.findall(r"\w+", module[2]):
                continue
            package = self.facts.file_of_module.get(module[1])
            if package is None or module[1] == router_module:
                return
            stem = router_module.rpartition(".")[2]
            for number, text in enumerate(self.source.lines(package), start=1):
                if text.startswith("from ") and f".{stem} import" in text:
                    self.add(
                        "UPDATE",
                        package,
                        "Integration",
                        f"Re-export the new router as line {number} does for the analogue "
                        f"(and list it in `__all__` if the module has one): "
                        f"`{self.rename(text.strip())}`",
                        f"Mirror `{package}:{number}-{number}`",
                        [self.rename(text.strip())],
                        self.commands.import_module(module[1]),
                    )
                    return

    def test_files(self) -> list[str]:
        """The chain's tests most about the request first (by their names' words), at most
        ``_MAX_TESTS``: a plan on a large app stays readable. Tests named after the resource
        are its own; the others only import its code, so they come only when none is named."""
        wanted = set(self.request.terms) | {self.chain.resource}
        wanted |= {w for f in self.chain.focus for w in name_words(f.rpartition("/")[2])}
        named = [f for f in self.chain.test_files if names_resource(f, self.chain.resource)]
        ranked = sorted(
            named or self.chain.test_files, key=lambda f: (-len(wanted & name_words(f)), f)
        )
        kept = set(ranked[:_MAX_TESTS])
        return [f for f in self.chain.test_files if f in kept]

    def tests(self) -> None:
        tests = {t.file: t for t in self.facts.tests}
        self.plan.analogue_tests = self.test_files()
        if not self.plan.analogue_tests and not self.chain.is_component:
            self.first_tests(tests)
        for file in self.plan.analogue_tests:
            kind = tests[file].kind if file in tests else "other"
            if self.new:
                target, keyword = self.create(
                    file, f"{kind.capitalize()} tests for {self.request.resource}"
                )
                implement = "The same cases for the new resource"
            elif self.request.kind == "Refactor":
                target, keyword = file, "UPDATE"
                implement = "Keep these tests passing unchanged; add one where behaviour has none"
            else:
                target, keyword = file, "ADD"
                implement = f"Tests that fail before the change and pass after: {self.request.text}"
            bucket = self.plan.integration if kind == "integration" else self.plan.unit
            bucket.append(target)
            lines = len(self.source.lines(file))
            self.add(
                keyword,
                target,
                "Foundation" if self.request.kind == "Bug Fix" else "Testing",
                implement,
                self.pattern(self.cite(file, 1, lines)),
                self.file_imports(file),
                self.commands.pytest([target], subset=True),
            )

    def first_tests(self, tests: dict[str, TestFunction]) -> None:
        """No test tests the resource: create its first test file, named and laid out as the
        nearest resource's test is, rather than adding to tests of other resources."""
        found = test_to_mirror(self.chain, list(self.chains))
        if found is None:
            return
        other, mirror = found
        name = self.request.resource if self.new else self.chain.resource
        target = swap(mirror, other.resource, name)
        if self.facts.exists(target) or any(f.path == target for f in self.plan.new_files):
            return
        kind = tests[mirror].kind if mirror in tests else "other"
        self.plan.untested = (target, mirror)
        self.plan.new_files.append(
            NewFile(
                path=target,
                purpose=f"{_kind_words(kind)}tests for {name}: no test tests it yet",
                mirrors=mirror,
            )
        )
        (self.plan.integration if kind == "integration" else self.plan.unit).append(target)
        # the other resource's own modules are what the copy must not import
        theirs = {self.facts.module_of_file.get(f) for f in other.files}
        imports = [
            i
            for i in self.source.imports(mirror)
            if (m := re.match(r"(?:from|import)\s+([\w.]+)", i)) is None or m[1] not in theirs
        ]
        self.add(
            "CREATE",
            target,
            "Foundation" if self.request.kind == "Bug Fix" else "Testing",
            f"The first tests of `{name}` (no test tests it yet), laid out as `{mirror}`: "
            f"{self.request.text}",
            f"Mirror {self.cite(mirror, 1, len(self.source.lines(mirror)))}",
            imports,
            self.commands.pytest([target], subset=True),
        )

    def focus_routes(self) -> None:
        wanted = set(self.request.terms)
        if not self.chain.routes:
            return
        scored = []
        for route in self.chain.routes:
            words = set(terms(route.endpoint.rpartition(".")[2])) | set(terms(route.path))
            words |= _METHOD_WORDS.get(route.method, set())
            scored.append((len(wanted & words), route))
        best = max(score for score, _ in scored)
        if self.new or best == 0:
            self.plan.focus = self.chain.routes
        else:
            self.plan.focus = tuple(r for score, r in scored if score == best)

    def layers_wanted(self) -> set[str]:
        """A refactor naming layers the chain has touches only those; anything else, all."""
        named = {layer for layer, words in _LAYER_WORDS.items() if words & set(self.request.terms)}
        present = {"api", *self.chain.layers}
        if self.request.kind == "Refactor" and named & present:
            return named & present
        return set(_LAYER_WORDS)

    def declarations(self) -> None:
        """An upgrade changes where the package is declared, before the code that imports it."""
        if self.request.component != "dependencies":
            return
        wanted = set(self.request.terms)
        for dependency in self.facts.project.dependencies:
            if {dependency.name, dependency.name.replace("-", "")} & wanted:
                self.add(
                    "UPDATE",
                    dependency.source,
                    "Foundation",
                    f"Raise the `{dependency.name}` requirement "
                    f"(now `{dependency.specifier or 'any version'}`) for: {self.request.text}",
                    self.pattern(self.cite(dependency.source, dependency.line, dependency.line)),
                    ["(no new imports)"],
                    self.commands.run("python", "-m", "pip", "install", "--dry-run", "."),
                )

    def modules(self) -> None:
        """A component request: change each focus module where its best matching symbol is."""
        self.declarations()
        for file in self.chain.focus:
            symbol = self.best_symbol(file)
            if symbol is None and not self.source.lines(file):
                continue  # an empty module: nothing to change or cite
            if symbol is None:
                start, end, what = 1, len(self.source.lines(file)), "the module"
            else:
                name, start, end = symbol
                what = f"`{name}`"
            self.add(
                "UPDATE",
                file,
                "Core Implementation",
                f"Change {what} for: {self.request.text}",
                self.pattern(self.cite(file, start, end)),
                ["(no new imports)"],
                self.commands.compile(file),
            )

    def best_symbol(self, file: str) -> tuple[str, int, int] | None:
        """The class or function of ``file`` whose name (then docstring) shares most of the
        request's words; None when none shares any."""
        wanted = set(self.request.terms)
        best: tuple[int, int, int, str, int, int] | None = None
        for _, data in self.facts.graph.graph.nodes(data=True):
            if data.get("file") != file or data.get("kind") not in {"class", "function"}:
                continue
            by_name = len(wanted & {*terms(data["name"]), *joined_terms(data["name"])})
            by_doc = len(wanted & set(terms(data.get("docstring") or "")))
            key = (-by_name, -by_doc, data["start_line"], data["name"], data["end_line"])
            if (by_name or by_doc) and (best is None or key < best[:5]):
                best = (*key, data["start_line"])
        if best is None:
            return None
        return best[3], best[2], best[4]


def plan_tasks(
    facts: ProjectFacts, request: FeatureRequest, chain: Chain, chains: tuple[Chain, ...] = ()
) -> TaskPlan:
    planner = _Planner(facts, request, chain, chains)
    if chain.is_component:
        planner.modules()
        planner.tests()
        return _finish(planner)
    planner.focus_routes()
    wanted = planner.layers_wanted()
    if "schema" in wanted:
        planner.schemas()
    if "repository" in wanted:
        for part in chain.repositories:
            planner.component(part, "repository", "Foundation")
    if "service" in wanted:
        for part in chain.services:
            planner.component(part, "service", "Core Implementation")
    planner.providers()
    if "api" in wanted:
        planner.router()
    planner.registration()
    planner.tests()
    return _finish(planner)


def _kind_words(kind: str) -> str:
    """``Unit `` / ``Integration `` before "tests"; nothing for a test of no known kind."""
    return "" if kind == "other" else f"{kind.capitalize()} "


def _finish(planner: _Planner) -> TaskPlan:
    plan, request = planner.plan, planner.request
    plan.tasks = _consistent(planner, plan.tasks)
    if request.kind == "Bug Fix":
        # Reproduce first: a test that fails now is the proof the fix works.
        created = plan.untested[0] if plan.untested else None
        first = [
            t
            for t in plan.tasks
            if t.phase == "Foundation" and (t.keyword == "ADD" or t.target == created)
        ]
        plan.tasks = first + [t for t in plan.tasks if t not in first]
    plan.patterns = _patterns(planner)
    plan.affected = _affected(planner)
    plan.risks = _risks(planner)
    return plan


def _consistent(planner: _Planner, tasks: list[Task]) -> list[Task]:
    """One task per file and purpose, importing only modules that exist or are created."""
    created = {f.path for f in planner.plan.new_files}
    seen: set[tuple[str, str, str]] = set()
    kept = []
    for task in tasks:
        key = (task.keyword, task.target, task.implement)
        if key in seen:
            continue
        seen.add(key)
        imports = tuple(_importable(planner, i, created) for i in task.imports)
        kept.append(task.model_copy(update={"imports": imports}))
    return kept


def _importable(planner: _Planner, statement: str, created: set[str]) -> str:
    """``statement``, or the analogue's own when it names a project module that neither exists
    nor is created by the plan (a renamed module nobody writes)."""
    match = re.match(r"(?:from|import)\s+([\w.]+)", statement)
    if match is None or statement not in planner.renamed:
        return statement
    module = match[1]
    facts = planner.facts
    if module in facts.file_of_module or module.split(".")[0] not in _top_packages(facts):
        return statement
    path = module.replace(".", "/")
    if {f"{path}.py", f"{path}/__init__.py"} & created:
        return statement
    return planner.renamed[statement]


def _top_packages(facts: ProjectFacts) -> set[str]:
    return {m.split(".")[0] for m in facts.file_of_module}


def _patterns(planner: _Planner) -> list[Snippet]:
    chain, source = planner.chain, planner.source
    found = []
    routes = planner.plan.focus or chain.routes
    route = _example_route(routes) if routes else None
    if route is not None:
        found.append(source.snippet("Endpoint Pattern", route.endpoint))
    for service in chain.services[:1]:
        method = _matching_method(service, route) if route is not None else None
        name = f"{service.qualname}.{method}" if method else service.qualname
        found.append(source.snippet("Service Pattern", name))
    for repository in chain.repositories[:1]:
        found.append(source.snippet("Repository Pattern", repository.qualname))
    constrained = sorted(
        chain.schemas, key=lambda s: (-sum(len(f.constraints) for f in s.fields), s.qualname)
    )
    for schema in constrained[:1]:
        found.append(source.snippet("Pydantic Model Pattern", schema.qualname))
    return [s for s in found if s is not None]


def _example_route(routes: tuple[Route, ...]) -> Route:
    """A read-one route shows path parameters, response model and errors: the best example."""
    return min(routes, key=lambda r: (r.method != "GET", "{" not in r.path, r.line))


def _matching_method(service: Component, route: Route) -> str | None:
    """The service method whose name shares most words with the endpoint's, if it has any."""
    wanted = set(split_identifier(route.endpoint.rpartition(".")[2]))
    best = max(
        service.methods,
        key=lambda m: (len(wanted & set(split_identifier(m.name))), -m.line),
        default=None,
    )
    return best.name if best is not None else None


def _affected(planner: _Planner) -> tuple[str, ...]:
    """The layers the tasks touch, each with its folders, in the order the work goes."""
    order = {"Foundation": 0, "Core Implementation": 1, "Integration": 2, "Testing": 3}
    folders: dict[str, dict[str, None]] = {}
    tests = {*planner.plan.unit, *planner.plan.integration}
    for task in sorted(planner.plan.tasks, key=lambda t: order[t.phase]):
        folder = task.target.rpartition("/")[0]
        facts = planner.facts
        layer = facts.layer_of_file.get(task.target) or facts.layer_of_folder(folder)
        # a test file the plan creates in a folder of its own: no file says the folder's layer
        layer = layer or ("test" if task.target in tests else "other")
        folders.setdefault(layer, {})[f"`{folder}/`" if folder else "the project root"] = None
    return tuple(f"{layer} ({', '.join(shown)})" for layer, shown in folders.items())


def _risks(planner: _Planner) -> tuple[str, ...]:
    risks = []
    chain = planner.chain
    if chain.registration:
        risks.append(
            f"Registration at `{chain.registration}` sets the public URL prefix; a wrong prefix "
            "changes every path"
        )
    auth = [p for p in chain.providers if "key" in p or "auth" in p or "user" in p]
    if auth:
        risks.append(f"The analogue's routes depend on `{auth[0]}`; the new code must keep it")
    coverage = planner.facts.project.coverage
    if coverage and coverage.fail_under is not None:
        risks.append(f"Coverage gate {coverage.fail_under:g}% ({coverage.source}) must still pass")
    unresolved = [r for r in chain.routes if not r.resolved]
    if unresolved:
        risks.append(f"{len(unresolved)} analogue route path(s) are only partly known statically")
    return tuple(risks) or ("No specific risk found in the code facts",)
