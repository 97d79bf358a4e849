def test_starred(cache: dict[str, str], clock: int, ledger: list[str]) -> None:
    assert (cache, clock, ledger) == ({}, 0, [])
