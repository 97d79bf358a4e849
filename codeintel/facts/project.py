"""Project configuration: dependencies, runner, pytest and coverage settings, tools, make."""

from __future__ import annotations

from typing import Literal

from codeintel.facts.base import Frozen

Runner = Literal["uv", "poetry", "pdm", "hatch", "pip"]
CoverageVia = Literal["addopts", "coverage"]


class ImportRoot(Frozen):
    """A folder the project's modules are named from, and the evidence that decided it."""

    folder: str  # repository-relative, "" for the repository itself, ".." above it
    evidence: str  # a config key (``tool.poetry.packages``) or ``imports``
    file: str  # where the evidence stands: the config file, or the first importing file
    line: int
    modules: int  # how many modules take their name from it


class Dependency(Frozen):
    name: str  # PEP 503 normalised
    specifier: str  # "" when none
    extras: tuple[str, ...]
    marker: str | None
    group: str  # "main" | "optional:<extra>" | "group:<name>" | "env:<hatch environment>"
    source: str  # the file that declares it
    line: int


class PytestSettings(Frozen):
    file: str
    line: int
    testpaths: tuple[str, ...]
    addopts: tuple[str, ...]
    markers: tuple[str, ...]
    asyncio_mode: str | None
    #: pytest-asyncio's ``asyncio_default_fixture_loop_scope``
    asyncio_loop_scope: str | None = None
    anyio_mode: str | None = None  # "auto": anyio's plugin runs every coroutine test
    #: fixtures every test gets, as if each carried ``@pytest.mark.usefixtures(...)``
    usefixtures: tuple[str, ...] = ()
    # what pytest collects: file globs; class and function name prefixes or globs
    python_files: tuple[str, ...] = ("test_*.py", "*_test.py")
    python_classes: tuple[str, ...] = ("Test",)
    python_functions: tuple[str, ...] = ("test",)
    # folders pytest never walks into, by their names' globs
    norecursedirs: tuple[str, ...] = (
        "*.egg",
        ".*",
        "_darcs",
        "build",
        "CVS",
        "dist",
        "node_modules",
        "venv",
        "{arch}",
    )


class Coverage(Frozen):
    fail_under: float | None
    source: str  # "file:line"
    via: CoverageVia


class Tool(Frozen):
    name: str
    configured_in: str  # "file:line" of its settings, else of the dependency that installs it
    config: str | None  # the file holding its settings; None when only a dependency names it


class MakeTarget(Frozen):
    name: str
    file: str
    line: int
    commands: tuple[str, ...]


class ImportUse(Frozen):
    module: str
    file: str
    line: int


class Project(Frozen):
    """One (sub-)project: a folder with a ``pyproject.toml`` or ``requirements*.txt``, and the
    configuration that applies to the files it holds (the nearest one holds a file)."""

    folder: str  # repo-relative; "" for the repository's root
    file: str | None  # the file that makes the folder a project; None for a bare root
    workspace: str | None  # "file:line" of the uv workspace that lists it as a member
    runs_in: str  # the folder its commands run from: the nearest with a pyproject.toml
    locks: tuple[str, ...]  # lock files that pin it (uv.lock, an exported requirements file)
    name: str | None
    requires_python: str | None
    runner: Runner
    run_prefix: str
    runner_reason: str
    #: its own and its enclosing projects' (each with the file that declares it)
    dependencies: tuple[Dependency, ...]
    pytest: PytestSettings | None
    #: pytest's default --confcutdir run from ``runs_in``: its config file's folder, else its
    #: rootdir; conftests above it are never loaded
    confcutdir: str
    coverage: Coverage | None
    tools: tuple[Tool, ...]
    make_targets: tuple[MakeTarget, ...]
    package_dirs: tuple[str, ...]
    test_dirs: tuple[str, ...]
    undeclared: tuple[ImportUse, ...]  # in the files it holds
    unused: tuple[Dependency, ...]  # its own main dependencies no file under its folder imports
