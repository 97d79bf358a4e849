import pytest

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def test_module_marked() -> None:  # anyio's plugin adds usefixtures("anyio_backend")
    assert True


def test_not_a_coroutine() -> None:  # marked, but not a coroutine: nothing added
    assert True


class TestMarkedClass:
    async def test_in_class(self) -> None:
        assert True
