"""Node ids: how the graph names a module, a symbol, an external package, an unresolved name."""

from __future__ import annotations


def module_id(name: str) -> str:
    return f"module:{name}"


def symbol_id(qualname: str) -> str:
    return f"symbol:{qualname}"


def external_id(top: str) -> str:
    return f"external:{top}"


def unresolved_id(text: str) -> str:
    return f"unresolved:{text}"
