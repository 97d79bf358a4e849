"""Left out of the run: tests/legacy/check_old.py."""


def check_left_out(db: str) -> None:
    assert db
