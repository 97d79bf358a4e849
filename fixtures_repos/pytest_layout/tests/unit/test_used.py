import pytest

pytestmark = pytest.mark.usefixtures("db")


@pytest.mark.usefixtures("settings")
class TestUsed:
    def test_plain(self) -> None:
        assert True

    @pytest.mark.usefixtures("token")
    def test_more(self) -> None:
        assert True


def test_module_level() -> None:
    assert True


NEEDED = ("db", "token")


@pytest.mark.usefixtures(*NEEDED)
def test_spread() -> None:
    assert True


@pytest.mark.usefixtures(*["settings"], "token")
def test_spread_display() -> None:
    assert True
