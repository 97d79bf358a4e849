"""Paging parameters, their fields' defaults made by a wrapper of ``Field``."""

from typing import Any

from sqlmodel import Field, SQLModel


def PositionField(*args: Any, **kwargs: Any) -> Any:
    """Forwards its arguments to ``Field`` (mealie's ``UpdatedAtField``): what a call is
    given decides the default, as if ``Field`` were called."""
    kwargs.setdefault("ge", 0)
    return Field(*args, **kwargs)


class PageWindow(SQLModel):
    position: int = PositionField()
    rank: int = PositionField(...)
    offset: int | None = PositionField(None)
