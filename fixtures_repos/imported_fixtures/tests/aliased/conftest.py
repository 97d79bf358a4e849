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


def make_fixture(value: str, name: str):  # returns pytest's fixture object
    """A helper making a fixture pytest registers by the name it is given, not by the
    variable holding it (model_mommy's make_fixture(recipe, name))."""

    @pytest.fixture(name=name)
    def _fixture() -> str:
        return value

    return _fixture


admin_fixture = make_fixture("root", "admin")
