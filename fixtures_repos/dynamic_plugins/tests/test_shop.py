def test_order(order: str) -> None:
    assert order == "order of user of db"


def test_db(db: str) -> None:
    assert db == "db"
