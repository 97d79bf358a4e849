"""Reading git's index: the tracked files a ``.gitignore`` does not take away."""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from codeintel.pipeline.discover import discover, list_files, same_listing
from codeintel.pipeline.tracked import _paths, tracked_files


def _entry(name: bytes, version: int, strip: int = 0) -> bytes:
    """One index entry: zeroed stat data and object id, the flags, then the path."""
    fixed = bytes(60) + struct.pack(">H", min(len(name), 0xFFF))
    if version == 4:  # one varint byte of prefix to strip, then the rest, NUL-ended
        return fixed + bytes([strip]) + name + b"\0"
    padded = len(fixed) + len(name) + 1
    return fixed + name + b"\0" * (1 + (-padded) % 8)


def test_the_paths_of_version_2_and_4_indexes() -> None:
    v2 = b"DIRC" + struct.pack(">II", 2, 2) + _entry(b"app/lib/a.py", 2) + _entry(b"b.py", 2)
    v4 = b"DIRC" + struct.pack(">II", 4, 2) + _entry(b"app/lib/a.py", 4)
    v4 += _entry(b"b.py", 4, strip=4)  # "app/lib/" kept from the path before
    assert _paths(v2) == ["app/lib/a.py", "b.py"]
    assert _paths(v4) == ["app/lib/a.py", "app/lib/b.py"]
    with pytest.raises(ValueError):
        _paths(b"not an index")


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git to make a repository")
def test_tracked_files_a_gitignore_matches_are_analysed_untracked_ones_are_not(
    tmp_path: Path,
) -> None:
    """GitHub's Python template ignores ``lib/``; a project tracking ``app/lib/`` has it
    in every clone. A file git does not track there stays out."""
    for name, text in {
        ".gitignore": "lib/\ntests/\n",
        "app/lib/routes.py": "",
        "tests/test_x.py": "",
        "app/main.py": "",
    }.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    git = ["git", "-C", str(tmp_path), "-c", "user.name=x", "-c", "user.email=x@x"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-f", "."], check=True)
    (tmp_path / "app/lib/local.py").write_text("")  # never added
    assert [f.path for f in discover(tmp_path)[0]] == [
        "app/lib/routes.py",
        "app/main.py",
        "tests/test_x.py",
    ]
    assert tracked_files(tmp_path / "app")[0] == {"lib/routes.py", "main.py"}
    listing = list_files(tmp_path)
    subprocess.run([*git, "add", "-f", "app/lib/local.py"], check=True)
    assert not same_listing(tmp_path, listing)  # the index changed: listed again


@pytest.mark.parametrize(
    "index", [b"", b"DIRC\x00\x00\x00\x04\x00\x00\x00\x01" + bytes(62) + b"\x80"]
)
def test_a_damaged_index_leaves_the_gitignore_in_charge(tmp_path: Path, index: bytes) -> None:
    """An empty or cut-off index is read as tracking nothing: the walk goes on."""
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "index").write_bytes(index)
    (tmp_path / ".gitignore").write_text("lib/\n")
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "a.py").write_text("")
    (tmp_path / "main.py").write_text("")
    assert [f.path for f in discover(tmp_path)[0]] == ["main.py"]


def test_an_ignored_file_we_would_not_analyse_never_reads_the_index(tmp_path: Path) -> None:
    """A ``.gitignore`` leaving out ``.env`` or logs asks nothing of git: the listing
    does not depend on the index, so staging a change does not make it stale."""
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "index").write_bytes(b"")
    (tmp_path / ".gitignore").write_text(".env\n*.log\n")
    for name in (".env", "run.log", "main.py"):
        (tmp_path / name).write_text("")
    listing = list_files(tmp_path)
    assert [f.path for f in listing.files] == ["main.py"]
    assert not any(p.endswith("index") for p in listing.folders)
