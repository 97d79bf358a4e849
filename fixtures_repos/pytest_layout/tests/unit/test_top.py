import pytest

from app import double

pytestmark = pytest.mark.slow


def test_uses_unit_db(db: str, settings: dict[str, str]) -> None:
    assert db == "root/unit" and settings["env"] == "test"


@pytest.mark.parametrize("value", [1, 2])
def test_double(value: int, tmp_path: object) -> None:
    assert double(value) == value * 2


class TestGrouped:
    @pytest.fixture(scope="class")
    def db(self) -> str:
        return "class"

    def test_sees_class_db(self, db: str) -> None:
        assert db == "class"
