"""What a plan centres on and sends the implementer to read: components, every named resource,
settings, importers of an upgraded package, the code using a named identifier."""

from __future__ import annotations

from pathlib import Path

import pytest

import codeintel
from render.chains import is_source
from render.check import check_plan
from render.context import PlanContext
from render.errors import PlanError
from render.facts import ProjectFacts
from render.markdown import render_markdown
from render.plan import build_plan
from render.rank import index, rank

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures_repos"
REGISTRY = FIXTURES / "registry_app"


@pytest.fixture(scope="module")
def graph() -> codeintel.CodeGraph:
    return codeintel.analyze(REGISTRY)


def _plan(graph: codeintel.CodeGraph, text: str) -> PlanContext:
    context = build_plan(graph, text)
    assert check_plan(render_markdown(context), "plan.md", REGISTRY) == []
    return context


def _read(context: PlanContext) -> list[str]:
    return list(dict.fromkeys(f.path for f in context.files_to_read))


def test_a_configuration_request_centres_on_the_settings_module(graph: codeintel.CodeGraph) -> None:
    context = _plan(graph, "Make the API key header configurable in the settings")
    assert _read(context)[0] == "registry/config/settings.py"
    assert [(t.keyword, t.target) for t in context.tasks][:1] == [
        ("UPDATE", "registry/config/settings.py")
    ]
    assert not context.new_files
    assert not any("router" in t.implement.lower() for t in context.tasks)


def test_an_upgrade_lists_the_modules_importing_the_package(graph: codeintel.CodeGraph) -> None:
    context = _plan(graph, "Upgrade pydantic to 2.9")
    assert context.feature_type == "Enhancement" and not context.new_files
    assert _read(context)[:2] == ["registry/schemas/agent.py", "registry/schemas/server.py"]
    assert [t.target for t in context.tasks][:3] == [
        "pyproject.toml",
        "registry/schemas/agent.py",
        "registry/schemas/server.py",
    ]


def test_every_named_resource_has_its_chain_read(graph: codeintel.CodeGraph) -> None:
    context = _plan(graph, "Add created_at to servers and agents")
    read = _read(context)
    assert {"registry/api/servers.py", "registry/api/agents.py"} <= set(read[:3])
    assert {"registry/services/server_service.py", "registry/services/agent_service.py"} <= set(
        read[:8]
    )
    assert context.feature_type == "Enhancement" and not context.new_files


def test_an_identifier_written_in_the_request_finds_the_code_using_it(
    graph: codeintel.CodeGraph,
) -> None:
    users = ProjectFacts(graph).code_users(["DuplicateError"])
    assert set(users) == {
        "registry/exceptions.py",
        "registry/main.py",
        "registry/services/server_service.py",
    }
    context = _plan(graph, "Fix how DuplicateError is raised")
    assert _read(context)[:3] == [
        "registry/exceptions.py",
        "registry/main.py",
        "registry/services/server_service.py",
    ]
    assert context.feature_type == "Bug Fix"


@pytest.mark.parametrize(
    "text",
    [
        "Add pagination to the list servers endpoint",
        "Fix 404 when deleting an unknown agent",
        "Refactor the server repository to share a base class",
        "Add publisher management to servers",
        "Upgrade pydantic to 2.9",
    ],
)
def test_source_before_tests_and_each_file_once(graph: codeintel.CodeGraph, text: str) -> None:
    context = _plan(graph, text)
    read = [f.path for f in context.files_to_read]
    assert len(read) == len(set(read))
    kinds = [is_source(p) for p in read if p.endswith(".py")]
    assert kinds == sorted(kinds, reverse=True), read
    new = [f.path for f in context.new_files]
    assert len(new) == len(set(new))
    updates = [(t.keyword, t.target, t.implement) for t in context.tasks]
    assert len(updates) == len(set(updates))


def test_a_request_about_something_absent_is_refused_with_the_closest(
    graph: codeintel.CodeGraph,
) -> None:
    with pytest.raises(PlanError, match=r"closest existing resources: .*server"):
        build_plan(graph, "Log out suspended users")


def test_confidence_falls_when_the_words_match_many_files_alike(tmp_path: Path) -> None:
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\n\napp = FastAPI()\n\n\n"
        '@app.get("/notes")\ndef list_notes() -> list[str]:\n    return []\n'
    )
    for kind in ("csv", "json", "xml", "yaml", "html", "pdf"):
        (tmp_path / f"export_{kind}.py").write_text(f"def export_{kind}() -> None:\n    pass\n")
    graph = codeintel.analyze(tmp_path)
    vague = build_plan(graph, "Fix the export").summary.confidence
    precise = build_plan(graph, "Fix the export of notes to pdf").summary.confidence
    assert [(d.code, d.count) for d in vague.deductions] == [("ambiguous_words", 6)]
    assert precise.deductions == () and precise.score > vague.score


def test_a_file_named_for_an_activity_matches_the_verb(tmp_path: Path) -> None:
    (tmp_path / "fleets").mkdir()
    (tmp_path / "fleets" / "provisioning.py").write_text("def run() -> None:\n    pass\n")
    (tmp_path / "fleets" / "billing.py").write_text("def run() -> None:\n    pass\n")
    documents = index(codeintel.analyze(tmp_path))
    assert [s.file for s in rank(documents, ["provision"])] == ["fleets/provisioning.py"]
