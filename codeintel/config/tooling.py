"""How the project is run and checked: its runner, its linters, type checkers and test tools,
its Makefile targets."""

from __future__ import annotations

import re

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
#: Where each tool looks in one folder, in its order: a file, and the section that makes it
#: the tool's ("" for a file that is the tool's whatever it holds; "tool.x" for a pyproject
#: table). Each looks upwards from where it runs for the nearest folder with one.
_TOOL_FILES: dict[str, tuple[tuple[str, str], ...]] = {
    "ruff": ((".ruff.toml", ""), ("ruff.toml", ""), ("pyproject.toml", "tool.ruff")),
    "mypy": (
        ("mypy.ini", ""),
        (".mypy.ini", ""),
        ("pyproject.toml", "tool.mypy"),
        ("setup.cfg", "mypy"),
    ),
    "flake8": (("setup.cfg", "flake8"), ("tox.ini", "flake8"), (".flake8", "flake8")),
    "pyright": (("pyrightconfig.json", ""), ("pyproject.toml", "tool.pyright")),
}
_TOOLS: tuple[str, ...] = ("ruff", "black", "flake8", "isort", "mypy", "pyright", "pylint")
_TOOLS += ("pytest", "coverage", "pytest-xdist", "pytest-cov", "pytest-asyncio", "pytest-mock")


def tools_used(
    reader: ConfigReader,
    folder: str,
    dependencies: tuple[Dependency, ...],
    pytest: PytestSettings | None,
) -> tuple[Tool, ...]:
    """Each tool with the settings it reads run from the project's folder (the nearest folder
    upwards with a file that configures it), else the dependency that installs it. pytest's
    are the ones pytest itself picks."""
    found: dict[str, Tool] = {}
    if pytest is not None:
        where = f"{pytest.file}:{pytest.line}"
        found["pytest"] = Tool(name="pytest", configured_in=where, config=pytest.file)
    for name in _TOOLS:
        tool = _configured(reader, folder, name)
        if tool is not None and name != "pytest":
            found[name] = tool
    for dependency in dependencies:
        if dependency.name in _TOOLS:
            where = f"{dependency.source}:{dependency.line}"
            found.setdefault(
                dependency.name, Tool(name=dependency.name, configured_in=where, config=None)
            )
    return tuple(found[n] for n in sorted(found))


def _configured(reader: ConfigReader, folder: str, name: str) -> Tool | None:
    candidates = _TOOL_FILES.get(name, (("pyproject.toml", f"tool.{name}"),))
    for where in upward(folder):
        for file, section in candidates:
            path = join(where, file)
            line = _section_line(reader, path, section)
            if line is not None:
                return Tool(name=name, configured_in=f"{path}:{line}", config=path)
    return None


def _section_line(reader: ConfigReader, path: str, section: str) -> int | None:
    """The line where ``path`` configures the tool under ``section``; None if it does not."""
    if path not in reader.paths:
        return None
    if not section:
        return 1
    if path.endswith(".toml"):
        tool = table(reader.toml(path).get("tool"))
        key = section.removeprefix("tool.")
        return reader.line_of(path, f"[{section}") if key in tool else None
    ini = reader.ini(path)
    return (
        reader.line_of(path, f"[{section}]")
        if ini is not None and ini.has_section(section)
        else None
    )


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
