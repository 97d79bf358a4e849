"""``.gitignore`` handling agrees with git itself: each tree is also a scratch git repository,
and git's own list of untracked, not-ignored files is the expected answer."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from codeintel.pipeline.discover import discover
from codeintel.pipeline.ignore import compile_rules, ignored

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def _git_visible(root: Path) -> list[str]:
    """The Python files git would offer to add: untracked and not ignored, with no user or
    system configuration in play."""
    environment = {
        **os.environ,
        "HOME": str(root),
        "XDG_CONFIG_HOME": str(root),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
    }
    git = ["git", "-c", f"core.excludesFile={os.devnull}", "-C", str(root)]
    subprocess.run([*git, "init", "-q"], check=True, env=environment)
    listed = subprocess.run(
        [*git, "ls-files", "-z", "--others", "--exclude-standard"],
        check=True,
        env=environment,
        capture_output=True,
        text=True,
    ).stdout
    return sorted(p for p in listed.split("\0") if p.endswith(".py"))


def _ours(root: Path) -> list[str]:
    return [f.path for f in discover(root)[0] if f.kind == "python"]


def _write(root: Path, files: dict[str, str]) -> None:
    for relpath, text in files.items():
        path = root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode())


def test_nested_rules_with_negations_agree_with_git(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            ".gitignore": "\ufeff# generated code\n*_pb2.py\ngen/\n/top.py\r\nlogs/**\n"
            "!logs/keep.py\nout/*\n!out/kept/\ndeep/**/x.py\n[a-c]?.py\n\\#hash.py\n"
            "spaced.py  \n/q[!a]r.py\nmid/*/*.py\n!mid/ok/*.py\n[!a-z]*.py\nfoo\\ .py\n",
            "app_pb2.py": "",
            "gen/a.py": "",
            "src/gen/a.py": "",
            "top.py": "",
            "src/top.py": "",
            "logs/keep.py": "",
            "logs/sub/keep.py": "",
            "out/a.py": "",
            "out/kept/a.py": "",
            "deep/x.py": "",
            "deep/1/2/x.py": "",
            "deep/1/y.py": "",
            "ab.py": "",
            "abc.py": "",
            "#hash.py": "",
            "spaced.py": "",
            "mid/any/m.py": "",
            "mid/ok/m.py": "",
            "mid/m.py": "",
            "Upper.py": "",
            "q/r.py": "",
            "foo .py": "",
            "sub/.gitignore": "!special_pb2.py\nlocal.py\n/anchored.py\n*.py\n!keep*.py\n",
            "sub/special_pb2.py": "",
            "sub/other_pb2.py": "",
            "sub/local.py": "",
            "sub/keep_me.py": "",
            "sub/inner/keep_too.py": "",
            "sub/inner/anchored.py": "",
            "local.py": "",
            "keep.py": "",
        },
    )
    expected = _git_visible(tmp_path)
    assert "logs/keep.py" in expected and "out/kept/a.py" in expected  # the cases that bite
    assert _ours(tmp_path) == expected


_SEGMENTS = st.sampled_from(["a", "b", "ab", "x_pb2", "[ab]", "?", "*", "**", "c*", "[!a]*"])
_PATTERNS = st.builds(
    lambda negate, lead, parts, trail: ("!" if negate else "") + lead + "/".join(parts) + trail,
    st.booleans(),
    st.sampled_from(["", "/", "**/"]),
    st.lists(_SEGMENTS, min_size=1, max_size=3),
    st.sampled_from(["", "", "/", "/**"]),
)
_NAMES = st.sampled_from(["a", "b", "ab", "x_pb2", "c1"])
_PATHS = st.lists(_NAMES, min_size=1, max_size=4).map(lambda parts: "/".join(parts) + ".py")
_FOLDERS = st.sampled_from(["", "a/", "b/", "a/b/"])


@pytest.mark.slow  # a git repository per example
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(_PATHS, min_size=1, max_size=12, unique=True),
    st.dictionaries(_FOLDERS, st.lists(_PATTERNS, max_size=5), max_size=3),
)
def test_random_trees_and_rules_agree_with_git(
    paths: list[str], rules: dict[str, list[str]]
) -> None:
    files = {p: "" for p in paths if not any(q.startswith(p[:-3] + "/") for q in paths)}
    files |= {f"{folder}.gitignore": "\n".join(lines) + "\n" for folder, lines in rules.items()}
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        _write(root, files)
        assert _ours(root) == _git_visible(root)


def test_malformed_patterns_match_nothing_and_comments_are_skipped() -> None:
    rules = [compile_rules("", "# a.py\n[a\nb\\\n!\n\n*.py[\n[[:nope:]]\n")]
    assert not any(ignored(name, False, rules) for name in ("a.py", "# a.py", "b", "[a", "x.py["))


def test_rules_apply_below_their_own_folder_only() -> None:
    rules = [compile_rules("", "*.py\n"), compile_rules("pkg/", "!/keep.py\n")]
    assert ignored("keep.py", False, rules)
    assert not ignored("pkg/keep.py", False, rules)
    assert ignored("pkg/sub/keep.py", False, rules)
