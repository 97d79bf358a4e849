"""Helpers for the API tests; its fixture counts only where it is imported."""

import pytest


@pytest.fixture
def token() -> str:
    return "token"


@pytest.fixture
def session() -> str:
    return "helpers session"
