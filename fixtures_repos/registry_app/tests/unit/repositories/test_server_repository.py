from datetime import datetime, timezone

import pytest

from registry.repositories.server_repository import ServerRepository
from registry.schemas.server import ServerRead


@pytest.mark.unit
def test_find_by_name() -> None:
    repository = ServerRepository()
    server = ServerRead(
        id="1", name="weather", url="https://w.example", created_at=datetime.now(timezone.utc)
    )
    repository.add(server.id, server)
    assert repository.find_by_name("weather") == server
    assert repository.find_by_name("other") is None
