import pytest

# marks added up from lists: pytest applies every one
pytestmark = [pytest.mark.filterwarnings("ignore")] + [pytest.mark.usefixtures("client_dir")]


def test_region(region: str) -> None:
    assert region == "eu"


def test_admin(admin: str) -> None:
    assert admin == "root"
