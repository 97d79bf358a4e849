import pytest
from fastapi import FastAPI

from shop.factory_served import create_app


@pytest.fixture
def test_app() -> FastAPI:
    return create_app(prefix="/under-test")
