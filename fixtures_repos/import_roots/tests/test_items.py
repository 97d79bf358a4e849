from src.app.main import app


def test_the_app_serves_items() -> None:
    assert any(route.path == "/api/items/" for route in app.routes)
