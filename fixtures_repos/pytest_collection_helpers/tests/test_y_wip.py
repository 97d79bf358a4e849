def test_y_wip() -> None:
    pass
