"""End to end: the real pre-commit tool runs our hook from a git repository of this project."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# Runs git and the real pre-commit tool: the slowest test there is.
pytestmark = pytest.mark.slow

PROJECT = Path(__file__).resolve().parents[2]
LOOSE = (Path(__file__).resolve().parent / "plans" / "loose.md").read_text(encoding="utf-8")
PRE_COMMIT = Path(sys.executable).parent / "pre-commit"


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True)


def _hook_repo(tmp_path: Path) -> Path:
    """A git repository holding this working tree's package, as pre-commit installs hooks."""
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy(PROJECT / name, hooks / name)
    for package in ("codeintel", "render"):
        shutil.copytree(
            PROJECT / package, hooks / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    _git(hooks, "init", "-q")
    _git(hooks, "add", "-A")
    _git(hooks, "commit", "-qm", "hook")
    return hooks


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_pre_commit_blocks_a_bad_plan_and_passes_a_fixed_one(tmp_path: Path) -> None:
    hooks = _hook_repo(tmp_path)
    rev = _git(hooks, "rev-parse", "HEAD").stdout.strip()
    user = tmp_path / "user"
    shutil.copytree(
        PROJECT / "fixtures_repos" / "registry_app",
        user,
        ignore=shutil.ignore_patterns(".*cache*", ".claude"),
    )
    (user / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hooks}\n    rev: {rev}\n    hooks:\n      - id: plan-completeness\n"
    )
    plan = user / ".claude/output/plans/pings.md"
    plan.parent.mkdir(parents=True)
    plan.write_text(LOOSE.replace("Unit tests in", "TODO unit tests in"))
    _git(user, "init", "-q")
    _git(user, "add", "-A")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    run = [str(PRE_COMMIT), "run", "--files", ".claude/output/plans/pings.md"]
    blocked = subprocess.run(run, cwd=user, env=env, capture_output=True, text=True, timeout=600)
    assert blocked.returncode == 1, blocked.stdout + blocked.stderr
    assert ".claude/output/plans/pings.md:57: PLAN011 unresolved marker: TODO" in blocked.stdout
    plan.write_text(LOOSE)
    _git(user, "add", "-A")
    passed = subprocess.run(run, cwd=user, env=env, capture_output=True, text=True, timeout=600)
    assert passed.returncode == 0, passed.stdout + passed.stderr
