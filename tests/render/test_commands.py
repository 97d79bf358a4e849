"""Validation commands for a project kept in a sub-folder: they run from its folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import codeintel
from render.commands import Commands
from render.plan import build_plan

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures_repos"
REQUEST = "Add an endpoint to delete items"


@pytest.fixture(scope="module")
def graph() -> codeintel.CodeGraph:
    return codeintel.analyze(FIXTURES / "subproject_app")


def test_commands_run_from_the_sub_project_folder(graph: codeintel.CodeGraph) -> None:
    context = build_plan(graph, REQUEST)
    levels = {level.number: level.commands for level in context.validation}
    assert levels[1] == (
        "cd backend && uv run ruff check app",
        "cd backend && uv run ruff format --check app",
    )
    # mypy's settings are the workspace root's: named, since older mypy reads only the cwd's
    assert levels[2] == ("cd backend && uv run mypy --config-file ../pyproject.toml app",)
    assert levels[3] == ("cd backend && uv run pytest tests/test_main.py -v",)
    assert levels[5] == ("cd backend && uv run pytest",)
    assert [t.validate_command for t in context.tasks] == [
        "cd backend && uv run python -m py_compile app/main.py",
        "cd backend && uv run pytest tests/test_main.py -v",
    ]


def test_root_projects_get_no_cd(registry: codeintel.CodeGraph) -> None:
    commands = Commands(registry.project())
    assert commands.compile("registry/main.py") == "uv run python -m py_compile registry/main.py"
    assert commands.path(".") == "."


@pytest.mark.slow
def test_the_sub_project_commands_run_green(tmp_path: Path, graph: codeintel.CodeGraph) -> None:
    """Every command of the plan runs, with this environment's tools standing in for uv's."""
    copy = tmp_path / "subproject_app"
    shutil.copytree(FIXTURES / "subproject_app", copy, ignore=shutil.ignore_patterns(".*cache*"))
    context = build_plan(graph, REQUEST)
    commands = [t.validate_command for t in context.tasks]
    commands += [c for level in context.validation for c in level.commands]
    assert commands
    shims = tmp_path / "bin"
    shims.mkdir()
    uv = shims / "uv"
    uv.write_text('#!/bin/sh\n[ "$1" = run ] && shift\nexec "$@"\n', encoding="utf-8")
    uv.chmod(0o755)
    path = os.pathsep.join([str(shims), str(Path(sys.executable).parent), os.environ["PATH"]])
    env = {**os.environ, "PATH": path}
    for command in commands:
        result = subprocess.run(
            command, shell=True, cwd=copy, env=env, capture_output=True, text=True, timeout=300
        )
        assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
