"""Project configuration: declared dependencies, tool settings, the runner, Makefile targets."""

from __future__ import annotations

import configparser
import re
import shlex
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

from codeintel.config.distributions import import_names
from codeintel.diagnostics import Diagnostic
from codeintel.facts.project import (
    Coverage,
    Dependency,
    ImportUse,
    MakeTarget,
    Project,
    PytestSettings,
    Runner,
    Tool,
)
from codeintel.pipeline.discover import SourceFile
from codeintel.pipeline.layout import is_test_path
from codeintel.resolve.evaluate import Evaluator

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

#: Lock file -> runner, in the order a project that has several is most likely run with.
_LOCKS: tuple[tuple[str, Runner], ...] = (
    ("uv.lock", "uv"),
    ("poetry.lock", "poetry"),
    ("pdm.lock", "pdm"),
)
_TOOL_TABLES: tuple[tuple[str, Runner], ...] = (
    ("uv", "uv"),
    ("poetry", "poetry"),
    ("pdm", "pdm"),
    ("hatch", "hatch"),
)
_PREFIX = {"uv": "uv run ", "poetry": "poetry run ", "pdm": "pdm run ", "hatch": "hatch run "}
#: Tools recognised by a config section of their own.
_TOOL_FILES = {
    "ruff": ("ruff.toml", ".ruff.toml"),
    "mypy": ("mypy.ini", ".mypy.ini"),
    "flake8": (".flake8",),
    "pyright": ("pyrightconfig.json",),
}
_TOOLS: tuple[str, ...] = ("ruff", "black", "flake8", "isort", "mypy", "pyright", "pylint")
_TOOLS += ("pytest", "coverage", "pytest-xdist", "pytest-cov", "pytest-asyncio", "pytest-mock")
#: Distributions used by running them, never by importing them.
_NOT_IMPORTED = frozenset(
    {"uvicorn", "gunicorn", "hypercorn", "alembic", "pre-commit", "ruff", "black", "mypy"}
    | {"flake8", "isort", "pyright", "pylint", "coverage", "tox", "nox", "ipython", "psycopg"}
    | {"psycopg2", "psycopg2-binary", "asyncpg", "email-validator", "python-multipart"}
)


class _Reader:
    """Reads config files once, turning bad ones into diagnostics."""

    def __init__(self, root: Path, files: list[SourceFile]) -> None:
        self.root = root
        self.paths = {f.path for f in files if f.kind in {"config", "requirements", "lock"}}
        self.diagnostics: list[Diagnostic] = []
        self._texts: dict[str, str] = {}

    def text(self, path: str) -> str | None:
        if path not in self.paths:
            return None
        if path not in self._texts:
            try:
                data = (self.root / path).read_bytes()
            except OSError as exc:
                self.diagnostics.append(Diagnostic("CI101", path, 0, f"cannot read: {exc}"))
                return None
            self._texts[path] = data.decode("utf-8", errors="replace")
        return self._texts[path]

    def toml(self, path: str) -> dict[str, Any]:
        text = self.text(path)
        if text is None:
            return {}
        try:
            data: dict[str, Any] = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            line = int(m[1]) if (m := re.search(r"line (\d+)", str(exc))) else 1
            self.diagnostics.append(Diagnostic("CI110", path, line, f"malformed TOML: {exc}"))
            return {}
        return data

    def ini(self, path: str) -> configparser.ConfigParser | None:
        text = self.text(path)
        if text is None:
            return None
        parser = configparser.ConfigParser(interpolation=None)
        try:
            parser.read_string(text)
        except configparser.Error as exc:
            message = str(exc).splitlines()[0]
            self.diagnostics.append(Diagnostic("CI110", path, 1, f"malformed INI: {message}"))
            return None
        return parser

    def line_of(self, path: str, needle: str, after: str | None = None) -> int:
        """First line holding ``needle`` (after the line holding ``after``); 1 if none."""
        lines = (self.text(path) or "").splitlines()
        start = 0
        if after is not None:
            start = next((i for i, line in enumerate(lines) if after in line), 0)
        for number in range(start, len(lines)):
            if needle in lines[number]:
                return number + 1
        return start + 1


def extract_project(
    root: Path, files: list[SourceFile], evaluator: Evaluator
) -> tuple[Project, list[Diagnostic]]:
    """Everything the repo's configuration says, plus imports checked against it."""
    reader = _Reader(root, files)
    pyproject = reader.toml("pyproject.toml")
    dependencies = sorted(
        _dependencies(reader, pyproject), key=lambda d: (d.group, d.name, d.source, d.line)
    )
    pytest = _pytest(reader, pyproject)
    runner, reason = _runner(reader, pyproject)
    python_files = sorted(f.path for f in files if f.kind == "python")
    undeclared, unused = _import_check(evaluator, dependencies)
    project = Project(
        name=_project_table(pyproject).get("name") or pyproject_poetry(pyproject).get("name"),
        requires_python=_project_table(pyproject).get("requires-python"),
        runner=runner,
        run_prefix=_PREFIX.get(runner, ""),
        runner_reason=reason,
        dependencies=tuple(dependencies),
        pytest=pytest,
        coverage=_coverage(reader, pyproject, pytest),
        tools=_tools(reader, pyproject, dependencies),
        make_targets=_make_targets(reader),
        package_dirs=_package_dirs(python_files),
        test_dirs=_test_dirs(python_files, pytest),
        undeclared=undeclared,
        unused=unused,
    )
    return project, reader.diagnostics


def _project_table(pyproject: dict[str, Any]) -> dict[str, Any]:
    table = pyproject.get("project")
    return table if isinstance(table, dict) else {}


def pyproject_poetry(pyproject: dict[str, Any]) -> dict[str, Any]:
    table = (
        pyproject.get("tool", {}).get("poetry") if isinstance(pyproject.get("tool"), dict) else None
    )
    return table if isinstance(table, dict) else {}


# -- dependencies -------------------------------------------------------------------------


def _dependencies(reader: _Reader, pyproject: dict[str, Any]) -> Iterable[Dependency]:
    path = "pyproject.toml"
    project = _project_table(pyproject)
    yield from _requirements(reader, path, project.get("dependencies", []), "main", "[project]")
    for extra, items in sorted(_table(project.get("optional-dependencies")).items()):
        yield from _requirements(reader, path, items, f"optional:{extra}", "optional-dependencies")
    groups = _table(pyproject.get("dependency-groups"))
    for group in sorted(groups):
        items = _include_groups(reader, groups, group, ())
        yield from _requirements(reader, path, items, f"group:{group}", "[dependency-groups]")
    tool = _table(pyproject.get("tool"))
    yield from _requirements(
        reader, path, _table(tool.get("uv")).get("dev-dependencies", []), "group:dev", "[tool.uv]"
    )
    for group, items in sorted(_table(_table(tool.get("pdm")).get("dev-dependencies")).items()):
        yield from _requirements(reader, path, items, f"group:{group}", "[tool.pdm")
    yield from _poetry(reader, _table(tool.get("poetry")))
    seen: set[str] = set()  # a file included with -r is read once, under its own group
    for requirements in sorted(p for p in reader.paths if _is_requirements(p)):
        yield from _requirements_file(reader, requirements, seen)


def _table(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _include_groups(
    reader: _Reader, groups: dict[str, Any], name: str, seen: tuple[str, ...]
) -> list[str]:
    """A PEP 735 group with its ``{include-group = ...}`` entries expanded; cycles reported."""
    if name in seen:
        chain = " -> ".join((*seen, name))
        line = reader.line_of("pyproject.toml", f'include-group = "{name}"')
        reader.diagnostics.append(
            Diagnostic("CI110", "pyproject.toml", line, f"dependency group cycle: {chain}")
        )
        return []
    found: list[str] = []
    for item in groups.get(name, []) if isinstance(groups.get(name), list) else []:
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict) and isinstance(item.get("include-group"), str):
            found += _include_groups(reader, groups, item["include-group"], (*seen, name))
    return found


def _requirements(
    reader: _Reader, path: str, items: object, group: str, header: str
) -> Iterable[Dependency]:
    if not isinstance(items, list):
        return
    for item in items:
        if not isinstance(item, str):
            continue
        dependency = _parse(reader, path, item, group, reader.line_of(path, item, header))
        if dependency is not None:
            yield dependency


def _parse(reader: _Reader, path: str, text: str, group: str, line: int) -> Dependency | None:
    try:
        requirement = Requirement(text)
    except InvalidRequirement as exc:
        message = f"not a valid requirement {text!r}: {str(exc).splitlines()[0]}"
        reader.diagnostics.append(Diagnostic("CI110", path, line, message))
        return None
    return Dependency(
        name=canonicalize_name(requirement.name),
        specifier=str(requirement.specifier),
        extras=tuple(sorted(requirement.extras)),
        marker=str(requirement.marker) if requirement.marker else None,
        group=group,
        source=path,
        line=line,
    )


def _poetry(reader: _Reader, poetry: dict[str, Any]) -> Iterable[Dependency]:
    sections = [("main", "tool.poetry.dependencies", _table(poetry.get("dependencies")))]
    sections.append(
        ("group:dev", "tool.poetry.dev-dependencies", _table(poetry.get("dev-dependencies")))
    )
    for name, group in sorted(_table(poetry.get("group")).items()):
        sections.append(
            (
                f"group:{name}",
                f"tool.poetry.group.{name}",
                _table(_table(group).get("dependencies")),
            )
        )
    for group, header, table in sections:
        for name, spec in sorted(table.items()):
            if name.lower() == "python":
                continue
            version = spec if isinstance(spec, str) else _table(spec).get("version", "")
            line = reader.line_of("pyproject.toml", f"{name}", header)
            yield Dependency(
                name=canonicalize_name(name),
                specifier=_poetry_specifier(str(version)),
                extras=tuple(sorted(_table(spec).get("extras", []))),
                marker=None,
                group=group,
                source="pyproject.toml",
                line=line,
            )


def _poetry_specifier(version: str) -> str:
    """Poetry's ``^1.2`` / ``~1.2`` / ``*`` kept as written, but ``*`` means none."""
    return "" if version in {"*", ""} else version


def _is_requirements(path: str) -> bool:
    name = path.rsplit("/", 1)[-1]
    return "/" not in path and name.startswith("requirements") and name.endswith(".txt")


def _requirements_group(path: str) -> str:
    stem = path.rsplit("/", 1)[-1].removesuffix(".txt").removeprefix("requirements")
    stem = stem.strip("-_.")
    return "main" if stem in {"", "prod", "production", "base"} else f"group:{stem}"


def _requirements_file(reader: _Reader, path: str, seen: set[str]) -> Iterable[Dependency]:
    if path in seen:
        return
    seen.add(path)
    group = _requirements_group(path)
    for number, raw in enumerate((reader.text(path) or "").splitlines(), start=1):
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith(("-r ", "--requirement ")):
            included = (Path(path).parent / line.split(None, 1)[1]).as_posix().removeprefix("./")
            yield from _requirements_file(reader, included, seen)
            continue
        if line.startswith("-") or "://" in line or line.startswith((".", "/")):
            continue  # options, URLs and local paths name no distribution we can check
        dependency = _parse(reader, path, line, group, number)
        if dependency is not None:
            yield dependency


# -- tools --------------------------------------------------------------------------------


def _pytest(reader: _Reader, pyproject: dict[str, Any]) -> PytestSettings | None:
    """pytest's own precedence: pytest.ini, pyproject.toml, tox.ini, setup.cfg."""
    if (
        "pytest.ini" in reader.paths
        and (ini := reader.ini("pytest.ini"))
        and ini.has_section("pytest")
    ):
        return _pytest_ini(reader, "pytest.ini", "pytest", ini)
    options = _table(_table(_table(pyproject.get("tool")).get("pytest")).get("ini_options"))
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
    reader: _Reader, path: str, section: str, ini: configparser.ConfigParser
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


def _coverage(
    reader: _Reader, pyproject: dict[str, Any], pytest: PytestSettings | None
) -> Coverage | None:
    if pytest is not None:
        for option in pytest.addopts:
            if option.startswith("--cov-fail-under="):
                value = option.partition("=")[2]
                line = reader.line_of(pytest.file, option)
                return Coverage(
                    fail_under=_float(value), source=f"{pytest.file}:{line}", via="addopts"
                )
    report = _table(_table(_table(pyproject.get("tool")).get("coverage")).get("report"))
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


def _tools(
    reader: _Reader, pyproject: dict[str, Any], dependencies: list[Dependency]
) -> tuple[Tool, ...]:
    found: dict[str, str] = {}
    tool = _table(pyproject.get("tool"))
    for name in _TOOLS:
        if name in tool:
            found[name] = f"pyproject.toml:{reader.line_of('pyproject.toml', f'[tool.{name}')}"
        for path in _TOOL_FILES.get(name, ()):
            if path in reader.paths:
                found.setdefault(name, f"{path}:1")
    for path, section, name in (
        ("setup.cfg", "flake8", "flake8"),
        ("tox.ini", "flake8", "flake8"),
        ("setup.cfg", "mypy", "mypy"),
    ):
        ini = reader.ini(path) if path in reader.paths else None
        if ini is not None and ini.has_section(section):
            found.setdefault(name, f"{path}:{reader.line_of(path, f'[{section}]')}")
    for dependency in dependencies:
        if dependency.name in _TOOLS:
            found.setdefault(dependency.name, f"{dependency.source}:{dependency.line}")
    return tuple(Tool(name=n, configured_in=w) for n, w in sorted(found.items()))


def _runner(reader: _Reader, pyproject: dict[str, Any]) -> tuple[Runner, str]:
    for lock, runner in _LOCKS:
        if lock in reader.paths:
            return runner, lock
    tool = _table(pyproject.get("tool"))
    for table, runner in _TOOL_TABLES:
        if table in tool:
            return runner, f"[tool.{table}] in pyproject.toml"
    return "pip", "no lock file or runner configuration"


def _make_targets(reader: _Reader) -> tuple[MakeTarget, ...]:
    targets: list[MakeTarget] = []
    current: tuple[str, int, list[str]] | None = None
    for number, line in enumerate((reader.text("Makefile") or "").splitlines(), start=1):
        match = re.match(r"^([A-Za-z0-9][\w.-]*)\s*:(?!=)", line)
        if match:
            if current:
                targets.append(
                    MakeTarget(name=current[0], line=current[1], commands=tuple(current[2]))
                )
            current = (match[1], number, [])
        elif line.startswith("\t") and current is not None:
            current[2].append(line.strip())
    if current:
        targets.append(MakeTarget(name=current[0], line=current[1], commands=tuple(current[2])))
    return tuple(t for t in targets if t.name != ".PHONY")


# -- layout -------------------------------------------------------------------------------


def _package_dirs(python_files: list[str]) -> tuple[str, ...]:
    """Top-level packages (``src/`` layouts included) that are not tests."""
    found = set()
    for path in python_files:
        parts = path.split("/")
        if parts[0] == "src" and len(parts) > 2:
            parts = parts[1:]
            prefix = "src/"
        else:
            prefix = ""
        if len(parts) == 2 and parts[1] == "__init__.py" and not is_test_path(path):
            found.add(prefix + parts[0])
    return tuple(sorted(found))


def _test_dirs(python_files: list[str], pytest: PytestSettings | None) -> tuple[str, ...]:
    if pytest is not None and pytest.testpaths:
        return pytest.testpaths
    found = {
        p.split("/")[0] for p in python_files if "/" in p and p.split("/")[0] in {"tests", "test"}
    }
    return tuple(sorted(found))


# -- imports against declarations ------------------------------------------------------------


def _import_check(
    evaluator: Evaluator, dependencies: list[Dependency]
) -> tuple[tuple[ImportUse, ...], tuple[Dependency, ...]]:
    resolver = evaluator.resolver
    own = {name.split(".")[0] for name in resolver.modules}
    declared: dict[str, Dependency] = {}
    for dependency in dependencies:
        for name in import_names(dependency.name):
            declared.setdefault(name, dependency)
    first_use: dict[str, ImportUse] = {}
    used: set[str] = set()
    for module in sorted(resolver.modules.values(), key=lambda m: m.file):
        for fact in module.imports:
            top = _top(fact.target)
            if fact.level or not top or top in own or top in sys.stdlib_module_names:
                continue
            used.add(top)
            if top not in declared and not fact.type_checking and top not in first_use:
                first_use[top] = ImportUse(module=top, file=module.file, line=fact.line)
    unused = tuple(
        d
        for d in dependencies
        if d.group == "main"
        and d.name not in _NOT_IMPORTED
        and not any(n in used for n in import_names(d.name))
    )
    return tuple(first_use[k] for k in sorted(first_use)), unused


def _top(dotted: str | None) -> str:
    return (dotted or "").split(".")[0]
