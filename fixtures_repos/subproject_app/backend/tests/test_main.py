from fastapi.testclient import TestClient

from app.main import app


def test_read_item() -> None:
    response = TestClient(app).get("/api/items/3")
    assert response.json() == {"id": 3}
