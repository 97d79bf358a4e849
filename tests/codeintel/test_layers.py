from __future__ import annotations

from pathlib import Path

import codeintel


def test_every_module_of_the_full_stack_layout_gets_a_layer_and_its_evidence(
    fixtures: Path,
) -> None:
    graph = codeintel.analyze(fixtures / "fullstack_app")
    layers = {m.file: (m.layer, m.reason) for m in graph.layers()}
    assert layers["app/api/routes/items.py"] == ("api", "declares 5 routes")
    assert layers["app/api/main.py"] == ("api", "registers routers (include_router at line 10)")
    assert layers["app/main.py"] == ("api", "registers routers (include_router at line 11)")
    assert layers["app/api/deps.py"] == ("core", "module named 'deps'")
    assert layers["app/core/config.py"] == ("core", "defines settings Settings")
    assert layers["app/crud.py"] == ("repository", "defines repository crud")
    assert layers["app/models.py"] == ("model", "defines table model Item")
    assert layers["app/__init__.py"] == ("other", "no layer evidence")
    assert layers["tests/crud/test_item.py"][0] == "test"
    assert len(layers) == len(graph.modules())


def test_the_layered_app_layers(registry: codeintel.CodeGraph) -> None:
    layers = {m.module: m.layer for m in registry.layers()}
    assert layers["registry.services.server_service"] == "service"
    assert layers["registry.repositories.base"] == "repository"
    assert layers["registry.schemas.server"] == "schema"
    assert layers["registry.config.settings"] == "core"
    assert layers["registry.main"] == "api"
    assert {layer for module, layer in layers.items() if module.startswith("tests")} == {"test"}


def test_content_decides_before_the_folder_name(tmp_path: Path) -> None:
    (tmp_path / "app/services").mkdir(parents=True)
    (tmp_path / "app/services/tables.py").write_text(
        "class Base:\n    pass\n\n\nclass Order(Base):\n    __tablename__ = 'orders'\n"
    )
    (tmp_path / "app/services/helpers.py").write_text("def helper() -> int:\n    return 1\n")
    layers = {m.file: (m.layer, m.reason) for m in codeintel.analyze(tmp_path).layers()}
    assert layers["app/services/tables.py"] == ("model", "defines ORM table Order")
    assert layers["app/services/helpers.py"][0] == "service"
