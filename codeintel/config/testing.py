"""How the project is tested: pytest's settings as pytest finds them, the coverage gate, and
the test folders."""

from __future__ import annotations

import configparser
import shlex

from codeintel.config.projects import join, parent, relative, upward
from codeintel.config.reader import ConfigReader, project_table, strings, table
from codeintel.facts.project import Coverage, PytestSettings
from codeintel.pipeline.layout import PYTEST_FILES


def pytest_settings(reader: ConfigReader, folder: str) -> PytestSettings | None:
    """pytest's own rule: the nearest folder, from where it runs upwards, with a config file
    that configures it; within one folder the first of ``PYTEST_FILES`` that does."""
    for where in upward(folder):
        for name in PYTEST_FILES:
            found = _pytest_in(reader, join(where, name))
            if found is not None:
                return found
    return None


def _pytest_in(reader: ConfigReader, path: str) -> PytestSettings | None:
    """The settings in ``path`` if pytest takes it: pytest.toml and pytest.ini always (even
    without a pytest table or section), the others only with theirs."""
    if path not in reader.paths:
        return None
    name = path.rpartition("/")[2]
    if name.endswith(".ini") or name == "setup.cfg":
        ini = reader.ini(path)
        section = "tool:pytest" if name == "setup.cfg" else "pytest"
        if ini is not None and ini.has_section(section):
            return _pytest_ini(reader, path, section, ini)
        return _empty(path) if name in {"pytest.ini", ".pytest.ini"} else None
    data = reader.toml(path)
    if name != "pyproject.toml":
        return _pytest_toml(reader, path, "[pytest]", table(data.get("pytest")))
    tool = table(data.get("tool"))
    if "pytest" not in tool:
        return None
    native = {k: v for k, v in table(tool["pytest"]).items() if k != "ini_options"}
    if native:  # pytest 9's [tool.pytest]; with ini_options too pytest refuses to run
        return _pytest_toml(reader, path, "[tool.pytest]", native)
    if "ini_options" in table(tool["pytest"]):
        options = table(table(tool["pytest"]).get("ini_options"))
        return _pytest_toml(reader, path, "[tool.pytest.ini_options]", options)
    return None


def _pytest_toml(
    reader: ConfigReader, path: str, header: str, options: dict[str, object]
) -> PytestSettings:
    asyncio_mode, anyio_mode = options.get("asyncio_mode"), options.get("anyio_mode")
    loop_scope = options.get("asyncio_default_fixture_loop_scope")
    return PytestSettings(
        file=path,
        line=reader.line_of(path, header),
        testpaths=tuple(strings(options.get("testpaths"))),
        addopts=tuple(_split(options.get("addopts"))),
        markers=tuple(m.split(":")[0].strip() for m in _lines(options.get("markers"))),
        asyncio_mode=asyncio_mode if isinstance(asyncio_mode, str) else None,
        asyncio_loop_scope=loop_scope if isinstance(loop_scope, str) else None,
        anyio_mode=anyio_mode if isinstance(anyio_mode, str) else None,
        usefixtures=tuple(_split(options.get("usefixtures"))),
        **{k: tuple(_split(options[k])) for k in _COLLECTION if k in options},
    )


#: The settings naming what pytest collects (a list, or names split at whitespace).
_COLLECTION = ("python_files", "python_classes", "python_functions", "norecursedirs")


def _lines(value: object) -> list[str]:
    """A list of strings, or a string's non-blank lines (markers carry spaces)."""
    if isinstance(value, str):
        return [line for line in value.splitlines() if line.strip()]
    return strings(value)


def _empty(path: str) -> PytestSettings:
    return PytestSettings(
        file=path, line=1, testpaths=(), addopts=(), markers=(), asyncio_mode=None
    )


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
        asyncio_loop_scope=values.get("asyncio_default_fixture_loop_scope"),
        anyio_mode=values.get("anyio_mode"),
        usefixtures=tuple(shlex.split(values.get("usefixtures", ""))),
        **{k: tuple(values[k].split()) for k in _COLLECTION if k in values},
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
    for name in COVERAGE_FILES:
        path = join(runs_in, name)
        if _coverage_reads(reader, path):
            return _fail_under(reader, path)
    return None


#: The files coverage.py tries in the folder it runs in, in its order (coverage/config.py):
#: the first that is its own (the first two) or holds any coverage settings is the only one
#: it reads.
COVERAGE_FILES = (".coveragerc", ".coveragerc.toml", "setup.cfg", "tox.ini", "pyproject.toml")


def _coverage_sections(path: str) -> tuple[str, ...]:
    """Where ``path`` keeps coverage's [report] settings, in the order coverage.py looks."""
    name = path.rpartition("/")[2]
    if name.endswith(".toml"):
        return (
            ("tool.coverage.report", "report")
            if name.startswith(".")
            else ("tool.coverage.report",)
        )
    return ("coverage:report", "report") if name == ".coveragerc" else ("coverage:report",)


def _coverage_reads(reader: ConfigReader, path: str) -> bool:
    name = path.rpartition("/")[2]
    if path not in reader.paths:
        return False
    if name.startswith(".coveragerc"):
        return True
    if name.endswith(".toml"):
        coverage = table(table(reader.toml(path).get("tool")).get("coverage"))
        return any(table(v) for v in coverage.values())
    ini = reader.ini(path)
    return ini is not None and any(
        s.startswith("coverage:") and ini.options(s) for s in ini.sections()
    )


def _fail_under(reader: ConfigReader, path: str) -> Coverage | None:
    for section in _coverage_sections(path):
        if path.endswith(".toml"):
            values = reader.toml(path)
            for key in section.split("."):
                values = table(values.get(key))
            value = values.get("fail_under")
        else:
            ini = reader.ini(path)
            has = ini is not None and ini.has_option(section, "fail_under")
            value = ini.get(section, "fail_under") if ini is not None and has else None
        if value is not None:
            line = reader.line_of(path, "fail_under", f"[{section}]")
            return Coverage(fail_under=_float(value), source=f"{path}:{line}", via="coverage")
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


def entry_point_plugins(reader: ConfigReader) -> tuple[tuple[str, str], ...]:
    """The modules the project's distributions declare as ``pytest11`` entry points, in a
    pyproject (PEP 621 or Poetry) or a setup.cfg, each with the folder of its config: pytest
    loads each as a plugin in every run where that distribution is installed, and its fixtures
    reach the tests there (cheshire-cat's suite gets its ``client`` from ``cat.testing`` so).
    A config in a folder below the root is a project of its own (an example, a package of a
    monorepo), installed for its own tests."""
    found: set[tuple[str, str]] = set()
    for path in sorted(reader.paths):
        folder, _, name = path.rpartition("/")
        if name == "pyproject.toml":
            data = reader.toml(path)
            poetry = table(table(table(data.get("tool")).get("poetry")).get("plugins"))
            for group in (table(project_table(data).get("entry-points")), poetry):
                found.update((_module(v), folder) for v in table(group.get("pytest11")).values())
        elif name == "setup.cfg":
            ini = reader.ini(path)
            declared = ini.get("options.entry_points", "pytest11", fallback="") if ini else ""
            lines = declared.splitlines()
            found.update((_module(line.partition("=")[2]), folder) for line in lines)
    return tuple(sorted(p for p in found if p[0]))


def addopts_plugins(reader: ConfigReader) -> tuple[tuple[str, str], ...]:
    """The modules a pytest config loads with ``-p NAME`` in its ``addopts``, each with the
    folder of that config, whose runs load it (``-p no:NAME`` turns one off instead), in
    the order each config lists them (pytest registers them so)."""
    found: dict[tuple[str, str], None] = {}
    for path in sorted(reader.paths):
        folder, _, name = path.rpartition("/")
        settings = _pytest_in(reader, path) if name in PYTEST_FILES else None
        options = settings.addopts if settings is not None else ()
        for index, option in enumerate(options):
            given = options[index + 1 : index + 2] if option == "-p" else (option[2:],)
            plugin = given[0] if option.startswith("-p") and given else ""
            if plugin and not plugin.startswith("no:"):
                found[plugin, folder] = None
    return tuple(found)


def _module(spec: object) -> str:
    """``module`` or ``module:attribute`` (an entry point's value) -> the module."""
    return spec.partition(":")[0].strip() if isinstance(spec, str) else ""
