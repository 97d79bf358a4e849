from tests.helpers import token

# Kept so a formatter leaves the import alone (AutoGPT's tests): pytest finds the fixture
# in the module's namespace under that name.
token = token


def test_rebound(token: str) -> None:
    assert token == "token"
