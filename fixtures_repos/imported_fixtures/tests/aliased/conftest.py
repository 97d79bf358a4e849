import pytest


@pytest.fixture(scope="session")
def shop_services_dir() -> str:
    return "services"


@pytest.fixture
def client_dir(services_dir: str) -> str:
    return f"{services_dir}/client"


# a second name kept for older tests (osparc's pytest_simcore): pytest registers both
services_dir = shop_services_dir


# a decorator made by calling pytest's with options, then used bare (module_fixture in the
# wild): each fixture it decorates has those options
module_fixture = pytest.fixture(scope="module")


@module_fixture
def region() -> str:
    return "eu"
