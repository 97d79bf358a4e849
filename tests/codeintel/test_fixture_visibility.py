"""Which fixtures a test sees when pytest's plugins and conftests are spelled or placed in
ways the plain folder rule misses; slow tests run pytest on the same repositories."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import codeintel

_ALIASED_PLUGIN = {
    "src/__init__.py": "",
    "src/app/__init__.py": "",
    "src/app/main.py": "from app.testing.fixtures import make\n",
    "src/app/testing/__init__.py": "",
    "src/app/testing/fixtures.py": (
        "import pytest\n\n\ndef make():\n    return 1\n\n\n"
        "@pytest.fixture\ndef client():\n    return make()\n"
    ),
    "tests/conftest.py": 'pytest_plugins = ["src.app.testing.fixtures"]\n',
    "tests/test_a.py": "def test_a(client):\n    assert client == 1\n",
}


def _write(tmp_path: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)


def _pytest(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:randomly"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_plugin_named_by_another_spelling_is_a_plugin(tmp_path: Path) -> None:
    _write(tmp_path, _ALIASED_PLUGIN)
    graph = codeintel.analyze(tmp_path)
    fixture = graph.visible_fixtures("tests/test_a.py")["client"]
    assert (fixture.file, fixture.visible_from) == ("src/app/testing/fixtures.py", "*")


@pytest.mark.slow
def test_pytest_loads_the_plugin_by_that_spelling(tmp_path: Path) -> None:
    _write(tmp_path, {**_ALIASED_PLUGIN, "pytest.ini": "[pytest]\npythonpath = . src\n"})
    run = _pytest(tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr


_ABOVE_THE_CONFIG = {
    "conftest.py": "import pytest\n\n\n@pytest.fixture\ndef client():\n    return 1\n",
    "backend/pyproject.toml": "[project]\nname = 'b'\n\n[tool.pytest.ini_options]\n",
    "backend/conftest.py": "import pytest\n\n\n@pytest.fixture\ndef db():\n    return 2\n",
    "backend/tests/test_a.py": (
        "def test_a(db):\n    assert db == 2\n\n\ndef test_b(client):\n    pass\n"
    ),
}


def test_a_conftest_above_the_pytest_config_is_not_loaded(tmp_path: Path) -> None:
    _write(tmp_path, _ABOVE_THE_CONFIG)
    graph = codeintel.analyze(tmp_path)
    assert graph.project("backend/tests/test_a.py").confcutdir == "backend"
    assert sorted(graph.visible_fixtures("backend/tests/test_a.py")) == ["db"]
    assert sorted(graph.visible_fixtures("test_root.py")) == ["client"]  # the root's own


@pytest.mark.slow
def test_pytest_does_not_load_it_either(tmp_path: Path) -> None:
    _write(tmp_path, _ABOVE_THE_CONFIG)
    run = _pytest(tmp_path / "backend")
    assert "1 passed, 1 error" in run.stdout, run.stdout + run.stderr
    assert "fixture 'client' not found" in run.stdout


_SIBLING_ROOTS = {
    "packages/sharedfx/pyproject.toml": "[project]\nname = 'sharedfx'\nversion = '0'\n",
    "packages/sharedfx/src/sharedfx/__init__.py": "",
    "packages/sharedfx/src/sharedfx/postgres.py": (
        "import pytest\n\n\n@pytest.fixture\ndef postgres_db():\n    return 'postgres'\n"
    ),
    **{
        f"services/{service}/{name}": text
        for service in ("api", "director")
        for name, text in {
            "setup.cfg": "[tool:pytest]\n",
            "tests/conftest.py": 'pytest_plugins = ["sharedfx.postgres"]\n',
            "tests/test_db.py": "def test_db(postgres_db):\n    assert postgres_db == 'postgres'\n",
        }.items()
    },
}


def test_a_plugin_sibling_roots_both_name_reaches_both(tmp_path: Path) -> None:
    """osparc's services, each its own pytest root, each naming ``pytest_simcore``'s
    plugins in its ``tests/conftest.py``: each run registers them (only the first root's
    tests saw them, 9,195 fixture choices lost)."""
    _write(tmp_path, _SIBLING_ROOTS)
    graph = codeintel.analyze(tmp_path)
    for service in ("api", "director"):
        fixture = graph.visible_fixtures(f"services/{service}/tests/test_db.py")["postgres_db"]
        assert fixture.file == "packages/sharedfx/src/sharedfx/postgres.py"


@pytest.mark.slow
def test_pytest_registers_it_for_each_root(tmp_path: Path) -> None:
    _write(tmp_path, _SIBLING_ROOTS)
    for service in ("api", "director"):
        run = subprocess.run(
            [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:randomly"],
            cwd=tmp_path / "services" / service,
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "PYTHONPATH": str(tmp_path / "packages/sharedfx/src")},
        )
        assert run.returncode == 0, run.stdout + run.stderr
