import pytest
import pytest_asyncio


@pytest_asyncio.fixture
async def connection(db: str) -> str:  # pytest-asyncio wraps it: pytest holds the wrapper
    return db


@pytest.mark.asyncio
async def test_connected(connection: str) -> None:
    assert connection
