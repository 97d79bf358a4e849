import pytest
from helpers import cases

with_ids = pytest.mark.parametrize("user_id", [1, 2])


@with_ids
def test_user(user_id: int, db: str) -> None:
    assert db


@cases(1, 2)
def test_case(case: int) -> None:
    assert case


@cases("a", name="letter")
def test_letter(letter: str, db: str) -> None:
    assert letter


def test_backend(backend: str, db: str, engine: str) -> None:
    assert backend
