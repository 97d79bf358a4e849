"""Plans for the fixture repos: golden files, and the facts they cite checked against the repo."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import codeintel
from render.check import check_plan
from render.context import PlanContext
from render.errors import PlanError
from render.markdown import render_markdown
from render.naming import swap
from render.plan import build_plan
from render.tasks import _matching_method

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures_repos"
GOLDEN = Path(__file__).resolve().parent / "golden"
#: (fixture repo, request): a new resource, an enhancement, a bug fix and a refactor.
CASES = [
    ("registry_app", "Add tag management to servers"),
    ("registry_app", "Add publisher management to servers"),
    ("registry_app", "Add pagination to the list servers endpoint"),
    ("registry_app", "Fix 404 when deleting an unknown agent"),
    ("registry_app", "Refactor the server repository to share a base class"),
    ("single_file_app", "Add categories for notes"),
    ("single_file_app", "Add a search endpoint for notes"),
    ("fullstack_app", "Add tags to items"),
    ("fullstack_app", "Fix the 404 when updating an item of another user"),
]
#: New resources: (repo, request, the analogue's resource, the new one).
NEW_RESOURCES = [
    ("registry_app", "Add publisher management to servers", "server", "publisher"),
    ("fullstack_app", "Add tags to items", "item", "tag"),
]
#: Changes to existing code, whose commands must all run green on the repo as it is.
CHANGES = [case for case in CASES if case not in {(r, t) for r, t, _, _ in NEW_RESOURCES}]
_CITATION = re.compile(r"`([\w./-]+\.\w+):(\d+)-(\d+)`")


@pytest.fixture(scope="module")
def graphs() -> dict[str, codeintel.CodeGraph]:
    return {name: codeintel.analyze(FIXTURES / name) for name in sorted({n for n, _ in CASES})}


def _plan(graphs: dict[str, codeintel.CodeGraph], repo: str, request: str) -> PlanContext:
    return build_plan(graphs[repo], request)


@pytest.mark.parametrize(("repo", "request_text"), CASES)
def test_plan_matches_golden_file(
    graphs: dict[str, codeintel.CodeGraph], repo: str, request_text: str
) -> None:
    context = _plan(graphs, repo, request_text)
    text = render_markdown(context)
    golden = GOLDEN / f"{repo}--{context.slug}.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), f"regenerate with UPDATE_GOLDEN=1: {golden}"


@pytest.mark.parametrize(("repo", "request_text"), CASES)
def test_cited_files_and_lines_exist(
    graphs: dict[str, codeintel.CodeGraph], repo: str, request_text: str
) -> None:
    root = FIXTURES / repo
    context = _plan(graphs, repo, request_text)
    for ref in context.files_to_read:
        lines = (root / ref.path).read_text(encoding="utf-8").splitlines()
        if ref.start is not None:
            assert ref.end is not None and 1 <= ref.start <= ref.end <= len(lines), ref
    for snippet in (*context.patterns, context.unit_test_example):
        if snippet is not None:
            lines = (root / snippet.path).read_text(encoding="utf-8").splitlines()
            assert "\n".join(lines[snippet.start - 1 : snippet.end]) == snippet.code
    for file, start, end in _CITATION.findall(render_markdown(context)):
        length = len((root / file).read_text(encoding="utf-8").splitlines())
        assert 1 <= int(start) <= int(end) <= length, (file, start, end)
    for new in context.new_files:
        assert not (root / new.path).exists(), new.path


def test_registration_site_is_the_real_include_router_call(
    graphs: dict[str, codeintel.CodeGraph],
) -> None:
    context = _plan(graphs, *NEW_RESOURCES[0][:2])
    [task] = [t for t in context.tasks if t.phase == "Integration" and "include" in t.implement]
    site = re.search(r"`([\w./-]+):(\d+)-\d+`", task.pattern)
    assert site is not None
    line = (FIXTURES / "registry_app" / site[1]).read_text().splitlines()[int(site[2]) - 1]
    assert "include_router(servers_router" in line


@pytest.mark.slow
def test_plans_are_the_same_bytes_from_another_working_directory(
    tmp_path: Path, graphs: dict[str, codeintel.CodeGraph]
) -> None:
    repo, request_text = CASES[0]
    copy = tmp_path / "elsewhere" / repo
    shutil.copytree(FIXTURES / repo, copy, ignore=shutil.ignore_patterns(".*cache*", ".claude"))
    script = (
        "import sys, codeintel\n"
        "from render.plan import build_plan\n"
        "from render.markdown import render_markdown\n"
        "sys.stdout.write(render_markdown(build_plan(codeintel.analyze(sys.argv[1]), sys.argv[2])))"
    )
    outputs = set()
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-c", script, str(copy), request_text],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        outputs.add(result.stdout)
    assert outputs == {render_markdown(_plan(graphs, repo, request_text))}


@pytest.mark.slow
@pytest.mark.parametrize(("repo", "request_text"), CHANGES)
def test_validation_commands_run_in_the_repo(
    tmp_path: Path, graphs: dict[str, codeintel.CodeGraph], repo: str, request_text: str
) -> None:
    """Changes to existing code: every command the plan gives runs green in the repo as it is."""
    copy = tmp_path / repo
    shutil.copytree(FIXTURES / repo, copy, ignore=shutil.ignore_patterns(".*cache*", ".claude"))
    context = _plan(graphs, repo, request_text)
    commands = [t.validate_command for t in context.tasks]
    commands += [c for level in context.validation for c in level.commands]
    for command in commands:
        result = _run(command, copy)
        assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"


@pytest.mark.slow
@pytest.mark.parametrize(("repo", "request_text", "old", "new"), NEW_RESOURCES)
def test_new_files_validate_once_mirrored(
    tmp_path: Path,
    graphs: dict[str, codeintel.CodeGraph],
    repo: str,
    request_text: str,
    old: str,
    new: str,
) -> None:
    """A new resource: write each new file as the analogue renamed, then run its VALIDATE.

    Tests that need edits of existing files first (the UPDATE and ADD tasks a person does:
    registering the router, adding to a shared ``crud.py``) are checked only for compiling.
    """
    copy = tmp_path / repo
    shutil.copytree(FIXTURES / repo, copy, ignore=shutil.ignore_patterns(".*cache*", ".claude"))
    context = _plan(graphs, repo, request_text)
    for file in context.new_files:
        assert file.mirrors is not None
        text = (copy / file.mirrors).read_text(encoding="utf-8")
        (copy / file.path).write_text(swap(text, old, new), encoding="utf-8")
    created = {n.path for n in context.new_files}
    edits_first = any(t.keyword == "ADD" for t in context.tasks)
    for task in context.tasks:
        if task.target not in created:
            continue
        command = task.validate_command
        if "test" in task.target and (edits_first or "integration" in task.target):
            command = f"python -m py_compile {shlex.quote(task.target)}"
        result = _run(command, copy)
        assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"


def _run(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run a plan's command with this test environment's tools in place of the runner's."""
    words = shlex.split(command)
    if words[:2] in (["uv", "run"], ["poetry", "run"], ["pdm", "run"]):
        words = words[2:]
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    env["PYTHONPATH"] = str(cwd)
    return subprocess.run(words, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_a_refactor_naming_a_class_plans_tasks_on_its_module(
    graphs: dict[str, codeintel.CodeGraph],
) -> None:
    """Once a plan with no tasks (PLAN013): the refactor names ``ServerService``, whose module
    is what changes, not the health router the first resource word picked."""
    context = _plan(graphs, "registry_app", "refactor health ServerService")
    assert context.feature_type == "Refactor"
    assert context.tasks[0].target == "registry/services/server_service.py"
    assert context.files_to_read[0].path == "registry/services/server_service.py"
    assert not context.new_files
    assert check_plan(render_markdown(context), "plan.md", FIXTURES / "registry_app") == []


def test_a_failing_section_is_noted_and_the_plan_still_written(
    graphs: dict[str, codeintel.CodeGraph], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise ValueError("max() arg is an empty sequence")

    monkeypatch.setattr("render.plan.docs", broken)
    context = _plan(graphs, *CASES[0])
    assert context.failures == (
        "Not planned: the documentation section failed "
        "(ValueError: max() arg is an empty sequence)",
    )
    assert context.failures[0] in context.notes and context.docs == ()
    assert context.tasks


def test_a_failure_in_the_planning_itself_is_a_one_line_plan_error(
    graphs: dict[str, codeintel.CodeGraph], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise KeyError("a\nb")

    monkeypatch.setattr("render.plan.plan_tasks", broken)
    with pytest.raises(PlanError, match="internal error while planning: KeyError") as error:
        _plan(graphs, *CASES[0])
    assert "\n" not in str(error.value)


def test_a_service_without_methods_gives_a_pattern_not_a_crash(
    graphs: dict[str, codeintel.CodeGraph],
) -> None:
    graph = graphs["registry_app"]
    service = graph.services()[0].model_copy(update={"methods": ()})
    assert _matching_method(service, graph.routes()[0]) is None


def test_an_unclear_request_is_planned_saying_so(graphs: dict[str, codeintel.CodeGraph]) -> None:
    """ "Make server listing better" says no change: the plan says the request is unclear,
    where it describes the work and in its notes, and its confidence pays for it."""
    plan = _plan(graphs, "registry_app", "Make server listing better")
    unsaid = "it asks for server listing to be better without saying what should change"
    assert any(f"The request is unclear: {unsaid}." in p for p in plan.description)
    assert f"Unclear request: {unsaid}; the tasks are a guess at where." in plan.notes
    assert "unclear_request" in {d.code for d in plan.summary.confidence.deductions}
    clear = _plan(graphs, "registry_app", "Make server listing faster")
    assert not any("unclear" in p for p in (*clear.description, *clear.notes))
