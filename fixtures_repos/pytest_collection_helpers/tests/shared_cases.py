import pytest

__all__ = ["TestSharedCases", "test_shared_payload"]


@pytest.fixture
def payload() -> dict[str, int]:
    return {"id": 1}


def test_shared_payload(payload: dict[str, int]) -> None:
    assert payload["id"] == 1


def test_not_exported() -> None:
    raise AssertionError("not in __all__: the star import leaves it out")


class TestSharedCases:
    def test_case(self, payload: dict[str, int]) -> None:
        assert payload


def _private_helper() -> None:
    pass
