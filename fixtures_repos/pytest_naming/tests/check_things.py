import unittest

import pytest


@pytest.fixture
def user() -> str:
    return "alice"


def check_db(db: str) -> None:
    assert db


def it_works(db: str, user: str) -> None:
    assert db and user


def test_skipped(db: str) -> None:
    raise AssertionError("python_functions does not name it")


class CheckGroup:
    def check_inside(self, user: str) -> None:
        assert user

    def test_inside_skipped(self, db: str) -> None:
        raise AssertionError("python_functions does not name it")


class UserSuite:
    def check_user(self, user: str) -> None:
        assert user


class TestIgnored:
    def check_never(self, db: str) -> None:
        raise AssertionError("python_classes does not name the class")


class LegacyCase(unittest.TestCase):
    def test_legacy(self) -> None:
        self.assertTrue(True)

    def check_legacy(self) -> None:
        raise AssertionError("unittest's loader takes test* only")
