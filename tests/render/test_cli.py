from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import codeintel
from render.cli import main

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures_repos"
REQUEST = "Add tag management to servers"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    copy = tmp_path / "registry_app"
    shutil.copytree(
        FIXTURES / "registry_app", copy, ignore=shutil.ignore_patterns(".*cache*", ".claude")
    )
    return copy


def test_writes_the_plan_and_prints_the_summary(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([REQUEST, "--repo", str(repo)]) == 0
    plan = repo / ".claude/output/plans/add-tag-management-to-servers.md"
    assert plan.read_text(encoding="utf-8").startswith("# Feature: Add tag management to servers\n")
    out = capsys.readouterr().out
    for label in ("Feature:", "Approach:", "Plan:", "Complexity:", "Key risks:", "Confidence:"):
        assert label in out
    assert f"Plan: {plan.as_posix()}" in out


def test_refuses_to_overwrite_without_force(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = repo / ".claude/output/plans/add-tag-management-to-servers.md"
    plan.parent.mkdir(parents=True)
    plan.write_text("my own notes\n")
    assert main([REQUEST, "--repo", str(repo)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--force" in err
    assert plan.read_text() == "my own notes\n"
    assert main([REQUEST, "--repo", str(repo), "--force"]) == 0
    assert plan.read_text().startswith("# Feature:")


def test_json_format_prints_the_context_and_writes_nothing(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([REQUEST, "--repo", str(repo), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["slug"] == "add-tag-management-to-servers"
    assert data["feature_type"] == "Enhancement"  # servers have tags already
    assert not (repo / ".claude").exists()


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["   ", "--repo", "{repo}"], "request is empty"),
        (["x", "--repo", "{missing}"], "not a directory"),
        (["x", "--repo", "{empty}"], "no Python modules"),
    ],
)
def test_one_line_errors_exit_2(
    tmp_path: Path, repo: Path, capsys: pytest.CaptureFixture[str], args: list[str], reason: str
) -> None:
    (tmp_path / "empty").mkdir()
    places = {"repo": repo, "missing": tmp_path / "nope", "empty": tmp_path / "empty"}
    assert main([a.format(**places) for a in args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and reason in err, err


@pytest.mark.parametrize(
    "request_text",
    [
        "../../etc/passwd",
        "$(rm -rf ~); `echo hi`",
        "{{ 7 * 7 }} {% raw %}",
        "```\nfence",
        "x" * 10_000,
    ],
)
def test_hostile_requests_stay_inside_the_plans_folder(
    repo: Path, request_text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # a word the project names keeps the request plannable; the rest is the hostile part
    assert main([f"servers {request_text}", "--repo", str(repo)]) == 0
    [plan] = (repo / ".claude/output/plans").iterdir()
    assert plan.name.endswith(".md") and len(plan.name) <= 63
    text = plan.read_text(encoding="utf-8")
    assert "49" not in text.splitlines()[0]  # template syntax in the request was not evaluated
    assert sorted(p.name for p in repo.iterdir() if p.name.startswith(".")) == [".claude"]


@pytest.mark.parametrize("name", ["import_shapes", "pytest_layout", "broken_repo"])
def test_fixture_repos_without_routes_get_a_one_line_reason(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The fixture repos that serve no routes: nothing to mirror, so no plan and no file."""
    repo = FIXTURES / name
    assert main(["Add tags to items", "--repo", str(repo), "--format", "json"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("codeintel-plan: error: the project serves no FastAPI routes")
    assert not (repo / ".claude").exists()


def test_template_syntax_in_the_repository_is_printed_not_evaluated(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    schema = repo / "registry/schemas/server.py"
    text = schema.read_text()
    assert "max_length=500)" in text
    schema.write_text(
        text.replace("max_length=500)", 'max_length=500, title="{{ 7 * 7 }}{% raw %}")')
    )
    assert main(["Add tag management to servers", "--repo", str(repo)]) == 0
    [plan] = (repo / ".claude/output/plans").iterdir()
    written = plan.read_text(encoding="utf-8")
    assert 'title="{{ 7 * 7 }}{% raw %}"' in written
    assert "49" not in written


def test_out_dash_prints_the_plan_and_writes_nothing(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([REQUEST, "--repo", str(repo), "--out", "-"]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("# Feature: Add tag management to servers\n")
    assert not (repo / "-").exists() and not (repo / ".claude").exists()
    assert main([REQUEST, "--repo", str(repo)]) == 0
    written = repo / ".claude/output/plans/add-tag-management-to-servers.md"
    assert printed == written.read_text(encoding="utf-8")


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_plans_get_the_users_umask(repo: Path, umask: int) -> None:
    before = os.umask(umask)
    try:
        assert main([REQUEST, "--repo", str(repo), "--force"]) == 0
    finally:
        os.umask(before)
    plan = repo / ".claude/output/plans/add-tag-management-to-servers.md"
    assert stat.S_IMODE(plan.stat().st_mode) == 0o666 & ~umask


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out == f"codeintel-plan {codeintel.__version__}\n"
    with pytest.raises(SystemExit):
        main(["check", "--version"])
    assert capsys.readouterr().out == f"codeintel-plan check {codeintel.__version__}\n"


@pytest.mark.slow
@pytest.mark.parametrize(
    "command",
    [
        [sys.executable, "-m", "render", REQUEST, "--repo", str(FIXTURES / "registry_app")],
        [str(Path(sys.executable).parent / "codeintel-plan"), REQUEST, "--repo", "{repo}"],
    ],
)
def test_installed_and_module_commands_print_json_into_a_closed_pipe_quietly(
    command: list[str], repo: Path
) -> None:
    """``... --format json | head -1`` ends with status 0 and no traceback."""
    args = [a.replace("{repo}", str(repo)) for a in command] + ["--format", "json"]
    with subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.readline() == b"{\n"
        process.stdout.close()
        assert process.wait(timeout=300) == 0
        assert process.stderr.read() == b""


def test_an_internal_error_is_one_line_never_a_traceback(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("max() arg is an empty sequence\nsecond line")

    monkeypatch.setattr("render.cli.build_plan", broken)
    assert main([REQUEST, "--repo", str(repo)]) == 2
    err = capsys.readouterr().err
    assert err == (
        "codeintel-plan: error: internal error: "
        "ValueError: max() arg is an empty sequence second line\n"
    )
