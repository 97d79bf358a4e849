from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

import codeintel


def edges(graph: codeintel.CodeGraph, kind: str) -> set[tuple[str, str]]:
    return {(u, v) for u, v, k in graph.graph.edges(keys=True) if k == kind}


def test_symbols_with_kinds_and_line_ranges(shapes: codeintel.CodeGraph) -> None:
    got = {
        (d["qualname"], d["kind"], d["start_line"], d["end_line"])
        for _, d in shapes.graph.nodes(data=True)
        if d.get("file") == "shop/api/cart.py" and "qualname" in d
    }
    assert got == {
        ("shop.api.cart.TAX", "variable", 8, 8),
        ("shop.api.cart.Cart", "class", 11, 19),
        ("shop.api.cart.Cart.add", "method", 14, 15),
        ("shop.api.cart.Cart.checkout", "method", 17, 19),
        ("shop.api.cart.GiftCart", "class", 22, 27),
        ("shop.api.cart.GiftCart.checkout", "method", 23, 27),
    }


def test_decorated_definitions_start_at_the_decorator(shapes: codeintel.CodeGraph) -> None:
    product = shapes.graph.nodes["symbol:shop.models.product.Product"]
    assert (product["start_line"], product["end_line"]) == (4, 10)
    assert product["decorators"] == ("dataclass",)
    assert shapes.graph.nodes["symbol:shop.models.product.Product.sku"]["kind"] == "attribute"


def test_import_edges_cover_every_shape(shapes: codeintel.CodeGraph) -> None:
    internal = {
        (u.removeprefix("module:"), v.removeprefix("module:"))
        for u, v in edges(shapes, "imports")
        if v.startswith("module:")
    }
    assert internal == {
        ("lib", "lib.core"),  # src/ layout
        ("shop", "shop.models"),  # relative import in __init__, re-export
        ("shop", "shop.models.order"),  # star import
        ("shop.models", "shop.models.product"),
        ("shop.models.order", "shop.models.product"),  # from . import x as y
        ("shop.models.order", "shop.api.cart"),  # TYPE_CHECKING only
        ("shop.api.cart", "shop.models.order"),  # import a.b.c
        ("shop.api.cart", "shop"),
        ("shop.api.cart", "shop.models.product"),  # from pkg import submodule as alias
        ("shop.api.cart", "shop.api.pricing"),  # function-level import
        ("shop.api.pricing", "shop"),
    }
    external = {(u, v) for u, v in edges(shapes, "imports") if v.startswith("external:")}
    assert external == {
        ("module:shop.api.cart", "external:json"),
        ("module:shop.api.cart", "external:os"),
        ("module:shop.models.order", "external:typing"),
        ("module:shop.models.product", "external:dataclasses"),
    }
    tc = shapes.graph.edges["module:shop.models.order", "module:shop.api.cart", "imports"]
    assert tc["type_checking"] is True
    assert tc["lines"] == (8,)
    plain = shapes.graph.edges["module:shop.api.cart", "module:shop", "imports"]
    assert plain["type_checking"] is False


def test_calls_resolve_through_reexports_aliases_and_stars(shapes: codeintel.CodeGraph) -> None:
    calls = edges(shapes, "calls")
    assert ("symbol:shop.api.cart.GiftCart.checkout", "symbol:shop.api.cart.Cart.add") in calls
    assert (
        "symbol:shop.api.cart.GiftCart.checkout",
        "symbol:shop.models.product.Product",
    ) in calls  # p.Product, p an alias of a submodule
    assert (
        "symbol:shop.api.pricing.gift_price",
        "symbol:shop.models.order.Order",
    ) in calls  # via `from .models.order import *` in shop/__init__.py
    assert ("symbol:shop.api.cart.Cart.add", "unresolved:self.items.append") in calls
    dumps = shapes.graph.edges["symbol:shop.api.cart.Cart.checkout", "external:json", "calls"]
    assert dumps["names"] == ("json.dumps",)


def test_inherits_through_the_module_namespace(shapes: codeintel.CodeGraph) -> None:
    assert edges(shapes, "inherits") == {
        ("symbol:shop.api.cart.GiftCart", "symbol:shop.api.cart.Cart")
    }
    assert shapes.graph.nodes["symbol:shop.api.cart.GiftCart"]["bases"] == ("shop.api.cart.Cart",)


def test_registry_bases_resolve_to_qualified_names(registry: codeintel.CodeGraph) -> None:
    nodes = registry.graph.nodes
    assert nodes["symbol:registry.schemas.server.ServerCreate"]["bases"] == (
        "registry.schemas.server.ServerBase",
    )
    assert nodes["symbol:registry.schemas.server.ServerBase"]["bases"] == ("pydantic.BaseModel",)
    assert nodes["symbol:registry.repositories.server_repository.ServerRepository"]["bases"] == (
        "registry.repositories.base.InMemoryRepository",
    )


def test_contains_edges_form_a_tree(registry: codeintel.CodeGraph) -> None:
    contains = nx.DiGraph(list(edges(registry, "contains")))
    assert nx.is_forest(contains)
    assert ("module:registry", "module:registry.api") in contains.edges
    assert (
        "symbol:registry.services.server_service.ServerService",
        "symbol:registry.services.server_service.ServerService.get_server",
    ) in contains.edges


def test_every_placed_node_is_inside_its_file(registry: codeintel.CodeGraph) -> None:
    for _, data in registry.graph.nodes(data=True):
        if "start_line" in data:
            lines = max(len(registry.read_lines(data["file"])), 1)  # empty __init__.py
            assert 1 <= data["start_line"] <= data["end_line"] <= lines, data


def test_json_round_trip_is_lossless(registry: codeintel.CodeGraph) -> None:
    text = registry.to_json()
    loaded = codeintel.load_json(text)
    assert nx.utils.graphs_equal(loaded.graph, registry.graph)
    assert loaded.to_json() == text
    assert loaded.diagnostics == registry.diagnostics


def test_bad_files_become_diagnostics_and_the_rest_is_analysed(fixtures: Path) -> None:
    graph = codeintel.analyze(fixtures / "broken_repo")
    assert [(d.code, d.file, d.line) for d in graph.diagnostics] == [
        ("CI102", "docs/latin1.md", 3),  # read anyway, with replacement characters
        ("CI102", "pkg/bad_utf8.py", 1),
        ("CI106", "pkg/nul.py", 2),
        ("CI103", "pkg/python2.py", 1),
        ("CI103", "pkg/syntax_error.py", 1),
        ("CI110", "pyproject.toml", 1),
    ]
    assert graph.docs()[1].title == "Docs"  # the latin-1 doc still gives its headings
    assert graph.modules() == ("pkg", "pkg.bom_crlf", "pkg.good", "pkg.latin1")
    assert [s.start_line for s in graph.find_symbol("crlf")] == [4]


def test_links_and_pipes_are_never_followed_or_read(tmp_path: Path, fixtures: Path) -> None:
    root = tmp_path / "broken_repo"
    shutil.copytree(fixtures / "broken_repo", root)
    os.symlink("loop_b.py", root / "pkg/loop_a.py")
    os.symlink("loop_a.py", root / "pkg/loop_b.py")
    os.symlink("missing.py", root / "pkg/dangling.py")
    os.symlink(tmp_path / "outside.py", root / "pkg/escape.py")
    (tmp_path / "outside.py").write_text("secret = 1\n")
    os.symlink("..", root / "pkg/up")
    os.symlink("good.py", root / "pkg/alias.py")
    os.mkfifo(root / "pkg/fifo.py")  # reading it would wait forever
    graph = codeintel.analyze(root)
    assert [(d.code, d.file, d.line) for d in graph.diagnostics] == [
        ("CI102", "docs/latin1.md", 3),
        ("CI102", "pkg/bad_utf8.py", 1),
        ("CI105", "pkg/dangling.py", 0),
        ("CI105", "pkg/escape.py", 0),
        ("CI101", "pkg/fifo.py", 0),
        ("CI105", "pkg/loop_a.py", 0),
        ("CI105", "pkg/loop_b.py", 0),
        ("CI106", "pkg/nul.py", 2),
        ("CI103", "pkg/python2.py", 1),
        ("CI103", "pkg/syntax_error.py", 1),
        ("CI105", "pkg/up", 0),
        ("CI110", "pyproject.toml", 1),
    ]
    # a link to a file inside the repository is read, under its own name
    assert graph.modules() == ("pkg", "pkg.alias", "pkg.bom_crlf", "pkg.good", "pkg.latin1")
    assert not graph.find_symbol("secret")


def test_unreadable_file_is_a_diagnostic(tmp_path: Path) -> None:
    (tmp_path / "ok.py").write_text("x = 1\n")
    locked = tmp_path / "locked.py"
    locked.write_text("y = 2\n")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):  # root reads anything; nothing to test then
            return
        graph = codeintel.analyze(tmp_path)
    finally:
        locked.chmod(0o644)
    assert [(d.code, d.file) for d in graph.diagnostics] == [("CI101", "locked.py")]
    assert graph.modules() == ("ok",)


def test_size_cap(tmp_path: Path) -> None:
    (tmp_path / "big.py").write_text("x = 1\n" * 100)
    graph = codeintel.analyze(tmp_path, max_file_size=100)
    assert [(d.code, d.file) for d in graph.diagnostics] == [("CI104", "big.py")]


@pytest.mark.slow
def test_json_is_identical_across_hash_seeds(fixtures: Path) -> None:
    script = "import codeintel, sys; sys.stdout.write(codeintel.analyze(sys.argv[1]).to_json())"
    outputs = set()
    for seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-c", script, str(fixtures / "registry_app")],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        outputs.add(result.stdout)
    assert len(outputs) == 1


def test_json_is_identical_whatever_order_the_files_were_created_in(
    tmp_path: Path, fixtures: Path
) -> None:
    source = fixtures / "registry_app"
    files = sorted(p for p in source.rglob("*") if p.is_file() and ".claude" not in p.parts)
    outputs = set()
    for name, order in (("forward", files), ("backward", files[::-1])):
        root = tmp_path / name / "registry_app"
        for path in order:
            target = root / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
        outputs.add(codeintel.analyze(root, cache=False).to_json())
    assert len(outputs) == 1
