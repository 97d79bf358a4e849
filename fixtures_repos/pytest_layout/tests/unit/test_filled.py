import pytest


@pytest.fixture
def token_user(token: str) -> str:
    return "user:" + token


@pytest.mark.parametrize("token", ["given"])  # fills token for token_user: no fixture runs
def test_token_filled(token_user: str) -> None:
    assert token_user == "user:given"
