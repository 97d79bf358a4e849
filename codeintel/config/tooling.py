"""How the project is run and checked: its runner, its tools, its Makefile targets."""

from __future__ import annotations

import re
from typing import Any

from codeintel.config.reader import ConfigReader, as_table
from codeintel.facts.project import Dependency, MakeTarget, Runner, Tool

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
    reader: ConfigReader, pyproject: dict[str, Any], dependencies: list[Dependency]
) -> tuple[Tool, ...]:
    """Linters, type checkers and test tools, by their config sections or as dependencies."""
    found: dict[str, str] = {}
    tool = as_table(pyproject.get("tool"))
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


def choose_runner(reader: ConfigReader, pyproject: dict[str, Any]) -> tuple[Runner, str]:
    """The runner (uv, poetry, pdm, hatch, else pip) and what gave it away."""
    for lock, runner in _LOCKS:
        if lock in reader.paths:
            return runner, lock
    tool = as_table(pyproject.get("tool"))
    for table, runner in _TOOL_TABLES:
        if table in tool:
            return runner, f"[tool.{table}] in pyproject.toml"
    return "pip", "no lock file or runner configuration"


def make_targets(reader: ConfigReader) -> tuple[MakeTarget, ...]:
    """The Makefile's targets with their recipe lines."""
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
