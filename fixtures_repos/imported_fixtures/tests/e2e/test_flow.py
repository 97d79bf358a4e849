def test_account_flow(account: dict[str, str]) -> None:
    assert account["name"] == "e2e"
