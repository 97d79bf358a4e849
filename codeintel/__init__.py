"""codeintel: static code intelligence for FastAPI-style Python projects."""

from __future__ import annotations

from codeintel.analysis import analyze
from codeintel.diagnostics import Diagnostic
from codeintel.errors import CodeIntelError
from codeintel.facts.models import Match, Reference, Symbol
from codeintel.query.codegraph import CodeGraph, load_json

__version__ = "0.1.0"

__all__ = [
    "CodeGraph",
    "CodeIntelError",
    "Diagnostic",
    "Match",
    "Reference",
    "Symbol",
    "analyze",
    "load_json",
]
