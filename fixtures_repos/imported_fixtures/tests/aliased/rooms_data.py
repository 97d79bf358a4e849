import pytest


@pytest.fixture(autouse=True)
def fake_data(shop_services_dir: str) -> dict[str, str]:
    return {"rooms": shop_services_dir}
