from fastapi.testclient import TestClient

from main import app

client = TestClient(app)


def test_create_then_read() -> None:
    created = client.post("/notes", json={"text": "hello"})
    assert created.status_code == 201
    assert client.get(f"/notes/{created.json()}").json() == "hello"


def test_missing_note_is_404() -> None:
    assert client.get("/notes/999").status_code == 404
