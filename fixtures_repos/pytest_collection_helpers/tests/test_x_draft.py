def test_x_draft() -> None:
    pass
