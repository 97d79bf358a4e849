"""codeintel: static code intelligence for FastAPI-style Python projects."""

from __future__ import annotations

from codeintel.analysis import analyze
from codeintel.codegraph import CodeGraph, load_json
from codeintel.diagnostics import Diagnostic
from codeintel.errors import CodeIntelError
from codeintel.models import Match, Reference, Symbol

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
