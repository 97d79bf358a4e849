"""Project configuration: every (sub-)project with the settings that apply to its files,
assembled from the modules beside this one."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from codeintel.config.dependencies import Declared
from codeintel.config.imports import ImportCheck
from codeintel.config.projects import Layout, join, package_dirs, parent, upward
from codeintel.config.reader import ConfigReader, project_table, table
from codeintel.config.testing import coverage_gate, find_test_dirs, pytest_settings
from codeintel.config.tooling import LOCKS, RUN_PREFIX, choose_runner, make_targets, tools_used
from codeintel.diagnostics import Diagnostic
from codeintel.facts.project import Project
from codeintel.pipeline.layout import is_test_path
from codeintel.resolve.evaluate import Evaluator


def extract_project(
    layout: Layout,
    declared: Declared,
    evaluator: Evaluator,
    route_files: Iterable[str] = (),
) -> tuple[Project, tuple[Project, ...], list[Diagnostic]]:
    """Every (sub-)project the configuration declares, each with the settings that apply to its
    files, and the main one: the project holding the most routes, then the most code."""
    reader, python_files = layout.reader, layout.python_files
    imports = ImportCheck(evaluator, layout, declared)
    projects = tuple(_project(reader, layout, declared, imports, f) for f in layout.folders)
    routed = Counter(layout.nearest(f) for f in route_files)
    code = Counter(layout.nearest(f) for f in python_files if not is_test_path(f))
    main = max(projects, key=lambda p: (routed[p.folder], code[p.folder], -p.folder.count("/") - 1))
    return main, projects, reader.diagnostics


def _project(
    reader: ConfigReader, layout: Layout, declared: Declared, imports: ImportCheck, folder: str
) -> Project:
    pyproject_path = join(folder, "pyproject.toml")
    pyproject = reader.toml(pyproject_path)
    runs_in = next((f for f in upward(folder) if join(f, "pyproject.toml") in reader.paths), "")
    pytest = pytest_settings(reader, folder)
    dependencies = declared.applying[folder]
    runner, reason = choose_runner(reader, folder, layout.members.get(folder))
    locks = [join(f, n) for f in upward(folder) for n, _ in LOCKS if join(f, n) in reader.paths]
    python_files = [f for f in layout.python_files if layout.nearest(f) == folder]
    return Project(
        folder=folder,
        file=layout.defining[folder],
        workspace=layout.members.get(folder),
        runs_in=runs_in,
        locks=tuple(sorted(set(locks) | set(declared.lock_exports[folder]))),
        name=project_table(pyproject).get("name") or _poetry_table(pyproject).get("name"),
        requires_python=project_table(pyproject).get("requires-python"),
        runner=runner,
        run_prefix=RUN_PREFIX.get(runner, ""),
        runner_reason=reason,
        dependencies=dependencies,
        pytest=pytest,
        confcutdir=parent(pytest.file) if pytest is not None else runs_in,
        coverage=coverage_gate(reader, runs_in, pytest),
        tools=tools_used(reader, folder, dependencies, pytest),
        make_targets=make_targets(reader, join(runs_in, "Makefile")),
        package_dirs=package_dirs(folder, python_files),
        test_dirs=find_test_dirs(folder, python_files, pytest),
        undeclared=imports.undeclared(folder),
        unused=imports.unused(folder),
    )


def _poetry_table(pyproject: dict[str, Any]) -> dict[str, Any]:
    return table(table(pyproject.get("tool")).get("poetry"))
