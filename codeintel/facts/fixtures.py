"""pytest's view: fixtures with scope and visibility, test functions, dependency overrides."""

from __future__ import annotations

from typing import Literal

from codeintel.facts.base import Frozen

TestKind = Literal["unit", "integration", "e2e", "other"]


class Fixture(Frozen):
    name: str  # as tests request it (``name=`` honoured)
    function: str  # qualified name of the function
    file: str
    line: int
    end_line: int
    scope: str  # "function" | "class" | "module" | "package" | "session"
    autouse: bool
    params: bool
    requests: tuple[str, ...]  # the fixtures it asks for, by argument name
    #: who sees it: a directory ("" for the root) for a conftest fixture, the module's file for
    #: one defined in a test module, "file::Class" inside a test class, "*" for a plugin's
    #: ("*folder" for one only a conftest below the root names: seen below that folder)
    visible_from: str
    #: the conftest, test module or plugin that binds it by import, when defined elsewhere
    #: (pytest registers every fixture in such a module's namespace, under the name bound)
    via: str = ""
    #: a plugin's place in the order pytest registers plugins (0 for the others): of two
    #: plugins' fixtures of one name, the one registered later wins
    registered: int = 0
    #: an ``async def`` fixture, whether ``@pytest_asyncio.fixture`` decorates it, and the
    #: event loop scope it asks that for (``loop_scope=``): how pytest-asyncio runs it
    coroutine: bool = False
    asyncio_decorated: bool = False
    loop_scope: str | None = None


class TestFunction(Frozen):
    __test__ = False  # not a pytest test class, despite the name

    name: str
    qualname: str
    file: str
    line: int
    end_line: int
    is_async: bool
    markers: tuple[str, ...]
    parametrized: bool
    fixtures: tuple[str, ...]  # the fixtures its arguments ask for (pytest's ``argnames``)
    kind: TestKind  # from the path
    tests_modules: tuple[str, ...]  # project (non-test) modules its module imports
    #: the fixtures ``@pytest.mark.usefixtures(...)`` on it, its classes or its module add
    uses: tuple[str, ...] = ()
    #: the names a direct ``parametrize`` (or ``pytest_generate_tests``) fills with values:
    #: no fixture of those names is set up for it, even one another fixture requests
    params: tuple[str, ...] = ()


class Override(Frozen):
    """``app.dependency_overrides[provider] = replacement`` in a test or fixture."""

    file: str
    line: int
    provider: str
    replacement: str


class TestFacts(Frozen):
    __test__ = False

    fixtures: tuple[Fixture, ...]
    tests: tuple[TestFunction, ...]
    overrides: tuple[Override, ...]
