from __future__ import annotations

import pytest

import codeintel
from codeintel import CodeIntelError


def test_find_symbol_by_name_and_path(shapes: codeintel.CodeGraph) -> None:
    found = shapes.find_symbol("checkout")
    assert [s.qualname for s in found] == [
        "shop.api.cart.Cart.checkout",
        "shop.api.cart.GiftCart.checkout",
    ]
    assert [s.qualname for s in shapes.find_symbol("GiftCart/checkout")] == [
        "shop.api.cart.GiftCart.checkout"
    ]
    assert [s.qualname for s in shapes.find_symbol("/Cart/checkout")] == [
        "shop.api.cart.Cart.checkout"
    ]
    assert shapes.find_symbol("/checkout") == []


def test_find_symbol_substring_kinds_and_body(shapes: codeintel.CodeGraph) -> None:
    found = shapes.find_symbol("Cart", substring=True, kinds=["class"])
    assert [s.name_path for s in found] == ["Cart", "GiftCart"]
    (total,) = shapes.find_symbol("Order/total", include_body=True)
    assert total.body == (
        "    def total(self) -> int:\n        return sum(p.discounted(0) for p in self.items)\n"
    )
    assert (total.file, total.start_line, total.end_line) == ("shop/models/order.py", 17, 18)


def test_symbols_overview(shapes: codeintel.CodeGraph) -> None:
    overview = shapes.symbols_overview("shop/api/cart.py")
    assert [(s.name_path, s.kind) for s in overview] == [
        ("TAX", "variable"),
        ("Cart", "class"),
        ("GiftCart", "class"),
    ]
    assert [c.name_path for c in overview[1].children] == ["Cart/add", "Cart/checkout"]
    with pytest.raises(CodeIntelError):
        shapes.symbols_overview("nope.py")


def test_find_references_through_reexports(shapes: codeintel.CodeGraph) -> None:
    refs = shapes.find_references("shop.models.product.Product")
    assert [(r.file, r.line, r.scope, r.match) for r in refs] == [
        ("shop/__init__.py", 3, "shop", "exact"),  # from .models import Product
        ("shop/api/cart.py", 5, "shop.api.cart", "exact"),  # from shop import Product
        ("shop/api/cart.py", 14, "shop.api.cart.Cart.add", "exact"),  # annotation
        ("shop/api/cart.py", 26, "shop.api.cart.GiftCart.checkout", "exact"),  # p.Product
        ("shop/models/__init__.py", 1, "shop.models", "exact"),
        ("shop/models/order.py", 15, "shop.models.order.Order.__init__", "exact"),
    ]


def test_find_references_by_name(registry: codeintel.CodeGraph) -> None:
    refs = registry.find_references("registry.repositories.base.InMemoryRepository.list")
    assert [(r.file, r.line, r.text, r.match) for r in refs] == [
        (  # self.list() in a subclass resolves through inheritance
            "registry/repositories/server_repository.py",
            9,
            "registry.repositories.base.InMemoryRepository.list",
            "exact",
        ),
        ("registry/services/agent_service.py", 17, "self._repository.list", "by-name"),
        ("registry/services/server_service.py", 19, "self._repository.list", "by-name"),
    ]


def test_find_references_of_a_module(shapes: codeintel.CodeGraph) -> None:
    refs = shapes.find_references("shop.api.pricing")
    assert [(r.file, r.line) for r in refs] == []
    refs = shapes.find_references("shop.models.order")
    assert [(r.file, r.line, r.match) for r in refs] == [("shop/api/cart.py", 4, "exact")]
    with pytest.raises(CodeIntelError):
        shapes.find_references("no.such.thing")


def test_search_pattern(shapes: codeintel.CodeGraph) -> None:
    hits = shapes.search_pattern(r"def \w*checkout", glob="shop/**/*.py", context=1)
    assert [(m.file, m.line, m.text.strip()) for m in hits] == [
        ("shop/api/cart.py", 17, "def checkout(self) -> str:"),
        ("shop/api/cart.py", 23, "def checkout(self) -> str:"),
    ]
    assert hits[0].before == ("",)
    assert hits[0].after == ("        order = shop.models.order.Order(self)",)
    assert [m.file for m in shapes.search_pattern("Tiny package", glob="*.md")] == []
    assert [m.file for m in shapes.search_pattern("tiny package")] == ["README.md"]
    with pytest.raises(CodeIntelError):
        shapes.search_pattern("(")


def test_import_graph_queries(shapes: codeintel.CodeGraph) -> None:
    assert shapes.modules_imported_by("shop.api.pricing") == ["shop"]
    assert shapes.modules_imported_by("shop.api.pricing", transitive=True) == [
        "dataclasses",
        "json",
        "os",
        "shop",
        "shop.api.cart",
        "shop.models",
        "shop.models.order",
        "shop.models.product",
        "typing",
    ]
    assert shapes.modules_importing("shop.models.product") == [
        "shop.api.cart",
        "shop.models",
        "shop.models.order",
    ]
    assert shapes.shortest_import_chain("shop.api.pricing", "shop.models.product") == [
        "shop.api.pricing",
        "shop",
        "shop.models",
        "shop.models.product",
    ]
    assert shapes.shortest_import_chain("shop.models.product", "shop") is None
    with pytest.raises(CodeIntelError):
        shapes.modules_importing("nope")
