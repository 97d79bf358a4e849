"""Exceptions: project exception classes, raise sites, registered handlers."""

from __future__ import annotations

from codeintel.facts.base import Frozen


class ExceptionClass(Frozen):
    qualname: str
    file: str
    line: int
    bases: tuple[str, ...]


class RaiseSite(Frozen):
    file: str
    line: int
    exception: str  # qualified name where it resolves, else as written
    status_code: int | None  # for HTTPException
    detail: str | None
    function: str  # qualified name of the enclosing function ("" at module level)


class Handler(Frozen):
    file: str
    line: int
    exception: str
    handler: str


class ErrorFacts(Frozen):
    exceptions: tuple[ExceptionClass, ...]
    raises: tuple[RaiseSite, ...]
    handlers: tuple[Handler, ...]
