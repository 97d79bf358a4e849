from __future__ import annotations

import os
from pathlib import Path

import pytest

from codeintel.pipeline.discover import classify, discover


def write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def paths(root: Path) -> list[str]:
    return [f.path for f in discover(root)[0]]


def test_kinds_and_sorted_posix_paths(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "z.py": "",
            "a/b.py": "",
            "pyproject.toml": "",
            "requirements-dev.txt": "",
            "docs/guide.md": "",
            "docs/llms.txt": "",
            "CLAUDE.md": "",
            "README.md": "",
            "uv.lock": "",
            "notes.txt": "",
            "image.png": "",
        },
    )
    found = discover(tmp_path)[0]
    assert [(f.path, f.kind) for f in found] == [
        ("CLAUDE.md", "doc"),
        ("README.md", "doc"),
        ("a/b.py", "python"),
        ("docs/guide.md", "doc"),
        ("docs/llms.txt", "doc"),
        ("pyproject.toml", "config"),
        ("requirements-dev.txt", "requirements"),
        ("uv.lock", "lock"),
        ("z.py", "python"),
    ]


def test_skips_environments_caches_and_build_output(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "app.py": "",
            ".git/hooks/x.py": "",
            ".venv/lib/x.py": "",
            "node_modules/x.py": "",
            "build/x.py": "",
            "dist/x.py": "",
            "__pycache__/x.py": "",
            "pkg.egg-info/x.py": "",
            "myenv/pyvenv.cfg": "",
            "myenv/lib/x.py": "",
        },
    )
    assert paths(tmp_path) == ["app.py"]


def test_gitignore_rules_nest_and_negate(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            ".gitignore": "generated/\n*_pb2.py\n",
            "generated/x.py": "",
            "api_pb2.py": "",
            "keep.py": "",
            "sub/.gitignore": "!special_pb2.py\nlocal.py\n",
            "sub/special_pb2.py": "",
            "sub/local.py": "",
            "sub/other_pb2.py": "",
            "local.py": "",
        },
    )
    assert paths(tmp_path) == ["keep.py", "local.py", "sub/special_pb2.py"]


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_links_out_of_the_repo_and_loops_are_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    write(outside, {"secret.py": "x = 1"})
    root = tmp_path / "repo"
    write(root, {"app.py": "", "pkg/mod.py": ""})
    (root / "escape.py").symlink_to(outside / "secret.py")
    (root / "escape_dir").symlink_to(outside)
    (root / "pkg" / "loop").symlink_to(root)
    (root / "inside.py").symlink_to(root / "app.py")
    files, diagnostics = discover(root)
    assert [f.path for f in files] == ["app.py", "inside.py", "pkg/mod.py"]
    assert [(d.code, d.file) for d in diagnostics] == [
        ("CI105", "escape.py"),
        ("CI105", "escape_dir"),
        ("CI105", "pkg/loop"),
    ]


def test_classify_requirements_folder() -> None:
    assert classify("requirements/base.txt") == "requirements"
    assert classify("src/requirements.txt") == "requirements"
    assert classify("docs/notes.txt") == "doc"
    assert classify("other/notes.txt") is None


def test_a_package_named_build_is_code_and_a_build_folder_is_not(tmp_path: Path) -> None:
    """onyx keeps 63 routes in ``onyx/server/features/build/``, a package of its own."""
    (tmp_path / "app" / "build").mkdir(parents=True)
    (tmp_path / "app" / "build" / "__init__.py").write_text("")
    (tmp_path / "app" / "build" / "api.py").write_text("x = 1\n")
    (tmp_path / "build" / "lib" / "app").mkdir(parents=True)
    (tmp_path / "build" / "lib" / "app" / "copy.py").write_text("x = 1\n")
    (tmp_path / "dist").mkdir()
    (tmp_path / "dist" / "setup_helper.py").write_text("x = 1\n")
    (tmp_path / "pkg" / "dist").mkdir(parents=True)  # a namespace package inside a package
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "dist" / "wheel.py").write_text("x = 1\n")
    files, _ = discover(tmp_path)
    assert [f.path for f in files] == [
        "app/build/__init__.py",
        "app/build/api.py",
        "pkg/__init__.py",
        "pkg/dist/wheel.py",
    ]
