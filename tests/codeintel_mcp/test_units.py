"""The server's own logic, in process: globs, the answer limit, freshness, start-up errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from codeintel_mcp.cli import main
from codeintel_mcp.errors import ToolInputError
from codeintel_mcp.globs import glob_matches
from codeintel_mcp.jsonout import limit_length
from codeintel_mcp.workspace import Workspace
from tests.conftest import FIXTURES


@pytest.mark.parametrize(
    ("path", "glob", "expected"),
    [
        ("a/b/c.py", "**/*.py", True),
        ("c.py", "**/*.py", True),
        ("a/c.py", "*.py", False),
        ("src/x.ts", "src/**/*.{ts,py}", True),
        ("src/x.js", "src/**/*.{ts,py}", False),
        ("a/x.py", "a/{x,y{_test,_spec}}.py", True),
        ("a/y_spec.py", "a/{x,y{_test,_spec}}.py", True),
        ("a/x_test.py", "a/{x,y{_test,_spec}}.py", False),
        ("a/y.py", "a/{x,y{_test,_spec}}.py", False),
        ("a/{b.py", "a/{b.py", True),
        ("tests/unit/test_a.py", "tests/**", True),
        ("a/b.py", "a/?.py", True),
        ("a/bc.py", "a/?.py", False),
    ],
)
def test_globs_are_serenas(path: str, glob: str, expected: bool) -> None:
    assert glob_matches(path, glob) is expected


def test_limit_takes_the_first_shorter_form_that_fits() -> None:
    note = (
        "The answer is too long (300 characters). "
        "You can adjust your query or raise the max_answer_chars parameter."
    )
    long = "y" * 300
    shorter = [lambda: "x" * 50, lambda: "short"]
    assert limit_length(long, 300, shorter) == long
    assert limit_length(long, len(note) + 51, shorter) == f"{note}\n{'x' * 50}"
    assert limit_length(long, len(note) + 50, shorter) == f"{note}\nshort"
    assert limit_length(long, len(note) + 5, shorter) == note
    with pytest.raises(ToolInputError, match="max_answer_chars must be positive or -1"):
        limit_length("y", -2)


def test_the_graph_is_rebuilt_only_after_a_change(tmp_path: Path) -> None:
    repo = tmp_path / "app"
    shutil.copytree(FIXTURES / "registry_app", repo)
    ws = Workspace(repo)
    first = ws.graph()
    assert ws.graph() is first
    (repo / ".claude").mkdir()
    ws.graph()  # the root folder changed: a new entry in it
    (repo / ".claude" / "plan.md").write_text("x", encoding="utf-8")
    (repo / "node_modules").mkdir()
    settled = ws.graph()
    (repo / "node_modules" / "x.js").write_text("x", encoding="utf-8")
    assert ws.graph() is settled  # skipped folders are never read
    (repo / "env" / "lib").mkdir(parents=True)
    (repo / "env" / "pyvenv.cfg").write_text("home = /usr\n", encoding="utf-8")
    settled = ws.graph()  # a new folder in the root
    (repo / "env" / "lib" / "site.py").write_text("x = 1\n", encoding="utf-8")
    assert ws.graph() is settled  # nor are virtual environments, whatever their name
    (repo / "registry" / "extra.py").write_text("def extra():\n    pass\n", encoding="utf-8")
    assert [s.name_path for s in ws.graph().find_symbol("extra")] == ["extra"]
    (repo / ".gitignore").write_text("data/\n", encoding="utf-8")
    assert ws.graph().find_symbol("extra")  # the ignore rules changed: analysed again
    (repo / "data").mkdir()
    (repo / "data" / "rows.csv").write_text("a,b\n", encoding="utf-8")
    ignored = ws.graph()  # a new folder in the root
    (repo / "data" / "rows.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    assert ws.graph() is ignored  # an ignored file is not read, nor stat'ed again
    (repo / "data" / "more.csv").write_text("c\n", encoding="utf-8")
    assert ws.graph() is ignored  # nor is an ignored folder's churn of entries
    (repo / "registry" / "newpkg").mkdir()
    ws.graph()  # a new folder inside a watched one
    (repo / "registry" / "newpkg" / "late.py").write_text("def late():\n    pass\n")
    assert ws.graph().find_symbol("late")  # a file added later to a new, empty folder
    assert ws.analyses == 9


def test_paths_are_kept_inside_the_repository(tmp_path: Path) -> None:
    ws = Workspace(tmp_path)
    (tmp_path / "a").mkdir()
    assert ws.relative("a") == "a"
    assert ws.relative(str(tmp_path / "a")) == "a"
    assert ws.relative("b/new.py", must_exist=False) == "b/new.py"
    for bad in ("..", "../x", "/etc", "a/../../x", "a\0b"):
        with pytest.raises(ToolInputError):
            ws.relative(bad)


def test_serving_a_missing_folder_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--repo", str(tmp_path / "nope")]) == 2
    assert (
        capsys.readouterr().err == f"codeintel serve: error: not a directory: {tmp_path / 'nope'}\n"
    )
