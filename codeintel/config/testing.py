"""pytest's settings, coverage's threshold, and the test folders."""

from __future__ import annotations

import configparser
import shlex
from typing import Any

from codeintel.config.reader import ConfigReader, as_table
from codeintel.facts.project import Coverage, PytestSettings


def pytest_settings(reader: ConfigReader, pyproject: dict[str, Any]) -> PytestSettings | None:
    """pytest's own precedence: pytest.ini, pyproject.toml, tox.ini, setup.cfg."""
    if (
        "pytest.ini" in reader.paths
        and (ini := reader.ini("pytest.ini"))
        and ini.has_section("pytest")
    ):
        return _pytest_ini(reader, "pytest.ini", "pytest", ini)
    options = as_table(as_table(as_table(pyproject.get("tool")).get("pytest")).get("ini_options"))
    if options:
        return PytestSettings(
            file="pyproject.toml",
            line=reader.line_of("pyproject.toml", "[tool.pytest.ini_options]"),
            testpaths=tuple(_strings(options.get("testpaths"))),
            addopts=tuple(_split(options.get("addopts"))),
            markers=tuple(m.split(":")[0].strip() for m in _strings(options.get("markers"))),
            asyncio_mode=options.get("asyncio_mode"),
        )
    for path, section in (("tox.ini", "pytest"), ("setup.cfg", "tool:pytest")):
        if (ini := reader.ini(path)) is not None and ini.has_section(section):
            return _pytest_ini(reader, path, section, ini)
    return None


def _pytest_ini(
    reader: ConfigReader, path: str, section: str, ini: configparser.ConfigParser
) -> PytestSettings:
    values = ini[section]
    return PytestSettings(
        file=path,
        line=reader.line_of(path, f"[{section}]"),
        testpaths=tuple(values.get("testpaths", "").split()),
        addopts=tuple(shlex.split(values.get("addopts", ""))),
        markers=tuple(
            m.split(":")[0].strip() for m in values.get("markers", "").splitlines() if m.strip()
        ),
        asyncio_mode=values.get("asyncio_mode"),
    )


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return value.split()
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _split(value: object) -> list[str]:
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return shlex.split(value) if isinstance(value, str) else []


def coverage_settings(
    reader: ConfigReader, pyproject: dict[str, Any], pytest: PytestSettings | None
) -> Coverage | None:
    """The coverage threshold: ``--cov-fail-under`` in addopts first, then coverage's config."""
    if pytest is not None:
        for option in pytest.addopts:
            if option.startswith("--cov-fail-under="):
                value = option.partition("=")[2]
                line = reader.line_of(pytest.file, option)
                return Coverage(
                    fail_under=_float(value), source=f"{pytest.file}:{line}", via="addopts"
                )
    report = as_table(as_table(as_table(pyproject.get("tool")).get("coverage")).get("report"))
    if "fail_under" in report:
        line = reader.line_of("pyproject.toml", "fail_under", "[tool.coverage.report]")
        return Coverage(
            fail_under=_float(report["fail_under"]), source=f"pyproject.toml:{line}", via="coverage"
        )
    for path, section in (
        (".coveragerc", "report"),
        ("setup.cfg", "coverage:report"),
        ("tox.ini", "coverage:report"),
    ):
        ini = reader.ini(path)
        if ini is not None and ini.has_option(section, "fail_under"):
            line = reader.line_of(path, "fail_under")
            return Coverage(
                fail_under=_float(ini.get(section, "fail_under")),
                source=f"{path}:{line}",
                via="coverage",
            )
    return None


def _float(value: object) -> float | None:
    try:
        return float(str(value))
    except ValueError:
        return None


def test_dirs(python_files: list[str], pytest: PytestSettings | None) -> tuple[str, ...]:
    """pytest's testpaths, else the top-level ``tests`` or ``test`` folders holding Python files."""
    if pytest is not None and pytest.testpaths:
        return pytest.testpaths
    found = {
        p.split("/")[0] for p in python_files if "/" in p and p.split("/")[0] in {"tests", "test"}
    }
    return tuple(sorted(found))
