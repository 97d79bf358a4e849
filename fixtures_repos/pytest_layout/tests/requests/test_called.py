"""Fixtures made by calling ``pytest.fixture`` on a function: named as the module binds them,
or by ``name=``."""

import pytest


def _make_store() -> dict[str, str]:
    return {}


def _make_cache() -> dict[str, str]:
    return {}


store = pytest.fixture(_make_store)
cache = pytest.fixture(scope="module", name="shared_cache")(_make_cache)


def test_uses_called_fixtures(store: dict[str, str], shared_cache: dict[str, str]) -> None:
    assert store == shared_cache
