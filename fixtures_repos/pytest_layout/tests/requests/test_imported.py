"""pytest collects every function its namespace holds whose name it takes, wherever it was
defined: the imported check is a test of this module (julep's suite)."""

from tests.requests.checks import test_connection, test_shared_check

__all__ = ["test_connection", "test_shared_check"]
