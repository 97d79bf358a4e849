"""Framework facts (FastAPI, pydantic, pytest, project config, docs) extracted and added to the
graph."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from codeintel.diagnostics import Diagnostic
from codeintel.discover import SourceFile
from codeintel.docs import extract_docs
from codeintel.errors_map import extract_errors
from codeintel.evaluate import Evaluator
from codeintel.facts_graph import (
    add_components,
    add_docs,
    add_project,
    add_routes,
    add_schemas,
    add_tests,
)
from codeintel.fixtures import extract_tests
from codeintel.project import extract_project
from codeintel.routes import extract_routes
from codeintel.schemas import extract_schemas
from codeintel.services import extract_components


def add_semantics(
    graph: nx.MultiDiGraph, evaluator: Evaluator, files: list[SourceFile], root: Path
) -> list[Diagnostic]:
    """Extract every framework fact family and add it to ``graph``; return their diagnostics."""
    routes, diagnostics = extract_routes(evaluator)
    add_routes(graph, routes)
    add_schemas(graph, extract_schemas(evaluator))
    add_components(graph, extract_components(evaluator, routes))
    add_tests(graph, extract_tests(evaluator))
    graph.graph["errors"] = extract_errors(evaluator).model_dump()
    project, project_diagnostics = extract_project(root, files, evaluator)
    add_project(graph, project, evaluator)
    docs, doc_diagnostics = extract_docs(root, files)
    add_docs(graph, docs)
    return [*diagnostics, *project_diagnostics, *doc_diagnostics]
