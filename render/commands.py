"""Validation commands that fit the project: its runner, its tools, its coverage gate."""

from __future__ import annotations

import posixpath
import shlex
from collections.abc import Sequence

from codeintel import Project
from render.context import ValidationLevel

_LINTERS = ("ruff", "flake8", "black", "isort")
_TYPE_CHECKERS = ("mypy", "pyright")


class Commands:
    """Builds shell commands for one project; every path is quoted for the shell.

    Paths come in relative to the repository's root. A project kept in a sub-folder runs from
    its folder (``cd backend && uv run ...``), where its runner, its pytest configuration and
    its tools find what they find when its developers run them, and the paths are made relative
    to it; ``.`` stays the project itself."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.tools = {t.name: t for t in project.tools}
        self.folder = project.runs_in
        self.prefix = project.run_prefix
        self.cd = f"cd {shlex.quote(self.folder)} && " if self.folder else ""

    def run(self, *words: str) -> str:
        return self.cd + self.prefix + " ".join(shlex.quote(w) for w in words)

    def path(self, path: str) -> str:
        """``path`` (from the repository's root) as seen from where the commands run."""
        if not self.folder or path == ".":
            return path
        return posixpath.relpath(path, self.folder)

    def paths(self, paths: Sequence[str]) -> list[str]:
        return [self.path(p) for p in paths]

    def compile(self, path: str) -> str:
        return self.run("python", "-m", "py_compile", self.path(path))

    def import_module(self, module: str) -> str:
        return self.run("python", "-c", f"import {module}")

    def pytest(self, paths: Sequence[str], *, subset: bool, verbose: bool = True) -> str:
        paths = self.paths(paths)
        words = ["pytest", *paths] if self.prefix else ["python", "-m", "pytest", *paths]
        if verbose:
            words.append("-v")
        if subset and self._coverage_gate_in_addopts():
            # A subset of tests covers a fraction of the code; the project's gate is for all.
            words.append("--cov-fail-under=0")
        if not subset and "pytest-xdist" in self.tools:
            words += ["-n", "auto"]
        return self.run(*words)

    def _coverage_gate_in_addopts(self) -> bool:
        pytest = self.project.pytest
        if pytest is None or not any(a.startswith("--cov") for a in pytest.addopts):
            return False
        return self.project.coverage is not None and self.project.coverage.fail_under is not None

    def levels(
        self, targets: Sequence[str], unit: Sequence[str], integration: Sequence[str]
    ) -> tuple[ValidationLevel, ...]:
        return (
            self._lint(targets),
            self._types(targets),
            self._tests(3, "Unit Tests", unit),
            self._tests(4, "Integration Tests", integration),
            self._suite(),
        )

    def _lint(self, targets: Sequence[str]) -> ValidationLevel:
        name = "Syntax & Style"
        targets = self.paths(targets)
        commands: list[str] = []
        if "ruff" in self.tools:
            commands += [self.run("ruff", "check", *targets)]
            commands += [self.run("ruff", "format", "--check", *targets)]
        else:
            if "flake8" in self.tools:
                commands.append(self.run("flake8", *self._config("flake8", "--config"), *targets))
            if "black" in self.tools:
                commands.append(self.run("black", "--check", *targets))
        if "isort" in self.tools and "ruff" not in self.tools:
            commands.append(self.run("isort", "--check-only", *targets))
        if not commands:
            return _none(1, name, "linter or formatter", _LINTERS)
        return ValidationLevel(
            number=1, name=name, commands=tuple(commands), note=self._why(_LINTERS)
        )

    def _types(self, targets: Sequence[str]) -> ValidationLevel:
        name = "Type Checking"
        for tool in _TYPE_CHECKERS:
            if tool in self.tools:
                flag = "--config-file" if tool == "mypy" else "--project"
                command = self.run(tool, *self._config(tool, flag), *self.paths(targets))
                return ValidationLevel(
                    number=2, name=name, commands=(command,), note=self._why((tool,))
                )
        return _none(2, name, "type checker", _TYPE_CHECKERS)

    def _tests(self, number: int, name: str, paths: Sequence[str]) -> ValidationLevel:
        if not paths:
            return ValidationLevel(
                number=number,
                name=name,
                commands=(),
                note=f"No {name.lower()} are planned: this project has no such test folder.",
            )
        note = "The tests this plan adds or changes."
        if self._coverage_gate_in_addopts():
            note += " `--cov-fail-under=0` because addopts enforces the coverage gate on every run."
        return ValidationLevel(
            number=number, name=name, commands=(self.pytest(paths, subset=True),), note=note
        )

    def _suite(self) -> ValidationLevel:
        note = "The whole suite, with the project's own settings"
        if self.project.coverage and self.project.coverage.fail_under is not None:
            note += f" (coverage must stay at {self.project.coverage.fail_under:g}% or more)"
        if "pytest-xdist" in self.tools:
            note += "; pytest-xdist is installed, so it runs in parallel"
        return ValidationLevel(
            number=5,
            name="Full Test Suite",
            commands=(self.pytest([], subset=False, verbose=False),),
            note=note + ".",
        )

    def _config(self, tool: str, flag: str) -> list[str]:
        """The tool's settings file, named when it lies above the folder the command runs in:
        flake8 and older mypy read only the current folder's."""
        config = self.tools[tool].config
        if config is None or posixpath.dirname(config) == self.folder:
            return []
        return [flag, self.path(config)]

    def _why(self, tools: Sequence[str]) -> str:
        used = [f"{t} ({self.tools[t].configured_in})" for t in tools if t in self.tools]
        return "Configured: " + ", ".join(used) + "."


def _none(number: int, name: str, what: str, looked_for: Sequence[str]) -> ValidationLevel:
    note = (
        f"No {what} is configured in this project (looked for {', '.join(looked_for)} in its "
        "configuration and dependencies), so there is nothing to run at this level."
    )
    return ValidationLevel(number=number, name=name, commands=(), note=note)
