import pytest


@pytest.fixture
def mailing_config(payment_config: dict[str, str]) -> dict[str, str]:
    return {"dc": "us1", **payment_config}
