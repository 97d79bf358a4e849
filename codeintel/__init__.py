"""codeintel: static code intelligence for FastAPI-style Python projects."""

from __future__ import annotations

from codeintel.analysis import analyze
from codeintel.diagnostics import Diagnostic
from codeintel.errors import CodeIntelError
from codeintel.facts.conventions import Convention
from codeintel.facts.docs import DocFile, Heading, Link, Rule
from codeintel.facts.exceptions import ErrorFacts, ExceptionClass, Handler, RaiseSite
from codeintel.facts.fixtures import Fixture, Override, TestFunction
from codeintel.facts.layers import ModuleLayer
from codeintel.facts.models import Match, Reference, Symbol
from codeintel.facts.project import (
    Coverage,
    Dependency,
    ImportRoot,
    ImportUse,
    MakeTarget,
    Project,
    PytestSettings,
    Tool,
)
from codeintel.facts.routes import Route
from codeintel.facts.schemas import Schema, SchemaField
from codeintel.facts.services import Component, Method, Wiring
from codeintel.query.codegraph import CodeGraph, load_json

__version__ = "0.2.0"

__all__ = [
    "CodeGraph",
    "CodeIntelError",
    "Component",
    "Convention",
    "Coverage",
    "Dependency",
    "Diagnostic",
    "DocFile",
    "ErrorFacts",
    "ExceptionClass",
    "Fixture",
    "Handler",
    "Heading",
    "ImportRoot",
    "ImportUse",
    "Link",
    "MakeTarget",
    "Match",
    "Method",
    "ModuleLayer",
    "Override",
    "Project",
    "PytestSettings",
    "RaiseSite",
    "Reference",
    "Route",
    "Rule",
    "Schema",
    "SchemaField",
    "Symbol",
    "TestFunction",
    "Tool",
    "Wiring",
    "analyze",
    "load_json",
]
