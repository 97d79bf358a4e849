import pytest


@pytest.fixture
def account() -> dict[str, str]:
    return {"name": "e2e"}
