"""The graph's vocabulary: node ids (``kind:name``), and the kinds of nodes and edges."""

from __future__ import annotations

import sys
from typing import Literal

SymbolKind = Literal["class", "function", "method", "variable", "attribute"]
#: A node's ``kind`` attribute. Ids start with the same word, except symbols (``symbol:``
#: ids, kind is the symbol's) and packages (``module:`` ids).
NodeKind = Literal[
    SymbolKind, "file", "module", "package", "external", "unresolved", "route", "fixture", "dist"
]
#: An edge's ``kind``, which is also its key: one edge per (source, target, kind).
EdgeKind = Literal[
    "contains",
    "imports",
    "references",
    "calls",
    "inherits",
    "handles",
    "depends_on",
    "uses_schema",
    "requests_fixture",
    "tests",
    "requires",
]


# A node's id is held by the node table and again by every edge's adjacency entries at both
# ends; interned, all of them are one string (a tenth of the graph's memory on 2,000 modules).


def file_id(path: str) -> str:
    return sys.intern(f"file:{path}")


def module_id(name: str) -> str:
    return sys.intern(f"module:{name}")


def symbol_id(qualname: str) -> str:
    return sys.intern(f"symbol:{qualname}")


def external_id(top: str) -> str:
    return sys.intern(f"external:{top}")


def unresolved_id(text: str) -> str:
    return sys.intern(f"unresolved:{text}")


def route_id(method: str, path: str, occurrence: int = 1) -> str:
    """The n-th route declared for one method and path gets ``#n`` from the second on."""
    base = f"route:{method} {path}"
    return base if occurrence == 1 else f"{base} #{occurrence}"


def fixture_id(file: str, function: str) -> str:
    return f"fixture:{file}::{function}"


def dist_id(name: str) -> str:
    return f"dist:{name}"


def id_kind(node: str) -> str:
    """The word before the colon: ``symbol`` for every symbol, whatever its kind."""
    return node.partition(":")[0]
