"""Project configuration: dependencies, runner, pytest and coverage settings, tools, make."""

from __future__ import annotations

from typing import Literal

from codeintel.facts.base import Frozen

Runner = Literal["uv", "poetry", "pdm", "hatch", "pip"]
CoverageVia = Literal["addopts", "coverage"]


class ImportRoot(Frozen):
    """A folder the project's modules are named from, and the evidence that decided it."""

    folder: str  # repository-relative, "" for the repository itself
    evidence: str  # a config key (``tool.poetry.packages``) or ``imports``
    file: str  # where the evidence stands: the config file, or the first importing file
    line: int
    modules: int  # how many modules take their name from it


class Dependency(Frozen):
    name: str  # PEP 503 normalised
    specifier: str  # "" when none
    extras: tuple[str, ...]
    marker: str | None
    group: str  # "main" | "optional:<extra>" | "group:<name>"
    source: str  # the file that declares it
    line: int


class PytestSettings(Frozen):
    file: str
    line: int
    testpaths: tuple[str, ...]
    addopts: tuple[str, ...]
    markers: tuple[str, ...]
    asyncio_mode: str | None


class Coverage(Frozen):
    fail_under: float | None
    source: str  # "file:line"
    via: CoverageVia


class Tool(Frozen):
    name: str
    configured_in: str  # "file:line", or "dependency <group>"


class MakeTarget(Frozen):
    name: str
    line: int
    commands: tuple[str, ...]


class ImportUse(Frozen):
    module: str
    file: str
    line: int


class Project(Frozen):
    name: str | None
    requires_python: str | None
    runner: Runner
    run_prefix: str
    runner_reason: str
    dependencies: tuple[Dependency, ...]
    pytest: PytestSettings | None
    coverage: Coverage | None
    tools: tuple[Tool, ...]
    make_targets: tuple[MakeTarget, ...]
    package_dirs: tuple[str, ...]
    test_dirs: tuple[str, ...]
    undeclared: tuple[ImportUse, ...]
    unused: tuple[Dependency, ...]
