import pytest


class ClientBase:
    """Not collected (no ``Test`` prefix); its fixtures reach the test classes that inherit it."""

    @pytest.fixture
    def mock_client(self) -> str:
        return "base"

    @pytest.fixture
    def token(self) -> str:
        return "base-token"
