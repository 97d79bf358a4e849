import pytest

from tests.unit.bases import ClientBase


@pytest.fixture
def mock_client() -> str:
    return "module"


class TestUpload:
    @pytest.fixture
    def mock_client(self) -> str:
        return "upload"

    def test_upload(self, mock_client: str) -> None:
        assert mock_client == "upload"

    class TestNested:
        @pytest.fixture
        def token(self) -> str:
            return "nested"

        def test_sees_outer_client(self, mock_client: str, token: str) -> None:
            assert (mock_client, token) == ("upload", "nested")


class TestDelete:
    @pytest.fixture
    def mock_client(self, db: str) -> str:
        return "delete/" + db

    def test_delete(self, mock_client: str) -> None:
        assert mock_client == "delete/root/unit"


class TestInherited(ClientBase):
    # shadows the base's ``token`` as Python does: pytest never sees that one here
    @pytest.fixture
    def token(self, db: str) -> str:
        return "own/" + db

    def test_inherited(self, mock_client: str, token: str) -> None:
        assert (mock_client, token) == ("base", "own/root/unit")


def test_module_client(mock_client: str) -> None:
    assert mock_client == "module"
