"""Fixtures made by calling ``pytest.fixture`` on a function: named as the module binds them,
or by ``name=``; the function may be one a factory returns (horse's numbered domains)."""

import pytest


def _make_store() -> dict[str, str]:
    return {}


def _make_cache() -> dict[str, str]:
    return {}


def _domain_factory(number: int):  # type: ignore[no-untyped-def]
    def domain(store: dict[str, str]) -> str:
        return f"domain {number}"

    return domain


store = pytest.fixture(_make_store)
stock = pytest.fixture(_make_store, name="stock")  # one function, a second fixture
cache = pytest.fixture(scope="module", name="shared_cache")(_make_cache)
domain_0_func = pytest.fixture(name="domain_0")(_domain_factory(0))
domain_1_func = pytest.fixture(name="domain_1")(_domain_factory(1))


def test_uses_called_fixtures(
    store: dict[str, str], stock: dict[str, str], shared_cache: dict[str, str]
) -> None:
    assert store == stock == shared_cache


def test_uses_made_fixtures(domain_0: str, domain_1: str) -> None:
    assert domain_0 != domain_1
