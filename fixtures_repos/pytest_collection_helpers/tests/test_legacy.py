def test_legacy() -> None:
    pass
