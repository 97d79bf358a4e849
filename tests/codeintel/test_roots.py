from __future__ import annotations

from pathlib import Path

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


def test_without_evidence_the_package_chain_names_the_file() -> None:
    names = _names({"registry/api/__init__.py": "", "registry/api/routes.py": ""})
    assert names["registry/api/routes.py"] == "api.routes"


def test_the_spelling_most_imports_use_wins_and_the_other_is_an_alias() -> None:
    naming = name_modules(
        {
            "src/__init__.py": b"",
            "src/app/__init__.py": b"",
            "src/app/core/config.py": b"",
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
        '[tool.pdm.build]\npackage-dir = "lib"\n': "lib",
        '[tool.pytest.ini_options]\npythonpath = ["lib"]\n': "lib",
        '[tool.mypy]\nmypy_path = "lib"\n': "lib",
        '[tool.mypy]\nmypy_path = "../../elsewhere"\n': None,
    }
    for text, folder in settings.items():
        naming = name_modules({"lib/pkg/mod.py": b""}, {"pyproject.toml": text.encode()})
        assert [r.folder for r in naming.roots] == ([folder] if folder else []), text


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
