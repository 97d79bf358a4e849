"""How the project is run and checked: its runner, its linters, type checkers and test tools,
its Makefile targets."""

from __future__ import annotations

import re
from collections.abc import Iterable

from codeintel.config.projects import join, upward
from codeintel.config.reader import ConfigReader, table
from codeintel.facts.project import Dependency, MakeTarget, PytestSettings, Runner, Tool

#: Lock file -> runner, in the order a project that has several is most likely run with.
LOCKS: tuple[tuple[str, Runner], ...] = (
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
RUN_PREFIX = {"uv": "uv run ", "poetry": "poetry run ", "pdm": "pdm run ", "hatch": "hatch run "}
#: Tools recognised by a config section of their own.
_TOOL_FILES = {
    "ruff": ("ruff.toml", ".ruff.toml"),
    "mypy": ("mypy.ini", ".mypy.ini"),
    "flake8": (".flake8",),
    "pyright": ("pyrightconfig.json",),
}
_TOOLS: tuple[str, ...] = ("ruff", "black", "flake8", "isort", "mypy", "pyright", "pylint")
_TOOLS += ("pytest", "coverage", "pytest-xdist", "pytest-cov", "pytest-asyncio", "pytest-mock")


def tools_used(
    reader: ConfigReader,
    folder: str,
    dependencies: tuple[Dependency, ...],
    pytest: PytestSettings | None,
) -> tuple[Tool, ...]:
    """Each tool with the nearest settings for it, from the project's folder upwards (ruff,
    mypy and pytest each look upwards for the nearest file that configures them), else the
    dependency that installs it. pytest's are the ones pytest itself picks."""
    found: dict[str, Tool] = {}
    if pytest is not None:
        where = f"{pytest.file}:{pytest.line}"
        found["pytest"] = Tool(name="pytest", configured_in=where, config=pytest.file)
    for where in upward(folder):
        for tool in _configured_in(reader, where):
            found.setdefault(tool.name, tool)
    for dependency in dependencies:
        if dependency.name in _TOOLS:
            where = f"{dependency.source}:{dependency.line}"
            found.setdefault(
                dependency.name, Tool(name=dependency.name, configured_in=where, config=None)
            )
    return tuple(found[n] for n in sorted(found))


def _configured_in(reader: ConfigReader, folder: str) -> Iterable[Tool]:
    path = join(folder, "pyproject.toml")
    tool = table(reader.toml(path).get("tool"))
    for name in _TOOLS:
        if name in tool:
            yield Tool(
                name=name,
                configured_in=f"{path}:{reader.line_of(path, f'[tool.{name}')}",
                config=path,
            )
        for file in _TOOL_FILES.get(name, ()):
            if join(folder, file) in reader.paths:
                yield Tool(
                    name=name, configured_in=f"{join(folder, file)}:1", config=join(folder, file)
                )
    for file, section, name in (
        ("setup.cfg", "flake8", "flake8"),
        ("tox.ini", "flake8", "flake8"),
        ("setup.cfg", "mypy", "mypy"),
    ):
        path = join(folder, file)
        ini = reader.ini(path) if path in reader.paths else None
        if ini is not None and ini.has_section(section):
            where = f"{path}:{reader.line_of(path, f'[{section}]')}"
            yield Tool(name=name, configured_in=where, config=path)


def choose_runner(reader: ConfigReader, folder: str, workspace: str | None) -> tuple[Runner, str]:
    """The nearest lock file from the project upwards (a workspace member runs with its
    workspace's lock), else membership of a uv workspace, else the nearest tool table."""
    for where in upward(folder):
        for lock, name in LOCKS:
            if join(where, lock) in reader.paths:
                return name, join(where, lock)
    if workspace is not None:
        return "uv", f"member of the uv workspace at {workspace}"
    for where in upward(folder):
        path = join(where, "pyproject.toml")
        tool = table(reader.toml(path).get("tool"))
        for section, name in _TOOL_TABLES:
            if section in tool:
                return name, f"[tool.{section}] in {path}"
    return "pip", "no lock file or runner configuration"


def make_targets(reader: ConfigReader, path: str) -> tuple[MakeTarget, ...]:
    targets: list[MakeTarget] = []
    current: tuple[str, int, list[str]] | None = None
    for number, line in enumerate((reader.text(path) or "").splitlines(), start=1):
        match = re.match(r"^([A-Za-z0-9][\w.-]*)\s*:(?!=)", line)
        if match:
            if current:
                targets.append(_target(path, current))
            current = (match[1], number, [])
        elif line.startswith("\t") and current is not None:
            current[2].append(line.strip())
    if current:
        targets.append(_target(path, current))
    return tuple(t for t in targets if t.name != ".PHONY")


def _target(path: str, found: tuple[str, int, list[str]]) -> MakeTarget:
    return MakeTarget(name=found[0], file=path, line=found[1], commands=tuple(found[2]))
