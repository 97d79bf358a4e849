"""pydantic, pydantic-settings and SQLModel models and their fields."""

from __future__ import annotations

from typing import Literal

from codeintel.facts.base import Frozen

SchemaKind = Literal["model", "settings", "table"]  # table: SQLModel with table=True


class SchemaField(Frozen):
    """One field of a model, as declared in a class body."""

    name: str
    annotation: str
    required: bool
    default: str | None  # source text of the default; None when required or a factory
    constraints: tuple[tuple[str, str], ...]  # Field(...) keywords other than the default
    line: int
    declared_in: str  # qualified name of the class that declares it


class Schema(Frozen):
    """A pydantic model class."""

    name: str
    qualname: str
    kind: SchemaKind
    file: str
    line: int
    end_line: int
    bases: tuple[str, ...]
    fields: tuple[SchemaField, ...]  # declared in this class body
    all_fields: tuple[SchemaField, ...]  # inherited first in MRO order, overrides in place
    config: tuple[tuple[str, str], ...]  # model_config / class Config settings
    validators: tuple[tuple[str, str], ...]  # (method, decorator as written)
