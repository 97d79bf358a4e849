from __future__ import annotations

import dataclasses
import types
import typing
from functools import cached_property

import pydantic
import pytest

import codeintel
from codeintel import CodeGraph

_SCALARS = (str, int, float, bool, types.NoneType)


def test_every_public_name_is_exported() -> None:
    public = {name for name in vars(codeintel) if not name.startswith("_")}
    modules = {name for name in public if type(getattr(codeintel, name)).__name__ == "module"}
    assert sorted(public - modules - {"annotations"}) == sorted(codeintel.__all__)


def _returns(member: object) -> object:
    if isinstance(member, property):
        member = member.fget
    elif isinstance(member, cached_property):
        member = member.func
    return typing.get_type_hints(member)["return"]


def _classes(annotation: object) -> set[type]:
    """The classes an annotation names, through containers, unions and the fields of the
    models and dataclasses it names (what a caller can reach from a returned value)."""
    found: set[type] = set()
    todo = [annotation]
    while todo:
        current = todo.pop()
        if typing.get_origin(current) is not None:
            todo.extend(a for a in typing.get_args(current) if a is not Ellipsis)
            continue
        if not isinstance(current, type) or current in _SCALARS or current in found:
            continue
        found.add(current)
        if issubclass(current, pydantic.BaseModel) or dataclasses.is_dataclass(current):
            todo.extend(typing.get_type_hints(current).values())
    return found


def _public_members() -> list[str]:
    return [name for name in vars(CodeGraph) if not name.startswith("_")]


@pytest.mark.parametrize("name", _public_members())
def test_every_type_a_codegraph_member_returns_is_exported(name: str) -> None:
    classes = _classes(_returns(vars(CodeGraph)[name]))
    missing = sorted(
        c.__qualname__ for c in classes if getattr(codeintel, c.__name__, None) is not c
    )
    assert missing == [], f"CodeGraph.{name} returns types codeintel does not export: {missing}"
    assert {c.__name__ for c in classes} <= set(codeintel.__all__)


def test_the_walk_reaches_nested_fact_types() -> None:
    """The check above sees through containers to the models inside them."""
    assert codeintel.SchemaField in _classes(list[codeintel.Schema])
    assert codeintel.Wiring in _classes(dict[str, tuple[codeintel.Component, ...]])
