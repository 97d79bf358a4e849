"""Project configuration: declared dependencies, tool settings, the runner, Makefile targets."""

from __future__ import annotations

import sys
from pathlib import Path

from codeintel.config.dependencies import declared_dependencies
from codeintel.config.distributions import import_names
from codeintel.config.reader import ConfigReader, project_table, pyproject_poetry
from codeintel.config.testing import coverage_settings, pytest_settings, test_dirs
from codeintel.config.tooling import RUN_PREFIX, choose_runner, make_targets, tools_used
from codeintel.diagnostics import Diagnostic
from codeintel.facts.project import Dependency, ImportUse, Project
from codeintel.pipeline.discover import SourceFile
from codeintel.pipeline.layout import is_test_path
from codeintel.resolve.evaluate import Evaluator

#: Distributions used by running them, never by importing them.
_NOT_IMPORTED = frozenset(
    {"uvicorn", "gunicorn", "hypercorn", "alembic", "pre-commit", "ruff", "black", "mypy"}
    | {"flake8", "isort", "pyright", "pylint", "coverage", "tox", "nox", "ipython", "psycopg"}
    | {"psycopg2", "psycopg2-binary", "asyncpg", "email-validator", "python-multipart"}
)


def extract_project(
    root: Path, files: list[SourceFile], evaluator: Evaluator
) -> tuple[Project, list[Diagnostic]]:
    """Everything the repo's configuration says, plus imports checked against it."""
    reader = ConfigReader(root, files)
    pyproject = reader.toml("pyproject.toml")
    dependencies = sorted(
        declared_dependencies(reader, pyproject), key=lambda d: (d.group, d.name, d.source, d.line)
    )
    pytest = pytest_settings(reader, pyproject)
    runner, reason = choose_runner(reader, pyproject)
    python_files = sorted(f.path for f in files if f.kind == "python")
    undeclared, unused = _import_check(evaluator, dependencies)
    project = Project(
        name=project_table(pyproject).get("name") or pyproject_poetry(pyproject).get("name"),
        requires_python=project_table(pyproject).get("requires-python"),
        runner=runner,
        run_prefix=RUN_PREFIX.get(runner, ""),
        runner_reason=reason,
        dependencies=tuple(dependencies),
        pytest=pytest,
        coverage=coverage_settings(reader, pyproject, pytest),
        tools=tools_used(reader, pyproject, dependencies),
        make_targets=make_targets(reader),
        package_dirs=_package_dirs(python_files),
        test_dirs=test_dirs(python_files, pytest),
        undeclared=undeclared,
        unused=unused,
    )
    return project, reader.diagnostics


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
