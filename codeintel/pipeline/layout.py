"""Where things live by convention: which files are tests, which configure pytest."""

from __future__ import annotations

_TEST_DIRS = frozenset({"tests", "test", "testing"})

#: The files pytest looks for in each folder, in its order (_pytest/config/findpaths.py).
PYTEST_FILES = (
    "pytest.toml",
    ".pytest.toml",
    "pytest.ini",
    ".pytest.ini",
    "pyproject.toml",
    "tox.ini",
    "setup.cfg",
)


def is_test_path(path: str) -> bool:
    """pytest's default discovery names, plus anything under a ``tests`` folder."""
    *folders, name = path.split("/")
    if name == "conftest.py" or name.startswith("test_") or name.endswith("_test.py"):
        return True
    return any(folder in _TEST_DIRS for folder in folders)
