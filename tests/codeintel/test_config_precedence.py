"""Which settings file each tool reads, checked against the tools themselves (slow tests run
the installed pytest, ruff, mypy and coverage on the same scratch repositories)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import codeintel

_PYTEST_CASES: list[tuple[dict[str, str], str]] = [
    # pytest.ini beats pyproject.toml in one folder
    (
        {
            "pytest.ini": "[pytest]\naddopts = -q\n",
            "pyproject.toml": "[tool.pytest.ini_options]\naddopts = '-x'\n",
        },
        "pytest.ini",
    ),
    # pytest.ini is pytest's even without a [pytest] section
    ({"pytest.ini": "[other]\n", "tox.ini": "[pytest]\naddopts = -q\n"}, "pytest.ini"),
    # an empty [tool.pytest.ini_options] still counts, before tox.ini
    (
        {"pyproject.toml": "[tool.pytest.ini_options]\n", "tox.ini": "[pytest]\naddopts = -q\n"},
        "pyproject.toml",
    ),
    # pytest.toml comes first of all
    (
        {"pytest.toml": "[pytest]\naddopts = ['-q']\n", ".pytest.ini": "[pytest]\n"},
        "pytest.toml",
    ),
    (
        {".pytest.ini": "[pytest]\n", "pyproject.toml": "[tool.pytest]\naddopts = ['-q']\n"},
        ".pytest.ini",
    ),
    # pytest 9's native table
    (
        {"pyproject.toml": "[tool.pytest]\naddopts = ['-q']\n", "setup.cfg": "[tool:pytest]\n"},
        "pyproject.toml",
    ),
    # tox.ini and setup.cfg only with their sections: the nearer folder without one is skipped
    (
        {
            "sub/tox.ini": "[flake8]\n",
            "sub/setup.cfg": "[metadata]\n",
            "setup.cfg": "[tool:pytest]\naddopts = -q\n",
        },
        "setup.cfg",
    ),
]


def _write(tmp_path: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)


def _runs_in(files: dict[str, str]) -> str:
    return "sub" if any(name.startswith("sub/") for name in files) else ""


@pytest.mark.parametrize(("files", "expected"), _PYTEST_CASES)
def test_pytest_settings_come_from_the_file_pytest_picks(
    tmp_path: Path, files: dict[str, str], expected: str
) -> None:
    _write(tmp_path, {**files, "sub/requirements.txt": "pytest\n"})
    projects = {p.folder: p for p in codeintel.analyze(tmp_path).projects()}
    settings = projects[_runs_in(files)].pytest
    assert settings is not None and settings.file == expected


@pytest.mark.slow
@pytest.mark.parametrize(("files", "expected"), _PYTEST_CASES)
def test_pytest_agrees(tmp_path: Path, files: dict[str, str], expected: str) -> None:
    _write(tmp_path, {**files, "sub/requirements.txt": "pytest\n"})
    folder = tmp_path / _runs_in(files)
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "--co", "-v", "-p", "no:cacheprovider"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    found = re.search(r"^rootdir: (\S+)\nconfigfile: (\S+)", run.stdout, re.MULTILINE)
    assert found is not None, run.stdout + run.stderr
    configfile = (Path(found[1]) / found[2]).relative_to(tmp_path).as_posix()
    assert configfile == expected


_TOOL_CASES: list[tuple[dict[str, str], str, str]] = [
    # ruff.toml beats [tool.ruff] in one folder; a pyproject without one is passed over
    (
        {"ruff.toml": "line-length = 88\n", "pyproject.toml": "[tool.ruff]\nline-length = 100\n"},
        "ruff",
        "ruff.toml",
    ),
    (
        {".ruff.toml": "line-length = 70\n", "ruff.toml": "line-length = 88\n"},
        "ruff",
        ".ruff.toml",
    ),
    (
        {"sub/ruff.toml": "", "pyproject.toml": "[tool.ruff]\nline-length = 100\n"},
        "ruff",
        "sub/ruff.toml",
    ),
    # mypy.ini even without a [mypy] section, then .mypy.ini, pyproject, setup.cfg
    (
        {"mypy.ini": "[other]\n", "pyproject.toml": "[tool.mypy]\nstrict = true\n"},
        "mypy",
        "mypy.ini",
    ),
    (
        {".mypy.ini": "[mypy]\n", "pyproject.toml": "[tool.mypy]\nstrict = true\n"},
        "mypy",
        ".mypy.ini",
    ),
    (
        {"setup.cfg": "[mypy]\n", "sub/setup.cfg": "[metadata]\n", "pyproject.toml": "[x]\n"},
        "mypy",
        "setup.cfg",
    ),
    ({".flake8": "[flake8]\n", "tox.ini": "[flake8]\nmax-line-length = 99\n"}, "flake8", "tox.ini"),
    (
        {"pyrightconfig.json": "{}\n", "pyproject.toml": "[tool.pyright]\n"},
        "pyright",
        "pyrightconfig.json",
    ),
]


def _tool_repo(tmp_path: Path, files: dict[str, str]) -> Path:
    _write(tmp_path, {**files, "sub/requirements.txt": "fastapi\n", "sub/app.py": "x = 1\n"})
    (tmp_path / ".git").mkdir()  # where mypy stops looking upwards
    return tmp_path / "sub"


@pytest.mark.parametrize(("files", "name", "expected"), _TOOL_CASES)
def test_tools_read_the_file_they_pick(
    tmp_path: Path, files: dict[str, str], name: str, expected: str
) -> None:
    _tool_repo(tmp_path, files)
    tools = {t.name: t for t in codeintel.analyze(tmp_path).project("sub/app.py").tools}
    assert tools[name].config == expected


def _ruff_settings(folder: Path) -> str:
    ruff = Path(sys.executable).parent / "ruff"
    run = subprocess.run(
        [str(ruff), "check", "--show-settings", "app.py"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    found = re.search(r'^Settings path: "(.+)"$', run.stdout, re.MULTILINE)
    assert found is not None, run.stdout + run.stderr
    return found[1]


def _mypy_config(folder: Path) -> str:
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "-v", "--no-incremental", "app.py"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    found = re.search(r"Config File: +(\S+)$", run.stderr, re.MULTILINE)
    assert found is not None, run.stdout + run.stderr
    return found[1]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("files", "name", "expected"), [c for c in _TOOL_CASES if c[1] in {"ruff", "mypy"}]
)
def test_ruff_and_mypy_agree(
    tmp_path: Path, files: dict[str, str], name: str, expected: str
) -> None:
    folder = _tool_repo(tmp_path, files)
    found = _ruff_settings(folder) if name == "ruff" else _mypy_config(folder)
    assert Path(found).resolve() == (tmp_path / expected).resolve()


_COVERAGE_CASES: list[tuple[dict[str, str], float | None]] = [
    # setup.cfg before pyproject.toml
    (
        {
            "setup.cfg": "[coverage:report]\nfail_under = 50\n",
            "pyproject.toml": "[tool.coverage.report]\nfail_under = 90\n",
        },
        50.0,
    ),
    # the first file with any coverage settings is the only one read, gate or not
    (
        {
            "tox.ini": "[coverage:run]\nbranch = true\n",
            "pyproject.toml": "[tool.coverage.report]\nfail_under = 90\n",
        },
        None,
    ),
    # a setup.cfg without coverage settings is passed over
    (
        {
            "setup.cfg": "[metadata]\nname = x\n",
            "pyproject.toml": "[tool.coverage.report]\nfail_under = 90\n",
        },
        90.0,
    ),
    # .coveragerc is coverage's own: read even with nothing in it
    ({".coveragerc": "", "setup.cfg": "[coverage:report]\nfail_under = 50\n"}, None),
    ({".coveragerc": "[report]\nfail_under = 70\n", "pyproject.toml": "[project]\n"}, 70.0),
    (
        {
            ".coveragerc.toml": "[report]\nfail_under = 60\n",
            "pyproject.toml": "[tool.coverage.report]\nfail_under = 90\n",
        },
        60.0,
    ),
]


@pytest.mark.parametrize(("files", "expected"), _COVERAGE_CASES)
def test_coverage_gate_comes_from_the_file_coverage_reads(
    tmp_path: Path, files: dict[str, str], expected: float | None
) -> None:
    _write(tmp_path, {"pyproject.toml": "[project]\nname = 'x'\n", **files})
    coverage = codeintel.analyze(tmp_path).project().coverage
    assert (coverage.fail_under if coverage is not None else None) == expected


@pytest.mark.slow
@pytest.mark.parametrize(("files", "expected"), _COVERAGE_CASES)
def test_coverage_agrees(tmp_path: Path, files: dict[str, str], expected: float | None) -> None:
    _write(tmp_path, {"pyproject.toml": "[project]\nname = 'x'\n", **files})
    run = subprocess.run(
        [sys.executable, "-m", "coverage", "debug", "config"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    found = re.search(r"^\s*fail_under: (\S+)$", run.stdout, re.MULTILINE)
    assert found is not None, run.stdout
    assert float(found[1]) == (expected or 0.0)  # coverage's own default gate is 0


_NAMING_MODULE = """\
def check_a():
    pass


def test_b():
    pass


class SpecSuite:
    def check_c(self):
        pass


class TestD:
    def check_e(self):
        pass
"""
_NAMING_CASES: list[dict[str, str]] = [
    {
        "pytest.ini": "[pytest]\npython_files = check_*.py\n  spec_*.py\n"
        "python_classes = *Suite\npython_functions = check_\n"
    },
    {
        "setup.cfg": "[tool:pytest]\npython_files = spec_*.py\npython_classes = Spec\n"
        "python_functions = check_a check_c\n"
    },
    {
        "pyproject.toml": "[tool.pytest.ini_options]\npython_files = ['spec_*.py']\n"
        "python_classes = ['Test', 'Spec']\npython_functions = ['check_*', 'test']\n"
    },
]


def _collected(tmp_path: Path, config: dict[str, str]) -> set[str]:
    _write(tmp_path, {**config, "spec_things.py": _NAMING_MODULE, "test_x.py": _NAMING_MODULE})
    graph = codeintel.analyze(tmp_path)
    return {t.qualname.replace(".", "::").replace("::", ".py::", 1) for t in graph.tests()}


@pytest.mark.parametrize("config", _NAMING_CASES)
def test_collection_follows_the_naming_settings(tmp_path: Path, config: dict[str, str]) -> None:
    collected = _collected(tmp_path, config)
    assert collected and all(t.startswith("spec_things.py::") for t in collected)
    assert "spec_things.py::check_a" in collected


@pytest.mark.slow
@pytest.mark.parametrize("config", _NAMING_CASES)
def test_collection_agrees_with_pytest(tmp_path: Path, config: dict[str, str]) -> None:
    static = _collected(tmp_path, config)
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "--co", "-q", "-p", "no:cacheprovider"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert static == {line for line in run.stdout.splitlines() if "::" in line}
