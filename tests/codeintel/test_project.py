from __future__ import annotations

from pathlib import Path

import codeintel


def test_registry_app_configuration(registry: codeintel.CodeGraph) -> None:
    project = registry.project()
    assert (project.name, project.requires_python) == ("mcp-registry", ">=3.10")
    assert (project.runner, project.run_prefix, project.runner_reason) == (
        "uv",
        "uv run ",
        "uv.lock",
    )
    groups = {(d.group, d.name) for d in project.dependencies}
    # "lint" is pulled into "dev" by {include-group = "lint"}
    assert {("group:dev", "ruff"), ("group:dev", "mypy"), ("group:lint", "ruff")} <= groups
    assert ("main", "pydantic-settings") in groups
    uvicorn = next(d for d in project.dependencies if d.name == "uvicorn")
    assert (uvicorn.extras, uvicorn.specifier, uvicorn.line) == (("standard",), ">=0.29", 10)
    assert project.coverage is not None
    assert (project.coverage.fail_under, project.coverage.via) == (35.0, "addopts")
    assert project.coverage.source == "pyproject.toml:25"
    assert project.pytest is not None
    assert project.pytest.asyncio_mode == "auto"
    assert project.pytest.markers == ("unit", "integration")
    assert {t.name for t in project.tools} >= {"ruff", "mypy", "pytest", "pytest-cov"}
    assert (project.package_dirs, project.test_dirs) == (("registry",), ("tests",))
    assert project.undeclared == () and project.unused == ()


def _project(tmp_path: Path, files: dict[str, str]) -> codeintel.CodeGraph:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    return codeintel.analyze(tmp_path)


def test_poetry_groups_requirements_and_import_check(tmp_path: Path) -> None:
    graph = _project(
        tmp_path,
        {
            "pyproject.toml": (
                "[tool.poetry]\nname = 'p'\n"
                "[tool.poetry.dependencies]\npython = '^3.10'\nFastAPI = '^0.110'\n"
                "python-dotenv = '*'\nrequests = '^2'\n"
                "[tool.poetry.group.test.dependencies]\npytest-xdist = '^3'\n"
                "[tool.coverage.report]\nfail_under = 80\n"
            ),
            "requirements-dev.txt": "-r requirements.txt\nblack==24.1  # formatter\n",
            "requirements.txt": "httpx>=0.27\n--index-url https://x\n",
            "app/__init__.py": "",
            "app/main.py": "import fastapi\nimport dotenv\nimport yaml\nimport os\n"
            "from . import x\n",
        },
    )
    project = graph.project()
    assert (project.runner, project.run_prefix) == ("poetry", "poetry run ")
    deps = {(d.group, d.name, d.specifier, d.source) for d in project.dependencies}
    assert deps == {
        ("main", "fastapi", "^0.110", "pyproject.toml"),
        ("main", "python-dotenv", "", "pyproject.toml"),
        ("main", "requests", "^2", "pyproject.toml"),
        ("group:test", "pytest-xdist", "^3", "pyproject.toml"),
        ("main", "httpx", ">=0.27", "requirements.txt"),
        ("group:dev", "black", "==24.1", "requirements-dev.txt"),
    }
    assert project.coverage is not None and project.coverage.fail_under == 80.0
    assert project.coverage.via == "coverage"
    assert {t.name for t in project.tools} >= {"black", "pytest-xdist"}
    assert [(u.module, u.file, u.line) for u in project.undeclared] == [("yaml", "app/main.py", 3)]
    assert sorted(d.name for d in project.unused) == ["httpx", "requests"]


def test_include_group_cycle_is_a_diagnostic(tmp_path: Path) -> None:
    graph = _project(
        tmp_path,
        {
            "pyproject.toml": (
                "[dependency-groups]\n"
                'a = ["x", {include-group = "b"}]\n'
                'b = ["y", {include-group = "a"}]\n'
            ),
            "m.py": "",
        },
    )
    assert [(d.code, d.file) for d in graph.diagnostics] == [("CI110", "pyproject.toml")] * 2
    groups = {(d.group, d.name) for d in graph.project().dependencies}
    assert groups == {("group:a", "x"), ("group:a", "y"), ("group:b", "y"), ("group:b", "x")}


def test_plain_pip_project_without_config(tmp_path: Path) -> None:
    graph = _project(tmp_path, {"main.py": "import fastapi\n", "Makefile": "test:\n\tpytest -q\n"})
    project = graph.project()
    assert (project.runner, project.run_prefix, project.pytest, project.coverage) == (
        "pip",
        "",
        None,
        None,
    )
    assert [(t.name, t.line, t.commands) for t in project.make_targets] == [
        ("test", 1, ("pytest -q",))
    ]
    assert [u.module for u in project.undeclared] == ["fastapi"]


def test_a_malformed_pyproject_leaves_the_rest_of_the_configuration(tmp_path: Path) -> None:
    graph = _project(
        tmp_path,
        {
            "pyproject.toml": "[project\nname = 'x'\n",
            "requirements.txt": "fastapi>=0.110\n",
            "pytest.ini": "[pytest]\ntestpaths = tests\n",
            "uv.lock": "version = 1\n",
            "app.py": "import fastapi\n",
        },
    )
    assert [(d.code, d.file) for d in graph.diagnostics] == [("CI110", "pyproject.toml")]
    project = graph.project()
    assert [(d.name, d.group) for d in project.dependencies] == [("fastapi", "main")]
    assert project.pytest is not None and project.pytest.testpaths == ("tests",)
    assert project.runner == "uv"
