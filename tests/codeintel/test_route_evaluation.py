"""The pieces of route evaluation that bind names: closing values over bindings, loop
targets, attribute defaults, and what is reported when a binding cannot be found."""

from __future__ import annotations

from pathlib import Path

import pytest

import codeintel
from codeintel.facts.models import Value
from codeintel.frameworks import routes as routes_module
from codeintel.frameworks.routes import _close, _unpack


def _project(root: Path, files: dict[str, str]) -> codeintel.CodeGraph:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return codeintel.analyze(root, cache=False)


def _main(root: Path, source: str) -> codeintel.CodeGraph:
    """The graph of a project of one module, ``main.py``."""
    return _project(root, {"main.py": source})


def _name(ref: str) -> Value:
    return Value("name", ref.rpartition(".")[2], ref=ref)


def test_close_replaces_bound_names_inside_calls_and_fstrings() -> None:
    prefix = Value("fstring", 'f"/{name}"', items=(Value("str", "/"), _name("m.f.<locals>.name")))
    call = Value(
        "call", "APIRouter(...)", func=_name("fastapi.APIRouter"), keywords=(("prefix", prefix),)
    )
    closed = _close(call, {"m.f.<locals>.name": Value("str", "github")})
    assert closed.keyword("prefix") == Value(
        "fstring", 'f"/{name}"', items=(Value("str", "/"), Value("str", "github"))
    )
    assert _close(call, {}) is call


def test_unpack_binds_each_name_of_a_tuple_target() -> None:
    target = Value("list", "path, handler", items=(_name("m.path"), _name("m.handler")))
    item = Value("list", '("/a", h)', items=(Value("str", "/a"), _name("m.h")))
    assert _unpack(target, item) == {"m.path": Value("str", "/a"), "m.handler": _name("m.h")}
    assert _unpack(target, Value("str", "x")) == {}


@pytest.mark.parametrize(
    "factory",
    [
        "def load_config():\n    return Config()\nconfig = load_config()\n",
        # drone-tm's ``get_settings()``: a local bound to the settings, checked, returned
        "def load_config():\n    c = Config()\n    if c.debug:\n        print(c)\n    return c\n"
        "config = load_config()\n",
        # papermerge: the module's instance, returned by a getter or aliased
        "_made = Config()\ndef load_config():\n    return _made\nconfig = load_config()\n",
        "_made = Config()\nconfig = _made\n",
    ],
)
def test_a_prefix_from_a_nested_settings_default(tmp_path: Path, factory: str) -> None:
    graph = _project(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/config.py": (
                "from pydantic import BaseModel, Field\n"
                "class RunSettings(BaseModel):\n    root_path: str = '/root'\n"
                "class Config(BaseModel):\n"
                "    debug: bool = False\n"
                "    run: RunSettings = Field(default_factory=RunSettings)\n"
                f"{factory}"
            ),
            "pkg/server.py": (
                "from fastapi import APIRouter, FastAPI\nfrom pkg.config import config\n"
                "app = FastAPI()\nrouter = APIRouter(prefix=config.run.root_path)\n"
                "@router.get('/x')\ndef x(): return 1\n"
                "app.include_router(router)\n"
            ),
        },
    )
    assert [(r.path, r.app) for r in graph.routes()] == [("/root/x", "pkg.server.app")]
    assert not [d for d in graph.diagnostics if d.code == "CI201"]


def test_routes_on_a_parameter_no_call_binds_are_kept_with_a_diagnostic(tmp_path: Path) -> None:
    graph = _project(
        tmp_path,
        {
            "helpers.py": (
                "from fastapi import FastAPI\n"
                "def handler(): return 1\n"
                "def install(app: FastAPI, path: str = '/x') -> None:\n"
                "    app.get(path)(handler)\n"
            )
        },
    )
    assert [(r.path, r.app, r.router) for r in graph.routes()] == [
        ("/x", None, "helpers.install.<locals>.app")
    ]
    assert [(d.code, d.line) for d in graph.diagnostics] == [("CI202", 3)]


def test_an_include_in_a_loop_over_unknown_items_names_the_loop(tmp_path: Path) -> None:
    graph = _project(
        tmp_path,
        {
            "main.py": (
                "from fastapi import FastAPI\nfrom plugins import load\n"
                "app = FastAPI()\n"
                "for router in load():\n    app.include_router(router)\n"
                "for item in load():\n    print(item)\n"
            ),
            # (a loader returning one literal list would be read: its items are known)
            "plugins.py": (
                "import importlib\n\n\ndef load():\n"
                "    return importlib.import_module('extensions').ROUTERS\n"
            ),
        },
    )
    messages = [(d.code, d.line, d.message) for d in graph.diagnostics]
    assert messages == [
        ("CI202", 5, "cannot tell what `for router in load()` runs over"),
        ("CI202", 5, "cannot tell which router router is"),
    ]


def test_a_handler_that_names_no_function_is_a_diagnostic(tmp_path: Path) -> None:
    graph = _main(
        tmp_path,
        (
            "from fastapi import FastAPI\napp = FastAPI()\nHANDLERS = []\n"
            "app.add_api_route('/x', HANDLERS[0])\n"
            "app.get('/y')(lambda: 1)\n"
        ),
    )
    # a lambda is a function: named as Python names it (``main.<lambda>``)
    assert [(r.path, r.endpoint) for r in graph.routes()] == [("/y", "main.<lambda>")]
    assert [(d.code, d.line, d.message) for d in graph.diagnostics] == [
        ("CI202", 4, "cannot tell which function endpoint HANDLERS[0] is"),
    ]


def test_an_apps_router_attribute_is_the_app(tmp_path: Path) -> None:
    graph = _main(
        tmp_path,
        (
            "from fastapi import FastAPI\napp = FastAPI()\n"
            "def ping(): return 1\n"
            "def aliases(target: FastAPI) -> None:\n"
            "    target.router.add_api_route('/pong', ping)\n"
            "    for route in list(target.router.routes):\n"
            "        target.router.add_api_route('/x' + route.path, route.endpoint)\n"
            "app.router.add_api_route('/ping', ping)\n"
            "aliases(app)\n"
        ),
    )
    assert [(r.path, r.app) for r in graph.routes()] == [
        ("/ping", "main.app"),
        ("/pong", "main.app"),
    ]
    assert [(d.code, d.line) for d in graph.diagnostics] == [("CI202", 7), ("CI202", 7)]


def test_an_attribute_set_from_a_factory_call_binds_the_factorys_parameters(
    tmp_path: Path,
) -> None:
    graph = _main(
        tmp_path,
        (
            "from fastapi import APIRouter, FastAPI\n"
            "router = APIRouter()\n"
            "@router.get('/x')\ndef x(): return 1\n"
            "def build(extra: APIRouter) -> FastAPI:\n"
            "    app = FastAPI()\n    app.include_router(extra, prefix='/v1')\n"
            "    return app\n"
            "class Server:\n"
            "    def __init__(self) -> None:\n        self.app = build(router)\n"
            "app = Server().app\n"
        ),
    )
    assert [(r.path, r.app) for r in graph.routes()] == [("/v1/x", "main.build.<locals>.app")]


def test_each_subclass_holds_its_own_router_from_the_base_init(tmp_path: Path) -> None:
    graph = _project(
        tmp_path,
        {
            "main.py": (
                "from fastapi import APIRouter, FastAPI\n"
                "class Base:\n"
                "    def __init__(self):\n"
                "        self.router = APIRouter()\n"
                "        self.setup()\n"
                "    def get_router(self):\n"
                "        return self.router\n"
                "class A(Base):\n"
                "    def setup(self):\n"
                "        @self.router.get('/a')\n"
                "        def a(): ...\n"
                "class B(Base):\n"
                "    def setup(self):\n"
                "        @self.router.get('/b')\n"
                "        def b(): ...\n"
                "app = FastAPI()\n"
                "app.include_router(A().get_router(), prefix='/x')\n"
                "app.include_router(B().router, prefix='/y')\n"
            ),
        },
    )
    routes = {(r.path, r.endpoint, r.router) for r in graph.routes() if r.app == "main.app"}
    assert routes == {
        ("/x/a", "main.A.setup.<locals>.a", "main.A.router"),
        ("/y/b", "main.B.setup.<locals>.b", "main.B.router"),
    }


def test_routers_passed_by_name_from_a_dict_literal(tmp_path: Path) -> None:
    graph = _project(
        tmp_path,
        {
            "main.py": (
                "from fastapi import APIRouter, FastAPI\n"
                "one = APIRouter()\n"
                "@one.get('/one')\n"
                "def first(): ...\n"
                "def serve(app, one_router=None):\n"
                "    app.include_router(one_router, prefix='/v1')\n"
                "app = FastAPI()\n"
                "ROUTERS = {'one_router': one}\n"
                "serve(app, **ROUTERS)\n"
            ),
        },
    )
    assert [(r.path, r.app) for r in graph.routes()] == [("/v1/one", "main.app")]


def test_routes_copied_in_a_lifespan_are_served_by_the_app_it_starts(tmp_path: Path) -> None:
    graph = _project(
        tmp_path,
        {
            "main.py": (
                "from fastapi import FastAPI\n"
                "inner = FastAPI()\n"
                "@inner.get('/ping')\n"
                "def ping(): ...\n"
                "async def lifespan(app):\n"
                "    app.router.routes = inner.routes\n"
                "    app.routes.extend(helpers())\n"
                "    yield\n"
                "app = FastAPI(lifespan=lifespan)\n"
                "def helpers():\n"
                "    return []\n"
            ),
        },
    )
    assert sorted((r.path, r.app) for r in graph.routes()) == [
        ("/ping", "main.app"),
        ("/ping", "main.inner"),
    ]
    messages = [(d.code, d.line, d.message) for d in graph.diagnostics]
    assert messages == [("CI202", 7, "cannot tell whose routes helpers() are")]


def test_a_decorated_def_in_a_loop_declares_a_route_per_item(tmp_path: Path) -> None:
    graph = _project(
        tmp_path,
        {
            "main.py": (
                "from fastapi import APIRouter, FastAPI\n"
                "from plugins import load\n"
                "app = FastAPI()\n"
                "for name in ('a', 'b'):\n"
                "    @app.get(f'/{name}')\n"
                "    def show(): ...\n"
                "for router in load():\n"
                "    @router.get('/x')\n"
                "    def x(): ...\n"
            ),
            "plugins.py": (
                "import importlib\n\n\ndef load():\n"
                "    return importlib.import_module('extensions').ROUTERS\n"
            ),
        },
    )
    assert sorted(r.path for r in graph.routes()) == ["/a", "/b"]
    messages = [(d.code, d.line, d.message) for d in graph.diagnostics]
    assert messages == [("CI202", 8, "cannot tell what `for router in load()` runs over")]


def test_class_based_view_methods_on_an_inferring_router_are_routes(tmp_path: Path) -> None:
    graph = _project(
        tmp_path,
        {
            "main.py": (
                "from fastapi import FastAPI\n"
                "from fastapi_utils.cbv import cbv\n"
                "from fastapi_utils.inferring_router import InferringRouter\n"
                "router = InferringRouter()\n"
                "@cbv(router)\n"
                "class Views:\n"
                "    @router.get('/v')\n"
                "    def show(self): ...\n"
                "app = FastAPI()\n"
                "app.include_router(router, prefix='/api')\n"
            ),
        },
    )
    assert [(r.path, r.endpoint, r.app) for r in graph.routes()] == [
        ("/api/v", "main.Views.show", "main.app")
    ]


def test_a_subclass_router_has_the_routes_of_the_base_methods_it_does_not_override(
    tmp_path: Path,
) -> None:
    graph = _project(
        tmp_path,
        {
            "main.py": (
                "from fastapi import APIRouter, FastAPI\n"
                "class Base:\n"
                "    def __init__(self):\n"
                "        self.router = APIRouter()\n"
                "        self.setup()\n"
                "        self.common()\n"
                "    def setup(self):\n"
                "        @self.router.get('/base')\n"
                "        def base(): ...\n"
                "    def common(self):\n"
                "        @self.router.get('/health')\n"
                "        def health(): ...\n"
                "class A(Base):\n"
                "    def setup(self):\n"
                "        @self.router.get('/a')\n"
                "        def a(): ...\n"
                "app = FastAPI()\n"
                "app.include_router(A().router, prefix='/x')\n"
            ),
        },
    )
    assert sorted(r.path for r in graph.routes() if r.app == "main.app") == ["/x/a", "/x/health"]


def test_a_mapping_spread_into_a_call_that_is_no_route_is_no_diagnostic(tmp_path: Path) -> None:
    """InvokeAI's ``logger.info(msg, **kwargs)``: only a route's or include's unreadable
    ``**mapping`` is reported."""
    graph = _project(
        tmp_path,
        {
            "main.py": (
                "import logging\nfrom fastapi import APIRouter, FastAPI\n"
                "app = FastAPI()\nrouter = APIRouter()\n"
                "def info(msg, **kwargs):\n    logging.getLogger('x').info(msg, **kwargs)\n"
                "def include(options):\n    app.include_router(router, **options)\n"
            ),
        },
    )
    assert [(d.code, d.line, d.message) for d in graph.diagnostics] == [
        ("CI202", 8, "cannot tell what **options passes")
    ]


def test_routers_that_include_each_other_are_walked_once_per_cycle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """OpenBB's ``Router`` wrappers all stand for one ``self._api_router`` here, so their
    includes of one another became one object including itself many times: walked once per
    path, 32 levels deep, the analysis ran out of memory."""
    includes = "".join(
        f"parent.include_router(child, prefix='/c{n}')\n"
        f"child.include_router(parent, prefix='/p{n}')\n"
        for n in range(4)
    )
    source = (
        "from fastapi import APIRouter, FastAPI\n\n"
        "parent = APIRouter()\nchild = APIRouter()\n\n\n"
        "@child.get('/leaf')\ndef leaf() -> None:\n    pass\n\n\n"
        f"{includes}app = FastAPI()\napp.include_router(parent)\n"
    )
    _budget(monkeypatch, "_walk", 10_000)
    graph = _project(tmp_path, {"main.py": source})
    assert not [d for d in graph.diagnostics if d.code == "CI900"]
    assert {r.path for r in graph.routes() if r.app == "main.app"} >= {"/c0/leaf", "/c3/leaf"}


def test_a_name_passed_back_to_its_own_constructor_is_followed_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """tracecat's services pass ``self.session`` to each other's constructors, whose
    ``__init__`` binds it to ``self.session`` again: each call of ``self.session.delete``
    followed that cycle three ways per level, 32 levels deep."""
    _budget(monkeypatch, "_objects", 20_000)
    graph = _project(
        tmp_path,
        {
            "main.py": (
                "from fastapi import FastAPI\napp = FastAPI()\n"
                "@app.get('/health')\ndef health() -> None:\n    pass\n"
            ),
            "service.py": (
                "class BaseService:\n"
                "    def __init__(self, session):\n        self.session = session\n"
                "class S(BaseService):\n"
                "    async def run(self, obj):\n"
                + "        S(self.session)\n" * 3
                + "        await self.session.delete(obj)\n"
            ),
        },
    )
    assert [(r.path, r.app) for r in graph.routes()] == [("/health", "main.app")]
    assert not [d for d in graph.diagnostics if d.code == "CI900"]


def _budget(monkeypatch: pytest.MonkeyPatch, method: str, steps: int) -> None:
    """Make the route builder's ``method`` fail after ``steps`` calls: the analysis then
    reports a CI900, which the tests above look for (work counted, never timed)."""
    original = getattr(routes_module._Builder, method)
    calls = 0

    def counted(self: object, *args: object) -> object:
        nonlocal calls
        calls += 1
        if calls > steps:
            raise AssertionError(f"{method} called more than {steps} times")
        return original(self, *args)

    monkeypatch.setattr(routes_module._Builder, method, counted)


def test_a_fallback_field_handed_to_the_function_itself_ends(tmp_path: Path) -> None:
    """``resolved = settings or Settings()`` then ``register(app, resolved.child)`` in
    ``register`` itself: reading the argument through the callers' calls met the same
    caller again without end (a RecursionError ended the routes family, CI900)."""
    graph = _main(
        tmp_path,
        (
            "from fastapi import APIRouter, FastAPI\n"
            "class Settings:\n    PREFIX = '/api'\n    child = None\n"
            "router = APIRouter()\n"
            "@router.get('/x')\ndef x(): ...\n"
            "def register(app, settings=None, depth=0):\n"
            "    resolved = settings or Settings()\n"
            "    if depth < 2:\n        register(app, resolved.child, depth + 1)\n"
            "    app.include_router(router, prefix=resolved.PREFIX)\n"
            "app = FastAPI()\nregister(app)\n"
        ),
    )
    assert not [d for d in graph.diagnostics if d.code == "CI900"]
    assert {r.path for r in graph.routes()} >= {"/api/x"}


def test_a_glob_given_its_pattern_by_keyword_is_read(tmp_path: Path) -> None:
    """``Path(...).glob(pattern="*.py")`` once ended the routes family with an IndexError."""
    graph = _project(
        tmp_path,
        {
            "main.py": "from fastapi import FastAPI\nfrom pkg import router\n"
            "app = FastAPI()\napp.include_router(router)\n",
            "pkg/__init__.py": (
                "from importlib import import_module\nfrom pathlib import Path\n"
                "from fastapi import APIRouter\nrouter = APIRouter()\n"
                "for p in Path(__file__).parent.glob(pattern='*_api.py'):\n"
                "    router.include_router(import_module(f'pkg.{p.stem}').router)\n"
            ),
            "pkg/items_api.py": (
                "from fastapi import APIRouter\nrouter = APIRouter()\n\n\n"
                "@router.get('/items')\ndef items() -> list[int]:\n    return []\n"
            ),
        },
    )
    assert [(r.path, r.endpoint) for r in graph.routes()] == [("/items", "pkg.items_api.items")]
    assert graph.diagnostics == ()


def test_a_glob_reaching_into_folders_lists_their_files(tmp_path: Path) -> None:
    """``Path(__file__).parent.glob("routers/[!_]*.py")`` beside ``main.py`` and
    ``glob("*/endpoints.py")`` in a package, told apart by ``p.parent.name``: the files of
    the folders the pattern names or matches (no route reached the app); a folder with no
    ``__init__`` stays unknown."""
    router = (
        "from fastapi import APIRouter\nrouter = APIRouter()\n@router.get('/{}')\ndef {}(): ...\n"
    )
    graph = _project(
        tmp_path,
        {
            "main.py": (
                "from importlib import import_module\nfrom pathlib import Path\n"
                "from fastapi import FastAPI\nimport mods\n"
                "app = FastAPI()\n"
                "for p in Path(__file__).parent.glob('routers/[!_]*.py'):\n"
                "    app.include_router(import_module(f'routers.{p.stem}').router)\n"
                "app.include_router(mods.router, prefix='/mods')\n"
                "for p in Path(__file__).parent.glob('loose/*.py'):\n"
                "    app.include_router(import_module(f'loose.{p.stem}').router)\n"
            ),
            "routers/__init__.py": "",
            "routers/a.py": router.format("a", "a"),
            "routers/b.py": router.format("b", "b"),
            "loose/c.py": router.format("c", "c"),
            "mods/__init__.py": (
                "from importlib import import_module\nfrom pathlib import Path\n"
                "from fastapi import APIRouter\nrouter = APIRouter()\n"
                "for p in Path(__file__).parent.glob('*/endpoints.py'):\n"
                "    module = import_module(f'mods.{p.parent.name}.endpoints')\n"
                "    router.include_router(module.router)\n"
            ),
            "mods/x/__init__.py": "",
            "mods/x/endpoints.py": router.format("x", "x"),
        },
    )
    assert {(r.path, r.app) for r in graph.routes()} == {
        ("/a", "main.app"),
        ("/b", "main.app"),
        ("/c", None),
        ("/mods/x", "main.app"),
    }
    assert {(d.code, d.file, d.line) for d in graph.diagnostics} == {("CI202", "main.py", 10)}


def test_a_modules_package_names_the_modules_a_loop_imports(tmp_path: Path) -> None:
    """``import_module(f"{routers.__package__}.{name}")`` over ``pkgutil.iter_modules(
    routers.__path__)``: a package's ``__package__`` is its own name, a plain module's its
    package's (no route reached the app)."""
    router = (
        "from fastapi import APIRouter\nrouter = APIRouter()\n@router.get('/{}')\ndef {}(): ...\n"
    )
    graph = _project(
        tmp_path,
        {
            "main.py": (
                "import importlib, pkgutil\nfrom fastapi import FastAPI\n"
                "import routers\nfrom routers import a\n"
                "app = FastAPI()\n"
                "for _, name, _ in pkgutil.iter_modules(routers.__path__):\n"
                "    module = importlib.import_module(f'{routers.__package__}.{name}')\n"
                "    app.include_router(module.router)\n"
                "sibling = importlib.import_module(f'{a.__package__}.b')\n"
                "app.include_router(sibling.router, prefix='/again')\n"
            ),
            "routers/__init__.py": "",
            "routers/a.py": router.format("a", "a"),
            "routers/b.py": router.format("b", "b"),
        },
    )
    assert {(r.path, r.app) for r in graph.routes()} == {
        ("/a", "main.app"),
        ("/b", "main.app"),
        ("/again/b", "main.app"),
    }
    assert not graph.diagnostics


def test_a_prefix_a_discovered_module_may_hold_is_read_per_module(tmp_path: Path) -> None:
    """``prefix=module.prefix if hasattr(module, "prefix") else ""`` in a loop over the
    modules of a package: each module's own (a placeholder for both)."""
    graph = _project(
        tmp_path,
        {
            "main.py": (
                "import importlib, pkgutil\nfrom fastapi import FastAPI\nimport routers\n"
                "app = FastAPI()\n"
                "for _, name, _ in pkgutil.iter_modules(routers.__path__):\n"
                "    module = importlib.import_module(f'{routers.__name__}.{name}')\n"
                "    app.include_router(\n        module.router,\n"
                "        prefix=module.prefix if hasattr(module, 'prefix') else '',\n    )\n"
            ),
            "routers/__init__.py": "",
            "routers/items.py": (
                "from fastapi import APIRouter\nrouter = APIRouter()\n"
                "@router.get('/items')\ndef items(): ...\n"
            ),
            "routers/users.py": (
                "from fastapi import APIRouter\nprefix = '/v9'\nrouter = APIRouter()\n"
                "@router.get('/users')\ndef users(): ...\n"
            ),
        },
    )
    assert {(r.path, r.app) for r in graph.routes()} == {
        ("/items", "main.app"),
        ("/v9/users", "main.app"),
    }
    assert not graph.diagnostics


def test_a_path_a_project_function_builds_is_its_return_for_the_arguments(
    tmp_path: Path,
) -> None:
    graph = _main(
        tmp_path,
        (
            "import os, random\n"
            "from fastapi import FastAPI\n"
            "app = FastAPI()\n"
            "VERSIONED = True\n"
            "def api(path, version=1):\n"
            "    if VERSIONED:\n        return f'/v{version}' + path\n"
            "    return path\n"
            "def prefixed(path):\n"
            "    if prefix := os.getenv('PREFIX'):\n        return prefix + path\n"
            "    return path\n"
            "def sometimes(path):\n"
            "    if random.random() > 0.5:\n        return '/a' + path\n"
            "    return path\n"
            "@app.get(api('/users', version=2))\ndef users(): ...\n"
            "@app.get(prefixed('/health'))\ndef health(): ...\n"
            "@app.get(sometimes('/maybe'))\ndef maybe(): ...\n"
            "def trim(url):\n    return url[:-1] if url.endswith('/') else url\n"
            "@app.get(trim('/trimmed/'))\ndef trimmed(): ...\n"
        ),
    )
    assert sorted((r.path, r.endpoint) for r in graph.routes()) == [
        ("/health", "main.health"),
        ("/trimmed", "main.trimmed"),
        ("/v2/users", "main.users"),
        ("<?sometimes('/maybe')>", "main.maybe"),
    ]
    assert [(d.code, d.line) for d in graph.diagnostics] == [("CI201", 21)]


def test_a_prefix_from_a_traitlets_default(tmp_path: Path) -> None:
    """conda-store's ``url_prefix = Unicode("/", config=True)`` on a traitlets Application:
    unconfigured, the trait holds its default (checked against FastAPI with traitlets 5)."""
    graph = _project(
        tmp_path,
        {
            "server.py": (
                "from fastapi import APIRouter, FastAPI\n"
                "from traitlets import Unicode\n"
                "from traitlets.config import Application\n"
                "api = APIRouter(prefix='/api/v1')\n"
                "@api.get('/status/')\ndef status(): ...\n"
                "class Server(Application):\n"
                "    url_prefix = Unicode('/conda/', config=True)\n"
                "    root = Unicode(default_value='/home', config=True)\n"
                "    def make(self):\n"
                "        def trim_slash(url):\n"
                "            return url[:-1] if url.endswith('/') else url\n"
                "        app = FastAPI()\n"
                "        app.include_router(api, prefix=trim_slash(self.url_prefix))\n"
                "        @app.get(self.root)\n        def home(): ...\n"
                "        return app\n"
            )
        },
    )
    assert sorted(r.path for r in graph.routes()) == ["/conda/api/v1/status/", "/home"]
    assert graph.diagnostics == ()


def test_a_factory_flag_picks_its_routers_dependencies_local_or_inline(tmp_path: Path) -> None:
    """langflow's ``dependencies = [Depends(check)] if guard else []`` in a router factory
    called with ``guard=False``: the router has none (a local first, or written in place)."""
    graph = _main(
        tmp_path,
        (
            "from fastapi import APIRouter, Depends, FastAPI\n"
            "def check(): ...\n"
            "def local(prefix, guard=True):\n"
            "    dependencies = [Depends(check)] if guard else []\n"
            "    router = APIRouter(prefix=prefix, dependencies=dependencies)\n"
            "    @router.get('')\n    def run(): ...\n"
            "    return router\n"
            "def inline(prefix, guard=True):\n"
            "    router = APIRouter(\n"
            "        prefix=prefix, dependencies=[Depends(check)] if guard else []\n"
            "    )\n"
            "    @router.get('')\n    def run(): ...\n"
            "    return router\n"
            "app = FastAPI()\n"
            "app.include_router(local('/a', guard=False))\n"
            "app.include_router(local('/b'))\n"
            "app.include_router(inline('/c', guard=False))\n"
            "app.include_router(inline('/d', guard=True))\n"
            "def negated(prefix, public):\n"
            "    dependencies = [Depends(check)] if not public else []\n"
            "    router = APIRouter(prefix=prefix, dependencies=dependencies)\n"
            "    @router.get('')\n    def run(): ...\n"
            "    return router\n"
            "PUBLIC = True\n"
            "app.include_router(negated('/e', public=PUBLIC))\n"
        ),
    )
    assert sorted((r.path, r.dependencies) for r in graph.routes()) == [
        ("/a", ()),
        ("/b", ("main.check",)),
        ("/c", ()),
        ("/d", ("main.check",)),
        ("/e", ()),
    ]
    assert graph.diagnostics == ()


def test_a_path_an_init_parameter_gives_is_its_one_constructions(tmp_path: Path) -> None:
    """vocode's ``self.router.websocket(conversation_endpoint)`` in ``__init__``: the
    parameter as the class's one construction passes it, else its default."""
    graph = _main(
        tmp_path,
        (
            "from fastapi import APIRouter, FastAPI, WebSocket\n"
            "BASE = '/conversation'\n"
            "class Conversation:\n"
            "    def __init__(self, endpoint: str = BASE):\n"
            "        self.router = APIRouter()\n"
            "        self.router.websocket(endpoint)(self.talk)\n"
            "    async def talk(self, websocket: WebSocket): ...\n"
            "class Events:\n"
            "    def __init__(self, path):\n"
            "        self.router = APIRouter()\n"
            "        self.router.add_api_route(path, self.events)\n"
            "    def events(self): ...\n"
            "app = FastAPI()\n"
            "app.include_router(Conversation().router)\n"
            "app.include_router(Events('/events').router)\n"
        ),
    )
    assert sorted((r.method, r.path) for r in graph.routes()) == [
        ("GET", "/events"),
        ("WEBSOCKET", "/conversation"),
    ]


def test_self_in_a_function_nested_in_a_method_is_the_instance(tmp_path: Path) -> None:
    graph = _main(
        tmp_path,
        (
            "from fastapi import FastAPI\n"
            "class Server:\n"
            "    def build(self):\n"
            "        app = FastAPI()\n"
            "        def setup(target):\n"
            "            self.register(target)\n"
            "        setup(app)\n"
            "        return app\n"
            "    def register(self, app):\n"
            "        @app.get('/ping')\n"
            "        def ping(): ...\n"
            "app = Server().build()\n"
        ),
    )
    assert [(r.path, r.app) for r in graph.routes()] == [
        ("/ping", "main.Server.build.<locals>.app")
    ]


def test_a_handler_local_bound_again_is_the_binding_that_reaches_each_route(
    tmp_path: Path,
) -> None:
    """NAT's ``route_handler`` bound again before each ``add_api_route``, per branch that
    the call's arguments decide, and a local naming a plain function (checked against
    FastAPI)."""
    graph = _main(
        tmp_path,
        (
            "from fastapi import FastAPI\n"
            "def a(): ...\n"
            "def b(): ...\n"
            "def single():\n    def run(): ...\n    return run\n"
            "def stream():\n    def run(): ...\n    return run\n"
            "def add(app, path, method):\n"
            "    handler = a\n"
            "    app.add_api_route(path + '/a', endpoint=handler)\n"
            "    handler = b\n"
            "    app.add_api_route(path + '/b', endpoint=handler)\n"
            "    if method == 'GET':\n        handler = single()\n"
            "    else:\n        handler = stream()\n"
            "    app.add_api_route(path, endpoint=handler, methods=[method])\n"
            "app = FastAPI()\n"
            "add(app, '/x', 'POST')\n"
        ),
    )
    assert sorted((r.method, r.path, r.endpoint) for r in graph.routes()) == [
        ("GET", "/x/a", "main.a"),
        ("GET", "/x/b", "main.b"),
        ("POST", "/x", "main.stream.<locals>.run"),
    ]


def test_a_handler_a_factory_makes_in_place_from_a_flag_is_read_per_call(tmp_path: Path) -> None:
    """NAT's ``endpoint=post_endpoint(enable_interactive=enable_interactive)`` in a helper:
    the handler each call's flag picks (checked against FastAPI)."""
    graph = _main(
        tmp_path,
        (
            "from fastapi import FastAPI\n"
            "def post_endpoint(*, interactive):\n"
            "    def chat(): ...\n"
            "    def plain(): ...\n"
            "    return chat if interactive else plain\n"
            "def add(app, path, interactive):\n"
            "    app.add_api_route(path, post_endpoint(interactive=interactive))\n"
            "app = FastAPI()\n"
            "add(app, '/plain', False)\n"
            "add(app, '/chat', True)\n"
        ),
    )
    assert sorted((r.path, r.endpoint) for r in graph.routes()) == [
        ("/chat", "main.post_endpoint.<locals>.chat"),
        ("/plain", "main.post_endpoint.<locals>.plain"),
    ]


def test_a_helper_whose_return_cannot_be_read_for_the_call_stays_a_placeholder(
    tmp_path: Path,
) -> None:
    """What the review found: a parameter bound again in the helper, a ``return`` whose
    ``try`` may raise, a global a function sets again, a router prefix set after it is
    built or by a subclass, a trait default an ``@default`` method computes."""
    graph = _main(
        tmp_path,
        (
            "from fastapi import APIRouter, FastAPI\n"
            "from traitlets import Unicode, default\n"
            "from traitlets.config import Configurable\n"
            "app = FastAPI()\n"
            "PREFIX = ''\n"
            "def configure():\n    global PREFIX\n    PREFIX = '/cfg'\n"
            "configure()\n"
            "def rebound(path):\n    path = '/v2' + path\n    return path\n"
            "def tried(path):\n"
            "    try:\n        import missing\n        return '/with' + path\n"
            "    except ImportError:\n        return '/without' + path\n"
            "def configured(path):\n"
            "    if PREFIX:\n        return PREFIX + path\n"
            "    return path\n"
            "class Mine(APIRouter):\n"
            "    def __init__(self):\n        super().__init__(prefix='/mine')\n"
            "mine = Mine()\n"
            "later = APIRouter()\n"
            "later.prefix = '/later'\n"
            "class Conf(Configurable):\n"
            "    url_prefix = Unicode('/base', config=True)\n"
            "    @default('url_prefix')\n"
            "    def _prefix(self):\n        return '/computed'\n"
            "conf = Conf()\n"
            "@app.get(rebound('/a'))\ndef a(): ...\n"
            "@app.get(tried('/b'))\ndef b(): ...\n"
            "@app.get(configured('/c'))\ndef c(): ...\n"
            "@app.get(f'{mine.prefix}/d')\ndef d(): ...\n"
            "@app.get(f'{later.prefix}/e')\ndef e(): ...\n"
            "@app.get(conf.url_prefix + '/f')\ndef f(): ...\n"
        ),
    )
    paths = sorted(r.path for r in graph.routes())
    assert paths == [
        "<?conf.url_prefix>/f",
        "<?configured('/c')>",
        "<?later.prefix>/e",
        "<?mine.prefix>/d",
        "<?rebound('/a')>",
        "<?tried('/b')>",
    ]
    assert {d.code for d in graph.diagnostics} == {"CI201"}


def test_dependencies_appended_to_a_router_are_its_own(tmp_path: Path) -> None:
    """graphrag-accelerator's ``router.dependencies.append(Depends(check))`` after building
    the router: FastAPI gives it to each route declared later (checked against FastAPI);
    under an ``if`` it is the run's, a placeholder."""
    graph = _main(
        tmp_path,
        (
            "import os\n"
            "from fastapi import APIRouter, Depends, FastAPI\n"
            "def check(): ...\n"
            "def other(): ...\n"
            "plain = APIRouter(prefix='/plain')\n"
            "plain.dependencies.append(Depends(check))\n"
            "cond = APIRouter(prefix='/cond')\n"
            "if os.getenv('K8S'):\n"
            "    cond.dependencies.append(Depends(check))\n"
            "@plain.get('')\ndef p(x=Depends(other)): ...\n"
            "@cond.get('')\ndef c(x=Depends(other)): ...\n"
            "app = FastAPI()\n"
            "app.include_router(plain)\n"
            "app.include_router(cond)\n"
        ),
    )
    assert sorted((r.path, r.all_dependencies) for r in graph.routes()) == [
        ("/cond", ("<?cond.dependencies>", "main.other")),
        ("/plain", ("main.check", "main.other")),
    ]
    assert [(d.code, d.line) for d in graph.diagnostics] == [("CI204", 12)]


def test_a_match_case_is_a_test_and_an_append_after_a_route_is_not_its(tmp_path: Path) -> None:
    """From the second review: a handler bound per ``case`` of a ``match`` on the call's
    argument, and ``router.dependencies.append(...)`` after a helper already registered a
    route on the router (FastAPI copies a router's dependencies when a route is declared)."""
    graph = _main(
        tmp_path,
        (
            "from fastapi import APIRouter, Depends, FastAPI\n"
            "def get_a(): ...\n"
            "def post_b(): ...\n"
            "def key(): ...\n"
            "def reg(app, path, method):\n"
            "    match method:\n"
            "        case 'GET':\n            handler = get_a\n"
            "        case _:\n            handler = post_b\n"
            "    app.add_api_route(path, handler, methods=[method])\n"
            "app = FastAPI()\n"
            "reg(app, '/g', 'GET')\n"
            "reg(app, '/p', 'POST')\n"
            "r = APIRouter(prefix='/r')\n"
            "def add(router):\n    router.add_api_route('/x', get_a)\n"
            "add(r)\n"
            "r.dependencies.append(Depends(key))\n"
            "app.include_router(r)\n"
        ),
    )
    assert sorted((r.path, r.endpoint, r.dependencies) for r in graph.routes()) == [
        ("/g", "main.get_a", ()),
        ("/p", "main.post_b", ()),
        ("/r/x", "main.get_a", ()),
    ]


def test_a_path_parameter_read_before_the_body_binds_it_again_is_unknown(tmp_path: Path) -> None:
    """Each declaration reads the parameter as it is then: with no order of statements in a
    call's bindings, neither the argument nor its later value is claimed for both."""
    graph = _main(
        tmp_path,
        (
            "from fastapi import FastAPI\napp = FastAPI()\ndef h(): ...\n"
            "def add(router, path):\n    router.add_api_route(path, h)\n"
            "    path = path + '/'\n    router.add_api_route(path, h)\n"
            "add(app, '/x')\n"
        ),
    )
    assert [(r.path, r.resolved) for r in graph.routes()] == [("<?path>", False)] * 2


def test_a_router_subclass_handing_on_routes_none_reports_nothing(tmp_path: Path) -> None:
    """RuoYi's ``APIRouterPro`` restates ``routes: list | None = None`` and passes it on."""
    graph = _main(
        tmp_path,
        (
            "from fastapi import APIRouter, FastAPI\n"
            "class Pro(APIRouter):\n"
            "    def __init__(self, *, prefix: str = '', routes: list | None = None):\n"
            "        super().__init__(prefix=prefix, routes=routes)\n"
            "users = Pro(prefix='/users')\n"
            "@users.get('')\ndef list_users(): ...\n"
            "app = FastAPI()\napp.include_router(users)\n"
        ),
    )
    assert [(r.path, r.app) for r in graph.routes()] == [("/users", "main.app")]
    assert graph.diagnostics == ()


def test_an_include_prefix_normalised_in_a_helper_is_normalised_once(tmp_path: Path) -> None:
    graph = _main(
        tmp_path,
        (
            "from fastapi import APIRouter, FastAPI\napp = FastAPI()\ndef h(): ...\n"
            "r = APIRouter()\nr.add_api_route('/x', h)\n"
            "def mount(app, p):\n    if not p.startswith('/'):\n        p = '/' + p\n"
            "    app.include_router(r, prefix=p)\n"
            "mount(app, 'inc')\nmount(app, '/pre')\n"
        ),
    )
    assert sorted(r.path for r in graph.routes() if r.app) == ["/inc/x", "/pre/x"]


def test_a_parameter_bound_again_in_a_while_loop_is_unknown(tmp_path: Path) -> None:
    graph = _main(
        tmp_path,
        (
            "from fastapi import FastAPI\napp = FastAPI()\ndef h(): ...\n"
            "def mount(app, p):\n    while p.endswith('/'):\n        p = p[:-1]\n"
            "    app.add_api_route('/' + p, h)\n"
            "mount(app, 'tools//')\n"
        ),
    )
    assert [(r.path, r.resolved) for r in graph.routes()] == [("/<?p>", False)]


def test_shapes_that_only_look_like_the_read_ones_are_not_claimed(tmp_path: Path) -> None:
    """Review cases: a lambda bound and bound again, a mapping the helper changes, a function
    named like a middleware: FastAPI serves what these say, not what their look-alikes do."""
    graph = _main(
        tmp_path,
        (
            "from fastapi import APIRouter, FastAPI\napp = FastAPI()\ndef real(): ...\n"
            "h = lambda: 1  # noqa: E731\nh = real\napp.add_api_route('/h', h)\n"
            "r = APIRouter()\n@r.get('/x')\ndef x(): ...\n"
            "def inc(app, router, **kwargs):\n    kwargs.setdefault('prefix', '/v1')\n"
            "    app.include_router(router, **kwargs)\n"
            "inc(app, r)\n"
            "sub = FastAPI()\n@sub.get('/s')\ndef s(): ...\n"
            "def WrapMiddleware(inner):\n    return FastAPI()\n"
            "app.mount('/w', WrapMiddleware(sub))\n"
        ),
    )
    served = {(r.path, r.endpoint) for r in graph.routes() if r.app == "main.app"}
    assert ("/h", "main.<lambda>") not in served  # bound again: not the lambda
    assert ("/x", "main.x") in served  # the prefix the helper may set is not known: a CI202
    assert not any(path.startswith("/w") for path, _ in served)
    assert "cannot tell what **kwargs passes" in {d.message for d in graph.diagnostics}


def test_a_number_parameter_bound_again_in_the_body_is_unknown(tmp_path: Path) -> None:
    """``add(app, 3)`` with ``if version > 1: version = int("2")``: FastAPI serves /v2; the
    argument as given would claim /v3."""
    graph = _main(
        tmp_path,
        (
            "from fastapi import FastAPI\napp = FastAPI()\ndef h(): ...\n"
            "def add(app, version=1):\n    if version > 1:\n        version = int('2')\n"
            "    app.add_api_route(f'/v{version}', h)\n"
            "add(app, 3)\n"
        ),
    )
    assert [(r.path, r.resolved) for r in graph.routes()] == [("/v<?version>", False)]


def test_a_subscript_of_a_dict_with_an_fstring_key_is_not_guessed(tmp_path: Path) -> None:
    """``{"/a/x": "/one", f"{BASE}/x": "/two"}["/a/x"]`` is "/two" at run time: the computed
    key is the same, and the later one wins. A lookup passing it would read "/one"."""
    graph = _main(
        tmp_path,
        (
            "from fastapi import FastAPI\n\n"
            'BASE = "/a"\n'
            'PATHS = {"/a/x": "/one", f"{BASE}/x": "/two"}\n'
            "app = FastAPI()\n\n\n"
            '@app.get(PATHS["/a/x"])\n'
            "def x() -> None:\n    pass\n"
        ),
    )
    assert [(r.path, r.resolved) for r in graph.routes()] == [('<?PATHS["/a/x"]>', False)]


def test_a_loop_over_a_dict_whose_keys_collide_is_not_guessed(tmp_path: Path) -> None:
    """``{f"{BASE}/x": a, "/api/x": b}`` holds one key, bound to ``b``: reading its pairs as
    written would serve ``/api/x`` twice, once with ``a``."""
    graph = _main(
        tmp_path,
        (
            "from fastapi import FastAPI\n\n"
            "def a() -> None: ...\n"
            "def b() -> None: ...\n\n"
            'BASE = "/api"\n'
            'TABLE = {f"{BASE}/x": a, "/api/x": b}\n'
            "app = FastAPI()\n"
            "for path, endpoint in TABLE.items():\n"
            "    app.add_api_route(path, endpoint)\n"
        ),
    )
    assert "main.a" not in {r.endpoint for r in graph.routes()}


@pytest.mark.parametrize(
    "change", ['TABLE.pop("/api/b")', 'del TABLE["/api/b"]', "TABLE.clear()", "TABLE[PATH] = a"]
)
def test_a_loop_over_a_dict_changed_after_it_is_built_is_not_read_as_built(
    tmp_path: Path, change: str
) -> None:
    """A route table the module changes before looping over it, but for string keys set at
    module level: the loop's items are the run's (a CI202), never the pairs as written."""
    graph = _main(
        tmp_path,
        (
            "from fastapi import FastAPI\n\n"
            "def a() -> None: ...\n"
            "def b() -> None: ...\n\n"
            'TABLE = {"/api/a": a, "/api/b": b}\n'
            'PATH = "/api/b"\n'
            f"{change}\n"
            "app = FastAPI()\n"
            "for path, endpoint in TABLE.items():\n"
            "    app.add_api_route(path, endpoint)\n"
        ),
    )
    assert ("/api/b", "main.b") not in {(r.path, r.endpoint) for r in graph.routes()}
    assert "CI202" in {d.code for d in graph.diagnostics}


_VIEWS = """import inspect
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI

{classes}


@dataclass
class RouteConfig:
    path: str
    endpoint: Any

    def _wrap(self, view_class: Any) -> Any:
        async def wrapper(item_id: int) -> int:
            return 1

        return wrapper

    def as_view(self) -> Any:
        if issubclass(self.endpoint, BaseView):
            return self._wrap(self.endpoint)
        return plain


async def plain() -> None: ...


app = FastAPI()
for config in [RouteConfig("/items/{{item_id}}", View)]:
    app.add_api_route(config.path, config.as_view())
"""


@pytest.mark.parametrize(
    ("classes", "endpoint"),
    [
        (
            "class BaseView: ...\nclass View(BaseView): ...",
            "main.RouteConfig._wrap.<locals>.wrapper",
        ),
        ("class BaseView: ...\nclass View: ...", "main.plain"),
        ("class BaseView: ...\nclass View(BaseView): ...\nBaseView = int", ""),
        (
            "import os\nclass BaseView: ...\nif os.environ.get('A'):\n"
            "    class View(BaseView): ...\nelse:\n    class View: ...",
            "",
        ),
    ],
)
def test_an_issubclass_test_of_a_record_is_decided_by_classes_bound_once(
    tmp_path: Path, classes: str, endpoint: str
) -> None:
    """``issubclass(self.endpoint, BaseView)`` in a route table record's method: decided by
    the hierarchy of classes each defined once, unconditionally; else not known (CI202)."""
    graph = _project(tmp_path, {"main.py": _VIEWS.format(classes=classes)})
    assert [r.endpoint for r in graph.routes()] == ([endpoint] if endpoint else [])


def test_a_router_a_factory_builds_per_branch_keeps_each_branchs_chain(tmp_path: Path) -> None:
    """glances: ``if self.args.password: router = APIRouter(dependencies=[Depends(auth)])``,
    else one without: the route is served either way, with the chain of the branch taken."""
    graph = _main(
        tmp_path,
        (
            "import os\n\n"
            "from fastapi import APIRouter, Depends, FastAPI\n\n"
            'PASSWORD = os.getenv("PASSWORD")\n\n\n'
            "def auth() -> None: ...\n\n\n"
            "def config() -> None: ...\n\n\n"
            "def make_router() -> APIRouter:\n"
            "    if PASSWORD:\n"
            "        router = APIRouter(dependencies=[Depends(auth)])\n"
            "    else:\n"
            "        router = APIRouter()\n"
            '    router.add_api_route("/config", config)\n'
            "    return router\n\n\n"
            "app = FastAPI()\n"
            "app.include_router(make_router())\n"
        ),
    )
    assert sorted((r.conditions, r.all_dependencies) for r in graph.routes()) == [
        (("PASSWORD",), ("main.auth",)),
        (("not (PASSWORD)",), ()),
    ]


def test_routes_declared_on_an_app_a_library_builds_are_reported(tmp_path: Path) -> None:
    """phdi's ``app = BaseService(...).start()`` from a package outside the project: its
    ``@app.get`` routes cannot be placed, and say so; a Flask app's ``@web.get`` is no
    FastAPI route and says nothing."""
    graph = _main(
        tmp_path,
        (
            "from baselib import BaseService\n"
            "from flask import Flask\n\n"
            'app = BaseService("svc").start()\n'
            "web = Flask(__name__)\n\n\n"
            '@app.get("/items")\n'
            "def items() -> None: ...\n\n\n"
            '@web.get("/page")\n'
            "def page() -> None: ...\n"
        ),
    )
    assert [(d.code, d.line) for d in graph.diagnostics] == [("CI202", 8)]


@pytest.mark.parametrize(
    "reader",
    [
        'from decouple import config\nPREFIX = config("PREFIX", default="/sub/").strip("/")\n',
        "from decouple import config\nPREFIX = config('PREFIX', 'sub')\n",
        "from starlette.config import Config\nconfig = Config('.env')\n"
        "PREFIX = config('PREFIX', cast=str, default='sub')\n",
        "from starlette.config import Config\nconfig = Config('.env')\n"
        "PREFIX = config('PREFIX', str, 'sub')\n",
    ],
)
def test_a_prefix_read_with_a_settings_reader_is_its_default(tmp_path: Path, reader: str) -> None:
    """Marzban's ``config("XRAY_SUBSCRIPTION_PATH", default="sub")`` (python-decouple),
    and starlette's ``Config``: where the variable is unset, the default."""
    graph = _project(
        tmp_path,
        {
            "settings.py": reader,
            "main.py": (
                "from fastapi import APIRouter, FastAPI\nfrom settings import PREFIX\n"
                "router = APIRouter(prefix=f'/{PREFIX}')\n"
                "@router.get('/{token}')\ndef sub(token: str) -> str: ...\n"
                "app = FastAPI()\napp.include_router(router)\n"
            ),
        },
    )
    assert [r.path for r in graph.routes()] == ["/sub/{token}"]


@pytest.mark.parametrize(
    ("made", "path"),
    [
        ('settings = Settings(prefix="/v2")\ndef get():\n    return settings\n', "/v2/x"),
        # which instance runs depends on the environment: not known
        (
            "import os\ndev = Settings()\nprod = Settings(prefix='/p')\n"
            "def get():\n    if os.getenv('ENV'):\n        return prod\n    return dev\n",
            "<?cfg.prefix>/x",
        ),
        # an attribute set after it is built is the run's
        (
            "def get():\n    s = Settings()\n    s.prefix = '/set'\n    return s\n",
            "<?cfg.prefix>/x",
        ),
    ],
)
def test_a_settings_getter_gives_what_the_instance_it_returns_holds(
    tmp_path: Path, made: str, path: str
) -> None:
    """Review of the getter reading: the constructor's argument wins over the default; a
    getter returning one of two instances, or one changed after it is built, is not read."""
    graph = _project(
        tmp_path,
        {
            "config.py": "from pydantic import BaseModel\n"
            "class Settings(BaseModel):\n    prefix: str = '/v1'\n" + made,
            "main.py": (
                "from fastapi import APIRouter, FastAPI\nfrom config import get\n"
                "cfg = get()\nrouter = APIRouter()\n@router.get('/x')\ndef x(): ...\n"
                "app = FastAPI()\napp.include_router(router, prefix=cfg.prefix)\n"
            ),
        },
    )
    assert [r.path for r in graph.routes()] == [path]


@pytest.mark.parametrize(
    ("construction", "served"),
    [
        ("Module(router=core)", "/core/c"),
        ("Module(router=None)", "/made/c"),
        ("Module(router=nothing)", "/made/c"),  # a variable bound to None
        ("Gated(router=core, enabled=False)", "/gated/c"),  # the body binds it again first
        # set by a method: its own parameter, not the constructor's
        ("Later(router=core)\nmodule.setup()", "/later/c"),
    ],
)
def test_an_instance_holds_the_router_given_or_its_fallback(
    tmp_path: Path, construction: str, served: str
) -> None:
    graph = _main(
        tmp_path,
        (
            "from fastapi import APIRouter, FastAPI\n\n"
            "class Module:\n"
            "    def __init__(self, router=None):\n"
            "        self.router = router or APIRouter(prefix='/made')\n\n"
            "class Gated:\n"
            "    def __init__(self, router=None, enabled=True):\n"
            "        if not enabled:\n            router = None\n"
            "        self.router = router or APIRouter(prefix='/gated')\n\n"
            "class Later:\n"
            "    def __init__(self, router=None):\n        self.given = router\n"
            "    def setup(self, router=None):\n"
            "        self.router = router or APIRouter(prefix='/later')\n\n"
            "core = APIRouter(prefix='/core')\nnothing = None\n"
            f"module = {construction}\n\n"
            "@module.router.get('/c')\ndef c(): ...\n\n"
            "app = FastAPI()\napp.include_router(module.router)\n"
        ),
    )
    assert [(r.path, r.app) for r in graph.routes()] == [(served, "main.app")]


def test_a_settings_reader_given_its_own_cast_or_values_is_not_read(tmp_path: Path) -> None:
    """A ``cast`` of the project's is applied to the default too; ``Config(environ=...)``
    holds the project's own values: both stay placeholders (CI201), never the default."""
    graph = _project(
        tmp_path,
        {
            "settings.py": (
                "from decouple import config\nfrom starlette.config import Config\n"
                "A = config('A', default='a', cast=lambda s: '/' + s)\n"
                "given = Config(environ={'B': '/given'})\nB = given('B', default='/b')\n"
            ),
            "main.py": (
                "from fastapi import APIRouter, FastAPI\nfrom settings import A, B\n"
                "router = APIRouter()\n@router.get('/x')\ndef x(): ...\n"
                "app = FastAPI()\napp.include_router(router, prefix=A)\n"
                "app.include_router(router, prefix=B)\n"
            ),
        },
    )
    assert sorted(r.resolved for r in graph.routes()) == [False, False]


@pytest.mark.parametrize(
    ("prefix", "served"),
    [
        ("os.getenv('PREFIX') or '/v1'", "/v1/x"),
        ("os.environ.get('PREFIX') or '/v1'", "/v1/x"),
        ("os.getenv('PREFIX', None) or '/v1'", "/v1/x"),
        ("os.getenv('PREFIX', default=None) or '/v1'", "/v1/x"),
        ("os.getenv('PREFIX', default='/v2')", "/v2/x"),
        ("os.getenv('PREFIX', '/v2') or '/v1'", "/v2/x"),
        ("os.getenv('PREFIX', '') or '/v1'", "/v1/x"),
    ],
)
def test_an_unset_environment_variable_gives_its_default(
    tmp_path: Path, prefix: str, served: str
) -> None:
    """Our runs read the environment unset: ``os.getenv(NAME)`` is None there, so ``or``
    gives its other operand, as in the field of a settings class read through a getter."""
    graph = _project(
        tmp_path,
        {
            "settings.py": (
                "import os\nfrom functools import lru_cache\n"
                "from pydantic_settings import BaseSettings\n\n"
                f"class Settings(BaseSettings):\n    prefix: str = {prefix}\n\n"
                "@lru_cache\ndef get_settings() -> Settings:\n    return Settings()\n"
            ),
            "main.py": (
                "from fastapi import APIRouter, FastAPI\nfrom settings import get_settings\n"
                "router = APIRouter()\n@router.get('/x')\ndef x(): ...\n"
                "app = FastAPI()\n"
                "app.include_router(router, prefix=get_settings().prefix)\n"
            ),
        },
    )
    assert [(r.path, r.resolved) for r in graph.routes()] == [(served, True)]


@pytest.mark.parametrize(
    ("getter", "served"),
    [
        ("return Settings()", ("/v1/x", True)),
        ("return Settings(prefix='/given')", ("/given/x", True)),
        # an ``__init__`` of the class's own may make anything of what it is passed
        ("return Custom(prefix='/given')", ("<?get_settings().prefix>/x", False)),
    ],
)
def test_an_attribute_of_what_a_call_builds(
    tmp_path: Path, getter: str, served: tuple[str, bool]
) -> None:
    graph = _main(
        tmp_path,
        (
            "from fastapi import APIRouter, FastAPI\n"
            "from pydantic_settings import BaseSettings\n\n"
            "class Settings(BaseSettings):\n    prefix: str = '/v1'\n\n"
            "class Custom(BaseSettings):\n    prefix: str = '/custom'\n"
            "    def __init__(self, prefix: str = '') -> None:\n"
            "        super().__init__(prefix=prefix + '/v2')\n\n"
            f"def get_settings():\n    {getter}\n\n"
            "router = APIRouter()\n@router.get('/x')\ndef x(): ...\n"
            "app = FastAPI()\napp.include_router(router, prefix=get_settings().prefix)\n"
        ),
    )
    assert [(r.path, r.resolved) for r in graph.routes()] == [served]


@pytest.mark.parametrize(
    ("imports", "declared"),
    [
        ("from dataclasses import dataclass as record, field", "field(default_factory=APIRouter)"),
        ("from attrs import define as record, field", "field(factory=APIRouter)"),
        ("import attr\nfrom attr import s as record", "attr.ib(default=attr.Factory(APIRouter))"),
    ],
)
def test_a_field_factory_gives_each_instance_its_own_router(
    tmp_path: Path, imports: str, declared: str
) -> None:
    """titiler's and tipg's factories: the router is a field each instance builds, and each
    subclass's routes are on its own instances' routers, not on every factory's."""
    graph = _main(
        tmp_path,
        (
            f"from fastapi import APIRouter, FastAPI\n{imports}\n\n"
            f"@record\nclass Factory:\n    router: APIRouter = {declared}\n\n"
            "@record\nclass Tiles(Factory):\n"
            "    def register(self):\n"
            "        @self.router.get('/tile')\n        def tile(): ...\n\n"
            "@record\nclass Maps(Factory):\n"
            "    def register(self):\n"
            "        @self.router.get('/map')\n        def map(): ...\n\n"
            "tiles = Tiles()\ntiles.register()\nmaps = Maps()\nmaps.register()\n"
            "app = FastAPI()\napp.include_router(tiles.router, prefix='/cog')\n"
            "app.include_router(maps.router, prefix='/wms')\n"
        ),
    )
    assert sorted((r.path, r.app) for r in graph.routes()) == [
        ("/cog/tile", "main.app"),
        ("/wms/map", "main.app"),
    ]


def test_a_loop_variable_bound_to_a_lookup_of_itself_ends(tmp_path: Path) -> None:
    """``code = r.get(code)`` in a loop of a called function read its own binding again
    and again: a RecursionError took every route of LearnHouse (a CI900)."""
    graph = _main(
        tmp_path,
        (
            "from fastapi import FastAPI\napp = FastAPI()\n\n"
            "def read_codes(r, keys):\n    out = []\n    for code in keys:\n"
            "        code = r.get(code)\n        out.append(code)\n    return out\n\n"
            "@app.get('/codes')\ndef codes():\n    return read_codes({}, ['a'])\n"
        ),
    )
    assert [r.path for r in graph.routes()] == ["/codes"]
    assert not [d for d in graph.diagnostics if d.code == "CI900"]


def test_a_fastapi_library_router_is_a_router(tmp_path: Path) -> None:
    """fastapi-error-map's ``ErrorAwareRouter`` (fastapi-clean-example: 11 of 14 routes), a
    subclass of it too; a ``Router`` of a package not named for FastAPI stays unknown."""
    graph = _main(
        tmp_path,
        (
            "from fastapi import FastAPI\nfrom fastapi_error_map import ErrorAwareRouter\n"
            "from ninja import Router\n\n"
            "class Mine(ErrorAwareRouter): ...\n\n"
            "users = ErrorAwareRouter(prefix='/users')\nmine = Mine(prefix='/mine')\n"
            "other = Router()\n\n"
            "@users.get('/')\nasync def list_users(): ...\n\n"
            "@mine.get('/')\nasync def list_mine(): ...\n\n"
            "@other.get('/other')\nasync def elsewhere(): ...\n\n"
            "app = FastAPI()\napp.include_router(users)\napp.include_router(mine)\n"
        ),
    )
    assert sorted((r.path, r.app) for r in graph.routes()) == [
        ("/mine/", "main.app"),
        ("/users/", "main.app"),
    ]


def test_each_wrapper_instance_holds_the_router_it_was_given(tmp_path: Path) -> None:
    """``self.router = router`` in ``__init__``: ``pub.router`` is what ``pub`` was built
    with, not every router any construction passes (an unconditional extra before)."""
    graph = _main(
        tmp_path,
        (
            "from fastapi import APIRouter, FastAPI\n\n"
            "class Endpoint:\n    def __init__(self, router):\n        self.router = router\n\n"
            "public = APIRouter()\nadmin = APIRouter()\n\n"
            "@public.get('/items')\ndef items(): ...\n\n"
            "@admin.get('/admin/users')\ndef users(): ...\n\n"
            "pub = Endpoint(public)\nadm = Endpoint(admin)\n"
            "app = FastAPI()\napp.include_router(pub.router)\n"
        ),
    )
    assert sorted((r.path, r.app) for r in graph.routes()) == [
        ("/admin/users", None),
        ("/items", "main.app"),
    ]


@pytest.mark.parametrize(
    ("kept", "copied"),
    [("isinstance(route, APIRoute)", True), ("route.path != '/node'", False)],
)
def test_routes_appended_in_a_loop_over_another_apps_routes_are_a_copy(
    tmp_path: Path, kept: str, copied: bool
) -> None:
    """kernelci's versioned app: each API route of ``app`` appended to a router served
    under two prefixes. A test that picks some routes is not read as a copy."""
    graph = _main(
        tmp_path,
        (
            "from fastapi import APIRouter, FastAPI\nfrom fastapi.routing import APIRoute\n"
            "app = FastAPI()\n\n@app.get('/nodes')\ndef nodes(): ...\n\n"
            "@app.post('/node')\ndef node(): ...\n\n"
            "api = APIRouter()\nfor route in app.routes:\n"
            f"    if {kept}:\n        api.routes.append(route)\n\n"
            "versioned = FastAPI()\nversioned.include_router(api, prefix='/v0')\n"
            "versioned.include_router(api, prefix='/latest')\n"
        ),
    )
    served = sorted(r.path for r in graph.routes() if r.app == "main.versioned")
    assert served == (["/latest/node", "/latest/nodes", "/v0/node", "/v0/nodes"] if copied else [])


@pytest.mark.parametrize("made", ["[]", "list()"])
def test_a_function_of_no_parameters_returning_an_appended_list(tmp_path: Path, made: str) -> None:
    """The tortoise template's ``get_routers()``: a list built by appends and returned,
    looped over in a helper, called there and nowhere else, with no arguments to read."""
    graph = _main(
        tmp_path,
        (
            "from fastapi import APIRouter, FastAPI\n"
            "a = APIRouter(prefix='/a')\nb = APIRouter(prefix='/b')\n\n"
            "@a.get('/x')\ndef ax(): ...\n\n@b.get('/y')\ndef by(): ...\n\n"
            f"def get_routers():\n    routers = {made}\n"
            "    routers.append(a)\n    routers.append(b)\n    return routers\n\n"
            "def init_routers(app):\n    for router in get_routers():\n"
            "        app.include_router(router)\n\n"
            "app = FastAPI()\ninit_routers(app)\n"
        ),
    )
    assert sorted((r.path, r.app) for r in graph.routes()) == [
        ("/a/x", "main.app"),
        ("/b/y", "main.app"),
    ]


def test_a_placeholder_none_gives_way_to_what_is_bound_after(tmp_path: Path) -> None:
    """An optional router, ``None`` in the ``except ImportError`` fallback of its import
    (the project has the module: the import runs); ``r = None`` then ``r = other``."""
    graph = _project(
        tmp_path,
        {
            "impl.py": (
                "from fastapi import APIRouter\n"
                "extra = APIRouter(prefix='/extra')\nplain = APIRouter(prefix='/plain')\n\n"
                "@extra.get('/ee')\ndef ee(): ...\n\n@plain.get('/p')\ndef p(): ...\n"
            ),
            "main.py": (
                "from fastapi import FastAPI\nimport impl\n\n"
                "try:\n    from impl import extra as ee_router\n"
                "except ImportError:\n    ee_router = None\n\n"
                "app = FastAPI()\nif ee_router:\n    app.include_router(ee_router)\n\n"
                "r = None\nr = impl.plain\napp.include_router(r)\n"
            ),
        },
    )
    assert sorted((r.path, r.app) for r in graph.routes()) == [
        ("/extra/ee", "main.app"),
        ("/plain/p", "main.app"),
    ]


def test_factories_of_factories_and_a_grandparents_router(tmp_path: Path) -> None:
    """titiler: the router is built by a grandparent's ``__init__`` and the parent's
    methods declare on it, for instances of a subclass too; tipg: a factory declares a
    nested factory ``field(init=False)``, sets it in a method and includes its router."""
    graph = _main(
        tmp_path,
        (
            "from dataclasses import dataclass, field\nfrom fastapi import APIRouter, FastAPI\n\n"
            "class BaseFactory:\n    def __init__(self):\n"
            "        self.router = APIRouter()\n        self.register_routes()\n\n"
            "class Tiler(BaseFactory):\n    def register_routes(self):\n"
            "        @self.router.get('/tile')\n        def tile(): ...\n\n"
            "class Multi(Tiler):\n    pass\n\n"
            "@dataclass\nclass Endpoints:\n    tiles: Tiler = field(init=False)\n\n"
            "    def __post_init__(self):\n        self.router = APIRouter()\n"
            "        self.tiles = Tiler()\n"
            "        self.router.include_router(self.tiles.router)\n\n"
            "app = FastAPI()\napp.include_router(Tiler().router, prefix='/cog')\n"
            "app.include_router(Multi().router, prefix='/stac')\n"
            "app.include_router(Endpoints().router, prefix='/ogc')\n"
        ),
    )
    assert sorted((r.path, r.app) for r in graph.routes()) == [
        ("/cog/tile", "main.app"),
        ("/ogc/tile", "main.app"),
        ("/stac/tile", "main.app"),
    ]


@pytest.mark.parametrize(
    ("source", "served"),
    [
        # the project's own ``len``, defined or imported: the test is not the builtin's
        ("def len(x):\n    return 0\n\nif len(NAME) > 0:\n", ("/a", ("len(NAME) > 0",))),
        ("from helpers import len\n\nif len(NAME) > 0:\n", ("/a", ("len(NAME) > 0",))),
        ("if len(NAME) > 0:\n", ("/a", ())),
    ],
)
def test_a_builtin_the_module_binds_itself_leaves_the_test_open(
    tmp_path: Path, source: str, served: tuple[str, tuple[str, ...]]
) -> None:
    graph = _project(
        tmp_path,
        {
            "helpers.py": "def len(x):\n    return 0\n",
            "main.py": (
                "from fastapi import FastAPI\nNAME = 'abc'\napp = FastAPI()\n\n"
                f"{source}    @app.get('/a')\n    def a(): ...\n"
            ),
        },
    )
    assert [(r.path, r.conditions) for r in graph.routes()] == [served]


@pytest.mark.parametrize(
    "settings",
    [
        # what the class's own code makes of the value: not read
        "class Settings(BaseSettings):\n    prefix: str = '/v1'\n"
        "    def model_post_init(self, context) -> None:\n        self.prefix = '/post'\n",
        "class Settings(BaseSettings):\n    prefix: str = '/v1'\n"
        "    @field_validator('prefix')\n    @classmethod\n"
        "    def slash(cls, v: str) -> str:\n        return '/' + v.strip('/')\n",
        "class Settings(BaseSettings):\n    prefix: str = Field('/v1', alias='API_PREFIX')\n",
        "class Settings:\n    prefix = '/v1'\n"
        "    def __init__(self) -> None:\n        self.prefix = '/instance'\n",
        # the project sets the variable itself before reading it
        "os.environ.setdefault('PREFIX', '/api')\n\n"
        "class Settings(BaseSettings):\n    prefix: str = os.getenv('PREFIX') or '/v1'\n",
    ],
)
def test_a_value_the_projects_own_code_may_change_is_not_read(
    tmp_path: Path, settings: str
) -> None:
    graph = _main(
        tmp_path,
        (
            "import os\nfrom fastapi import APIRouter, FastAPI\n"
            "from pydantic import Field, field_validator\n"
            "from pydantic_settings import BaseSettings\n\n"
            f"{settings}\n"
            "def get_settings():\n    return Settings()\n\n"
            "router = APIRouter()\n@router.get('/x')\ndef x(): ...\n"
            "app = FastAPI()\napp.include_router(router, prefix=get_settings().prefix)\n"
        ),
    )
    assert [r.resolved for r in graph.routes()] == [False]


@pytest.mark.parametrize(
    ("construction", "served"),
    [
        ("Resource()", [("/r", "main.app")]),
        # given the router: the field's factory does not run (what it serves: not read)
        ("Resource(router=other)", []),
        ("Resource(other)", []),
    ],
)
def test_a_field_factory_runs_only_where_the_construction_passes_nothing(
    tmp_path: Path, construction: str, served: list[tuple[str, str]]
) -> None:
    graph = _main(
        tmp_path,
        (
            "from dataclasses import dataclass, field\nfrom fastapi import APIRouter, FastAPI\n"
            "other = APIRouter(prefix='/other')\n\n"
            "@dataclass\nclass Resource:\n"
            "    router: APIRouter = field(default_factory=APIRouter)\n\n"
            "    def __post_init__(self):\n        self.router.add_api_route('/r', self.h)\n\n"
            "    def h(self): ...\n\n"
            f"res = {construction}\napp = FastAPI()\napp.include_router(res.router)\n"
        ),
    )
    assert [(r.path, r.app) for r in graph.routes() if r.app] == served


@pytest.mark.parametrize(
    ("source", "served"),
    [
        # an addition under a test the run decides: the list is not known
        ("if os.getenv('ADMIN'):\n        routers.append(b)\n", []),
        # nothing added: the list as built (and a loop keeping websocket routes copies
        # none of the HTTP ones)
        ("pass\n", ["/a/x"]),
    ],
)
def test_what_the_run_decides_is_never_served_for_sure(
    tmp_path: Path, source: str, served: list[str]
) -> None:
    graph = _main(
        tmp_path,
        (
            "import os\nfrom fastapi import APIRouter, FastAPI\n"
            "from fastapi.routing import APIWebSocketRoute\n"
            "a = APIRouter(prefix='/a')\nb = APIRouter(prefix='/b')\n\n"
            "@a.get('/x')\ndef ax(): ...\n\n@b.get('/y')\ndef by(): ...\n\n"
            "def get_routers():\n    routers = [a]\n"
            f"    if True:\n        {source}"
            "    return routers\n\n"
            "app = FastAPI()\nfor router in get_routers():\n    app.include_router(router)\n\n"
            "sockets = APIRouter()\nfor route in app.routes:\n"
            "    if isinstance(route, APIWebSocketRoute):\n        sockets.routes.append(route)\n"
            "copy = FastAPI()\ncopy.include_router(sockets, prefix='/ws')\n"
        ),
    )
    assert sorted(r.path for r in graph.routes() if r.app == "main.copy") == []
    unconditional = [r.path for r in graph.routes() if r.app == "main.app" and r.resolved]
    assert sorted(unconditional) == served


def test_an_optional_import_whose_fallback_serves_too_is_read_as_the_fallback(
    tmp_path: Path,
) -> None:
    """``except ImportError: ee_router = APIRouter()``: the import may raise inside the
    module it imports (a licence check), so only a ``None`` fallback gives way to it."""
    graph = _project(
        tmp_path,
        {
            "ee.py": "from fastapi import APIRouter\nrouter = APIRouter()\n\n"
            "@router.get('/x')\ndef x(): ...\n",
            "main.py": (
                "from fastapi import APIRouter, FastAPI\n"
                "try:\n    from ee import router as ee_router\n"
                "except ImportError:\n    ee_router = APIRouter()\n\n"
                "app = FastAPI()\napp.include_router(ee_router, prefix='/ee')\n"
            ),
        },
    )
    assert [(r.path, r.app) for r in graph.routes()] == [("/x", None)]


def test_a_crud_routers_prefix_not_known_is_a_placeholder(tmp_path: Path) -> None:
    """fastapi-crudrouter makes its own prefix of the one given: one we cannot read leaves
    its routes, and the project's on it, under a placeholder."""
    graph = _main(
        tmp_path,
        (
            "import os\nfrom fastapi import FastAPI\n"
            "from fastapi_crudrouter import MemoryCRUDRouter\n"
            "router = MemoryCRUDRouter(schema=dict, prefix=os.environ['P'], create_route=False,\n"
            "    update_route=False, delete_one_route=False, delete_all_route=False)\n\n"
            "@router.get('/count')\ndef count(): ...\n"
            "app = FastAPI()\napp.include_router(router)\n"
        ),
    )
    placeholder = "<?prefix of os.environ['P']>"
    assert {(r.path, r.resolved) for r in graph.routes() if r.app} == {
        (placeholder, False),
        (f"{placeholder}/{{item_id}}", False),
        (f"{placeholder}/count", False),
    }
    assert [d.code for d in graph.diagnostics] == ["CI201"]


def test_a_decorator_handed_a_routers_verb_declares_with_it(tmp_path: Path) -> None:
    """Opentrons' robot-server: ``@PydanticResponse.wrap_route(router.post, path=...)``, a
    classmethod whose decorator calls ``route_method(*args, **kwargs)(endpoint)`` (55 of its
    111 routes)."""
    graph = _main(
        tmp_path,
        (
            "from fastapi import APIRouter, FastAPI\n\n"
            "class Wrapped:\n    @classmethod\n"
            "    def wrap_route(cls, route_method, *route_args, **route_kwargs):\n"
            "        def decorator(endpoint):\n"
            "            return route_method(*route_args, **route_kwargs)(endpoint)\n"
            "        return decorator\n\n"
            "router = APIRouter(prefix='/v1')\n\n"
            "@Wrapped.wrap_route(router.post, path='/items', status_code=201)\n"
            "async def create_item(): ...\n\n"
            "@Wrapped.wrap_route(router.get, '/items/{item_id}')\n"
            "async def get_item(item_id: str): ...\n\n"
            "app = FastAPI()\napp.include_router(router)\n"
        ),
    )
    assert sorted((r.method, r.path, r.app) for r in graph.routes()) == [
        ("GET", "/v1/items/{item_id}", "main.app"),
        ("POST", "/v1/items", "main.app"),
    ]


@pytest.mark.parametrize(
    "held",
    [
        "Endpoint(get_router(prefix='/scheduler'))",  # built in place
        "get_wrapped('/scheduler')",  # a factory returning the named tuple
    ],
)
def test_a_router_held_in_a_named_tuple(tmp_path: Path, held: str) -> None:
    """tracardi-api's licensed endpoints: ``endpoint = namedtuple("endpoint", "router")``,
    ``return endpoint(router)``, then ``include_router(scheduler_endpoint.router)`` (44 of
    its 279 routes)."""
    graph = _main(
        tmp_path,
        (
            "from collections import namedtuple\nfrom fastapi import APIRouter, FastAPI\n\n"
            "Endpoint = namedtuple('Endpoint', 'router')\n\n"
            "def get_router(prefix):\n    router = APIRouter(prefix=prefix)\n\n"
            "    @router.get('/{path:path}')\n    async def licensed(): ...\n\n"
            "    return router\n\n"
            "def get_wrapped(prefix):\n    router = APIRouter(prefix=prefix)\n\n"
            "    @router.get('/{path:path}')\n    async def licensed(): ...\n\n"
            "    endpoint = namedtuple('endpoint', 'router')\n    return endpoint(router)\n\n"
            f"sched = {held}\napp = FastAPI()\napp.include_router(sched.router)\n"
        ),
    )
    assert [(r.path, r.app) for r in graph.routes() if r.app] == [
        ("/scheduler/{path:path}", "main.app")
    ]


@pytest.mark.parametrize(
    "body",
    [
        "        fn.meta = (route_method, route_args, route_kwargs)\n        return fn\n",
        "        if False:\n            return route_method(*route_args, **route_kwargs)(fn)\n"
        "        return fn\n",
        "        return route_method('/api', *route_args, **route_kwargs)(fn)\n",
        "        return route_method(*route_args, **route_kwargs, path='/other')(fn)\n",
    ],
)
def test_a_decorator_handed_a_verb_declares_only_as_it_forwards_it(
    tmp_path: Path, body: str
) -> None:
    """Only ``route_method(*args, **kwargs)`` applied to the decorated function, under no
    test, is read as the route: a decorator that keeps the verb, or calls it otherwise,
    declares nothing we claim."""
    graph = _main(
        tmp_path,
        (
            "from fastapi import APIRouter, FastAPI\n\n"
            "def wrap_route(route_method, *route_args, **route_kwargs):\n"
            f"    def decorator(fn):\n{body}"
            "    return decorator\n\n"
            "router = APIRouter()\n\n@wrap_route(router.post, path='/x')\ndef create(): ...\n\n"
            "app = FastAPI()\napp.include_router(router)\n"
        ),
    )
    assert [r.path for r in graph.routes()] == []


def test_an_apps_webhooks_are_documented_not_served_and_no_gap(tmp_path: Path) -> None:
    """marzneshin: ``app.webhooks.include_router(r)`` and ``@app.webhooks.post("user")``
    describe OpenAPI webhooks: nothing the app serves, and nothing we failed to read."""
    graph = _main(
        tmp_path,
        (
            "from fastapi import APIRouter, FastAPI\n\n"
            "events = APIRouter()\n\n@events.post('user')\ndef user_event(): ...\n\n"
            "app = FastAPI()\napp.webhooks.include_router(events)\n\n"
            "@app.webhooks.post('node')\ndef node_event(): ...\n\n"
            "@app.get('/ok')\ndef ok(): ...\n"
        ),
    )
    assert [(r.path, r.app) for r in graph.routes() if r.app] == [("/ok", "main.app")]
    assert not graph.diagnostics


def test_a_prefix_joining_a_slice_of_a_split_version(tmp_path: Path) -> None:
    """optimade's ``f"/v{'.'.join(__api_version__.split('-')[0].split('.')[:2])}"``: the
    parts a split makes of a known string, sliced, then joined (22 routes were placeholders)."""
    graph = _main(
        tmp_path,
        "from fastapi import FastAPI\n\n"
        "VERSION = '1.2.0-rc.1'\n"
        "MINOR = f\"/v{'.'.join(VERSION.split('-')[0].split('.')[:2])}\"\n\n"
        "app = FastAPI()\n\n"
        "@app.get(MINOR + '/info')\ndef info() -> None: ...\n",
    )
    assert [r.path for r in graph.routes()] == ["/v1.2/info"]
    assert [d.code for d in graph.diagnostics] == []


def _routers(*names: str) -> dict[str, str]:
    """Modules ``a.py``, ``b.py``...: each a router with one route at ``/<name>``."""
    route = (
        "from fastapi import APIRouter\nrouter = APIRouter()\n@router.get('/{0}')\ndef f(): pass\n"
    )
    return {f"{name}.py": route.format(name) for name in names}


@pytest.mark.parametrize(
    "rebinding",
    [
        "    index = False\n    add(app, index=index)\n",  # the outer parameter bound again
        "    add(app, index=index)\n",  # the helper binds its own again, below
    ],
)
def test_a_flag_bound_again_before_its_test_stays_a_condition(
    tmp_path: Path, rebinding: str
) -> None:
    """``add(app, index=index)`` decides ``if index:`` with the outer call's literal only
    while neither function binds it again (``index = False``, ``index = not index``)."""
    negated = "    index = not index\n" if "index = False" not in rebinding else ""
    graph = _project(
        tmp_path,
        {
            **_routers("a", "b"),
            "main.py": "from fastapi import FastAPI\nimport a, b\n"
            f"def add(app, index):\n{negated}    if index:\n        app.include_router(a.router)\n"
            "    else:\n        app.include_router(b.router)\n"
            f"def create_app(index=True):\n    app = FastAPI()\n{rebinding}    return app\n"
            "app1 = create_app(True)\n",
        },
    )
    assert {(r.path, r.conditions) for r in graph.routes()} == {
        ("/a", ("index",)),
        ("/b", ("not (index)",)),
    }


def test_a_conditional_local_changed_before_its_loop_is_reported(tmp_path: Path) -> None:
    """``endpoints = [a, b] if index else [a, c]`` then ``endpoints.remove(a)``: the loop
    does not run over the expression's items; what it runs over is said to be unknown."""
    graph = _project(
        tmp_path,
        {
            **_routers("a", "b", "c"),
            "main.py": "from fastapi import FastAPI\nimport a, b, c\n"
            "def create_app(index=False):\n    app = FastAPI()\n"
            "    endpoints = [a, b] if index else [a, c]\n    endpoints.remove(a)\n"
            "    for ep in endpoints:\n        app.include_router(ep.router)\n    return app\n"
            "app1 = create_app(index=False)\n",
        },
    )
    assert not [r for r in graph.routes() if r.app == "main.app1"]
    assert "CI202" in {d.code for d in graph.diagnostics}


def test_branch_bindings_after_the_include_or_unknown_are_not_served(tmp_path: Path) -> None:
    """``if A: r = a.router`` / ``else: r = b.router``, included, then ``r`` bound again
    after the include: only the bindings before it reach the app. A branch binding a router
    we cannot tell is said to be unknown, not dropped."""
    graph = _project(
        tmp_path,
        {
            **_routers("a", "b", "c", "d"),
            "main.py": "import os\nfrom fastapi import FastAPI\nimport a, b, c, d\n"
            "dyn = getattr(c, 'rou' + 'ter')\n"
            "if os.environ.get('A'):\n    r = a.router\nelif os.environ.get('C'):\n    r = dyn\n"
            "else:\n    r = b.router\n"
            "app = FastAPI()\napp.include_router(r)\n"
            "if os.environ.get('B'):\n    r = c.router\nelse:\n    r = d.router\n",
        },
    )
    served = {r.path for r in graph.routes() if r.app == "main.app"}
    assert served == {"/a", "/b"}
    assert ("CI202", "main.py", 8) in {(d.code, d.file, d.line) for d in graph.diagnostics}


_CHECKS = (
    "from fastapi import Depends\n"
    "def dep_a(): return 1\ndef dep_b(): return 2\n"
    "class CheckA:\n    def __call__(self, v=Depends(dep_a)): return v\n"
    "class CheckB:\n    def __call__(self, v=Depends(dep_b)): return v\n"
)


@pytest.mark.parametrize(
    ("factory", "made", "chain"),
    [
        # a local that is also the parameter: what the call passes may be returned
        (
            "def make(checker=None):\n    if checker is None:\n        checker = CheckA()\n"
            "    return checker\n",
            "make(CheckB())",
            ("<?make(CheckB())>",),
        ),
        # ``cls()`` in a classmethod a subclass inherits, called on the subclass
        (
            "class Base(CheckA):\n    @classmethod\n    def create(cls):\n        return cls()\n"
            "class Sub(Base):\n    def __call__(self, v=Depends(dep_b)): return v\n"
            "def make():\n    return Sub.create()\n",
            "make()",
            ("main.dep_b", "main.Sub()"),
        ),
    ],
)
def test_a_factorys_instance_is_what_the_call_builds(
    tmp_path: Path, factory: str, made: str, chain: tuple[str, ...]
) -> None:
    graph = _main(
        tmp_path,
        f"{_CHECKS}{factory}"
        "from fastapi import FastAPI\napp = FastAPI()\n"
        f"@app.get('/x', dependencies=[Depends({made})])\ndef x(): pass\n",
    )
    [route] = graph.routes()
    assert route.all_dependencies == chain


def test_a_class_decorator_beside_a_signature_helper_is_no_view(tmp_path: Path) -> None:
    """A module with a helper that writes ``__signature__`` with ``Depends(dep)``, and a
    plain registering class decorator: the decorator's own code makes no view of the class,
    so its attributes are no dependencies of the routes."""
    graph = _project(
        tmp_path,
        {
            "util.py": "import inspect\nfrom fastapi import Depends\nREG = []\n"
            "def with_dep(func, dep):\n"
            "    kind = inspect.Parameter.KEYWORD_ONLY\n"
            "    extra = inspect.Parameter('i', kind, default=Depends(dep))\n"
            "    func.__signature__ = inspect.signature(func).replace(parameters=[extra])\n"
            "    return func\n"
            "def register(router):\n    def deco(cls):\n"
            "        REG.append(cls)\n        return cls\n    return deco\n",
            "main.py": "from fastapi import APIRouter, Depends, FastAPI\n"
            "from util import register\ndef guard(): pass\nrouter = APIRouter()\n"
            "@register(router)\nclass View:\n    user: str = Depends(guard)\n"
            "    @router.get('/v')\n    def get(self=None):\n        return 1\n"
            "app = FastAPI()\napp.include_router(router)\n",
        },
    )
    [route] = graph.routes()
    assert route.all_dependencies == ()


def test_a_prefix_read_through_a_lazy_settings_proxy(tmp_path: Path) -> None:
    """mcp-context-forge's ``settings = LazySettingsWrapper()``, whose ``__getattr__``
    returns ``getattr(get_settings(), key)``: the attribute of what that call builds; a
    class attribute of the proxy itself is its own."""
    graph = _main(
        tmp_path,
        "from fastapi import APIRouter, FastAPI\n\n"
        "class Settings:\n    api_prefix: str = '/v1'\n\n"
        "def get_settings() -> Settings:\n    return Settings()\n\n"
        "class Lazy:\n    api_prefix = '/lazy'\n    other = None\n\n"
        "    def __getattr__(self, key):\n        return getattr(get_settings(), key)\n\n"
        "class Proxy:\n    def __getattr__(self, key):\n"
        "        return getattr(get_settings(), key)\n\n"
        "settings = Proxy()\nlazy = Lazy()\n"
        "router = APIRouter()\n\n@router.get('/models')\ndef models() -> None: ...\n\n"
        "app = FastAPI()\napp.include_router(router, prefix=settings.api_prefix)\n"
        "app.include_router(router, prefix=lazy.api_prefix)\n",
    )
    assert sorted(r.path for r in graph.routes()) == ["/lazy/models", "/v1/models"]


def test_a_method_one_instance_runs_is_not_every_instances(tmp_path: Path) -> None:
    """``x.register()`` adds a route on ``x``'s router only; the class is built twice, so
    the router's prefix is each construction's only for what ``__init__`` adds: here it
    stays unknown, never ``/y/ping``."""
    graph = _main(
        tmp_path,
        "from fastapi import APIRouter, FastAPI\n\n"
        "def ping() -> None: ...\n\n"
        "class Api:\n    def __init__(self, prefix: str) -> None:\n"
        "        self.router = APIRouter(prefix=prefix)\n\n"
        "    def register(self) -> None:\n        self.router.add_api_route('/ping', ping)\n\n"
        "x = Api('/x')\ny = Api('/y')\nx.register()\n"
        "app = FastAPI()\napp.include_router(x.router)\napp.include_router(y.router)\n",
    )
    assert {(r.path, r.resolved) for r in graph.routes()} == {("<?prefix>/ping", False)}


def test_a_list_handed_on_is_not_read_by_index(tmp_path: Path) -> None:
    """``random.shuffle(routers)`` (or an alias, or any call given the list) may reorder
    it: ``routers[0]`` is then unknown, said so."""
    graph = _project(
        tmp_path,
        {
            **_routers("a", "b"),
            "main.py": "import random\nfrom fastapi import FastAPI\nimport a, b\n"
            "routers = [a.router, b.router]\nrandom.shuffle(routers)\n"
            "app = FastAPI()\napp.include_router(routers[0])\n",
        },
    )
    assert not [r for r in graph.routes() if r.app == "main.app"]
    assert [(d.code, d.line) for d in graph.diagnostics] == [("CI202", 7)]


def test_a_module_a_test_package_imports_for_type_checkers_only_serves_nothing(
    tmp_path: Path,
) -> None:
    """``routers/tests/__init__.py`` imports ``es`` only under ``if TYPE_CHECKING:``: the
    app loading that package never runs ``es``, whose route on the app is not served."""
    graph = _project(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/main.py": "from fastapi import FastAPI\napp = FastAPI()\n"
            "from app.routers import tests  # noqa: E402\n",
            "app/routers/__init__.py": "",
            "app/routers/tests/__init__.py": "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n    from . import es\n",
            "app/routers/tests/es.py": "from app.main import app\n\n"
            "@app.get('/es')\ndef es() -> None: ...\n",
        },
    )
    assert [r.path for r in graph.routes() if r.app == "app.main.app"] == []


def test_an_attribute_a_subclass_sets_again_is_not_the_construction_argument(
    tmp_path: Path,
) -> None:
    """``self.sub_path = "/fixed/"`` in a subclass after ``super().__init__(sub_path=...)``:
    the argument given is not what the instance holds; without reading the order, unknown."""
    graph = _main(
        tmp_path,
        "from fastapi import APIRouter, FastAPI\n\n"
        "class Res:\n    def __init__(self, sub_path: str = '/d/') -> None:\n"
        "        self.sub_path = sub_path\n        self.router = APIRouter()\n"
        "        self.setup()\n\n"
        "    def setup(self) -> None:\n        @self.router.get(self.sub_path)\n"
        "        def read() -> int:\n            return 1\n\n"
        "class Sub(Res):\n    def __init__(self, sub_path: str) -> None:\n"
        "        super().__init__(sub_path=sub_path)\n        self.sub_path = '/fixed/'\n\n"
        "s = Sub(sub_path='/given/')\napp = FastAPI()\napp.include_router(s.router)\n",
    )
    served = [(r.path, r.resolved) for r in graph.routes() if r.app == "main.app"]
    assert served == [("<?sub_path>", False)]
