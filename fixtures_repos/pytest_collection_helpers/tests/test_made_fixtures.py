def test_reachable(reachable_config: dict[str, str]) -> None:
    assert reachable_config["file"] == "reachable.yml"


def test_unreachable(unreachable_config: dict[str, str], db: str) -> None:
    assert unreachable_config["db"] == db


def test_made_token(made_token: str) -> None:
    assert made_token == "t0k3n"
