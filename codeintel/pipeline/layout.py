"""Where things live by convention: which files are tests."""

from __future__ import annotations

_TEST_DIRS = frozenset({"tests", "test", "testing"})


def is_test_path(path: str) -> bool:
    """pytest's default discovery names, plus anything under a ``tests`` folder."""
    *folders, name = path.split("/")
    if name == "conftest.py" or name.startswith("test_") or name.endswith("_test.py"):
        return True
    return any(folder in _TEST_DIRS for folder in folders)
