"""Layers: which part of a layered app each module is (api, service, repository, schema, model,
core, test, other), with the evidence that decided it."""

from __future__ import annotations

from collections import Counter

from codeintel.facts.layers import Layer, ModuleLayer
from codeintel.facts.models import ModuleFacts
from codeintel.facts.routes import Route
from codeintel.facts.schemas import Schema
from codeintel.facts.services import Component
from codeintel.pipeline.layout import is_test_path

#: Folder (or module) names that put a module in a layer when its content does not.
_NAMES: dict[Layer, frozenset[str]] = {
    "api": frozenset({"api", "apis", "routes", "routers", "router", "endpoints", "views"}),
    "service": frozenset({"services", "service", "usecases", "use_cases"}),
    "repository": frozenset({"repositories", "repository", "repos", "repo", "crud", "dal"}),
    "schema": frozenset({"schemas", "schema", "dto", "dtos", "serializers"}),
    "model": frozenset({"models", "model", "entities", "orm", "tables"}),
    "core": frozenset(
        {"core", "config", "settings", "deps", "dependencies", "security", "db", "database"}
    ),
}


def classify_layers(
    modules: list[ModuleFacts],
    routes: list[Route],
    schemas: list[Schema],
    components: list[Component],
) -> list[ModuleLayer]:
    """Every module's layer, sorted by module name."""
    evidence = _content_evidence(modules, routes, schemas, components)
    found = []
    for facts in sorted(modules, key=lambda m: m.module):
        layer, reason = evidence.get(facts.file) or _by_name(facts)
        found.append(ModuleLayer(module=facts.module, file=facts.file, layer=layer, reason=reason))
    return found


def _content_evidence(
    modules: list[ModuleFacts],
    routes: list[Route],
    schemas: list[Schema],
    components: list[Component],
) -> dict[str, tuple[Layer, str]]:
    """file -> (layer, reason) from what the file defines; the first claim on a file wins."""
    claims: dict[str, tuple[Layer, str]] = {}

    def claim(file: str, layer: Layer, reason: str) -> None:
        claims.setdefault(file, (layer, reason))

    for facts in modules:
        if is_test_path(facts.file):
            claim(facts.file, "test", "test file (pytest's names or a tests folder)")
    declared = Counter(route.file for route in routes)
    for file, count in sorted(declared.items()):
        claim(file, "api", f"declares {count} route{'s' if count != 1 else ''}")
    for route in routes:
        for site in route.includes:
            file, _, line = site.rpartition(":")
            claim(file, "api", f"registers routers (include_router at line {line})")
    for component in components:
        claim(component.file, component.kind, f"defines {component.kind} {component.name}")
    by_file: dict[str, list[Schema]] = {}
    for schema in schemas:
        by_file.setdefault(schema.file, []).append(schema)
    for file, found in sorted(by_file.items()):
        claim(file, *_schema_layer(found))
    for facts in modules:
        tables = [s.qualname for s in facts.symbols if s.name == "__tablename__"]
        if tables:
            claim(facts.file, "model", f"defines ORM table {tables[0].rpartition('.')[0]}")
    return claims


def _schema_layer(schemas: list[Schema]) -> tuple[Layer, str]:
    kinds = {kind: [s.name for s in schemas if s.kind == kind] for kind in ("table", "settings")}
    if kinds["table"]:
        return "model", f"defines table model {kinds['table'][0]}"
    if len(kinds["settings"]) == len(schemas):
        return "core", f"defines settings {kinds['settings'][0]}"
    count = len(schemas)
    return "schema", f"defines {count} pydantic model{'s' if count != 1 else ''}"


def _by_name(facts: ModuleFacts) -> tuple[Layer, str]:
    *folders, name = facts.file[: -len(".py")].split("/")
    if name != "__init__":
        for layer, names in _NAMES.items():
            if name in names:
                return layer, f"module named '{name}'"
    for folder in reversed(folders):
        for layer, names in _NAMES.items():
            if folder in names:
                return layer, f"in folder '{folder}'"
    return "other", "no layer evidence"
