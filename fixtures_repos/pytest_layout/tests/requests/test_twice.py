"""Names defined twice in one module (keep's test_workflow_filters.py): the module's
namespace holds the last definition, and that is the one pytest collects or registers."""

import pytest


@pytest.fixture
def token() -> str:
    return "first"


def test_patterns(db: str) -> None:
    raise AssertionError("replaced below: pytest never runs this one")


@pytest.fixture
def token(db: str) -> str:  # noqa: F811
    return f"second-{db}"


def test_patterns(db: str, token: str) -> None:  # noqa: F811
    assert token == f"second-{db}"
