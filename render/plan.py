"""build_plan: a feature request and the code graph in, every section of the plan out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, TypeVar

from codeintel import CodeGraph
from render.chains import (
    Chain,
    build_chains,
    component_chain,
    is_source,
    name_words,
    router_words,
)
from render.commands import Commands
from render.confidence import confidence, signals
from render.context import (
    Complexity,
    Confidence,
    ConventionRef,
    Deduction,
    FileRef,
    FixtureRef,
    PlanContext,
    Snippet,
    Summary,
    ValidationLevel,
)
from render.errors import PlanError
from render.facts import ProjectFacts
from render.prose import (
    acceptance,
    checklist,
    diagram,
    docs,
    files_to_read,
    notes,
    phases,
    problem_and_solution,
    testing,
)
from render.request import FeatureRequest, understand
from render.tasks import TaskPlan, plan_tasks
from render.words import singular, split_identifier
from render.writer import PLANS_DIR


def build_plan(graph: CodeGraph, text: str, *, out: str | None = None) -> PlanContext:
    """The whole plan's content; deterministic for a given graph and request text.

    The request, the analogue and the tasks are the plan: a failure there is a one-line
    PlanError. Any other section that fails is left empty and named in the notes.
    """
    facts = ProjectFacts(graph)
    try:
        chains = build_chains(facts)
        request = understand(text, _resources(graph, chains), project_names(facts))
        chain = choose_analogue(facts, request, chains)
        work = plan_tasks(facts, request, chain, tuple(chains))
    except PlanError:
        raise
    except Exception as exc:  # a bug of ours must still give the one-line error, no trace
        raise PlanError(f"internal error while planning: {one_line(exc)}") from exc
    failed: list[str] = []
    parts = _Parts(failed)
    commands = Commands(facts.project)
    validation: tuple[ValidationLevel, ...] = parts.get(
        "validation",
        lambda: commands.levels(facts.project.package_dirs or ("."), work.unit, work.integration),
        _NO_LEVELS,
    )
    summary = parts.get(
        "summary", lambda: _summary(facts, request, chain, work), _no_summary(request)
    )
    problem, solution = parts.get(
        "problem and solution",
        lambda: problem_and_solution(facts, request, chain, work),
        (request.text, "See the tasks below."),
    )
    unit, integration, fixtures, mocking, example, edges = parts.get(
        "testing strategy",
        lambda: testing(facts, chain, work),
        _NO_TESTING,
    )
    reading = parts.get(
        "files to read",
        lambda: files_to_read(facts, request, chain, work, _others(request, chain, chains)),
        _NO_FILES,
    )
    context = PlanContext(
        request=request.text,
        feature_name=request.title,
        slug=request.slug,
        plan_path=out or f"{PLANS_DIR.as_posix()}/{request.slug}.md",
        feature_type=request.kind,
        type_reason=request.kind_reason,
        affected_systems=work.affected,
        dependencies=parts.get("dependencies", lambda: facts.distributions_used(chain.files), ()),
        description=_description(request, chain, work),
        user_type=_user(request, chain),
        user_action=_action(request),
        user_benefit=_benefit(request, chain),
        problem=problem,
        solution=solution,
        files_to_read=reading,
        docs=parts.get("documentation", lambda: docs(facts, request, chain), ()),
        new_files=tuple(work.new_files),
        patterns=tuple(work.patterns),
        conventions=parts.get("conventions", lambda: _conventions(facts), ()),
        phases=phases(work),
        tasks=tuple(work.tasks),
        unit_test_location=unit,
        integration_test_location=integration,
        fixtures=fixtures,
        mocking=mocking,
        unit_test_example=example,
        edge_cases=edges,
        validation=validation,
        acceptance=parts.get(
            "acceptance criteria",
            lambda: acceptance(facts, request, chain, work),
            ("Feature implements all specified functionality",),
        ),
        checklist=checklist(),
        notes=parts.get("notes", lambda: notes(facts, request, chain, work), ()),
        diagram=parts.get("diagram", lambda: diagram(request, chain, work), "flowchart LR"),
        summary=summary,
    )
    if not failed:
        return context
    return context.model_copy(
        update={"notes": (*context.notes, *failed), "failures": tuple(failed)}
    )


_T = TypeVar("_T")
_NO_FILES: tuple[FileRef, ...] = ()
_NO_LEVELS: tuple[ValidationLevel, ...] = ()
_NO_FIXTURES: tuple[FixtureRef, ...] = ()
_NO_TESTING: tuple[str, str, tuple[FixtureRef, ...], str, Snippet | None, tuple[str, ...]] = (
    "tests/",
    "tests/",
    _NO_FIXTURES,
    "not analysed.",
    None,
    ("Not analysed.",),
)


class _Parts:
    """Builds the plan's optional sections, each on its own: one failing is noted, not fatal."""

    def __init__(self, failed: list[str]) -> None:
        self.failed = failed

    def get(self, name: str, build: Callable[[], _T], fallback: _T) -> _T:
        try:
            return build()
        except Exception as exc:  # one section's bug must not cost the whole plan
            self.failed.append(f"Not planned: the {name} section failed ({one_line(exc)})")
            return fallback


def one_line(exc: BaseException) -> str:
    """An exception as one bounded line: its type and its message."""
    text = " ".join(f"{type(exc).__name__}: {exc}".split())
    return text if len(text) <= 200 else text[:197] + "..."


def _conventions(facts: ProjectFacts) -> tuple[ConventionRef, ...]:
    return tuple(
        ConventionRef(**c.model_dump(exclude={"file"}), path=c.file) for c in facts.conventions
    )


def _no_summary(request: FeatureRequest) -> Summary:
    return Summary(
        approach=request.kind,
        complexity=None,
        risks=("Not measured",),
        confidence=Confidence(score=1, deductions=(Deduction(code="not_computed", points=9),)),
    )


def _resources(graph: CodeGraph, chains: list[Chain]) -> set[str]:
    """Resources the project has: chains, and the leading word of its model classes."""
    names = {c.resource for c in chains}
    for schema in graph.schemas():
        parts = split_identifier(schema.name)
        if parts:
            names.add(parts[0])
    return names


def project_names(facts: ProjectFacts) -> list[str]:
    """Everything the project names: module paths, symbols, route paths, fields, doc
    headings, the packages it imports and declares; sorted."""
    names: set[str] = set(facts.graph.files())
    for _, data in facts.graph.graph.nodes(data=True):
        kind = data.get("kind")
        if kind in {"class", "function", "method", "module", "package", "external"}:
            names.add(data["name"])
        elif kind == "route":
            names.update(data["path"].split("/"))
    names.update(f.name for s in facts.graph.schemas() for f in s.fields)
    names.update(h.text for d in facts.docs for h in d.headings)
    names.update(d.name for d in facts.project.dependencies)
    return sorted(names)


def choose_analogue(facts: ProjectFacts, request: FeatureRequest, chains: list[Chain]) -> Chain:
    """What the plan centres on: the modules a component request is about, else the named
    resource's chain, else the most complete, best matching one."""
    scores = {s.file: s.score for s in facts.ranked(request.terms)}

    def lexical(chain: Chain) -> float:
        return sum(scores.get(f, 0.0) for f in chain.files)

    named = [c for c in chains if c.resource in request.related]
    symbols = symbol_files(facts, request) if request.creates is None else ()
    if symbols:
        return component_chain(facts, request.component or request.resource, symbols)
    focus = focus_files(facts, request)
    if focus and _about_component(request, named or chains, focus, scores):
        return component_chain(facts, request.component or request.resource, focus)
    if not chains:
        raise PlanError(
            "the project serves no FastAPI routes to mirror and no module matches the request"
        )
    if named:
        order = {r: i for i, r in enumerate(request.related)}
        return min(
            named,
            key=lambda c: (
                order[c.resource],
                _unserved(c),
                -len(c.layers),
                bool(router_words(c) - set(request.terms)),
                # app/platform/api/ when the request says "platform", else the resource's own
                # package: app/organisations/api/ before app/platform/api/
                -len(_folders(c) & set(request.terms) - {c.resource}),
                c.resource not in _folders(c),
                -lexical(c),
                c.router_file,
            ),
        )
    if request.creates is None:  # the change lands in the chain its words point at
        # no word matches: the biggest router is where a new endpoint usually goes
        return min(
            chains,
            key=lambda c: (
                -lexical(c),
                _unserved(c),
                -len(c.routes),
                -len(c.layers),
                c.router_file,
            ),
        )
    return min(
        chains, key=lambda c: (_unserved(c), -len(c.layers), -lexical(c), c.resource, c.router_file)
    )


def _others(request: FeatureRequest, chain: Chain, chains: list[Chain]) -> tuple[Chain, ...]:
    """The chains of the other resources the request names ("users and orders")."""
    return tuple(
        c for c in chains if c.resource in request.related and c.resource != chain.resource
    )


def _folders(chain: Chain) -> set[str]:
    """The words of the folders the router is in."""
    return name_words(chain.router_file.rpartition("/")[0])


def _unserved(chain: Chain) -> bool:
    return all(r.app is None for r in chain.routes)


#: How close to the best match a module must score to be part of a component's focus.
_FOCUS_SHARE = 0.6
_MAX_FOCUS = 4


def focus_files(facts: ProjectFacts, request: FeatureRequest) -> tuple[str, ...]:
    """Source modules that match the request best: a dependency's importers for an upgrade,
    else the strongest lexical matches (source, not tests)."""
    if request.component == "dependencies":
        importers = _importers(facts, request.terms)
        if importers:
            return importers
    users = {f: n for f, n in facts.code_users(request.code_words).items() if is_source(f)}
    most = max(users.values(), default=0)
    used = sorted(
        (f for f, n in users.items() if n >= most * _FOCUS_SHARE), key=lambda f: (-users[f], f)
    )
    # an empty package __init__ is named like its folder but holds nothing to change
    ranked = [
        s
        for s in facts.ranked(request.terms)
        if is_source(s.file) and facts.texts.get(s.file, "").strip()
    ]
    best = ranked[0].score if ranked else 0.0
    matched = [s.file for s in ranked if s.score >= best * _FOCUS_SHARE]
    return tuple(dict.fromkeys([*used[:_MAX_FOCUS], *matched]))[:_MAX_FOCUS]


def _importers(facts: ProjectFacts, words: tuple[str, ...]) -> tuple[str, ...]:
    """Files importing a third-party package the request names (``upgrade httpx``)."""
    graph = facts.graph.graph
    found: set[str] = set()
    for node, data in graph.nodes(data=True):
        if data.get("kind") != "external":
            continue
        top = str(data["name"]).split(".")[0].lower().replace("-", "_")
        if top in words or top.replace("_", "") in words:
            for source, _, kind in graph.in_edges(node, keys=True):
                file = graph.nodes[source].get("file")
                if kind == "imports" and file and is_source(file):
                    found.add(file)
    return tuple(sorted(found))


def _about_component(
    request: FeatureRequest,
    candidates: list[Chain],
    focus: tuple[str, ...],
    scores: dict[str, float],
) -> bool:
    """A request about a module rather than a resource: the modules match its words better
    than any resource's chain does."""
    if not candidates or request.component == "dependencies":
        return True
    if request.creates is not None or request.new_entry:
        return False
    chain_files = {f for c in candidates for f in c.files if is_source(f)}
    if request.related and request.component is None:
        return False
    best_chain = max((scores.get(f, 0.0) for f in chain_files), default=0.0)
    return scores.get(focus[0], 0.0) > best_chain


def symbol_files(facts: ProjectFacts, request: FeatureRequest) -> tuple[str, ...]:
    """Source files defining a class or function the request names whole (``ServerService``,
    ``get_job_plans``); single-word names are too common to count."""
    wanted = set(request.identifiers)
    found = set()
    for _, data in facts.graph.graph.nodes(data=True):
        if data.get("kind") not in {"class", "function", "method"}:
            continue
        parts = split_identifier(data["name"])
        if len(parts) > 1 and singular("".join(parts)) in wanted and is_source(data["file"]):
            found.add(data["file"])
    return tuple(sorted(found))


def _description(request: FeatureRequest, chain: Chain, work: TaskPlan) -> tuple[str, ...]:
    first = f"Requested: {request.text}"
    if chain.is_component:
        exists = f"This changes {_focus_words(chain)}."
    elif request.creates is not None:
        exists = (
            f"The project has no `{request.resource}` resource yet. It will be built the way the "
            f"existing `{chain.resource}` resource is: {_chain_words(chain)}."
        )
    else:
        exists = f"This changes the existing `{chain.resource}` resource: {_chain_words(chain)}."
    if request.unclear is not None:
        exists += (
            f" The request is unclear: {request.unclear}. The steps below only place the work; "
            "say what should change before starting."
        )
    value = (
        f"The work touches {len(work.tasks)} steps across {', '.join(work.affected)}; every file "
        "and line range cited below was read from the repository."
    )
    return first, exists, value


def _focus_words(chain: Chain) -> str:
    shown = ", ".join(f"`{f}`" for f in chain.focus)
    tests = f", tested by {len(chain.test_files)} test file(s)" if chain.test_files else ""
    return f"the modules the request is about: {shown}{tests}"


def _chain_words(chain: Chain) -> str:
    parts = [f"{len(chain.routes)} route(s) in `{chain.router_file}`"]
    parts += [f"`{c.name}` in `{c.file}`" for c in (*chain.services, *chain.repositories)]
    if chain.schemas:
        parts.append(f"schemas in `{chain.schemas[0].file}`")
    if chain.test_files:
        parts.append(f"{len(chain.test_files)} test file(s)")
    else:
        parts.append("no test file")
    return ", ".join(parts)


def _user(request: FeatureRequest, chain: Chain) -> str:
    if request.kind == "Refactor":
        return "a developer maintaining this codebase"
    if any(_is_auth(p) for p in chain.providers):
        return "an authenticated API client"
    return "an API client"


def _is_auth(provider: str) -> bool:
    words = set(split_identifier(provider.rpartition(".")[2]))
    return bool(words & {"auth", "key", "token", "user", "permission", "login", "security"})


def _action(request: FeatureRequest) -> str:
    text = request.text.rstrip(".!")
    return text[:1].lower() + text[1:]


def _benefit(request: FeatureRequest, chain: Chain) -> str:
    if chain.is_component:
        return f"the {chain.resource} code does what I need"
    if request.creates is not None:
        return (
            f"I can work with {request.resource} data through the API the same way I work "
            f"with {chain.resource} data today"
        )
    if request.kind == "Bug Fix":
        return f"the {chain.resource} endpoints behave as documented"
    if request.kind == "Refactor":
        return f"the {chain.resource} code is easier to change without changing its behaviour"
    return f"the {chain.resource} endpoints do what I need without a workaround"


def _summary(facts: ProjectFacts, request: FeatureRequest, chain: Chain, work: TaskPlan) -> Summary:
    approach = (
        f"{request.kind}: mirror the `{chain.resource}` chain ({', '.join(chain.layers)})"
        if request.creates is not None
        else f"{request.kind}: change the `{chain.resource}` chain ({', '.join(chain.layers)})"
    )
    return Summary(
        approach=approach,
        complexity=_complexity(facts, work),
        risks=work.risks,
        confidence=confidence(signals(facts, request, chain)),
    )


def _complexity(facts: ProjectFacts, work: TaskPlan) -> Complexity:
    """Low for a few files few modules depend on; High for many files, folders or importers."""
    importers = facts.dependents([t.target for t in work.tasks if t.keyword != "CREATE"])
    folders = len(work.affected)
    files = len({t.target for t in work.tasks})
    level: Literal["Low", "Medium", "High"] = "Low" if files <= 3 and importers <= 3 else "Medium"
    if files >= 10 or importers >= 15 or folders >= 6:
        level = "High"
    return Complexity(level=level, files=files, folders=folders, importers=importers)
