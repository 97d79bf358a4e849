"""Framework facts (FastAPI routes, pydantic schemas, ...) extracted and added to the graph."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from codeintel.assemble import add_routes, add_schemas
from codeintel.diagnostics import Diagnostic
from codeintel.discover import SourceFile
from codeintel.evaluate import Evaluator
from codeintel.routes import extract_routes
from codeintel.schemas import extract_schemas


def add_semantics(
    graph: nx.MultiDiGraph, evaluator: Evaluator, files: list[SourceFile], root: Path
) -> list[Diagnostic]:
    """Extract every framework fact family and add it to ``graph``; return their diagnostics."""
    routes, diagnostics = extract_routes(evaluator)
    add_routes(graph, routes)
    add_schemas(graph, extract_schemas(evaluator))
    return diagnostics
