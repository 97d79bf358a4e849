import pytest


@pytest.fixture
def service() -> str:
    return "service"


def test_service(service: str) -> None:
    assert service == "service"
