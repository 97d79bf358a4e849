import pytest
from fastapi.testclient import TestClient

from registry.api.dependencies import get_server_service
from registry.main import app
from registry.repositories.server_repository import ServerRepository
from registry.services.server_service import ServerService


@pytest.mark.integration
def test_create_then_read(client: TestClient) -> None:
    created = client.post("/api/v1/servers", json={"name": "weather", "url": "https://w.example"})
    assert created.status_code == 201
    server_id = created.json()["id"]
    assert client.get(f"/api/v1/servers/{server_id}").json()["name"] == "weather"


@pytest.mark.integration
def test_missing_server_is_404(client: TestClient) -> None:
    app.dependency_overrides[get_server_service] = lambda: ServerService(ServerRepository())
    assert client.get("/api/v1/servers/nope").status_code == 404
