"""End to end: the real pre-commit tool runs our hook from a git repository of this project."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# Runs git and the real pre-commit tool: the slowest test there is.
pytestmark = [pytest.mark.slow, pytest.mark.skipif(shutil.which("git") is None, reason="needs git")]

PROJECT = Path(__file__).resolve().parents[2]
LOOSE = (Path(__file__).resolve().parent / "plans" / "loose.md").read_text(encoding="utf-8")
TAGS = (
    Path(__file__).resolve().parent / "golden" / "registry_app--add-tag-management-to-servers.md"
).read_text(encoding="utf-8")
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


def _user_repo(tmp_path: Path, *hooks_used: str) -> Path:
    """A copy of registry_app that uses our hooks, from a git repository of them."""
    hooks = _hook_repo(tmp_path)
    rev = _git(hooks, "rev-parse", "HEAD").stdout.strip()
    user = tmp_path / "user"
    shutil.copytree(
        PROJECT / "fixtures_repos" / "registry_app",
        user,
        ignore=shutil.ignore_patterns(".*cache*", ".claude"),
    )
    ids = "".join(f"      - id: {hook}\n" for hook in hooks_used)
    (user / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hooks}\n    rev: {rev}\n    hooks:\n{ids}"
    )
    return user


def test_pre_commit_blocks_a_bad_plan_and_passes_a_fixed_one(tmp_path: Path) -> None:
    user = _user_repo(tmp_path, "plan-completeness")
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


def test_changed_code_under_a_plan_is_caught_when_python_files_change(tmp_path: Path) -> None:
    user = _user_repo(tmp_path, "plan-completeness", "plan-citations")
    plan = user / ".claude/output/plans/tags.md"
    plan.parent.mkdir(parents=True)
    plan.write_text(TAGS)
    _git(user, "init", "-q")
    _git(user, "add", "-A")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    run = [str(PRE_COMMIT), "run", "--files", "registry/api/servers.py"]
    clean = subprocess.run(run, cwd=user, env=env, capture_output=True, text=True, timeout=600)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    source = user / "registry/api/servers.py"
    source.write_text(source.read_text().replace('"""Read one server."""', '"""One server."""'))
    _git(user, "add", "-A")
    drifted = subprocess.run(run, cwd=user, env=env, capture_output=True, text=True, timeout=600)
    assert drifted.returncode == 1, drifted.stdout + drifted.stderr
    completeness = next(ln for ln in drifted.stdout.splitlines() if "completeness" in ln)
    assert completeness.endswith("Skipped")  # no plan was committed
    assert (
        "tags.md:" in drifted.stdout and "PLAN009 the snippet no longer matches" in drifted.stdout
    )
    assert "0 errors, 1 warning in 1 plan" in drifted.stdout
    docs = [str(PRE_COMMIT), "run", "--files", "README.md"]  # no Python file: the hook skips
    skipped = subprocess.run(docs, cwd=user, env=env, capture_output=True, text=True, timeout=600)
    assert skipped.returncode == 0 and "Skipped" in skipped.stdout, skipped.stdout
