import pytest

from tests.unit.marks import SETTINGS, SHARED

pytestmark = SHARED + [pytest.mark.usefixtures("token")]

BOTH = [pytest.mark.usefixtures("settings"), pytest.mark.usefixtures("token")]


class TestListed:
    pytestmark = BOTH

    def test_listed(self) -> None:
        assert True


class TestOne:
    pytestmark = SETTINGS

    def test_one(self) -> None:
        assert True


def test_module_marks() -> None:
    assert True
