"""Collected: testpaths count only for a run given no path."""


def check_script(db: str) -> None:
    assert db
