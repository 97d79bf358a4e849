def test_client(client: str) -> None:
    assert client == "client"
