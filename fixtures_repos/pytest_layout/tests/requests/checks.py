"""Checks several test modules reuse: not a test module itself."""


def test_shared_check(db: str) -> None:
    assert db
