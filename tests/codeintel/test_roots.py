from __future__ import annotations

from pathlib import Path

import pytest

import codeintel
from codeintel.facts.project import ImportRoot
from codeintel.pipeline.roots import name_modules
from tests.codeintel.test_routes import runtime_routes


def _names(sources: dict[str, str], configs: dict[str, str] | None = None) -> dict[str, str]:
    encoded = {p: s.encode() for p, s in sources.items()}
    return name_modules(encoded, {p: s.encode() for p, s in (configs or {}).items()}).names


def test_a_folder_without_init_is_named_as_the_code_imports_it() -> None:
    names = _names(
        {
            "registry/api/__init__.py": "",
            "registry/api/routes.py": "",
            "registry/main.py": "from registry.api.routes import router\n",
        }
    )
    assert names["registry/api/routes.py"] == "registry.api.routes"
    assert names["registry/main.py"] == "registry.main"


def test_a_root_folder_that_is_a_package_names_what_its_code_imports() -> None:
    """The project's own folder has an ``__init__.py`` and is served from inside
    (``uvicorn app:app``); ``modules/`` beneath it has none (Dataherald's enterprise service):
    the code imports ``modules.items``, so the root is its folder."""
    names = _names(
        {
            "__init__.py": "",
            "app.py": "from modules.items import controller\n",
            "modules/items/__init__.py": "",
            "modules/items/controller.py": (
                "from modules.items.models import Item\nfrom modules.items.service import f\n"
            ),
            "modules/items/models.py": "class Item: ...\n",
            "modules/items/service.py": "def f(): ...\n",
        }
    )
    assert names["modules/items/controller.py"] == "modules.items.controller"
    assert names["app.py"] == "app"


def test_a_search_path_under_a_root_that_is_a_package_names_what_the_code_imports() -> None:
    """monarch-app's ``backend/``: a stray ``__init__.py`` beside pytest's ``pythonpath =
    [".", "src"]`` over ``src/monarch_py``. A folder the setting puts on ``sys.path`` is on
    it though its parent is a package: the code's ``pkg.api`` is ``src/pkg/api``, not
    ``src.pkg.api`` (every route lost its app)."""
    names = _names(
        {
            "__init__.py": "",
            "src/pkg/__init__.py": "",
            "src/pkg/api/__init__.py": "",
            "src/pkg/api/items.py": "router = None\n",
            "src/pkg/api/main.py": "from pkg.api import items\n",
        },
        {"pyproject.toml": '[tool.pytest.ini_options]\npythonpath = [".", "src"]\n'},
    )
    assert names["src/pkg/api/items.py"] == "pkg.api.items"
    assert names["src/pkg/api/main.py"] == "pkg.api.main"


_BACKEND = {
    "backend/__init__.py": "",
    "backend/app/__init__.py": "",
    "backend/app/routers.py": "router = None\n",
    "backend/app/main.py": "from . import routers\n",
}


@pytest.mark.parametrize(
    ("file", "text", "evidence"),
    [
        ("pytest.ini", "[pytest]\npythonpath = backend\n", "pytest.pythonpath"),
        ("tox.ini", "[tox]\n\n[pytest]\npythonpath = backend\n", "pytest.pythonpath"),
        ("setup.cfg", "[tool:pytest]\npythonpath = backend\n", "tool:pytest.pythonpath"),
        ("pytest.toml", '[pytest]\npythonpath = ["backend"]\n', "pytest.pythonpath"),
        ("pyproject.toml", '[tool.pytest]\npythonpath = ["backend"]\n', "tool.pytest.pythonpath"),
    ],
)
def test_pytests_pythonpath_is_read_from_every_file_pytest_reads(
    file: str, text: str, evidence: str
) -> None:
    """A full-stack repository's ``backend/`` is a package (a stray ``__init__.py``) and
    pytest's ``pythonpath = backend`` puts it on ``sys.path``: its code is ``app.*``, in
    whichever file pytest reads the setting from (only pyproject's ``ini_options`` was read)."""
    naming = name_modules({p: s.encode() for p, s in _BACKEND.items()}, {file: text.encode()})
    assert naming.names["backend/app/routers.py"] == "app.routers"
    line = 2 if file != "tox.ini" else 4
    assert (
        ImportRoot(folder="backend", evidence=evidence, file=file, line=line, modules=3)
        in naming.roots
    )


def test_only_the_file_pytest_takes_in_a_folder_puts_folders_on_the_path() -> None:
    """pytest reads its settings from the first of pytest.ini, pyproject.toml, tox.ini and
    setup.cfg that configures it: a ``pytest.ini`` silences pyproject's ``pythonpath``."""
    configs = {
        "pytest.ini": b"[pytest]\naddopts = -q\n",
        "pyproject.toml": b'[tool.pytest.ini_options]\npythonpath = ["backend"]\n',
    }
    naming = name_modules({p: s.encode() for p, s in _BACKEND.items()}, configs)
    assert naming.names["backend/app/routers.py"] == "backend.app.routers"


def test_without_evidence_the_package_chain_names_the_file() -> None:
    names = _names({"registry/api/__init__.py": "", "registry/api/routes.py": ""})
    assert names["registry/api/routes.py"] == "api.routes"


def test_the_spelling_most_imports_use_wins_and_the_other_is_an_alias() -> None:
    naming = name_modules(
        {
            "src/__init__.py": b"",
            "src/app/__init__.py": b"",
            "src/app/core/config.py": b"X = 1\n",
            "src/app/main.py": b"from app.core.config import X\nimport app.core.config\n",
            "tests/test_main.py": b"from src.app.main import app\n",
        },
        {},
    )
    assert naming.names["src/app/main.py"] == "app.main"
    assert naming.aliases["src.app.main"] == "app.main"
    assert naming.aliases["src.app.core.config"] == "app.core.config"
    assert naming.roots == (
        ImportRoot(folder="", evidence="imports", file="tests/test_main.py", line=1, modules=1),
        ImportRoot(folder="src", evidence="imports", file="src/app/main.py", line=1, modules=3),
    )


def test_packaging_settings_decide_before_imports() -> None:
    sources = {"backend/src/app/__init__.py": "", "backend/src/app/main.py": "import src.app\n"}
    pyproject = '[tool.poetry]\nname = "x"\npackages = [{ include = "app", from = "src" }]\n'
    naming = name_modules(
        {p: s.encode() for p, s in sources.items()}, {"backend/pyproject.toml": pyproject.encode()}
    )
    assert naming.names["backend/src/app/main.py"] == "app.main"
    assert naming.roots == (
        ImportRoot(
            folder="backend/src",
            evidence="tool.poetry.packages",
            file="backend/pyproject.toml",
            line=3,
            modules=2,
        ),
    )


def test_every_setting_that_names_roots_is_read() -> None:
    settings = {
        '[tool.setuptools]\npackage-dir = {"" = "lib"}\n': "lib",
        '[tool.setuptools.packages.find]\nwhere = ["lib"]\n': "lib",
        '[tool.hatch.build.targets.wheel]\npackages = ["lib/pkg"]\n': "lib",
        '[tool.hatch.build.targets.wheel]\nsources = ["lib"]\n': "lib",
        '[tool.hatch.build.sources]\n"lib" = ""\n': "lib",
        '[tool.pdm.build]\npackage-dir = "lib"\n': "lib",
        '[tool.pytest.ini_options]\npythonpath = ["lib"]\n': "lib",
        '[tool.mypy]\nmypy_path = "lib"\n': "lib",
        '[tool.mypy]\nmypy_path = "../../elsewhere"\n': None,
    }
    for text, folder in settings.items():
        naming = name_modules({"lib/pkg/mod.py": b""}, {"pyproject.toml": text.encode()})
        assert [r.folder for r in naming.roots] == ([folder] if folder else []), text


def test_setuptools_find_takes_only_the_packages_it_includes() -> None:
    """crawl4ai: ``packages = {find = {where = ["."], include = ["crawl4ai*"]}}`` roots its
    own package at the top, not the loose modules of its ``deploy/docker/`` server, which
    import each other from their own folder."""
    config = '[tool.setuptools]\npackages = {find = {where = ["."], include = ["crawl4ai*"]}}\n'
    sources = {"crawl4ai/__init__.py": "", "crawl4ai/models.py": ""}
    sources["deploy/docker/server.py"] = "from monitor.routes import router\n"
    sources["deploy/docker/monitor/routes.py"] = ""
    names = _names(sources, {"pyproject.toml": config})
    assert names["crawl4ai/models.py"] == "crawl4ai.models"
    assert names["deploy/docker/monitor/routes.py"] == "monitor.routes"
    assert names["deploy/docker/server.py"] == "server"


def test_a_setting_whose_root_the_code_s_relative_imports_contradict_is_not_used() -> None:
    """Kokoro-FastAPI: ``package-dir = {"" = "api/src"}``, but ``api/src/main.py`` imports
    ``from .routers.debug import router`` (a top-level module cannot) and is served as
    ``api.src.main``; the tests import ``api.src.main`` too."""
    config = '[tool.setuptools]\npackage-dir = { "" = "api/src" }\n'
    sources = {"api/__init__.py": "", "api/src/routers/__init__.py": ""}
    sources["api/src/main.py"] = "from .routers.debug import router\n"
    sources["api/src/routers/debug.py"] = ""
    sources["api/tests/test_main.py"] = "from api.src.main import app\n"
    names = _names(sources, {"pyproject.toml": config})
    assert names["api/src/main.py"] == "api.src.main"
    assert names["api/src/routers/debug.py"] == "api.src.routers.debug"


def test_names_that_would_collide_fall_back_to_the_whole_path() -> None:
    names = _names(
        {
            "one/app/main.py": "",
            "two/app/main.py": "",
            "one/run.py": "import app.main\n",
            "two/run.py": "import app.main\n",
        }
    )
    assert names["one/app/main.py"] == "one.app.main"
    assert names["two/app/main.py"] == "two.app.main"


def test_a_src_package_served_from_inside_src(fixtures: Path) -> None:
    project = fixtures / "import_roots"
    graph = codeintel.analyze(project)
    served = {(r.method, r.path, r.endpoint) for r in graph.routes() if r.app == "app.main.app"}
    assert served == runtime_routes(project / "src", "app.main:app")
    test_imports = set(graph.graph.successors("module:test_items"))
    assert "module:app.main" in test_imports
    assert [(r.folder, r.evidence) for r in graph.import_roots()] == [
        ("", "imports"),
        ("src", "imports"),
    ]


def test_a_service_served_from_inside_its_folder_imports_its_siblings(fixtures: Path) -> None:
    """``cd server && uvicorn main:app``: the entry module's folder is on ``sys.path``, so
    ``from routers import users`` names ``server/routers/users.py`` even without an
    ``__init__.py`` in ``routers/`` (mem0's server)."""
    project = fixtures / "flat_service"
    graph = codeintel.analyze(project)
    served = {(r.method, r.path, r.endpoint) for r in graph.routes() if r.app == "main.app"}
    assert served == runtime_routes(project / "server", "main:app")
    assert [(r.folder, r.evidence) for r in graph.import_roots()] == [("server", "imports")]


def test_an_entry_module_sharing_its_file_name_is_named_from_its_folder() -> None:
    """``cd server && uvicorn main:app`` beside a ``db/main.py``: both files were ``main``
    by their stems, so both fell back to their paths, and the entry module, which nothing
    imports, stayed ``server.main`` (its app and handlers misnamed, silently)."""
    naming = name_modules(
        {
            "server/main.py": b"from routers import items\nfrom db.main import get_session\n",
            "server/routers/items.py": b"",
            "server/db/main.py": b"",
        },
        {},
    )
    assert naming.names == {
        "server/main.py": "main",
        "server/routers/items.py": "routers.items",
        "server/db/main.py": "db.main",
    }
    assert [(r.folder, r.file, r.line) for r in naming.roots] == [("server", "server/main.py", 1)]


@pytest.mark.slow
def test_a_stray_init_in_the_folder_served_from_names_its_modules_from_it(
    tmp_path: Path,
) -> None:
    """``cd src && uvicorn main:app`` over a ``src/__init__.py`` nothing imports ``src`` by:
    the code imports ``auth.routes`` and ``config`` from inside ``src``, so its own files are
    ``main`` and ``config`` too. They were ``src.main`` and ``src.config``, so ``from config
    import PREFIX`` named nothing and every path was ``<?PREFIX>/...``, a CI201 each."""
    files = {
        "src/__init__.py": "",
        "src/config.py": "PREFIX = '/api/v1'\n",
        "src/auth/routes.py": (
            "from fastapi import APIRouter\n\nauth_router = APIRouter()\n\n"
            "@auth_router.post('/login')\ndef login() -> None: ...\n"
        ),
        "src/main.py": (
            "from fastapi import FastAPI\n\nfrom auth.routes import auth_router\n"
            "from config import PREFIX\n\napp = FastAPI()\n"
            "app.include_router(auth_router, prefix=f'{PREFIX}/auth')\n"
        ),
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    graph = codeintel.analyze(tmp_path, cache=False)
    served = {(r.method, r.path, r.endpoint) for r in graph.routes() if r.app == "main.app"}
    assert served == {("POST", "/api/v1/auth/login", "auth.routes.login")}
    assert served == runtime_routes(tmp_path / "src", "main:app")
    assert not graph.diagnostics


def test_a_package_folder_served_from_keeps_its_own_init_named_from_above() -> None:
    """``svc/src/__init__.py`` over ``svc/src/main.py`` importing ``auth.routes`` from
    inside: the entry is ``main``, and the package's own ``__init__`` keeps its chain's name
    ``src`` (it is named from above its folder, never from it: agenta's example evaluators
    became ``examples.python.evaluators`` when it was)."""
    naming = name_modules(
        {
            "svc/src/__init__.py": b"",
            "svc/src/main.py": b"from auth.routes import router\n",
            "svc/src/auth/routes.py": b"router = None\n",
        },
        {},
    )
    assert naming.names == {
        "svc/src/__init__.py": "src",
        "svc/src/main.py": "main",
        "svc/src/auth/routes.py": "auth.routes",
    }


def test_a_sibling_module_named_like_a_dependency_takes_nothing() -> None:
    """A folder beside the entry module is importable from it; a module beside it named
    like a library proves nothing (``import redis`` is the library wherever it runs from)."""
    naming = name_modules(
        {
            "server/main.py": b"import redis\nfrom routers import users\n",
            "server/redis.py": b"",
            "server/routers/users.py": b"",
        },
        {},
    )
    assert naming.names["server/routers/users.py"] == "routers.users"
    assert [(r.folder, r.modules) for r in naming.roots] == [("server", 1)]
    alone = name_modules({"server/main.py": b"import redis\n", "server/redis.py": b""}, {})
    assert alone.roots == ()


def test_a_module_named_like_a_dependency_inside_a_package_never_takes_its_imports() -> None:
    naming = name_modules(
        {
            "app/__init__.py": b"",
            "app/core/__init__.py": b"",
            "app/core/jwt.py": b"import jwt\n",
            "app/obs/__init__.py": b"from fastapi import FastAPI\n",
            "app/obs/fastapi.py": b"from fastapi import Request\n",
            "app/main.py": b"import jwt\nfrom fastapi import APIRouter\nimport app.core.jwt\n",
        },
        {},
    )
    assert naming.names["app/core/jwt.py"] == "app.core.jwt"
    assert "jwt" not in naming.aliases
    assert "fastapi" not in naming.aliases


def test_a_bare_folder_named_like_a_dependency_takes_nothing() -> None:
    naming = name_modules(
        {
            "cypress/e2e/plotly/main.py": b"",
            "lib/element.py": b"from plotly import graph_objects\n",
        },
        {},
    )
    assert naming.names["cypress/e2e/plotly/main.py"] == "main"
    assert "plotly" not in naming.aliases


def test_a_spelling_two_services_share_means_each_one_only_inside_its_service() -> None:
    sources = {
        f"services/{s}/app/{f}": b"from app.core.config import NAME\n" if f == "main.py" else b""
        for s in ("users", "orders")
        for f in ("__init__.py", "main.py", "core/__init__.py", "core/config.py")
    }
    naming = name_modules(sources, {})
    assert naming.names["services/users/app/main.py"] == "services.users.app.main"
    assert "app.core.config" not in naming.aliases
    assert naming.scoped["services/users"]["app.core.config"] == "services.users.app.core.config"
    assert naming.scoped["services/orders"]["app.core.config"] == "services.orders.app.core.config"


def test_a_tests_helper_module_keeps_its_own_spelling() -> None:
    naming = name_modules(
        {
            "app/__init__.py": b"",
            "app/utils/__init__.py": b"",
            "tests/utils.py": b"",
            "tests/test_users.py": b"from utils import make_user\n",
        },
        {},
    )
    assert naming.aliases["utils"] == naming.names["tests/utils.py"] == "utils"


def test_a_sub_project_s_own_settings_speak_for_its_files() -> None:
    root = '[tool.poetry]\npackages = [{ include = "cli" }]\n'
    backend = '[tool.pytest.ini_options]\npythonpath = ["."]\n'
    naming = name_modules(
        {"cli/__init__.py": b"", "backend/app/main.py": b"", "backend/tests/test_main.py": b""},
        {"pyproject.toml": root.encode(), "backend/pyproject.toml": backend.encode()},
    )
    assert naming.names["backend/app/main.py"] == "app.main"
    assert naming.names["backend/tests/test_main.py"] == "tests.test_main"
    assert naming.names["cli/__init__.py"] == "cli"


def test_settings_are_split_as_their_tools_split_them() -> None:
    settings = {
        '[tool.pytest.ini_options]\npythonpath = "backend tests"\n': ["backend", "tests"],
        '[tool.mypy]\nmypy_path = "stubs:backend"\n': ["backend", "stubs"],
        '[tool.mypy]\nmypy_path = "$MYPY_CONFIG_FILE_DIR/backend"\n': ["backend"],
    }
    files = {"backend/app/main.py": b"", "stubs/x.py": b"", "tests/t.py": b""}
    for text, folders in settings.items():
        naming = name_modules(files, {"pyproject.toml": text.encode()})
        assert sorted(r.folder for r in naming.roots) == folders, text
        assert naming.names["backend/app/main.py"] == "app.main"


def test_evidence_lines_point_at_the_setting_even_in_an_inline_table() -> None:
    text = '[project]\nname = "x"\n\n[tool.setuptools]\npackages = { find = { where = ["src"] } }\n'
    naming = name_modules({"src/pkg/mod.py": b""}, {"pyproject.toml": text.encode()})
    assert [(r.folder, r.line) for r in naming.roots] == [("src", 5)]


def test_a_subpackage_named_like_a_dependency_is_no_root() -> None:
    """zenml's ``zenml/deployers/server/fastapi/`` imports the real ``fastapi``: taking the
    folder above it for a root made ``fastapi`` the project's, and no app was found at all."""
    sources = {
        "pkg/__init__.py": b"",
        "pkg/main.py": b"from fastapi import FastAPI\n",
        "pkg/sub/__init__.py": b"",
        "pkg/sub/fastapi/__init__.py": b"",
        "pkg/sub/fastapi/adapters.py": b"from fastapi import APIRouter\n",
    }
    naming = name_modules(sources, {})
    assert naming.roots == ()
    assert "fastapi" not in naming.aliases
    assert naming.names["pkg/sub/fastapi/adapters.py"] == "pkg.sub.fastapi.adapters"


def test_a_subpackage_named_like_a_dependency_is_no_root_for_it() -> None:
    """phoenix's client package holds a ``pytest/`` plugin package whose module imports
    pytest; the suite imports pytest too, from outside the project: the name is pytest's."""
    base = "packages/client/src/phoenix/client"
    naming = name_modules(
        {
            f"{base}/__init__.py": b"",
            f"{base}/pytest/__init__.py": b"",
            f"{base}/pytest/plugin.py": b"import pytest\n",
            "tests/conftest.py": b"import pytest\n",
        },
        {},
    )
    assert "pytest" not in naming.aliases


def test_a_subpackage_named_like_a_library_is_not_that_library_to_its_own_code() -> None:
    """NAT's ``nat/front_ends/fastapi/`` package: its modules' ``from fastapi import FastAPI``
    is the library (the package binds no ``FastAPI``), so the package's parent is no root."""
    names = _names(
        {
            "pkg/__init__.py": "",
            "pkg/fastapi/__init__.py": "# the FastAPI front end\n",
            "pkg/fastapi/server.py": "from fastapi import FastAPI\napp = FastAPI()\n",
        }
    )
    assert names["pkg/fastapi/server.py"] == "pkg.fastapi.server"


def test_a_setting_root_the_code_imports_as_a_package_gives_way() -> None:
    """menu-planning: ``pythonpath = ["src"]`` for pytest over ``src/__init__.py``, and the
    code imports ``from src.api ...``: served as ``src.main``. Where the code imports from
    inside the folder, the setting holds."""
    sources = {
        "src/__init__.py": "",
        "src/api/__init__.py": "",
        "src/api/routes.py": "",
        "src/main.py": "from src.api.routes import router\n",
        "tests/test_items.py": "from src.main import app\n",
    }
    config = {"pyproject.toml": '[tool.pytest.ini_options]\npythonpath = ["src"]\n'}
    names = _names(sources, config)
    assert (names["src/main.py"], names["src/api/routes.py"]) == ("src.main", "src.api.routes")
    inside = {**sources, "src/main.py": "from api.routes import router\n"}
    inside["tests/test_items.py"] = "from main import app\n"
    names = _names(inside, config)
    assert (names["src/main.py"], names["src/api/routes.py"]) == ("main", "api.routes")


def test_a_search_path_setting_gives_way_to_where_the_code_imports_from() -> None:
    """mavedb: poetry finds ``src/mavedb`` itself, pytest's ``pythonpath = "."`` only adds
    the project's folder, and the code imports ``mavedb...``: served as ``mavedb.*``."""
    sources = {
        "src/pkg/__init__.py": "",
        "src/pkg/routers/__init__.py": "",
        "src/pkg/routers/items.py": "",
        "src/pkg/main.py": "from pkg.routers import items\n",
        "tests/test_items.py": "from pkg.main import app\n",
    }
    for setting in ('"."', '["src", "."]'):
        config = {"pyproject.toml": f"[tool.pytest.ini_options]\npythonpath = {setting}\n"}
        names = _names(sources, config)
        assert names["src/pkg/routers/items.py"] == "pkg.routers.items", setting


def test_the_apps_own_imports_decide_over_its_tests_spelling() -> None:
    """``pythonpath = ["src"]`` over ``src/__init__.py``: the app's code imports ``app.*``
    from inside, its tests spell ``src.app.*``; the modules FastAPI serves are ``app.*``."""
    sources = {
        "src/__init__.py": "",
        "src/app/__init__.py": "",
        "src/app/routers.py": "",
        "src/app/main.py": "from app.routers import router\nfrom app import routers\n",
        "tests/test_a.py": "from src.app.main import app\nfrom src.app.routers import r\n",
        "tests/test_b.py": "from src.app.main import app\nfrom src.app.routers import r\n",
    }
    config = {"pyproject.toml": '[tool.pytest.ini_options]\npythonpath = ["src"]\n'}
    assert _names(sources, config)["src/app/routers.py"] == "app.routers"


def test_a_folder_served_as_the_working_directory_under_a_stray_package() -> None:
    """MACA's backend: ``cd src/backend && uvicorn app:app``, ``app.py`` importing
    ``api.router``, with stray ``__init__.py`` files in ``src/`` and ``src/backend/`` and
    tests spelling ``backend.api.router``. Only ``src/backend`` serves ``api.router``, so it
    is on ``sys.path``; the app's own spelling wins over its tests' (15 of 16 routes had
    lost their app)."""
    naming = name_modules(
        {
            "src/__init__.py": b"",
            "src/backend/__init__.py": b"",
            "src/backend/app.py": b"from api.router import app_router\n",
            "src/backend/api/__init__.py": b"",
            "src/backend/api/router.py": b"app_router = None\n",
            "src/tests/backend/test_router.py": b"from backend.api.router import app_router\n",
        },
        {"pyproject.toml": b'[tool.pytest.ini_options]\npythonpath = ["src"]\n'},
    )
    assert naming.names["src/backend/api/router.py"] == "api.router"
    assert naming.aliases["backend.api.router"] == "api.router"


def test_a_package_served_from_inside_whose_code_imports_its_siblings_by_bare_name() -> None:
    """monta-gpt's backend: ``WORKDIR /app``, ``uvicorn main:app`` over a stray
    ``app/__init__.py``, ``from database import get_db`` and ``from api import router``: the
    sibling names what is imported, so the folder is on ``sys.path`` (the handlers were
    ``app.*`` and 7 of 8 routes lost their app). Not where the sibling names nothing imported
    (``from celery import shared_task`` beside a ``celery.py``: the library), nor from the
    module's own name (``celery.py``'s ``from celery import Celery``), nor from a test."""
    names = _names(
        {
            "backend/app/__init__.py": "",
            "backend/app/main.py": "from api import router\nfrom database import get_db\n",
            "backend/app/database.py": "def get_db(): ...\n",
            "backend/app/api/__init__.py": "router = None\n",
            "proj/__init__.py": "from .celery import app\n",
            "proj/celery.py": "from celery import Celery\napp = Celery()\n",
            "proj/tasks.py": "from celery import shared_task\n",
            "tests/__init__.py": "",
            "tests/helpers.py": "def check(): ...\n",
            "tests/test_x.py": "from helpers import check\n",
        }
    )
    assert names["backend/app/database.py"] == "database"
    assert names["backend/app/api/__init__.py"] == "api"
    assert names["backend/app/main.py"] == "main"
    assert names["proj/celery.py"] == "proj.celery"
    assert names["proj/tasks.py"] == "proj.tasks"
    assert names["tests/helpers.py"] == "tests.helpers"


@pytest.mark.slow
def test_a_package_served_from_inside_routes_as_fastapi_serves_them(tmp_path: Path) -> None:
    app = tmp_path / "backend/app"
    (app / "api").mkdir(parents=True)
    (app / "__init__.py").write_text("")
    (app / "database.py").write_text("def get_db():\n    yield 1\n")
    (app / "api/__init__.py").write_text(
        "from fastapi import APIRouter, Depends\nfrom database import get_db\n\n"
        "router = APIRouter()\n\n\n@router.get('/y')\ndef y(db=Depends(get_db)):\n    return 2\n"
    )
    (app / "main.py").write_text(
        "from fastapi import FastAPI\nfrom api import router\n\n"
        "app = FastAPI()\napp.include_router(router, prefix='/r')\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False, workers=1)
    served = {(r.method, r.path, r.endpoint) for r in graph.routes() if r.app == "main.app"}
    assert served == runtime_routes(app, "main:app")
    assert [r.all_dependencies for r in graph.routes()] == [("database.get_db",)]


def test_a_package_served_from_inside_whose_code_imports_its_siblings_as_modules() -> None:
    """``cd app && uvicorn main:app`` over a stray ``app/__init__.py``, its ``main.py``
    saying ``import users, crud as c`` and reading ``users.router``, ``c.get``: each is
    evidence as ``from users import router`` is, where the module beside it binds what the
    code reads off it. Not ``import jwt`` beside a ``jwt.py`` that binds nothing read
    (``jwt.encode``: the library), nor a module's own name, nor a test's import."""
    names = _names(
        {
            "app/__init__.py": "",
            "app/main.py": "import users, crud as c\napp = make(users.router, c.get)\n",
            "app/users.py": "router = None\n",
            "app/crud.py": "def get(): ...\n",
            "svc/__init__.py": "",
            "svc/main.py": "import jwt\ntoken = jwt.encode({})\n",
            "svc/jwt.py": "def make_token(): ...\n",
            "tests/__init__.py": "",
            "tests/helpers.py": "def check(): ...\n",
            "tests/test_x.py": "import helpers\nhelpers.check()\n",
        }
    )
    assert names["app/users.py"] == "users"
    assert names["app/crud.py"] == "crud"
    assert names["app/main.py"] == "main"
    assert names["svc/jwt.py"] == "svc.jwt"
    assert names["svc/main.py"] == "svc.main"
    assert names["tests/helpers.py"] == "tests.helpers"


@pytest.mark.slow
def test_a_package_importing_its_siblings_as_modules_routes_as_fastapi_serves_them(
    tmp_path: Path,
) -> None:
    app = tmp_path / "app"
    app.mkdir()
    (app / "__init__.py").write_text("")
    (app / "users.py").write_text(
        "from fastapi import APIRouter\n\nrouter = APIRouter()\n\n\n"
        "@router.get('/users')\ndef list_users():\n    return []\n"
    )
    (app / "main.py").write_text(
        "from fastapi import FastAPI\nimport users\n\n"
        "app = FastAPI()\napp.include_router(users.router, prefix='/api')\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False, workers=1)
    served = {(r.method, r.path, r.endpoint) for r in graph.routes() if r.app == "main.app"}
    assert served == runtime_routes(app, "main:app") == {("GET", "/api/users", "users.list_users")}


def test_a_module_climbing_above_its_packages_is_a_namespace_package_s() -> None:
    """FrontDrago: ``src/app/`` has no ``__init__.py``, ``main.py`` says ``from .domain
    import routers``, ``cd src && uvicorn app.main:app``. Named ``main`` (or by its whole
    path, beside a second ``main.py``), its relative import has no parent package: it is
    ``app.main``, and the modules named from ``src/app`` are ``app.*`` with it. Not through
    a folder no package can be named (``app-flask``), nor above the project, nor a test."""
    names = _names(
        {
            "src/app/main.py": "from .domain import routers\n",
            "src/app/domain/__init__.py": "from .accounts.api import router\nrouters = [router]\n",
            "src/app/domain/accounts/api.py": "from .deps import get_uc\n",
            "src/app/domain/accounts/deps.py": "def get_uc(): ...\n",
            "src/app/settings.py": "DEBUG = False\n",
            "flask/app-flask/main.py": "from .domain import routers\n",
            "flask/app-flask/domain/__init__.py": "routers = []\n",
            "top.py": "from . import other\n",
            "demo/patterns/three.py": "from ..reddit import Client\n",
            "demo/reddit.py": "class Client: ...\n",
            "demo/with_di.py": "from reddit import Client\n",
            "tests/test_x.py": "from .helpers import check\n",
            "tests/helpers.py": "def check(): ...\n",
        }
    )
    assert names["src/app/main.py"] == "app.main"
    assert names["src/app/domain/__init__.py"] == "app.domain"
    assert names["src/app/domain/accounts/api.py"] == "app.domain.accounts.api"
    assert names["src/app/settings.py"] == "app.settings"
    assert names["flask/app-flask/main.py"] == "flask.app-flask.main"  # its path, as before
    assert names["flask/app-flask/domain/__init__.py"] == "flask.app-flask.domain"
    assert names["top.py"] == "top"
    # a script beside it imports ``reddit`` by that name: it keeps it
    assert names["demo/patterns/three.py"] == "demo.patterns.three"
    assert names["demo/reddit.py"] == "reddit"
    assert names["tests/test_x.py"] == "test_x"


@pytest.mark.slow
def test_a_namespace_package_s_modules_route_as_fastapi_serves_them(tmp_path: Path) -> None:
    src = tmp_path / "src"
    (src / "app/domain").mkdir(parents=True)
    (src / "app/domain/__init__.py").write_text(
        "from fastapi import APIRouter\n\nrouter = APIRouter(prefix='/accounts')\n\n\n"
        "@router.get('/')\ndef accounts():\n    return []\n\n\nrouters = [router]\n"
    )
    (src / "app/main.py").write_text(
        "from fastapi import FastAPI\nfrom .domain import routers\n\napp = FastAPI()\n"
        "for router in routers:\n    app.include_router(router)\n"
    )
    (tmp_path / "other").mkdir()
    (tmp_path / "other/main.py").write_text("")  # a second ``main`` by its stem
    graph = codeintel.analyze(tmp_path, cache=False, workers=1)
    served = {(r.method, r.path, r.endpoint) for r in graph.routes() if r.app == "app.main.app"}
    assert (
        served
        == runtime_routes(src, "app.main:app")
        == {("GET", "/accounts/", "app.domain.accounts")}
    )
    assert [(r.folder, r.evidence, r.file) for r in graph.import_roots()] == [
        ("src", "relative imports", "src/app/main.py")
    ]


def test_tests_outside_a_stray_package_import_its_submodules_as_the_code_does() -> None:
    """``tests/conftest.py`` puts ``src`` on ``sys.path`` (``sys.path.insert``) over a stray
    ``src/__init__.py``: the tests' ``from myapp.main import app`` names a module ``src``
    holds, so it is no vote for a library of that name against the app's own spelling."""
    names = _names(
        {
            "src/__init__.py": "",
            "src/myapp/__init__.py": "",
            "src/myapp/main.py": "from myapp.routers import items\n",
            "src/myapp/routers/__init__.py": "",
            "src/myapp/routers/items.py": "router = None\n",
            "tests/conftest.py": "import sys\n",
            "tests/test_items.py": "from myapp.main import app\n",
            "tests/test_more.py": "from myapp.main import app\n",
        }
    )
    assert names["src/myapp/routers/items.py"] == "myapp.routers.items"


def test_a_package_built_from_src_whose_code_runs_with_src_on_the_path() -> None:
    """arthur-engine: ``src/__init__.py``, hatch's ``packages = ["src"]``, and pytest's and
    mypy's path ``src``; served as ``PYTHONPATH=src gunicorn src.server:get_app``, its
    modules importing each other by their bare names. The code's own spelling names them
    (``routers.items``), as the search path allows; what is imported as ``src.server`` stays
    so (every endpoint was ``src.*``, and unresolved imports lost the routes)."""
    pyproject = (
        '[tool.hatch.build.targets.wheel]\npackages = ["src"]\n\n'
        '[tool.pytest.ini_options]\npythonpath = ["src"]\n\n[tool.mypy]\nmypy_path = "src"\n'
    )
    naming = name_modules(
        {
            "src/__init__.py": b"",
            "src/server.py": b"from routers.items import router\n",
            "src/routers/__init__.py": b"",
            "src/routers/items.py": b"from schemas.item import Item\n\nrouter = None\n",
            "src/schemas/__init__.py": b"",
            "src/schemas/item.py": b"class Item: ...\n",
            "tests/test_item.py": b"from src.server import get_app\n",
        },
        {"pyproject.toml": pyproject.encode()},
    )
    assert naming.names["src/routers/items.py"] == "routers.items"
    assert naming.names["src/schemas/item.py"] == "schemas.item"
    assert naming.names["src/server.py"] == "src.server"


def test_a_package_the_code_nearly_always_imports_another_way_is_named_that_way() -> None:
    """``packages = ["src/app"]`` while every module imports ``src.app.*`` (served as
    ``src.app.main:app``): the code's spelling, not the wheel's; one stray import of the
    wheel's spelling changes nothing."""
    sources = {
        "src/__init__.py": "",
        "src/app/__init__.py": "",
        "src/app/main.py": "from src.app.api import users\nfrom src.app.core import db\n",
        "src/app/api/__init__.py": "",
        "src/app/api/users.py": "from src.app.core import db\nimport app.core\n",
        "src/app/core/__init__.py": "",
        "src/app/core/db.py": "from src.app.core import settings\n",
        "src/app/core/settings.py": "",
        "src/app/worker.py": "from src.app.core import db\nfrom src.app.api import users\n",
    }
    pyproject = '[tool.hatch.build.targets.wheel]\npackages = ["src/app"]\n'
    naming = name_modules(
        {p: s.encode() for p, s in sources.items()}, {"pyproject.toml": pyproject.encode()}
    )
    assert naming.names["src/app/main.py"] == "src.app.main"


def test_setuptools_find_where_names_the_packages_it_finds_whatever_package_dir_says() -> None:
    """setuptools maps what ``packages.find`` finds under ``where`` to that folder, even
    beside ``package-dir = {"" = "."}`` (the wheel holds ``pkg/main.py``)."""
    pyproject = (
        '[tool.setuptools.packages.find]\nwhere = ["src"]\n\n'
        '[tool.setuptools.package-dir]\n"" = "."\n'
    )
    naming = name_modules(
        {"src/pkg/__init__.py": b"", "src/pkg/main.py": b""}, {"pyproject.toml": pyproject.encode()}
    )
    assert naming.names["src/pkg/main.py"] == "pkg.main"


@pytest.mark.slow
def test_a_project_folder_its_code_imports_by_its_own_name_is_named_from_above(
    tmp_path: Path,
) -> None:
    """``backend/`` analysed itself, holding an ``__init__.py``, its code importing
    ``backend.routers``: Python runs it from the folder above, so each module's name starts
    with ``backend``. We named ``routers.items`` by its path and reached no router."""
    project = tmp_path / "backend"
    (project / "routers").mkdir(parents=True)
    (project / "__init__.py").write_text("")
    (project / "routers" / "__init__.py").write_text("")
    (project / "routers" / "items.py").write_text(
        "from fastapi import APIRouter\n\nrouter = APIRouter(prefix='/items')\n\n"
        "@router.get('/')\ndef list_items(): ...\n"
    )
    (project / "main.py").write_text(
        "from fastapi import FastAPI\n\nfrom backend.routers import items\n\n"
        "app = FastAPI()\napp.include_router(items.router)\n"
    )
    graph = codeintel.analyze(project, cache=False)
    served = {(r.method, r.path, r.endpoint) for r in graph.routes()}
    assert served == {("GET", "/items/", "backend.routers.items.list_items")}
    assert served == runtime_routes(tmp_path, "backend.main:app")
    assert not graph.diagnostics
    assert [(r.folder, r.file, r.evidence) for r in graph.import_roots()] == [
        ("..", "main.py", "imports")
    ]


def test_a_service_s_pytest_path_is_no_root_for_its_sibling_services() -> None:
    """Services that each hold a ``src`` package, served from their own folders (``cd
    backend/goods && uvicorn main:create_app``), one with a ``pytest.ini`` setting
    ``pythonpath = .``: that setting is read only by pytest runs of its own service. Its
    folder took the votes of every service's ``from src.routes import router``, so the
    sibling's routes reached the first service's app, and its own app none."""
    naming = name_modules(
        {
            "svc/__init__.py": b"",
            "svc/a/__init__.py": b"",
            "svc/a/main.py": b"from src.routes import router\n",
            "svc/a/src/__init__.py": b"",
            "svc/a/src/routes.py": b"router = None\n",
            "svc/b/__init__.py": b"",
            "svc/b/main.py": b"from src.routes import router\n",
            "svc/b/src/__init__.py": b"",
            "svc/b/src/routes.py": b"router = None\n",
        },
        {"svc/a/pytest.ini": b"[pytest]\npythonpath = .\n"},
    )
    assert naming.scoped["svc/a"]["src.routes"] == naming.names["svc/a/src/routes.py"]
    assert naming.scoped["svc/b"]["src.routes"] == naming.names["svc/b/src/routes.py"]
    assert naming.names["svc/b/src/routes.py"] == "svc.b.src.routes"


def test_hatch_sources_rewrite_the_folders_the_wheel_is_built_from() -> None:
    """hatch ships each file with the first of its ``sources`` prefixes rewritten: with
    ``packages = ["src"]`` and ``sources = {"src" = ""}``, ``src/api/routes.py`` is
    ``api.routes`` (installed, editable or not; ``uvicorn main:app`` serves ``main.app``).
    The sources were unread, so every module was ``src.*``, every endpoint misnamed."""
    sources = {
        "src/main.py": "from api.routes import router\n",
        "src/api/__init__.py": "",
        "src/api/routes.py": "from core.config import PREFIX\n",
        "src/core/__init__.py": "",
        "src/core/config.py": "PREFIX = '/api'\n",
    }
    pyproject = (
        '[tool.hatch.build.targets.wheel]\npackages = ["src"]\n\n'
        '[tool.hatch.build.targets.wheel.sources]\n"src" = ""\n'
    )
    naming = name_modules(
        {p: s.encode() for p, s in sources.items()}, {"pyproject.toml": pyproject.encode()}
    )
    assert naming.names["src/main.py"] == "main"
    assert naming.names["src/api/routes.py"] == "api.routes"
    assert [(r.folder, r.evidence, r.line) for r in naming.roots] == [
        ("src", "tool.hatch.build.targets.wheel.sources", 4)
    ]


@pytest.mark.parametrize(
    ("settings", "names"),
    [
        # the array form removes each prefix; the build-wide table serves every target
        ('[tool.hatch.build]\nsources = ["src"]\n', {"src/pkg/mod.py": "pkg.mod"}),
        # a package's own folder mapped to its name: its parent is the root
        (
            '[tool.hatch.build.targets.wheel]\npackages = ["src/pkg"]\n\n'
            '[tool.hatch.build.targets.wheel.sources]\n"src/pkg" = "pkg"\n',
            {"src/pkg/mod.py": "pkg.mod"},
        ),
        # sorted prefixes, the first that matches wins: ``src/`` before ``src/apps/``
        (
            '[tool.hatch.build.targets.wheel]\nsources = ["src/apps", "src"]\n',
            {"src/apps/inv/mod.py": "apps.inv.mod"},
        ),
        # a rename names no folder: the package chain stays
        (
            '[tool.hatch.build.targets.wheel.sources]\n"lib" = "renamed"\n',
            {"lib/pkg/mod.py": "pkg.mod"},
        ),
    ],
)
def test_hatch_sources_are_read_as_hatch_reads_them(settings: str, names: dict[str, str]) -> None:
    files = {path: b"" for path in names}
    files |= {f"{path.rpartition('/')[0]}/__init__.py": b"" for path in names}
    naming = name_modules(files, {"pyproject.toml": settings.encode()})
    assert {p: naming.names[p] for p in names} == names


def test_a_wheel_package_nothing_imports_by_its_name_runs_from_inside() -> None:
    """poetry's ``packages = [{include = "src"}]`` over ``src/__init__.py``, served as ``cd
    src && uvicorn main:app``, every import bare (``from config import PREFIX``): no code
    imports ``src``, so the wheel's package is not how it runs; its modules are named from
    inside (they were ``src.*``: every endpoint and the app misnamed). The package's own
    ``__init__`` keeps its name."""
    pyproject = '[tool.poetry]\nname = "x"\npackages = [{include = "src"}]\n'
    sources = {
        "src/__init__.py": "",
        "src/config.py": "PREFIX = '/api'\n",
        "src/main.py": "from routers.users import router\n",
        "src/routers/__init__.py": "",
        "src/routers/users.py": "from config import PREFIX\n\nrouter = None\n",
    }
    names = _names(sources, {"pyproject.toml": pyproject})
    assert names == {
        "src/__init__.py": "src",
        "src/config.py": "config",
        "src/main.py": "main",
        "src/routers/__init__.py": "routers",
        "src/routers/users.py": "routers.users",
    }


def test_a_wheel_package_its_code_imports_by_its_name_keeps_it() -> None:
    """The same setting where the code imports ``src.config`` once: the package is imported
    by the wheel's name, which stands for every module (the code's bare spelling elsewhere
    is no majority: two against one)."""
    pyproject = '[tool.poetry]\nname = "x"\npackages = [{include = "src"}]\n'
    sources = {
        "src/__init__.py": "",
        "src/config.py": "PREFIX = '/api'\n",
        "src/main.py": "from routers.users import router\nfrom src.config import PREFIX\n",
        "src/routers/__init__.py": "",
        "src/routers/users.py": "from config import PREFIX\n\nrouter = None\n",
    }
    names = _names(sources, {"pyproject.toml": pyproject})
    assert names["src/main.py"] == "src.main"
    assert names["src/config.py"] == "src.config"


def test_alembic_scripts_spell_nothing_for_the_app() -> None:
    """``cd api/src && uvicorn main:app`` over a stray ``api/src/__init__.py``, the app
    importing ``routers``, ``data`` and ``settings`` bare; alembic's ``migrations/env.py``
    beside them imports ``src.data.models`` and ``src.settings`` (its ``alembic.ini``
    prepends ``../``). Those two imports outvoted the app's own, so the app and every
    handler were ``src.*`` (karmaplush/fastapi-monorepo-example: 0 of 6 routes named as
    served)."""
    sources = {
        "api/src/__init__.py": "",
        "api/src/settings.py": "PREFIX = '/users'\n",
        "api/src/data/__init__.py": "",
        "api/src/data/models.py": "class User: ...\n",
        "api/src/routers/__init__.py": "",
        "api/src/routers/users.py": (
            "from data.models import User\nfrom settings import PREFIX\n\nrouter = None\n"
        ),
        "api/src/main.py": "from routers import users\n",
        "api/src/migrations/env.py": "from src.data.models import *\nfrom src.settings import X\n",
        "api/src/migrations/versions/abc_.py": "from alembic import op\n",
    }
    names = _names(sources)
    assert names["api/src/main.py"] == "main"
    assert names["api/src/routers/users.py"] == "routers.users"
    assert names["api/src/data/models.py"] == "data.models"
    assert names["api/src/settings.py"] == "settings"


def test_a_folder_setuptools_renames_is_named_as_the_package() -> None:
    """``package-dir = {myapp = "src"}``: ``src/`` is the package ``myapp`` (its editable
    install maps the name to the folder; ``uvicorn myapp.main:app`` serves
    ``myapp.api.items.items``). The mapping was unread: ``src.api.items``, and the code's
    ``from myapp.api import items`` named nothing, so the route lost its app (CI202)."""
    pyproject = '[tool.setuptools.package-dir]\nmyapp = "src"\n'
    sources = {
        "src/__init__.py": "",
        "src/main.py": "from myapp.api import items\n",
        "src/api/__init__.py": "",
        "src/api/items.py": "from ..main import app\n",
        "src/tests/test_items.py": "from myapp.main import app\n",
    }
    naming = name_modules(
        {p: s.encode() for p, s in sources.items()}, {"pyproject.toml": pyproject.encode()}
    )
    assert naming.names["src/__init__.py"] == "myapp"
    assert naming.names["src/main.py"] == "myapp.main"
    assert naming.names["src/api/items.py"] == "myapp.api.items"
    assert naming.names["src/tests/test_items.py"] == "src.tests.test_items"
    assert [(r.folder, r.evidence, r.line) for r in naming.roots] == [
        ("src", "tool.setuptools.package-dir", 1)
    ]


def test_a_package_setuptools_finds_in_a_folder_of_its_name_is_rooted_above_it() -> None:
    pyproject = '[tool.setuptools.package-dir]\napp = "lib/app"\n'
    sources = {"lib/__init__.py": "", "lib/app/__init__.py": "", "lib/app/main.py": ""}
    assert _names(sources, {"pyproject.toml": pyproject})["lib/app/main.py"] == "app.main"


def test_a_namespace_folder_served_from_inside_whose_code_imports_its_siblings() -> None:
    """``cd svc && uvicorn main:app``, ``svc/`` without an ``__init__.py``: ``from users import
    router`` where ``users.py`` beside it names ``router`` puts ``svc`` on ``sys.path``, as the
    same import under a stray ``__init__`` does; the entry module is ``main`` though another
    ``main.py`` lies elsewhere (it was ``svc.main``: the app FastAPI serves as ``main:app``
    misnamed). A ``redis.py`` naming no ``Redis`` is the library, no vote."""
    naming = name_modules(
        {
            "svc/main.py": b"from users import router\n",
            "svc/users.py": b"router = None\n",
            "tools/main.py": b"",
            "server/main.py": b"from redis import Redis\n",
            "server/redis.py": b"",
            "server/x/main.py": b"",
        },
        {},
    )
    assert naming.names["svc/main.py"] == "main"
    assert naming.names["svc/users.py"] == "users"
    assert naming.names["server/main.py"] == "server.main"
    assert [r.folder for r in naming.roots] == ["svc"]


def test_a_stray_init_above_the_root_gives_the_code_s_package_its_name() -> None:
    """``backend/app/app/main.py`` importing ``app.api.routes``, with a stray
    ``backend/app/__init__.py`` whose package chain also says ``app``: the code's imports
    put ``backend/app`` on ``sys.path`` (``cd backend/app && uvicorn app.main:app``), so
    ``app`` is the inner package; the stray one takes its whole path (both took theirs:
    every endpoint misnamed ``backend.app.app.*``). Two packages the code both imports as
    ``app`` still fall back alike."""
    names = _names(
        {
            "backend/app/__init__.py": "",
            "backend/app/app/__init__.py": "",
            "backend/app/app/main.py": "from app.api.routes import router\n",
            "backend/app/app/api/__init__.py": "",
            "backend/app/app/api/routes.py": "router = None\n",
        }
    )
    assert names["backend/app/app/main.py"] == "app.main"
    assert names["backend/app/app/api/routes.py"] == "app.api.routes"
    assert names["backend/app/__init__.py"] == "backend.app"
    names = _names(
        {
            "svc1/app/__init__.py": "",
            "svc1/app/main.py": "from app.db import x\n",
            "svc1/app/db.py": "x = 1\n",
            "svc2/app/__init__.py": "",
            "svc2/app/main.py": "from app.db import x\n",
            "svc2/app/db.py": "x = 1\n",
        }
    )
    assert names["svc1/app/db.py"] == "svc1.app.db"
    assert names["svc2/app/db.py"] == "svc2.app.db"


@pytest.mark.slow
def test_a_stray_init_above_the_root_routes_as_fastapi_serves_them(tmp_path: Path) -> None:
    served_from = tmp_path / "backend/app"
    (served_from / "app/api").mkdir(parents=True)
    for package in ("", "app", "app/api"):
        (served_from / package / "__init__.py").write_text("")
    (served_from / "app/api/routes.py").write_text(
        "from fastapi import APIRouter\n\nrouter = APIRouter()\n\n\n"
        "@router.get('/items')\ndef list_items():\n    return []\n"
    )
    (served_from / "app/main.py").write_text(
        "from fastapi import FastAPI\nfrom app.api.routes import router\n\n"
        "app = FastAPI()\napp.include_router(router, prefix='/api')\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False, workers=1)
    served = {(r.method, r.path, r.endpoint) for r in graph.routes() if r.app == "app.main.app"}
    assert served == runtime_routes(served_from, "app.main:app")
    assert served == {("GET", "/api/items", "app.api.routes.list_items")}


_HOOK_APP = {
    "app/core.py": "from fastapi import FastAPI\n\n\nclass HookApp(FastAPI):\n    pass\n",
    "app/state.py": (
        "from __future__ import annotations\n\nfrom typing import TYPE_CHECKING\n\n"
        "if TYPE_CHECKING:\n    from app.core import HookApp\n\n    # the type checker's\n"
        "else:\n    HookApp = object\n\n\ndef app_of(request) -> HookApp:\n"
        "    return request.app\n"
    ),
    "app/routes/__init__.py": (
        "from fastapi import APIRouter\n\nfrom routes import hooks\n\n"
        "router = APIRouter()\nrouter.include_router(hooks.router)\n"
    ),
    "app/routes/hooks.py": (
        "from fastapi import APIRouter\n\nrouter = APIRouter(prefix='/hooks')\n\n\n"
        "@router.post('/workouts')\ndef save_workouts():\n    return {}\n"
    ),
    "app/launcher.py": (
        "from core import HookApp\nfrom routes import router\n\n"
        "app = HookApp()\napp.include_router(router)\n"
    ),
}
_HOOK_PYPROJECT = '[tool.poetry]\nname = "hook"\npackages = [{include = "app"}]\n'


def test_an_import_only_a_type_checker_runs_is_no_evidence_of_a_root() -> None:
    """wahoo_hook: poetry's ``packages = [{include = "app"}]``, the code run as ``python
    app/launcher.py`` with bare imports of its siblings (``from routes import router``),
    and one ``from app.core import HookApp`` under ``if TYPE_CHECKING:``, which Python never
    runs: it made ``app`` a package the code imports by its name, so every module was
    ``app.*`` (the endpoint ``app.routes.hooks.save_workouts``; FastAPI serves
    ``routes.hooks.save_workouts``). The same import outside the block still counts."""
    names = _names(_HOOK_APP, {"pyproject.toml": _HOOK_PYPROJECT})
    assert names["app/routes/hooks.py"] == "routes.hooks"
    assert names["app/launcher.py"] == "launcher"
    ran = _HOOK_APP | {"app/state.py": "from app.core import HookApp\n"}
    assert _names(ran, {"pyproject.toml": _HOOK_PYPROJECT})["app/core.py"] == "app.core"


@pytest.mark.slow
def test_an_import_only_a_type_checker_runs_routes_as_fastapi_serves_them(tmp_path: Path) -> None:
    for path, source in (_HOOK_APP | {"pyproject.toml": _HOOK_PYPROJECT}).items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(source)
    graph = codeintel.analyze(tmp_path, cache=False, workers=1)
    served = {(r.method, r.path, r.endpoint) for r in graph.routes() if r.app == "launcher.app"}
    assert served == runtime_routes(tmp_path / "app", "launcher:app")
    assert served == {("POST", "/hooks/workouts", "routes.hooks.save_workouts")}
