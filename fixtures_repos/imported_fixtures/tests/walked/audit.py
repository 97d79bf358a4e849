import pytest


@pytest.fixture
def audit_log() -> list[str]:
    return []
