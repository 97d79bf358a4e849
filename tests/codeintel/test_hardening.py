"""Hostile input: no exception escapes, and what is analysed keeps its invariants."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import codeintel
from codeintel.extract import workers
from codeintel.frameworks import semantics

_FRAGMENTS = [
    "import os\n",
    "from . import sibling\n",
    "from . import m0\n",  # the modules this test writes: one of them may not parse
    "from pkg.m1 import read\n",
    "from .. import up\n",
    "from fastapi import APIRouter, Depends, FastAPI\n",
    "router = APIRouter(prefix=PREFIX)\n",
    "app = FastAPI()\n",
    "app.include_router(router, prefix=f'/{x}')\n",
    "@router.get('/{id}')\nasync def read(id: int, s=Depends(get)):\n    return s\n",
    "class A(B, metaclass=M):\n    x: int = 1\n    def f(self): ...\n",
    "def outer():\n    def inner():\n        return inner\n    return inner\n",
    "if TYPE_CHECKING:\n    from x import y\n",
    "print 'python 2'\n",
    "def broken(:\n",
    "\x00",
    "\ufeff# bom\n",
    "x = (((((1)))))\n",
    "lambda: (yield)\n",
    "\r\n",
    "    indented = 1\n",
    "async def g():\n    await h()\n",
    "@router.get('/', response_model=list[int])\ndef list(x=id) -> list[int]:\n    pass\n",
    "ROUTERS = {'a': router, 'b': other}\nfor k, r in ROUTERS.items():\n"
    "    app.include_router(r, prefix=f'/{k}')\n",
    "def make(app=None):\n    if app is None:\n        app = FastAPI()\n"
    "    def add(p):\n        @app.get(p)\n        def h(): ...\n    add('/x')\n    return app\n",
    "handler = router.post('/h')(handler)\n",
    "@router.api_route('/o', **OPTIONS)\ndef o(): ...\n",
    "async def life(app):\n    await make(app)\n    if not app:\n        return\n",
]


def _check(root: Path) -> None:
    graph = codeintel.analyze(root)
    files = set(graph.files())
    for node, data in graph.graph.nodes(data=True):
        if "file" in data and data.get("kind") not in {"external", "unresolved"}:
            assert data["file"] in files, node
        if "start_line" in data and data.get("kind") in {"class", "function", "method", "module"}:
            length = max(len(graph.read_lines(data["file"])), 1)
            assert 1 <= data["start_line"] <= data["end_line"] <= length, (node, data)
    assert codeintel.load_json(graph.to_json()).to_json() == graph.to_json()
    assert not [d for d in graph.diagnostics if d.code == "CI900"], graph.diagnostics
    graph.layers(), graph.routes(), graph.tests(), graph.fixtures()  # every query answers
    for diagnostic in graph.diagnostics:
        assert diagnostic.file in {p.relative_to(root).as_posix() for p in root.rglob("*")}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    modules=st.lists(
        st.tuples(
            st.lists(st.sampled_from(_FRAGMENTS), max_size=8),
            st.text(max_size=40),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_generated_sources_never_crash_the_analysis(modules: list[tuple[list[str], str]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "pkg").mkdir()
        (root / "pkg" / "__init__.py").write_text("")
        for number, (fragments, noise) in enumerate(modules):
            body = "".join(fragments) + noise
            (root / "pkg" / f"m{number}.py").write_bytes(body.encode("utf-8", "surrogatepass"))
        _check(root)


def test_deep_nesting_is_a_diagnostic_not_a_crash(tmp_path: Path) -> None:
    # libcst's native parser overflows its stack on these (a segfault, measured), so they must
    # never reach it
    for name, source in {
        "deep_parens": "(" * 3000 + "1" + ")" * 3000,
        "deep_not": "not " * 10000 + "y",
        "deep_minus": "-" * 10000 + "1",
        "long_chain": "a" + ".b" * 10000,
    }.items():
        (tmp_path / f"{name}.py").write_text(f"x = {source}\n")
    nested = "".join("    " * i + f"def f{i}():\n" for i in range(90)) + "    " * 90 + "pass\n"
    (tmp_path / "deep_defs.py").write_text(nested)
    (tmp_path / "ok.py").write_text("y = 1\n")
    graph = codeintel.analyze(tmp_path)
    assert "ok" in graph.modules()
    codes = {d.file: d.code for d in graph.diagnostics}
    for name in ("deep_parens", "deep_not", "deep_minus", "long_chain"):
        assert codes[f"{name}.py"] == "CI103"
    # 90 nested defs are legal Python: analysed, or at worst reported, never an exception
    assert "deep_defs" in graph.modules() or "deep_defs.py" in codes


def test_a_module_that_does_not_parse_is_still_the_projects(tmp_path: Path) -> None:
    """Imported by others, it is a module node like any: its file, layer "other"; no fact
    family fails on it (the tests' did, and every query reading module files crashed)."""
    (tmp_path / "bad.py").write_text("def broken(:\n    pass\n")
    (tmp_path / "good.py").write_text("import bad\nfrom bad import broken\n")
    (tmp_path / "test_good.py").write_text("import good\n\n\ndef test_good():\n    pass\n")
    graph = codeintel.analyze(tmp_path, cache=False)
    assert [(d.code, d.file) for d in graph.diagnostics] == [("CI103", "bad.py")]
    layers = {m.module: (m.file, m.layer, m.reason) for m in graph.layers()}
    assert layers["bad"] == ("bad.py", "other", "not parsed")
    assert [t.qualname for t in graph.tests()] == ["test_good.test_good"]


def test_empty_and_blank_files_are_modules(tmp_path: Path) -> None:
    (tmp_path / "empty.py").write_text("")
    (tmp_path / "blank.py").write_text("\n\n   \n")
    graph = codeintel.analyze(tmp_path)
    assert graph.modules() == ("blank", "empty") and graph.diagnostics == ()


def test_a_module_hidden_by_a_package_of_its_name_is_reported_not_analysed(
    tmp_path: Path,
) -> None:
    """letta kept a dead ``schemas/providers.py`` beside the package ``schemas/providers/``:
    both were named ``schemas.providers``, and the schema pass raised a KeyError."""
    package = tmp_path / "schemas" / "providers"
    package.mkdir(parents=True)
    (tmp_path / "schemas" / "__init__.py").write_text("")
    (package / "__init__.py").write_text(
        "from pydantic import BaseModel\n\n\nclass OpenAIProvider(BaseModel):\n    key: str\n"
    )
    (tmp_path / "schemas" / "providers.py").write_text(
        "from pydantic import BaseModel\n\n\nclass CohereProvider(BaseModel):\n    key: str\n"
    )
    graph = codeintel.analyze(tmp_path)
    assert [s.qualname for s in graph.schemas()] == ["schemas.providers.OpenAIProvider"]
    assert [(d.code, d.file) for d in graph.diagnostics] == [("CI108", "schemas/providers.py")]


def test_a_definition_named_for_a_builtin_it_reads_is_analysed(tmp_path: Path) -> None:
    """``@app.get("/items", response_model=list[int])`` on ``def list()``: the decorator
    reads the builtin, which the module binds only after; one such file crashed the whole
    analysis (IndexError), with a return annotation, a default, a class, under ``if``."""
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\n\napp = FastAPI()\n\n"
        "@app.get('/items', response_model=list[int])\ndef list() -> list[int]:\n"
        "    return []\n\n"
        "def id(x=id):\n    return x\n\n"
        "def deco(x):\n    return lambda c: c\n\n"
        "@deco(dict)\nclass dict:\n    pass\n\n"
        "if True:\n    def zip(*a: zip) -> None:\n        pass\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    assert [(r.path, r.endpoint, r.response_model) for r in graph.routes()] == [
        ("/items", "main.list", "list[int]")
    ]
    assert not graph.diagnostics


def test_a_file_the_extractor_fails_on_is_a_diagnostic_and_the_others_stand(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = workers.extract_module

    def failing(module: object, path: str, *args: object) -> object:
        if path == "bad.py":
            raise IndexError("tuple index out of range")
        return real(module, path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(workers, "extract_module", failing)
    (tmp_path / "bad.py").write_text("x = 1\n")
    (tmp_path / "good.py").write_text("y = 2\n")
    graph = codeintel.analyze(tmp_path, cache=False, workers=1)
    assert "good" in graph.modules()
    assert [(d.code, d.file, d.message) for d in graph.diagnostics] == [
        ("CI107", "bad.py", "not analysed (IndexError: tuple index out of range)")
    ]


def test_a_fact_family_that_fails_is_a_diagnostic_and_the_others_stand(
    tmp_path: Path, fixtures: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> object:
        raise KeyError("symbol:x")

    monkeypatch.setattr(semantics, "extract_schemas", broken)
    graph = codeintel.analyze(fixtures / "registry_app", cache=False)
    assert graph.routes() and not graph.schemas()
    assert [(d.code, d.message) for d in graph.diagnostics if d.code == "CI900"] == [
        ("CI900", "schemas failed (KeyError: 'symbol:x'); its facts are missing")
    ]
