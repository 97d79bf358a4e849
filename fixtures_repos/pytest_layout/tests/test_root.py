def test_root_db(db: str) -> None:
    assert db == "root"


def test_plugins_registered_later_win(settings: dict[str, str], token: str) -> None:
    assert (settings, token) == ({"env": "later"}, "overrides")
