import pytest  # noqa: F401 - the conftest's star import brings `pytest` too
from pytest import fixture


@fixture
def ledger() -> list[str]:
    return []
