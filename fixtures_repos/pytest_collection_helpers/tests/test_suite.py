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


def test_pool(pool: str) -> None:
    assert pool


def test_store(store: str) -> None:
    assert store


def test_store_beside_backend(backend: str, store: str) -> None:
    assert store == "fixture"


@cases("sqlite", name="db", indirect=True)
def test_indirect(db: str) -> None:
    assert db


def test_matrix(size: int) -> None:
    assert size


def test_other_size(size: int) -> None:
    assert size == 0


@pytest.fixture(name="token")
def _token_first() -> str:
    return "first"


@pytest.fixture
def token() -> str:
    return "second"  # pytest registers names in dir() order: this one wins


def test_token(token: str) -> None:
    assert token == "second"
