from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from registry.main import app
from registry.services.agent_service import agent_service
from registry.services.server_service import server_service


@pytest.fixture(autouse=True)
def reset_repositories() -> Iterator[None]:
    """Every test starts with empty storage."""
    yield
    server_service._repository.clear()
    agent_service._repository.clear()


@pytest.fixture
def client() -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client
    app.dependency_overrides.clear()


@pytest.fixture(scope="session")
def api_key_headers() -> dict[str, str]:
    return {"X-API-Key": "dev-key"}
