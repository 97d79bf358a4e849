"""Measured habits of a project: naming, async, hints, docstrings, logging, errors."""

from __future__ import annotations

from codeintel.facts.base import Frozen


class Convention(Frozen):
    """One measured habit: ``count`` of ``total`` ``unit`` follow ``finding``; the example
    location shows it."""

    topic: str
    finding: str
    count: int
    total: int
    unit: str
    file: str | None = None
    line: int | None = None
