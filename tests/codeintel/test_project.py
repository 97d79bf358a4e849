from __future__ import annotations

import codecs
from pathlib import Path

import pytest

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


def _write_bytes(tmp_path: Path, files: dict[str, bytes]) -> codeintel.CodeGraph:
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    return codeintel.analyze(tmp_path)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_a_requirements_file_with_a_utf16_or_utf32_bom_is_read_as_pip_reads_it(
    tmp_path: Path, encoding: str
) -> None:
    """PowerShell's ``pip freeze > requirements.txt`` writes UTF-16 with a BOM, which pip
    honours: every pin is a dependency (we read none, and gave a diagnostic per line)."""
    text = "fastapi==0.110.0\nuvicorn==0.29.0\n"
    bom = {"utf-16": b"", "utf-16-be": codecs.BOM_UTF16_BE, "utf-32": b""}[encoding]
    graph = _write_bytes(
        tmp_path,
        {"requirements.txt": bom + text.encode(encoding), "app.py": b"import fastapi\n"},
    )
    assert not graph.diagnostics
    assert [(d.name, d.line) for d in graph.project().dependencies] == [
        ("fastapi", 1),
        ("uvicorn", 2),
    ]


def test_config_that_is_not_utf8_is_reported_at_its_line_and_read_anyway(
    tmp_path: Path,
) -> None:
    graph = _write_bytes(
        tmp_path,
        {
            "pyproject.toml": b'[project]\nname = "caf\xe9"\ndependencies = ["httpx>=0.27"]\n',
            "requirements.txt": b"# r\xe9sum\xe9 service\nfastapi>=0.110\n",
            "app.py": b"import fastapi\nimport httpx\n",
        },
    )
    assert [(d.code, d.file, d.line, d.message) for d in graph.diagnostics] == [
        ("CI102", "pyproject.toml", 2, "not valid utf-8: invalid continuation byte; read anyway"),
        ("CI102", "requirements.txt", 1, "not valid utf-8: invalid continuation byte; read anyway"),
    ]
    project = graph.project()
    assert project.name == "caf\ufffd"
    assert [(d.name, d.source, d.line) for d in project.dependencies] == [
        ("fastapi", "requirements.txt", 2),
        ("httpx", "pyproject.toml", 3),
    ]
    assert project.undeclared == ()


def test_a_byte_order_mark_is_not_part_of_the_config(tmp_path: Path) -> None:
    graph = _write_bytes(tmp_path, {"pyproject.toml": b'\xef\xbb\xbf[project]\nname = "x"\n'})
    assert graph.diagnostics == ()
    assert graph.project().name == "x"


@pytest.mark.parametrize("name", ["pyproject.toml", "requirements.txt", "README.md"])
def test_an_unreadable_config_or_doc_is_one_diagnostic(
    tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / name).write_text("")
    read_bytes = Path.read_bytes

    def denied(path: Path) -> bytes:  # chmod would not stop root, who runs CI here
        if path.name == name:
            raise PermissionError(13, "Permission denied", str(path))
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", denied)
    graph = codeintel.analyze(tmp_path)
    assert [(d.code, d.file, d.line, d.message) for d in graph.diagnostics] == [
        ("CI101", name, 0, "cannot read: Permission denied")
    ]


def test_sub_projects_of_a_uv_workspace(fixtures: Path) -> None:
    graph = codeintel.analyze(fixtures / "subproject_app")
    projects = {p.folder: p for p in graph.projects()}
    assert sorted(projects) == ["", "backend", "backend/worker"]
    root, backend, worker = projects[""], projects["backend"], projects["backend/worker"]
    assert graph.project() == backend  # it holds the routes
    assert graph.project("backend/app/new_module.py") == backend
    assert graph.project("backend/worker/jobs.py") == worker
    assert graph.project("scripts/tool.py") == root
    # where each is, what makes it one, where its commands run, how
    assert [
        (p.file, p.workspace, p.runs_in, p.name, p.requires_python) for p in (root, backend, worker)
    ] == [
        ("pyproject.toml", None, "", "subproject-app", ">=3.10"),
        ("backend/pyproject.toml", "pyproject.toml:14", "backend", "subproject-backend", ">=3.11"),
        ("backend/worker/requirements.txt", None, "backend", None, None),
    ]
    # the workspace's lock, not hatch (which only builds the backend); the exported
    # requirements.txt is a lock too, and declares nothing
    assert [(p.runner, p.runner_reason) for p in (root, backend, worker)] == [("uv", "uv.lock")] * 3
    assert root.locks == ("requirements.txt", "uv.lock")
    assert backend.locks == worker.locks == ("uv.lock",)
    own = {
        (d.name, d.group, d.source, d.line)
        for d in backend.dependencies
        if d.source == "backend/pyproject.toml"
    }
    assert own == {
        ("fastapi", "main", "backend/pyproject.toml", 6),
        ("python-multipart", "main", "backend/pyproject.toml", 7),
        ("pydantic-settings", "main", "backend/pyproject.toml", 8),
        ("py-ip2region", "main", "backend/pyproject.toml", 9),
        ("requests", "main", "backend/pyproject.toml", 10),
        ("pytest", "optional:tests", "backend/pyproject.toml", 14),
        ("httpx", "optional:tests", "backend/pyproject.toml", 14),
    }
    pre_commit = ("pre-commit", "group:dev", "pyproject.toml", 9)
    assert [(d.name, d.group, d.source, d.line) for d in root.dependencies] == [pre_commit]
    assert {(d.name, d.source) for d in backend.dependencies} == {(n, s) for n, _, s, _ in own} | {
        ("pre-commit", "pyproject.toml")
    }
    redis = ("redis", "main", "backend/worker/requirements.txt", 1)
    assert {(d.name, d.group, d.source, d.line) for d in worker.dependencies} == own | {
        pre_commit,
        redis,
    }
    # settings: pytest and mypy from the workspace root, ruff from the nearest file with its own
    tools = {(t.name, t.configured_in, t.config) for t in backend.tools}
    assert tools == {
        ("mypy", "pyproject.toml:17", "pyproject.toml"),
        ("pytest", "pyproject.toml:24", "pyproject.toml"),
        ("ruff", "backend/pyproject.toml:24", "backend/pyproject.toml"),
    }
    assert worker.tools == backend.tools
    assert {t.configured_in for t in root.tools if t.name == "ruff"} == {"pyproject.toml:29"}
    assert backend.pytest is not None and backend.pytest == root.pytest == worker.pytest
    assert (backend.pytest.file, backend.pytest.line, backend.pytest.testpaths) == (
        "pyproject.toml",
        24,
        ("backend/tests",),
    )
    assert (backend.package_dirs, backend.test_dirs) == (("backend/app",), ("backend/tests",))
    # imports against what applies to each file: redis is the worker's, requests (imported by
    # the worker only) is still used under the backend's folder; ip2region is py-ip2region's
    assert [(u.module, u.file, u.line) for u in backend.undeclared] == [
        ("yaml", "backend/app/geo.py", 4)
    ]
    assert worker.undeclared == root.undeclared == ()
    assert backend.unused == worker.unused == root.unused == ()


def _exported(tmp_path: Path, requirements: str) -> codeintel.Project:
    graph = _project(
        tmp_path,
        {
            "requirements.in": "fastapi\n",
            "requirements.txt": requirements,
            "main.py": "import fastapi\nimport anyio\n",
        },
    )
    return graph.project()


@pytest.mark.parametrize(
    "requirements",
    [
        "# This file is autogenerated by pip-compile with Python 3.11\nanyio==4.4.0\n"
        "fastapi==0.115.0\n",
        "anyio==4.4.0 \\\n    --hash=sha256:abc\nfastapi==0.115.0 \\\n    --hash=sha256:def\n",
    ],
)
def test_an_exported_lock_is_not_a_declaration(tmp_path: Path, requirements: str) -> None:
    project = _exported(tmp_path, requirements)
    assert project.locks == ("requirements.txt",)
    assert [(d.name, d.source) for d in project.dependencies] == [("fastapi", "requirements.in")]
    assert [u.module for u in project.undeclared] == ["anyio"]


def test_a_pinned_list_without_hashes_is_a_declaration(tmp_path: Path) -> None:
    project = _exported(tmp_path, "anyio==4.4.0\nfastapi==0.115.0\n")
    assert project.locks == ()
    assert {d.name for d in project.dependencies} == {"anyio", "fastapi"}


def test_workspace_members_follow_uv_globs_and_excludes(tmp_path: Path) -> None:
    graph = _project(
        tmp_path,
        {
            "pyproject.toml": "[tool.uv.workspace]\nmembers = ['packages/*']\n"
            "exclude = ['packages/seeds']\n",
            "packages/api/pyproject.toml": "[project]\nname = 'api'\n",
            "packages/seeds/pyproject.toml": "[project]\nname = 'seeds'\n",
            "packages/api/deep/pyproject.toml": "[project]\nname = 'deep'\n",
        },
    )
    members = {p.folder: p.workspace for p in graph.projects()}
    assert members == {
        "": None,
        "packages/api": "pyproject.toml:1",
        "packages/api/deep": None,
        "packages/seeds": None,
    }
    runners = {p.folder: (p.runner, p.runner_reason) for p in graph.projects()}
    assert runners["packages/api"] == ("uv", "member of the uv workspace at pyproject.toml:1")
    assert runners["packages/seeds"] == ("uv", "[tool.uv] in pyproject.toml")


def test_imports_match_distributions_named_otherwise(tmp_path: Path) -> None:
    """Shapes seen in khoj and fastapi_best_architecture: each was undeclared AND unused."""
    dists = [
        "py-ip2region",
        "python-socketio",
        "opentelemetry-sdk",
        "opentelemetry-instrumentation-fastapi",
        "openai-whisper",
        "django-unfold",
        "django-phonenumber-field",
        "markdown-it-py",
        "google-auth",
        "gitpython",
        "fastapi-users",
    ]
    imports = ["ip2region", "socketio", "opentelemetry.trace", "whisper", "unfold"]
    imports += ["phonenumber_field", "markdown_it", "google.auth", "git", "users"]
    graph = _project(
        tmp_path,
        {
            "requirements.txt": "".join(f"{d}\n" for d in dists),
            "main.py": "".join(f"import {name}\n" for name in imports),
        },
    )
    project = graph.project()
    assert project.undeclared == ()
    # a likely name never stands in for an exact one: fastapi-users is used through "users"
    # here, not through "fastapi", which it would also match if nothing declared fastapi
    assert project.unused == ()
    unused = _project(
        tmp_path / "two",
        {"requirements.txt": "fastapi\nfastapi-users\n", "main.py": "import fastapi\n"},
    )
    assert [d.name for d in unused.project().unused] == ["fastapi-users"]


def test_the_pytest_tool_is_where_pytest_reads_its_settings(tmp_path: Path) -> None:
    graph = _project(
        tmp_path,
        {
            "pyproject.toml": "[tool.pytest.ini_options]\naddopts = '-x'\n",
            "pytest.ini": "[pytest]\naddopts = -q\n",
        },
    )
    project = graph.project()
    assert project.pytest is not None and project.pytest.addopts == ("-q",)
    [tool] = project.tools
    assert (tool.name, tool.configured_in, tool.config) == ("pytest", "pytest.ini:1", "pytest.ini")


def test_an_included_lock_is_not_read_and_continued_lines_are_one_requirement(
    tmp_path: Path,
) -> None:
    """onyx's ``combined.txt`` includes ``-r default.txt``, a hashed export: every line of it
    was a CI110 ("not a valid requirement 'fastapi==0.133.1 \\\\'")."""
    graph = _project(
        tmp_path,
        {
            "requirements/default.txt": "anyio==4.4.0 \\\n    --hash=sha256:abc\n",
            "requirements/combined.txt": (
                "-r default.txt\nfastapi>=0.110 \\\n    ; python_version >= '3.9'\n"
            ),
            "main.py": "import fastapi\n",
        },
    )
    project = graph.project()
    assert [(d.name, d.line) for d in project.dependencies] == [("fastapi", 2)]
    assert project.locks == ("requirements/default.txt",)
    assert not [d for d in graph.diagnostics if d.code == "CI110"]


def test_hatch_environments_declare_dependencies(tmp_path: Path) -> None:
    """``[tool.hatch.envs.*]``: where a hatch project pins its test tools (fief's
    pytest-asyncio, whose release decides how async fixtures run)."""
    graph = _project(
        tmp_path,
        {
            "pyproject.toml": (
                "[project]\nname = 'p'\ndependencies = ['fastapi']\n"
                "[tool.hatch.envs.default]\n"
                "dependencies = ['pytest', 'pytest-asyncio==0.21.1']\n"
                "[tool.hatch.envs.lint]\ndetached = true\n"
                "extra-dependencies = ['ruff>=0.4']\n"
            ),
        },
    )
    deps = {(d.group, d.name, d.specifier, d.line) for d in graph.project().dependencies}
    assert deps == {
        ("main", "fastapi", "", 3),
        ("env:default", "pytest", "", 5),
        ("env:default", "pytest-asyncio", "==0.21.1", 5),
        ("env:lint", "ruff", ">=0.4", 8),
    }


def test_setup_py_install_requires_are_declarations(tmp_path: Path) -> None:
    """setuptools' ``setup(install_requires=..., extras_require=...)`` declares what pip
    installs with the project: literal lists, a module-level name bound to one, a sum of
    them; a list read from a file at run time is passed over (the file is read itself)."""
    graph = _project(
        tmp_path,
        {
            "setup.py": (
                "from setuptools import find_packages, setup\n\n"
                "REQUIRES = [\n    'fastapi==0.95.2',\n    'pydantic<2',\n]\n"
                "TESTS = ['pytest']\n\n"
                "setup(\n    name='app',\n    packages=find_packages(),\n"
                "    install_requires=REQUIRES + ['uvicorn'],\n"
                "    extras_require={'test': TESTS, 'docs': open('docs.txt').readlines()},\n"
                ")\n"
            ),
            "app/__init__.py": "import fastapi\nimport uvicorn\n",
        },
    )
    deps = {(d.group, d.name, d.specifier, d.line) for d in graph.project().dependencies}
    assert deps == {
        ("main", "fastapi", "==0.95.2", 4),
        ("main", "pydantic", "<2", 5),
        ("main", "uvicorn", "", 12),
        ("optional:test", "pytest", "", 7),
    }
    assert not {"fastapi", "uvicorn"} & {u.module for u in graph.project().undeclared}


def test_distributions_providing_modules_of_other_names_declare_them(tmp_path: Path) -> None:
    """``from bson import ObjectId`` comes with pymongo, ``from Crypto.Cipher import AES``
    with pycryptodome, ``import dns.resolver`` with dnspython (produce-exchange-hub listed
    ``bson`` and ``Crypto`` as undeclared, and pycryptodome and dnspython as unused)."""
    graph = _project(
        tmp_path,
        {
            "requirements.txt": "pymongo==4.0.1\npycryptodome==3.14.1\ndnspython==2.2.1\n",
            "main.py": "import pymongo\nfrom bson import ObjectId\nfrom Crypto.Cipher import AES\n"
            "import dns.resolver\n",
        },
    )
    project = graph.project()
    assert (project.undeclared, project.unused) == ((), ())
