"""Name resolution: cycles through star imports end, and each lookup is done once."""

from __future__ import annotations

from pathlib import Path

import pytest

import codeintel
from codeintel.resolve.resolver import Resolver

_BUDGET = 5_000  # resolution steps for the whole project below; the old walk needed ~3**32


@pytest.fixture
def budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """Resolution fails past ``_BUDGET`` steps: a walk that blows up is a failure, not a
    test that never ends."""
    steps = 0
    walk = Resolver._resolve

    def counted(self: Resolver, dotted: str, hops: int, importer: str | None = None) -> object:
        nonlocal steps
        steps += 1
        if steps > _BUDGET:
            raise AssertionError(f"more than {_BUDGET} resolution steps")
        return walk(self, dotted, hops, importer)

    monkeypatch.setattr(Resolver, "_resolve", counted)


@pytest.mark.usefixtures("budget")
def test_star_imports_that_import_their_own_package_resolve_without_blowing_up(
    tmp_path: Path,
) -> None:
    """xinference vendors a package named ``torch`` whose three star-imported modules each
    ``import torch.nn as nn``: looking ``nn`` up in that package went round the cycle once
    per path, three ways at each of 32 levels, and the analysis never ended."""
    vendored = tmp_path / "vendor/activation/torch"
    vendored.mkdir(parents=True)
    (vendored / "__init__.py").write_text(
        "from .act import *\nfrom .filter import *\nfrom .resample import *\n"
    )
    for name in ("act", "filter", "resample"):
        (vendored / f"{name}.py").write_text(
            f"import torch.nn as nn\n\n\nclass {name.title()}(nn.Module):\n    pass\n"
        )
    (tmp_path / "app.py").write_text("import torch\n\nmodel = torch.nn.Linear(1, 1)\n")
    graph = codeintel.analyze(tmp_path, cache=False, workers=1)
    assert graph.find_symbol("Act")


@pytest.mark.usefixtures("budget")
def test_star_imports_of_modules_we_cannot_read_end(tmp_path: Path) -> None:
    """aim's ``storage/encoding/__init__.py`` star-imports two of its own Cython modules
    (``.pyx``, no Python source): each lookup through one went on through the package with
    a longer name, two ways per level, and the analysis ran out of memory."""
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("from pkg.fast_a import *\nfrom pkg.fast_b import *\n")
    (package / "fast_a.pyx").write_text("def decode_path(p): return p\n")
    (package / "fast_b.pyx").write_text("def encode_path(p): return p\n")
    (tmp_path / "main.py").write_text("from pkg import decode_path\n\nsplit = decode_path\n")
    graph = codeintel.analyze(tmp_path, cache=False, workers=1)
    assert graph.find_symbol("split")


def test_a_spelling_an_inner_folder_does_not_know_is_the_outer_folders(tmp_path: Path) -> None:
    """ClaReSys' services, each ``apps/<svc>/src`` served from ``apps/<svc>`` as
    ``src.main:app``: a second ``src/main.py`` imported bare by its tests scopes ``main``
    in each ``src`` folder, and the deepest scope then hid the service's ``src.routes``
    (every router on no app)."""
    for service in ("one", "two"):
        src = tmp_path / "apps" / service / "src"
        (src / "routes").mkdir(parents=True)
        (src / "routes" / "router.py").write_text(
            f"from fastapi import APIRouter\n\nrouter = APIRouter(prefix='/{service}')\n\n"
            f"@router.get('/')\ndef list_{service}() -> None: ...\n"
        )
        (src / "main.py").write_text(
            "from fastapi import FastAPI\n\nfrom src.routes.router import router\n\n"
            "app = FastAPI()\napp.include_router(router, prefix='/api')\n"
        )
        (src.parent / "tests").mkdir()
        (src.parent / "tests" / "conftest.py").write_text(_ON_PATH.format(""))
    for service in ("notifier", "worker"):
        (tmp_path / "apps" / service / "src").mkdir(parents=True)
        (tmp_path / "apps" / service / "src" / "main.py").write_text("def run() -> None: ...\n")
    tests = tmp_path / "apps" / "notifier" / "tests"
    tests.mkdir()
    (tests / "conftest.py").write_text(_ON_PATH.format(' / "src"'))
    (tests / "test_main.py").write_text("from main import run\n")
    routes = codeintel.analyze(tmp_path, cache=False).routes()
    assert {(r.app, r.path) for r in routes} == {
        (f"apps.{s}.src.main.app", f"/api/{s}/") for s in ("one", "two")
    }


_ON_PATH = (
    "import sys\nfrom pathlib import Path\n\n"
    "sys.path.insert(0, str(Path(__file__).resolve().parents[1]{}))\n"
)
