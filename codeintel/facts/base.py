"""The one base of the frozen pydantic fact models."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Frozen(BaseModel):
    """Immutable and hashable once built: facts are values, shared by every query."""

    model_config = ConfigDict(frozen=True)
