"""Arguments pytest fills without fixtures (parametrize, mock's patch decorators) or never
asks for (defaults, ``*args``, ``**kwargs``), and a fixture named like a test."""

import os
from typing import Any
from unittest import mock
from unittest.mock import MagicMock, patch

import pytest
from hypothesis import given
from hypothesis import strategies as st


@pytest.fixture
def test_settings() -> dict[str, str]:
    """A fixture named like a test: pytest never collects a fixture as a test."""
    return {"env": "test"}


def test_uses_settings(db: str, test_settings: dict[str, str]) -> None:
    assert test_settings["env"] == "test" and db


@pytest.fixture
def loose(db: str, *args: Any, retries: int = 3, **kwargs: Any) -> str:
    """Requests ``db`` only: no var-args, no argument with a default."""
    return db * retries


def test_var_args(db: str, loose: str, *args: Any, **kwargs: Any) -> None:
    assert loose and not args and not kwargs


@pytest.mark.parametrize(argnames=("left", "right"), argvalues=[(1, 2)])
def test_keyword_argnames(db: str, left: int, right: int) -> None:
    assert left < right


@pytest.mark.parametrize(("same", "expected"), [(True, True), (False, False)])
class TestClassParametrized:
    def test_pairs(self, db: str, same: bool, expected: bool) -> None:
        assert same == expected

    class TestInner:
        def test_inner(self, db: str, same: bool, expected: bool) -> None:
            assert same == expected


class TestBodyMark:
    pytestmark = pytest.mark.parametrize("size", [1])

    def test_size(self, db: str, size: int) -> None:
        assert size == 1


@patch("os.getcwd")
def test_patched(mock_getcwd: MagicMock, db: str) -> None:
    mock_getcwd.return_value = "/x"
    assert os.getcwd() == "/x"


@mock.patch.object(os, "getpid")
@patch("os.getcwd", new_callable=MagicMock)
@patch("os.getppid", return_value=1)
def test_stacked(cwd: MagicMock, ppid: MagicMock, pid: MagicMock, db: str) -> None:
    """``new_callable`` and ``return_value`` still pass the mock in; the innermost comes first."""
    assert isinstance(cwd, MagicMock) and os.getppid() == 1 and pid is os.getpid


@patch("os.getcwd", lambda: "/y")
@patch.dict(os.environ, {"MODE": "test"})
@patch("os.getppid", new=MagicMock())
def test_not_injected(db: str) -> None:
    """A replacement given as ``new`` (or positionally) and ``patch.dict`` inject nothing."""
    assert os.getcwd() == "/y" and os.environ["MODE"] == "test"


patch_cwd = patch("os.getcwd", name="cwd", spec=True)
patch_pid = mock.patch.object(os, "getpid")
patch_mode = patch.dict(os.environ, {"MODE": "shared"})


@patch_pid
@patch_cwd
@patch_mode
def test_shared_patchers(cwd: MagicMock, pid: MagicMock, db: str) -> None:
    """Patchers built once and applied by name (blueapi's ``patch_client_session``)."""
    assert isinstance(cwd, MagicMock) and os.environ["MODE"] == "shared"


def patch_ppid(func):
    """A decorator of the project's applying a patcher: its mock is passed in too."""
    return patch("os.getppid", return_value=7)(func)


@patch_ppid
def test_patched_by_a_helper(ppid: MagicMock, db: str) -> None:
    assert os.getppid() == 7 and isinstance(ppid, MagicMock)


@patch("os.getcwd")
class TestPatchedClass:
    """A class decorator patches the methods whose names start with ``test``."""

    def test_method(self, cwd: MagicMock, db: str) -> None:
        assert isinstance(cwd, MagicMock)

    @patch("os.getppid")
    def test_both(self, ppid: MagicMock, cwd: MagicMock, db: str) -> None:
        assert isinstance(ppid, MagicMock) and isinstance(cwd, MagicMock)


@pytest.fixture(scope="module")
def offset() -> int:
    return 1


@given(x=st.integers(), y=st.integers())
def test_given_by_keyword(offset: int, x: int, y: int) -> None:
    """hypothesis fills ``x`` and ``y`` and takes them out of the signature pytest reads."""
    assert x + y + offset == y + x + offset


@given(st.integers())
def test_given_positionally(offset: int, value: int) -> None:
    """A positional strategy fills the last argument."""
    assert value + offset - offset == value


@pytest.fixture(params=["mild", "hot"])
def flavour(request: pytest.FixtureRequest) -> str:
    """A fixture with params= (agenta, feast): the tests below still ask for it."""
    return str(request.param)


def test_flavoured(flavour: str) -> None:
    assert flavour


@pytest.mark.parametrize("flavour", ["sour"], indirect=True)
def test_indirect(flavour: str) -> None:
    assert flavour == "sour"
