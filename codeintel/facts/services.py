"""Services and repositories: their methods, how they are wired, what they use."""

from __future__ import annotations

from typing import Literal

from codeintel.facts.base import Frozen

ComponentKind = Literal["service", "repository"]
WiringKind = Literal["constructor", "singleton", "factory", "provider"]


class Method(Frozen):
    name: str
    line: int
    end_line: int
    is_async: bool
    signature: str


class Wiring(Frozen):
    kind: WiringKind
    file: str
    line: int
    via: str  # qualified name of the class, variable or function that wires it


class Component(Frozen):
    kind: ComponentKind
    name: str
    qualname: str  # a class, or a module of plain functions (``crud.py``)
    file: str
    line: int
    end_line: int
    methods: tuple[Method, ...]
    wiring: tuple[Wiring, ...]
    uses: tuple[str, ...]  # project classes it refers to: repositories, models
    routes: tuple[str, ...]  # endpoints that reach it through Depends providers
