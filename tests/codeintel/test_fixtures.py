from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

import codeintel
from codeintel.frameworks.fixtures import extract_tests
from tests.helpers import extractor_input

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

RUNTIME = Path(__file__).resolve().parent.parent / "runtime_fixtures.py"


def _pytest_view(project: Path) -> dict[str, dict[str, Any]]:
    with tempfile.TemporaryDirectory() as site:
        result = subprocess.run(
            [sys.executable, str(RUNTIME), str(project)],
            cwd=project,
            env=_installed(project, Path(site)),
            capture_output=True,
            text=True,
            check=False,
        )
    return json.loads(result.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _installed(project: Path, site: Path) -> dict[str, str]:
    """The environment of a run with the project installed, as far as pytest can tell: its
    ``pytest11`` entry points in a ``.dist-info`` on the path, as pip writes them, and its
    packages importable."""
    pyproject = project / "pyproject.toml"
    data = tomllib.loads(pyproject.read_text()) if pyproject.exists() else {}
    points = data.get("project", {}).get("entry-points", {}).get("pytest11", {})
    if not points:
        return dict(os.environ)
    info = site / "project-0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: project\nVersion: 0\n")
    lines = "".join(f"{name} = {module}\n" for name, module in points.items())
    (info / "entry_points.txt").write_text(f"[pytest11]\n{lines}")
    packages = project / "src" if (project / "src").is_dir() else project
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(packages)])}


@pytest.mark.slow
@pytest.mark.parametrize(
    "name",
    [
        "registry_app",
        "pytest_layout",
        "fullstack_app",
        "imported_fixtures",
        "pytest_naming",
        "pytest_collection_helpers",
        "dynamic_plugins",
    ],
)
def test_fixture_resolution_equals_pytests(fixtures: Path, name: str) -> None:
    project = fixtures / name
    graph = codeintel.analyze(project)
    tests = {t.qualname: t for t in graph.tests()}
    view = _pytest_view(project)
    runtime, requests = view["chosen"], view["requests"]
    assert runtime, "pytest collected nothing"
    module_of = {m.file: m.module for m in graph.layers()}
    for nodeid, chosen in runtime.items():
        file, _, rest = nodeid.partition("::")
        path = rest.split("[")[0].split("::")
        cls = "::".join(path[:-1]) or None
        test = tests[f"{module_of[file]}.{'.'.join(path)}"]
        assert sorted(set(test.fixtures)) == requests[nodeid], nodeid
        assert sorted(set(test.uses)) == view["uses"][nodeid], nodeid
        static = graph.visible_fixtures(file, cls)
        closure = graph.fixture_closure(file, cls, (*test.fixtures, *test.uses), test.params)
        assert sorted(closure) == sorted(chosen), nodeid
        for fixture_name, (where, function, scope, argnames) in chosen.items():
            fixture = static[fixture_name]
            local = fixture.function.removeprefix(module_of[where] + ".")
            assert (fixture.file, local, fixture.scope, list(fixture.requests)) == (
                where,
                function,
                scope,
                argnames,
            ), (nodeid, fixture_name)
    assert len(tests) == len({n.split("[")[0] for n in runtime})


def test_a_glob_lists_package_folders_and_a_helper_with_locals_is_not_read(
    tmp_path: Path,
) -> None:
    """``glob("fixtures/*")`` lists the package ``fixtures/auth/`` too, as pytest imports it;
    a helper computing its result in a local (``name = ...``) is not followed: a CI203."""
    (tmp_path / "fixtures" / "auth").mkdir(parents=True)
    fixture = "import pytest\n\n\n@pytest.fixture\ndef {0}() -> str:\n    return ''\n"
    (tmp_path / "fixtures" / "__init__.py").write_text("")
    (tmp_path / "fixtures" / "auth" / "__init__.py").write_text(fixture.format("token"))
    (tmp_path / "fixtures" / "db.py").write_text(fixture.format("db"))
    (tmp_path / "conftest.py").write_text(
        "from glob import glob\n\n\n"
        "def as_module(path):\n"
        "    name = path.replace('/', '.')\n"
        "    return name.removesuffix('.py')\n\n\n"
        "pytest_plugins = [\n"
        "    p.replace('/', '.').removesuffix('.py') for p in glob('fixtures/*') if '__' not in p\n"
        "]\n"
    )
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_x.py").write_text(
        "from glob import glob\n\nfrom conftest import as_module\n\n"
        "pytest_plugins = [as_module(p) for p in glob('fixtures/d*.py')]\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    assert sorted((f.file, f.name) for f in graph.fixtures()) == [
        ("fixtures/auth/__init__.py", "token"),
        ("fixtures/db.py", "db"),
    ]
    assert [(d.code, d.file) for d in graph.diagnostics] == [("CI203", "tests/test_x.py")]


def test_a_glob_matching_no_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text(
        "from glob import glob\n"
        'pytest_plugins = [p[:-3].replace("/", ".") for p in glob("fixtures/*.py")]\n'
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    assert [(d.code, d.file, d.line) for d in graph.diagnostics] == [("CI203", "conftest.py", 2)]


def test_fixture_facts(fixtures: Path) -> None:
    graph = codeintel.analyze(fixtures / "pytest_layout")
    by_place = {(f.file, f.name): f for f in graph.fixtures()}
    root = by_place["conftest.py", "db"]
    assert (root.scope, root.autouse, root.visible_from, root.line) == ("session", False, "", 8)
    assert by_place["conftest.py", "audit"].autouse
    unit = by_place["tests/unit/conftest.py", "db"]
    assert (unit.scope, unit.requests, unit.visible_from) == ("function", ("db",), "tests/unit")
    renamed = by_place["tests/plugins/shared.py", "settings"]
    assert (renamed.function, renamed.visible_from) == (
        "tests.plugins.shared.settings_fixture",
        "*",
    )
    grouped = by_place["tests/unit/test_top.py", "db"]
    assert (grouped.scope, grouped.visible_from) == ("class", "tests/unit/test_top.py::TestGrouped")
    # the unit conftest's db asks for the root one: an edge pytest would follow
    edges = {(u, v) for u, v, k in graph.graph.edges(keys=True) if k == "requests_fixture"}
    assert ("fixture:tests/unit/conftest.py::db", "fixture:conftest.py::db") in edges


def test_class_fixtures_are_their_classes(fixtures: Path) -> None:
    graph = codeintel.analyze(fixtures / "pytest_layout")
    file = "tests/unit/test_classes.py"
    clients = {
        f.visible_from: (f.file, f.function, f.line)
        for f in graph.fixtures()
        if f.name == "mock_client"
    }
    assert clients == {
        file: (file, "tests.unit.test_classes.mock_client", 6),
        f"{file}::TestUpload": (file, "tests.unit.test_classes.TestUpload.mock_client", 12),
        f"{file}::TestDelete": (file, "tests.unit.test_classes.TestDelete.mock_client", 29),
        f"{file}::TestInherited": (
            "tests/unit/bases.py",
            "tests.unit.bases.ClientBase.mock_client",
            7,
        ),
    }
    nodes = sorted(n for n in graph.graph if n.startswith(f"fixture:{file}") and "mock_client" in n)
    assert nodes == [
        f"fixture:{file}::TestDelete::mock_client",
        f"fixture:{file}::TestInherited::mock_client",
        f"fixture:{file}::TestUpload::mock_client",
        f"fixture:{file}::mock_client",
    ]
    # the delete client asks for db: the unit conftest's, which its test file sees
    edges = {(u, v) for u, v, k in graph.graph.edges(keys=True) if k == "requests_fixture"}
    assert (
        f"fixture:{file}::TestDelete::mock_client",
        "fixture:tests/unit/conftest.py::db",
    ) in edges
    nested = graph.visible_fixtures(file, "TestUpload::TestNested")
    assert (nested["mock_client"].function, nested["token"].function) == (
        "tests.unit.test_classes.TestUpload.mock_client",
        "tests.unit.test_classes.TestUpload.TestNested.token",
    )
    assert graph.visible_fixtures(file, "TestUpload.TestNested") == nested
    # the subclass's own token shadows the base's, as Python's attribute lookup does
    inherited = graph.visible_fixtures(file, "TestInherited")["token"]
    assert inherited.function == "tests.unit.test_classes.TestInherited.token"
    assert graph.visible_fixtures(file)["mock_client"].visible_from == file


def test_test_facts(fixtures: Path, registry: codeintel.CodeGraph) -> None:
    graph = codeintel.analyze(fixtures / "pytest_layout")
    tests = {t.name: t for t in graph.tests()}
    assert tests["test_double"].markers == ("slow", "parametrize")
    assert tests["test_double"].parametrized and tests["test_double"].fixtures == ("tmp_path",)
    assert (
        tests["test_sees_class_db"].qualname == "tests.unit.test_top.TestGrouped.test_sees_class_db"
    )
    assert tests["test_uses_unit_db"].tests_modules == ("app",)
    assert (tests["test_uses_unit_db"].kind, tests["test_root_db"].kind) == ("unit", "other")
    [override] = registry.dependency_overrides()
    assert (override.file, override.line, override.provider) == (
        "tests/integration/test_servers_api.py",
        20,
        "registry.api.dependencies.get_server_service",
    )


REQUESTS = "tests/requests/test_requests.py"


def _requested(graph: codeintel.CodeGraph) -> dict[str, tuple[tuple[str, ...], bool]]:
    """The shapes' tests by qualname in their module: (fixtures requested, parametrized)."""
    prefix = "tests.requests.test_requests."
    return {
        t.qualname.removeprefix(prefix): (t.fixtures, t.parametrized)
        for t in graph.tests()
        if t.file == REQUESTS
    }


def test_a_fixture_named_like_a_test_is_no_test(fixtures: Path) -> None:
    """argilla's ``@pytest.fixture def test_settings()``: pytest collects no fixture."""
    graph = codeintel.analyze(fixtures / "pytest_layout")
    requested = _requested(graph)
    assert "test_settings" not in requested
    assert requested["test_uses_settings"] == (("db", "test_settings"), False)
    assert "test_settings" in {f.name for f in graph.fixtures() if f.file == REQUESTS}


def test_parametrized_names_are_no_fixtures(fixtures: Path) -> None:
    """Names a class's ``parametrize`` (private-gpt) or ``argnames=`` (argilla) fills are
    arguments pytest passes, not fixtures; the tests are parametrized."""
    requested = _requested(codeintel.analyze(fixtures / "pytest_layout"))
    for test in (
        "test_keyword_argnames",
        "TestClassParametrized.test_pairs",
        "TestClassParametrized.TestInner.test_inner",
        "TestBodyMark.test_size",
    ):
        assert requested[test] == (("db",), True), test


def test_requests_are_pytests_argnames(fixtures: Path) -> None:
    """What pytest's ``getfuncargnames`` leaves: no ``*args``/``**kwargs`` (argilla), no
    defaults, and not the arguments mock's patch decorators fill (private-gpt)."""
    graph = codeintel.analyze(fixtures / "pytest_layout")
    requested = _requested(graph)
    assert requested["test_var_args"] == (("db", "loose"), False)
    for test in (
        "test_patched",
        "test_stacked",
        "test_not_injected",
        "TestPatchedClass.test_method",
        "TestPatchedClass.test_both",
    ):
        assert requested[test] == (("db",), False), test
    [loose] = [f for f in graph.fixtures() if f.name == "loose"]
    assert loose.requests == ("db",)


def test_plugins_a_glob_comprehension_lists(fixtures: Path) -> None:
    """private-gpt's ``pytest_plugins = [_as_module(f) for f in glob(...)]``, read on the
    project's files from pytest's rootdir; a list added to in place, with what is added."""
    graph = codeintel.analyze(fixtures / "dynamic_plugins", cache=False)
    plugins = {(f.file, f.name) for f in graph.fixtures() if f.visible_from == "*"}
    assert plugins == {
        ("tests/fixtures/clients.py", "client"),
        ("tests/fixtures/db.py", "db"),
        ("tests/factories/users.py", "user"),
        ("tests/factories/nested/orders.py", "order"),
        ("tests/helpers/tokens.py", "token"),
        ("tests/pathed/shapes.py", "shape"),
        ("tests/added/stock.py", "stock"),
        ("tests/added/price.py", "price"),
        ("tests/added/cart.py", "cart"),
    }
    assert not graph.diagnostics


def test_plugin_names_as_pytest_reads_them(tmp_path: Path) -> None:
    """A comma-separated string and a name bound to a list, spread into another, are read;
    an unknown item of a list is reported and the known ones kept."""
    (tmp_path / "tests").mkdir()
    for name in ("one", "two", "three", "four"):
        fixture = f"import pytest\n\n\n@pytest.fixture\ndef {name}() -> str:\n    return ''\n"
        (tmp_path / "tests" / f"{name}.py").write_text(fixture)
    (tmp_path / "tests" / "test_x.py").write_text('pytest_plugins = "tests.one,tests.two"\n')
    (tmp_path / "tests" / "names.py").write_text(
        "import os\n\nPLUGINS = ['tests.three', os.environ['PLUGIN']]\n"
    )
    (tmp_path / "conftest.py").write_text(
        "from tests.names import PLUGINS\n\npytest_plugins = [*PLUGINS, 'tests.four']\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    assert sorted(f.name for f in graph.fixtures()) == ["four", "one", "three", "two"]
    [diagnostic] = graph.diagnostics
    assert (diagnostic.code, diagnostic.file, diagnostic.line) == ("CI203", "conftest.py", 3)
    assert "`os.environ['PLUGIN']`" in diagnostic.message


def test_plugins_a_conftest_below_the_root_names_are_seen_only_below_it(tmp_path: Path) -> None:
    """pytest loads such a conftest only when a run starts below it (onyx's k8s tests)."""
    k8s = tmp_path / "tests" / "integration" / "k8s"
    k8s.mkdir(parents=True)
    (tmp_path / "tests" / "unit").mkdir()
    (k8s / "conftest.py").write_text('pytest_plugins = ("tests.integration.k8s.fixtures",)\n')
    (k8s / "fixtures.py").write_text(
        "import pytest\n\n\n@pytest.fixture\ndef k8s_manager() -> str:\n    return 'k8s'\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    assert "k8s_manager" in graph.visible_fixtures("tests/integration/k8s/test_pods.py")
    assert "k8s_manager" not in graph.visible_fixtures("tests/unit/test_unit.py")


@pytest.mark.parametrize(
    ("config", "text"),
    [
        ("pyproject.toml", '[project.entry-points.pytest11]\nshop = "shop.plugin:hooks"\n'),
        ("pyproject.toml", '[tool.poetry.plugins."pytest11"]\nshop = "shop.plugin"\n'),
        ("setup.cfg", "[options.entry_points]\npytest11 =\n    shop = shop.plugin\n"),
    ],
)
def test_a_pytest11_entry_point_of_the_project_is_a_plugin(
    tmp_path: Path, config: str, text: str
) -> None:
    """Once the project is installed, pytest loads its own ``pytest11`` plugin in every run."""
    (tmp_path / "shop").mkdir()
    (tmp_path / "shop" / "__init__.py").write_text("")
    (tmp_path / "shop" / "plugin.py").write_text(
        "import pytest\n\n\n@pytest.fixture\ndef courier() -> str:\n    return ''\n"
    )
    (tmp_path / config).write_text(text)
    graph = codeintel.analyze(tmp_path, cache=False)
    assert graph.visible_fixtures("tests/deep/test_x.py")["courier"].file == "shop/plugin.py"
    assert not graph.diagnostics


def test_a_pytest11_entry_point_of_a_nested_project_reaches_its_own_tests_only(
    tmp_path: Path,
) -> None:
    """An example project's plugin is loaded where that example is installed, not in the
    repository's own suite (the review's ``examples/demo``)."""
    plugin = tmp_path / "examples" / "demo" / "demo_plugin"
    plugin.mkdir(parents=True)
    (plugin / "__init__.py").write_text("")
    (plugin / "plugin.py").write_text(
        "import pytest\n\n\n@pytest.fixture(autouse=True)\ndef demo_auto() -> None:\n    pass\n"
    )
    (tmp_path / "examples" / "demo" / "pyproject.toml").write_text(
        '[project.entry-points.pytest11]\ndemo = "demo_plugin.plugin"\n'
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    assert "demo_auto" in graph.visible_fixtures("examples/demo/tests/test_demo.py")
    assert "demo_auto" not in graph.visible_fixtures("tests/test_a.py")


def test_a_plugin_a_pytest_config_loads_with_dash_p_is_a_plugin(tmp_path: Path) -> None:
    """``addopts = "-p tests.plugin -p no:cacheprovider"``: pytest loads the first for the
    runs under that config; ``no:`` turns a plugin off."""
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "__init__.py").write_text("")
    (tmp_path / "tests" / "plugin.py").write_text(
        "import pytest\n\n\n@pytest.fixture\ndef courier() -> str:\n    return ''\n"
    )
    (tmp_path / "pyproject.toml").write_text(
        '[tool.pytest.ini_options]\naddopts = "-p tests.plugin -p no:cacheprovider"\n'
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    assert graph.visible_fixtures("tests/test_x.py")["courier"].file == "tests/plugin.py"
    assert not graph.diagnostics


def test_a_plugin_several_configs_load_reaches_the_tests_of_each(tmp_path: Path) -> None:
    """diracx repeats ``-pdiracx.testing`` in its root config and in each package's: the
    plugin's fixtures are seen by the root's tests too, not only below the last config."""
    (tmp_path / "helpers").mkdir()
    (tmp_path / "helpers" / "__init__.py").write_text(
        "import pytest\n\n\n@pytest.fixture\ndef private_key() -> str:\n    return ''\n"
    )
    (tmp_path / "zpkg").mkdir()
    for folder in (tmp_path, tmp_path / "zpkg"):
        (folder / "pyproject.toml").write_text(
            '[tool.pytest.ini_options]\naddopts = ["-phelpers"]\n'
        )
    graph = codeintel.analyze(tmp_path, cache=False)
    for test_file in ("tests/test_root.py", "zpkg/tests/test_sub.py"):
        assert graph.visible_fixtures(test_file)["private_key"].file == "helpers/__init__.py"


def test_dash_p_plugins_register_in_their_order_each_with_the_plugins_it_names(
    tmp_path: Path,
) -> None:
    """``-p plugs.b -p plugs.a``, ``a`` naming ``plugs.c``: pytest registers b, a, c, and the
    later registered plugin's fixture of a name wins (the test passes under pytest)."""
    (tmp_path / "plugs").mkdir()
    (tmp_path / "plugs" / "__init__.py").write_text("")
    fixture = "\n\n@pytest.fixture\ndef {0}() -> str:\n    return ''\n"
    (tmp_path / "plugs" / "a.py").write_text(
        "import pytest\n\npytest_plugins = ['plugs.c']\n" + fixture.format("first")
    )
    (tmp_path / "plugs" / "b.py").write_text(
        "import pytest\n" + fixture.format("first") + fixture.format("nested")
    )
    (tmp_path / "plugs" / "c.py").write_text("import pytest\n" + fixture.format("nested"))
    (tmp_path / "pyproject.toml").write_text(
        '[tool.pytest.ini_options]\naddopts = "-p plugs.b -p plugs.a"\n'
    )
    seen = codeintel.analyze(tmp_path, cache=False).visible_fixtures("tests/test_order.py")
    assert (seen["first"].file, seen["nested"].file) == ("plugs/a.py", "plugs/c.py")


def test_names_a_test_module_adds_at_run_time_are_reported(tmp_path: Path) -> None:
    """letta puts factory-made tests into its modules with ``globals().update(...)``:
    pytest collects them; we cannot see them, and say so."""
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_made.py").write_text(
        "from helpers import make_tests\n\nglobals().update(make_tests('agents'))\n"
    )
    graph = codeintel.analyze(tmp_path)
    assert [(d.code, d.file, d.line) for d in graph.diagnostics] == [
        ("CI205", "tests/test_made.py", 3)
    ]


_LOADER = """import importlib
import os

for filename in os.listdir(os.path.dirname(__file__)):
    if filename.startswith("fx_"):
        module = importlib.import_module(f"{__package__}.{filename[:-3]}")
        for name in dir(module):
            if callable(getattr(module, name)):
                globals()[name] = getattr(module, name)
"""


def test_a_conftest_loading_the_modules_of_its_folder_registers_their_fixtures(
    tmp_path: Path,
) -> None:
    """A conftest copying its folder's ``fx_*`` modules into its namespace registers their
    fixtures as its own, and only theirs: nothing is reported."""
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "__init__.py").write_text("")
    (tmp_path / "tests" / "conftest.py").write_text(_LOADER)
    fixture = "import pytest\n\n\n@pytest.fixture\ndef {0}():\n    return 1\n"
    (tmp_path / "tests" / "fx_db.py").write_text(fixture.format("db"))
    (tmp_path / "tests" / "other.py").write_text(fixture.format("other"))
    graph = codeintel.analyze(tmp_path, cache=False)
    seen = graph.visible_fixtures("tests/test_a.py")
    assert (seen["db"].file, "other" in seen, graph.diagnostics) == ("tests/fx_db.py", False, ())


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("os.listdir(os.path.dirname(__file__))", "find_modules()"),  # a list the run makes
        ("globals()[name] = getattr(module, name)", "globals()[name] = None"),  # not the names
        ("if callable(getattr(module, name)):", "if name.startswith('d'):"),  # some of them
    ],
)
def test_a_module_loading_what_is_not_known_is_reported(
    tmp_path: Path, written: str, shown: str
) -> None:
    """The same loop over a list the run makes, writing other values, or only some names:
    its writes are reported, not guessed."""
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "__init__.py").write_text("")
    (tmp_path / "tests" / "fx_db.py").write_text(
        "import pytest\n\n\n@pytest.fixture\ndef db(): ...\n"
    )
    loader = _LOADER.replace(written, shown)
    (tmp_path / "tests" / "conftest.py").write_text(f"from helpers import find_modules\n{loader}")
    graph = codeintel.analyze(tmp_path, cache=False)
    assert [(d.code, d.file, d.line) for d in graph.diagnostics] == [
        ("CI205", "tests/conftest.py", 10)
    ]


def test_reading_tests_and_plugins_leaves_no_reference_cycle(fixtures: Path) -> None:
    """What analysis leaves alive is frozen for the cyclic collector (``analysis``): a cycle
    made while reading pytest's view (a nested function calling itself) would keep every
    module's facts alive after each run."""
    evaluator = extractor_input(fixtures / "pytest_layout").evaluator
    gc.collect()
    gc.disable()
    try:
        extract_tests(evaluator)
        assert gc.collect() == 0
    finally:
        gc.enable()


@pytest.mark.slow
def test_anyio_auto_mode_gives_every_coroutine_test_the_backend(tmp_path: Path) -> None:
    """``anyio_mode = auto``: anyio's plugin marks every coroutine test, marked or not."""
    (tmp_path / "pytest.ini").write_text("[pytest]\nanyio_mode = auto\n")
    (tmp_path / "conftest.py").write_text(
        "import pytest\n\n\n@pytest.fixture\ndef anyio_backend():\n    return 'asyncio'\n"
    )
    (tmp_path / "test_auto.py").write_text(
        "async def test_coroutine():\n    pass\n\n\ndef test_plain():\n    pass\n"
    )
    uses = {t.name: t.uses for t in codeintel.analyze(tmp_path, cache=False).tests()}
    view = _pytest_view(tmp_path)["uses"]
    assert uses == {n.rpartition("::")[2]: tuple(names) for n, names in view.items()}
    assert uses["test_coroutine"] == ("anyio_backend",)


def test_a_named_tuples_fields_as_parametrize_names_are_no_fixture_requests(
    tmp_path: Path,
) -> None:
    """wireup's ``@pytest.mark.parametrize(Case._fields, [...])``: pytest fills ``kind``
    and ``name``; only ``container`` is asked of a fixture."""
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_cases.py").write_text(
        "from typing import NamedTuple\n\nimport pytest\n\n\n"
        "class Case(NamedTuple):\n    kind: type\n    name: str | None = None\n\n\n"
        "@pytest.mark.parametrize(Case._fields, [Case(int), Case(str, 'q')])\n"
        "def test_get(container, kind, name):\n    pass\n"
    )
    tests = codeintel.analyze(tmp_path, cache=False).tests()
    assert [t.fixtures for t in tests] == [("container",)]


def test_a_library_testcase_is_collected_whatever_the_class_is_named(tmp_path: Path) -> None:
    """Artemis' ``class RobotsTest(ArtemisModuleTestCase)``, that one a karton
    ``KartonTestCase``: pytest's unittest plugin collects it, as django's or tornado's
    ``TestCase`` would be. A library class of another name is no test case."""
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "base.py").write_text(
        "from karton.core.test import KartonTestCase\n\n"
        "class ModuleTestCase(KartonTestCase):\n    pass\n"
    )
    (tmp_path / "tests" / "test_things.py").write_text(
        "from django.test import TestCase\nfrom library import Helper\n"
        "from tests.base import ModuleTestCase\n\n"
        "class RobotsCheck(ModuleTestCase):\n    def test_robots(self): ...\n\n"
        "class ViewsCheck(TestCase):\n    def test_views(self): ...\n\n"
        "class Helped(Helper):\n    def test_helped(self): ...\n"
    )
    names = sorted(t.qualname for t in codeintel.analyze(tmp_path, cache=False).tests())
    assert names == [
        "tests.test_things.RobotsCheck.test_robots",
        "tests.test_things.ViewsCheck.test_views",
    ]


def test_plugins_a_function_returns_then_appended_to_are_reported(tmp_path: Path) -> None:
    """``pytest_plugins = get_all()`` then ``pytest_plugins.append("extra")``: what the
    function returns is not all pytest loads, so it is a CI203, not a partial list."""
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "conftest.py").write_text(
        "def get_all():\n    return [name for name in ('tests.one',)]\n\n"
        "pytest_plugins = get_all()\npytest_plugins.append('tests.two')\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    assert [d.code for d in graph.diagnostics] == ["CI203"]


def test_a_function_bound_again_under_a_test_name_is_a_test_of_that_name(tmp_path: Path) -> None:
    """pytest collects any function a module's or a collected class's namespace holds under a
    name ``python_functions`` takes: ``test_b = test_a`` is a second item, ``test_b``, running
    ``test_a``; in a class ``test_x = Other.test_x`` or ``test_y = _helper`` (read as a
    method: ``self`` is no fixture), inherited too; ``import check as test_check`` likewise.
    Each is at its binding; ``f.__test__ = False`` under any name turns off every name."""
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "__init__.py").write_text("")
    (tmp_path / "tests" / "helpers.py").write_text(
        "def shared(self, fb):\n    pass\n\n\ndef check(fa):\n    pass\n\n\n"
        "def other(fb):\n    pass\n"
    )
    (tmp_path / "tests" / "test_alias.py").write_text(
        "import pytest\n\nfrom tests.helpers import shared\n\n\n"
        "def test_a(fa):\n    pass\n\n\n"
        "test_b = test_a\ntest_c = test_b\ntest_value = 3\n\n\n"
        "def _helper_test(self, fb):\n    pass\n\n\n"
        "class Other:\n    def test_x(self, fa):\n        pass\n\n\n"
        "class TestK:\n    test_x = Other.test_x\n    test_y = _helper_test\n"
        "    test_z = shared\n\n\n"
        "@pytest.mark.parametrize('v', [1, 2])\ndef test_p(v, fa):\n    pass\n\n\n"
        "test_q = test_p\n"
    )
    (tmp_path / "tests" / "test_more.py").write_text(
        "from tests.helpers import check as test_check, other as test_other\n"
        "from tests.test_alias import TestK\n\n\n"
        "class TestSub(TestK):\n    test_w = TestK.test_y\n\n\n"
        "test_again = test_check\ntest_off = test_check\ntest_off.__test__ = False\n"
    )
    tests = codeintel.analyze(tmp_path, cache=False).tests()
    found = {t.qualname: (t.line, t.end_line, t.fixtures, t.params) for t in tests}
    assert found == {
        "tests.test_alias.test_a": (6, 7, ("fa",), ()),
        "tests.test_alias.test_b": (10, 10, ("fa",), ()),
        "tests.test_alias.test_c": (11, 11, ("fa",), ()),
        "tests.test_alias.TestK.test_x": (25, 25, ("fa",), ()),
        "tests.test_alias.TestK.test_y": (26, 26, ("fb",), ()),
        "tests.test_alias.TestK.test_z": (27, 27, ("fb",), ()),
        "tests.test_alias.test_p": (30, 32, ("fa",), ("v",)),
        "tests.test_alias.test_q": (35, 35, ("fa",), ("v",)),
        "tests.test_more.TestSub.test_w": (6, 6, ("fb",), ()),
        "tests.test_more.TestSub.test_x": (5, 6, ("fa",), ()),
        "tests.test_more.TestSub.test_y": (5, 6, ("fb",), ()),
        "tests.test_more.TestSub.test_z": (5, 6, ("fb",), ()),
        "tests.test_more.TestK.test_x": (2, 2, ("fa",), ()),
        "tests.test_more.TestK.test_y": (2, 2, ("fb",), ()),
        "tests.test_more.TestK.test_z": (2, 2, ("fb",), ()),
        "tests.test_more.test_other": (1, 1, ("fb",), ()),
    }
    assert {t.name for t in tests if t.qualname.endswith(".test_b")} == {"test_b"}


def test_an_abstract_test_class_is_not_collected(tmp_path: Path) -> None:
    """``class TestBase(ABC)`` with an ``@abstractmethod`` its subclasses define: pytest 8.3
    and later skip an abstract class (``inspect.isabstract``), a ``TestCase`` too; before, an
    instance of it failed as pytest collected it. A subclass still leaving a method abstract
    is abstract; one defining it (a def, or any attribute) is collected, with the base's
    tests."""
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_abs.py").write_text(
        "import abc\nimport unittest\nfrom abc import ABC, abstractmethod\n\n\n"
        "class TestBase(ABC):\n    @abstractmethod\n    def make(self): ...\n\n"
        "    def test_made(self):\n        pass\n\n\n"
        "class TestConcrete(TestBase):\n    def make(self):\n        return 1\n\n\n"
        "class TestByAttribute(TestBase):\n    make = None\n\n\n"
        "class TestStillAbstract(TestBase):\n    def test_other(self):\n        pass\n\n\n"
        "class TestMeta(metaclass=abc.ABCMeta):\n    @property\n    @abc.abstractmethod\n"
        "    def name(self): ...\n\n    def test_meta(self):\n        pass\n\n\n"
        "class TestPlainABC(ABC):\n    def test_plain(self):\n        pass\n\n\n"
        "class CaseBase(unittest.TestCase, ABC):\n    @abstractmethod\n    def make(self): ...\n\n"
        "    def test_case(self):\n        pass\n\n\n"
        "class CaseConcrete(CaseBase):\n    def make(self):\n        return 1\n"
    )
    names = sorted(t.qualname for t in codeintel.analyze(tmp_path, cache=False).tests())
    assert names == [
        "test_abs.CaseConcrete.test_case",
        "test_abs.TestByAttribute.test_made",
        "test_abs.TestConcrete.test_made",
        "test_abs.TestPlainABC.test_plain",
    ]


def test_a_class_bound_again_under_a_test_class_name_is_collected_under_it(
    tmp_path: Path,
) -> None:
    """``TestB = TestA``, ``TestUsers = CrudSuite`` (a suite class of a helper module, not
    named for pytest): pytest collects a class under each name the module's namespace holds
    it by, with its tests and class fixtures; a name ``python_classes`` does not take is no
    test class."""
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "__init__.py").write_text("")
    (tmp_path / "tests" / "base.py").write_text(
        "import pytest\n\n\nclass CrudSuite:\n    @pytest.fixture\n    def item(self):\n"
        "        return 1\n\n    def test_read(self, item):\n        pass\n"
    )
    (tmp_path / "tests" / "test_alias_class.py").write_text(
        "from tests import base\nfrom tests.base import CrudSuite\n\n\n"
        "class TestA:\n    def test_one(self):\n        pass\n\n\n"
        "TestB = TestA\nTestUsers = CrudSuite\nTestItems = base.CrudSuite\nNotATest = TestA\n"
        "TestAgain = TestB\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    found = {t.qualname.removeprefix("tests.test_alias_class."): t.fixtures for t in graph.tests()}
    assert found == {
        "TestA.test_one": (),
        "TestB.test_one": (),
        "TestAgain.test_one": (),
        "TestUsers.test_read": ("item",),
        "TestItems.test_read": ("item",),
    }
    item = graph.visible_fixtures("tests/test_alias_class.py", "TestUsers")["item"]
    assert item.function == "tests.base.CrudSuite.item"


def test_the_def_a_project_factory_returns_is_a_test_under_the_name_bound(
    tmp_path: Path,
) -> None:
    """``test_users = make_check("/users")``, the factory returning a nested def: pytest
    collects that function under the variable's name, asking for what the nested def asks
    (a class attribute's as a method's: its first argument fills ``self``), with its marks."""
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "__init__.py").write_text("")
    (tmp_path / "tests" / "factory.py").write_text(
        "import pytest\n\n\ndef make_check(path):\n"
        "    @pytest.mark.parametrize('code', [200, 201])\n"
        "    def check(client, code):\n        pass\n\n    return check\n\n\n"
        "def make_plain(path):\n    def _inner(db, other):\n        pass\n\n    return _inner\n"
    )
    (tmp_path / "tests" / "test_made.py").write_text(
        "from tests.factory import make_check, make_plain\n\n"
        "test_users = make_check('/users')\ntest_items = make_plain('/items')\n"
        "test_data = {'a': 1}\n\n\nclass TestMade:\n    test_in_class = make_plain('/c')\n"
    )
    tests = codeintel.analyze(tmp_path, cache=False).tests()
    found = {t.qualname: (t.line, t.fixtures, t.params) for t in tests}
    assert found == {
        "tests.test_made.test_users": (3, ("client",), ("code",)),
        "tests.test_made.test_items": (4, ("db", "other"), ()),
        "tests.test_made.TestMade.test_in_class": (9, ("other",), ()),
    }


def test_an_imported_test_bound_again_to_its_own_name_is_still_collected(tmp_path: Path) -> None:
    """``from tests.base import TestA, test_f`` then ``TestA = TestA``, ``test_f = test_f``
    (kept so a linter leaves the import alone): the module's namespace still holds the class
    and the function, which pytest collects there."""
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "__init__.py").write_text("")
    (tmp_path / "tests" / "base.py").write_text(
        "class TestA:\n    def test_one(self):\n        pass\n\n\ndef test_f():\n    pass\n"
    )
    (tmp_path / "tests" / "test_reexport.py").write_text(
        "from tests.base import TestA, test_f\n\nTestA = TestA\ntest_f = test_f\n"
    )
    tests = codeintel.analyze(tmp_path, cache=False).tests()
    assert sorted(t.qualname for t in tests) == [
        "tests.test_reexport.TestA.test_one",
        "tests.test_reexport.test_f",
    ]


_WRAPPED_FIXTURES = (
    "import functools\n\nimport pytest\n\n\n"
    "def plain(func):\n    def inner(*args, **kwargs):\n        return func(*args, **kwargs)\n\n"
    "    return inner\n\n\n"
    "def kept(func):\n    @functools.wraps(func)\n    def inner(*args, **kwargs):\n"
    "        return func(*args, **kwargs)\n\n    return inner\n\n\n"
    "session_fixture = pytest.fixture(scope='session')\n\n\n"
    "@pytest.fixture\ndef db():\n    return 1\n\n\n"
    "@pytest.fixture\n@plain\ndef unwrapped(db):\n    return db\n\n\n"
    "@session_fixture\n@plain\ndef unwrapped_session(db):\n    return db\n\n\n"
    "@pytest.fixture\n@kept\ndef wrapped(db):\n    return db\n"
)


def test_a_fixture_under_a_decorator_without_wraps_asks_for_the_wrappers_arguments(
    tmp_path: Path,
) -> None:
    """``@pytest.fixture`` over a project decorator returning a nested def without
    ``functools.wraps``: pytest reads the wrapper's ``(*args, **kwargs)``, so the fixture
    asks for nothing; with ``wraps`` it reads the fixture's own signature."""
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "conftest.py").write_text(_WRAPPED_FIXTURES)
    requests = {f.name: f.requests for f in codeintel.analyze(tmp_path, cache=False).fixtures()}
    assert requests == {
        "db": (),
        "unwrapped": (),
        "unwrapped_session": (),
        "wrapped": ("db",),
    }


@pytest.mark.slow
def test_a_fixture_under_a_decorator_without_wraps_has_pytests_closure(tmp_path: Path) -> None:
    """The same fixtures, each test's closure equal to the one pytest sets up."""
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "conftest.py").write_text(_WRAPPED_FIXTURES)
    (tmp_path / "tests" / "test_w.py").write_text(
        "def test_u(unwrapped):\n    pass\n\n\ndef test_s(unwrapped_session):\n    pass\n\n\n"
        "def test_w(wrapped):\n    pass\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    runtime = _pytest_view(tmp_path)["chosen"]
    for test in graph.tests():
        closure = graph.fixture_closure(test.file, None, test.fixtures, test.params)
        assert sorted(closure) == sorted(runtime[f"{test.file}::{test.name}"]), test.name
    assert len(runtime) == 3


_POSITIONAL_ONLY = """\
import pytest


@pytest.fixture
def db():
    return 1


@pytest.fixture
def other(db, /, user=None):
    return 2


def test_posonly(db, /, other):
    pass


class TestMethod:
    def test_self_before_slash(self, /, db, other):
        pass
"""


def test_arguments_before_a_slash_ask_for_no_fixture(tmp_path: Path) -> None:
    """pytest passes fixtures by keyword, so ``getfuncargnames`` keeps only the arguments a
    name can fill: ``def test(db, /, other)`` asks for ``other``, a fixture's ``(db, /)``
    for nothing, and a method's ``(self, /, db, other)`` for both (its ``self`` is the one
    before ``/``, so pytest drops no named one as the instance)."""
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_p.py").write_text(_POSITIONAL_ONLY)
    graph = codeintel.analyze(tmp_path, cache=False)
    assert {f.name: f.requests for f in graph.fixtures()} == {"db": (), "other": ()}
    assert {t.name: t.fixtures for t in graph.tests()} == {
        "test_posonly": ("other",),
        "test_self_before_slash": ("db", "other"),
    }


@pytest.mark.slow
def test_arguments_before_a_slash_have_pytests_requests(tmp_path: Path) -> None:
    """The same module, each test's requests and closure equal to pytest's."""
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_p.py").write_text(_POSITIONAL_ONLY)
    graph = codeintel.analyze(tmp_path, cache=False)
    view = _pytest_view(tmp_path)
    module = "tests/test_p.py"
    nodes = {"test_posonly": f"{module}::test_posonly"}
    nodes["test_self_before_slash"] = f"{module}::TestMethod::test_self_before_slash"
    for test in graph.tests():
        node = nodes[test.name]
        assert sorted(test.fixtures) == view["requests"][node], test.name
        cls = "TestMethod" if "::TestMethod::" in node else None
        closure = graph.fixture_closure(test.file, cls, test.fixtures, test.params)
        assert sorted(closure) == sorted(view["chosen"][node]), test.name
    assert len(view["chosen"]) == 2
