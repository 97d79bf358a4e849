"""Plan sections written as sentences and lists from the facts: context, tests, criteria, notes."""

from __future__ import annotations

import posixpath
import re

from render.chains import Chain
from render.context import DocRef, FileRef, FixtureRef, Phase, Snippet
from render.facts import ProjectFacts
from render.markdown import code
from render.rank import rank
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
    if request.kind == "New Capability":
        problem = (
            f"Clients cannot work with {request.resource} data: none of the project's "
            f"{len(facts.graph.routes())} routes, schemas or modules is named after "
            f"`{request.resource}`."
        )
    elif request.kind == "Bug Fix":
        problem = f"Reported behaviour to fix: {request.text}. The code involved serves {routes}."
    elif request.kind == "Refactor":
        problem = f"The `{chain.resource}` code needs restructuring: {request.text}."
    else:
        problem = f"The `{chain.resource}` endpoints ({routes}) do not yet do this: {request.text}."
    steps = ", then ".join(f"{t.keyword.lower()} `{t.target}`" for t in work.tasks[:6])
    more = f", and {len(work.tasks) - 6} more steps" if len(work.tasks) > 6 else ""
    solution = f"Follow the `{chain.resource}` chain's own patterns: {steps}{more}."
    return problem, solution


def files_to_read(
    facts: ProjectFacts, request: FeatureRequest, chain: Chain, work: TaskPlan
) -> tuple[FileRef, ...]:
    source = Source(facts.graph)
    refs: list[FileRef] = []
    spans = [source.span(r.endpoint) for r in work.focus]
    ranges = [s for s in spans if s is not None]
    if ranges:
        refs.append(
            FileRef(
                path=chain.router_file,
                start=min(s[1] for s in ranges),
                end=max(s[2] for s in ranges),
                reason=f"Endpoint structure: {len(work.focus)} route(s), their Depends and models",
            )
        )
    if chain.registration:
        file, _, line = chain.registration.rpartition(":")
        refs.append(
            FileRef(
                path=file, start=int(line), end=int(line), reason="Where the router is registered"
            )
        )
    for provider in chain.providers:
        span = source.span(provider)
        if span:
            refs.append(
                FileRef(
                    path=span[0],
                    start=span[1],
                    end=span[2],
                    reason=f"Depends provider `{provider.rpartition('.')[2]}`",
                )
            )
    for part in (*chain.services, *chain.repositories):
        refs.append(
            FileRef(
                path=part.file,
                start=part.line,
                end=part.end_line,
                reason=f"{part.kind.capitalize()} pattern: `{part.name}`",
            )
        )
    for schema in chain.schemas:
        refs.append(
            FileRef(
                path=schema.file,
                start=schema.line,
                end=schema.end_line,
                reason=f"Pydantic model `{schema.name}`",
            )
        )
    for file in chain.test_files:
        refs.append(FileRef(path=file, start=None, end=None, reason="Tests of the analogue chain"))
    for fixture_file in sorted(
        {f.file for t in chain.test_files for f in facts.visible_fixtures(t)}
    ):
        refs.append(
            FileRef(path=fixture_file, start=None, end=None, reason="Fixtures the tests can reuse")
        )
    refs += _extra(facts, request, {r.path for r in refs})
    return tuple(_dedupe(refs))


def _extra(facts: ProjectFacts, request: FeatureRequest, seen: set[str]) -> list[FileRef]:
    extra = []
    for score in rank(facts.documents, request.terms):
        if score.file not in seen and score.file.endswith(".py"):
            words = ", ".join(f"'{t}'" for t in score.matched)
            extra.append(FileRef(path=score.file, start=None, end=None, reason=f"Mentions {words}"))
        if len(extra) == _MAX_EXTRA_FILES:
            break
    return extra


def _dedupe(refs: list[FileRef]) -> list[FileRef]:
    seen: set[tuple[str, int | None]] = set()
    kept = []
    for ref in refs:
        if (ref.path, ref.start) not in seen:
            seen.add((ref.path, ref.start))
            kept.append(ref)
    return kept


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
        _mocking(facts, chain),
        _unit_example(facts, chain),
        _edge_cases(facts, chain),
    )


def _test_root(facts: ProjectFacts) -> str:
    dirs = facts.project.test_dirs
    return f"{dirs[0]}/" if dirs else "tests/"


def _mocking(facts: ProjectFacts, chain: Chain) -> str:
    source = Source(facts.graph)
    counts: dict[str, list[str]] = {}
    for file in chain.test_files:
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
    if request.kind == "New Capability":
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
    found = [
        f"Type: {request.kind}, because {request.kind_reason}.",
        f"Analogue: the `{chain.resource}` chain ({', '.join(chain.layers)}), chosen "
        + (
            "because the request names it."
            if chain.resource in request.related
            else "as the most complete chain matching the request's words."
        ),
    ]
    if chain.registration:
        found.append(
            f"Routers are registered at `{chain.registration}`, not where the router is defined."
        )
    for diagnostic in facts.graph.diagnostics:
        found.append(
            f"Not analysed: `{diagnostic.file}:{diagnostic.line}` {diagnostic.code} "
            f"{diagnostic.message}"
        )
    return tuple(found)


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
