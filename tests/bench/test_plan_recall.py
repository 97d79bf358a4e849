"""The plan-recall scorer's rules, on inputs small enough to check by hand."""

from __future__ import annotations

import subprocess
from collections import Counter
from pathlib import Path

import pytest

from benchmarks.plan_recall import (
    DEVSET,
    Entry,
    Outcome,
    crash_line,
    invents,
    load_devset,
    materialise,
    pearson,
    ranks,
    recall_at,
    score,
    words,
)


def test_recall_counts_distinct_paths_in_order_up_to_k() -> None:
    listed = ["a.py", "a.py", "b.py", "tests/test_a.py", "c.py", "d.py", "e.py"]
    assert recall_at(listed, ["a.py", "e.py"], 5) == 0.5
    assert recall_at(listed, ["a.py", "e.py"], 6) == 1.0
    assert recall_at(listed, ["z.py"], 10) == 0.0


def test_recall_ignores_modified_tests_and_non_python_files() -> None:
    assert recall_at(["a.py"], ["a.py", "tests/test_a.py", "README.md"], 5) == 1.0
    assert recall_at(["a.py"], ["README.md"], 5) == 0.0


def test_request_words_split_camel_case_drop_plurals_and_layer_words() -> None:
    assert words("Add MCPServer tools to the users API") == {
        "add",
        "mcp",
        "server",
        "tool",
        "to",
        "the",
        "user",
    }
    assert words("class") == {"class"}


def test_new_files_for_a_commit_that_added_none_are_invented() -> None:
    request = "Disallow creating a team with a duplicate name"
    assert invents(["app/disallow/disallow_service.py"], [], request)
    assert not invents([], [], request)
    assert not invents(["tests/test_team.py"], [], request)


def test_new_files_are_grounded_by_a_request_word_the_commit_added_too() -> None:
    request = "Support using MCP tools in research mode"
    added = ["khoj/processor/tools/mcp.py"]
    assert not invents(["khoj/processor/tools/mcp_service.py"], added, request)
    assert invents(["khoj/using/__init__.py", "khoj/using/service.py"], added, request)
    assert invents(["khoj/processor/tools/mcp.py", "khoj/using.py"], added, request)


def test_score_marks_a_refused_plan_as_recall_zero_with_its_reason() -> None:
    entry = _entry(modified=("app/a.py",))
    refused = Outcome("refused", "no routes", "", 0, (), (), 0.1)
    result = score(entry, refused)
    assert (result.r5, result.r10, result.type_right, result.status) == (0, 0, False, "refused")
    assert result.reason == "no routes"
    assert result.missed == ("app/a.py",)


def test_crash_line_names_the_exception_and_is_one_line() -> None:
    try:
        max([])
    except ValueError as exc:
        line = crash_line(exc)
    assert line.startswith("ValueError: max()")
    assert "\n" not in line


def test_materialise_writes_code_and_config_once(tmp_path: Path) -> None:
    source = tmp_path / "src"
    (source / "app").mkdir(parents=True)
    (source / "app" / "main.py").write_text("x = 1\n")
    (source / "logo.png").write_bytes(b"\x89PNG")
    git = ["git", "-C", str(source), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "c"], check=True)
    parent = subprocess.run(
        [*git, "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    mirrors = tmp_path / "mirrors"
    mirrors.mkdir()
    (mirrors / "o+r").symlink_to(source)
    root = materialise(_entry(parent=parent), mirrors, tmp_path / "work")
    assert sorted(p.name for p in root.rglob("*") if p.is_file()) == ["main.py"]
    (root / "app" / "main.py").write_text("changed\n")
    materialise(_entry(parent=parent), mirrors, tmp_path / "work")
    assert (root / "app" / "main.py").read_text() == "changed\n"


def test_the_dev_set_meets_its_selection_rules() -> None:
    entries = load_devset(DEVSET)
    per_repo = Counter(e.repo for e in entries)
    kinds = Counter(e.type for e in entries)
    assert len(entries) >= 36
    assert len(per_repo) >= 5
    assert max(per_repo.values()) <= 9
    assert kinds["Bug Fix"] >= 8
    assert kinds["Refactor"] >= 3
    for entry in entries:
        assert 1 <= len(entry.modified) + len(entry.added) <= 8, entry.commit
        assert entry.modified, entry.commit
        assert len(entry.commit) == len(entry.parent) == 40
        assert "(#" not in entry.request
    assert len({e.commit for e in entries}) == len(entries)


def test_an_unknown_type_in_the_dev_set_is_rejected(tmp_path: Path) -> None:
    bad = tmp_path / "devset.json"
    bad.write_text(
        '{"entries": [{"repo": "o/r", "commit": "c", "parent": "p", "root": ".", '
        '"request": "r", "title": "t", "type": "Feature", "modified": [], "added": []}]}'
    )
    with pytest.raises(ValueError, match="unknown type"):
        load_devset(bad)


def _entry(parent: str = "p" * 40, modified: tuple[str, ...] = ()) -> Entry:
    return Entry(
        repo="o/r",
        commit="c" * 40,
        parent=parent,
        root=".",
        request="Add things",
        title="Add things",
        type="Enhancement",
        modified=modified,
        added=(),
    )


def test_ranks_share_the_mean_rank_among_ties() -> None:
    assert ranks([3.0, 1.0, 3.0, 2.0]) == [3.5, 1.0, 3.5, 2.0]


def test_spearman_is_pearson_of_ranks_and_constant_input_is_zero() -> None:
    recall = [0.0, 0.5, 1.0, 0.9]
    assert pearson(ranks([1.0, 2.0, 4.0, 3.0]), ranks(recall)) == pytest.approx(1.0)
    assert pearson([1.0, 2.0, 3.0], [3.0, 2.0, 1.0]) == pytest.approx(-1.0)
    assert pearson([5.0, 5.0, 5.0], [0.0, 0.5, 1.0]) == 0.0
