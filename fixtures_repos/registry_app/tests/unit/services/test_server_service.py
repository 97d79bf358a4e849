from unittest.mock import MagicMock

import pytest

from registry.exceptions import NotFoundError
from registry.schemas.server import ServerCreate
from registry.services.server_service import ServerService


@pytest.fixture
def mock_repository() -> MagicMock:
    repository = MagicMock()
    repository.find_by_name.return_value = None
    return repository


@pytest.mark.unit
async def test_create_server_stores_it(mock_repository: MagicMock) -> None:
    service = ServerService(mock_repository)
    server = await service.create_server(ServerCreate(name="weather", url="https://w.example"))
    mock_repository.add.assert_called_once_with(server.id, server)


@pytest.mark.unit
async def test_get_missing_server_raises(mock_repository: MagicMock) -> None:
    mock_repository.get.return_value = None
    with pytest.raises(NotFoundError):
        await ServerService(mock_repository).get_server("nope")
