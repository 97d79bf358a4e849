from shop.testing.fixtures import unexported


def test_order(session: str, client: str, auth_token: str, app_settings: dict[str, str]) -> None:
    assert session == "api session"
    assert client == "client:test"
    assert auth_token == "token"


def test_unexported(unexported: str) -> None:
    assert unexported == "not in __all__"
