import pytest

__all__ = ["TestSharedCases"]
__all__ += ["test_shared_payload"]


@pytest.fixture
def payload() -> dict[str, int]:
    return {"id": 1}


@pytest.fixture
def version() -> str:
    return "v1"


def test_shared_payload(payload: dict[str, int]) -> None:
    raise AssertionError("defined again below: the module's namespace keeps the last def")


def test_shared_payload(payload: dict[str, int], version: str) -> None:  # noqa: F811
    assert payload["id"] == 1 and version


def test_not_exported() -> None:
    raise AssertionError("not in __all__: the star import leaves it out")


class TestSharedCases:
    def test_case(self, payload: dict[str, int]) -> None:
        assert payload


def _private_helper() -> None:
    pass
