def test_only_for_type_checkers() -> None:
    raise AssertionError("imported under TYPE_CHECKING only: pytest never sees it in test_v1")
