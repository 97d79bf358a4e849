"""Tests wrapped by the project's own decorators: pytest reads the signature of what the
module's name holds."""

import functools
import inspect
from collections.abc import Callable

import pytest


def with_session(test: Callable[[], None]) -> Callable[..., None]:
    # no functools.wraps: the wrapper's own arguments are what pytest asks for
    def run(db: str, *args: object, **kwargs: object) -> None:
        test(*args, **kwargs)

    return run


def keeping_signature(test: Callable[[str], None]) -> Callable[..., None]:
    @functools.wraps(test)
    def run(*args: object, **kwargs: object) -> None:
        test(*args, **kwargs)  # type: ignore[arg-type]

    return run


@with_session
def test_in_a_session() -> None:
    pass


@pytest.mark.slow
@with_session
def test_marked_in_a_session() -> None:
    pass


@keeping_signature
def test_wrapped_keeps_its_own(db: str) -> None:
    pass


def updating(test: Callable[[str], None]) -> Callable[..., None]:
    def run(*args: object, **kwargs: object) -> None:
        test(*args, **kwargs)  # type: ignore[arg-type]

    functools.update_wrapper(run, test)
    return run


def signed(test: Callable[[str], None]) -> Callable[..., None]:
    def run(*args: object, **kwargs: object) -> None:
        test(*args, **kwargs)  # type: ignore[arg-type]

    run.__signature__ = inspect.signature(test)  # type: ignore[attr-defined]
    return run


@updating
def test_updated_keeps_its_own(db: str) -> None:
    pass


@signed
def test_signed_keeps_its_own(db: str) -> None:
    pass
