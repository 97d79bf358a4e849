"""Left out of the run: tests/broken/check_broken.py."""


def check_left_out(db: str) -> None:
    assert db
