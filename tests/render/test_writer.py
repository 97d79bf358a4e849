from __future__ import annotations

import os
from pathlib import Path

import pytest

from render.errors import PlanError
from render.writer import plan_path, write_plan


def test_plan_path_is_inside_the_plans_folder(tmp_path: Path) -> None:
    assert plan_path(tmp_path, "add-tags") == tmp_path / ".claude/output/plans/add-tags.md"


def test_a_plans_folder_linking_out_of_the_repo_is_refused(tmp_path: Path) -> None:
    repo, outside = tmp_path / "repo", tmp_path / "outside"
    repo.mkdir()
    outside.mkdir()
    (repo / ".claude").symlink_to(outside)
    with pytest.raises(PlanError, match="outside the repository"):
        plan_path(repo, "x")


def test_existing_plan_is_kept_without_force(tmp_path: Path) -> None:
    target = tmp_path / "plans" / "p.md"
    write_plan(target, "first\n", force=False)
    with pytest.raises(PlanError, match="--force"):
        write_plan(target, "second\n", force=False)
    assert target.read_text() == "first\n"
    write_plan(target, "second\n", force=True)
    assert target.read_text() == "second\n"
    assert sorted(os.listdir(target.parent)) == ["p.md"]  # no temporary file left behind


def test_failed_write_leaves_the_old_plan_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "p.md"
    target.write_text("old\n")

    def crash(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="disk full"):
        write_plan(target, "new\n", force=True)
    assert target.read_text() == "old\n"
    assert os.listdir(tmp_path) == ["p.md"]
