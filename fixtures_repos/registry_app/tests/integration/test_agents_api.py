import pytest
from fastapi.testclient import TestClient


@pytest.mark.integration
def test_agents_need_an_api_key(client: TestClient) -> None:
    assert client.get("/api/v1/agents/").status_code == 422


@pytest.mark.integration
def test_create_agent(client: TestClient, api_key_headers: dict[str, str]) -> None:
    response = client.post("/api/v1/agents/", json={"name": "planner"}, headers=api_key_headers)
    assert response.status_code == 201
