from typing import Any

import pytest

pytest_plugins = ["fixtures.db"]

collect_ignore = ["test_skipped.py"]
collect_ignore.append("test_legacy.py")
collect_ignore += ["test_old.py"]
collect_ignore_glob = ["*_draft.py"]
collect_ignore_glob.append("*_wip.py")
collect_ignore_glob = ["*_wip.py"]  # a new list: drafts are collected again


def pytest_generate_tests(metafunc: Any) -> None:
    if "backend" in metafunc.fixturenames:
        metafunc.parametrize("backend", ["sqlite", "postgres"])
    elif "store" in metafunc.fixturenames:  # only where no `backend` is asked for
        metafunc.parametrize("store", ["memory", "disk"])
    if metafunc.function.__name__ == "test_matrix":  # other tests get the fixture `size`
        metafunc.parametrize("size", [1, 2])


def make_config_fixture(filename: str) -> Any:
    """Fixtures a factory makes: pytest registers each under the name it is bound to."""

    @pytest.fixture
    def _config(db: str) -> dict[str, str]:
        return {"file": filename, "db": db}

    return _config


reachable_config = make_config_fixture("reachable.yml")
unreachable_config = make_config_fixture("unreachable.yml")


def make_token_fixture(token: str) -> Any:
    """The decorator applied by hand: ``return pytest.fixture(_token)``."""

    def _token() -> str:
        return token

    return pytest.fixture(_token)


made_token = make_token_fixture("t0k3n")
