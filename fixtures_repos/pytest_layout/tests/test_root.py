def test_root_db(db: str) -> None:
    assert db == "root"
