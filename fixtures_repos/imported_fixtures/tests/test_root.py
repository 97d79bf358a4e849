def test_root(session: str, engine: str, client: str) -> None:
    assert session == "session:engine"
