"""The layer of each module, and the evidence for it."""

from __future__ import annotations

from typing import Literal

from codeintel.facts.base import Frozen

Layer = Literal["api", "service", "repository", "schema", "model", "core", "test", "other"]


class ModuleLayer(Frozen):
    """The layer of one module and why: content evidence first, then its folder or name."""

    module: str
    file: str
    layer: Layer
    reason: str
