def test_skipped() -> None:
    pass
