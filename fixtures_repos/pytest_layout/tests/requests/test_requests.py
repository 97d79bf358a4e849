"""Arguments pytest fills without fixtures (parametrize, mock's patch decorators) or never
asks for (defaults, ``*args``, ``**kwargs``), and a fixture named like a test."""

import pytest


@pytest.fixture
def test_settings() -> dict[str, str]:
    """A fixture named like a test: pytest never collects a fixture as a test."""
    return {"env": "test"}


def test_uses_settings(db: str, test_settings: dict[str, str]) -> None:
    assert test_settings["env"] == "test" and db


@pytest.mark.parametrize(argnames=("left", "right"), argvalues=[(1, 2)])
def test_keyword_argnames(db: str, left: int, right: int) -> None:
    assert left < right


@pytest.mark.parametrize(("same", "expected"), [(True, True), (False, False)])
class TestClassParametrized:
    def test_pairs(self, db: str, same: bool, expected: bool) -> None:
        assert same == expected

    class TestInner:
        def test_inner(self, db: str, same: bool, expected: bool) -> None:
            assert same == expected


class TestBodyMark:
    pytestmark = pytest.mark.parametrize("size", [1])

    def test_size(self, db: str, size: int) -> None:
        assert size == 1
