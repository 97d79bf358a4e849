import pytest

from tests.helpers import token as auth_token

from tests.helpers import session


@pytest.fixture
def session() -> str:  # noqa: F811
    return "api session"
