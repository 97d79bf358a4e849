def test_old() -> None:
    pass
