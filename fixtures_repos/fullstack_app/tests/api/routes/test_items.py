from fastapi.testclient import TestClient


def test_create_then_read_item(client: TestClient, user_token_headers: dict[str, str]) -> None:
    created = client.post("/api/v1/items/", headers=user_token_headers, json={"title": "Foo"})
    assert created.status_code == 200
    item_id = created.json()["id"]
    read = client.get(f"/api/v1/items/{item_id}", headers=user_token_headers)
    assert read.json()["title"] == "Foo"


def test_read_item_not_found(client: TestClient, user_token_headers: dict[str, str]) -> None:
    response = client.get("/api/v1/items/999999", headers=user_token_headers)
    assert response.status_code == 404


def test_items_need_a_token(client: TestClient) -> None:
    assert client.get("/api/v1/items/").status_code == 401
