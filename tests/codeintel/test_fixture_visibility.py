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


_CLOSURES = {
    "pytest.ini": "[pytest]\nusefixtures = clean_db\n",
    "tests/__init__.py": "",
    "tests/conftest.py": (
        "import pytest\n\n\n@pytest.fixture(autouse=True)\ndef reset():\n    yield\n\n\n"
        "@pytest.fixture\ndef db():\n    return 1\n\n\n"
        "@pytest.fixture\ndef clean_db():\n    yield\n\n\n"
        "@pytest.fixture\ndef client(db):\n    return [db]\n"
    ),
    "tests/sub/__init__.py": "",
    # a plain fixture overriding an autouse one, and one extending its outer definition
    "tests/sub/conftest.py": (
        "import pytest\n\n\n@pytest.fixture\ndef reset(db):\n    yield\n\n\n"
        "@pytest.fixture\ndef client(client):\n    return client + ['sub']\n"
    ),
    "tests/sub/test_x.py": (
        "import pytest\n\n\ndef test_x(client):\n    pass\n\n\n"
        "class TestK:\n    @pytest.fixture\n    def db(self):\n        return 2\n\n"
        "    def test_k(self):\n        pass\n"
    ),
}


def test_a_tests_closure_is_what_pytest_sets_up(tmp_path: Path) -> None:
    """The config's usefixtures, an autouse name a plain fixture overrides, and what a fixture
    requesting its own name reaches through the one it overrides (each resolved at the test)."""
    _write(tmp_path, _CLOSURES)
    graph = codeintel.analyze(tmp_path)
    closure = graph.fixture_closure("tests/sub/test_x.py", None, ["client"])
    where = {name: (f.file, f.function) for name, f in closure.items()}
    assert where == {
        "clean_db": ("tests/conftest.py", "tests.conftest.clean_db"),
        "client": ("tests/sub/conftest.py", "tests.sub.conftest.client"),
        "db": ("tests/conftest.py", "tests.conftest.db"),
        "reset": ("tests/sub/conftest.py", "tests.sub.conftest.reset"),
    }
    in_class = graph.fixture_closure("tests/sub/test_x.py", "TestK")
    assert in_class["db"].function == "tests.sub.test_x.TestK.db"
    assert sorted(in_class) == ["clean_db", "db", "reset"]


_EXTENDED = {
    "tests/conftest.py": (
        "import pytest\n\n\n@pytest.fixture\ndef datadir():\n    return 'data'\n\n\n"
        "@pytest.fixture\ndef default_conf(datadir):\n    return {'datadir': datadir}\n"
    ),
    "tests/test_t.py": (
        "import pytest\n\n\n@pytest.fixture\ndef default_conf(default_conf):\n"
        "    return {**default_conf, 'telegram': True}\n\n\n"
        "def test_send(default_conf):\n    pass\n"
    ),
}


@pytest.mark.parametrize(
    ("setting", "text", "extended"),
    [
        ("requirements-dev.txt", "", True),
        ("requirements-dev.txt", "pytest>=8\n", True),
        ("requirements-dev.txt", "pytest==9.*\n", True),
        ("requirements-dev.txt", "pytest==8.3.3\n", False),
        ("requirements-dev.txt", "pytest>=7,<9\n", False),
        ("requirements-dev.txt", "pytest~=8.0\n", False),
        ("pyproject.toml", '[tool.poetry.group.dev.dependencies]\npytest = "^8.2"\n', False),
    ],
)
def test_a_closure_through_an_overridden_fixture_follows_the_pytest_release(
    tmp_path: Path, setting: str, text: str, extended: bool
) -> None:
    """pytest 9 counts in a test's fixtures what the definition ``def default_conf(
    default_conf)`` overrides requests (pytest #13773); the 8.x most locked projects pin did
    not (freqtrade's ``==8.3.3``: 98 of its tests had one fixture too many)."""
    _write(tmp_path, {**_EXTENDED, setting: text})
    graph = codeintel.analyze(tmp_path, cache=False)
    closure = graph.fixture_closure("tests/test_t.py", None, ["default_conf"])
    assert sorted(closure) == (["datadir", "default_conf"] if extended else ["default_conf"])


@pytest.mark.slow
def test_pytest_sets_up_that_closure(tmp_path: Path) -> None:
    files = {**_CLOSURES}
    files["tests/sub/test_x.py"] = (
        "import pytest\n\n\ndef test_x(request, client):\n"
        "    assert set(request.fixturenames) >= {'clean_db', 'client', 'db', 'reset'}\n"
        "    assert client == [1, 'sub']\n\n\n"
        "class TestK:\n    @pytest.fixture\n    def db(self):\n        return 2\n\n"
        "    def test_k(self, request):\n"
        "        assert set(request.fixturenames) >= {'clean_db', 'db', 'reset'}\n"
    )
    _write(tmp_path, files)
    run = _pytest(tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr


_ASYNC_FIXTURES = (
    "import asyncio\n\nimport pytest\nimport pytest_asyncio\n\n\n"
    "@pytest.fixture(scope='session')\ndef event_loop():\n"
    "    loop = asyncio.new_event_loop()\n    yield loop\n    loop.close()\n\n\n"
    "@pytest.fixture\nasync def client():\n    return 1\n\n\n"
    "@pytest.fixture(scope='session')\nasync def engine():\n    return 2\n\n\n"
    "@pytest_asyncio.fixture(scope='session', loop_scope='function')\n"
    "async def marked():\n    return 3\n\n\n"
    "@pytest.fixture\ndef plain():\n    return 4\n"
)


@pytest.mark.parametrize(
    ("specifier", "options", "asking"),
    [
        # 0.18 to 0.22: every async fixture the mode runs asks for it
        ("==0.21.2", 'asyncio_mode = "auto"', {"client", "engine", "marked"}),
        ("==0.21.2", 'addopts = "--asyncio-mode=auto"', {"client", "engine", "marked"}),
        ("==0.21.2", 'asyncio_mode = "auto"\naddopts = "-p no:asyncio"', set()),
        ("~=0.20.2", "", {"marked"}),  # strict by default from 0.20: the decorated only
        (">=0.18.3,<0.19", "", {"client", "engine", "marked"}),  # legacy mode
        # 0.23: those of function scope; from 0.24, of function loop scope
        ("~=0.23.5", 'asyncio_mode = "auto"', {"client"}),
        (
            ">=0.21.1,<0.25.0",
            'asyncio_mode = "auto"\nasyncio_default_fixture_loop_scope = "session"',
            {"marked"},
        ),
        ("<0.25", 'asyncio_mode = "auto"', {"client", "marked"}),
        # 1.0 has no event_loop; unpinned, pip takes the newest
        (">=0.23", 'asyncio_mode = "auto"', set()),
        ("==1.0.0", 'asyncio_mode = "auto"', set()),
    ],
)
def test_pytest_asyncio_before_1_asks_for_event_loop_for_async_fixtures(
    tmp_path: Path, specifier: str, options: str, asking: set[str]
) -> None:
    """pytest-asyncio 0.18 to 0.26 adds ``event_loop`` to what the async fixtures it runs ask
    for as tests are collected (by its release, mode and loop scopes; checked against 0.20.3,
    0.21.2, 0.23.8, 0.24.0 and 0.25.3 at runtime): a test reaching one gets the project's
    ``event_loop``, one reaching none does not."""
    pyproject = (
        f'[project]\nname = "p"\nversion = "0"\n'
        f'dependencies = ["pytest-asyncio{specifier}"]\n\n'
        f"[tool.pytest.ini_options]\n{options}\n"
    )
    _write(tmp_path, {"pyproject.toml": pyproject, "tests/conftest.py": _ASYNC_FIXTURES})
    graph = codeintel.analyze(tmp_path)
    fixtures = ("client", "engine", "marked", "plain")
    closures = {name: graph.fixture_closure("tests/test_x.py", None, [name]) for name in fixtures}
    assert {name for name, closure in closures.items() if "event_loop" in closure} == asking


def test_a_poetry_caret_keeps_pytest_asyncio_below_its_next_minor(tmp_path: Path) -> None:
    pyproject = (
        '[tool.poetry]\nname = "p"\nversion = "0"\n\n'
        '[tool.poetry.group.dev.dependencies]\npytest-asyncio = "^0.21.0"\n\n'
        '[tool.pytest.ini_options]\nasyncio_mode = "auto"\n'
    )
    _write(tmp_path, {"pyproject.toml": pyproject, "tests/conftest.py": _ASYNC_FIXTURES})
    closure = codeintel.analyze(tmp_path).fixture_closure("tests/test_x.py", None, ["engine"])
    assert sorted(closure) == ["engine", "event_loop"]
