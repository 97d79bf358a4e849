"""Left out of the run: tests/check_draft_wip.py."""


def check_left_out(db: str) -> None:
    assert db
