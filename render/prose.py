"""Plan sections written as sentences and lists from the facts: context, tests, criteria, notes."""

from __future__ import annotations

import posixpath
import re

from render.chains import Chain, is_source, name_words
from render.context import DocRef, FileRef, FixtureRef, Phase, Snippet
from render.facts import ProjectFacts
from render.markdown import code
from render.rank import FileScore
from render.request import FeatureRequest
from render.source import Source
from render.tasks import TaskPlan
from render.words import singular, split_identifier, terms

_MAX_EXTRA_FILES = 3
_OFFICIAL_DOCS = {
    "fastapi": ("FastAPI documentation", "https://fastapi.tiangolo.com/"),
    "pydantic": ("Pydantic documentation", "https://docs.pydantic.dev/latest/"),
    "pydantic-settings": (
        "Pydantic Settings",
        "https://docs.pydantic.dev/latest/concepts/pydantic_settings/",
    ),
    "sqlmodel": ("SQLModel documentation", "https://sqlmodel.tiangolo.com/"),
    "sqlalchemy": ("SQLAlchemy documentation", "https://docs.sqlalchemy.org/"),
    "alembic": ("Alembic documentation", "https://alembic.sqlalchemy.org/"),
    "pytest": ("pytest documentation", "https://docs.pytest.org/"),
    "pytest-asyncio": ("pytest-asyncio documentation", "https://pytest-asyncio.readthedocs.io/"),
    "httpx": ("HTTPX documentation", "https://www.python-httpx.org/"),
}
_MOCKS = (
    "AsyncMock",
    "MagicMock",
    "Mock(",
    "patch(",
    "monkeypatch",
    "mocker",
    "dependency_overrides",
)
_CHECKLIST = (
    "All tasks completed in order",
    "Each task validation passed",
    "All validation commands successful",
    "Full test suite passes",
    "No linting or type errors",
    "Acceptance criteria met",
)


def problem_and_solution(
    facts: ProjectFacts, request: FeatureRequest, chain: Chain, work: TaskPlan
) -> tuple[str, str]:
    routes = ", ".join(f"`{r.method} {r.path}`" for r in work.focus[:4])
    if chain.is_component:
        modules = ", ".join(f"`{f}`" for f in chain.focus)
        problem = f"{request.kind} in {modules}: {request.text}."
    elif request.creates is not None:
        problem = (
            f"Clients cannot work with {request.resource} data: none of the project's "
            f"{len(facts.graph.routes())} routes, schemas or modules is named after "
            f"`{request.resource}`."
        )
    elif request.kind == "Bug Fix":
        serves = f" The code involved serves {routes}." if routes else ""
        problem = f"Reported behaviour to fix: {request.text}.{serves}"
    elif request.kind == "Refactor":
        problem = f"The `{chain.resource}` code needs restructuring: {request.text}."
    else:
        shown = f" ({routes})" if routes else ""
        problem = f"The `{chain.resource}` endpoints{shown} do not yet do this: {request.text}."
    steps = ", then ".join(f"{t.keyword.lower()} `{t.target}`" for t in work.tasks[:6])
    more = f", and {len(work.tasks) - 6} more steps" if len(work.tasks) > 6 else ""
    solution = f"Follow the `{chain.resource}` chain's own patterns: {steps}{more}."
    return problem, solution


#: How many files to read a plan lists: enough for the change, few enough to read.
_MAX_FILES = 15
#: A lexical match this close to the best one is listed even beyond the cap.
_STRONG = 0.75
#: A neighbour matching the request this well is read with the chain, not after it.
_RELEVANT = 0.5


def files_to_read(
    facts: ProjectFacts,
    request: FeatureRequest,
    chain: Chain,
    work: TaskPlan,
    others: tuple[Chain, ...] = (),
) -> tuple[FileRef, ...]:
    """Source the change touches first (the focus, every named resource's chain, what the
    router imports, settings, registries, clients of the paths, the words' best matches),
    then where the router is registered, then tests and their fixtures."""
    reading = _Reading(facts, request)
    reading.chain(chain, work)
    for other in others:
        reading.chain(other, None)
    reading.users()
    reading.neighbours(chain)
    reading.settings(chain)
    reading.registry(chain)
    reading.clients(chain, work)
    reading.tasks(work)
    if chain.registration:
        file, _, line = chain.registration.rpartition(":")
        reading.add(file, int(line), int(line), "Where the router is registered", tier=6)
    for file in work.analogue_tests:
        reading.add(file, None, None, "Tests of the analogue chain", tier=7)
    for fixture_file in sorted(
        {f.file for t in (*work.unit, *work.integration) for f in facts.visible_fixtures(t)}
    ):
        reading.add(fixture_file, None, None, "Fixtures the tests can reuse", tier=7)
    reading.lexical()
    return reading.refs()


class _Reading:
    """Files to read, each with its best reason and a tier; source before tests."""

    def __init__(self, facts: ProjectFacts, request: FeatureRequest) -> None:
        self.facts = facts
        self.request = request
        self.source = Source(facts.graph)
        self.scores = {s.file: s for s in facts.ranked(request.terms)}
        self.found: list[tuple[int, int, FileRef]] = []
        self.best = max((s.score for s in self.scores.values()), default=0.0)

    def add(self, path: str, start: int | None, end: int | None, reason: str, tier: int) -> None:
        self.found.append(
            (tier, len(self.found), FileRef(path=path, start=start, end=end, reason=reason))
        )

    def relevant(self, file: str) -> bool:
        """Matches the request nearly as well as the best match does."""
        return self.lexical_score(file) >= self.best * _RELEVANT

    def lexical_score(self, file: str) -> float:
        score = self.scores.get(file)
        return score.score if score else 0.0

    def chain(self, chain: Chain, work: TaskPlan | None) -> None:
        for file in chain.focus:
            self.add(
                file, None, None, _matched(self.scores.get(file), "Module the request is about"), 0
            )
        focus = work.focus if work is not None and work.focus else chain.routes
        spans = [self.source.span(r.endpoint) for r in focus]
        ranges = [s for s in spans if s is not None and s[0] == chain.router_file]
        if ranges and not chain.focus:
            self.add(
                chain.router_file,
                min(s[1] for s in ranges),
                max(s[2] for s in ranges),
                f"Endpoint structure: {len(focus)} route(s), their Depends and models",
                0,
            )
        for part in (*chain.services, *chain.repositories):
            reason = f"{part.kind.capitalize()} pattern: `{part.name}`"
            self.add(part.file, part.line, part.end_line, reason, 1)
        wanted = {chain.resource, *self.request.terms}
        for provider in chain.providers:
            span = self.source.span(provider)
            if span and is_source(span[0]):
                name = provider.rpartition(".")[2]
                # the resource's own provider; a shared one (a session, the user) comes later
                own = bool(wanted & name_words(name))
                self.add(span[0], span[1], span[2], f"Depends provider `{name}`", 2 if own else 5)
        for schema in chain.schemas:
            self.add(
                schema.file, schema.line, schema.end_line, f"Pydantic model `{schema.name}`", 1
            )

    def neighbours(self, chain: Chain) -> None:
        """Project modules the focus files import directly (services, helpers, flows) and
        those importing them, when they share a word with the request."""
        graph = self.facts.graph
        for file in (*chain.focus, chain.router_file):
            module = self.facts.module_of_file.get(file)
            if module is None:
                continue
            for other in graph.modules_imported_by(module):
                path = self.facts.file_of_module.get(other)
                if path and is_source(path) and self.has_code(path):
                    self.add(
                        path,
                        None,
                        None,
                        f"Imported by `{file}`",
                        2 if self.relevant(path) else 5,
                    )
            for other in graph.modules_importing(module):
                path = self.facts.file_of_module.get(other)
                # a module's callers change with it; a resource's importers only if on topic
                if path and is_source(path) and (chain.is_component or self.relevant(path)):
                    self.add(path, None, None, f"Imports `{file}`", 3 if chain.is_component else 4)

    def has_code(self, path: str) -> bool:
        """Not a package ``__init__`` that only re-exports: it defines a class or function."""
        if not path.endswith("__init__.py"):
            return True
        return any(s.kind in {"class", "function"} for s in self.facts.graph.symbols_overview(path))

    def users(self) -> None:
        """Files that use the identifiers the request writes as code (``TemplateResponse``)."""
        users = self.facts.code_users(self.request.code_words)
        for file in sorted(users, key=lambda f: (-users[f], f)):
            if is_source(file):
                self.add(file, None, None, f"Uses {_code_list(self.request.code_words)}", 2)

    def settings(self, chain: Chain) -> None:
        """The settings module, when the request is about configuration or the code the plan
        centres on imports it."""
        reads = {self.facts.module_of_file.get(f) for f in chain.files}
        imported = {m for r in reads if r for m in self.facts.graph.modules_imported_by(r)}
        for schema in self.facts.graph.schemas():
            if schema.kind != "settings" or not is_source(schema.file):
                continue
            module = self.facts.module_of_file.get(schema.file)
            if self.request.component == "configuration" or module in imported:
                self.add(schema.file, schema.line, schema.end_line, f"Settings `{schema.name}`", 2)

    def registry(self, chain: Chain) -> None:
        """A models package ``__init__`` importing the chain's table modules: new or changed
        models are registered there."""
        tables = {self.facts.module_of_file.get(s.file) for s in chain.schemas if s.kind == "table"}
        for module in sorted(m for m in tables if m):
            for importer in self.facts.graph.modules_importing(module):
                path = self.facts.file_of_module.get(importer, "")
                if path.endswith("__init__.py"):
                    self.add(path, None, None, "Model registry: imports every model", 3)

    def clients(self, chain: Chain, work: TaskPlan) -> None:
        """Modules whose string literals name the affected paths (API clients, front ends)."""
        routes = work.focus or chain.routes
        paths = {_literal_path(r.path) for r in routes} - {""}
        if not paths or len(paths) > _MAX_FILES:
            return
        route_files = {r.file for r in routes}
        for file, text in self.facts.texts.items():
            if not is_source(file) or file in route_files:
                continue
            hits = sorted(p for p in paths if f'{p}"' in text or f"{p}'" in text or f"{p}/" in text)
            if hits:
                self.add(file, None, None, f"Names the path `{hits[0]}`: a client of it", 3)

    def tasks(self, work: TaskPlan) -> None:
        """Source files the tasks change: the implementer reads each before changing it."""
        listed = {e[2].path for e in self.found}
        for number, task in enumerate(work.tasks, start=1):
            if task.keyword != "CREATE" and is_source(task.target) and task.target not in listed:
                self.add(task.target, None, None, f"Changed by task {number}", 1)

    def lexical(self) -> None:
        """The words' best matches: source files near the best score, whatever their number,
        then a few more; tests only after every source file."""
        ranked = [s for s in self.scores.values() if s.file.endswith(".py")]
        ranked.sort(key=lambda s: (-s.score, s.file))
        if not ranked:
            return
        best = ranked[0].score
        for score in ranked:
            share = score.score / best
            tier = 2 if share >= _STRONG else 4 if share >= _RELEVANT else 5
            tier = tier if is_source(score.file) else 7
            self.add(score.file, None, None, _matched(score, "Mentions"), tier)

    def refs(self) -> tuple[FileRef, ...]:
        """Each path once, at its best tier (its first reason there), cited lines kept when
        another reason cites the same file; at most ``_MAX_FILES`` unless strong."""
        best: dict[str, tuple[int, int, FileRef]] = {}
        for entry in sorted(self.found, key=lambda e: e[:2]):
            path = entry[2].path
            if path not in best:
                best[path] = entry
            elif best[path][2].start is not None and entry[2].start is not None:
                kept = best[path][2]
                span = {
                    "start": min(kept.start or 1, entry[2].start),
                    "end": max(kept.end or 1, entry[2].end or 1),
                }
                best[path] = (*best[path][:2], kept.model_copy(update=span))
        ordered = sorted(
            best.values(),
            key=lambda e: (e[0], -self.lexical_score(e[2].path) if e[0] >= 2 else 0, e[1]),
        )
        return tuple(e[2] for i, e in enumerate(ordered) if i < _MAX_FILES or e[0] <= 2)


def _matched(score: FileScore | None, lead: str) -> str:
    if score is None:
        return lead
    words = ", ".join(f"'{t}'" for t in score.matched)
    return f"{lead}: {words}" if lead != "Mentions" else f"Mentions {words}"


def _code_list(words: tuple[str, ...]) -> str:
    return ", ".join(f"`{w}`" for w in words)


def _literal_path(path: str) -> str:
    """A route path up to its first parameter, as code would write it in a string."""
    head = path.split("{", 1)[0].rstrip("/")
    return head if head.count("/") >= 1 and len(head) > 1 else ""


def docs(facts: ProjectFacts, request: FeatureRequest, chain: Chain) -> tuple[DocRef, ...]:
    wanted = set(request.terms) | {chain.resource}
    found: list[DocRef] = []
    for doc in facts.docs:
        if doc.kind == "agents":
            found.append(
                DocRef(
                    title=doc.title or doc.file,
                    target=doc.file,
                    reason=f"Project rules ({len(doc.rules)})",
                )
            )
            continue
        for heading in doc.headings:
            matched = sorted(wanted & set(terms(heading.text)))
            if matched or (doc.kind != "llms" and wanted & set(terms(doc.file))):
                anchor = _anchor(heading.text) if heading.level > 1 else ""
                found.append(
                    DocRef(
                        title=heading.text,
                        target=doc.file + anchor,
                        reason=f"Section on {', '.join(matched) or chain.resource}",
                    )
                )
                break
        for link in doc.links if doc.kind == "llms" else ():
            if wanted & set(terms(link.text + " " + link.target)):
                found.append(
                    DocRef(
                        title=link.text,
                        target=_link_target(doc.file, link.target),
                        reason=f"Listed in `{doc.file}`",
                    )
                )
    declared = {d.name for d in facts.project.dependencies}
    for name, (title, url) in sorted(_OFFICIAL_DOCS.items()):
        if name in declared:
            found.append(
                DocRef(title=title, target=url, reason=f"`{name}` is a declared dependency")
            )
    return tuple(
        {d.target: d for d in reversed(found)}[t] for t in dict.fromkeys(d.target for d in found)
    )


def _link_target(doc_file: str, target: str) -> str:
    """llms.txt links are URLs or paths relative to the llms.txt file."""
    if "://" in target or target.startswith("#"):
        return target
    return posixpath.normpath(posixpath.join(posixpath.dirname(doc_file), target))


def _anchor(heading: str) -> str:
    slug = re.sub(r"[^\w\- ]", "", heading.lower()).strip().replace(" ", "-")
    return f"#{slug}"


def phases(work: TaskPlan) -> tuple[Phase, ...]:
    summaries = {
        "Foundation": "Data shapes and storage the rest builds on.",
        "Core Implementation": "Business logic and the HTTP endpoints.",
        "Integration": "Wire the new parts into the application.",
        "Testing": "Tests at the layers the project already tests.",
    }
    found = []
    for name, summary in summaries.items():
        tasks = tuple(f"{t.keyword} `{t.target}`" for t in work.tasks if t.phase == name)
        found.append(
            Phase(
                name=name,
                summary=summary,
                tasks=tasks or ("Nothing at this phase for this change.",),
            )
        )
    return tuple(found)


def testing(
    facts: ProjectFacts, chain: Chain, work: TaskPlan
) -> tuple[str, str, tuple[FixtureRef, ...], str, Snippet | None, tuple[str, ...]]:
    unit = work.unit[0] if work.unit else _test_root(facts)
    integration = work.integration[0] if work.integration else _test_root(facts)
    fixtures = {
        f.name: FixtureRef(name=f.name, scope=f.scope, autouse=f.autouse, path=f.file, line=f.line)
        for target in (*work.unit, *work.integration)
        for f in facts.visible_fixtures(target)
    }
    return (
        unit,
        integration,
        tuple(fixtures[n] for n in sorted(fixtures)),
        _mocking(facts, _tests_read(chain, work)),
        _unit_example(facts, chain),
        _edge_cases(facts, chain),
    )


def _test_root(facts: ProjectFacts) -> str:
    dirs = facts.project.test_dirs
    return f"{dirs[0]}/" if dirs else "tests/"


def _tests_read(chain: Chain, work: TaskPlan) -> tuple[str, ...]:
    """The tests whose style the new ones follow: the chain's, or the one a first test copies."""
    if chain.test_files or work.untested is None:
        return chain.test_files
    return (work.untested[1],)


def _mocking(facts: ProjectFacts, files: tuple[str, ...]) -> str:
    if not files:
        return "no test of this code shows one; keep to the project's other tests."
    source = Source(facts.graph)
    counts: dict[str, list[str]] = {}
    for file in files:
        for number, line in enumerate(source.lines(file), start=1):
            for word in _MOCKS:
                if word in line:
                    counts.setdefault(word.rstrip("("), []).append(f"{file}:{number}")
    if not counts:
        return "the analogue's tests use no mocks; they call the code directly."
    parts = [f"`{w}` ({len(places)}x, e.g. `{places[0]}`)" for w, places in sorted(counts.items())]
    return "the tests already use " + ", ".join(parts) + "."


def _unit_example(facts: ProjectFacts, chain: Chain) -> Snippet | None:
    source = Source(facts.graph)
    for test in facts.tests:
        if test.file in chain.test_files and test.kind == "unit":
            return source.snippet("Unit test", test.qualname)
    return None


_VALIDATING = frozenset(
    {"min_length", "max_length", "gt", "ge", "lt", "le", "pattern", "regex", "multiple_of"}
    | {"max_digits", "decimal_places", "min_items", "max_items", "strict"}
)


def _edge_cases(facts: ProjectFacts, chain: Chain) -> tuple[str, ...]:
    cases = []
    bodies = {r.body for r in chain.routes if r.body}
    for schema in chain.schemas:
        if schema.qualname not in bodies:
            continue  # only request bodies reject input with 422
        for f in schema.all_fields:
            rules = ", ".join(_snippet(f"{k}={v}") for k, v in f.constraints if k in _VALIDATING)
            where = f"`{schema.name}.{f.name}` ({schema.file}:{f.line})"
            if rules:
                cases.append(f"Input outside {rules}, as for {where}, is rejected with 422")
            elif f.required:
                cases.append(f"A body without the required field, as {where}, is rejected with 422")
    files = set(chain.files) | {
        facts.file_of_module.get(p.rpartition(".")[0], "") for p in chain.providers
    }
    handlers = {h.exception: h for h in facts.errors.handlers}
    for site in facts.errors.raises:
        if site.file not in files:
            continue
        name = site.exception.rpartition(".")[2]
        if site.status_code:
            detail = _snippet(site.detail) if site.detail else "no detail"
            cases.append(
                f"`{name}` {site.status_code} ({detail}) as raised at `{site.file}:{site.line}`"
            )
        elif site.exception in handlers:
            handler = handlers[site.exception]
            cases.append(
                f"`{name}` as raised at `{site.file}:{site.line}`, answered by "
                f"`{handler.handler.rpartition('.')[2]}` (`{handler.file}:{handler.line}`)"
            )
    return tuple(dict.fromkeys(cases)) or ("Empty and malformed input to every new endpoint",)


def _snippet(text: str, limit: int = 80) -> str:
    """Code from the project inside a sentence: one line, bounded, as inline code, so that
    braces and brackets in it read as code, not as template syntax or markdown."""
    line = " ".join(text.split())
    return code(line if len(line) <= limit else line[: limit - 3] + "...")


def acceptance(
    facts: ProjectFacts, request: FeatureRequest, chain: Chain, work: TaskPlan
) -> tuple[str, ...]:
    from render.naming import swap

    items = [
        "Feature implements all specified functionality",
        "All validation commands pass with zero errors",
        "Unit tests cover happy path and error cases",
        "Integration tests verify end-to-end workflow",
        "Code follows CLAUDE.md conventions"
        if any(d.kind == "agents" for d in facts.docs)
        else "Code follows the conventions of the analogue files",
        "No regressions in existing functionality",
        "Documentation updated if needed",
    ]
    if request.creates is not None:
        for route in chain.routes:
            items.append(
                f"`{route.method} {swap(route.path, chain.resource, request.resource)}` is served"
            )
    coverage = facts.project.coverage
    if coverage and coverage.fail_under is not None:
        items.append(f"Coverage stays at or above {coverage.fail_under:g}% ({coverage.source})")
    return tuple(items)


def checklist() -> tuple[str, ...]:
    return _CHECKLIST


def notes(
    facts: ProjectFacts, request: FeatureRequest, chain: Chain, work: TaskPlan
) -> tuple[str, ...]:
    if chain.is_component:
        centre = (
            f"Focus: {', '.join(f'`{f}`' for f in chain.focus)}, the modules that match the "
            "request's words best; no router chain is copied."
        )
    else:
        centre = f"Analogue: the `{chain.resource}` chain ({', '.join(chain.layers)}), chosen " + (
            "because the request names it."
            if chain.resource in request.related
            else "as the most complete chain matching the request's words."
        )
    found = [
        f"Type: {request.kind}, because {request.kind_reason}.",
        centre,
        f"Understood: {_understood(request)}.",
    ]
    if request.unclear is not None:
        found.append(f"Unclear request: {request.unclear}; the tasks are a guess at where.")
    unserved = [r for r in chain.routes if r.app is None]
    if unserved:
        found.append(
            f"{len(unserved)} route(s) of `{chain.router_file}` are on a router no app includes "
            "as far as static analysis sees; the plan is built from them all the same."
        )
    if chain.registration:
        found.append(
            f"Routers are registered at `{chain.registration}`, not where the router is defined."
        )
    if work.untested:
        created, mirror = work.untested
        found.append(
            f"No test tests `{chain.resource}`: none is named after it or imports its router, "
            f"service or repository (tests of other resources that only build its data do not "
            f"count). The plan creates `{created}`, laid out as `{mirror}`."
        )
    for diagnostic in facts.graph.diagnostics:
        found.append(
            f"Not analysed: `{diagnostic.file}:{diagnostic.line}` {diagnostic.code} "
            f"{diagnostic.message}"
        )
    return tuple(found)


def _understood(request: FeatureRequest) -> str:
    """The request's reading, for the person checking the plan against what was meant."""
    parts = [f'action "{request.action}"' if request.action else "no leading verb"]
    if request.related:
        parts.append("resources " + ", ".join(f"`{r}`" for r in request.related))
    if request.creates:
        parts.append(f"new `{request.creates}`")
    if request.attributes:
        parts.append("attributes " + ", ".join(f"`{a}`" for a in request.attributes))
    if request.qualifiers:
        parts.append("qualifiers " + ", ".join(f'"{q}"' for q in request.qualifiers))
    if request.component:
        parts.append(f"about the {request.component}")
    parts.append(f"{round(request.matched * 100)}% of its words name something in the project")
    return "; ".join(parts)


def diagram(request: FeatureRequest, chain: Chain, work: TaskPlan) -> str:
    """Each step's file, linked to the step it builds on; tests point at what they test."""
    lines = ["flowchart LR"]
    created = {f.path for f in work.new_files}
    ids: dict[str, str] = {}
    for task in work.tasks:
        if task.target not in ids:
            ids[task.target] = f"n{len(ids)}"
            style = "new" if task.target in created else "existing"
            lines.append(f'    {ids[task.target]}["{task.target}"]:::{style}')
    code = [t.target for t in work.tasks if t.phase != "Testing"]
    for later, earlier in zip(code[1:], code, strict=False):
        if later != earlier:
            lines.append(f"    {ids[later]} --> {ids[earlier]}")
    for task in work.tasks:
        if task.phase == "Testing" and code:
            wanted = _words(task.target.rsplit("/", 1)[-1])
            best = max(code, key=lambda c: (len(wanted & _words(c)), -code.index(c)))
            lines.append(f"    {ids[task.target]} -.-> {ids[best]}")
    lines.append("    classDef new stroke-dasharray: 5 5")
    lines.append("    classDef existing stroke-width: 2px")
    return "\n".join(lines)


def _words(path: str) -> set[str]:
    return {singular(w) for w in split_identifier(path)} - {"py", "test"}
