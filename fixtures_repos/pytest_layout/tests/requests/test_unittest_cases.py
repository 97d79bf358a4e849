import os
import unittest
from unittest import IsolatedAsyncioTestCase
from unittest.mock import MagicMock, patch


class GetDBTest(unittest.TestCase):
    """Collected though not named Test*: pytest's unittest plugin takes any TestCase."""

    def test_plain(self) -> None:
        self.assertTrue(os.sep)

    @patch("os.getcwd")
    def test_patched(self, mock_getcwd: MagicMock) -> None:
        mock_getcwd.return_value = "/"
        self.assertEqual(os.getcwd(), "/")

    class TestNested:
        """Not collected: pytest collects no class inside a TestCase."""

        def test_never(self) -> None:
            raise AssertionError


class ClientAsyncTest(IsolatedAsyncioTestCase):
    async def test_async(self) -> None:
        self.assertTrue(True)


class Helpers:
    """Neither Test* nor a TestCase: pytest collects nothing here."""

    def test_helper(self) -> None:
        raise AssertionError
