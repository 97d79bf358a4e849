"""Framework facts (FastAPI, pydantic, pytest, project config, docs) extracted and added to the
graph."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from codeintel.config.docs import extract_docs
from codeintel.config.project import extract_project
from codeintel.diagnostics import Diagnostic
from codeintel.frameworks.conventions import measure_conventions
from codeintel.frameworks.depends import dependency_diagnostics
from codeintel.frameworks.exceptions import extract_errors
from codeintel.frameworks.fixtures import extract_tests
from codeintel.frameworks.layers import classify_layers
from codeintel.frameworks.routes import extract_routes
from codeintel.frameworks.schemas import extract_schemas
from codeintel.frameworks.services import extract_components
from codeintel.frameworks.write import (
    add_components,
    add_docs,
    add_layers,
    add_project,
    add_provider_edges,
    add_routes,
    add_schemas,
    add_tests,
)
from codeintel.pipeline.discover import SourceFile
from codeintel.resolve.evaluate import Evaluator


def add_semantics(
    graph: nx.MultiDiGraph, evaluator: Evaluator, files: list[SourceFile], root: Path
) -> list[Diagnostic]:
    """Extract every framework fact family and add it to ``graph``; return their diagnostics."""
    routes, providers, diagnostics = extract_routes(evaluator)
    add_routes(graph, routes)
    add_provider_edges(graph, providers)
    diagnostics = [*diagnostics, *dependency_diagnostics(routes, providers, evaluator)]
    schemas = extract_schemas(evaluator)
    add_schemas(graph, schemas)
    components = extract_components(evaluator, routes)
    add_components(graph, components)
    modules = list(evaluator.resolver.modules.values())
    add_layers(graph, classify_layers(modules, routes, schemas, components))
    tests, test_diagnostics = extract_tests(evaluator)
    add_tests(graph, tests)
    errors = extract_errors(evaluator)
    graph.graph["errors"] = errors.model_dump()
    conventions = measure_conventions(evaluator, routes, errors)
    graph.graph["conventions"] = tuple(c.model_dump() for c in conventions)
    route_files = [r.file for r in routes]
    project, projects, project_diagnostics = extract_project(root, files, evaluator, route_files)
    add_project(graph, project, projects, evaluator)
    docs, doc_diagnostics = extract_docs(root, files)
    add_docs(graph, docs)
    return [*diagnostics, *test_diagnostics, *project_diagnostics, *doc_diagnostics]
