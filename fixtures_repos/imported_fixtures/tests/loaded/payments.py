import pytest


@pytest.fixture
def payment_config() -> dict[str, str]:
    return {"key": "sk"}


@pytest.fixture
def _payment_secret() -> str:
    return "hidden: a star import leaves out a leading underscore"
