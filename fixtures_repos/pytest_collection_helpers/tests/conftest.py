from typing import Any

pytest_plugins = ["fixtures.db"]

collect_ignore = ["test_skipped.py"]
collect_ignore.append("test_legacy.py")
collect_ignore += ["test_old.py"]


def pytest_generate_tests(metafunc: Any) -> None:
    if "backend" in metafunc.fixturenames:
        metafunc.parametrize("backend", ["sqlite", "postgres"])
