import pytest


class TestShared:
    def test_uses_db(self, db: str) -> None:
        assert db


class TestSharedChild(TestShared):
    def test_own(self) -> None:
        pass


@pytest.mark.parametrize("db", ["direct"])
class TestParametrizedChild(TestShared):
    """The collecting class's marks apply to what it inherits: ``db`` is filled directly."""


class _Left(TestShared):
    pass


class _Right(TestShared):
    def test_uses_db(self) -> None:
        pass


class TestDiamond(_Left, _Right):
    """Python's C3 order puts ``_Right`` before ``TestShared``: its override is collected,
    where a depth-first walk would reach ``TestShared`` first, through ``_Left``."""


class TestSwitchedOff(TestShared):
    __test__ = False


class TestWithInit(TestShared):
    def __init__(self) -> None:
        self.ready = True


class TestTokens:
    """Its fixture method is registered wherever the class is collected, imported too."""

    @pytest.fixture
    def shared_token(self) -> str:
        return "token"

    def test_token(self, shared_token: str) -> None:
        assert shared_token
