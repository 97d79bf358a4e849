def test_new_name(shop_services_dir: str) -> None:
    assert shop_services_dir == "services"


def test_old_name(services_dir: str, client_dir: str) -> None:
    assert client_dir == f"{services_dir}/client"
