import pytest


@pytest.fixture
def fake_data() -> dict[str, str]:
    return {"terms": "fall"}
