"""How the project is tested: pytest's settings as pytest finds them, the coverage gate, and
the test folders."""

from __future__ import annotations

import configparser
import shlex

from codeintel.config.projects import join, parent, relative, upward
from codeintel.config.reader import ConfigReader, strings, table
from codeintel.facts.project import Coverage, PytestSettings


def pytest_settings(reader: ConfigReader, folder: str) -> PytestSettings | None:
    """pytest's own rule: the nearest folder, from where it runs upwards, with a config file
    that has a pytest section; within one folder pytest.ini, pyproject.toml, tox.ini,
    setup.cfg."""
    for where in upward(folder):
        found = _pytest_in(reader, where)
        if found is not None:
            return found
    return None


def _pytest_in(reader: ConfigReader, folder: str) -> PytestSettings | None:
    ini_path = join(folder, "pytest.ini")
    if ini_path in reader.paths and (ini := reader.ini(ini_path)) and ini.has_section("pytest"):
        return _pytest_ini(reader, ini_path, "pytest", ini)
    path = join(folder, "pyproject.toml")
    options = table(table(table(reader.toml(path).get("tool")).get("pytest")).get("ini_options"))
    if options:
        return PytestSettings(
            file=path,
            line=reader.line_of(path, "[tool.pytest.ini_options]"),
            testpaths=tuple(strings(options.get("testpaths"))),
            addopts=tuple(_split(options.get("addopts"))),
            markers=tuple(m.split(":")[0].strip() for m in strings(options.get("markers"))),
            asyncio_mode=options.get("asyncio_mode"),
        )
    for name, section in (("tox.ini", "pytest"), ("setup.cfg", "tool:pytest")):
        path = join(folder, name)
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


def _split(value: object) -> list[str]:
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return shlex.split(value) if isinstance(value, str) else []


def coverage_gate(
    reader: ConfigReader, runs_in: str, pytest: PytestSettings | None
) -> Coverage | None:
    """The gate pytest's addopts set, else coverage.py's own config, which it reads from the
    folder it runs in only (it does not look upwards)."""
    if pytest is not None:
        for option in pytest.addopts:
            if option.startswith("--cov-fail-under="):
                value = option.partition("=")[2]
                line = reader.line_of(pytest.file, option)
                return Coverage(
                    fail_under=_float(value), source=f"{pytest.file}:{line}", via="addopts"
                )
    path = join(runs_in, "pyproject.toml")
    report = table(table(table(reader.toml(path).get("tool")).get("coverage")).get("report"))
    if "fail_under" in report:
        line = reader.line_of(path, "fail_under", "[tool.coverage.report]")
        return Coverage(
            fail_under=_float(report["fail_under"]), source=f"{path}:{line}", via="coverage"
        )
    for name, section in (
        (".coveragerc", "report"),
        ("setup.cfg", "coverage:report"),
        ("tox.ini", "coverage:report"),
    ):
        path = join(runs_in, name)
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


def find_test_dirs(
    folder: str, python_files: list[str], pytest: PytestSettings | None
) -> tuple[str, ...]:
    """pytest's ``testpaths`` (relative to its config file's folder), else ``tests``/``test``."""
    if pytest is not None and pytest.testpaths:
        base = parent(pytest.file)
        return tuple(join(base, p.strip("/").removeprefix("./")) for p in pytest.testpaths)
    found = set()
    for path in python_files:
        parts = relative(folder, path).split("/")
        if len(parts) > 1 and parts[0] in {"tests", "test"}:
            found.add(join(folder, parts[0]))
    return tuple(sorted(found))
