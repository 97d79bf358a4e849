"""Paging parameters, their fields' defaults made by a wrapper of ``Field``."""

from typing import Any

from sqlmodel import Field, SQLModel


def PositionField(*args: Any, **kwargs: Any) -> Any:
    """Forwards its arguments to ``Field`` (mealie's ``UpdatedAtField``): what a call is
    given decides the default, as if ``Field`` were called."""
    kwargs.setdefault("ge", 0)
    return Field(*args, **kwargs)


def OptionalField(*args: Any, **kwargs: Any) -> Any:
    """Sets a default of its own before forwarding: ``OptionalField()`` is optional."""
    kwargs.setdefault("default", None)
    return Field(*args, **kwargs)


def DescribedField(*args: Any, **kwargs: Any) -> Any:
    """Forwards and adds keywords that are no default: ``DescribedField()`` is required."""
    kwargs.update(title="Described")
    return Field(*args, **kwargs, description="described")


class PageWindow(SQLModel):
    position: int = PositionField()
    rank: int = PositionField(...)
    offset: int | None = PositionField(None)
    cursor: str | None = OptionalField()
    label: str = DescribedField()


class Window(SQLModel):
    size: int = 10


class Narrow(Window):
    width: int


class Wide(Window):
    size: int
    depth: int = 0


class Diamond(Narrow, Wide):
    """pydantic takes ``size`` from the first base that has it (``Narrow``'s, inherited
    from ``Window``: optional), though the MRO puts ``Wide``'s override before ``Window``;
    the fields come in the reversed MRO's order."""
