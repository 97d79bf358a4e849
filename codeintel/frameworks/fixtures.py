"""pytest: fixtures with their scope and visibility, test functions, dependency overrides."""

from __future__ import annotations

import fnmatch
import posixpath
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import NamedTuple

from codeintel.diagnostics import Diagnostic
from codeintel.facts.fixtures import Fixture, Override, TestFacts, TestFunction, TestKind
from codeintel.facts.ids import fixture_id
from codeintel.facts.models import Guard, ModuleFacts, SymbolFact, Value
from codeintel.facts.project import Dependency, PytestSettings
from codeintel.frameworks.factoryboy import registered_fixtures
from codeintel.frameworks.plugin_globs import plugin_names
from codeintel.resolve.evaluate import Evaluator, argument
from codeintel.resolve.framework_names import ASYNCIO_FIXTURES, FIXTURE_DECORATORS, UNITTEST_CASES
from codeintel.resolve.resolver import Target
from codeintel.resolve.truth import holds
from codeintel.resolve.walks import autoloaded, namespace_write

_KINDS: tuple[tuple[str, TestKind], ...] = (
    ("unit", "unit"),
    ("integration", "integration"),
    ("e2e", "e2e"),
    ("functional", "e2e"),
    ("api", "integration"),
)
#: ``unittest.mock`` patchers (and the ``mock`` backport's) that pass their mock in as the next
#: positional argument when given no replacement, with the position of that replacement (``new``).
_PATCHERS: dict[str, int] = {
    "unittest.mock.patch": 1,
    "unittest.mock.patch.object": 2,
    "mock.patch": 1,
    "mock.patch.object": 2,
}
_MOCK_DEFAULTS = frozenset({"unittest.mock.DEFAULT", "mock.DEFAULT"})
_NAMED = frozenset({"positional", "keyword"})  # not ``*args`` or ``**kwargs``
_MAX_HOPS = 8  # names followed to the value pytest_plugins holds (``pytest_plugins = PLUGINS``)
_SHOWN = 80  # characters of an expression a diagnostic quotes


def extract_tests(
    evaluator: Evaluator,
    entry_points: Iterable[tuple[str, str]] = (),
    settings: Callable[[str], PytestSettings | None] = lambda _: None,
) -> tuple[TestFacts, list[Diagnostic]]:
    """pytest's fixtures, tests and dependency overrides, and the diagnostics for what
    cannot be known statically. ``entry_points``: the modules the project declares as
    ``pytest11`` plugins, each with the folder whose tests see it once it is installed;
    ``settings``: the pytest config that governs the tests of a folder, if any."""
    resolver = evaluator.resolver
    modules = sorted(resolver.modules.values(), key=lambda m: m.file)
    diagnostics: list[Diagnostic] = []
    collects = {m.file: _Collects(settings(posixpath.dirname(m.file))) for m in modules}
    installed: dict[str, str] = {}
    for name, folder in entry_points:  # one plugin several configs load: the widest reach
        plugin = resolver.alias(name) or name
        installed[plugin] = _either_reach(installed.get(plugin, f"*{folder}"), f"*{folder}")
    # as pytest registers them: installed plugins first, as the configuration lists them,
    # then conftests and test modules in the order it collects them
    loaded = [resolver.modules[name] for name in installed if name in resolver.modules]
    loaded += sorted(
        (m for m in modules if _is_test_file(m.file, collects[m.file])), key=_collection_order
    )
    plugins = {**_plugins(loaded, evaluator, diagnostics, settings, installed), **installed}
    ignored = _ignored_by_conftests(modules)
    hooks = _generating_hooks(modules, evaluator)
    off = _turned_off(modules, evaluator)
    project = {m.module for m in modules if not _is_test_file(m.file, collects[m.file])}
    fixtures: list[Fixture] = []
    tests: list[TestFunction] = []
    overrides: list[Override] = []
    collected: list[tuple[ModuleFacts, _Collects, _TestClasses]] = []
    for module in modules:
        rules = collects[module.file]
        if _is_test_file(module.file, rules) or module.module in plugins:
            fixtures += _fixtures(module, evaluator, plugins.get(module.module))
            fixtures += _imported_fixtures(module, evaluator, plugins.get(module.module))
            made, unread = registered_fixtures(
                module, evaluator, _seen_from(module, plugins.get(module.module))
            )
            fixtures += made
            diagnostics += _namespace_writes(module, evaluator) + unread
        if rules.module(module.file) and rules.walks(module.file, ignored):
            bindings = _import_bindings(module, evaluator, ())
            classes = _TestClasses(
                _collected_classes(module, evaluator, rules),
                _imported_classes(module, evaluator, rules, bindings),
                _imported_functions(module, evaluator, rules, bindings, off),
            )
            fixtures += _class_fixtures(module, evaluator, classes)
            if _collects(module):
                collected.append((module, rules, classes))
        overrides += _overrides(module, evaluator)
    hooks = _closures(hooks, fixtures)
    for module, rules, classes in collected:
        tests += _tests(module, evaluator, project, rules, classes, hooks, off)
    fixtures = _registered(
        fixtures, [resolver.modules[p] for p in plugins if p in resolver.modules]
    )
    facts = TestFacts(
        fixtures=tuple(sorted(fixtures, key=lambda f: (f.file, f.line, f.visible_from, f.name))),
        tests=tuple(sorted(tests, key=lambda t: (t.file, t.line))),
        overrides=tuple(sorted(overrides, key=lambda o: (o.file, o.line))),
    )
    return facts, diagnostics


def visible_fixtures(
    fixtures: tuple[Fixture, ...],
    test_file: str,
    test_class: str | None = None,
    confcutdir: str = "",
) -> dict[str, Fixture]:
    """The fixtures a test in ``test_file`` sees, by name; the closest definition wins.

    ``test_class`` is the test's class as in its pytest node id (``TestA`` or
    ``TestA::TestInner``; dots are read as ``::``): a class sees its own fixtures, its
    enclosing classes', then the module's, the conftests' and the plugins'. pytest loads no
    conftest outside ``confcutdir`` (the folder of its config file, by default)."""
    folder = posixpath.dirname(test_file)
    classes = _class_nodes(test_file, test_class)
    best: dict[str, tuple[int, Fixture]] = {}
    for fixture in fixtures:
        rank = _rank(fixture, test_file, folder, classes, confcutdir)
        if rank is not None and (fixture.name not in best or _wins(rank, fixture, best)):
            best[fixture.name] = (rank, fixture)
    return {name: best[name][1] for name in sorted(best)}


def _rank(
    fixture: Fixture, test_file: str, folder: str, classes: dict[str, int], confcutdir: str
) -> int | None:
    """How close to the test a fixture it sees is (higher is closer), or None if unseen."""
    if _is_conftest(fixture) and not _inside(fixture.visible_from, confcutdir):
        return None
    return _closeness(fixture.visible_from, test_file, folder, classes)


def fixture_closure(
    fixtures: tuple[Fixture, ...],
    test_file: str,
    test_class: str | None,
    requests: Iterable[str],
    confcutdir: str = "",
    usefixtures: tuple[str, ...] = (),
    params: Iterable[str] = (),
    loops: AsyncioLoops | None = None,
    through_overrides: bool = True,
) -> dict[str, Fixture]:
    """The project's fixtures pytest sets up for a test in ``test_file`` that requests
    ``requests``, by name, each its closest definition: the config's ``usefixtures``, the name
    of every autouse fixture the test sees (one a plain fixture overrides still runs: pytest
    keeps the name autouse), ``requests``, and what each of them requests, resolved where the
    test is; a definition requesting its own name adds what the one it overrides requests.
    ``params``, the names the test's direct ``parametrize`` fills, are no fixture's;
    ``loops``: the ``event_loop`` the project's pytest-asyncio release asks for on behalf
    of the async fixtures it runs; ``through_overrides``: whether its pytest release adds
    what an overridden definition requests (``overrides_extend_closure``)."""
    folder, classes = posixpath.dirname(test_file), _class_nodes(test_file, test_class)
    seen = tuple(
        f for f in fixtures if _rank(f, test_file, folder, classes, confcutdir) is not None
    )
    filled = set(params)
    best = {
        n: f
        for n, f in visible_fixtures(seen, test_file, test_class, confcutdir).items()
        if n not in filled
    }
    todo = [*usefixtures, *(f.name for f in seen if f.autouse), *requests]
    closure: dict[str, Fixture] = {}
    while todo:
        name = todo.pop()
        if name in best and name not in closure:
            closure[name] = best[name]
            if through_overrides:
                todo += _requested_through_overrides(best[name], seen, (test_file, test_class))
            else:
                todo += best[name].requests
            todo += loops.requests(best[name]) if loops is not None else ()
    return {name: closure[name] for name in sorted(closure)}


#: Autouse fixtures installed plugins define, by distribution, with the release that made
#: them autouse: a project's fixture of that name runs for every test (pytest-asyncio 0.23
#: made ``event_loop_policy`` a session autouse fixture; its docs have projects override it).
_PLUGIN_AUTOUSE: dict[str, tuple[tuple[int, ...], tuple[str, ...]]] = {
    "pytest-asyncio": ((0, 23), ("event_loop_policy",)),
}


#: The pytest release whose closure adds what an overridden fixture requests (pytest #13773).
_CLOSURE_THROUGH_OVERRIDES = (9,)


def overrides_extend_closure(dependencies: Iterable[Dependency]) -> bool:
    """Whether the pytest release the project's specifiers let pip pick (the highest) counts
    in a test's fixtures what a fixture requesting its own name overrides requests: 9.0 and
    later do; before, ``def default_conf(default_conf)`` hid the outer one's requests from
    the test's fixtures (they are set up still, by name, when it runs)."""
    return not any(
        _below(d.specifier, _CLOSURE_THROUGH_OVERRIDES) for d in dependencies if d.name == "pytest"
    )


def plugin_autouse(
    dependencies: Iterable[Dependency], settings: PytestSettings | None
) -> tuple[str, ...]:
    """The autouse fixture names the project's pytest plugins bring: those it declares,
    and pytest-asyncio where the pytest config sets its ``asyncio_mode``; not where a
    specifier keeps the plugin below the release that made them autouse."""
    declared = {d.name: d.specifier for d in dependencies}
    if settings is not None and settings.asyncio_mode is not None:
        declared.setdefault("pytest-asyncio", "")
    names: list[str] = []
    for name, specifier in declared.items():
        since, autouse = _PLUGIN_AUTOUSE.get(name, ((), ()))
        if autouse and not _below(specifier, since):
            names += autouse
    return tuple(sorted(set(names)))


@dataclass(frozen=True)
class AsyncioLoops:
    """How a pytest-asyncio release from 0.18 to 0.26 runs async fixtures: it adds
    ``event_loop`` to the names each asks for as tests are collected (all it runs before
    0.23; from 0.23, those whose loop is per test), so a project's own ``event_loop`` is set
    up for every test an async fixture reaches. It runs every async fixture in ``auto`` mode,
    in ``strict`` mode only ``@pytest_asyncio.fixture`` ones."""

    minor: int  # of release 0.x
    mode: str
    loop_scope: str | None  # ``asyncio_default_fixture_loop_scope`` (read from 0.24)

    def requests(self, fixture: Fixture) -> tuple[str, ...]:
        runs = fixture.asyncio_decorated or (fixture.coroutine and self.mode != "strict")
        if not runs or "event_loop" in fixture.requests:
            return ()
        if self.minor >= 24:  # the loop scope asked for, the ini's default, the fixture's
            scope = fixture.loop_scope or self.loop_scope or fixture.scope
        else:
            scope = fixture.scope if self.minor == 23 else "function"
        return ("event_loop",) if scope == "function" else ()


#: The last 0.x release of pytest-asyncio; 1.0 dropped ``event_loop``.
_ASYNCIO_LAST_MINOR = 26


def asyncio_loops(
    dependencies: Iterable[Dependency], settings: PytestSettings | None
) -> AsyncioLoops | None:
    """The behaviour of the pytest-asyncio release the project's specifier makes pip pick
    (its highest), when that is 0.18 to 0.26; None for a later one, or any not pinned below
    1.0 (pip takes the newest)."""
    minors = [_highest_minor(d.specifier) for d in dependencies if d.name == "pytest-asyncio"]
    minor = min((m for m in minors if m is not None), default=None)
    if minor is None or not 18 <= minor <= _ASYNCIO_LAST_MINOR:
        return None
    options = settings.addopts if settings is not None else ()
    if any(o.replace(" ", "") in ("no:asyncio", "-pno:asyncio") for o in options):
        return None  # the plugin is not loaded
    mode = _option(options, "--asyncio-mode") or (settings.asyncio_mode if settings else None)
    scope = settings.asyncio_loop_scope if settings is not None else None
    # 0.18 and 0.19 default to ``legacy``, which runs every async fixture as ``auto`` does
    return AsyncioLoops(minor, mode or ("auto" if minor < 20 else "strict"), scope)


def _option(options: tuple[str, ...], name: str) -> str | None:
    """The value ``--name=value`` or ``--name value`` gives in pytest's ``addopts``."""
    for place, option in enumerate(options):
        if option.startswith(f"{name}="):
            return option.partition("=")[2]
        if option == name and place + 1 < len(options):
            return options[place + 1]
    return None


def _highest_minor(specifier: str) -> int | None:
    """The minor of the highest 0.x release a specifier admits (``==0.21.2``, ``<0.25``,
    ``^0.20.2``, ``~=0.23.5``, ``>=0.21,<0.24``); None when it admits 1.0 or later."""
    ceilings = [c for clause in specifier.split(",") if (c := _ceiling(clause)) is not None]
    return min(ceilings, default=None)


def _ceiling(clause: str) -> int | None:
    """The highest 0.x minor one clause admits; None for one with no ceiling below 1.0."""
    match = re.fullmatch(r"\s*(==|<=|<|~=|\^|~)?\s*(\d+(?:\.\d+)*)(?:\.\*)?\s*", clause)
    if match is None:
        return None  # ``>=``, ``>``, ``!=``: no ceiling
    op, written = match[1] or "==", [int(p) for p in match[2].split(".")]
    major, minor, rest = written[0], (written[1:] or [0])[0], any(written[2:])
    if op == "<":
        if major == 0:
            return minor if rest else (minor - 1 if minor else None)
        return _ASYNCIO_LAST_MINOR if (major, minor, rest) == (1, 0, False) else None
    any_minor = len(written) == 1 if op in ("^", "~") else op == "~=" and len(written) == 2
    if any_minor:  # ``^0``, ``~=0.21``: any later 0.x
        return _ASYNCIO_LAST_MINOR if major == 0 else None
    return minor if major == 0 else None


def _below(specifier: str, release: tuple[int, ...]) -> bool:
    """Whether ``==X``, ``<X``, ``<=X`` (or ``~=X``, poetry's ``^X`` and ``~X``, below the
    next release ``X`` names) in a specifier keeps versions below ``release``."""
    for clause in specifier.split(","):
        found = re.fullmatch(r"\s*(==|<=|<|~=|\^|~)\s*(\d+(?:\.\d+)*)(?:\.\*)?", clause)
        if found is not None:
            version = tuple(int(part) for part in found[2].split("."))
            op = found[1]
            if (op == "<" and version <= release) or (op != "<" and version < release):
                return True
    return False


def _requested_through_overrides(
    fixture: Fixture, seen: tuple[Fixture, ...], site: tuple[str, str | None]
) -> list[str]:
    """What a fixture requests and, while a definition requests its own name, what the one it
    overrides requests (pytest #1766)."""
    found: list[str] = []
    while True:
        found += fixture.requests
        outer = overridden(fixture, seen, site) if fixture.name in fixture.requests else None
        if outer is None:
            return found
        seen, fixture = tuple(f for f in seen if f != fixture), outer


def overridden(
    fixture: Fixture, fixtures: tuple[Fixture, ...], site: tuple[str, str | None]
) -> Fixture | None:
    """The definition of ``fixture``'s name it overrides, as seen from ``site``: what it gets
    when it requests its own name (the next definition out, as in pytest)."""
    others = tuple(f for f in fixtures if f != fixture)
    return visible_fixtures(others, *site).get(fixture.name)


def _wins(rank: int, fixture: Fixture, best: dict[str, tuple[int, Fixture]]) -> bool:
    """Whether ``fixture`` is seen before the best one yet: it is closer, or its plugin is
    registered later, or, defined in the same place, pytest registers it later (it walks a
    namespace in ``dir()`` order, so of two functions of one fixture name the one whose own
    name sorts last wins)."""
    held, other = best[fixture.name]
    if rank != held or fixture.registered != other.registered:
        return (rank, fixture.registered) > (held, other.registered)
    if fixture.file != other.file or fixture.visible_from != other.visible_from:
        return False
    return fixture.function.rpartition(".")[2] > other.function.rpartition(".")[2]


def fixture_node(fixture: Fixture) -> str:
    """A fixture's node id: ``fixture:tests/test_x.py::TestA::mock_client`` for one that a test
    class sees (one per class, as pytest registers it), ``fixture:<file>::<function>`` else;
    ``fixture:<file>::<name>`` for each fixture a factory makes of its one nested function,
    for a module's own second name of one of its fixtures, and for one imported under
    another name."""
    owner = fixture.visible_from if "::" in fixture.visible_from else _home(fixture)
    function = fixture.function.rpartition(".")[2]
    if ".<locals>." in fixture.function:  # one function a factory makes several fixtures of
        return fixture_id(owner, fixture.name)
    if fixture.via and fixture.name != function:
        # ``services_dir = osparc_simcore_services_dir``: a second fixture of one function;
        # ``from .rooms import fake_data as rooms``: one of several functions of one name
        return fixture_id(owner, fixture.name)
    return fixture_id(owner, function)


def fixture_site(fixture: Fixture) -> tuple[str, str | None]:
    """Where a fixture is requested from, as (file, class node path): what it sees itself."""
    file, _, cls = fixture.visible_from.partition("::")
    return (file, cls) if cls else (_home(fixture), None)


def _home(fixture: Fixture) -> str:
    """The file pytest registered the fixture from."""
    return fixture.via or fixture.file


def _class_nodes(test_file: str, test_class: str | None) -> dict[str, int]:
    """``file::Outer`` and ``file::Outer::Inner`` for ``Outer::Inner``, with their depth."""
    if not test_class:
        return {}
    parts = test_class.replace(".", "::").split("::")
    return {f"{test_file}::{'::'.join(parts[:n])}": n for n in range(1, len(parts) + 1)}


def _closeness(where: str, test_file: str, folder: str, classes: dict[str, int]) -> int | None:
    if where.startswith("*"):  # a plugin's: everywhere, or below one folder
        top = where[1:]
        return 0 if not top or folder == top or folder.startswith(top + "/") else None
    if where in classes:
        return 10_000 + classes[where]
    if where == test_file:
        return 9_999
    if where == "" or folder == where or folder.startswith(where + "/"):
        return 1 + (where.count("/") + 1 if where else 0)
    return None


def _is_conftest(fixture: Fixture) -> bool:
    home = _home(fixture).rpartition("/")[2]
    return home == "conftest.py" and not fixture.visible_from.startswith("*")


def _inside(folder: str, top: str) -> bool:
    return not top or folder == top or folder.startswith(top + "/")


class _Collects:
    """What pytest collects under one config: modules by ``python_files`` globs, classes by
    ``python_classes`` and functions by ``python_functions``, each a prefix or a glob."""

    def __init__(self, settings: PytestSettings | None) -> None:
        self.settings = settings or _DEFAULTS
        self.root = posixpath.dirname(self.settings.file)
        self.ignored = _ignore_options(self.root, self.settings.addopts)

    def walks(self, path: str, ignored: tuple[list[str], list[str]]) -> bool:
        """Whether pytest, given the project's folder, reaches the file: not under a folder
        ``norecursedirs`` names, nor one ``--ignore`` or a conftest's ``collect_ignore``
        leaves out (``--ignore-glob``, ``collect_ignore_glob`` match the path).
        ``testpaths`` count only for a run given no path, so they are not read here."""
        folders = path.removeprefix(f"{self.root}/" if self.root else "").split("/")[:-1]
        if any(fnmatch.fnmatchcase(f, g) for f in folders for g in self.settings.norecursedirs):
            return False
        paths = [*self.ignored[0], *ignored[0]]
        globs = [*self.ignored[1], *ignored[1]]
        return not any(_inside(path, p) for p in paths) and not any(
            fnmatch.fnmatch(path, g) for g in globs
        )

    def module(self, path: str) -> bool:
        """A glob without a ``/`` matches the file's name; one with, its path's end."""
        name = path.rpartition("/")[2]
        return any(
            fnmatch.fnmatchcase(f"/{path}", f"*/{glob}")
            if "/" in glob
            else fnmatch.fnmatchcase(name, glob)
            for glob in self.settings.python_files
        )

    def cls(self, name: str) -> bool:
        return _prefix_or_glob(name, self.settings.python_classes)

    def function(self, name: str) -> bool:
        return _prefix_or_glob(name, self.settings.python_functions)


#: The decorators that make a method abstract, as ``abc.ABCMeta`` reads them.
_ABSTRACT_METHODS = frozenset(
    {"abc.abstractmethod", "abc.abstractproperty", "abc.abstractclassmethod"}
    | {"abc.abstractstaticmethod"}
)

_DEFAULTS = PytestSettings(file="", line=0, testpaths=(), addopts=(), markers=(), asyncio_mode=None)


_FIXTURENAMES_TEST = re.compile(r"""["'](\w+)["'] in \w+\.fixturenames""")
_FUNCTION_TEST = re.compile(r"""\w+\.function\.__name__ == ["'](\w+)["']""")


def _under(root: str, path: str) -> str:
    """A path a setting names, relative to the repository."""
    return posixpath.normpath(posixpath.join(root, path)).removeprefix("./")


def _ignore_options(root: str, addopts: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """The paths and globs ``addopts``' ``--ignore`` and ``--ignore-glob`` leave out."""
    paths: list[str] = []
    globs: list[str] = []
    for index, option in enumerate(addopts):
        name, equals, value = option.partition("=")
        if not equals and index + 1 < len(addopts):
            value = addopts[index + 1]
        if name == "--ignore" and value:
            paths.append(_under(root, value))
        elif name == "--ignore-glob" and value:
            globs.append(posixpath.join(root, value) if root else value)
    return paths, globs


def _ignored_by_conftests(modules: list[ModuleFacts]) -> tuple[list[str], list[str]]:
    """The paths and globs a conftest's ``collect_ignore`` and ``collect_ignore_glob`` name,
    relative to its folder, where they are lists of string literals; with what the module
    adds to them on every run (``collect_ignore.append("test_legacy.py")``, ``+= [...]``)."""
    paths: list[str] = []
    globs: list[str] = []
    for module in modules:
        if module.file.rpartition("/")[2] != "conftest.py":
            continue
        folder = module.file.rpartition("/")[0]
        for name, value in _ignore_lists(module):
            names = [posixpath.join(folder, v.text) for v in _listed(value) if v.kind == "str"]
            if name == "collect_ignore":
                paths += [posixpath.normpath(n) for n in names]
            else:
                globs += names
    return paths, globs


def _ignore_lists(module: ModuleFacts) -> Iterator[tuple[str, Value]]:
    """What a conftest's ignore lists hold once it has run, statement by statement: a new
    list replaces the old one; what it adds under an ``if`` only the run decides, so those
    files are read as collected (a list bound under an ``if`` is read as added)."""
    wanted = ("collect_ignore", "collect_ignore_glob")
    steps: list[tuple[int, str, Value, bool]] = []  # line, list, value, whether it replaces
    for assign in module.assigns:
        value = assign.value
        if assign.scope or assign.name not in wanted or value is None:
            continue
        if value.kind != "add" or not assign.guards:
            replaces = value.kind != "add" and not assign.guards
            steps.append((assign.line, assign.name, value, replaces))
    for call in module.calls:
        func = call.value.func
        owner, _, method = func.text.rpartition(".") if func is not None else ("", "", "")
        if call.scope or call.guards or owner not in wanted or len(call.value.items) != 1:
            continue
        if method == "append":
            listed = Value("list", call.value.text, items=call.value.items)
            steps.append((call.line, owner, listed, False))
        elif method == "extend":
            steps.append((call.line, owner, call.value.items[0], False))
    held: dict[str, list[Value]] = {name: [] for name in wanted}
    for _, name, value, replaces in sorted(steps, key=lambda step: step[0]):
        held[name] = [value] if replaces else [*held[name], value]
    return ((name, value) for name in wanted for value in held[name])


def _listed(value: Value) -> tuple[Value, ...]:
    """The items of a list literal, or of ``own + [...]`` (an addition to the list)."""
    if value.kind == "add" and len(value.items) == 2:
        return _listed(value.items[1])
    return value.items if value.kind == "list" else ()


def _prefix_or_glob(name: str, options: tuple[str, ...]) -> bool:
    """pytest's ``_matches_prefix_or_glob_option``."""
    return any(
        name.startswith(option)
        or (any(c in option for c in "*?[") and fnmatch.fnmatchcase(name, option))
        for option in options
    )


def _is_test_file(path: str, rules: _Collects) -> bool:
    return path.rpartition("/")[2] == "conftest.py" or rules.module(path)


def _collection_order(module: ModuleFacts) -> tuple[str, ...]:
    """Where pytest meets a module as it collects: folder by folder, each folder's entries by
    name, its conftest first."""
    *folders, name = module.file.split("/")
    return (*folders, "" if name == "conftest.py" else name)


def _registered(fixtures: list[Fixture], plugins: list[ModuleFacts]) -> list[Fixture]:
    """The plugins' fixtures, each with its plugin's place in ``plugins``."""
    order = {module.file: place for place, module in enumerate(plugins, start=1)}
    return [
        f.model_copy(update={"registered": order[_home(f)]})
        if f.visible_from.startswith("*") and _home(f) in order
        else f
        for f in fixtures
    ]


def _plugins(
    loaded: list[ModuleFacts],
    evaluator: Evaluator,
    diagnostics: list[Diagnostic],
    settings: Callable[[str], PytestSettings | None],
    installed: dict[str, str],
) -> dict[str, str]:
    """The ``installed`` plugins among the ``loaded`` modules, and the modules named by
    ``pytest_plugins`` in the ``loaded`` modules (conftests, test modules, installed plugins)
    and in the plugins they name in turn, by their canonical names
    (pytest imports the name as written, which may be another spelling of the module:
    ``src.app.testing.fixtures`` for ``app.testing.fixtures``), and who sees their fixtures:
    ``*`` everywhere; ``*<folder>`` below the folder of the conftest that names them, when
    pytest does not load it first (it refuses such a conftest unless a run starts below it,
    so only tests there ever see them: onyx's ``tests/integration/k8s/conftest.py``). A name that
    cannot be known statically is a CI203 diagnostic: its fixtures would be missing without a
    word."""
    registry = _Registry(evaluator, diagnostics, settings)
    for module in loaded:
        if module.module in installed:  # registered itself, then the plugins it names
            registry.found.setdefault(module.module, installed[module.module])
        registry.register(module)
    return registry.found


class _Registry:
    """The plugins pytest registers, in its order (a class, not a closure calling itself:
    that would be a reference cycle keeping every module's facts alive until the cyclic
    collector ran)."""

    def __init__(
        self,
        evaluator: Evaluator,
        diagnostics: list[Diagnostic],
        settings: Callable[[str], PytestSettings | None],
    ) -> None:
        self.evaluator, self.diagnostics, self.settings = evaluator, diagnostics, settings
        self.by_file = {facts.file: name for name, facts in evaluator.resolver.modules.items()}
        self.files = sorted(self.by_file)
        self.found: dict[str, str] = {}  # in the order pytest registers them
        self.done: set[str] = set()

    def register(self, module: ModuleFacts) -> None:
        """``module``'s plugins, each followed by those it names in turn, as pytest imports
        them; a module no conftest loads is never imported by pytest: its list is unread."""
        if module.module in self.done:
            return
        self.done.add(module.module)
        resolver = self.evaluator.resolver
        listed = [
            (a.value, a.line, False)
            for a in module.assigns
            if not a.scope and a.name == "pytest_plugins"
        ]
        for value, line, guarded in [*listed, *_added_plugins(module)]:
            folder = posixpath.dirname(module.file)
            config = self.settings(folder)
            # pytest runs where its config is (its rootdir), as CI and IDEs start it
            cwd = posixpath.dirname(config.file) if config is not None else ""
            specs = _Specs(self.evaluator, self.files, cwd)
            names, unknown = specs.read(value, module.module) if not guarded else ((), ())
            if guarded and value is not None:
                unknown = (value.text,)  # added under a test or in a loop: which, the run says
            seen = "*"
            if module.file.rpartition("/")[2] == "conftest.py" and not _initial(folder):
                seen += folder
            for name in names:
                plugin = resolver.alias(name, module.module) or name
                if plugin not in resolver.modules:
                    plugin = _beside(name, folder, self.by_file) or plugin
                self.found[plugin] = _either_reach(self.found.get(plugin, seen), seen)
                if plugin in resolver.modules:
                    self.register(resolver.modules[plugin])
            self.diagnostics.extend(
                Diagnostic("CI203", module.file, line, _unknown_plugins(text)) for text in unknown
            )


def _added_plugins(module: ModuleFacts) -> list[tuple[Value | None, int, bool]]:
    """What a module adds to its ``pytest_plugins`` in place, at module level
    (``pytest_plugins.append("tests.fixtures.orders")``, ``.extend([...])``): pytest reads
    the list once the module has run. Each with its line, and whether a test or a loop is
    around it."""
    added: list[tuple[Value | None, int, bool]] = []
    for call in module.calls:
        func = call.value.func
        method = func.text.removeprefix("pytest_plugins.") if func is not None else ""
        if call.scope or call.role != "call" or method not in ("append", "extend"):
            continue
        if func is None or func.text != f"pytest_plugins.{method}" or len(call.value.items) != 1:
            continue
        item = call.value.items[0]
        value = Value("list", item.text, items=(item,)) if method == "append" else item
        added.append((value, call.line, bool(call.guards)))
    return added


def _either_reach(one: str, other: str) -> str:
    """The tests a plugin two places register reaches (``*folder``: those under it): the
    folder holding both, so sibling roots each keep theirs (osparc's services each list
    ``pytest_simcore``'s plugins in their own ``tests/conftest.py``)."""
    first, second = one.removeprefix("*").split("/"), other.removeprefix("*").split("/")
    shared = []
    for part, same in zip(first, second, strict=False):
        if part != same:
            break
        shared.append(part)
    return "*" + "/".join(shared)


def _beside(name: str, folder: str, by_file: dict[str, str]) -> str | None:
    """The module ``name`` imports with the first folder from ``folder`` up that is no
    package on ``sys.path``, as pytest's default import mode puts it there for a conftest
    (``pytest_plugins = ["fixtures.db"]`` in ``tests/conftest.py``, ``tests`` no package)."""
    while folder and f"{folder}/__init__.py" in by_file:
        folder = posixpath.dirname(folder)
    path = posixpath.join(folder, *name.split("."))
    return by_file.get(f"{path}.py") or by_file.get(f"{path}/__init__.py")


def _initial(folder: str) -> bool:
    """Whether pytest loads a conftest in ``folder`` before collecting, as it does the root's
    and those of its ``test*`` folders: only there may ``pytest_plugins`` name plugins for
    the whole run."""
    return folder == "" or ("/" not in folder and folder.startswith("test"))


@dataclass(frozen=True)
class _Specs:
    """Reads what ``pytest_plugins`` holds; ``glob()`` matches ``files`` from ``cwd``."""

    evaluator: Evaluator
    files: list[str]
    cwd: str

    def read(
        self, value: Value | None, module: str, hops: int = 0
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The plugin names ``pytest_plugins = value`` (in ``module``) gives, as pytest reads
        it (a sequence, a comma-separated string, a comprehension over ``glob()``), and the
        expressions whose names cannot be known statically (a call, a computed pattern)."""
        evaluator = self.evaluator
        if value is not None and value.kind == "name" and hops < _MAX_HOPS:
            key = evaluator.variable(value.ref)
            bound = evaluator.binding(key) if key else None
            if bound is None or key is None:
                return (), (value.text,)
            return self.read(bound, evaluator.module_of(key) or module, hops + 1)
        if value is None or (value.kind == "const" and value.text == "None"):
            return (), ()
        if value.kind == "str":
            return tuple(value.text.split(",")) if value.text else (), ()
        if value.kind == "add" and hops < _MAX_HOPS:  # ``BASE + ["tests.extra"]``, ``+=``
            parts = [self.read(part, module, hops + 1) for part in value.items]
            return (
                tuple(n for names, _ in parts for n in names),
                tuple(u for _, unknown in parts for u in unknown),
            )
        mutated = self._mutated(module) if value.kind == "call" else True
        made = self._returned(value) if not mutated and hops < _MAX_HOPS else None
        if made is not None:  # ``pytest_plugins = get_all_fixtures()`` (capella)
            return self.read(made[0], made[1], hops + 1)
        if value.kind != "list":
            facts = evaluator.resolver.modules.get(module)
            globbed = (
                plugin_names(value.text, facts, evaluator, self.files, self.cwd)
                if facts is not None and value.kind in ("comp", "other")
                else None
            )
            return (globbed, ()) if globbed is not None else ((), (value.text,))
        names: tuple[str, ...] = ()
        unknown: tuple[str, ...] = ()
        for item in value.items:
            if item.kind == "star":  # ``pytest_plugins = [*BASE_PLUGINS, "tests.fixtures"]``
                spread = self.read(item.items[0], module, hops + 1)
                names, unknown = (*names, *spread[0]), (*unknown, *spread[1])
                continue
            text = evaluator.text(item)
            names, unknown = (
                (names, (*unknown, item.text)) if text.unknown else ((*names, text.value), unknown)
            )
        return names, unknown

    def _mutated(self, module: str) -> bool:
        """Whether ``module`` changes its ``pytest_plugins`` after binding it
        (``pytest_plugins.append("extra")``): then what it was bound to is not all."""
        facts = self.evaluator.resolver.modules.get(module)
        return facts is None or any(
            c.value.func is not None and c.value.func.text.startswith("pytest_plugins.")
            for c in facts.calls
        )

    def _returned(self, call: Value) -> tuple[Value, str] | None:
        """What a project function called with no arguments returns, in its one ``return``
        outside any block, with the module it is written in."""
        name = self.evaluator.called_class(call)
        fact = self.evaluator.resolver.symbols.get(name) if name else None
        if fact is None or fact.kind != "function" or call.items or call.keywords:
            return None
        if len(fact.returned) != 1 or fact.returned_guards != ((),) or fact.decorators:
            return None
        return fact.returned[0], self.evaluator.resolver.symbol_module.get(name or "", "")


def _unknown_plugins(text: str) -> str:
    shown = text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."
    return f"cannot tell which plugins pytest_plugins names: `{shown}`; their fixtures are not seen"


def _fixtures(module: ModuleFacts, evaluator: Evaluator, plugin: str | None) -> list[Fixture]:
    """Module-level fixtures; those in classes are their test classes' (``_class_fixtures``)."""
    found = []
    for fact in _bound_symbols(module):
        decorator = _fixture_decorator(fact, evaluator)
        if decorator is None or "." in fact.qualname:
            continue
        found.append(_fixture(fact, decorator, module, evaluator, _seen_from(module, plugin)))
    return found + _called_fixtures(module, evaluator, _seen_from(module, plugin))


def _called_fixtures(module: ModuleFacts, evaluator: Evaluator, where: str) -> list[Fixture]:
    """``db = pytest.fixture(make_db)`` and ``db = pytest.fixture(scope="module")(make_db)``:
    the function made a fixture by a call, named as the module binds it (unless ``name=``)."""
    resolver = evaluator.resolver
    found = []
    for assign in module.assigns:
        value = assign.value
        if assign.scope or value is None or value.kind != "call" or len(value.items) != 1:
            continue
        inner = value.func if value.func is not None and value.func.kind == "call" else None
        if inner is not None and evaluator.qualified(inner.func) in FIXTURE_DECORATORS:
            decorator = inner
        elif inner is None and evaluator.qualified(value.func) in FIXTURE_DECORATORS:
            decorator = replace(value, items=())
        else:
            continue
        made = value.items[0]
        target = resolver.resolve(made.ref, importer=module.module) if made.ref else None
        qualname = target.qualname if target is not None and not target.remainder else None
        # ``pytest.fixture(name="domain_0")(domain_factory(0))``: the function it returns
        qualname = qualname or (
            _returned_function(made, evaluator) if made.kind == "call" else None
        )
        if qualname is None:
            continue
        fact = resolver.symbols.get(qualname)
        home = _module_of(resolver.modules, resolver.symbols, qualname)
        if fact is not None and home is not None and fact.kind == "function":
            fixture = _fixture(fact, decorator, home, evaluator, where, bound=assign.name)
            if fixture.name != fact.name:  # ``client = pytest.fixture(make_client)``: bound here
                fixture = fixture.model_copy(update={"via": module.file})
            found.append(fixture)
    return found


def _returned_function(call: Value, evaluator: Evaluator) -> str | None:
    """The function a project function defines in its body and returns, when ``call`` calls
    one that returns nothing else."""
    made = _factory_return(call, evaluator)
    nested = _nested(made[0], made[2]) if made is not None else ""
    fact = evaluator.resolver.symbols.get(nested)
    return nested if fact is not None and fact.kind == "function" else None


def _factory_return(call: Value, evaluator: Evaluator) -> tuple[str, SymbolFact, Value] | None:
    """The project function ``call`` calls, and the one value it returns."""
    factory = evaluator.called_class(call)
    fact = evaluator.resolver.symbols.get(factory) if factory else None
    if factory is None or fact is None or fact.kind != "function" or len(fact.returned) != 1:
        return None
    return factory, fact, fact.returned[0]


def _nested(factory: str, returned: Value) -> str:
    """The qualified name of the local ``returned`` names in ``factory``; "" for no name."""
    return f"{factory}.<locals>.{returned.text}" if returned.kind == "name" else ""


def _seen_from(module: ModuleFacts, plugin: str | None) -> str:
    """``plugin``: who sees a plugin module's fixtures (see ``_plugins``), None for others."""
    if plugin is not None:
        return plugin
    if module.file.endswith("/conftest.py") or module.file == "conftest.py":
        return posixpath.dirname(module.file)
    return module.file


#: A fixture function bound in a module's namespace: the function, its module, its decorator.
_Bound = tuple[SymbolFact, ModuleFacts, Value]


def _imported_fixtures(
    module: ModuleFacts, evaluator: Evaluator, plugin: str | None
) -> list[Fixture]:
    """Fixtures a conftest, test module or plugin binds by import (``from .fixtures import *``,
    ``from helpers import db as database``): pytest scans the module's namespace, so they are
    registered there, under the name bound, as if defined there."""
    own = {s.name for s in module.symbols if "." not in s.qualname and s.kind != "variable"}
    bound = _bound_fixtures(module, evaluator, ())
    for name, held in _assigned_fixtures(module, evaluator).items():
        if held is None:
            own.add(name)  # a variable holding something else hides what was imported
        else:
            bound[name] = held
    where = _seen_from(module, plugin)
    found = []
    for name, (fact, home, decorator) in sorted(bound.items()):
        if name not in own:
            fixture = _fixture(fact, decorator, home, evaluator, where, name)
            found.append(fixture.model_copy(update={"via": module.file}))
    return found


def _bound_fixtures(
    module: ModuleFacts, evaluator: Evaluator, path: tuple[str, ...]
) -> dict[str, _Bound]:
    """The fixture functions ``module`` binds by import, by the name bound; through star
    imports, those the source binds or defines and exports (``__all__``, else no leading
    underscore); those of the modules of its folder it loads into its namespace, all of them
    (fides' fixture packages). ``path`` holds the modules on the way here, so cycles end."""
    resolver = evaluator.resolver
    found: dict[str, _Bound] = {}
    for imp in module.imports:
        if imp.scope:
            continue
        if imp.star:
            source = resolver.modules.get(resolver.alias(imp.target, module.module) or "")
            if source is not None and source.module not in path:
                found.update(_exported_fixtures(source, evaluator, (*path, module.module)))
        elif imp.bound is not None and imp.binds_to is not None:
            bound = _fixture_named(resolver.resolve(imp.binds_to), evaluator)
            if bound is not None:
                found[imp.bound] = bound
    for name in autoloaded(module, evaluator) or ():
        if name not in path:
            source = resolver.modules[name]
            found.update(_namespace_fixtures(source, evaluator, (*path, module.module)))
    return found


def _exported_fixtures(
    module: ModuleFacts, evaluator: Evaluator, path: tuple[str, ...]
) -> dict[str, _Bound]:
    names = _namespace_fixtures(module, evaluator, path)
    exported = _all_names(module, evaluator)
    return {
        name: bound
        for name, bound in names.items()
        if (name in exported if exported is not None else not name.startswith("_"))
    }


def _namespace_fixtures(
    module: ModuleFacts, evaluator: Evaluator, path: tuple[str, ...]
) -> dict[str, _Bound]:
    """The fixture functions in ``module``'s namespace once it has run, by name: those it
    binds by import, those it defines."""
    names = _bound_fixtures(module, evaluator, path)
    for fact in _bound_symbols(module):
        decorator = _fixture_decorator(fact, evaluator)
        if decorator is not None and "." not in fact.qualname:
            names[fact.name] = (fact, module, decorator)
    return names


def _all_names(module: ModuleFacts, evaluator: Evaluator) -> set[str] | None:
    """The names ``__all__`` lists once the module has run (``__all__ += [...]`` too)."""
    if not any(a.scope == "" and a.name == "__all__" for a in module.assigns):
        return None
    return set(evaluator.strings(evaluator.binding(f"{module.module}.__all__")))


def _namespace_writes(module: ModuleFacts, evaluator: Evaluator) -> list[Diagnostic]:
    """A CI205 where a test module, conftest or plugin puts names into its own namespace at
    run time (letta's ``globals().update(create_test_module(...))``) other than by loading
    the modules of its folder: pytest collects the tests and fixtures that adds, which are
    not seen here."""
    if autoloaded(module, evaluator) is not None:
        return []
    found = []
    for call in module.calls:
        if namespace_write(call) and not call.scope:
            text = call.value.text[:_SHOWN]
            message = f"`{text}` adds names at run time: its tests and fixtures are not seen"
            found.append(Diagnostic("CI205", module.file, call.line, message))
    return found


def _assigned_fixtures(module: ModuleFacts, evaluator: Evaluator) -> dict[str, _Bound | None]:
    """Each module variable bound outside any block, and after any import of its name, by
    the value it is last bound to: the fixture function it names (``setup_data =
    setup_data``, kept so a formatter leaves the import alone; ``database = user``: pytest
    finds the fixture in the namespace under that name), or None. A binding in a block
    (``except ImportError: db = None``) or before the import does not hide what it imports."""
    resolver = evaluator.resolver
    imported_at = {i.bound: i.line for i in module.imports if i.scope == "" and i.bound}
    found: dict[str, _Bound | None] = {}
    for assign in sorted(module.assigns, key=lambda a: a.line):
        if assign.scope or assign.guards or assign.line < imported_at.get(assign.name, 0):
            continue
        value = assign.value
        if value is not None and value.kind == "call":
            found[assign.name] = _made_fixture(value, evaluator)
            continue
        if value is None or value.kind != "name" or value.ref is None:
            found[assign.name] = None
            continue
        name = value.ref.removeprefix(f"{module.module}.")
        if name in found and name != assign.name:
            found[assign.name] = found[name]  # another variable of this module, read as bound
            continue
        imported = resolver.bindings[module.module].get(name) if name == assign.name else None
        dotted = imported[1] if imported is not None else value.ref  # read before rebinding
        target = resolver.resolve(dotted, importer=module.module)
        found[assign.name] = _fixture_named(target, evaluator)
    return found


def _made_fixture(call: Value, evaluator: Evaluator) -> _Bound | None:
    """``config = make_config_fixture("a.yml")`` with ``make_config_fixture`` returning the
    ``@pytest.fixture`` it defines (fides' dataset configs): that nested fixture, which pytest
    registers under the variable's name."""
    resolver = evaluator.resolver
    found = _factory_return(call, evaluator)
    if found is None:
        return None
    factory, fact, returned = found
    applied = None
    if returned.kind == "call" and evaluator.qualified(returned.func) in FIXTURE_DECORATORS:
        # ``return pytest.fixture(_config)``: the decorator applied by hand
        applied = returned.func if len(returned.items) == 1 else None
        returned = returned.items[0] if applied is not None else returned
    made = resolver.symbols.get(_nested(factory, returned))
    decorator = applied or (_fixture_decorator(made, evaluator) if made is not None else None)
    if made is None or decorator is None:
        return None
    return made, resolver.modules[resolver.symbol_module[factory]], _given(decorator, fact, call)


def _given(decorator: Value, factory: SymbolFact, call: Value) -> Value:
    """``@pytest.fixture(name=name)`` in ``make_fixture(value, name)``: the decorator's
    options as ``call`` passes the factory's parameters (pytest names it ``admin``)."""
    if decorator.kind != "call":
        return decorator
    params = {p.name for p in factory.params}

    def passed(value: Value) -> Value:
        name = (value.ref or "").rpartition(".<locals>.")[2] if value.kind == "name" else ""
        given = argument(name, factory, call) if name in params else None
        return given if given is not None else value

    return replace(decorator, keywords=tuple((k, passed(v)) for k, v in decorator.keywords))


def _fixture_named(target: Target | None, evaluator: Evaluator) -> _Bound | None:
    """The module-level fixture function ``target`` is, if it is one."""
    resolver = evaluator.resolver
    if target is None or target.remainder or target.qualname not in resolver.symbols:
        return None
    home = resolver.modules[resolver.symbol_module[target.qualname]]
    fact = resolver.symbols[target.qualname]
    decorator = _fixture_decorator(fact, evaluator)
    if decorator is None or "." in fact.qualname:
        return None
    return fact, home, decorator


@dataclass(frozen=True)
class _TestClasses:
    """The classes pytest collects in a test module: its own (each with whether it is a
    ``unittest.TestCase``), and those it imports (as it names them, and qualified); and the
    test functions it imports, which pytest collects there too."""

    collected: dict[str, bool]
    imported: list[tuple[str, str]]
    # by the name it imports: the function, the import's line
    functions: dict[str, tuple[SymbolFact, int]]


def _class_fixtures(
    module: ModuleFacts, evaluator: Evaluator, classes: _TestClasses
) -> list[Fixture]:
    """pytest registers a collected test class's fixture methods, inherited ones included, for
    that class alone (node id ``file::Class``): two classes may each have a ``mock_client``."""
    resolver = evaluator.resolver
    found = []
    own = [(c, f"{module.module}.{c}") for c in classes.collected]
    for cls, qualified in [*own, *classes.imported]:
        node = f"{module.file}::{cls.replace('.', '::')}"
        taken: set[str] = set()
        for owner in resolver.mro(qualified):
            facts = _module_of(resolver.modules, resolver.symbols, owner)
            if facts is None:
                continue  # an external base: its fixtures are not the project's
            local = owner[len(facts.module) + 1 :]
            for fact in _bound_symbols(facts):
                decorator = _fixture_decorator(fact, evaluator)
                if decorator is None or fact.qualname != f"{local}.{fact.name}":
                    continue
                if fact.name not in taken:  # the nearest class's method wins, as in Python
                    taken.add(fact.name)
                    found.append(_fixture(fact, decorator, facts, evaluator, node))
    return found


def _bound_symbols(module: ModuleFacts) -> list[SymbolFact]:
    """The module's symbols as its namespace holds them once it has run, which is what pytest
    reads: a function defined twice in one block is its last definition (keep's twice-defined
    test); one defined again in another branch (``if``/``else``, ``except ImportError``)
    stays the first, which runs in the usual case."""
    if not module.redefined:
        return list(module.symbols)
    last: dict[str, SymbolFact] = {}
    for fact in module.redefined:
        last[fact.qualname] = fact
    return [
        last[fact.qualname]
        if fact.qualname in last and _texts(last[fact.qualname].guards) == _texts(fact.guards)
        else fact
        for fact in module.symbols
    ]


def _texts(guards: tuple[Guard, ...]) -> tuple[str, ...]:
    return tuple(g.text for g in guards)


def _unittest_case(cls: str | None, evaluator: Evaluator) -> bool:
    """Whether pytest's unittest plugin collects the class: a ``unittest.TestCase``, or a
    class deriving from a library's ``...TestCase`` (django's, tornado's, karton's: each one
    a ``unittest.TestCase``; we do not read installed packages to see it)."""
    if cls is None:
        return False
    symbols = evaluator.resolver.symbols
    return any(
        base in UNITTEST_CASES or (base not in symbols and base.endswith("TestCase"))
        for base in evaluator.resolver.mro(cls)
    )


def _collected_classes(
    module: ModuleFacts, evaluator: Evaluator, rules: _Collects
) -> dict[str, bool]:
    """Classes pytest collects, each with whether it is a ``unittest.TestCase``: ``Test*``
    (or as ``python_classes`` says) at module level and nested in those, and a ``TestCase``
    of any name (pytest's unittest plugin takes it, though it collects no class nested in
    it)."""
    found: dict[str, bool] = {}
    for fact in _bound_symbols(module):
        owner = fact.qualname.rpartition(".")[0]
        if fact.kind != "class" or (owner and found.get(owner, True)):
            continue  # nested in a class pytest does not collect, or in a TestCase
        qualified = f"{module.module}.{fact.qualname}"
        unittest = _unittest_case(qualified, evaluator)
        if (unittest or rules.cls(fact.name)) and _holds_tests(qualified, evaluator):
            found[fact.qualname] = unittest
    return found


def _module_of(
    modules: dict[str, ModuleFacts], symbols: dict[str, SymbolFact], qualname: str
) -> ModuleFacts | None:
    if qualname not in symbols:
        return None
    module = qualname
    while module and module not in modules:
        module = module.rpartition(".")[0]
    return modules.get(module)


def _fixture_decorator(fact: SymbolFact, evaluator: Evaluator) -> Value | None:
    if fact.kind not in {"function", "method"}:
        return None
    return next(
        (made for d in fact.decorators if (made := _as_fixture(d, evaluator)) is not None), None
    )


def _as_fixture(decorator: Value, evaluator: Evaluator) -> Value | None:
    """The call whose options a fixture decorator's are: ``@pytest.fixture(...)`` itself, or
    the call that made ``@module_fixture``; None for any other decorator."""
    if evaluator.qualified(_called(decorator)) in FIXTURE_DECORATORS:
        return decorator
    return _made_decorator(decorator, evaluator)


def _made_decorator(decorator: Value, evaluator: Evaluator) -> Value | None:
    """``module_fixture = pytest.fixture(scope="module")``, then ``@module_fixture``: the
    call that made the decorator, whose options are the fixture's."""
    key = evaluator.variable(decorator.ref) if decorator.kind == "name" else None
    written = evaluator.assigns.get(key, ()) if key else ()
    made = written[0].value if len(written) == 1 else None
    if made is None or made.kind != "call":
        return None
    return made if evaluator.qualified(made.func) in FIXTURE_DECORATORS else None


def _fixture(
    fact: SymbolFact,
    decorator: Value,
    module: ModuleFacts,
    evaluator: Evaluator,
    where: str,
    bound: str | None = None,
) -> Fixture:
    """``bound``: the name the registering module binds the function to, when not its own."""
    keyword = decorator.keyword if decorator.kind == "call" else (lambda _: None)
    name = _string(keyword("name"), evaluator)  # ``scope=SCOPE`` of a module constant too
    scope = _string(keyword("scope"), evaluator)
    autouse = keyword("autouse")
    return Fixture(
        name=name or bound or fact.name,
        function=f"{module.module}.{fact.qualname}",
        file=module.file,
        line=fact.start_line,
        end_line=fact.end_line,
        scope=scope or "function",
        autouse=autouse is not None and autouse.text == "True",
        params=keyword("params") is not None,
        requests=_argnames(fact, fact.decorators, evaluator, fact.kind == "method"),
        visible_from=where,
        coroutine=fact.is_async,
        asyncio_decorated=evaluator.qualified(_called(decorator)) in ASYNCIO_FIXTURES,
        loop_scope=_string(keyword("loop_scope"), evaluator),
    )


def _called(decorator: Value) -> Value:
    """The decorator ``@pytest.fixture(scope=...)`` calls, or itself when not called."""
    return decorator.func if decorator.kind == "call" and decorator.func else decorator


def _string(value: Value | None, evaluator: Evaluator) -> str | None:
    """The string ``value`` is, when known in full."""
    if value is None or value.kind in ("call", "const"):
        return None  # ``scope=determine_scope``: pytest calls it, the run decides
    text = evaluator.text(value)
    return None if text.unknown else text.value


def _tests(
    module: ModuleFacts,
    evaluator: Evaluator,
    project: set[str],
    rules: _Collects,
    classes: _TestClasses,
    hooks: _Hooks,
    off: frozenset[str],
) -> list[TestFunction]:
    """The tests pytest collects in ``module``. One it collects from another module's class
    (inherited, or a ``Test*`` class imported here) is located where it is collected: this
    module, at its class."""
    resolver = evaluator.resolver
    module_marks = _module_marks(module, evaluator)
    imported = _imported_modules(module, project)
    found = []
    for test in _collected_tests(module, classes, evaluator, rules, off):
        fact, collecting = test.function, test.collecting
        klass = resolver.symbols.get(collecting) if collecting else None
        applied = [*module_marks, *_marks_of(collecting, evaluator), *fact.decorators]
        made = [m for written in applied for m in _marks_made(written, evaluator)]
        marks = _markers(made)
        argnames = _parametrized_names(made, evaluator) | _generated(module.file, fact, hooks)
        # a class decorator patches the class's ``test*`` methods (mock's TEST_PREFIX) too
        patches = (*fact.decorators, *(klass.decorators if klass else ()))
        # pytest passes a unittest test method no fixture arguments
        unittest = bool(collecting) and _unittest_case(collecting, evaluator)
        requested = _requested(fact, patches, argnames, evaluator, method=test.method)
        name = test.name
        found.append(
            TestFunction(
                name=name,
                qualname=f"{module.module}.{test.owner}.{name}"
                if test.owner
                else f"{module.module}.{name}",
                file=module.file,
                line=test.lines[0],
                end_line=test.lines[1],
                is_async=fact.is_async,
                markers=tuple(dict.fromkeys(marks)),
                parametrized=bool(argnames) or "parametrize" in marks,
                fixtures=() if unittest else requested,
                kind=_kind(module.file),
                tests_modules=imported,
                uses=_used_fixtures(
                    made,
                    evaluator,
                    anyio=fact.is_async and not unittest,
                    auto=rules.settings.anyio_mode == "auto",
                ),
                params=tuple(sorted(argnames)),
            )
        )
    return found


def _used_fixtures(
    marks: list[Value], evaluator: Evaluator, *, anyio: bool, auto: bool
) -> tuple[str, ...]:
    """The fixture names ``usefixtures`` marks give (immich's ``TestOrtSession``), the mark
    also through a name bound to it (``usefixtures = pytest.mark.usefixtures``); and for a
    coroutine test (``anyio``) marked ``anyio`` on itself, its class or its module (or any,
    under ``anyio_mode = auto``), ``anyio_backend``, which anyio's plugin (installed with
    every FastAPI) adds so."""
    names = [
        name
        for mark in marks
        if mark.kind == "call" and _mark_function(mark.func, evaluator).endswith("usefixtures")
        for name in evaluator.strings(Value("list", mark.text, items=mark.items))
    ]
    if anyio and (auto or "anyio" in _markers(marks)):
        names.append("anyio_backend")
    return tuple(dict.fromkeys(names))


def _mark_function(func: Value | None, evaluator: Evaluator) -> str:
    """``pytest.mark.usefixtures`` however it is imported, or what a name bound to it holds."""
    if func is None:
        return ""
    named = evaluator.qualified(func) or func.text
    if named.startswith("pytest.mark."):
        return named
    key = evaluator.variable(func.ref) if func.kind == "name" else None
    bound = evaluator.binding(key) if key else None
    return bound.text if bound is not None and bound.text.startswith("pytest.mark.") else ""


def _marks_of(cls: str, evaluator: Evaluator) -> list[Value]:
    """The marks the class collecting a test gives it (see ``_class_marks``)."""
    resolver = evaluator.resolver
    home = _module_of(resolver.modules, resolver.symbols, cls) if cls else None
    return _class_marks(home, cls[len(home.module) + 1 :], evaluator) if home else []


class _Collected(NamedTuple):
    """A test pytest collects in a module."""

    owner: str  # the class it is collected under, as the module names it, or ""
    #: the name binding it where pytest reads: its def's, or a variable's holding the function
    #: (``test_b = test_a``: a test named ``test_b``), or an import's
    name: str
    function: SymbolFact  # the def it runs
    collecting: str  # the collecting class, qualified, or ""
    #: where the test is in the collecting module: the lines of its binding there (an alias's
    #: assignment, not the def: pytest makes a second item of the function under the alias's
    #: name, in this module's namespace; the def's lines are the item of its own name), else
    #: the class collecting it or the import binding it
    lines: tuple[int, int]
    method: bool  # whether pytest reads it as a method: a class's, its first argument ``self``


def _collected_tests(
    module: ModuleFacts,
    classes: _TestClasses,
    evaluator: Evaluator,
    rules: _Collects,
    off: frozenset[str],
) -> Iterator[_Collected]:
    """Each test pytest collects in ``module``. A collected class's methods come along its
    MRO, a base's from the base's own module (mlrun's ``TestServingRuntime(TestNuclioRuntime)``),
    and a ``Test*`` class (or a ``TestCase``) the module imports is collected there again, with
    its methods (pytest finds it in the namespace). ``off``: the functions never collected."""
    for fact in _bound_symbols(module):
        owner = fact.qualname.rpartition(".")[0]
        if not _is_test(fact, owner, classes.collected, rules):
            continue
        runs = _runs(fact, module, evaluator)
        if runs is not None and _qualified(*runs) not in off:
            lines = (fact.start_line, fact.end_line)
            collecting = f"{module.module}.{owner}" if owner else ""
            yield _Collected(owner, fact.name, runs[0], collecting, lines, bool(owner))
    own = {s.qualname for s in module.symbols}
    held = (evaluator, rules, off)
    for cls in sorted(classes.collected):
        yield from _inherited(module, cls, f"{module.module}.{cls}", own, *held, 1)
    for name, cls in classes.imported:
        yield from _inherited(module, name, cls, set(), *held, 0)
    for name in sorted(classes.functions):  # ``from tests.helpers import test_case_factory``
        function, line = classes.functions[name]
        yield _Collected("", name, function, "", (line, line), False)


def _runs(
    fact: SymbolFact, home: ModuleFacts, evaluator: Evaluator
) -> tuple[SymbolFact, ModuleFacts] | None:
    """The function pytest would run for a name ``home``'s namespace (or a class in it)
    binds: its def, or the project function a variable holds (``test_b = test_a``, ``test_x
    = Other.test_x`` in a class body; pytest collects any function its namespaces hold under
    a name ``python_functions`` takes, the same function object under each name); with the
    module defining it. None for anything else, or a fixture (pytest never collects one)."""
    found = _bound_to(fact, home, evaluator)
    if found is None or found[0].kind not in ("function", "method"):
        return None
    return found if _fixture_decorator(found[0], evaluator) is None else None


def _bound_to(
    fact: SymbolFact, home: ModuleFacts, evaluator: Evaluator
) -> tuple[SymbolFact, ModuleFacts] | None:
    """The def or class a name of ``home`` binds: its own, or the project one a variable
    holds, through other variables, or the def a project factory it calls returns
    (``test_users = make_check("/users")``); with the module defining it. None for other
    values."""
    resolver = evaluator.resolver
    for _ in range(_MAX_HOPS):
        if fact.kind not in ("variable", "attribute"):
            return fact, home
        scope = fact.qualname.rpartition(".")[0]
        written = evaluator.assigns.get(evaluator.key(home.module, scope, fact.name), ())
        assign = next((a for a in written if a.line == fact.start_line), None)
        value = assign.value if assign is not None else None
        held = (
            evaluator.returned_function(value)
            if value is not None and value.kind == "call"
            else evaluator.qualified(value)
        )
        found = resolver.symbols.get(held) if held else None
        next_home = _module_of(resolver.modules, resolver.symbols, held) if held else None
        if found is None or next_home is None:
            return None
        fact, home = found, next_home
    return None


def _collects(module: ModuleFacts) -> bool:
    """Whether pytest collects tests from a test module: not when it sets ``__test__ =
    False`` (its fixtures still count)."""
    return not any(
        a.scope == "" and a.name == "__test__" and a.value is not None and a.value.text == "False"
        for a in module.assigns
    )


def _turned_off(modules: list[ModuleFacts], evaluator: Evaluator) -> frozenset[str]:
    """The project functions pytest never collects, by qualified name: those a module sets
    ``name.__test__ = False`` for (a production function named ``test_connection``). The
    attribute is the function object's: no name binding it is collected, an alias's
    (``test_b = test_a``) or an import's neither."""
    resolver = evaluator.resolver
    found = set()
    for module in modules:
        for call in module.calls:
            items = call.value.items
            if call.role != "setattr" or len(items) != 2 or items[1].text != "False":
                continue
            if items[0].ref is None or not items[0].ref.endswith(".__test__"):
                continue
            target = resolver.resolve(items[0].ref.removesuffix(".__test__"))
            fact = (
                resolver.symbols.get(target.qualname) if target and not target.remainder else None
            )
            home = (
                _module_of(resolver.modules, resolver.symbols, target.qualname) if target else None
            )
            runs = _runs(fact, home, evaluator) if fact is not None and home is not None else None
            if runs is not None:
                found.add(_qualified(*runs))
    return frozenset(found)


def _qualified(fact: SymbolFact, home: ModuleFacts) -> str:
    return f"{home.module}.{fact.qualname}"


def _imported_functions(
    module: ModuleFacts,
    evaluator: Evaluator,
    rules: _Collects,
    bindings: list[_Binding],
    off: frozenset[str],
) -> dict[str, tuple[SymbolFact, int]]:
    """The project functions a test module imports under names pytest's ``python_functions``
    takes (julep's ``from tests.fixtures import test_agent``; ``import check as test_check``
    too, a test of that name): pytest collects whatever function its namespace holds; a
    pytest fixture it never collects. Each with the import's line."""
    resolver = evaluator.resolver
    own = {s.qualname for s in module.symbols}
    found = {}
    for name, binds_to, line in bindings:
        if name in own or not rules.function(name):
            continue
        target = resolver.resolve(binds_to, importer=module.module)
        fact = resolver.symbols.get(target.qualname) if target else None
        if target is None or target.remainder or fact is None:
            continue
        home = _module_of(resolver.modules, resolver.symbols, target.qualname)
        if home is None:
            continue
        local = target.qualname[len(home.module) + 1 :]  # defined twice: the def that runs last
        fact = next((s for s in _bound_symbols(home) if s.qualname == local), fact)
        runs = _runs(fact, home, evaluator)
        if runs is not None and _qualified(*runs) not in off:
            found[name] = (runs[0], line)
    return found


def _imported_classes(
    module: ModuleFacts, evaluator: Evaluator, rules: _Collects, bindings: list[_Binding]
) -> list[tuple[str, str]]:
    """The test classes a test module imports, or binds again to a name of its own (``TestB
    = TestA``, ``TestUsers = CrudSuite``: pytest collects a class under each name its
    namespace holds it by), which pytest collects there again: each as the module names it,
    with its qualified name."""
    own = {s.qualname for s in module.symbols}
    named = [(name, binds_to) for name, binds_to, _ in bindings if name not in own]
    for fact in _bound_symbols(module):
        held = _bound_to(fact, module, evaluator) if fact.kind == "variable" else None
        if held is not None and held[0].kind == "class":
            named.append((fact.name, f"{held[1].module}.{held[0].qualname}"))
    found = []
    for name, binds_to in named:
        target = evaluator.resolver.resolve(binds_to, importer=module.module)
        cls_fact = evaluator.resolver.symbols.get(target.qualname) if target else None
        if target is None or target.remainder or not cls_fact or cls_fact.kind != "class":
            continue
        collected = rules.cls(name) or _unittest_case(target.qualname, evaluator)
        if collected and _holds_tests(target.qualname, evaluator):
            found.append((name, target.qualname))
    return found


#: A name a module's import binds, what it is bound to, and the import's line.
_Binding = tuple[str, str, int]


def _import_bindings(
    module: ModuleFacts, evaluator: Evaluator, path: tuple[str, ...]
) -> list[_Binding]:
    """The names ``module``'s top-level imports bind: each with what it is bound to and the
    import's line. A star import binds what its project module defines or imports and exports
    (``__all__``, else no leading underscore): ``from tests.shared_cases import *`` puts those
    tests in this module's namespace, where pytest collects them. ``path`` ends star cycles."""
    found = []
    for imp in module.imports:
        if imp.scope or imp.type_checking:  # ``if TYPE_CHECKING:`` binds nothing at run time
            continue
        if imp.bound is not None and imp.binds_to is not None:
            found.append((imp.bound, imp.binds_to, imp.line))
            continue
        source = (
            evaluator.resolver.modules.get(
                evaluator.resolver.alias(imp.target, module.module) or ""
            )
            if imp.star
            else None
        )
        if source is None or source.module in path:
            continue
        exported = _all_names(source, evaluator)
        names = [
            (s.name, f"{source.module}.{s.name}")
            for s in _bound_symbols(source)
            if "." not in s.qualname and s.kind in ("function", "class")
        ]
        names += [(n, b) for n, b, _ in _import_bindings(source, evaluator, (*path, module.module))]
        found += [
            (name, binds_to, imp.line)
            for name, binds_to in names
            if (name in exported if exported is not None else not name.startswith("_"))
        ]
    return found


def _holds_tests(cls: str, evaluator: Evaluator) -> bool:
    """Whether pytest collects the tests of class ``cls``: not when it (or the nearest base
    that says) sets ``__test__ = False``, nor, unless it is a ``unittest.TestCase``, when
    it or a project base defines ``__init__`` or ``__new__`` (pytest warns and skips it), nor
    when it is abstract: pytest 8.3 and later skip it (pytest #12318); before, it failed to
    make an instance of a test class as it collected (a collection error, no item), and a
    ``TestCase`` failed so from 8.2 (older ones ran it, to fail: the one case left out)."""
    resolver = evaluator.resolver
    unittest = _unittest_case(cls, evaluator)
    for base in resolver.mro(cls):
        flag = evaluator.binding(f"{base}.__test__")
        if flag is not None and flag.kind == "const":
            return flag.text == "True" and not _abstract(cls, evaluator)
        if not unittest and {f"{base}.__init__", f"{base}.__new__"} & resolver.symbols.keys():
            return False
    return not _abstract(cls, evaluator)


def _abstract(cls: str, evaluator: Evaluator) -> bool:
    """``inspect.isabstract``: ``abc.ABCMeta`` makes the class (a base ``abc.ABC``, or a
    project class of its MRO says ``metaclass=ABCMeta``) and some name's nearest definition
    along its MRO is an ``@abstractmethod`` (``TestBase(ABC)`` with an abstract ``make``,
    which only its subclasses define). What an external base leaves abstract is not seen."""
    resolver = evaluator.resolver
    mro = resolver.mro(cls)
    symbols = resolver.symbols
    if not any(b == "abc.ABC" or (b in symbols and _abc_made(symbols[b], evaluator)) for b in mro):
        return False
    nearest: dict[str, bool] = {}
    for base in mro:
        home = _module_of(resolver.modules, symbols, base)
        if home is None:
            continue
        local = base[len(home.module) + 1 :]
        for member in _bound_symbols(home):
            if member.qualname.rpartition(".")[0] == local and member.name not in nearest:
                nearest[member.name] = any(
                    evaluator.qualified(_called(d)) in _ABSTRACT_METHODS for d in member.decorators
                )
    return any(nearest.values())


def _abc_made(fact: SymbolFact, evaluator: Evaluator) -> bool:
    """Whether a class says ``metaclass=abc.ABCMeta``."""
    return any(
        name == "metaclass" and evaluator.qualified(value) == "abc.ABCMeta"
        for name, value in fact.keywords
    )


def _inherited(
    module: ModuleFacts,
    owner: str,
    cls: str,
    own: set[str],
    evaluator: Evaluator,
    rules: _Collects,
    off: frozenset[str],
    skip: int,
) -> Iterator[_Collected]:
    """The tests class ``cls`` (``owner`` in ``module``) gets from its MRO past the first
    ``skip`` classes (the ones the collecting module defines itself are listed already), each
    name once, nearest first."""
    resolver = evaluator.resolver
    seen = {q.rpartition(".")[2] for q in own if q.rpartition(".")[0] == owner}
    unittest = _unittest_case(cls, evaluator)
    for base in resolver.mro(cls)[skip:]:
        home = _module_of(resolver.modules, resolver.symbols, base)
        if home is None:
            continue
        local = base[len(home.module) + 1 :]
        for fact in _bound_symbols(home):
            if fact.qualname.rpartition(".")[0] != local or fact.name in seen:
                continue
            seen.add(fact.name)
            if not _is_test(fact, local, {local: unittest}, rules):
                continue
            runs = _runs(fact, home, evaluator)
            if runs is None or _qualified(*runs) in off:
                continue
            lines = (
                (fact.start_line, fact.end_line) if home is module else _class_lines(module, owner)
            )
            yield _Collected(owner, fact.name, runs[0], cls, lines, True)


def _class_lines(module: ModuleFacts, owner: str) -> tuple[int, int]:
    """Where a class that collects tests defined elsewhere is in ``module``: its own lines,
    or, for a class imported under that name, the import's line."""
    fact = next((s for s in module.symbols if s.qualname == owner), None)
    if fact is not None:
        return fact.start_line, fact.end_line
    line = next((i.line for i in module.imports if i.bound == owner), 1)
    return line, line


def _is_test(binding: SymbolFact, owner: str, collected: dict[str, bool], rules: _Collects) -> bool:
    """Whether pytest collects what ``binding`` binds, if that holds a function that is no
    fixture (``_runs``): a module's function, or a method of a class it collects, by name. A
    ``TestCase``'s tests are what unittest's loader takes, ``test*``, whatever pytest's
    ``python_functions`` says."""
    unittest = collected.get(owner, False)
    named = binding.name.startswith("test") if unittest else rules.function(binding.name)
    if not named:
        return False
    if not owner:
        return binding.kind in ("function", "variable")
    return binding.kind in ("method", "attribute") and owner in collected


def _markers(decorators: Iterable[Value]) -> list[str]:
    found = []
    for decorator in decorators:
        text = (decorator.func or decorator).text if decorator.kind == "call" else decorator.text
        if text.startswith("pytest.mark."):
            found.append(text.removeprefix("pytest.mark.").split(".")[0])
    return found


def _module_marks(module: ModuleFacts, evaluator: Evaluator) -> tuple[Value, ...]:
    return _pytestmark(module, "", evaluator)


def _pytestmark(module: ModuleFacts, scope: str, evaluator: Evaluator) -> tuple[Value, ...]:
    """The marks a module's (``scope`` "") or a class body's ``pytestmark = ...`` applies."""
    for assign in module.assigns:
        if assign.scope == scope and assign.name == "pytestmark" and assign.value is not None:
            return _listed_marks(assign.value, evaluator)
    return ()


def _listed_marks(value: Value, evaluator: Evaluator, hops: int = 0) -> tuple[Value, ...]:
    """The marks of a ``pytestmark`` value: a mark, a list of them, or lists added up, and
    through the names holding a list (``pytestmark = DB_MARKS`` imported from a helper)."""
    if value.kind == "name" and hops < _MAX_HOPS:
        key = evaluator.variable(value.ref)
        bound = evaluator.binding(key) if key else None
        if bound is not None and bound.kind in ("list", "add", "name"):
            return _listed_marks(bound, evaluator, hops + 1)
    if value.kind == "add":
        return tuple(mark for part in value.items for mark in _listed_marks(part, evaluator, hops))
    return value.items if value.kind == "list" else (value,)


def _class_marks(module: ModuleFacts, owner: str, evaluator: Evaluator) -> list[Value]:
    """The marks a test method gets from its classes, outermost first: each enclosing class's
    decorators and body ``pytestmark``, and its project base classes' (pytest reads marks
    along the MRO), as pytest's node chain applies them."""
    resolver = evaluator.resolver
    parts = owner.split(".") if owner else []
    found: list[Value] = []
    for depth in range(1, len(parts) + 1):
        for cls in reversed(resolver.mro(f"{module.module}.{'.'.join(parts[:depth])}")):
            facts = _module_of(resolver.modules, resolver.symbols, cls)
            if facts is not None:
                found += resolver.symbols[cls].decorators
                found += _pytestmark(facts, cls[len(facts.module) + 1 :], evaluator)
    return found


def _requested(
    fact: SymbolFact,
    patches: tuple[Value, ...],
    parametrized: set[str],
    evaluator: Evaluator,
    *,
    method: bool,
) -> tuple[str, ...]:
    """A test's fixtures: its arguments, less those parametrize marks fill and those
    hypothesis's ``@given`` fills (it takes them out of the signature pytest reads: by
    keyword, or the last arguments for positional strategies)."""
    names = [n for n in _argnames(fact, patches, evaluator, method) if n not in parametrized]
    for decorator in fact.decorators:
        if decorator.kind == "call" and evaluator.qualified(decorator.func) == "hypothesis.given":
            given = {k for k, _ in decorator.keywords}
            names = [n for n in names if n not in given]
            names = names[: len(names) - len(decorator.items)]
    return tuple(names)


def _argnames(
    fact: SymbolFact, patches: tuple[Value, ...], evaluator: Evaluator, method: bool
) -> tuple[str, ...]:
    """The fixtures a function asks for, as pytest's ``getfuncargnames`` reads its signature:
    arguments without defaults, no ``*args``/``**kwargs``, not a method's first (``self``,
    unless a ``staticmethod``), and not the leading ones mock's patch decorators fill.
    ``method``: whether a class holds it (a module function a class attribute holds is read
    as a method too; a method a module variable holds is not). Arguments before ``/`` are
    none: pytest passes fixtures by name, so it keeps only those a name can fill, and a
    method with one has its ``self`` there (``def test(self, /, db)`` asks for ``db``)."""
    read = _wrapper(fact, evaluator) or fact
    names = [p.name for p in read.params if p.kind in _NAMED and p.default is None and not p.only]
    bound = not any(p.only for p in read.params)
    if method and bound and not any(d.text == "staticmethod" for d in fact.decorators):
        names = names[1:]
    return tuple(names[_mock_arguments(patches, evaluator) :])


def _wrapper(fact: SymbolFact, evaluator: Evaluator) -> SymbolFact | None:
    """The def pytest reads the signature of, when the outermost decorator that is no mark
    is a project function returning a nested def not made with ``functools.wraps``
    (skbu3u/core's ``@temp_database`` returning ``def func(local_session, *args)``): the
    module's name holds that wrapper. ``wraps`` sets ``__wrapped__``, which pytest follows
    back to the test's own signature. A fixture's own decorator is passed over: pytest reads
    the signature of what ``@pytest.fixture`` receives, a wrapper under it too."""
    for decorator in fact.decorators:
        written = decorator.func if decorator.kind == "call" else decorator
        if (evaluator.qualified(written) or "").startswith("pytest.mark."):
            continue
        if _as_fixture(decorator, evaluator) is not None:
            continue
        ref = decorator.ref if decorator.kind == "name" else None
        target = evaluator.resolver.resolve(ref) if ref else None
        made = evaluator.resolver.symbols.get(target.qualname) if target else None
        if target is None or made is None or made.kind != "function" or len(made.returned) != 1:
            return None
        returned = made.returned[0]
        wrapper = f"{target.qualname}.<locals>.{returned.text}"
        inner = evaluator.resolver.symbols.get(wrapper) if returned.kind == "name" else None
        if inner is None or _keeps_signature(target.qualname, evaluator):
            return None
        return inner
    return None


def _keeps_signature(decorator: str, evaluator: Evaluator) -> bool:
    """Whether a decorator may hand pytest the test's own signature: ``functools.wraps``
    (by any name), ``update_wrapper``, or a ``__signature__`` / ``__wrapped__`` it sets,
    anywhere in its body."""
    resolver = evaluator.resolver
    module = resolver.modules.get(resolver.symbol_module.get(decorator, ""))
    if module is None:
        return True
    scope = decorator.removeprefix(f"{module.module}.")
    texts = [c.value.text for c in module.calls if c.scope.startswith(scope)]
    texts += [a.name for a in module.attributes if a.scope.startswith(scope)]
    texts += [r.candidate for r in module.refs if r.scope.startswith(scope)]
    texts += [  # ``from functools import wraps as keep`` then ``@keep(func)``
        evaluator.qualified(d.func if d.kind == "call" else d) or ""
        for sym in module.symbols
        if sym.qualname.startswith(scope)
        for d in sym.decorators
    ]
    words = ("wraps", "update_wrapper", "__signature__", "__wrapped__")
    return any(word in text for text in texts for word in words)


def _mock_arguments(decorators: tuple[Value, ...], evaluator: Evaluator) -> int:
    """How many arguments patch decorators pass in (pytest's ``num_mock_patch_args``): those
    given no replacement; ``patch.dict`` and ``patch.multiple`` pass none positionally."""
    count = 0
    for written in decorators:
        decorator = _patcher_named(written, evaluator) if written.kind == "name" else written
        if decorator.kind != "call":
            continue
        position = _PATCHERS.get(evaluator.qualified(decorator.func) or "")
        if position is None:
            continue
        new = decorator.keyword("new")
        if new is None and len(decorator.items) > position:
            new = decorator.items[position]
        if new is None or evaluator.qualified(new) in _MOCK_DEFAULTS:
            count += 1
    return count


def _patcher_named(decorator: Value, evaluator: Evaluator) -> Value:
    """The patcher a decorator's name stands for: a variable bound once to it
    (``patch_cwd = patch("os.getcwd")``), or the one a project function returns applied
    (``def patch_log(func): return patch(...)(func)``); else the name itself."""
    key = evaluator.variable(decorator.ref)
    if key is not None and len(evaluator.assigns[key]) == 1:
        return evaluator.binding(key) or decorator
    fact = evaluator.resolver.symbols.get(evaluator.qualified(decorator) or "")
    returned = fact.returned if fact is not None and fact.kind == "function" else ()
    applied = returned[0].func if len(returned) == 1 else None
    return applied if applied is not None and applied.kind == "call" else decorator


def _parametrized_names(
    marks: list[Value], evaluator: Evaluator, called: str = "mark.parametrize"
) -> set[str]:
    """The argument names ``parametrize`` marks fill (the marks as ``_marks_made`` reads
    them), or, ``called`` "parametrize", ``metafunc.parametrize`` calls: pytest passes them,
    never fixtures."""
    names: set[str] = set()
    for decorator in marks:
        func = decorator.func
        if decorator.kind == "call" and func and func.text.endswith(called):
            first = decorator.keyword("argnames") or (
                decorator.items[0] if decorator.items else None
            )
            # "a, b" or ["a", "b"]: pytest takes both; ``Case._fields`` of a named tuple
            texts = (
                _tuple_fields(first, evaluator)
                or evaluator.strings(first)
                or (evaluator.text(first).value,)
            )
            given = {n.strip() for text in texts for n in text.split(",") if n.strip()}
            # indirect=True, or the names it lists, go to fixtures of those names
            indirect = decorator.keyword("indirect")
            if indirect is not None and indirect.text == "True":
                continue
            names |= given - set(evaluator.strings(indirect))
    return names


def _tuple_fields(value: Value | None, evaluator: Evaluator) -> tuple[str, ...]:
    """``Case._fields`` of a project ``class Case(NamedTuple)``: its annotated fields, in
    order (wireup's parametrized container tests); () for anything else."""
    ref = value.ref if value is not None and value.ref else ""
    cls = ref.removesuffix("._fields")
    fact = evaluator.resolver.symbols.get(cls) if cls != ref else None
    if fact is None or fact.kind != "class":
        return ()
    if not any(b.rpartition(".")[2] == "NamedTuple" for b in evaluator.resolver.mro(cls)):
        return ()
    module = evaluator.resolver.symbol_module.get(cls, "")
    scope = cls.removeprefix(f"{module}.")
    facts = evaluator.resolver.modules[module]
    fields = [a for a in facts.assigns if a.scope == scope and a.annotation is not None]
    return tuple(a.name for a in sorted(fields, key=lambda a: a.line))


@dataclass(frozen=True)
class _Fill:
    """What a ``pytest_generate_tests`` hook parametrizes with one ``metafunc.parametrize``
    call, and for which test functions: the one its test of the function's name names,
    those asking for the names its ``"name" in metafunc.fixturenames`` tests hold, and not
    for those asking for the names an earlier branch's test took (its ``elif``)."""

    names: frozenset[str]
    function: str | None
    asked: frozenset[str]
    unasked: frozenset[str]


@dataclass(frozen=True)
class _Hooks:
    """By file, what its ``pytest_generate_tests`` hook fills; and, by fixture name, the
    names the project's fixtures of that name ask for (``metafunc.fixturenames`` holds
    what a test's fixtures ask for too)."""

    fills: dict[str, list[_Fill]]
    requests: dict[str, frozenset[str]]


def _closures(hooks: _Hooks, fixtures: list[Fixture]) -> _Hooks:
    requests: dict[str, set[str]] = {}
    for fixture in fixtures:
        requests.setdefault(fixture.name, set()).update(fixture.requests)
    return _Hooks(hooks.fills, {name: frozenset(asks) for name, asks in requests.items()})


def _fixture_closure(names: set[str], requests: dict[str, frozenset[str]]) -> set[str]:
    """``names`` and every name the fixtures of those names ask for, transitively."""
    found, todo = set(names), list(names)
    while todo:
        for name in requests.get(todo.pop(), ()):
            if name not in found:
                found.add(name)
                todo.append(name)
    return found


def _generating_hooks(modules: list[ModuleFacts], evaluator: Evaluator) -> _Hooks:
    """The argument names each ``pytest_generate_tests`` hook fills with
    ``metafunc.parametrize(...)``: pytest passes them, never fixtures. A fill under any test
    other than ``"name" in metafunc.fixturenames`` (or its negation, an ``elif``'s) or
    ``metafunc.function.__name__ == "f"`` is left to the run (the name stays a fixture)."""
    fills: dict[str, list[_Fill]] = {}
    for facts in modules:
        for call in facts.calls:
            func = call.value.func
            hook = call.scope == "pytest_generate_tests" and call.role == "call"
            if not hook or func is None or not func.text.endswith(".parametrize"):
                continue
            names = frozenset(_parametrized_names([call.value], evaluator, "parametrize"))
            only = [_for_function(guard) for guard in call.guards]
            tests = [_asks_for(guard) for guard in call.guards]
            if all(t is not None or f for t, f in zip(tests, only, strict=True)):
                asked = frozenset(name for name, held in filter(None, tests) if held)
                unasked = frozenset(name for name, held in filter(None, tests) if not held)
                function = next(filter(None, only), None)
                fills.setdefault(facts.file, []).append(_Fill(names, function, asked, unasked))
    return _Hooks(fills, {})


def _asks_for(guard: Guard) -> tuple[str, bool] | None:
    """``"name" in metafunc.fixturenames`` as a hook's test: the name, and whether the test
    holds it (False: ``not (...)``, a later branch's)."""
    text = guard.text if guard.kind == "if" else ""
    negated = text.startswith("not (") and text.endswith(")")
    found = _FIXTURENAMES_TEST.fullmatch(text[5:-1] if negated else text)
    return (found[1], not negated) if found is not None else None


def _for_function(guard: Guard) -> str | None:
    """``f`` of a hook's test ``metafunc.function.__name__ == "f"``."""
    found = _FUNCTION_TEST.fullmatch(guard.text) if guard.kind == "if" else None
    return found[1] if found is not None else None


def _generated(file: str, test: SymbolFact, hooks: _Hooks) -> set[str]:
    """What the hooks of the conftests above ``file``, and its own, parametrize for the
    test function ``test``, as its fixture closure says (by name: the fixtures of a name
    the project defines, wherever)."""
    folder = posixpath.dirname(file)
    asks = _fixture_closure({p.name for p in test.params}, hooks.requests)
    return {
        name
        for hook, fills in hooks.fills.items()
        if hook == file
        or (hook.rpartition("/")[2] == "conftest.py" and _inside(folder, posixpath.dirname(hook)))
        for fill in fills
        if fill.function in (None, test.name) and fill.asked <= asks and not fill.unasked & asks
        for name in fill.names
    }


def _marks_made(decorator: Value, evaluator: Evaluator) -> list[Value]:
    """The marks a decorator applies: the one ``_mark_made`` reads, or those a project
    function applies to what it decorates (lmdeploy's ``@_apply_marks`` running
    ``for m in MARKS: cls = m(cls)``, and ``@pipeline_params()`` returning a ``deco`` that
    runs ``fn = pytest.mark.parametrize("model", models)(fn)``), in the order it applies them."""
    applying = _applying(decorator, evaluator)
    marks = _applied_marks(*applying, evaluator) if applying is not None else None
    if marks is None:
        return [_mark_made(decorator, evaluator)]
    return [_mark_made(mark, evaluator) for mark in marks]


def _applying(
    decorator: Value, evaluator: Evaluator
) -> tuple[str, SymbolFact, Value | None] | None:
    """The project function a decorator runs on what it decorates, with the call of the
    helper that returned it (None when the decorator names it)."""
    symbols = evaluator.resolver.symbols
    if decorator.kind == "name":
        name, call = evaluator.qualified(decorator), None
    else:
        helper = evaluator.called_class(decorator) if decorator.kind == "call" else None
        fact = symbols.get(helper) if helper else None
        if helper is None or fact is None or fact.kind != "function" or len(fact.returned) != 1:
            return None
        name, call = f"{helper}.<locals>.{fact.returned[0].text}", decorator
    found = symbols.get(name) if name else None
    if name is None or found is None or found.kind != "function" or not found.params:
        return None
    return name, found, call


def _applied_marks(
    function: str, fact: SymbolFact, call: Value | None, evaluator: Evaluator
) -> list[Value] | None:
    """The marks ``function`` applies to its first parameter, ``p = mark(p)`` or
    ``return mark(p)``, each mark of a list it loops over too; None when it applies none.
    Names of the helper's parameters in a mark are what ``call`` passes them."""
    resolver = evaluator.resolver
    module = resolver.modules.get(resolver.symbol_module.get(function, ""))
    if module is None:
        return None
    scope, own = function[len(module.module) + 1 :], f"{function}.<locals>.{fact.params[0].name}"
    applied = [(a.value, a.guards) for a in module.assigns if a.scope == scope]
    applied += zip(fact.returned, fact.returned_guards, strict=True)
    helper = function.rpartition(".<locals>.")[0]
    made = resolver.symbols.get(helper) if call is not None else None

    def passed(name: str) -> Value | None:  # ``if enabled:`` with ``@maybe(True)``
        return argument(name, made, call) if made is not None and call is not None else None

    marks: list[Value] = []
    for value, guards in applied:
        if value is None or value.kind != "call" or value.func is None or len(value.items) != 1:
            continue
        tests = [g.text for g in guards if g.kind != "for"]
        if value.items[0].ref != own or not all(holds(t, passed) for t in tests):
            continue  # a mark applied only under a test that fails, or that nothing decides
        loop = next(
            (g for g in guards if g.target is not None and g.target.text == value.func.text), None
        )
        if loop is not None and loop.iterable is not None:
            marks += _mark_list(loop.iterable, evaluator, 0)
        elif loop is None:
            marks.append(value.func)
    if not marks:
        return None
    if made is None or call is None:
        return marks
    return [b for m in marks if (b := _bound_mark(m, made, helper, call)) is not None]


def _mark_list(value: Value, evaluator: Evaluator, hops: int) -> list[Value]:
    """The marks a list holds: ``MARKS``, ``[...]``, ``BASE + [...]``."""
    if hops > _MAX_HOPS:
        return []
    if value.kind == "name":
        key = evaluator.variable(value.ref)
        bound = evaluator.binding(key) if key else None
        return _mark_list(bound, evaluator, hops + 1) if bound is not None else []
    if value.kind == "add":
        return [m for part in value.items for m in _mark_list(part, evaluator, hops + 1)]
    return list(value.items) if value.kind == "list" else []


def _mark_made(decorator: Value, evaluator: Evaluator) -> Value:
    """The mark a decorator applies when it is not written in place: ``@with_ids`` of
    ``with_ids = pytest.mark.parametrize(...)``, or ``@cases(1, 2)`` of a project function
    returning one, its argument names read with the call's arguments bound."""
    if decorator.kind == "name":
        key = evaluator.variable(decorator.ref)
        return (evaluator.binding(key) if key else None) or decorator
    called = evaluator.called_class(decorator) if decorator.kind == "call" else None
    fact = evaluator.resolver.symbols.get(called) if called else None
    if called is None or fact is None or fact.kind != "function" or len(fact.returned) != 1:
        return decorator
    return _bound_mark(fact.returned[0], fact, called, decorator) or decorator


def _bound_mark(mark: Value, fact: SymbolFact, helper: str, call: Value) -> Value | None:
    """``mark``, written in ``helper``, with what names its arguments and what sends them
    to fixtures read as ``call`` passes them; None when a parameter the call leaves unknown."""
    local = f"{helper}.<locals>."

    def bound(value: Value) -> Value | None:
        if value.kind != "name" or not (value.ref or "").startswith(local):
            return value
        return argument((value.ref or "").removeprefix(local), fact, call)

    items = [bound(v) for v in mark.items[:1]] + list(mark.items[1:])
    keywords = [(k, bound(v) if k in ("argnames", "indirect") else v) for k, v in mark.keywords]
    if any(v is None for v in items) or any(v is None for _, v in keywords):
        return None
    return replace(
        mark,
        items=tuple(v for v in items if v is not None),
        keywords=tuple((k, v) for k, v in keywords if v is not None),
    )


def _kind(path: str) -> TestKind:
    folders = path.split("/")[:-1]
    for folder, kind in _KINDS:
        if folder in folders:
            return kind
    return "other"


def _imported_modules(module: ModuleFacts, project: set[str]) -> tuple[str, ...]:
    found = set()
    for fact in module.imports:
        target = fact.target
        while target and target not in project:
            target = target.rpartition(".")[0]
        if target:
            found.add(target)
    return tuple(sorted(found))


def _overrides(module: ModuleFacts, evaluator: Evaluator) -> list[Override]:
    found = []
    for call in module.calls:
        if call.role != "setitem" or len(call.value.items) != 2:
            continue
        target, value = call.value.items
        if target.kind != "subscript" or len(target.items) != 2:
            continue
        if not target.items[0].text.endswith("dependency_overrides"):
            continue
        provider = target.items[1]
        found.append(
            Override(
                file=module.file,
                line=call.line,
                provider=evaluator.qualified(provider) or provider.text,
                replacement=evaluator.qualified(value) or value.text,
            )
        )
    return found
