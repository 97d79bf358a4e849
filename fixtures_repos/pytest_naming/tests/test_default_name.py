def check_here(db: str) -> None:
    assert db
