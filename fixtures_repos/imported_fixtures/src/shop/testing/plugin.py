"""The package's pytest plugin, which pytest loads through the `pytest11` entry point."""

import pytest


@pytest.fixture(autouse=True)
def clean_outbox() -> list[str]:
    return []


@pytest.fixture
def courier(clean_outbox: list[str]) -> str:
    return f"courier:{len(clean_outbox)}"
