"""Left out of the run: tests/generated/check_generated.py."""


def check_left_out(db: str) -> None:
    assert db
