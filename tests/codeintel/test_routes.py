from __future__ import annotations

import inspect
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

import codeintel
from codeintel.frameworks import routes as route_stage
from codeintel.frameworks.depends import dependency_tree, param_providers, solve_order
from tests.helpers import ExtractorInput, extractor_input, oracle

APPS = [
    ("registry_app", "registry.main:app"),
    ("single_file_app", "main:app"),
    ("fullstack_app", "app.main:app"),
    ("routers_via_functions", "shop.main:app"),
    ("routers_via_functions", "shop.per_call:app"),
    ("routers_via_functions", "shop.apps:project_app"),
    ("routers_via_functions", "shop.apps:file_app"),
    ("routers_via_functions", "shop.apps:console_app"),
    ("routers_via_functions", "shop.apps:ops_app"),
    ("routers_via_functions", "shop.apps:plain_app"),
    ("routers_via_functions", "shop.kernel:kernel_app"),
    ("routers_via_functions", "shop.desktop:desktop_app"),
    ("routers_via_functions", "shop.once:once_app"),
    ("routers_via_functions", "shop.dashboard:dashboard_app"),
    ("routers_via_functions", "shop.global_app:app"),
    ("routers_via_functions", "shop.state_app:app"),
    ("routers_via_functions", "shop.storefront:app"),
    ("routers_via_functions", "shop.composed:app"),
    ("routers_via_functions", "shop.starlette_root:app"),
    ("routers_in_loops", "api.main:app"),
    ("routers_in_loops", "api.flagged:main_app"),
    ("routers_in_loops", "api.flagged:index_app"),
    ("class_based_views", "views.main:app"),
]
ENVIRONMENTS = [
    {},
    {"BILLING": "1", "DEBUG_ROUTES": "1", "SPA": "1", "SHARE": "1", "ADMIN": "1"},
    {"LEGACY": "1", "BASE_PATH": "1", "TENANTS": "1"},
]


def _operations(project: Path, app: str) -> set[tuple[str, str, str]]:
    """The operations codeintel says ``app`` serves: method, path and endpoint."""
    routes = codeintel.analyze(project, cache=False).routes()
    return {(r.method, r.path, r.endpoint) for r in routes if r.app == app}


def runtime_routes(
    project: Path, spec: str, environ: dict[str, str] | None = None, *, started: bool = False
) -> set[tuple[str, str, str]]:
    served = oracle(
        "runtime_routes.py", project, spec, *(["started"] if started else []), env=environ
    )
    return {tuple(r) for r in served}


@pytest.mark.slow
@pytest.mark.parametrize(("name", "spec"), APPS)
def test_static_routes_equal_runtime_routes(fixtures: Path, name: str, spec: str) -> None:
    project = fixtures / name
    app_key = spec.replace(":", ".")
    static = {
        (r.method, r.path, r.endpoint)
        for r in codeintel.analyze(project).routes()
        if r.app == app_key
    }
    assert static == runtime_routes(project, spec)


@pytest.mark.slow
def test_an_app_factory_the_code_never_calls_is_built_with_its_defaults(fixtures: Path) -> None:
    project = fixtures / "routers_via_functions"
    static = {
        (r.method, r.path, r.endpoint)
        for r in codeintel.analyze(project).routes()
        if r.app == "shop.factory_served.create_app.<locals>.app"
    }
    assert static == runtime_routes(project, "shop.factory_served:create_app()")


@pytest.mark.slow
def test_an_app_held_by_an_instance_attribute_serves_what_its_methods_include(
    fixtures: Path,
) -> None:
    project = fixtures / "routers_via_functions"
    static = {
        (r.method, r.path, r.endpoint)
        for r in codeintel.analyze(project).routes()
        if r.app == "shop.server.app"  # ``app = server.app``: the name uvicorn serves
    }
    assert static == runtime_routes(project, "shop.server:app")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("app_key", "spec", "started"),
    [
        ("svc.main.app", "svc.main:app", True),
        ("svc.app.ServiceApp.app", "svc.serve:app", False),
        ("svc.gateway.app", "svc.gateway:app", False),
        ("svc.gateway.child_app", "svc.gateway:child_app", False),
        ("svc.instance.app", "svc.instance:app", False),
        ("svc.forwarded.app", "svc.forwarded:app", False),
        ("svc.toolbox.app", "svc.toolbox:app", False),
        ("svc.authn.app", "svc.authn:app", False),
        ("svc.handlers.app", "svc.handlers:app", False),
        ("svc.pages.app", "svc.pages:app", False),
        ("svc.workers.app", "svc.workers:app", True),
        ("svc.gui.app", "svc.gui:app", False),
        ("svc.gui.base_app", "svc.gui:base_app", False),
        ("svc.plugins.app", "svc.plugins:app", False),
        ("svc.modules.app", "svc.modules:app", False),
        ("svc.controllers.app", "svc.controllers:app", False),
        ("svc.resources.app", "svc.resources:app", False),
        ("svc.registers.app", "svc.registers:app", False),
    ],
)
def test_routers_held_by_instances_and_routes_copied_at_startup(
    fixtures: Path, app_key: str, spec: str, started: bool
) -> None:
    project = fixtures / "routers_in_classes"
    static = {
        (r.method, r.path, r.endpoint)
        for r in codeintel.analyze(project).routes()
        if r.app == app_key
    }
    assert static == runtime_routes(project, spec, started=started)


@pytest.mark.slow
def test_routes_wired_by_helpers_equal_what_is_served_after_startup(fixtures: Path) -> None:
    project = fixtures / "wired_by_helpers"
    static = {
        (r.method, r.path, r.endpoint)
        for r in codeintel.analyze(project).routes()
        if r.app == "hub.main.app"
    }
    assert static == runtime_routes(project, "hub.main:app", started=True)


@pytest.mark.slow
@pytest.mark.parametrize("service", ["users", "orders"])
def test_each_service_of_a_monorepo_serves_its_own_app_package(
    fixtures: Path, service: str
) -> None:
    project = fixtures / "two_services"
    prefix = f"services.{service}."
    static = {
        (r.method, r.path, r.endpoint.removeprefix(prefix))
        for r in codeintel.analyze(project).routes()
        if r.app == f"{prefix}app.main.app"
    }
    assert static == runtime_routes(project / "services" / service, "app.main:app")


def test_a_base_classs_property_builds_a_router_per_subclass(fixtures: Path) -> None:
    """``users.router``, a base's ``@property`` reading ``self.prefix``, and the base's
    method called on ``users``: each router has the subclass's prefix."""
    routes = codeintel.analyze(fixtures / "routers_in_classes").routes()
    found = {(r.path, r.endpoint) for r in routes if r.app == "svc.resources.app"}
    count = "svc.resources.Resource.router.<locals>.count"
    items = "svc.resources.Resource.items"
    assert found == {
        ("/users/count", count),
        ("/users/items", items),
        ("/teams/count", count),
        ("/teams/items", items),
        ("/legacy/users/items", items),
    }


def test_a_method_loops_over_what_its_instances_construction_gave(fixtures: Path) -> None:
    """``routes.register(app)`` loops over ``self.routers``, the tuple field of the frozen
    dataclass ``Routes(...)`` bound to ``routes``."""
    routes = codeintel.analyze(fixtures / "routers_in_classes").routes()
    found = {r.path for r in routes if r.app == "svc.registers.app"}
    assert found == {"/items", "/users"}


def test_a_spelling_two_services_share_means_each_services_own_module(fixtures: Path) -> None:
    graph = codeintel.analyze(fixtures / "two_services")
    dependencies = {r.endpoint: r.dependencies for r in graph.routes() if r.dependencies}
    assert dependencies == {
        f"services.{s}.app.api.routes.list_{s}": (f"services.{s}.app.deps.get_db",)
        for s in ("users", "orders")
    }
    assert not [d for d in graph.diagnostics if d.code.startswith("CI2")]


def test_routes_handed_to_a_constructor_skip_the_routers_own_prefix(fixtures: Path) -> None:
    graph = codeintel.analyze(fixtures / "routers_via_functions")
    listed = {
        (r.method, r.path, r.conditions)
        for r in graph.routes()
        if r.endpoint.startswith("shop.routers.listed.") and r.app == "shop.main.app"
    }
    # served from shop.main's own run(): importing shop.main is no condition of shop.main.app
    assert listed == {
        *((m, f"/{p}/coupons/{{code}}", ()) for m in ("POST", "PUT") for p in ("again", "shelf")),
        *(("GET", f"/{p}/coupons", ()) for p in ("again", "shelf")),
        ("WEBSOCKET", "/feed", ()),
    }


def test_a_helper_chain_no_call_starts_keeps_its_routes_and_says_so(fixtures: Path) -> None:
    graph = codeintel.analyze(fixtures / "wired_by_helpers")
    orphans = [(r.path, r.app) for r in graph.routes() if r.endpoint == "hub.unused.orphan"]
    assert orphans == [("/orphan", None)]
    assert [(d.code, d.file, d.line) for d in graph.diagnostics if d.file == "hub/unused.py"] == [
        ("CI202", "hub/unused.py", 15)
    ]


@pytest.mark.slow
@pytest.mark.parametrize("environ", ENVIRONMENTS)
@pytest.mark.parametrize("served", ["site_app.main", "site_app.hosted", "site_app.status"])
def test_the_routes_whose_conditions_hold_are_the_routes_served(
    fixtures: Path, environ: dict[str, str], served: str
) -> None:
    project = fixtures / "conditional_routes"
    # The fixture's tests read only os.environ: evaluate them against the environment. The
    # app is imported alone, so no "import <module>" condition holds, nor "call <function>".
    namespace = {"os": SimpleNamespace(environ=environ)}
    static = {
        (r.method, r.path, r.endpoint)
        for r in codeintel.analyze(project).routes()
        if r.app == f"{served}.app"
        and all(not c.startswith(("import ", "call ")) and eval(c, namespace) for c in r.conditions)
    }
    assert static == runtime_routes(project, f"{served}:app", environ)


def test_exclusive_branches_are_never_all_unconditional(fixtures: Path) -> None:
    routes = codeintel.analyze(fixtures / "conditional_routes").routes()
    plans = {r.endpoint: r.conditions for r in routes if r.path == "/billing/plan"}
    assert plans == {
        "site_app.routers.billing.billing_plan": ('os.environ.get("BILLING")',),
        "site_app.routers.legacy.legacy_plan": (
            'not (os.environ.get("BILLING"))',
            'os.environ.get("LEGACY")',
        ),
        "site_app.routers.free.free_plan": (
            'not (os.environ.get("BILLING"))',
            'not (os.environ.get("LEGACY"))',
        ),
    }


def test_a_helper_used_otherwise_than_called_keeps_its_routes_unconditional(
    tmp_path: Path,
) -> None:
    """Handed to the app as a startup handler too, the helper also runs where no test of
    ours holds: its ``if`` call alone does not make its routes conditional."""
    (tmp_path / "main.py").write_text(
        "import os\n"
        "from fastapi import APIRouter, FastAPI\n\n"
        "app = FastAPI()\n"
        "router = APIRouter()\n\n\n"
        "@router.get('/late')\n"
        "def late() -> int:\n    return 1\n\n\n"
        "def include_late() -> None:\n    app.include_router(router)\n\n\n"
        "app.add_event_handler('startup', include_late)\n"
        "if os.environ.get('EARLY'):\n    include_late()\n"
    )
    [route] = codeintel.analyze(tmp_path, cache=False).routes()
    assert (route.path, route.conditions) == ("/late", ())


def test_a_function_nothing_calls_adds_routes_only_when_called(fixtures: Path) -> None:
    """nicegui's ``Upload.__init__`` declares on the global app, and nothing in the project
    builds an ``Upload``: FastAPI's app serves none of it until some caller does."""
    routes = codeintel.analyze(fixtures / "conditional_routes").routes()
    (plugins,) = [r for r in routes if r.path == "/plugins"]
    assert plugins.conditions == ("call site_app.main.enable_plugins",)


def test_a_module_no_one_imports_adds_routes_only_when_run(fixtures: Path) -> None:
    """So does one only such a module imports, when that one serves nothing (a plugin
    loader's shim): the plugin's routes were unconditional, though the app never loads it."""
    routes = codeintel.analyze(fixtures / "conditional_routes").routes()
    (custom,) = [r for r in routes if r.path == "/auth/custom"]
    assert (custom.app, custom.conditions) == (
        "site_app.main.app",
        ("import examples.custom_auth",),
    )
    (plugin,) = [r for r in routes if r.path == "/admin/plugin/show"]
    assert (plugin.app, plugin.conditions) == (
        "site_app.main.app",
        ("import examples.plugin_admin",),
    )


def test_router_options_assigned_after_building_are_the_routers(fixtures: Path) -> None:
    """``router.tags = [...]``, ``router.prefix = ...`` and, under ``if dependencies:``,
    ``router.dependencies = dependencies`` in a factory: FastAPI reads them as each route is
    declared, so every route gets them, the dependencies as each call passes them."""
    routes = codeintel.analyze(fixtures / "routers_via_functions").routes()
    assigned = {r.path: (r.tags, r.dependencies) for r in routes if r.path.startswith("/assigned/")}
    assert assigned == {
        "/assigned/v1/videos": (("v1",), ("shop.assigned.base.verify_token",)),
        "/assigned/v1/scripts": (("v1",), ()),
        "/assigned/plain/thing": ((), ()),
    }


@pytest.mark.slow
def test_a_prefix_set_once_routes_were_added_reaches_only_later_ones(tmp_path: Path) -> None:
    """FastAPI reads a router's ``prefix`` as each route is added: ``app.router.prefix =
    "/api"`` after ``@app.get("/")`` prefixes what comes after it only; a router's prefix set
    in another module once its routes were declared prefixes none of them; one set on
    ``self.router`` in the ``__init__`` that builds it prefixes the routes added after."""
    (tmp_path / "routers").mkdir()
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\n\n"
        "from controller import Orders\nfrom routers import users_router\n\n"
        "app = FastAPI()\n\n"
        "@app.get('/')\ndef root() -> None: ...\n\n"
        "app.include_router(users_router)\n"
        "app.router.prefix = '/api'\n\n"
        "@app.get('/health')\ndef health() -> None: ...\n\n"
        "app.include_router(Orders().router)\n"
    )
    (tmp_path / "routers" / "__init__.py").write_text(
        "from .users import router as users_router\n\nusers_router.prefix = '/users'\n"
    )
    (tmp_path / "routers" / "users.py").write_text(
        "from fastapi import APIRouter\n\nrouter = APIRouter()\n\n"
        "@router.get('/list')\ndef list_users() -> None: ...\n"
    )
    (tmp_path / "controller.py").write_text(
        "from fastapi import APIRouter\n\n"
        "class Orders:\n"
        "    def __init__(self) -> None:\n"
        "        self.router = APIRouter()\n"
        "        self.router.prefix = '/orders'\n"
        "        self.router.add_api_route('/create', self.create, methods=['POST'])\n\n"
        "    def create(self) -> None: ...\n"
    )
    _served_as_at_runtime(
        tmp_path,
        "main:app",
        {
            ("GET", "/", "main.root"),
            ("GET", "/list", "routers.users.list_users"),
            ("GET", "/api/health", "main.health"),
            ("POST", "/api/orders/create", "controller.Orders.create"),
        },
    )


@pytest.mark.slow
def test_a_prefix_set_after_importing_a_module_that_adds_routes_skips_them(
    tmp_path: Path,
) -> None:
    """``import views`` (which decorates routes on the app it imports back) before
    ``app.router.prefix = "/api"``: its routes were added first and keep their paths; one
    imported after the change gets the prefix."""
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\n\n"
        "app = FastAPI()\n"
        "import views  # noqa: E402\n\n"
        "app.router.prefix = '/api'\n"
        "import later  # noqa: E402\n"
    )
    (tmp_path / "views.py").write_text(
        "from main import app\n\n@app.get('/v')\ndef v() -> None: ...\n"
    )
    (tmp_path / "later.py").write_text(
        "from main import app\n\n@app.get('/l')\ndef l() -> None: ...\n"
    )
    _served_as_at_runtime(
        tmp_path, "main:app", {("GET", "/v", "views.v"), ("GET", "/api/l", "later.l")}
    )


@pytest.mark.slow
def test_a_router_subclass_setting_its_prefix_after_super_init_has_it(tmp_path: Path) -> None:
    """``class VersionedRouter(APIRouter)`` whose ``__init__`` sets ``self.prefix = "/v9"``
    after ``super().__init__(...)``: every instance has that prefix (its routes were stated
    without it, unconditionally); one set before ``super().__init__`` is overwritten."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "class VersionedRouter(APIRouter):\n"
        "    def __init__(self, *args, **kwargs) -> None:\n"
        "        super().__init__(*args, **kwargs)\n"
        "        self.prefix = '/v9'\n\n"
        "class Early(APIRouter):\n"
        "    def __init__(self) -> None:\n"
        "        self.prefix = '/lost'\n"
        "        super().__init__()\n\n"
        "router, early = VersionedRouter(), Early()\n\n"
        "@router.get('/ping')\ndef ping() -> None: ...\n\n"
        "@early.get('/early')\ndef on_early() -> None: ...\n\n"
        "app = FastAPI()\napp.include_router(router)\napp.include_router(early)\n"
    )
    _served_as_at_runtime(
        tmp_path, "main:app", {("GET", "/v9/ping", "main.ping"), ("GET", "/early", "main.on_early")}
    )


@pytest.mark.slow
def test_a_router_subclass_prefix_made_of_its_init_parameters_is_each_instances(
    tmp_path: Path,
) -> None:
    """``self.prefix = f"/v{version}{self.prefix}"`` after ``super().__init__(**kwargs)``
    (fastapi-boilerplate's versioned routers): each instance's prefix is made of what its
    construction passes, under an ``if version:`` its literal decides; one a call decides
    is a placeholder (each was the prefix handed up, silently wrong)."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "class Versioned(APIRouter):\n"
        "    def __init__(self, version: int = 0, **kwargs) -> None:\n"
        "        super().__init__(**kwargs)\n"
        "        self.prefix = f'/v{version}{self.prefix}'\n\n"
        "class Maybe(APIRouter):\n"
        "    def __init__(self, version=None, **kwargs) -> None:\n"
        "        super().__init__(**kwargs)\n"
        "        if version:\n"
        "            self.prefix = f'/v{version}{self.prefix}'\n\n"
        "users = Versioned(prefix='/users', version=1)\n"
        "bare = Versioned()\n"
        "plain = Maybe(prefix='/plain')\n"
        "two = Maybe(prefix='/two', version=2)\n"
        "made = Maybe(prefix='/made', version=int('3'))\n\n"
        "@users.get('/')\ndef list_users() -> None: ...\n\n"
        "@bare.get('/bare')\ndef on_bare() -> None: ...\n\n"
        "@plain.get('/ping')\ndef ping() -> None: ...\n\n"
        "@two.get('/x')\ndef on_two() -> None: ...\n\n"
        "@made.get('/y')\ndef on_made() -> None: ...\n\n"
        "app = FastAPI()\n"
        "for router in (users, bare, plain, two, made):\n"
        "    app.include_router(router)\n"
    )
    routes = codeintel.analyze(tmp_path, cache=False).routes()
    static = {(r.method, r.path, r.endpoint) for r in routes if r.resolved}
    assert static == {
        ("GET", "/v1/users/", "main.list_users"),
        ("GET", "/v0/bare", "main.on_bare"),
        ("GET", "/plain/ping", "main.ping"),
        ("GET", "/v2/two/x", "main.on_two"),
    }
    assert [r.endpoint for r in routes if not r.resolved] == ["main.on_made"]
    served = runtime_routes(tmp_path, "main:app")
    assert static | {("GET", "/v3/made/y", "main.on_made")} == served


@pytest.mark.slow
def test_a_prefix_grown_or_set_in_a_factory_reaches_what_is_added_after(tmp_path: Path) -> None:
    """``router.prefix += "/v2"`` and a subclass's ``self.router.prefix += "/ping"`` (OpenG2P's
    controllers) grow the prefix (it was read as never set), and ``app.router.prefix`` set by
    the factory that builds the app prefixes what its caller adds."""
    (tmp_path / "controllers.py").write_text(
        "from fastapi import APIRouter\n\n"
        "class Base:\n"
        "    def __init__(self) -> None:\n"
        "        self.router = APIRouter(prefix='/v1')\n\n"
        "class Ping(Base):\n"
        "    def __init__(self) -> None:\n"
        "        super().__init__()\n"
        "        self.router.prefix += '/ping'\n"
        "        self.router.add_api_route('/', self.ping, methods=['GET'])\n\n"
        "    def ping(self) -> None: ...\n"
    )
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "from controllers import Ping\n\n"
        "reports = APIRouter(prefix='/reports')\n"
        "reports.prefix += '/v2'\n\n"
        "@reports.get('/daily')\ndef daily() -> None: ...\n\n"
        "def create_app() -> FastAPI:\n"
        "    app = FastAPI()\n"
        "    app.router.prefix = '/api'\n"
        "    return app\n\n"
        "app = create_app()\n"
        "app.include_router(reports)\n"
        "app.include_router(Ping().router)\n"
    )
    _served_as_at_runtime(
        tmp_path,
        "main:app",
        {
            ("GET", "/api/reports/v2/daily", "main.daily"),
            ("GET", "/api/v1/ping/", "controllers.Ping.ping"),
        },
    )


def test_a_router_given_a_mapping_we_cannot_read_has_a_prefix_we_cannot_tell(
    tmp_path: Path,
) -> None:
    """keepem's ``APIRouter(**settings.API_V1.dict())``: the mapping may pass a prefix, so
    the path is a placeholder with its CI201 (it was stated without one, unconditionally);
    a dict literal, or ``dict(...)`` of keywords, is read."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "from settings import settings\n\n"
        "OPTIONS = {'prefix': '/kw'}\n"
        "users = APIRouter(**settings.API_V1.dict())\n"
        "kw = APIRouter(**OPTIONS)\n"
        "tagged = APIRouter(**dict(tags=['t']))\n\n"
        "@users.get('/me')\ndef me() -> None: ...\n\n"
        "@kw.get('/x')\ndef x() -> None: ...\n\n"
        "@tagged.get('/t')\ndef t() -> None: ...\n\n"
        "app = FastAPI()\napp.include_router(users)\napp.include_router(kw)\n"
        "app.include_router(tagged)\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    assert {(r.path, r.resolved) for r in graph.routes()} == {
        ("<?**settings.API_V1.dict()>/me", False),
        ("/kw/x", True),
        ("/t", True),
    }
    assert [(d.code, d.line) for d in graph.diagnostics] == [("CI201", 6)]


@pytest.mark.slow
def test_a_loop_left_by_break_includes_only_the_items_before(tmp_path: Path) -> None:
    """``if name == "b": break`` in a loop of includes: no item from ``b`` on runs the body,
    what comes before the ``if`` either (``/k/c`` was stated, unconditionally); a ``break``
    under a test of its own leaves each item's include unknown, one in an ``except`` block
    none (a failing ``try`` is no path we take); the loop's ``else`` runs
    only when no ``break`` left it, and one with no ``break`` always runs its ``else``."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "a, b, c = APIRouter(), APIRouter(), APIRouter()\n\n"
        "@a.get('/a')\ndef get_a() -> None: ...\n\n"
        "@b.get('/b')\ndef get_b() -> None: ...\n\n"
        "@c.get('/c')\ndef get_c() -> None: ...\n\n"
        "ROUTERS = [('a', a), ('b', b), ('c', c)]\n"
        "FIRST = [('a', a)]\n"
        "app = FastAPI()\n"
        "for name, router in ROUTERS:\n"
        "    app.include_router(router, prefix='/before')\n"
        "    if name == 'b':\n"
        "        break\n"
        "    app.include_router(router, prefix='/k')\n"
        "else:\n"
        "    app.include_router(c, prefix='/fallback')\n"
        "for name, router in ROUTERS:\n"
        "    if name:\n"
        "        if len(name) == 1:\n"
        "            break\n"
        "    app.include_router(router, prefix='/nested')\n"
        "for name, router in ROUTERS:\n"
        "    try:\n"
        "        app.include_router(router, prefix='/tried')\n"
        "    except ValueError:\n"
        "        break\n"
        "for name, router in FIRST:\n"
        "    app.include_router(router, prefix='/all')\n"
        "else:\n"
        "    app.include_router(c, prefix='/done')\n"
    )
    routes = codeintel.analyze(tmp_path, cache=False).routes()
    left = "no earlier item of for name, router in ROUTERS left it"
    ended = "for name, router in ROUTERS ran to its end"
    assert {(r.path, r.conditions) for r in routes if r.app} == {
        ("/before/a", ()),
        ("/before/b", ()),
        ("/k/a", ()),
        ("/fallback/c", (ended,)),
        *((f"/nested/{n}", (left,)) for n in "abc"),
        *((f"/tried/{n}", ()) for n in "abc"),
        ("/all/a", ()),
        ("/done/c", ()),
    }
    served = {path for _, path, _ in runtime_routes(tmp_path, "main:app")}
    assert {r.path for r in routes if r.app and not r.conditions} <= served
    assert served <= {r.path for r in routes if r.app}


def test_a_class_view_of_fastapi_class_routes_its_verb_methods(tmp_path: Path) -> None:
    """fastapi-class's ``@View(router, path="/date")``: each method named for a verb (a
    base's too) is that verb's route at the path, the bound method its endpoint; other
    methods none (the class gave no route, without a word); one marked ``@endpoint`` is a
    CI202. Expected as fastapi-class 3.7.0 serves it on FastAPI 0.165 (checked there; the
    tests do not install it)."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, Depends, FastAPI\n"
        "from fastapi_class import View, endpoint\n\n"
        "def get_db(): ...\n\n"
        "router = APIRouter(prefix='/orders')\n\n"
        "class Base:\n    def delete(self): ...\n\n"
        "@View(router, path='/date')\n"
        "class DateView(Base):\n"
        "    async def get(self, db=Depends(get_db)): ...\n"
        "    async def post(self): ...\n"
        "    def helper(self): ...\n\n"
        "@View(router)\n"
        "class Marked:\n"
        "    @endpoint(('PUT',), path='/x')\n    def change(self): ...\n\n"
        "app = FastAPI()\napp.include_router(router)\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    assert {(r.method, r.path, r.endpoint, r.all_dependencies) for r in graph.routes()} == {
        ("GET", "/orders/date", "main.DateView.get", ("main.get_db",)),
        ("POST", "/orders/date", "main.DateView.post", ()),
        ("DELETE", "/orders/date", "main.Base.delete", ()),
    }
    assert [(d.code, d.line) for d in graph.diagnostics] == [("CI202", 19)]


def test_a_health_endpoint_fastapi_health_builds_asks_for_each_condition(tmp_path: Path) -> None:
    """``add_api_route("/health", health([is_database_online, is_cache_online]))``: the
    endpoint fastapi-health builds asks ``Depends`` of each condition in turn (the route was
    lost with a CI202). Expected as fastapi-health 0.4.0 serves it on FastAPI 0.165 (checked
    there; the tests do not install it)."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, Depends, FastAPI\n"
        "from fastapi_health import health\n\n"
        "def get_session(): ...\n\n"
        "def is_database_online(session=Depends(get_session)) -> bool: ...\n\n"
        "def is_cache_online() -> bool: ...\n\n"
        "CHECKS = [is_cache_online]\n"
        "app = FastAPI()\n"
        "app.add_api_route('/health', health([is_database_online, is_cache_online]))\n"
        "router = APIRouter()\n"
        "router.add_api_route('/live', endpoint=health(CHECKS), methods=['HEAD'])\n"
        "app.include_router(router)\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    endpoint = "fastapi_health.route.health.<locals>.endpoint"
    assert {(r.method, r.path, r.endpoint, r.all_dependencies) for r in graph.routes()} == {
        (
            "GET",
            "/health",
            endpoint,
            ("main.get_session", "main.is_database_online", "main.is_cache_online"),
        ),
        ("HEAD", "/live", endpoint, ("main.is_cache_online",)),
    }
    assert not graph.diagnostics


def test_an_offline_docs_app_is_an_app_serving_its_own_docs_pages(tmp_path: Path) -> None:
    """fastapi-offline's ``app = FastAPIOffline(...)`` builds a FastAPI app (every route was
    lost, a CI202 per call) that serves its docs pages itself, at the paths it is given,
    positionally too. Expected as fastapi-offline 1.7.7 serves it on FastAPI 0.165 (checked
    there; the tests do not install it)."""
    (tmp_path / "main.py").write_text(
        "from fastapi_offline import FastAPIOffline\n\n"
        "app = FastAPIOffline(title='svc')\n\n"
        "@app.get('/ping')\ndef ping() -> None: ...\n\n"
        "other = FastAPIOffline('/d', None, swagger_ui_oauth2_redirect_url='/d/oauth')\n"
        "bare = FastAPIOffline(docs_url=None)\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    pages = "fastapi_offline.core.FastAPIOffline.<locals>"
    assert {(r.app, r.path, r.endpoint) for r in graph.routes()} == {
        ("main.app", "/ping", "main.ping"),
        ("main.app", "/docs", f"{pages}.custom_swagger_ui_html"),
        ("main.app", "/docs/oauth2-redirect", f"{pages}.swagger_ui_redirect"),
        ("main.app", "/redoc", f"{pages}.redoc_html"),
        ("main.other", "/d", f"{pages}.custom_swagger_ui_html"),
        ("main.other", "/d/oauth", f"{pages}.swagger_ui_redirect"),
        ("main.bare", "/redoc", f"{pages}.redoc_html"),
    }
    assert not graph.diagnostics


def test_a_crud_router_serves_the_routes_fastapi_crudrouter_adds(tmp_path: Path) -> None:
    """fastapi-crudrouter's routers add up to six routes as they are built, under a prefix
    they make (a leading ``/``, lower case; the model's ``__tablename__`` or the schema's
    name when none is given): ``*_route=False`` leaves one out, a list gives it
    dependencies, SQLAlchemy's ask for ``db`` and the listing one for pagination. They were
    a CI202 with no route, and the project's own route on the router lost with them.
    Expected as fastapi-crudrouter 0.8.6 serves it on FastAPI 0.99 (checked there, routes and
    chains; it needs pydantic 1, which the tests do not install)."""
    (tmp_path / "db.py").write_text(
        "from sqlalchemy import Column, Integer\nfrom sqlalchemy.orm import declarative_base\n\n"
        "Base = declarative_base()\n\n"
        "class AirportModel(Base):\n    __tablename__ = 'airports'\n"
        "    id = Column(Integer, primary_key=True)\n\n"
        "def get_db(): ...\n"
    )
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, Depends, FastAPI\n"
        "from fastapi_crudrouter import MemoryCRUDRouter\n"
        "from fastapi_crudrouter import SQLAlchemyCRUDRouter as CRUDRouter\n"
        "from pydantic import BaseModel\n\n"
        "from db import AirportModel, get_db\n\n"
        "class Potato(BaseModel):\n    id: int\n\n"
        "def audit(): ...\n\n"
        "airports = CRUDRouter(\n"
        "    schema=Potato, db_model=AirportModel, db=get_db, prefix='Airport/',\n"
        "    delete_all_route=False, get_one_route=[Depends(audit)],\n"
        ")\n\n"
        "@airports.get('/stats/summary')\ndef stats(db=Depends(get_db)): ...\n\n"
        "tables = CRUDRouter(Potato, AirportModel, get_db, get_all_route=False,\n"
        "    create_route=False, delete_all_route=False, update_route=False,\n"
        "    delete_one_route=False)\n"
        "memory = MemoryCRUDRouter(schema=Potato)\n"
        "api = APIRouter(prefix='/api')\n"
        "for router in (airports, tables, memory):\n    api.include_router(router)\n"
        "app = FastAPI()\napp.include_router(api)\n"
    )
    routes = codeintel.analyze(tmp_path, cache=False).routes()
    crud = "fastapi_crudrouter.core"
    sql, mem = f"{crud}.sqlalchemy.SQLAlchemyCRUDRouter", f"{crud}.mem.MemoryCRUDRouter"
    paged = f"{crud}._utils.pagination_factory.<locals>.pagination"
    expected = {
        ("GET", "/api/airport", f"{sql}._get_all.<locals>.route", ("db.get_db", paged)),
        ("POST", "/api/airport", f"{sql}._create.<locals>.route", ("db.get_db",)),
        (
            "GET",
            "/api/airport/{item_id}",
            f"{sql}._get_one.<locals>.route",
            ("main.audit", "db.get_db"),
        ),
        ("PUT", "/api/airport/{item_id}", f"{sql}._update.<locals>.route", ("db.get_db",)),
        ("DELETE", "/api/airport/{item_id}", f"{sql}._delete_one.<locals>.route", ("db.get_db",)),
        ("GET", "/api/airport/stats/summary", "main.stats", ("db.get_db",)),
        ("GET", "/api/airports/{item_id}", f"{sql}._get_one.<locals>.route", ("db.get_db",)),
        *(
            (method, f"/api/potato{path}", f"{mem}._{name}.<locals>.route", tail)
            for name, method, path, tail in (
                ("get_all", "GET", "", (paged,)),
                ("create", "POST", "", ()),
                ("delete_all", "DELETE", "", ()),
                ("get_one", "GET", "/{item_id}", ()),
                ("update", "PUT", "/{item_id}", ()),
                ("delete_one", "DELETE", "/{item_id}", ()),
            )
        ),
    }
    assert {(r.method, r.path, r.endpoint, r.all_dependencies) for r in routes} == expected
    assert {r.app for r in routes} == {"main.app"}


def test_a_crud_routers_route_the_project_replaces_or_overrides_is_the_projects(
    tmp_path: Path,
) -> None:
    """A project route on a CRUD router at a method and path the library routed replaces
    that route (both were stated), and a subclass's ``_get_all`` builds the listing
    route's endpoint. Expected as fastapi-crudrouter 0.8.6 serves it on FastAPI 0.99."""
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\nfrom fastapi_crudrouter import MemoryCRUDRouter\n"
        "from pydantic import BaseModel\n\n"
        "class Potato(BaseModel):\n    id: int\n\n"
        "class MyRouter(MemoryCRUDRouter):\n"
        "    def _get_all(self, *args, **kwargs):\n"
        "        def route(): ...\n        return route\n\n"
        "router = MyRouter(schema=Potato, create_route=False, update_route=False,\n"
        "    delete_all_route=False)\n\n"
        "@router.delete('/{item_id}')\ndef my_delete(item_id: int): ...\n\n"
        "app = FastAPI()\napp.include_router(router)\n"
    )
    routes = codeintel.analyze(tmp_path, cache=False).routes()
    mem = "fastapi_crudrouter.core.mem.MemoryCRUDRouter"
    assert {(r.method, r.path, r.endpoint) for r in routes} == {
        ("GET", "/potato", "main.MyRouter._get_all.<locals>.route"),
        ("GET", "/potato/{item_id}", f"{mem}._get_one.<locals>.route"),
        ("DELETE", "/potato/{item_id}", "main.my_delete"),
    }


def test_a_versionizer_serves_the_apps_routes_again_per_version(tmp_path: Path) -> None:
    """fastapi-versionizer's ``Versionizer(app=app, ...).versionize()`` strips the app's
    routes and serves them again per version (its own paths were stated, which it no longer
    serves: opennem's 98 of 146 routes, without a word): each version an endpoint starts in,
    with every route of it or an earlier one at its method and path but those
    ``remove_in_major`` ends, and its docs; ``latest_prefix`` the last version's again. A
    route added after it keeps its path. Expected as fastapi-versionizer 4.0.2 serves it on
    FastAPI 0.115 (it fails on the FastAPI the tests run)."""
    (tmp_path / "users.py").write_text(
        "from fastapi import APIRouter\nfrom fastapi_versionizer import api_version\n\n"
        "router = APIRouter(prefix='/users')\n\n"
        "@router.get('')\ndef list_v1(): ...\n\n"
        "@api_version(2)\n@router.get('')\ndef list_v2(): ...\n\n"
        "@api_version(2)\n@router.post('')\ndef create(): ...\n\n"
        "@api_version(1, remove_in_major=2)\n@router.delete('/{user_id}')\n"
        "def delete(user_id: int): ...\n"
    )
    (tmp_path / "main.py").write_text(
        "import os\n\nfrom fastapi import FastAPI\nfrom fastapi_versionizer import Versionizer\n\n"
        "import users\n\n"
        "app = FastAPI(redoc_url=None)\napp.include_router(users.router)\n\n"
        "@app.get('/status')\ndef status(): ...\n\n"
        "versions = Versionizer(\n"
        "    app=app, prefix_format='/v{major}', latest_prefix='/latest'\n"
        ").versionize()\n\n"
        "@app.get('/health')\ndef health(): ...\n\n"
        "other = FastAPI()\n\n@other.get('/x')\ndef x(): ...\n\n"
        "Versionizer(other, prefix_format=os.environ['FORMAT']).versionize()\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    docs = "fastapi_versionizer.versionizer.Versionizer._add_version_docs.<locals>"
    pages = {"/openapi.json": "get_openapi", "/docs": "get_docs"}
    pages["/docs/oauth2-redirect"] = "get_oauth2_redirect"
    served = {
        ("DELETE", "/v1/users/{user_id}", "users.delete"),
        ("GET", "/v1/users", "users.list_v1"),
        ("GET", "/v2/users", "users.list_v2"),
        ("GET", "/latest/users", "users.list_v2"),
        ("POST", "/v2/users", "users.create"),
        ("POST", "/latest/users", "users.create"),
        *(("GET", f"/{v}/status", "main.status") for v in ("v1", "v2", "latest")),
        *(
            ("GET", f"/{v}{p}", f"{docs}.{e}")
            for v in ("v1", "v2", "latest")
            for p, e in pages.items()
        ),
        ("GET", "/health", "main.health"),
    }
    assert {(r.method, r.path, r.endpoint) for r in graph.routes() if r.app == "main.app"} == served
    assert [r.path for r in graph.routes() if r.app == "main.other"] == ["/x"]
    assert [(d.code, d.line) for d in graph.diagnostics] == [("CI202", 26)]


@pytest.mark.slow
def test_a_loop_over_chained_router_lists_includes_each(tmp_path: Path) -> None:
    """``for router in chain.from_iterable([[a], [b, c]])`` (PodPod's whole API),
    ``chain(CORE, [c])`` and ``sum([[a], [b, c]], [])``: each list's routers in turn (no
    route reached the app)."""
    (tmp_path / "main.py").write_text(
        "import itertools\n"
        "from itertools import chain\n\n"
        "from fastapi import APIRouter, FastAPI\n\n"
        "a, b, c = APIRouter(), APIRouter(), APIRouter()\n\n"
        "@a.get('/a')\ndef get_a() -> None: ...\n\n"
        "@b.get('/b')\ndef get_b() -> None: ...\n\n"
        "@c.get('/c')\ndef get_c() -> None: ...\n\n"
        "CORE = [a, b]\n"
        "app = FastAPI()\n"
        "for router in chain.from_iterable([[a], [b, c]]):\n"
        "    app.include_router(router, prefix='/nested')\n"
        "for router in itertools.chain(CORE, [c]):\n"
        "    app.include_router(router, prefix='/flat')\n"
        "for router in sum([[a], [b, c]], []):\n"
        "    app.include_router(router, prefix='/sum')\n"
    )
    ways = ("nested", "flat", "sum")
    _served_as_at_runtime(
        tmp_path,
        "main:app",
        {("GET", f"/{way}/{n}", f"main.get_{n}") for way in ways for n in "abc"},
    )


@pytest.mark.slow
def test_a_router_built_again_before_use_is_the_last_construction(tmp_path: Path) -> None:
    """``docs = APIRouter()`` then ``if ENV != "local": docs = APIRouter(prefix=...,
    dependencies=[...])`` (benavlabs' boilerplate and its copies), or a router built again
    plainly: the first construction was read alone, unconditionally (``/docs`` open, where
    the app serves ``/internal/docs`` behind its superuser check). A test not known leaves
    each construction under its side of it."""
    (tmp_path / "main.py").write_text(
        "import os\n\nfrom fastapi import APIRouter, Depends, FastAPI\n\n"
        "ENV = 'staging'\n\n"
        "def superuser(): ...\n\n"
        "docs = APIRouter()\n"
        "if ENV != 'local':\n"
        "    docs = APIRouter(prefix='/internal', dependencies=[Depends(superuser)])\n\n"
        "@docs.get('/docs')\ndef get_docs(): ...\n\n"
        "plain = APIRouter(prefix='/g')\nplain = APIRouter(prefix='/h')\n\n"
        "@plain.get('/x')\ndef x(): ...\n\n"
        "maybe = APIRouter(prefix='/c')\n"
        "if os.getenv('USE_D'):\n    maybe = APIRouter(prefix='/d')\n\n"
        "@maybe.get('/y')\ndef y(): ...\n\n"
        "app = FastAPI()\n"
        "for router in (docs, plain, maybe):\n    app.include_router(router)\n"
    )
    routes = codeintel.analyze(tmp_path, cache=False).routes()
    test = "os.getenv('USE_D')"
    assert {(r.path, r.all_dependencies, r.conditions) for r in routes} == {
        ("/internal/docs", ("main.superuser",), ()),
        ("/h/x", (), ()),
        ("/c/y", (), (f"not ({test})",)),
        ("/d/y", (), (test,)),
    }
    served = {path for _, path, _ in runtime_routes(tmp_path, "main:app")}
    assert {r.path for r in routes if not r.conditions} <= served
    assert served <= {r.path for r in routes}


@pytest.mark.slow
def test_what_follows_a_loop_a_return_can_leave_runs_only_when_none_did(tmp_path: Path) -> None:
    """``for r in routers: if r is last: return`` in a helper: the includes after the loop
    run only when no item returned (``/c`` was stated, unconditionally); a loop with no
    ``return`` leaves what follows it as it was."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "a, b, c = APIRouter(), APIRouter(), APIRouter()\n\n"
        "@a.get('/a')\ndef get_a() -> None: ...\n\n"
        "@b.get('/b')\ndef get_b() -> None: ...\n\n"
        "@c.get('/c')\ndef get_c() -> None: ...\n\n"
        "def setup(app: FastAPI) -> None:\n"
        "    for r in [a, b]:\n"
        "        if r is b:\n"
        "            return\n"
        "        app.include_router(r)\n"
        "    app.include_router(c)\n\n"
        "def plain(app: FastAPI) -> None:\n"
        "    for r in [a]:\n"
        "        app.include_router(r, prefix='/plain')\n"
        "    app.include_router(c, prefix='/plain')\n\n"
        "app = FastAPI()\nsetup(app)\nplain(app)\n"
    )
    routes = codeintel.analyze(tmp_path, cache=False).routes()
    ended = ("for r in [a, b] ran to its end",)
    assert {(r.path, r.conditions) for r in routes if r.path.endswith("c")} == {
        ("/c", ended),
        ("/plain/c", ()),
    }
    served = {path for _, path, _ in runtime_routes(tmp_path, "main:app")}
    assert {r.path for r in routes if r.app and not r.conditions} <= served
    assert served <= {r.path for r in routes if r.app}


@pytest.mark.slow
def test_an_instrumentators_expose_serves_its_metrics_route(tmp_path: Path) -> None:
    """prometheus-fastapi-instrumentator's ``expose(app)`` declares ``GET /metrics`` (or its
    ``endpoint=``) on the app, through ``instrument(app)`` chained or an instance held by a
    variable, in a helper given the app too, or kept in a variable (alerce's, to ``add``
    metrics later): it was missing, without a word."""
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\n"
        "from prometheus_fastapi_instrumentator import Instrumentator\n\n"
        "app = FastAPI()\n\n"
        "@app.get('/healthz')\ndef healthz() -> None: ...\n\n"
        "Instrumentator(excluded_handlers=['/metrics']).instrument(app).expose(\n"
        "    app, include_in_schema=False,\n)\n\n"
        "def observe(target: FastAPI) -> None:\n"
        "    instrumentator = Instrumentator()\n"
        "    instrumentator.add(lambda info: None).instrument(target)\n"
        "    instrumentator.expose(target, endpoint='/internal/metrics')\n\n"
        "observe(app)\n"
        "kept = Instrumentator().instrument(app).expose(app, endpoint='/kept')\n"
    )
    metrics = (
        "prometheus_fastapi_instrumentator.instrumentation.PrometheusFastApiInstrumentator"
        ".expose.<locals>.metrics"
    )
    _served_as_at_runtime(
        tmp_path,
        "main:app",
        {
            ("GET", "/healthz", "main.healthz"),
            ("GET", "/metrics", metrics),
            ("GET", "/internal/metrics", metrics),
            ("GET", "/kept", metrics),
        },
    )


@pytest.mark.slow
def test_a_setting_a_plain_classs_init_sets_is_what_it_sets(tmp_path: Path) -> None:
    """PratikoAi's ``class Settings`` setting ``self.API_V1_STR = os.getenv("API_V1_STR",
    "/api/v1")`` in ``__init__``, and ``settings = Settings()``: the prefix is what the
    ``__init__`` sets (a placeholder on 284 routes); one set again by another method, from
    the ``__init__``'s own locals, grown with ``+=``, or set on the instance from outside
    (``settings.LATER = ...``), stays unknown."""
    (tmp_path / "config.py").write_text(
        "import os\n\n"
        "class Settings:\n"
        "    def __init__(self, debug: bool = False) -> None:\n"
        "        self.API_V1_STR = os.getenv('API_V1_STR', '/api/v1')\n"
        "        self.ADMIN = '/admin' if debug else '/staff'\n"
        "        self.OTHER = '/other'\n"
        "        self.GROWN = '/api'\n"
        "        self.GROWN += '/v2'\n"
        "        self.LATER = '/later'\n\n"
        "    def reset(self) -> None:\n"
        "        self.OTHER = '/reset'\n"
        "        setattr(self, 'UNRELATED', '/x')\n\n"
        "settings = Settings()\n"
    )
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "from config import settings\n\n"
        "settings.LATER = '/changed'\n\n"
        "router = APIRouter()\n\n"
        "@router.get('/items')\ndef items() -> None: ...\n\n"
        "app = FastAPI()\n"
        "app.include_router(router, prefix=settings.API_V1_STR)\n"
        "app.include_router(router, prefix=settings.ADMIN)\n"
        "app.include_router(router, prefix=settings.OTHER)\n"
        "app.include_router(router, prefix=settings.GROWN)\n"
        "app.include_router(router, prefix=settings.LATER)\n"
    )
    routes = codeintel.analyze(tmp_path, cache=False).routes()
    unknown = ("ADMIN", "OTHER", "GROWN", "LATER")
    assert {(r.path, r.resolved) for r in routes} == {
        ("/api/v1/items", True),
        *((f"<?settings.{name}>/items", False) for name in unknown),
    }
    served = {path for _, path, _ in runtime_routes(tmp_path, "main:app")}
    assert {r.path for r in routes if r.resolved} <= served


@pytest.mark.slow
def test_a_prefix_a_method_of_an_instance_returns_is_what_it_returns(tmp_path: Path) -> None:
    """``prefix=config.prefix("v1")`` of ``def prefix(self, version): return
    f"{self.base}/{version}"``, a subclass's override, and ``self.root =
    self._load_root()`` in ``__init__``: what the method returns on that instance, as a
    function's return is read (each was a placeholder)."""
    (tmp_path / "main.py").write_text(
        "import os\n\n"
        "from fastapi import APIRouter, FastAPI\n\n"
        "class Config:\n"
        "    base = '/api'\n\n"
        "    def __init__(self):\n"
        "        self.root = self._load_root()\n\n"
        "    def _load_root(self):\n"
        "        return os.environ.get('ROOT_PATH', '/root')\n\n"
        "    def prefix(self, version):\n"
        "        return f'{self.base}/{version}'\n\n"
        "class Sub(Config):\n"
        "    base = '/sub'\n\n"
        "    def _load_root(self):\n"
        "        return '/subroot'\n\n"
        "config = Config()\nsub = Sub()\nrouter = APIRouter()\n\n"
        "@router.get('/health')\ndef health(): ...\n\n"
        "app = FastAPI()\n"
        "app.include_router(router, prefix=config.prefix('v1'))\n"
        "app.include_router(router, prefix=sub.prefix('v2'))\n"
        "app.include_router(router, prefix=config.root)\n"
        "app.include_router(router, prefix=sub.root)\n"
    )
    paths = ("/api/v1/health", "/sub/v2/health", "/root/health", "/subroot/health")
    _served_as_at_runtime(tmp_path, "main:app", {("GET", p, "main.health") for p in paths})


@pytest.mark.slow
def test_a_field_of_settings_an_init_keeps_is_the_passed_settings_field(tmp_path: Path) -> None:
    """kwik's ``Application(settings=...)`` keeping ``self.settings = settings`` and
    including its router with ``prefix=self.settings.API_V1_STR`` in a builder method: the
    field of the settings passed (a placeholder on all 42 of its routes)."""
    (tmp_path / "application.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "class Application:\n"
        "    def __init__(self, *, settings, api_router: APIRouter) -> None:\n"
        "        self.settings = settings\n"
        "        self.app = self._build(api_router)\n\n"
        "    def _build(self, api_router: APIRouter) -> FastAPI:\n"
        "        app = FastAPI()\n"
        "        app.include_router(api_router, prefix=self.settings.API_V1_STR)\n"
        "        return app\n"
    )
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter\n\n"
        "from application import Application\n\n"
        "class Settings:\n    API_V1_STR = '/api/v1'\n\n"
        "router = APIRouter(prefix='/users')\n\n"
        "@router.get('/')\ndef read_users() -> None: ...\n\n"
        "app = Application(settings=Settings(), api_router=router).app\n"
    )
    routes = codeintel.analyze(tmp_path, cache=False).routes()
    static = {(r.method, r.path, r.endpoint) for r in routes}
    assert static == {("GET", "/api/v1/users/", "main.read_users")}
    assert static == runtime_routes(tmp_path, "main:app")


def test_an_instrumentator_respecting_the_environment_exposes_under_a_condition(
    tmp_path: Path,
) -> None:
    """``Instrumentator(should_respect_env_var=True)`` exposes nothing unless its variable
    is set (``ENABLE_METRICS``): the metrics route is under that condition."""
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\n"
        "from prometheus_fastapi_instrumentator import Instrumentator\n\n"
        "app = FastAPI()\n"
        "Instrumentator(should_respect_env_var=True).instrument(app).expose(app)\n"
    )
    routes = codeintel.analyze(tmp_path, cache=False).routes()
    made = "Instrumentator(should_respect_env_var=True)"
    assert [(r.path, r.conditions) for r in routes] == [("/metrics", (f"{made}: metrics enabled",))]


@pytest.mark.slow
def test_options_a_function_returns_as_a_dict_are_spread_into_the_call(tmp_path: Path) -> None:
    """parlant's ``@router.post("", **apigen_config(group_name=...))``: the one dict literal
    a project function returns, with the call's arguments, is what ``**`` passes (71
    CI202s there); ``methods`` given so is read."""
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\n\n"
        "def options(method: str, group: str) -> dict:\n"
        "    return {'methods': [method], 'openapi_extra': {'x-group': group}}\n\n"
        "def handler() -> None: ...\n\n"
        "app = FastAPI()\n"
        "app.add_api_route('/x', handler, **options('POST', group='agents'))\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    static = {(r.method, r.path, r.endpoint) for r in graph.routes()}
    assert static == {("POST", "/x", "main.handler")} == runtime_routes(tmp_path, "main:app")
    assert [d.code for d in graph.diagnostics if d.code.startswith("CI2")] == []


@pytest.mark.slow
def test_modules_a_tests_package_of_the_app_imports_serve_their_routes(tmp_path: Path) -> None:
    """crawlhub keeps debug routers in ``routers/tests/``, a package named like tests that
    the app imports: what that package imports in turn serves too (5 routes were lost)."""
    debug = tmp_path / "app" / "routers" / "tests"
    debug.mkdir(parents=True)
    for folder in (tmp_path / "app", tmp_path / "app" / "routers"):
        (folder / "__init__.py").write_text("")
    (debug / "__init__.py").write_text(
        "from fastapi import APIRouter\nfrom .es import router as es_router\n\n"
        "router = APIRouter(prefix='/tests')\nrouter.include_router(es_router)\n"
    )
    (debug / "es.py").write_text(
        "from fastapi import APIRouter\n\nrouter = APIRouter(prefix='/es')\n\n"
        "@router.get('/index')\ndef index() -> None: ...\n"
    )
    (tmp_path / "app" / "main.py").write_text(
        "from fastapi import FastAPI\nfrom app.routers import tests\n\n"
        "app = FastAPI()\napp.include_router(tests.router)\n"
    )
    static = _operations(tmp_path, "app.main.app")
    assert static == {("GET", "/tests/es/index", "app.routers.tests.es.index")}
    assert static == runtime_routes(tmp_path, "app.main:app")


@pytest.mark.slow
def test_a_router_read_from_a_list_by_its_index(tmp_path: Path) -> None:
    """emmet's ``routers[0]`` and ``first = routers[1]`` of a list literal nothing changes:
    the router at that index (a CI202 before); after ``routers.pop(0)`` it is unknown."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "core = APIRouter()\nbonds = APIRouter()\nspare = APIRouter()\n\n"
        "@core.get('/core')\ndef core_search() -> None: ...\n\n"
        "@bonds.get('/bonds')\ndef bonds_search() -> None: ...\n\n"
        "routers = [core, bonds]\nfirst = routers[1]\n"
        "popped = [spare, core]\npopped.pop(0)\n\n"
        "app = FastAPI()\napp.include_router(routers[0], prefix='/m')\n"
        "app.include_router(first, prefix='/m')\napp.include_router(popped[0], prefix='/p')\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    static = {(r.method, r.path, r.endpoint) for r in graph.routes() if r.app == "main.app"}
    assert static == {
        ("GET", "/m/core", "main.core_search"),
        ("GET", "/m/bonds", "main.bonds_search"),
    }
    assert static | {("GET", "/p/core", "main.core_search")} == runtime_routes(tmp_path, "main:app")
    assert [(d.code, d.line) for d in graph.diagnostics] == [("CI202", 21)]


_HANDED_VERBS = """
import functools
import inspect
import sys

from fastapi import APIRouter, FastAPI, Security
from fastapi.security import HTTPBasic, OAuth2PasswordBearer

bearer = OAuth2PasswordBearer(tokenUrl="/token", auto_error=False)


def requires(scopes):
    def decorator(func):
        if inspect.iscoroutinefunction(func):

            @functools.wraps(func)
            async def async_wrapper(*args, **kwargs):
                return await func(*args, **kwargs)

            return async_wrapper

        @functools.wraps(func)
        def sync_wrapper(*args, **kwargs):
            return func(*args, **kwargs)

        return sync_wrapper

    return decorator


def protected_route(method, path, scopes=None, **kwargs):
    def decorator(func):
        fn = requires(scopes or [])(func)
        dependencies = [Security(bearer, scopes=scopes or []), Security(HTTPBasic())]
        return method(path, dependencies=dependencies, **kwargs)(fn)

    return decorator


def star_route(method, *args, **kwargs):
    def decorator(func):
        fn = requires([])(func)
        return method(*args, dependencies=[Security(bearer)], **kwargs)(fn)

    return decorator


router = APIRouter(prefix="/items")


@protected_route(router.get, "", ["items.read"])
async def list_items() -> list[str]:
    return []


@protected_route(router.post, "/{item_id}", ["items.write"], status_code=201)
async def create_item(item_id: int) -> dict[str, str]:
    return {}


@star_route(router.get, "/star")
async def star() -> None: ...


app = FastAPI()
app.include_router(router, prefix="/api")
"""


@pytest.mark.slow
def test_a_decorator_handed_a_verb_and_a_path_declares_its_route(tmp_path: Path) -> None:
    """RomM's ``@protected_route(router.get, "", scopes)`` (199 uses): the verb applied, with
    the path it names and the dependencies it adds, to a ``functools.wraps`` wrapper of the
    function (398 of 430 routes were missing, silently)."""
    (tmp_path / "main.py").write_text(_HANDED_VERBS)
    routes = codeintel.analyze(tmp_path, cache=False).routes()
    static = {(r.method, r.path, r.endpoint) for r in routes}
    assert static == runtime_routes(tmp_path, "main:app")
    assert {f"{r.method} {r.path}": list(r.all_dependencies) for r in routes} == oracle(
        "runtime_dependencies.py", tmp_path, "--routes", "main:app"
    )
    assert {r.path: r.status_code for r in routes if r.method == "POST"} == {
        "/api/items/{item_id}": 201
    }


def test_an_attribute_bound_from_itself_ends_its_lookup(tmp_path: Path) -> None:
    """datajunction's ``self.name = self.name.name`` in a dataclass's ``__post_init__``,
    read as ``self.name.name`` elsewhere: the class of ``name`` asked of itself ran until
    Python's recursion limit, a CI900 that dropped all 383 routes."""
    (tmp_path / "nodes.py").write_text(
        "from dataclasses import dataclass\n\n"
        "@dataclass\nclass Name:\n    name: str\n\n"
        "    def __post_init__(self):\n"
        "        if isinstance(self.name, Name):\n            self.name = self.name.name\n\n"
        "STAR = Name('*')\n\n"
        "@dataclass\nclass Function:\n    name: Name\n\n"
        "    def upper(self):\n        return self.name.name.upper()\n"
    )
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\nfrom nodes import STAR\n\napp = FastAPI()\n\n"
        "@app.get('/star')\ndef star():\n    return STAR.name\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    assert [(r.path, r.app) for r in graph.routes()] == [("/star", "main.app")]
    assert [d.code for d in graph.diagnostics if d.code == "CI900"] == []


def test_a_comprehension_over_the_name_it_rebinds_ends_its_reading(tmp_path: Path) -> None:
    """deepchecks' ``versions = [v for v in versions if v]`` in a function, then a loop
    over ``versions``: the comprehension's source, read as the comprehension again, ran to
    Python's recursion limit, a CI900 that dropped all 118 routes. ``sorted(...)`` of a
    generator and a name unpacked first alike."""
    (tmp_path / "logic.py").write_text(
        "def run(versions):\n"
        "    versions = [v for v in versions if v]\n"
        "    for v in versions:\n        print(v)\n\n"
        "def run2(names):\n"
        "    names = sorted(n for n in names)\n"
        "    for n in names:\n        print(n)\n\n"
        "def run3(f):\n"
        "    a, xs = f()\n"
        "    xs = [x for x in xs]\n"
        "    for x in xs:\n        print(x)\n"
    )
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\nfrom logic import run\n\napp = FastAPI()\n\n"
        "@app.get('/ping')\ndef ping():\n    run([1, 0, 2])\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    assert [(r.path, r.app) for r in graph.routes()] == [("/ping", "main.app")]
    assert [d.code for d in graph.diagnostics if d.code == "CI900"] == []


def test_a_bug_on_one_statement_costs_only_what_that_statement_adds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One include whose reading raises (as deepchecks' comprehension did, to the recursion
    limit) is a CI901 at that statement: the other include still serves its routes, and the
    router it would have included keeps its own, with no app (the whole route stage was a
    CI900 with no route at all)."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "a = APIRouter(prefix='/a')\nb = APIRouter(prefix='/b')\n\n"
        "@a.get('/x')\ndef x() -> None: ...\n\n"
        "@b.get('/y')\ndef y() -> None: ...\n\n"
        "app = FastAPI()\napp.include_router(a)\napp.include_router(b)\n"
    )
    reads = route_stage._Builder._statements

    def failing(builder: object, module: str, file: str, call: object) -> None:
        if getattr(call, "line", 0) == 14:
            raise RecursionError("maximum recursion depth exceeded")
        reads(builder, module, file, call)  # type: ignore[arg-type]

    monkeypatch.setattr(route_stage._Builder, "_statements", failing)
    graph = codeintel.analyze(tmp_path, cache=False)
    assert {(r.path, r.app) for r in graph.routes()} == {("/a/x", "main.app"), ("/b/y", None)}
    assert [(d.code, d.file, d.line) for d in graph.diagnostics] == [("CI901", "main.py", 14)]


def test_a_fallback_class_under_except_does_not_hide_the_import(tmp_path: Path) -> None:
    """``from typing import Annotated`` in a ``try:``, a stand-in class under ``except
    ImportError:`` (gpt4free): the import is what runs, so ``Annotated[..., Depends(f)]``
    asks for ``f``, as FastAPI sees it."""
    (tmp_path / "main.py").write_text(
        "from fastapi import Depends, FastAPI\n"
        "try:\n    from typing import Annotated\n"
        "except ImportError:\n    class Annotated:\n        pass\n\n\n"
        "def get_user() -> str:\n    return 'u'\n\n\n"
        "app = FastAPI()\n\n\n"
        "@app.get('/me')\n"
        "def me(user: Annotated[str, Depends(get_user)]) -> str:\n    return user\n"
    )
    [route] = codeintel.analyze(tmp_path, cache=False).routes()
    assert route.dependencies == ("main.get_user",)


def test_modules_imported_by_name_in_a_listing_are_imported(fixtures: Path) -> None:
    """``import_module(f"{__name__}.{path.stem}")`` over a folder's files imports each one as
    surely as an ``import`` statement: what they declare is served unconditionally."""
    routes = codeintel.analyze(fixtures / "routers_in_loops").routes()
    registered = {r.path: r.conditions for r in routes if r.path.startswith("/registered/")}
    assert registered == {"/registered/notes": (), "/registered/tasks": ()}


def test_loops_over_a_grown_list_a_range_and_an_enum(fixtures: Path) -> None:
    """A list grown by ``+=`` keeps what ``.extend`` adds after; ``range(1, 3)`` and an enum's
    members (not its alias) are known items, each a route of its own."""
    routes = codeintel.analyze(fixtures / "routers_in_loops").routes()
    found = {r.path for r in routes if r.path.split("/")[1] in _GROWN_PARTS}
    assert found == {
        "/grown/flows",
        "/grown/runs",
        "/grown/mapped",
        "/ranged/1/flows",
        "/ranged/2/flows",
        "/stable/runs",
        "/beta/runs",
        "/major/1/mapped",
        "/major/2/mapped",
    }


_GROWN_PARTS = {"grown", "ranged", "stable", "beta", "current", "major"}


def test_a_list_functions_fill_at_import_holds_what_they_append(fixtures: Path) -> None:
    """``discover()`` walking ``pkg.__path__`` (``pkg`` a local holding the package) and
    ``add_core()``, each appending to the module's list as the module runs."""
    routes = codeintel.analyze(fixtures / "routers_in_loops").routes()
    found = {(r.path, r.conditions) for r in routes if r.path.startswith("/appended/")}
    assert found == {
        ("/appended/epsilon", ()),
        ("/appended/zeta", ()),
        ("/appended/flows", ()),
    }


def test_a_generator_listing_a_named_packages_folder_yields_its_modules(fixtures: Path) -> None:
    routes = codeintel.analyze(fixtures / "routers_in_loops").routes()
    found = {(r.method, r.path) for r in routes if r.path.startswith("/generated/")}
    assert found == {("GET", "/generated/epsilon"), ("PUT", "/generated/zeta")}


def test_plugins_of_a_namespace_package_walked_by_a_project_function(fixtures: Path) -> None:
    routes = codeintel.analyze(fixtures / "routers_in_loops").routes()
    found = {(r.path, r.conditions) for r in routes if r.path.startswith("/ns/")}
    assert found == {("/ns/one", ()), ("/ns/two", ())}


def test_an_include_called_through_a_name_in_a_loop_unpacking_tuples(fixtures: Path) -> None:
    routes = codeintel.analyze(fixtures / "routers_in_loops").routes()
    found = {r.path for r in routes if r.path.startswith("/unpacked/")}
    assert found == {"/unpacked/first/flows", "/unpacked/second/runs", "/unpacked/mapped"}


def test_mounts_given_in_routes_serve_their_apps(fixtures: Path) -> None:
    """``FastAPI(routes=[Mount("/reports", app=reports)])`` serves the sub-app's routes under
    the path, as ``app.mount`` does, ``Mount("/copied", routes=tools.routes)`` the
    router's, and ``app.routes.append(Mount("/archive", app=archive))`` the sub-app's; a
    router's own ``Mount`` is never included (CI206)."""
    graph = codeintel.analyze(fixtures / "routers_via_functions")
    served = {r.path for r in graph.routes() if r.app == "shop.composed.app"}
    mounted = {"/reports/daily", "/status/ok", "/copied/tools/run", "/archive/old"}
    assert served == {*mounted, "/shelf"}
    never = [d for d in graph.diagnostics if d.file == "shop/composed.py"]
    assert [(d.code, d.line) for d in never] == [("CI206", 30)]
    # a Starlette app mounting FastAPI apps is the app that serves them
    starlette = {r.path for r in graph.routes() if r.app == "shop.starlette_root.app"}
    assert starlette == {"/api/items", "/internal/api/run"}


def test_route_details(registry: codeintel.CodeGraph) -> None:
    routes = {(r.method, r.path): r for r in registry.routes()}
    create = routes["POST", "/api/v1/agents/"]
    assert create.file == "registry/api/agents.py"
    assert create.line == 17
    assert create.status_code == 201
    assert create.tags == ("agents",)
    assert create.body == "registry.schemas.agent.AgentCreate"
    assert create.response_model == "registry.schemas.agent.AgentRead"
    # router-level dependencies come before the endpoint's own, as FastAPI runs them
    assert create.dependencies == (
        "registry.api.dependencies.require_api_key",
        "registry.api.dependencies.get_agent_service",
    )
    assert create.includes == ("registry/main.py:18",)
    listing = routes["GET", "/api/v1/servers"]
    assert listing.response_model == "list[registry.schemas.server.ServerRead]"
    assert listing.body is None
    assert routes["DELETE", "/api/v1/servers/{server_id}"].status_code == 204


def test_route_graph_edges(registry: codeintel.CodeGraph) -> None:
    graph = registry.graph
    node = "route:GET /api/v1/servers/{server_id}"
    out = {(v, k) for _, v, k in graph.out_edges(node, keys=True)}
    assert out == {
        ("symbol:registry.api.servers.get_server", "handles"),
        ("symbol:registry.api.dependencies.get_server_service", "depends_on"),
        ("symbol:registry.schemas.server.ServerRead", "uses_schema"),
    }


def test_a_factory_app_is_served_under_the_name_bound_to_the_factory(tmp_path: Path) -> None:
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "router = APIRouter(prefix='/items')\n\n\n"
        "@router.get('/')\n"
        "def list_items() -> list[int]:\n    return []\n\n\n"
        "def create_app() -> FastAPI:\n"
        "    application = FastAPI()\n"
        "    application.include_router(router, prefix='/api')\n"
        "    return application\n\n\n"
        "app = create_app()\n"
    )
    [route] = codeintel.analyze(tmp_path).routes()
    assert route.app == "main.app"
    assert {(route.method, route.path, route.endpoint)} == runtime_routes(tmp_path, "main:app")


def test_an_endpoint_defined_in_each_branch_has_each_branchs_parameters(tmp_path: Path) -> None:
    """keep's metrics route: one name defined under ``if`` and under ``else``, only the second
    with a ``Depends``: each route reads its own ``def``, not the first of that name."""
    (tmp_path / "main.py").write_text(
        "import os\n\nfrom fastapi import Depends, FastAPI\n\n"
        "app = FastAPI()\n\n\n"
        "def verify() -> None:\n    pass\n\n\n"
        "if os.environ.get('NO_AUTH'):\n\n"
        "    @app.get('/processing')\n"
        "    def processing() -> None:\n        pass\n\n"
        "else:\n\n"
        "    @app.get('/processing')\n"
        "    def processing(user: None = Depends(verify)) -> None:\n        pass\n"
    )
    routes = codeintel.analyze(tmp_path, cache=False).routes()
    assert [(r.line, r.dependencies) for r in routes] == [(14, ()), (20, ("main.verify",))]


def test_an_app_a_project_method_makes_that_cannot_be_followed_is_reported(
    tmp_path: Path,
) -> None:
    """airflow mounts ``am.get_fastapi_app()`` of a manager class named by configuration: no
    static answer, so a CI202 at the mount; a third party's app (StaticFiles) is none."""
    (tmp_path / "main.py").write_text(
        "import importlib\n\nfrom fastapi import FastAPI\n"
        "from fastapi.staticfiles import StaticFiles\n\n\n"
        "class Base:\n    def get_app(self) -> FastAPI | None:\n        return None\n\n\n"
        "def configured() -> Base:\n"
        "    return getattr(importlib.import_module('plugins'), 'Manager')()\n\n\n"
        "app = FastAPI()\n"
        "if sub := configured().get_app():\n"
        "    app.mount('/auth', sub)\n"
        "app.mount('/static', StaticFiles(directory='.'))\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    assert [(d.code, d.line, d.message) for d in graph.diagnostics] == [
        ("CI202", 18, "cannot tell which app sub is")
    ]


def test_app_dependencies_chosen_by_a_factorys_flag_follow_its_calls(tmp_path: Path) -> None:
    """frigate's ``FastAPI(dependencies=[Depends(admin)] if enforce_admin else [])``: the
    branch the factory's calls take (a literal argument or the literal default)."""
    (tmp_path / "main.py").write_text(
        "from fastapi import Depends, FastAPI\n\n\n"
        "def admin() -> None:\n    pass\n\n\n"
        "def create_app(enforce_admin: bool = True) -> FastAPI:\n"
        "    app = FastAPI(dependencies=[Depends(admin)] if enforce_admin else [])\n\n"
        "    @app.get('/login')\n"
        "    def login() -> None:\n        pass\n\n"
        "    return app\n\n\n"
        "def create_open(enforce_admin: bool = True) -> FastAPI:\n"
        "    app = FastAPI(dependencies=[Depends(admin)] if enforce_admin else [])\n\n"
        "    @app.get('/open')\n"
        "    def open_page() -> None:\n        pass\n\n"
        "    return app\n\n\n"
        "app = create_app()\nopen_app = create_open(enforce_admin=False)\n"
    )
    routes = codeintel.analyze(tmp_path, cache=False).routes()
    assert {(r.path, r.dependencies) for r in routes} == {
        ("/login", ("main.admin",)),
        ("/open", ()),
    }


def test_a_test_the_app_itself_is_built_under_is_no_condition_of_its_routes(
    tmp_path: Path,
) -> None:
    """mem0 raises before ``app = FastAPI()`` unless a secret is set: the app's routes exist
    whenever the app does, so that test is none of their conditions."""
    (tmp_path / "main.py").write_text(
        "import os\n\nfrom fastapi import FastAPI\n\n"
        "if not os.environ.get('SECRET'):\n    raise RuntimeError('SECRET is required')\n\n"
        "app = FastAPI()\n\n\n"
        "@app.get('/items')\ndef items() -> list[int]:\n    return []\n\n\n"
        "if os.environ.get('ADMIN'):\n\n"
        "    @app.get('/admin')\n    def admin() -> None:\n        pass\n"
    )
    routes = codeintel.analyze(tmp_path, cache=False).routes()
    assert {(r.path, r.conditions) for r in routes} == {
        ("/items", ()),
        ("/admin", ("os.environ.get('ADMIN')",)),
    }


def _served_as_at_runtime(
    project: Path, spec: str, expected: set[tuple[str, str, str]], app: str | None = None
) -> None:
    """The routes found (of ``app``, when named) are ``expected``, with no diagnostic, and
    are what FastAPI serves for ``spec``."""
    graph = codeintel.analyze(project, cache=False)
    static = {(r.method, r.path, r.endpoint) for r in graph.routes() if app in (None, r.app)}
    assert static == expected
    assert not graph.diagnostics
    assert static == runtime_routes(project, spec)


def _chains_as_at_runtime(
    project: Path, expected: dict[str, list[str]], *, clean: bool = False
) -> None:
    """Each route's ``Depends`` chain (``"METHOD /path"``) is ``expected``, and is the one
    FastAPI solves for ``main:app``; ``clean``: with no diagnostic either."""
    graph = codeintel.analyze(project, cache=False)
    static = {f"{r.method} {r.path}": list(r.all_dependencies) for r in graph.routes()}
    assert static == expected
    assert oracle("runtime_dependencies.py", project, "--routes", "main:app") == static
    if clean:
        assert not graph.diagnostics


@pytest.mark.slow
def test_a_partial_given_to_depends_in_place_asks_for_what_its_function_does(
    tmp_path: Path,
) -> None:
    """``Depends(partial(check_role, "admin"))``: FastAPI solves the function's parameters
    the partial leaves unbound (``get_user`` and its own), and names the object
    ``functools.partial()`` (two of them, one name); it was one placeholder, the auth chain
    under it lost."""
    (tmp_path / "deps.py").write_text(
        "from fastapi import Depends, Header\n\n"
        "def get_db(): ...\n\n"
        "def get_token(authorization: str = Header('')): ...\n\n"
        "def get_user(token: str = Depends(get_token), db=Depends(get_db)): ...\n\n"
        "def check_role(role: str, user: str = Depends(get_user)): ...\n\n"
        "def check_scope(scope: str, db=Depends(get_db)): ...\n"
    )
    (tmp_path / "main.py").write_text(
        "from functools import partial\n\nfrom fastapi import Depends, FastAPI\n\n"
        "from deps import check_role, check_scope\n\n"
        "app = FastAPI()\n\n"
        "@app.get('/admin', dependencies=[Depends(partial(check_role, 'admin'))])\n"
        "def admin(): ...\n\n"
        "@app.get('/reader')\n"
        "def reader(ok=Depends(partial(check_role, role='reader')),\n"
        "           s=Depends(partial(check_scope, 'read'))): ...\n"
    )
    user = ["deps.get_token", "deps.get_db", "deps.get_user", "functools.partial()"]
    _chains_as_at_runtime(tmp_path, {"GET /admin": user, "GET /reader": user})


@pytest.mark.slow
def test_a_decorator_making_a_depends_maker_depends_on_the_function(tmp_path: Path) -> None:
    """ACS's ``@depend def current_user(db=Depends(get_db))`` with ``def depend(func): def
    wrapper(): return Depends(func); return wrapper`` (``functools.wraps`` or not), and
    ``user=current_user()``: the call depends on the function decorated (its chain was
    empty, without a word)."""
    (tmp_path / "main.py").write_text(
        "import functools\n\nfrom fastapi import Depends, FastAPI\n\n"
        "def depend(func):\n"
        "    def wrapper():\n        return Depends(func)\n"
        "    return wrapper\n\n"
        "def wrapped(func):\n"
        "    @functools.wraps(func)\n"
        "    def wrapper():\n        return Depends(func)\n"
        "    return wrapper\n\n"
        "def get_db(): ...\n\n"
        "@depend\ndef current_user(db=Depends(get_db)): ...\n\n"
        "@wrapped\ndef current_admin(db=Depends(get_db)): ...\n\n"
        "app = FastAPI()\n\n"
        "@app.get('/a')\ndef a(user=current_user()): ...\n\n"
        "@app.get('/b')\ndef b(user=current_admin()): ...\n"
    )
    _chains_as_at_runtime(
        tmp_path,
        {
            "GET /a": ["main.get_db", "main.current_user"],
            "GET /b": ["main.get_db", "main.current_admin"],
        },
    )


@pytest.mark.slow
def test_a_depends_factory_past_a_raise_guard_and_a_local_test_is_chosen(
    tmp_path: Path,
) -> None:
    """tracecat's ``RoleACL(allow_user=True, require_workspace="yes")``: the ``return
    Depends(...)`` its literal flags pick, past ``if not any((a, b)): raise`` (the call
    returns only when it does not fire) and a local test of its parameters (``only = a and
    not b``); 658 of its 735 chains were placeholders."""
    (tmp_path / "main.py").write_text(
        "from fastapi import Depends, FastAPI\n\n"
        "def session(): ...\n\n"
        "def RoleACL(*, allow_user=True, allow_service=False, workspace='yes'):\n"
        "    if not any((allow_user, allow_service)):\n"
        "        raise ValueError('allow someone')\n"
        "    service_only = allow_service and not allow_user\n"
        "    if service_only and workspace == 'yes':\n"
        "        def service(s=Depends(session)): ...\n"
        "        return Depends(service)\n"
        "    if workspace == 'yes':\n"
        "        def user(s=Depends(session)): ...\n"
        "        return Depends(user)\n"
        "    def org(): ...\n"
        "    return Depends(org)\n\n"
        "app = FastAPI()\n\n"
        "@app.get('/cases')\ndef cases(role=RoleACL(allow_user=True)): ...\n\n"
        "@app.get('/org')\ndef org_route(role=RoleACL(workspace='no')): ...\n\n"
        "@app.post('/internal')\n"
        "def internal(role=RoleACL(allow_user=False, allow_service=True)): ...\n"
    )
    acl = "main.RoleACL.<locals>"
    _chains_as_at_runtime(
        tmp_path,
        {
            "GET /cases": ["main.session", f"{acl}.user"],
            "GET /org": [f"{acl}.org"],
            "POST /internal": ["main.session", f"{acl}.service"],
        },
    )


@pytest.mark.slow
def test_what_decides_a_depends_factorys_return_is_read_only_where_it_holds(
    tmp_path: Path,
) -> None:
    """A ``raise`` nested under another test guards nothing past that test (an ``else``
    may read the same words: ``writer`` was chosen for ``readonly=True``), and a local test
    bound twice is not read as its first binding (``usr`` was chosen under ``force``)."""
    (tmp_path / "main.py").write_text(
        "from fastapi import Depends, FastAPI\n\n"
        "def writer(): ...\ndef reader(): ...\ndef svc(): ...\ndef usr(): ...\n\n"
        "def db_dep(readonly=False, admin=False):\n"
        "    if admin:\n        if readonly:\n            raise ValueError('rw')\n"
        "    if readonly:\n        dep = reader\n    else:\n        return Depends(writer)\n"
        "    return Depends(dep)\n\n"
        "def acl(allow_user=True, allow_service=False, force=False):\n"
        "    only = allow_service and not allow_user\n"
        "    if force:\n        only = True\n"
        "    if only:\n        return Depends(svc)\n"
        "    return Depends(usr)\n\n"
        "app = FastAPI()\n\n"
        "@app.get('/r')\ndef r(db=db_dep(readonly=True)): ...\n\n"
        "@app.get('/x')\ndef x(u=acl(force=True)): ...\n"
    )
    routes = codeintel.analyze(tmp_path, cache=False).routes()
    static = {f"{r.method} {r.path}": list(r.all_dependencies) for r in routes}
    runtime = oracle("runtime_dependencies.py", tmp_path, "--routes", "main:app")
    assert runtime == {"GET /r": ["main.reader"], "GET /x": ["main.svc"]}
    # the local bound twice is not read: a placeholder, as the call stays unknown
    assert static == {"GET /r": ["main.reader"], "GET /x": ["<?acl(force=True)>"]}


@pytest.mark.slow
@pytest.mark.parametrize("auth", ["True", "False"])
def test_a_dependencies_list_a_module_flag_picks_is_that_branch(tmp_path: Path, auth: str) -> None:
    """``deps = [Depends(get_user)] if AUTH else []``: the branch a module constant picks, on
    a route and on the app; it was the whole expression, a placeholder (CI204)."""
    (tmp_path / "main.py").write_text(
        "from fastapi import Depends, FastAPI\n\n"
        "def get_user(): ...\n\n"
        "def get_db(): ...\n\n"
        f"AUTH = {auth}\n"
        "deps = [Depends(get_user)] if AUTH else []\n"
        "app = FastAPI(dependencies=None if AUTH else [Depends(get_db)])\n\n"
        "@app.get('/notes', dependencies=deps)\ndef notes(): ...\n"
    )
    picked = ["main.get_user"] if auth == "True" else ["main.get_db"]
    _chains_as_at_runtime(tmp_path, {"GET /notes": picked})


@pytest.mark.slow
def test_a_dependencies_list_appended_to_under_a_module_flag_has_what_it_adds(
    tmp_path: Path,
) -> None:
    """``deps = []`` then ``if AUTH_ENABLED: deps.append(Depends(get_user))`` at module
    level: what the flag lets the module add (it was ``<?deps>``, a CI204)."""
    (tmp_path / "main.py").write_text(
        "import os\n\nfrom fastapi import APIRouter, Depends, FastAPI\n\n"
        "def get_db(): ...\n\ndef get_user(db=Depends(get_db)): ...\n\n"
        "def audit(): ...\n\n"
        "AUTH_ENABLED = True\nAUDIT = False\n"
        "deps = []\n"
        "if AUTH_ENABLED:\n    deps.append(Depends(get_user))\n"
        "if AUDIT:\n    deps.append(Depends(audit))\n"
        "router = APIRouter()\n\n"
        "@router.get('/a')\ndef a(): ...\n\n"
        "app = FastAPI()\napp.include_router(router, dependencies=deps)\n"
    )
    _chains_as_at_runtime(tmp_path, {"GET /a": ["main.get_db", "main.get_user"]})


@pytest.mark.slow
def test_a_provider_or_a_list_a_test_of_module_values_picks_is_that_branch(tmp_path: Path) -> None:
    """``Depends(get_admin if AUTH_ENABLED else get_db)``, and ``[Depends(auth.check)] if
    auth else []`` with ``auth = LocalAuth()`` (an object is true unless its class says
    otherwise; one defining ``__len__`` stays unknown): the branch FastAPI solves; each was
    a placeholder (CI204), flatnotes' ten chains among them."""
    (tmp_path / "main.py").write_text(
        "from fastapi import Depends, FastAPI\n\n"
        "def get_db(): ...\n\ndef get_user(db=Depends(get_db)): ...\n\n"
        "def get_admin(user=Depends(get_user)): ...\n\n"
        "class LocalAuth:\n    def check(self, db=Depends(get_db)): ...\n\n"
        "class Sized(LocalAuth):\n    def __len__(self):\n        return 0\n\n"
        "AUTH_ENABLED = True\nauth = LocalAuth()\nsized = Sized()\n"
        "auth_deps = [Depends(auth.check)] if auth else []\n"
        "sized_deps = [Depends(sized.check)] if sized else []\n"
        "app = FastAPI()\n\n"
        "@app.get('/b')\ndef b(x=Depends(get_admin if AUTH_ENABLED else get_db)): ...\n\n"
        "@app.get('/n', dependencies=auth_deps)\ndef n(): ...\n\n"
        "@app.get('/s', dependencies=sized_deps)\ndef s(): ...\n"
    )
    routes = codeintel.analyze(tmp_path, cache=False).routes()
    static = {f"{r.method} {r.path}": list(r.all_dependencies) for r in routes}
    assert static == {
        "GET /b": ["main.get_db", "main.get_user", "main.get_admin"],
        "GET /n": ["main.get_db", "main.LocalAuth.check"],
        "GET /s": ["<?[Depends(sized.check)] if sized else []>"],
    }
    runtime = oracle("runtime_dependencies.py", tmp_path, "--routes", "main:app")
    assert runtime == {**static, "GET /s": []}


@pytest.mark.slow
def test_a_prefix_a_test_of_module_constants_picks_is_that_branch(tmp_path: Path) -> None:
    """``PREFIX = f"/api{RAW}" if not RAW.startswith("/api") else RAW``: the branch the
    module's constants pick (a placeholder, CI201, though a function returning it was
    read)."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "RAW = '/users'\n"
        "PREFIX = f'/api{RAW}' if not RAW.startswith('/api') else RAW\n"
        "router = APIRouter()\n\n"
        "@router.get('/')\ndef list_users(): ...\n\n"
        "app = FastAPI()\napp.include_router(router, prefix=PREFIX)\n"
    )
    _served_as_at_runtime(tmp_path, "main:app", {("GET", "/api/users/", "main.list_users")})


@pytest.mark.slow
def test_a_closure_a_factory_returns_asks_for_what_each_call_passed(tmp_path: Path) -> None:
    """``add_api_route("/billing", _lister(dep=require_finance))`` with ``_lister``
    returning ``async def lister(user=Depends(dep))``, ``dep = dep or get_user`` first: each
    route asks for what its call passed (the factory's local was every route's provider,
    with no diagnostic)."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, Depends, FastAPI, Header\n\n"
        "def get_db(): ...\n\n"
        "def get_user(authorization: str = Header(''), db=Depends(get_db)): ...\n\n"
        "def require_finance(user=Depends(get_user)): ...\n\n"
        "def _lister(name: str, dep=None):\n"
        "    dep = dep or get_user\n\n"
        "    async def lister(limit: int = 10, user=Depends(dep)): ...\n\n"
        "    return lister\n\n"
        "def _getter(dep):\n"
        "    def getter(user=Depends(dep)): ...\n\n"
        "    return getter\n\n"
        "router = APIRouter()\n"
        "router.add_api_route('/stages', _lister('stages'))\n"
        "router.add_api_route('/billing', _lister('billing', dep=require_finance))\n"
        "router.add_api_route('/one', endpoint=_getter(get_db))\n"
        "app = FastAPI()\napp.include_router(router)\n"
    )
    user = ["main.get_db", "main.get_user"]
    expected = {
        "GET /stages": user,
        "GET /billing": [*user, "main.require_finance"],
        "GET /one": ["main.get_db"],
    }
    _chains_as_at_runtime(tmp_path, expected)


@pytest.mark.slow
def test_a_pass_through_decorator_is_no_depends_maker(tmp_path: Path) -> None:
    """``@logged`` wrapping a function that returns ``Depends(get_db)`` returns what it
    returns: the chain is ``get_db`` (it was empty, read as ACS's ``@depend``)."""
    (tmp_path / "main.py").write_text(
        "import functools\n\nfrom fastapi import Depends, FastAPI\n\n"
        "def get_db(): ...\n\n"
        "def logged(func):\n"
        "    @functools.wraps(func)\n"
        "    def wrapper(*args, **kwargs):\n        return func(*args, **kwargs)\n"
        "    return wrapper\n\n"
        "@logged\ndef db_dep():\n    return Depends(get_db)\n\n"
        "app = FastAPI()\n\n@app.get('/a')\ndef a(db=db_dep()): ...\n"
    )
    _chains_as_at_runtime(tmp_path, {"GET /a": ["main.get_db"]})


@pytest.mark.slow
def test_inline_partials_written_alike_in_two_modules_are_two(tmp_path: Path) -> None:
    """``Depends(partial(check, 'admin'))`` in two modules, each with its own ``check``:
    each route asks for its own module's (``/two`` had ``m1``'s chain)."""
    for n in "12":
        (tmp_path / f"m{n}.py").write_text(
            "from functools import partial\nfrom fastapi import APIRouter, Depends\n\n"
            f"def db{n}(): ...\n\n"
            f"def check(role: str, d=Depends(db{n})): ...\n\n"
            "router = APIRouter()\n\n"
            f"@router.get('/{n}', dependencies=[Depends(partial(check, 'admin'))])\n"
            f"def route{n}(): ...\n"
        )
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\n\nimport m1, m2\n\n"
        "app = FastAPI()\napp.include_router(m1.router)\napp.include_router(m2.router)\n"
    )
    expected = {f"GET /{n}": [f"m{n}.db{n}", "functools.partial()"] for n in "12"}
    _chains_as_at_runtime(tmp_path, expected)


@pytest.mark.slow
def test_a_factorys_depends_reads_the_instance_each_call_passes(tmp_path: Path) -> None:
    """``auth_router(jwt)`` and ``auth_router(dbb)``, two ``Backend`` instances, the
    factory's ``Depends(backend.get_strategy)``: each call's instance's (the chain named
    the factory's local once the class had two instances)."""
    (tmp_path / "auth.py").write_text(
        "class Backend:\n"
        "    def __init__(self, get_strategy):\n        self.get_strategy = get_strategy\n\n"
        "def jwt_strategy(): ...\ndef db_strategy(): ...\n\n"
        "jwt = Backend(get_strategy=jwt_strategy)\ndbb = Backend(get_strategy=db_strategy)\n"
    )
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, Depends, FastAPI\n\nfrom auth import dbb, jwt\n\n"
        "def auth_router(backend):\n"
        "    router = APIRouter()\n\n"
        "    @router.post('/login')\n"
        "    def login(strategy=Depends(backend.get_strategy)): ...\n\n"
        "    return router\n\n"
        "app = FastAPI()\n"
        "app.include_router(auth_router(jwt), prefix='/jwt')\n"
        "app.include_router(auth_router(dbb), prefix='/db')\n"
    )
    expected = {"POST /jwt/login": ["auth.jwt_strategy"], "POST /db/login": ["auth.db_strategy"]}
    _chains_as_at_runtime(tmp_path, expected)


@pytest.mark.slow
def test_a_router_built_again_only_when_run_as_a_script_is_not_served(tmp_path: Path) -> None:
    """``r = APIRouter(prefix="/prod")`` then ``if __name__ == "__main__": r =
    APIRouter(prefix="/dev")``: a server imports the module, so ``/prod/x`` is served, not
    under a condition."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "r = APIRouter(prefix='/prod')\n"
        "if __name__ == '__main__':\n    r = APIRouter(prefix='/dev')\n\n"
        "@r.get('/x')\ndef x(): ...\n\n"
        "app = FastAPI()\napp.include_router(r)\n"
    )
    _served_as_at_runtime(tmp_path, "main:app", {("GET", "/prod/x", "main.x")})


@pytest.mark.slow
def test_a_router_factorys_depends_on_what_its_parameters_hold_reads_the_call(
    tmp_path: Path,
) -> None:
    """Copies of fastapi-users' router factories: ``Depends(backend.get_strategy)``, and
    ``Depends(token)`` with ``token = authenticator.current_user_token()``, ``backend`` and
    ``authenticator`` the factory's parameters, are what the call passes (they named the
    factory's locals, which nothing defines)."""
    (tmp_path / "auth.py").write_text(
        "from fastapi import Depends\n\n"
        "def scheme() -> str: ...\n\n"
        "class Backend:\n"
        "    def __init__(self, get_strategy):\n"
        "        self.get_strategy = get_strategy\n\n"
        "class Authenticator:\n"
        "    def current_user_token(self, active: bool = False):\n"
        "        def dependency(token: str = Depends(scheme)) -> str: ...\n"
        "        return dependency\n\n"
        "def jwt_strategy() -> str: ...\n\n"
        "backend = Backend(get_strategy=jwt_strategy)\n"
        "authenticator = Authenticator()\n"
    )
    (tmp_path / "factory.py").write_text(
        "from fastapi import APIRouter, Depends\n\n"
        "def auth_router(backend, authenticator) -> APIRouter:\n"
        "    router = APIRouter()\n"
        "    token = authenticator.current_user_token(active=True)\n\n"
        "    @router.post('/login')\n"
        "    def login(strategy=Depends(backend.get_strategy)) -> None: ...\n\n"
        "    @router.post('/logout')\n"
        "    def logout(user=Depends(token)) -> None: ...\n\n"
        "    return router\n"
    )
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\n\n"
        "from auth import authenticator, backend\n"
        "from factory import auth_router\n\n"
        "app = FastAPI()\n"
        "app.include_router(auth_router(backend, authenticator), prefix='/auth')\n"
    )
    token = "auth.Authenticator.current_user_token.<locals>.dependency"
    _chains_as_at_runtime(
        tmp_path,
        {"POST /auth/login": ["auth.jwt_strategy"], "POST /auth/logout": ["auth.scheme", token]},
    )


@pytest.mark.slow
def test_a_depends_a_property_or_a_method_of_an_instance_returns_is_solved(
    tmp_path: Path,
) -> None:
    """Samurai's ``Perm.ADMIN.as_security``, a property of an enum member returning
    ``Security(current_user, ...)``, and ``holder.method()`` of a module instance: their
    ``Depends``, in a router's list, ``Annotated`` metadata, a default and a name bound to
    one (a placeholder in the list and nothing at all elsewhere, before)."""
    (tmp_path / "perms.py").write_text(
        "import enum\n\nfrom fastapi import Security\n\n"
        "def current_user() -> str:\n    return 'u'\n\n"
        "class Perm(str, enum.Enum):\n    ADMIN = 'admin'\n    READ = 'read'\n\n"
        "    @property\n    def as_security(self):\n"
        "        return Security(current_user, scopes=[self.value])\n\n"
        "class Holder:\n    def method(self):\n        return Security(current_user)\n\n"
        "holder = Holder()\n"
    )
    (tmp_path / "main.py").write_text(
        "from typing import Annotated\n\nfrom fastapi import APIRouter, FastAPI\n\n"
        "from perms import Perm, holder\n\n"
        "ADMIN = Perm.ADMIN.as_security\n"
        "router = APIRouter(prefix='/admin', dependencies=[Perm.ADMIN.as_security])\n\n"
        "@router.get('/a')\ndef listed() -> None: ...\n\n"
        "app = FastAPI()\n\n"
        "@app.get('/b')\n"
        "def annotated(user: Annotated[str, Perm.READ.as_security]) -> None: ...\n\n"
        "@app.get('/c')\ndef default(user: str = ADMIN) -> None: ...\n\n"
        "@app.get('/d')\ndef called(user: Annotated[str, holder.method()]) -> None: ...\n\n"
        "app.include_router(router)\n"
    )
    solved = ["perms.current_user"]
    _chains_as_at_runtime(
        tmp_path, {"GET /admin/a": solved, "GET /b": solved, "GET /c": solved, "GET /d": solved}
    )


@pytest.mark.slow
def test_an_instance_of_a_project_subclass_of_depends_is_a_depends(tmp_path: Path) -> None:
    """``class ScopeAuthSecurity(params.Security)`` handing ``super().__init__`` its
    dependency, and ``class AuthDepends(params.Depends)`` with no ``__init__``: FastAPI
    takes their instances as ``Depends`` (a placeholder in a router's list, and nothing at
    all in ``Annotated`` metadata or a default, before)."""
    (tmp_path / "sec.py").write_text(
        "from fastapi import params\nfrom fastapi.security import SecurityScopes\n\n"
        "def verify(security_scopes: SecurityScopes) -> str:\n    return 'ok'\n\n"
        "def other() -> str:\n    return 'ok'\n\n"
        "class ScopeAuthSecurity(params.Security):\n"
        "    def __init__(self, *scopes: str) -> None:\n"
        "        super().__init__(dependency=verify, scopes=list(scopes))\n\n"
        "class Given(params.Depends):\n"
        "    def __init__(self, dependency) -> None:\n"
        "        super().__init__(dependency)\n\n"
        "class AuthDepends(params.Depends):\n    pass\n"
    )
    (tmp_path / "main.py").write_text(
        "from typing import Annotated\n\nfrom fastapi import APIRouter, FastAPI\n\n"
        "from sec import AuthDepends, Given, ScopeAuthSecurity, other\n\n"
        "router = APIRouter(dependencies=[ScopeAuthSecurity('read')])\n\n"
        "@router.get('/a')\ndef a() -> None: ...\n\n"
        "app = FastAPI()\n\n"
        "@app.get('/b')\ndef b(x: Annotated[str, ScopeAuthSecurity('w')]) -> None: ...\n\n"
        "@app.get('/c')\ndef c(x: str = AuthDepends(other)) -> None: ...\n\n"
        "@app.get('/d')\ndef d(x: str = Given(other)) -> None: ...\n\n"
        "app.include_router(router)\n"
    )
    _chains_as_at_runtime(
        tmp_path,
        {
            "GET /a": ["sec.verify"],
            "GET /b": ["sec.verify"],
            "GET /c": ["sec.other"],
            "GET /d": ["sec.other"],
        },
    )


@pytest.mark.slow
def test_a_class_attribute_of_an_instance_built_in_place_is_its_depends(tmp_path: Path) -> None:
    """CoPilot's ``Depends(AuthHandler().security)`` of a class attribute
    ``security = OAuth2PasswordBearer(...)``, inherited too: that scheme, as
    ``Depends(AuthHandler.security)`` reads it (a placeholder in 11 of its chains)."""
    (tmp_path / "main.py").write_text(
        "from fastapi import Depends, FastAPI\n"
        "from fastapi.security import OAuth2PasswordBearer\n\n"
        "class Base:\n    security = OAuth2PasswordBearer(tokenUrl='/login')\n\n"
        "class AuthHandler(Base):\n    pass\n\n"
        "app = FastAPI()\n\n"
        "@app.get('/direct')\n"
        "def direct(token: str = Depends(AuthHandler().security)) -> None: ...\n\n"
        "@app.get('/class')\n"
        "def on_class(token: str = Depends(AuthHandler.security)) -> None: ...\n"
    )
    scheme = ["fastapi.security.oauth2.OAuth2PasswordBearer()"]
    _chains_as_at_runtime(tmp_path, {"GET /direct": scheme, "GET /class": scheme})


def test_a_depends_subclass_handing_up_either_of_two_is_kept_as_written(tmp_path: Path) -> None:
    """A ``params.Depends`` subclass whose ``__init__`` hands ``super().__init__`` one of two
    dependencies by its argument: a placeholder with its CI204, never dropped."""
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI, params\n\n"
        "def a() -> int:\n    return 1\n\n"
        "def b() -> int:\n    return 2\n\n"
        "class Pick(params.Depends):\n"
        "    def __init__(self, first: bool) -> None:\n"
        "        if first:\n            super().__init__(a)\n"
        "        else:\n            super().__init__(dependency=b)\n\n"
        "app = FastAPI()\n\n"
        "@app.get('/x')\ndef x(u: int = Pick(True)) -> None: ...\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    assert [r.all_dependencies for r in graph.routes()] == [("<?Pick(True)>",)]
    assert [(d.code, d.line) for d in graph.diagnostics] == [("CI204", 18)]


@pytest.mark.slow
def test_a_loop_item_leaving_a_field_to_its_factory_is_still_read(tmp_path: Path) -> None:
    """ccproxy's ``RouterSpec`` dataclass with ``dependencies: list = field(
    default_factory=list)``: an item that leaves the field to its factory is that empty
    list (its include was dropped with a CI202, ``spec.router`` unknown)."""
    (tmp_path / "main.py").write_text(
        "from dataclasses import dataclass, field\n\n"
        "from fastapi import APIRouter, Depends, FastAPI\n\n"
        "def require_user() -> None: ...\n\n"
        "users = APIRouter()\n\n"
        "@users.get('/users')\ndef list_users() -> None: ...\n\n"
        "@dataclass\nclass RouterSpec:\n"
        "    router: APIRouter\n    prefix: str = ''\n"
        "    dependencies: list = field(default_factory=list)\n\n"
        "SPECS = [\n"
        "    RouterSpec(users, '/v1', [Depends(require_user)]),\n"
        "    RouterSpec(users, '/public'),\n"
        "]\n"
        "app = FastAPI()\n"
        "for spec in SPECS:\n"
        "    app.include_router(spec.router, prefix=spec.prefix, dependencies=spec.dependencies)\n"
    )
    _chains_as_at_runtime(
        tmp_path, {"GET /v1/users": ["main.require_user"], "GET /public/users": []}
    )


def runtime_dependencies(project: Path, *endpoints: str) -> dict[str, list[str]]:
    """FastAPI's own flattened ``Depends`` chain of each ``module:qualname`` endpoint."""
    return oracle("runtime_dependencies.py", project, *endpoints)  # type: ignore[no-any-return]


@pytest.mark.slow
@pytest.mark.parametrize("name", ["registry_app", "fullstack_app"])
def test_depends_chains_equal_fastapis_own(fixtures: Path, name: str) -> None:
    """Each endpoint's providers, recursively through the providers' own parameters, in the
    order FastAPI solves them: what ``get_dependant`` builds at runtime."""
    project = fixtures / name
    inputs = extractor_input(project)
    symbols = inputs.evaluator.resolver.symbols
    endpoints = sorted({r.endpoint for r in codeintel.analyze(project).routes()})
    static = {}
    for endpoint in endpoints:
        direct = tuple(dict.fromkeys(param_providers(symbols[endpoint].params, inputs.evaluator)))
        tree = dependency_tree(list(direct), inputs.evaluator)
        module = symbols_module(inputs, endpoint)
        static[f"{module}:{endpoint[len(module) + 1 :]}"] = list(solve_order(direct, tree))
    assert static == runtime_dependencies(project, *static)
    if name == "fullstack_app":  # get_current_user asks for a session and a token itself
        assert len(static["app.api.routes.users:read_user_me"]) == 3
        # argilla-server's shapes: bound methods of a module-level instance (one inherited)
        # and a factory's closure, each with its own parameters' providers behind it.
        assert static["app.api.routes.users:read_token"] == [
            "app.api.deps.get_db",
            "app.api.deps.reusable_oauth2",
            "app.security.authentication.AuthenticationProvider.get_current_user",
            "app.security.authentication.TokenReader.get_token",
            "app.api.params.parse_query_param.<locals>._parse",
            # airflow's shape: a closure a method of an instance returns, built in place or not
            "app.api.params.SortParam.dynamic_depends.<locals>.inner",
            # cheshire-cat's shape: a Depends a project function returns, called in place
            "app.api.params.require_scope.<locals>.scoped",
            # polar's shape: an instance a factory builds, its class inheriting ``__call__``
            "app.api.params.Paging.<locals>._Bounded()",
            # OpenHands' shape: a method of a typed attribute of what a call returns
            "app.api.params._Injector.depends",
            # litellm's shape: a Depends held by a module variable, used as a default
            "app.api.params.audit_marker",
        ]


def symbols_module(inputs: ExtractorInput, qualname: str) -> str:
    return inputs.evaluator.resolver.symbol_module[qualname]


def test_routes_using_a_provider_follow_the_chain(fixtures: Path) -> None:
    graph = codeintel.analyze(fixtures / "fullstack_app")
    me = next(r for r in graph.routes() if r.path == "/api/v1/users/me")
    assert me.dependencies == ("app.api.deps.get_current_user",)
    assert me.all_dependencies == (
        "app.api.deps.get_db",
        "app.api.deps.reusable_oauth2",
        "app.api.deps.get_current_user",
    )
    using = {(r.method, r.path) for r in graph.routes_using("app.api.deps.get_db")}
    assert ("GET", "/api/v1/users/me") in using
    assert ("GET", "/api/v1/utils/health-check/") not in using
    edges = graph.graph.out_edges("symbol:app.api.deps.get_current_user", keys=True)
    assert {(target, key) for _, target, key in edges if key == "depends_on"} == {
        ("symbol:app.api.deps.get_db", "depends_on"),
        ("symbol:app.api.deps.reusable_oauth2", "depends_on"),
    }
    # A bound method is a provider node too: the method of the instance's class.
    method = "symbol:app.security.authentication.AuthenticationProvider.get_current_user"
    edges = graph.graph.out_edges(method, keys=True)
    assert {target for _, target, key in edges if key == "depends_on"} == {
        "symbol:app.api.deps.get_db",
        "symbol:app.api.deps.reusable_oauth2",
    }
    using = {(r.method, r.path) for r in graph.routes_using("app.api.deps.get_db")}
    assert ("GET", "/api/v1/users/me/token") in using


_PROVIDER_SHAPES = """
from collections.abc import Callable
from functools import lru_cache, wraps

from fastapi import Depends, FastAPI, Security
from fastapi.security import APIKeyHeader


@lru_cache
def get_settings() -> dict[str, str]:
    return {}


def get_repository(kind: type) -> Callable[[], object]:
    def _get_repo(settings: dict[str, str] = Depends(get_settings)) -> object:
        return kind()

    return _get_repo


def _user(key: str = Security(APIKeyHeader(name="X-Key"))) -> str:
    return key


def _optional_user() -> None:
    return None


def authorizer(*, required: bool = True) -> Callable[..., object]:
    return _user if required else _optional_user


def wrapped_authorizer() -> Callable[..., object]:
    provider = authorizer()

    @wraps(provider)
    def authorize(*args: object, **kwargs: object) -> object:
        return provider(*args, **kwargs)

    return authorize


authorize = wrapped_authorizer()
app = FastAPI()


@app.get("/a")
def a(repo: object = Depends(get_repository(dict)), user: str = Depends(authorizer())) -> None:
    pass


@app.get("/b")
def b(user: object = Depends(authorizer(required=False))) -> None:
    pass


@app.get("/c")
def c(user: object = Depends(authorize)) -> None:
    pass
"""


@pytest.mark.slow
def test_providers_made_by_factories_and_instances_equal_fastapis(tmp_path: Path) -> None:
    (tmp_path / "main.py").write_text(_PROVIDER_SHAPES)
    routes = {r.path: r.all_dependencies for r in codeintel.analyze(tmp_path).routes()}
    assert routes == {
        "/a": (
            "main.get_settings",
            "main.get_repository.<locals>._get_repo",
            "fastapi.security.api_key.APIKeyHeader()",
            "main._user",
        ),
        "/b": ("main._optional_user",),
        # zenml's ``authorize``: a closure made with ``@wraps(provider)`` is what it wraps
        "/c": ("fastapi.security.api_key.APIKeyHeader()", "main._user"),
    }
    runtime = runtime_dependencies(tmp_path, "main:a", "main:b", "main:c")
    assert runtime["main:b"] == list(routes["/b"])
    assert runtime["main:c"] == list(routes["/c"])
    # FastAPI names the class where it is defined, though the project imports it from
    # fastapi.security: so do we
    assert runtime["main:a"] == list(routes["/a"])


_BRANCH_PROVIDERS = """
from fastapi import Depends, FastAPI
from pydantic import BaseModel

AUTH_ENABLED = False


class Settings(BaseModel):
    auth: bool = False
    mode: str = "mock"


settings = Settings()


class Real:
    async def get_user(self) -> str:
        return "real"


class Mock:
    async def get_user(self) -> str:
        return "mock"


if AUTH_ENABLED:
    first = Real()
else:
    first = Mock()

if settings.auth:
    second = Real()
else:
    second = Mock()

third = Real()
if settings.mode == "mock":
    third = Mock()

app = FastAPI()


@app.get("/a")
async def a(user: str = Depends(first.get_user)) -> str:
    return user


@app.get("/b")
async def b(user: str = Depends(second.get_user)) -> str:
    return user


@app.get("/c")
async def c(user: str = Depends(third.get_user)) -> str:
    return user
"""


@pytest.mark.slow
def test_an_instance_bound_per_branch_provides_what_the_branch_taken_binds(
    tmp_path: Path,
) -> None:
    """airweave's ``auth0 = Auth0(...)`` under ``if settings.AUTH_ENABLED:`` and a mock in
    its ``else``: ``Depends(auth0.get_user)`` is the method of what the test taken binds."""
    (tmp_path / "main.py").write_text(_BRANCH_PROVIDERS)
    routes = {r.path: r.all_dependencies for r in codeintel.analyze(tmp_path).routes()}
    runtime = runtime_dependencies(tmp_path, "main:a", "main:b", "main:c")
    assert routes == {f"/{n}": tuple(runtime[f"main:{n}"]) for n in "abc"}
    assert set(routes.values()) == {("main.Mock.get_user",)}


_COPIED_PROVIDER = """
from functools import update_wrapper
from types import FunctionType

from fastapi import Depends, FastAPI


def get_db():
    yield "db"


def verify(db: str = Depends(get_db)) -> str:
    return db


def copy_func(source):
    target = FunctionType(source.__code__, source.__globals__, name=source.__name__)
    copied = update_wrapper(target, source)
    return copied


verify_prod = copy_func(verify)
app = FastAPI()


@app.get("/a")
def a(user: str = Depends(verify_prod)) -> str:
    return user
"""


@pytest.mark.slow
def test_a_provider_copied_with_update_wrapper_is_the_function_copied(tmp_path: Path) -> None:
    """fides' ``copy_func``: a distinct function object FastAPI reads as the one it copies."""
    (tmp_path / "main.py").write_text(_COPIED_PROVIDER)
    routes = codeintel.analyze(tmp_path).routes()
    runtime = runtime_dependencies(tmp_path, "main:a")["main:a"]
    assert [r.all_dependencies for r in routes] == [tuple(runtime)]
    assert runtime == ["main.get_db", "main.verify"]


_PLACEHOLDER_PROVIDERS = {
    # an instance bound per branch of a test nothing decides
    "branch": (
        "import os\nfrom fastapi import Depends, FastAPI\n"
        "class A:\n    def get(self): ...\nclass B:\n    def get(self): ...\n"
        "if os.environ.get('X'):\n    auth = A()\nelse:\n    auth = B()\n"
        "app = FastAPI()\n"
        "@app.get('/x')\ndef x(user=Depends(auth.get)): ...\n",
        "main.auth.get",
    ),
    # ``Depends(auth.user)`` is read when the route is declared: with ``auth`` bound again
    # after it, which binding it saw is the line's to say
    "bound-again": (
        "from fastapi import Depends, FastAPI\n"
        "class A:\n    def user(self): ...\nclass B:\n    def user(self): ...\n"
        "auth = A()\napp = FastAPI()\n"
        "@app.get('/x')\ndef x(u=Depends(auth.user)): ...\n"
        "auth = B()\n",
        "main.auth.user",
    ),
    # a ``@wraps`` closure around what the configuration picks
    "wraps-configured": (
        "import os\nfrom functools import wraps\nfrom fastapi import Depends, FastAPI\n"
        "def basic(): ...\ndef bearer(): ...\n"
        "def provider():\n    if os.environ['AUTH'] == 'basic':\n        return basic\n"
        "    return bearer\n"
        "def factory():\n    chosen = provider()\n\n    @wraps(chosen)\n"
        "    def authorize(*args, **kwargs):\n        return chosen(*args, **kwargs)\n\n"
        "    return authorize\n"
        "app = FastAPI()\n"
        "@app.get('/x', dependencies=[Depends(factory())])\ndef x(): ...\n",
        "<?chosen>",
    ),
}


@pytest.mark.parametrize("shape", sorted(_PLACEHOLDER_PROVIDERS))
def test_a_provider_the_run_picks_is_a_placeholder(tmp_path: Path, shape: str) -> None:
    source, placeholder = _PLACEHOLDER_PROVIDERS[shape]
    (tmp_path / "main.py").write_text(source)
    graph = codeintel.analyze(tmp_path, cache=False)
    assert [r.all_dependencies for r in graph.routes()] == [(placeholder,)]
    assert [d.code for d in graph.diagnostics] == ["CI204"]


_PARAMETER_PROVIDERS = """
from typing import Protocol

from fastapi import APIRouter, Depends, FastAPI


class HasDeps(Protocol):
    async def require_deps(self) -> str: ...


class Service:
    async def require_deps(self) -> str:
        return "deps"


class Base:
    async def current(self) -> str:
        return "base"


class Override(Base):
    async def current(self) -> str:
        return "override"


def build_router(service: Service, base: Base, any_deps: HasDeps) -> APIRouter:
    router = APIRouter()

    @router.get("/stats")
    async def stats(
        deps: str = Depends(service.require_deps),
        who: str = Depends(base.current),
        more: str = Depends(any_deps.require_deps),
    ):
        return deps

    return router


router = build_router(Service(), Override(), Service())
app = FastAPI()
app.include_router(router)
ENDPOINT = router.routes[0].endpoint
"""


@pytest.mark.slow
def test_a_bound_method_of_an_annotated_parameter_is_its_classs(tmp_path: Path) -> None:
    """deer-flow's ``Depends(service.require_deps)`` in ``build_router(service:
    ExampleService)``: the method of what the call passes (a subclass's override, whatever
    the annotation, a Protocol's too); the same bound method twice is one dependency."""
    (tmp_path / "main.py").write_text(_PARAMETER_PROVIDERS)
    graph = codeintel.analyze(tmp_path, cache=False)
    [route] = graph.routes()
    assert route.dependencies == ("main.Service.require_deps", "main.Override.current")
    assert not graph.diagnostics
    runtime = runtime_dependencies(tmp_path, "main:ENDPOINT")["main:ENDPOINT"]
    assert runtime == list(route.dependencies)


@pytest.mark.slow
def test_a_default_naming_the_def_itself_reads_the_import_it_shadows(tmp_path: Path) -> None:
    """SuperAGI's ``def validate_api_key(api_key=Depends(validate_api_key))``: the default
    runs before the def binds the name, so FastAPI calls the imported function."""
    (tmp_path / "auth.py").write_text(
        "from fastapi import Security\n"
        "from fastapi.security import APIKeyHeader\n\n"
        "api_key_header = APIKeyHeader(name='X-Key')\n\n\n"
        "def validate_api_key(key: str = Security(api_key_header)) -> str:\n"
        "    return key\n"
    )
    (tmp_path / "main.py").write_text(
        "from fastapi import Depends, FastAPI\n\n"
        "from auth import validate_api_key\n\n"
        "app = FastAPI()\n\n\n"
        "@app.get('/validate')\n"
        "def validate_api_key(api_key: str = Depends(validate_api_key)) -> str:\n"
        "    return api_key\n"
    )
    [route] = codeintel.analyze(tmp_path).routes()
    runtime = runtime_dependencies(tmp_path, "main:validate_api_key")
    assert route.all_dependencies == ("auth.api_key_header", "auth.validate_api_key")
    assert runtime["main:validate_api_key"] == list(route.all_dependencies)


_BOUND_METHODS_AND_CLOSURES = """
from fastapi import Depends, FastAPI, Security
from fastapi.security import APIKeyHeader


def get_db() -> str:
    return "db"


class Backend:
    scheme = APIKeyHeader(name="X-Key")


class TokenReader:
    def get_token(self, key: str = Depends(Backend.scheme)) -> str:
        return key


class Provider(TokenReader):
    @classmethod
    def new_instance(cls):
        return cls()

    async def get_current_user(self, db: str = Depends(get_db)) -> str:
        return db


def parse_query_param(name: str):
    def _parse(db: str = Depends(get_db)) -> str:
        return name

    return _parse


auth = Provider.new_instance()
parse_include = parse_query_param("include")
app = FastAPI()


@app.get("/me")
async def me(
    user: str = Security(auth.get_current_user),
    token: str = Depends(auth.get_token),
    include: str = Depends(parse_include),
    fields: str = Depends(parse_query_param("fields")),
) -> None:
    pass
"""


def test_bound_methods_and_closures_are_named_as_fastapi_calls_them(tmp_path: Path) -> None:
    """argilla-server: ``Security(auth.get_current_user)`` calls the method of the instance's
    class (one a base defines, too), ``Depends(parse_include)`` the closure the factory
    returned; each brings its own parameters' providers. A class attribute holding an
    instance is named like one made in place: no module variable holds it."""
    (tmp_path / "main.py").write_text(_BOUND_METHODS_AND_CLOSURES)
    graph = codeintel.analyze(tmp_path)
    [route] = graph.routes()
    assert route.dependencies == (
        "main.Provider.get_current_user",
        "main.TokenReader.get_token",
        "main.parse_query_param.<locals>._parse",
    )
    assert route.all_dependencies == (
        "main.get_db",
        "main.Provider.get_current_user",
        "fastapi.security.api_key.APIKeyHeader()",
        "main.TokenReader.get_token",
        "main.parse_query_param.<locals>._parse",
    )
    assert graph.diagnostics == ()


def test_a_provider_that_cannot_be_resolved_is_kept_as_written_and_reported(
    tmp_path: Path,
) -> None:
    (tmp_path / "helpers.py").write_text("from vendor import Auth\n\nauth = Auth()\n")
    (tmp_path / "main.py").write_text(
        "from fastapi import Depends, FastAPI\n"
        "from vendor import make\n\n"
        "from helpers import auth\n\n"
        "app = FastAPI()\n\n\n"
        "def inner(x=Depends(auth.missing)) -> None:\n"
        "    pass\n\n\n"
        '@app.get("/a")\n'
        'def a(y=Depends(make("q")), z=Depends(inner)) -> None:\n'
        "    pass\n"
    )
    graph = codeintel.analyze(tmp_path)
    [route] = graph.routes()
    assert route.dependencies == ('<?make("q")>', "main.inner")
    assert route.all_dependencies == ('<?make("q")>', "helpers.auth.missing", "main.inner")
    assert [(d.code, d.line, d.message) for d in graph.diagnostics] == [
        ("CI204", 9, "dependency helpers.auth.missing of main.inner cannot be resolved"),
        ("CI204", 13, 'dependency <?make("q")> of main.a cannot be resolved'),
    ]


def test_a_local_instance_is_named_by_its_class_and_an_unread_list_is_kept(
    tmp_path: Path,
) -> None:
    """opal: ``Depends(authenticator)`` with ``authenticator`` a function's local instance is
    ``Class()``, as no module variable names it; ``dependencies=`` a factory's parameter is
    the call's list, and one we cannot read is kept as written and reported, not dropped."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, Depends, FastAPI\n"
        "from plugins import load_dependencies\n\n\n"
        "class Authenticator:\n"
        "    def __call__(self) -> str:\n"
        "        return ''\n\n\n"
        "def make_router(route_dependencies: list) -> APIRouter:\n"
        "    router = APIRouter()\n\n"
        "    @router.post('/hook', dependencies=route_dependencies)\n"
        "    def hook() -> None:\n"
        "        pass\n\n"
        "    return router\n\n\n"
        "def create_app() -> FastAPI:\n"
        "    app = FastAPI()\n"
        "    authenticator = Authenticator()\n"
        "    app.include_router(make_router([]), dependencies=[Depends(authenticator)])\n"
        "    app.include_router(make_router(load_dependencies()), prefix='/loaded')\n"
        "    return app\n\n\n"
        "app = create_app()\n"
    )
    graph = codeintel.analyze(tmp_path)
    assert {r.path: r.all_dependencies for r in graph.routes()} == {
        "/hook": ("main.Authenticator()",),
        "/loaded/hook": ("<?load_dependencies()>",),
    }
    assert [(d.code, d.line) for d in graph.diagnostics] == [("CI204", 13)]


@pytest.mark.slow
def test_class_based_views_ask_for_their_class_first(fixtures: Path) -> None:
    """fastapi-restful's ``@cbv(router)`` makes each method's ``self`` ``Depends(cls)``, and
    the class's signature its ``__init__``'s arguments, then its annotated class attributes
    (a base's first): every route's chain starts with those (claon-admin-server)."""
    project = fixtures / "class_based_views"
    routes = codeintel.analyze(project, cache=False).routes()
    static = {
        f"views.{r.endpoint.split('.')[1]}:{r.endpoint.split('.', 2)[2]}": list(r.all_dependencies)
        for r in routes
    }
    assert static == runtime_dependencies(project, *static)
    assert static["views.users:UserViews.list_users"][-1] == "views.users.UserViews"


def test_dependencies_a_function_returns_by_a_test_its_call_decides_are_that_branchs(
    tmp_path: Path,
) -> None:
    """``dependencies=deps(is_admin=True)`` of ``return [Depends(auth), Depends(admin)] if
    is_admin else [Depends(auth)]``, ``deps()`` at its default, and ``return [] if DEBUG
    else ADMIN`` of module constants: the branch its arguments or the constants pick, as
    FastAPI asks for them (each was a CI204 placeholder). A test the run decides
    (``if is_testing()``) stays one."""
    (tmp_path / "main.py").write_text(
        "import os\n\n"
        "from fastapi import APIRouter, Depends, FastAPI\n\n"
        "DEBUG = False\n\n"
        "def auth() -> None: ...\n\n"
        "def admin() -> None: ...\n\n"
        "ADMIN = [Depends(admin)]\n\n"
        "def deps(is_admin: bool = False) -> list:\n"
        "    return [Depends(auth), Depends(admin)] if is_admin else [Depends(auth)]\n\n"
        "def debug_deps() -> list:\n    return [] if DEBUG else ADMIN\n\n"
        "def is_testing() -> bool:\n    return os.getenv('TESTING') == '1'\n\n"
        "def test_deps() -> list:\n    return [] if is_testing() else [Depends(auth)]\n\n"
        "router = APIRouter()\n\n"
        "@router.get('/a', dependencies=deps(is_admin=True))\ndef a() -> None: ...\n\n"
        "@router.get('/b', dependencies=deps())\ndef b() -> None: ...\n\n"
        "@router.get('/c', dependencies=debug_deps())\ndef c() -> None: ...\n\n"
        "@router.get('/d', dependencies=test_deps())\ndef d() -> None: ...\n\n"
        "app = FastAPI()\napp.include_router(router)\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    assert {r.path: r.all_dependencies for r in graph.routes()} == {
        "/a": ("main.auth", "main.admin"),
        "/b": ("main.auth",),
        "/c": ("main.admin",),
        "/d": ("<?test_deps()>",),
    }
    assert [(d.code, d.line) for d in graph.diagnostics] == [("CI204", 36)]


def test_dependencies_a_function_returns_are_its_list_unless_built_at_run_time(
    tmp_path: Path,
) -> None:
    """OpenHands: ``APIRouter(dependencies=get_dependencies())``. A function returning one
    list literal gives its providers, as does one returning a local it appends to on every
    run (tabbyAPI); one appending under an ``if`` gives what the run decides (FastAPI served
    none without ``SESSION_API_KEY``), kept as written and reported."""
    (tmp_path / "main.py").write_text(
        "import os\n\n"
        "from fastapi import APIRouter, Depends, FastAPI\n\n\n"
        "def check_key() -> None:\n"
        "    pass\n\n\n"
        "def plain_dependencies() -> list:\n"
        "    return [Depends(check_key)]\n\n\n"
        "def built_dependencies() -> list:\n"
        "    result = []\n"
        "    if os.getenv('SESSION_API_KEY'):\n"
        "        result.append(Depends(check_key))\n"
        "    return result\n\n\n"
        "def global_dependencies() -> list:\n"
        "    depends = [Depends(check_key)]\n"
        "    depends.append(Depends(log_request))\n"
        "    return depends\n\n\n"
        "def log_request() -> None:\n"
        "    pass\n\n\n"
        "plain = APIRouter(dependencies=plain_dependencies())\n"
        "built = APIRouter(dependencies=built_dependencies())\n"
        "logged = APIRouter(dependencies=global_dependencies())\n\n\n"
        "@plain.get('/plain')\n"
        "def read_plain() -> None:\n"
        "    pass\n\n\n"
        "@built.get('/built')\n"
        "def read_built() -> None:\n"
        "    pass\n\n\n"
        "@logged.get('/logged')\n"
        "def read_logged() -> None:\n"
        "    pass\n\n\n"
        "app = FastAPI()\n"
        "app.include_router(plain)\n"
        "app.include_router(built)\n"
        "app.include_router(logged)\n"
    )
    graph = codeintel.analyze(tmp_path)
    assert {r.path: r.all_dependencies for r in graph.routes()} == {
        "/plain": ("main.check_key",),
        "/built": ("<?built_dependencies()>",),
        "/logged": ("main.check_key", "main.log_request"),
    }
    assert [(d.code, d.line) for d in graph.diagnostics] == [("CI204", 41)]  # the route


def test_lists_spread_into_dependencies_and_tags_give_their_items(tmp_path: Path) -> None:
    """``dependencies=[*COMMON, Depends(audit)]``: FastAPI gets the spread list's items, in
    order; a spread it cannot read stays written as it is."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, Depends, FastAPI\n\n\n"
        "def auth() -> None:\n    pass\n\n\n"
        "def audit() -> None:\n    pass\n\n\n"
        "COMMON = [Depends(auth)]\n"
        "TAGS = ['base']\n"
        "router = APIRouter(dependencies=[*COMMON, Depends(audit)], tags=[*TAGS, 'extra'])\n\n\n"
        "@router.get('/a')\n"
        "def read_a() -> None:\n    pass\n\n\n"
        "app = FastAPI()\n"
        "app.include_router(router, dependencies=[*unknown()])\n"
    )
    (route,) = codeintel.analyze(tmp_path, cache=False).routes()
    assert route.all_dependencies == ("<?unknown()>", "main.auth", "main.audit")
    assert route.tags == ("base", "extra")


def test_an_app_bound_again_to_what_a_library_makes_of_it_is_reported(tmp_path: Path) -> None:
    """``app = VersionedFastAPI(app)`` with a version we cannot read, as any library's
    object bound to the name: what it serves is not read, and reported; a project function
    given the app is read, not reported."""
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\n"
        "from fastapi_versioning import VersionedFastAPI, version\n\n"
        "app = FastAPI()\n\n\n"
        "def configure(app: FastAPI) -> FastAPI:\n"
        "    return app\n\n\n"
        "@app.get('/items')\n"
        "@version(MAJOR)\n"
        "def items() -> None:\n"
        "    pass\n\n\n"
        "app = configure(app)\n"
        "app = VersionedFastAPI(app, version_format='{major}')\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    assert [(d.code, d.line) for d in graph.diagnostics] == [("CI202", 18)]
    assert "VersionedFastAPI(app" in graph.diagnostics[0].message


@pytest.mark.slow
def test_an_app_versioned_by_fastapi_versioning_serves_each_version(tmp_path: Path) -> None:
    """raw-data-api's ``app = VersionedFastAPI(app, prefix_format="/v{major}")``: each
    version's mount serves the routes up to it, a later version's replacing an earlier one's
    at one path, beside its docs; ``enable_latest`` adds ``/latest``; a route declared after
    the rebinding is the new app's own (22 routes were at their unversioned paths)."""
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\n"
        "from fastapi_versioning import VersionedFastAPI, version\n\n"
        "app = FastAPI()\n\n"
        "@app.get('/items')\ndef items() -> None: ...\n\n"
        "@app.get('/items/{item_id}')\ndef item() -> None: ...\n\n"
        "@app.get('/items/{item_id}')\n@version(2)\ndef item_v2() -> None: ...\n\n"
        "@app.post('/items')\n@version(2, 1)\ndef create() -> None: ...\n\n"
        "app = VersionedFastAPI(app, prefix_format='/v{major}_{minor}', enable_latest=True)\n\n"
        "@app.get('/health')\ndef health() -> None: ...\n"
    )
    static = _operations(tmp_path, "main.app")
    assert ("GET", "/v2_0/items/{item_id}", "main.item_v2") in static
    assert ("POST", "/latest/items", "main.create") in static
    assert static == runtime_routes(tmp_path, "main:app")


@pytest.mark.slow
def test_a_versioned_app_bound_to_a_new_name_serves_each_version(tmp_path: Path) -> None:
    """nucliadb's ``app = VersionedFastAPI(base_app, prefix_format="/api/v{major}")``: the
    new name serves the versions, and ``base_app`` its own routes as before (the served app
    had none of its 148 routes, with no diagnostic)."""
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\n"
        "from fastapi_versioning import VersionedFastAPI\n\n"
        "base_app = FastAPI()\n\n"
        "@base_app.get('/kb/{kbid}')\ndef get_kb(kbid: str) -> None: ...\n\n"
        "app = VersionedFastAPI(base_app, version_format='{major}',\n"
        "                       prefix_format='/api/v{major}', default_version=(1, 0))\n"
    )
    static = _operations(tmp_path, "main.app")
    assert ("GET", "/api/v1/kb/{kbid}", "main.get_kb") in static
    assert static == runtime_routes(tmp_path, "main:app")
    assert _operations(tmp_path, "main.base_app") == runtime_routes(tmp_path, "main:base_app")


@pytest.mark.slow
def test_a_projects_copy_of_versioned_fastapi_serves_as_the_library(tmp_path: Path) -> None:
    """fastapi-versioning is no longer maintained, and projects keep their own copy of it
    (horse): a project function ``VersionedFastAPI(app, version_format, prefix_format)``
    and its module's ``version`` remount the app as the library does, with the copy's own
    defaults; its body, read as ordinary code, gave placeholder routes, and the app's
    routes stayed at their unversioned paths."""
    import fastapi_versioning.versioning

    copied = inspect.getsource(fastapi_versioning.versioning)
    default = 'prefix_format: str = "/v{major}_{minor}"'
    assert default in copied
    (tmp_path / "vendored").mkdir()
    (tmp_path / "vendored" / "__init__.py").write_text("")
    (tmp_path / "vendored" / "versioning.py").write_text(
        copied.replace(default, 'prefix_format: str = "/api/v{major}"')
    )
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\n"
        "from vendored.versioning import VersionedFastAPI, version\n\n"
        "app = FastAPI()\n\n"
        "@app.get('/items')\ndef items() -> None: ...\n\n"
        "@app.get('/items/{item_id}')\n@version(2)\ndef item_v2() -> None: ...\n\n"
        "app = VersionedFastAPI(app, version_format='{major}')\n\n"
        "@app.get('/')\ndef root() -> None: ...\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    static = {(r.method, r.path, r.endpoint) for r in graph.routes() if r.app == "main.app"}
    assert ("GET", "/api/v2/items/{item_id}", "main.item_v2") in static
    assert ("GET", "/api/v1/docs", "vendored.versioning.VersionedFastAPI.<locals>.noop") in static
    assert not graph.diagnostics
    assert static == runtime_routes(tmp_path, "main:app")


@pytest.mark.slow
def test_a_function_only_named_versioned_fastapi_is_read_as_written(tmp_path: Path) -> None:
    """A project's ``VersionedFastAPI(app, version_format, prefix_format)`` that mounts the
    app at ``/api`` and nothing per version shares the library's name and parameters, not
    what it does: it is read as ordinary code (we remounted its app per version)."""
    (tmp_path / "vendored.py").write_text(
        "from fastapi import FastAPI\n\n"
        "def version(major: int, minor: int = 0):\n    return lambda func: func\n\n"
        "def VersionedFastAPI(app, version_format='{major}', prefix_format='/v{major}'):\n"
        "    parent = FastAPI()\n    parent.mount('/api', app)\n    return parent\n"
    )
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\n\nfrom vendored import VersionedFastAPI, version\n\n"
        "app = FastAPI()\n\n"
        "@app.get('/items')\ndef items() -> None: ...\n\n"
        "@app.get('/items/{item_id}')\n@version(2)\ndef item_v2(item_id: int) -> None: ...\n\n"
        "app = VersionedFastAPI(app)\n"
    )
    static = _operations(tmp_path, "main.app")
    assert static == {
        ("GET", "/api/items", "main.items"),
        ("GET", "/api/items/{item_id}", "main.item_v2"),
    }
    assert static == runtime_routes(tmp_path, "main:app")


def test_a_dependencies_list_appended_to_is_read_or_reported(tmp_path: Path) -> None:
    """``deps = []`` then ``deps.append(Depends(check))``: read where every run appends;
    under an ``if`` (infinity's API key check) only the run decides, so it is reported."""
    (tmp_path / "main.py").write_text(
        "import os\n\n"
        "from fastapi import APIRouter, Depends, FastAPI\n\n\n"
        "def check() -> None:\n    pass\n\n\n"
        "def late() -> None:\n    pass\n\n\n"
        "always = []\n"
        "always.append(Depends(check))\n"
        "early = [Depends(check)]\n"
        "router = APIRouter(dependencies=early)\n"
        "early.append(Depends(late))\n"
        "sometimes = []\n"
        "if os.environ.get('API_KEY'):\n"
        "    sometimes.append(Depends(check))\n"
        "app = FastAPI()\n\n\n"
        "@app.get('/a', dependencies=always)\n"
        "def a() -> None:\n    pass\n\n\n"
        "@app.get('/b', dependencies=sometimes)\n"
        "def b() -> None:\n    pass\n\n\n"
        "@router.get('/c')\n"
        "def c() -> None:\n    pass\n\n\n"
        "app.include_router(router)\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    assert {r.path: r.all_dependencies for r in graph.routes()} == {
        "/a": ("main.check",),
        "/b": ("<?sometimes>",),
        "/c": ("main.check",),  # FastAPI copied the list before the later append
    }
    assert [(d.code, d.line) for d in graph.diagnostics] == [("CI204", 30)]


def test_a_helper_s_dependencies_parameter_is_each_calls(fixtures: Path) -> None:
    """langserve's ``add_routes(app, path=..., dependencies=[...])`` passes its parameter to
    each route: the call's list, or none where the call leaves the default."""
    routes = codeintel.analyze(fixtures / "routers_via_functions").routes()
    served = {r.path: r.dependencies for r in routes if r.endpoint.startswith("shop.served.")}
    assert served["/chat/invoke"] == ("shop.served.verify",)
    assert served["/invoke"] == ()


def test_lists_grown_with_plus_equals_hold_what_was_added(tmp_path: Path) -> None:
    """``deps += [Depends(rate)]`` and ``routes += [APIRoute(...)]`` (MLServer) extend the
    list: read where FastAPI copies it, what the module adds later is not in it."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, Depends, FastAPI\n"
        "from fastapi.routing import APIRoute\n\n\n"
        "def auth() -> None:\n    pass\n\n\n"
        "def rate() -> None:\n    pass\n\n\n"
        "def ping() -> None:\n    pass\n\n\n"
        "grown = [Depends(auth)]\n"
        "grown += [Depends(rate)]\n"
        "router = APIRouter(dependencies=grown)\n"
        "early = [Depends(auth)]\n"
        "other = APIRouter(dependencies=early)\n"
        "early += [Depends(rate)]\n"
        "routes = [APIRoute('/ping', ping)]\n"
        "routes += [APIRoute('/pong', ping)]\n"
        "app = FastAPI(routes=routes)\n\n\n"
        "@router.get('/grown')\n"
        "def read_grown() -> None:\n    pass\n\n\n"
        "@other.get('/early')\n"
        "def read_early() -> None:\n    pass\n\n\n"
        "app.include_router(router)\n"
        "app.include_router(other)\n"
    )
    routes = codeintel.analyze(tmp_path, cache=False).routes()
    assert {(r.path, r.dependencies) for r in routes} == {
        ("/ping", ()),
        ("/pong", ()),
        ("/grown", ("main.auth", "main.rate")),
        ("/early", ("main.auth",)),  # FastAPI copied the list before it grew
    }


def test_an_app_a_method_of_an_unknown_instance_makes_is_reported_when_mounted(
    tmp_path: Path,
) -> None:
    """airflow's auth manager, its class read from configuration: ``get_cls()()`` is an
    instance we cannot place, but a project method named ``get_fastapi_app`` makes an app,
    so mounting what it returns is a gap to report, not a third party's app to pass over."""
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\n"
        "from fastapi.staticfiles import StaticFiles\n\n\n"
        "class Manager:\n"
        "    def get_fastapi_app(self) -> FastAPI:\n"
        "        app = FastAPI()\n"
        "        return app\n\n\n"
        "def get_cls() -> type:\n"
        "    return object\n\n\n"
        "app = FastAPI()\n"
        "app.mount('/auth', get_cls()().get_fastapi_app())\n"
        "app.mount('/static', StaticFiles(directory='static'))\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    assert [(d.code, d.line) for d in graph.diagnostics] == [("CI202", 16)]


def test_cadwyn_versioned_apps_and_routers_serve_what_they_include(tmp_path: Path) -> None:
    """airflow's execution API: a ``Cadwyn`` subclass (a FastAPI app) includes versioned
    router trees with ``generate_and_include_versioned_routers(*routers)``; what cadwyn 7
    served under /execution when run (cadwyn is not installed here)."""
    (tmp_path / "main.py").write_text(
        "from cadwyn import Cadwyn, VersionedAPIRouter\n"
        "from fastapi import APIRouter, FastAPI\n\n"
        "runs = VersionedAPIRouter(prefix='/runs')\n"
        "plain = APIRouter()\n\n\n"
        "@runs.get('/{run_id}')\n"
        "def get_run(run_id: str) -> None:\n    pass\n\n\n"
        "@plain.get('/health')\n"
        "def ping() -> None:\n    pass\n\n\n"
        "class ExecutionApp(Cadwyn):\n"
        "    pass\n\n\n"
        "execution = ExecutionApp()\n"
        "execution.generate_and_include_versioned_routers(runs, plain)\n"
        "app = FastAPI()\n"
        "app.mount('/execution', execution)\n"
    )
    routes = codeintel.analyze(tmp_path, cache=False).routes()
    assert {(r.method, r.path, r.app) for r in routes} == {
        ("GET", "/execution/runs/{run_id}", "main.app"),
        ("GET", "/execution/health", "main.app"),
    }


def test_a_diagnostic_quoting_a_statement_over_several_lines_is_one_line(tmp_path: Path) -> None:
    """A loop's header written over lines (PodPod's, fifteen of them) was quoted with its
    line breaks: a plan's list of diagnostics broke apart."""
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\n\n"
        "from somewhere import get_routers\n\n"
        "app = FastAPI()\n"
        "for r in get_routers(\n    'a',\n    'b',\n):\n    app.include_router(r)\n"
    )
    messages = [d.message for d in codeintel.analyze(tmp_path, cache=False).diagnostics]
    assert "cannot tell what `for r in get_routers( 'a', 'b', )` runs over" in messages


def test_fastapi_users_routers_serve_the_library_s_routes(tmp_path: Path) -> None:
    """fastapi-users builds its routers in the library (onyx, cognee): what FastAPI served
    for these includes under fastapi-users 15.0.5 (the same routes since 10), declared at
    the include; their Depends live in the library, which a CI204 says."""
    (tmp_path / "users.py").write_text(
        "import uuid\n\n"
        "from fastapi_users import FastAPIUsers\n\n"
        "fastapi_users = FastAPIUsers[object, uuid.UUID](get_user_manager, [auth_backend])\n"
    )
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\n\n"
        "from users import fastapi_users\n\n"
        "app = FastAPI()\n"
        "app.include_router(fastapi_users.get_auth_router(backend), prefix='/auth/jwt')\n"
        "app.include_router(fastapi_users.get_users_router(Read, Update), prefix='/users')\n"
        "app.include_router(fastapi_users.get_oauth_router(google, backend, 'S'), prefix='/g')\n"
    )
    routes, diagnostics = _library_routes(tmp_path, "fastapi_users.router.")
    assert routes == {
        ("POST", "/auth/jwt/login", "auth.get_auth_router.<locals>.login"),
        ("POST", "/auth/jwt/logout", "auth.get_auth_router.<locals>.logout"),
        ("GET", "/users/me", "users.get_users_router.<locals>.me"),
        ("PATCH", "/users/me", "users.get_users_router.<locals>.update_me"),
        ("GET", "/users/{id}", "users.get_users_router.<locals>.get_user"),
        ("PATCH", "/users/{id}", "users.get_users_router.<locals>.update_user"),
        ("DELETE", "/users/{id}", "users.get_users_router.<locals>.delete_user"),
        ("GET", "/g/authorize", "oauth.get_oauth_router.<locals>.authorize"),
        ("GET", "/g/callback", "oauth.get_oauth_router.<locals>.callback"),
    }
    assert diagnostics == [("CI204", 6), ("CI204", 7), ("CI204", 8)]


def _library_routes(
    project: Path, library: str
) -> tuple[set[tuple[str, str, str]], list[tuple[str, int]]]:
    """The routes found (endpoints less the library's prefix), and the diagnostics' codes
    and lines."""
    graph = codeintel.analyze(project, cache=False)
    routes = {(r.method, r.path, r.endpoint.removeprefix(library)) for r in graph.routes()}
    return routes, [(d.code, d.line) for d in graph.diagnostics]


def test_a_project_subclass_of_fastapi_users_serves_the_library_s_routers(tmp_path: Path) -> None:
    """tracecat subclasses ``FastAPIUsers`` to add a router method: the methods it inherits
    build the library's routers (runtime-checked with fastapi-users 14), the one it defines
    is its own."""
    (tmp_path / "main.py").write_text(
        "from typing import TypeVar\n\n"
        "from fastapi import APIRouter, FastAPI\n"
        "from fastapi_users import FastAPIUsers\n\n"
        "UP, ID = TypeVar('UP'), TypeVar('ID')\n\n\n"
        "class Users(FastAPIUsers[UP, ID]):\n"
        "    def get_verify_router(self, schema):\n"
        "        router = APIRouter()\n\n"
        "        @router.post('/mine')\n"
        "        def mine(): ...\n\n"
        "        return router\n\n\n"
        "users = Users[object, int](get_user_manager, [backend])\n"
        "app = FastAPI()\n"
        "app.include_router(users.get_auth_router(backend), prefix='/auth')\n"
        "app.include_router(users.get_verify_router(Read), prefix='/verify')\n"
    )
    routes, diagnostics = _library_routes(tmp_path, "fastapi_users.router.")
    assert routes == {
        ("POST", "/auth/login", "auth.get_auth_router.<locals>.login"),
        ("POST", "/auth/logout", "auth.get_auth_router.<locals>.logout"),
        ("POST", "/verify/mine", "main.Users.get_verify_router.<locals>.mine"),
    }
    assert diagnostics == [("CI204", 21)]


def test_fastapi_users_router_functions_serve_the_same_routes(tmp_path: Path) -> None:
    """``get_oauth_router(client, backend, ...)`` imported from ``fastapi_users.router`` (or
    its module): the routes the ``FastAPIUsers`` method builds with it (fastapi-users 15)."""
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\n"
        "from fastapi_users.router import get_oauth_router\n"
        "from fastapi_users.router.verify import get_verify_router\n\n"
        "app = FastAPI()\n"
        "app.include_router(get_oauth_router(client, backend, manager, 'S'), prefix='/o')\n"
        "app.include_router(get_verify_router(manager, Read))\n"
    )
    routes, diagnostics = _library_routes(tmp_path, "fastapi_users.router.")
    assert routes == {
        ("GET", "/o/authorize", "oauth.get_oauth_router.<locals>.authorize"),
        ("GET", "/o/callback", "oauth.get_oauth_router.<locals>.callback"),
        ("POST", "/request-verify-token", "verify.get_verify_router.<locals>.request_verify_token"),
        ("POST", "/verify", "verify.get_verify_router.<locals>.verify"),
    }
    assert diagnostics == [("CI204", 6), ("CI204", 7)]


def test_fastapi_users_current_user_asks_for_the_manager_and_each_backend(
    tmp_path: Path,
) -> None:
    """``Depends(fastapi_users.current_user(active=True))``: FastAPI solved, under
    fastapi-users 15.0.5 (its docs' SQLAlchemy example with a bearer and a cookie backend),
    the session, the user db and the user manager, then each backend's transport scheme and
    strategy, then the library's closure; in a variable or written in place alike."""
    (tmp_path / "users.py").write_text(
        "import uuid\n\n"
        "from fastapi import Depends\n"
        "from fastapi_users import FastAPIUsers\n"
        "from fastapi_users.authentication import AuthenticationBackend, BearerTransport\n"
        "from fastapi_users.authentication import CookieTransport\n\n\n"
        "async def get_async_session():\n    yield None\n\n\n"
        "async def get_user_db(session=Depends(get_async_session)):\n    yield session\n\n\n"
        "async def get_user_manager(user_db=Depends(get_user_db)):\n    yield user_db\n\n\n"
        "def get_jwt_strategy():\n    return None\n\n\n"
        "bearer = BearerTransport(tokenUrl='auth/jwt/login')\n"
        "jwt = AuthenticationBackend(name='jwt', transport=bearer, get_strategy=get_jwt_strategy)\n"
        "cookie = AuthenticationBackend('cookie', CookieTransport(), get_jwt_strategy)\n"
        "fastapi_users = FastAPIUsers[object, uuid.UUID](get_user_manager, [jwt, cookie])\n"
        "current_active_user = fastapi_users.current_user(active=True)\n"
    )
    (tmp_path / "main.py").write_text(
        "from fastapi import Depends, FastAPI\n\n"
        "from users import current_active_user, fastapi_users\n\n"
        "app = FastAPI()\n\n\n"
        "@app.get('/me')\n"
        "def me(user=Depends(current_active_user)):\n    return user\n\n\n"
        "@app.get('/admin')\n"
        "def admin(user=Depends(fastapi_users.current_user(superuser=True))):\n    return user\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    closure = "fastapi_users.authentication.authenticator.Authenticator.current_user.<locals>"
    chain = (
        "users.get_async_session",
        "users.get_user_db",
        "users.get_user_manager",
        "fastapi.security.oauth2.OAuth2PasswordBearer()",
        "users.get_jwt_strategy",
        "fastapi.security.api_key.APIKeyCookie()",
        f"{closure}.current_user_dependency",
    )
    assert {r.path: r.all_dependencies for r in graph.routes()} == {"/me": chain, "/admin": chain}
    assert not graph.diagnostics
    # two instances: which one a closure came from is not read; each route asking says so
    with (tmp_path / "users.py").open("a") as users:
        users.write("other = FastAPIUsers[object, uuid.UUID](get_user_manager, [jwt])\n")
    graph = codeintel.analyze(tmp_path, cache=False)
    assert {r.all_dependencies[0] for r in graph.routes()} == {"<?FastAPIUsers(...)>"}
    assert [(d.code, d.file, d.line) for d in graph.diagnostics] == [
        ("CI204", "main.py", 8),
        ("CI204", "main.py", 13),
    ]


def test_a_fastapi_users_backend_s_strategy_is_the_function_it_was_given(
    tmp_path: Path,
) -> None:
    """pecuny's login route: ``Depends(auth_backend.get_strategy)`` on an
    ``AuthenticationBackend`` (a subclass of it without an ``__init__`` too), which keeps the
    ``get_strategy`` it is built with: FastAPI (fastapi-users 13.0.0) solved that function
    (we named an attribute of a variable, a CI204). A subclass with its own ``__init__`` may
    keep another, and stays unresolved."""
    (tmp_path / "main.py").write_text(
        "from fastapi import Depends, FastAPI\n"
        "from fastapi_users.authentication import AuthenticationBackend, BearerTransport\n\n"
        "def get_strategy():\n    return None\n\n"
        "class MyBackend(AuthenticationBackend):\n    pass\n\n"
        "class Wrapped(AuthenticationBackend):\n"
        "    def __init__(self, name, transport, get_strategy):\n"
        "        super().__init__(name, transport, lambda: get_strategy())\n\n"
        "transport = BearerTransport(tokenUrl='t')\n"
        "plain = AuthenticationBackend(name='a', transport=transport, get_strategy=get_strategy)\n"
        "sub = MyBackend('b', transport, get_strategy)\n"
        "wrapped = Wrapped('c', transport, get_strategy)\n\n"
        "app = FastAPI()\n\n"
        "@app.post('/plain')\ndef use_plain(strategy=Depends(plain.get_strategy)): ...\n\n"
        "@app.post('/sub')\ndef use_sub(strategy=Depends(sub.get_strategy)): ...\n\n"
        "@app.post('/wrapped')\ndef use_wrapped(strategy=Depends(wrapped.get_strategy)): ...\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    assert {r.path: r.all_dependencies for r in graph.routes()} == {
        "/plain": ("main.get_strategy",),
        "/sub": ("main.get_strategy",),
        "/wrapped": ("main.wrapped.get_strategy",),
    }
    assert [(d.code, d.line) for d in graph.diagnostics] == [("CI204", 27)]


def test_fastapi_users_built_by_factories_with_a_transport_of_the_project(
    tmp_path: Path,
) -> None:
    """cognee's shape: ``FastAPIUsers`` built in an ``lru_cache`` factory from a backend
    another factory builds, with a project ``Transport`` whose ``scheme`` property makes an
    ``APIKeyHeader``: FastAPI (fastapi-users 15.0.5) solved these four, in this order."""
    (tmp_path / "users.py").write_text(
        "import uuid\n"
        "from functools import lru_cache\n\n"
        "from fastapi.security import APIKeyHeader\n"
        "from fastapi_users import FastAPIUsers\n"
        "from fastapi_users.authentication import AuthenticationBackend, Transport\n\n\n"
        "async def get_user_manager():\n    yield None\n\n\n"
        "class HeaderTransport(Transport):\n"
        "    @property\n"
        "    def scheme(self) -> APIKeyHeader:\n"
        "        return APIKeyHeader(name='X-Api-Key', auto_error=False)\n\n\n"
        "def get_key_backend() -> AuthenticationBackend:\n"
        "    def get_key_strategy():\n        return None\n\n"
        "    backend = AuthenticationBackend(\n"
        "        name='key', transport=HeaderTransport(), get_strategy=get_key_strategy\n"
        "    )\n"
        "    return backend\n\n\n"
        "@lru_cache\n"
        "def get_fastapi_users():\n"
        "    key = get_key_backend()\n"
        "    users = FastAPIUsers[object, uuid.UUID](get_user_manager, [key])\n"
        "    return users\n\n\n"
        "current_user = get_fastapi_users().current_user(active=True)\n"
    )
    (tmp_path / "main.py").write_text(
        "from fastapi import Depends, FastAPI\n\n"
        "from users import current_user\n\n"
        "app = FastAPI()\n\n\n"
        "@app.get('/me')\n"
        "def me(user=Depends(current_user)):\n    return user\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    assert [r.all_dependencies for r in graph.routes()] == [
        (
            "users.get_user_manager",
            "fastapi.security.api_key.APIKeyHeader()",
            "users.get_key_backend.<locals>.get_key_strategy",
            "fastapi_users.authentication.authenticator.Authenticator.current_user.<locals>"
            ".current_user_dependency",
        )
    ]
    assert not graph.diagnostics


def test_fastapi_users_parts_chosen_at_run_time_are_reported_where_it_is_built(
    tmp_path: Path,
) -> None:
    """onyx's shape: a subclass of ``FastAPIUsers``, its backend bound under ``if`` tests
    (which strategy runs is the configuration's): a placeholder, and one CI204 at the
    construction for the closure of every route; ``get_enabled_backends=`` is not read."""
    (tmp_path / "users.py").write_text(
        "import os\n"
        "import uuid\n\n"
        "from fastapi_users import FastAPIUsers\n"
        "from fastapi_users.authentication import AuthenticationBackend, CookieTransport\n\n\n"
        "async def get_user_manager():\n    yield None\n\n\n"
        "def redis_strategy():\n    return None\n\n\n"
        "def db_strategy():\n    return None\n\n\n"
        "class Users(FastAPIUsers[object, uuid.UUID]):\n    pass\n\n\n"
        "if os.environ.get('AUTH') == 'redis':\n"
        "    backend = AuthenticationBackend('redis', CookieTransport(), redis_strategy)\n"
        "else:\n"
        "    backend = AuthenticationBackend('db', CookieTransport(), db_strategy)\n"
        "users = Users[object, uuid.UUID](get_user_manager, [backend])\n"
        "current = users.current_user(active=True)\n"
        "chosen = users.current_user(get_enabled_backends=get_user_manager)\n"
    )
    (tmp_path / "main.py").write_text(
        "from fastapi import Depends, FastAPI\n\n"
        "from users import chosen, current\n\n"
        "app = FastAPI()\n\n\n"
        "@app.get('/a')\n"
        "def a(user=Depends(current)):\n    return user\n\n\n"
        "@app.get('/b')\n"
        "def b(user=Depends(chosen)):\n    return user\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    closure = "fastapi_users.authentication.authenticator.Authenticator.current_user.<locals>"
    assert {r.path: r.all_dependencies for r in graph.routes()} == {
        "/a": (
            "users.get_user_manager",
            "<?backend.scheme>",
            "<?backend.get_strategy>",
            f"{closure}.current_user_dependency",
        ),
        "/b": ("<?users.current_user(get_enabled_backends=get_user_manager)>",),
    }
    assert sorted((d.code, d.file, d.line) for d in graph.diagnostics) == [
        ("CI204", "main.py", 13),
        ("CI204", "users.py", 28),
        ("CI204", "users.py", 28),
    ]


def test_fastapi_users_through_an_alias_a_transport_subclass_and_a_grown_list(
    tmp_path: Path,
) -> None:
    """A review's shapes, each run under fastapi-users 15.0.5: a variable naming the one
    holding ``current_user(...)``, and a subclass of ``BearerTransport`` keeping its scheme,
    are read; a backends list appended to after it is bound is not (a placeholder, a CI204)."""
    users = (
        "import uuid\n\n"
        "from fastapi_users import FastAPIUsers\n"
        "from fastapi_users.authentication import AuthenticationBackend, BearerTransport\n\n\n"
        "async def get_user_manager():\n    yield None\n\n\n"
        "def get_strategy():\n    return None\n\n\n"
        "class Bearer(BearerTransport):\n    pass\n\n\n"
        "jwt = AuthenticationBackend('jwt', Bearer(tokenUrl='login'), get_strategy)\n"
        "backends = [jwt]\n"
        "users = FastAPIUsers[object, uuid.UUID](get_user_manager, backends)\n"
        "active = users.current_user(active=True)\n"
        "current = active\n"
        "token = users.authenticator.current_user_token(active=True)\n"
    )
    (tmp_path / "users.py").write_text(users)
    (tmp_path / "main.py").write_text(
        "from fastapi import Depends, FastAPI\n\n"
        "from users import current, token\n\n"
        "app = FastAPI()\n\n\n"
        "@app.get('/me')\n"
        "def me(user=Depends(current)):\n    return user\n\n\n"
        "@app.get('/token')\n"
        "def with_token(user_token=Depends(token)):\n    return user_token\n"
    )
    authenticator = "fastapi_users.authentication.authenticator.Authenticator"
    closure = f"{authenticator}.current_user.<locals>"
    graph = codeintel.analyze(tmp_path, cache=False)
    chain = ("users.get_user_manager", "fastapi.security.oauth2.OAuth2PasswordBearer()")
    chain += ("users.get_strategy",)
    assert {r.path: r.all_dependencies for r in graph.routes()} == {
        "/me": (*chain, f"{closure}.current_user_dependency"),
        "/token": (
            *chain,
            f"{authenticator}.current_user_token.<locals>.current_user_token_dependency",
        ),
    }
    (tmp_path / "users.py").write_text(users + "backends.append(jwt)\n")
    graph = codeintel.analyze(tmp_path, cache=False)
    assert {r.path: r.all_dependencies for r in graph.routes()}["/me"] == (
        "users.get_user_manager",
        "<?backends>",
        f"{closure}.current_user_dependency",
    )
    assert [(d.code, d.file) for d in graph.diagnostics] == [("CI204", "users.py")] * 2


def test_values_read_before_they_grow_keep_what_they_held(tmp_path: Path) -> None:
    """A prefix, a list looped over and a ``routes=`` list, each read before ``+=`` adds to
    it: what FastAPI served is what they held then (an adversarial review's cases)."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n"
        "from fastapi.routing import APIRoute\n\n\n"
        "def ping() -> None:\n    pass\n\n\n"
        "PREFIX = '/api'\n"
        "router = APIRouter(prefix=PREFIX)\n"
        "PREFIX += '/docs-only'\n"
        "extra = APIRouter(prefix='/extra')\n\n\n"
        "@router.get('/items')\n"
        "def items() -> None:\n    pass\n\n\n"
        "@extra.get('/x')\n"
        "def extra_x() -> None:\n    pass\n\n\n"
        "routers = [router]\n"
        "app = FastAPI(routes=[APIRoute('/a', ping)])\n"
        "for r in routers:\n"
        "    app.include_router(r)\n"
        "routers += [extra]\n"
        "routes = [APIRoute('/first', ping)]\n"
        "listed = FastAPI(routes=routes)\n"
        "routes += [APIRoute('/later', ping)]\n"
    )
    routes = codeintel.analyze(tmp_path, cache=False).routes()
    assert {(r.path, r.app) for r in routes if r.app} == {
        ("/a", "main.app"),
        ("/api/items", "main.app"),
        ("/first", "main.listed"),
    }


def test_fields_tuples_and_constructions_read_only_as_the_run_would(tmp_path: Path) -> None:
    """A provider held by an object whose ``__init__`` transforms it is what it stored, not
    the constructor's argument; a factory returning its routers in either order leaves the
    unpacked names to the run; a class built in place passes its arguments to the method
    called on it."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, Depends, FastAPI\n\n\n"
        "def check() -> None:\n    pass\n\n\n"
        "def wrap(fn):\n"
        "    def wrapped() -> None:\n        return fn()\n\n"
        "    return wrapped\n\n\n"
        "class Scope:\n"
        "    def __init__(self, query) -> None:\n"
        "        self.query = wrap(query)\n\n\n"
        "class Provider:\n"
        "    def __init__(self, login_path: str = '/login') -> None:\n"
        "        self.login_path = login_path\n\n"
        "    def register(self, app: FastAPI) -> None:\n"
        "        app.add_api_route(self.login_path, check)\n\n\n"
        "def get_routers(admin_first: bool = False):\n"
        "    public, admin = APIRouter(prefix='/pub'), APIRouter(prefix='/adm')\n"
        "    if admin_first:\n"
        "        return admin, public\n"
        "    return public, admin\n\n\n"
        "USER = Scope(query=check)\n"
        "app = FastAPI()\n"
        "first, second = get_routers(admin_first=True)\n\n\n"
        "@app.get('/items')\n"
        "def items(q=Depends(USER.query)) -> None:\n    pass\n\n\n"
        "@first.get('/a')\n"
        "def read_a() -> None:\n    pass\n\n\n"
        "Provider(login_path='/signin').register(app)\n"
        "app.include_router(first)\n"
    )
    routes = codeintel.analyze(tmp_path, cache=False).routes()
    served = {(r.path, r.dependencies) for r in routes if r.app == "main.app"}
    # what ``__init__`` stored: the closure ``wrap`` returned, as FastAPI names it
    assert served == {("/items", ("main.wrap.<locals>.wrapped",)), ("/signin", ())}


def test_an_object_a_function_returns_under_a_test_declares_under_it(tmp_path: Path) -> None:
    """IOPaint builds its file manager, which adds a route to the app it is given, only in
    ``if self.input_dir: return FileManager(app=self.app)``: served only when the folder is
    set, so the route keeps that test."""
    (tmp_path / "main.py").write_text(
        "import os\n\n"
        "from fastapi import FastAPI\n\n\n"
        "class FileManager:\n"
        "    def __init__(self, app: FastAPI) -> None:\n"
        "        app.add_api_route('/medias', self.medias)\n\n"
        "    def medias(self) -> list[str]:\n"
        "        return []\n\n\n"
        "def build(app: FastAPI, folder: str | None) -> FileManager | None:\n"
        "    if folder:\n"
        "        return FileManager(app=app)\n"
        "    return None\n\n\n"
        "app = FastAPI()\n"
        "manager = build(app, os.environ.get('INPUT_DIR'))\n"
    )
    (route,) = codeintel.analyze(tmp_path, cache=False).routes()
    assert (route.path, route.app, route.conditions) == ("/medias", "main.app", ("folder",))


def test_loops_that_run_a_statement_over_a_thousand_times_are_data(tmp_path: Path) -> None:
    """vllm's kernel benchmarks loop over 90,000 configurations: expanding every statement
    there cost minutes. Nested loops running a statement more than 1,024 times are read as
    a loop we cannot tell, reported where they register a route; smaller ones expand."""
    names = [f"n{i}" for i in range(33)]
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\n\n"
        "app = FastAPI()\n"
        f"NAMES = {names!r}\n"
        "KINDS = ['a', 'b', 'c']\n\n\n"
        "def ping() -> None:\n    pass\n\n\n"
        "for x in NAMES:\n"
        "    for y in NAMES:\n"
        "        app.add_api_route(f'/big/{x}/{y}', ping)\n"
        "for x in NAMES:\n"
        "    for y in KINDS:\n"
        "        app.add_api_route(f'/small/{x}/{y}', ping)\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    paths = [r.path for r in graph.routes()]
    assert len([p for p in paths if p.startswith("/small/")]) == 33 * 3
    assert [p for p in paths if not p.startswith("/small/")] == ["/big/<?x>/<?y>"]
    assert ("CI202", 14) in {(d.code, d.line) for d in graph.diagnostics}


def test_a_project_holding_fastapi_s_source_keeps_its_routers_options(tmp_path: Path) -> None:
    """Analysing a tree that holds the ``fastapi`` package itself (its repository, or a
    vendored copy): ``APIRouter(prefix=...)`` is the framework's class, not a subclass whose
    ``super().__init__`` drops the options, and the package's own code declares no routes."""
    (tmp_path / "fastapi").mkdir()
    (tmp_path / "fastapi" / "__init__.py").write_text(
        "from fastapi.routing import APIRouter\nfrom fastapi.applications import FastAPI\n"
    )
    (tmp_path / "fastapi" / "routing.py").write_text(
        "class APIRouter:\n"
        "    def __init__(self, *, prefix: str = '', routes: list | None = None) -> None:\n"
        "        super().__init__()\n"
    )
    (tmp_path / "fastapi" / "applications.py").write_text(
        "from fastapi.routing import APIRouter\n\n\n"
        "class FastAPI:\n"
        "    def __init__(self) -> None:\n"
        "        self.router = APIRouter(routes=[])\n"
    )
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "router = APIRouter(prefix='/items')\n\n\n"
        "@router.get('/{item_id}')\n"
        "def read_item(item_id: int) -> int:\n    return item_id\n\n\n"
        "app = FastAPI()\n"
        "app.include_router(router)\n"
    )
    routes = codeintel.analyze(tmp_path, cache=False).routes()
    assert [(r.path, r.app) for r in routes] == [("/items/{item_id}", "main.app")]


def test_a_function_a_loader_calls_by_attribute_is_no_never_called_one(tmp_path: Path) -> None:
    """``import_module(f"app.plugins.{name}").register(app)``: a plugin's ``register`` is
    named in the loader's call, so what it declares keeps no ``call`` condition; and an app
    wrapped in a middleware (``app = CORSMiddleware(app)``) serves its own routes, unreported."""
    (tmp_path / "plugins").mkdir()
    (tmp_path / "plugins" / "__init__.py").write_text("")
    (tmp_path / "plugins" / "audit.py").write_text(
        "def register(app) -> None:\n"
        "    @app.get('/audit')\n"
        "    def audit() -> None:\n        pass\n"
    )
    (tmp_path / "main.py").write_text(
        "import importlib\n\n"
        "from fastapi import FastAPI\n"
        "from starlette.middleware.cors import CORSMiddleware\n\n"
        "app = FastAPI()\n"
        "for name in ['audit']:\n"
        "    importlib.import_module(f'plugins.{name}').register(app)\n"
        "app = CORSMiddleware(app, allow_origins=['*'])\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    assert [r.conditions for r in graph.routes() if r.path == "/audit"] == [()]
    assert not [d for d in graph.diagnostics if "bound again" in d.message]


def test_a_dependency_read_from_a_dict_by_key_is_a_provider(tmp_path: Path) -> None:
    """bitcart: ``user: str = AUTH["list"]`` with ``AUTH = {"list": Depends(auth)}``."""
    (tmp_path / "main.py").write_text(
        "from fastapi import Depends, FastAPI\n\n\n"
        "def auth() -> str:\n    return 'user'\n\n\n"
        "AUTH = {'list': Depends(auth)}\n"
        "app = FastAPI()\n\n\n"
        "@app.get('/items')\n"
        "def items(user: str = AUTH['list']) -> None:\n    pass\n"
    )
    (route,) = codeintel.analyze(tmp_path, cache=False).routes()
    assert route.all_dependencies == ("main.auth",)


def test_a_constant_flag_is_decided_and_a_settings_field_is_not(tmp_path: Path) -> None:
    """``if ENABLE_X:`` of a literal set once is decided; ``if settings.ENV == "dev":`` is
    not, though its class default says otherwise: the environment (or ``.env``) sets a
    settings field (full-stack-fastapi-template's private routes), an instance a model's."""
    (tmp_path / "main.py").write_text(
        "from pydantic_settings import BaseSettings\n"
        "from fastapi import FastAPI\n\n\n"
        "class Settings(BaseSettings):\n"
        "    ENV: str | None = None\n\n\n"
        "settings = Settings()\n"
        "ENABLE_X = False\n"
        "app = FastAPI()\n"
        "if ENABLE_X:\n\n"
        "    @app.get('/x')\n"
        "    def x() -> None:\n        pass\n\n\n"
        "if settings.ENV == 'dev':\n\n"
        "    @app.get('/dev')\n"
        "    def dev() -> None:\n        pass\n"
    )
    routes = codeintel.analyze(tmp_path, cache=False).routes()
    assert [(r.path, r.conditions) for r in routes] == [("/dev", ("settings.ENV == 'dev'",))]


@pytest.mark.parametrize(
    "declared",
    [
        "enabled: Annotated[bool, Field(default=True, description='limits')]",
        "enabled: bool = Field(default=True)",
        "enabled: Annotated[bool, Field(True)]",
    ],
)
def test_a_dependency_list_chosen_by_a_settings_field_pydantic_defaults(
    tmp_path: Path, declared: str
) -> None:
    """lazer-server's ``if settings.enable_rate_limit: LIMITERS = [Depends(RateLimiter(...))]``
    / ``else: LIMITERS = []``, the field declared ``Annotated[bool, Field(default=True)]``:
    the list its default picks, as a plain ``= True`` default already was (the field's
    ``Field`` was not read: every route was ``<?LIMITERS>``, a CI204). FastAPI, unconfigured,
    asks for the limiter."""
    (tmp_path / "main.py").write_text(
        "from typing import Annotated\n\n"
        "from fastapi import APIRouter, Depends, FastAPI\n"
        "from pydantic import Field\n"
        "from pydantic_settings import BaseSettings\n\n"
        f"class Settings(BaseSettings):\n    {declared}\n\n"
        "settings = Settings()\n\n"
        "class RateLimiter:\n"
        "    def __init__(self, times: int) -> None:\n        self.times = times\n\n"
        "    def __call__(self) -> None: ...\n\n"
        "if settings.enabled:\n    LIMITERS = [Depends(RateLimiter(times=10))]\n"
        "else:\n    LIMITERS = []\n\n"
        "router = APIRouter(dependencies=LIMITERS)\n\n"
        "@router.get('/me')\ndef me() -> None: ...\n\n"
        "app = FastAPI()\napp.include_router(router)\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    assert [r.all_dependencies for r in graph.routes()] == [("main.RateLimiter()",)]
    assert not graph.diagnostics


def test_a_provider_a_router_factory_is_given_is_each_calls(tmp_path: Path) -> None:
    """polar's ``get_oauth_link_router(get_github_factor, "github")`` declares
    ``Depends(factor_dependency)``: each router FastAPI serves asks for what its call
    passed, and for that provider's own dependencies."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, Depends, FastAPI\n\n\n"
        "def get_db() -> str:\n"
        "    return 'db'\n\n\n"
        "def github_factor(db: str = Depends(get_db)) -> str:\n"
        "    return 'github'\n\n\n"
        "def google_factor() -> str:\n"
        "    return 'google'\n\n\n"
        "def link_router(factor_dependency, identifier: str) -> APIRouter:\n"
        "    router = APIRouter(prefix=f'/{identifier}')\n\n"
        "    @router.get('/authorize')\n"
        "    def authorize(factor: str = Depends(factor_dependency)) -> str:\n"
        "        return factor\n\n"
        "    return router\n\n\n"
        "app = FastAPI()\n"
        "app.include_router(link_router(github_factor, 'github'))\n"
        "app.include_router(link_router(google_factor, 'google'))\n"
    )
    graph = codeintel.analyze(tmp_path)
    assert {r.path: r.all_dependencies for r in graph.routes()} == {
        "/github/authorize": ("main.get_db", "main.github_factor"),
        "/google/authorize": ("main.google_factor",),
    }
    assert not graph.diagnostics


def test_a_signature_made_at_run_time_is_reported(tmp_path: Path) -> None:
    """polar's authenticators get their ``__call__`` signature from makefun's
    ``with_signature``: FastAPI reads that one, so what is written is not what it asks."""
    (tmp_path / "main.py").write_text(
        "from inspect import Signature\n\n"
        "from fastapi import Depends, FastAPI\n"
        "from makefun import with_signature\n\n\n"
        "class Auth:\n"
        "    @with_signature(Signature([]))\n"
        "    def __call__(self, subject: str) -> str:\n"
        "        return subject\n\n\n"
        "web_auth = Auth()\n"
        "app = FastAPI()\n\n\n"
        "@app.get('/me')\n"
        "def me(subject: str = Depends(web_auth)) -> str:\n"
        "    return subject\n"
    )
    graph = codeintel.analyze(tmp_path)
    assert [(d.code, d.line, d.message) for d in graph.diagnostics] == [
        (
            "CI204",
            13,  # where the instance is made
            "main.web_auth gets its signature at run time (with_signature(Signature([]))); "
            "the dependencies FastAPI finds there are not known",
        )
    ]


def test_an_include_on_what_is_no_known_app_or_router_is_reported(tmp_path: Path) -> None:
    """DB-GPT includes 202 routes on ``system_app.app``, a parameter's attribute nothing
    tells the class of, and a router class of a package we do not read (a library's
    versioned router): a CI202 says so rather than nothing. An instance of another class
    we can name (aiogram's ``Dispatcher``) has an ``include_router`` of its own: no
    report."""
    (tmp_path / "main.py").write_text(
        "from aiogram import Dispatcher, Router\n"
        "from fastapi import APIRouter\n"
        "from versioning import VersionedAPIRouter\n\n"
        "items = APIRouter()\n\n\n"
        "def mount(system_app) -> None:\n"
        "    system_app.app.include_router(items)\n\n\n"
        "dp = Dispatcher()\n"
        "dp.include_router(Router())\n"
        "versioned = VersionedAPIRouter()\n"
        "versioned.include_router(items)\n"
    )
    graph = codeintel.analyze(tmp_path)
    assert [(d.code, d.line, d.message) for d in graph.diagnostics] == [
        (
            "CI202",
            9,
            "cannot tell which app or router system_app.app is; its include_router is not seen",
        ),
        (
            "CI202",
            15,
            "cannot tell which app or router versioned is; its include_router is not seen",
        ),
    ]


def test_a_route_decorator_of_no_receiver_is_reported_by_its_name(tmp_path: Path) -> None:
    """``@get("/items")`` of a library we do not read: a function registering on no app or
    router we see. The CI202 names the decorator (it named an empty receiver)."""
    (tmp_path / "main.py").write_text(
        "from somelib import get\n\n@get('/items')\ndef items() -> list[str]:\n    return []\n"
    )
    graph = codeintel.analyze(tmp_path)
    assert [(d.code, d.line, d.message) for d in graph.diagnostics] == [
        ("CI202", 3, "cannot tell which app or router get() declares its route on")
    ]


_PASSED_AND_HELD = """
from fastapi import APIRouter, Depends, FastAPI


class Authenticator:
    def __call__(self) -> str:
        return "auth"


def make_auth() -> Authenticator:
    return Authenticator()


def get_db() -> str:
    return "db"


def dep(fn):
    return Depends(fn)


shared = Authenticator()
router = APIRouter()


def build() -> APIRouter:
    alias = shared
    made = make_auth()
    fn_ref = get_db

    @router.get("/local")
    def local(a=Depends(alias), b=Depends(made), c=Depends(fn_ref)) -> None:
        pass

    return router


@router.get("/passed")
def passed(w=dep(get_db)) -> None:
    pass


app = FastAPI()
app.include_router(build())
"""


@pytest.mark.slow
def test_providers_passed_to_a_factory_or_held_by_locals_are_named_as_fastapi_does(
    tmp_path: Path,
) -> None:
    """``dep(get_db)`` returning ``Depends(fn)`` depends on ``get_db``; a local naming a
    module's instance is that variable, one a factory fills is ``Class()``, one naming a
    function is the function (the review's cases)."""
    (tmp_path / "main.py").write_text(_PASSED_AND_HELD)
    routes = {r.path: r.all_dependencies for r in codeintel.analyze(tmp_path).routes()}
    assert routes == {
        "/local": ("main.shared", "main.Authenticator()", "main.get_db"),
        "/passed": ("main.get_db",),
    }
    runtime = runtime_dependencies(tmp_path, "main:passed")
    assert runtime["main:passed"] == list(routes["/passed"])


def test_a_router_passed_to_the_app_factory_is_followed(tmp_path: Path) -> None:
    (tmp_path / "app").mkdir()
    (tmp_path / "app/__init__.py").write_text("")
    (tmp_path / "app/setup.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n\n"
        "def create_application(router: APIRouter, title: str) -> FastAPI:\n"
        "    application = FastAPI(title=title)\n"
        "    application.include_router(router)\n"
        "    return application\n"
    )
    (tmp_path / "app/api.py").write_text(
        "from fastapi import APIRouter\n\n"
        "router = APIRouter(prefix='/api/v1')\n\n\n"
        "@router.get('/health')\n"
        "def health() -> bool:\n    return True\n"
    )
    (tmp_path / "app/main.py").write_text(
        "from app.api import router\n"
        "from app.setup import create_application\n\n"
        "app = create_application(router=router, title='x')\n"
    )
    graph = codeintel.analyze(tmp_path)
    assert graph.diagnostics == ()
    static = {(r.method, r.path, r.endpoint) for r in graph.routes() if r.app == "app.main.app"}
    assert static == {("GET", "/api/v1/health", "app.api.health")}
    assert static == runtime_routes(tmp_path, "app.main:app")


def test_options_passed_as_a_mapping_nobody_can_read_are_reported(tmp_path: Path) -> None:
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\n"
        "from settings import route_options\n\n"
        "app = FastAPI()\n\n\n"
        '@app.api_route("/x", **route_options())\n'
        "def x() -> None: ...\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    assert [(r.method, r.path) for r in graph.routes()] == [("GET", "/x")]
    assert [(d.code, d.line, d.message) for d in graph.diagnostics] == [
        ("CI202", 7, "cannot tell what **route_options() passes")
    ]


def test_a_router_a_helper_is_passed_that_names_nothing_is_reported_at_that_call(
    tmp_path: Path,
) -> None:
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n"
        "from users_lib import users\n\n"
        "app = FastAPI()\n"
        "own = APIRouter()\n\n\n"
        "def include(application: FastAPI, router: APIRouter, prefix: str = '') -> None:\n"
        "    application.include_router(router, prefix=prefix)\n\n\n"
        "include(app, own)\n"
        "include(app, users.get_verify_router(), prefix='/auth')\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    assert [(d.code, d.line, d.message) for d in graph.diagnostics] == [
        ("CI202", 13, "cannot tell which router users.get_verify_router() is")
    ]


@pytest.mark.slow
def test_a_nested_helper_s_own_router_never_mixes_two_calls(tmp_path: Path) -> None:
    """Found in review: each call makes its own router; one object for both joined one
    call's route to the other's prefix. Each call's router holds that call's route."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n\n"
        "def create_app() -> FastAPI:\n"
        "    app = FastAPI()\n\n"
        "    def attach(page: str, prefix: str) -> None:\n"
        "        r = APIRouter()\n\n"
        "        @r.get(page)\n"
        "        def h() -> None: ...\n\n"
        "        app.include_router(r, prefix=prefix)\n\n"
        '    attach("/a", "/x")\n'
        '    attach("/c", "/y")\n'
        "    return app\n\n\n"
        "app = create_app()\n"
    )
    endpoint = "main.create_app.<locals>.attach.<locals>.h"
    expected = {("GET", "/x/a", endpoint), ("GET", "/y/c", endpoint)}
    _served_as_at_runtime(tmp_path, "main:app", expected)


_ROUTER = (
    "from fastapi import APIRouter\n\nrouter = APIRouter()\n\n\n"
    "@router.get('/{name}')\ndef {name}():\n    return 1\n"
)


def _project(tmp_path: Path, files: dict[str, str], routers: tuple[str, ...] = ()) -> Path:
    for name in routers:
        (tmp_path / f"{name}.py").write_text(_ROUTER.replace("{name}", name))
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    return tmp_path


def _served(project: Path) -> set[tuple[str, tuple[str, ...]]]:
    return {(r.path, r.conditions) for r in codeintel.analyze(project).routes() if r.app}


def test_a_list_is_what_was_added_before_the_loop_that_reads_it(tmp_path: Path) -> None:
    """FastAPI serves /a alone: /b is appended after the loop, /c only under a test."""
    main = (
        "import os\n\nfrom fastapi import FastAPI\n\nimport a, b, c\n\n"
        "app = FastAPI()\nROUTERS = [a.router]\n"
        "if os.getenv('EXTRA'):\n    ROUTERS.append(c.router)\n"
        "for r in ROUTERS:\n    app.include_router(r)\nROUTERS.append(b.router)\n"
    )
    project = _project(tmp_path, {"main.py": main}, ("a", "b", "c"))
    assert _served(project) == {("/a", ()), ("/c", ("os.getenv('EXTRA')",))}


def test_a_list_items_are_taken_out_of_is_not_known(tmp_path: Path) -> None:
    main = (
        "from fastapi import FastAPI\n\nimport a, b\n\napp = FastAPI()\n"
        "ROUTERS = [a.router, b.router]\nROUTERS.remove(b.router)\n"
        "for r in ROUTERS:\n    app.include_router(r)\n"
    )
    graph = codeintel.analyze(_project(tmp_path, {"main.py": main}, ("a", "b")))
    assert not [r for r in graph.routes() if r.app]
    assert ("CI202", 9) in {(d.code, d.line) for d in graph.diagnostics}  # the include


def test_the_same_test_in_two_scopes_is_no_contradiction(tmp_path: Path) -> None:
    """Each module's ``ENABLED`` is its own: with HOME set and the other unset, FastAPI
    serves /off, under both words."""
    files = {
        "main.py": "import os\n\nfrom fastapi import FastAPI\n\nimport routes\n\n"
        "ENABLED = os.getenv('HOME')\napp = FastAPI()\n"
        "if ENABLED:\n    app.include_router(routes.router)\n",
        "routes.py": "import os\n\nfrom fastapi import APIRouter\n\n"
        "ENABLED = os.getenv('UNSET')\nrouter = APIRouter()\n\n"
        "if ENABLED:\n\n    @router.get('/on')\n    def on():\n        return 1\n\n"
        "else:\n\n    @router.get('/off')\n    def off():\n        return 1\n",
    }
    assert _served(_project(tmp_path, files)) == {
        ("/on", ("ENABLED",)),
        ("/off", ("ENABLED", "not (ENABLED)")),
    }


def test_a_helper_called_either_way_serves_its_route_always(tmp_path: Path) -> None:
    main = (
        "import os\n\nfrom fastapi import FastAPI\n\nimport a\n\napp = FastAPI()\n\n\n"
        "def add(prefix):\n    app.include_router(a.router, prefix=prefix)\n\n\n"
        "if os.getenv('UNSET'):\n    add('/x')\nelse:\n    add('/x')\n"
        "list(map(add, ['/m']))\n"
    )
    assert _served(_project(tmp_path, {"main.py": main}, ("a",))) == {("/x/a", ()), ("/m/a", ())}


def test_a_walk_goes_into_subpackages_only_by_their_importable_names(tmp_path: Path) -> None:
    """``walk_packages(pkg.__path__)`` yields ``sub`` without a prefix, which does not
    import, so the walk never goes into it; ``b`` binds ``router`` only under a test."""
    files = {
        "pkg/__init__.py": "",
        "pkg/sub/__init__.py": "",
        "pkg/sub/deep.py": _ROUTER.replace("{name}", "deep"),
        "pkg/a.py": _ROUTER.replace("{name}", "a"),
        "pkg/b.py": "import os\n\nif os.getenv('UNSET'):\n"
        + "".join(f"    {line}\n" for line in _ROUTER.replace("{name}", "b").splitlines()),
        "main.py": "import importlib\nimport pkgutil\n\nfrom fastapi import FastAPI\n\n"
        "import pkg\n\napp = FastAPI()\n"
        "for info in pkgutil.walk_packages(pkg.__path__):\n"
        "    m = importlib.import_module('pkg.' + info.name)\n"
        "    if not hasattr(m, 'router'):\n        continue\n"
        "    app.include_router(m.router)\n",
    }
    served = _served(_project(tmp_path, files))
    assert ("/a", ()) in served and not {p for p, _ in served} & {"/deep"}
    [(_, b_conditions)] = [(p, c) for p, c in served if p == "/b"]
    assert "os.getenv('UNSET')" in b_conditions


def test_providers_are_what_fastapi_calls_not_what_annotations_suggest(tmp_path: Path) -> None:
    """FastAPI's own answers: the instance a literal flag picks (``Sub()``), not the base
    the factory's annotation names; ``argparse.Namespace.__init__`` before ``Base``'s, so
    no dependency; the class an attribute is set to (``SubInj``), not its annotation's."""
    (tmp_path / "main.py").write_text(
        "import argparse\nfrom typing import Optional\n\n"
        "from fastapi import Depends, FastAPI\n\n\n"
        "def da() -> None:\n    pass\n\n\ndef db() -> None:\n    pass\n\n\n"
        "class Base:\n    def __call__(self, x=Depends(da)):\n        return 1\n\n\n"
        "class Sub(Base):\n    def __call__(self, y=Depends(db)):\n        return 2\n\n\n"
        "def make(flag: bool = True) -> Base:\n    return Sub() if flag else Base()\n\n\n"
        "class Init:\n    def __init__(self, a=Depends(da)):\n        pass\n\n\n"
        "class Parsed(argparse.Namespace, Init):\n    pass\n\n\n"
        "class Inj:\n    def depends(self, x=Depends(da)):\n        return 1\n\n\n"
        "class SubInj(Inj):\n    def depends(self, y=Depends(db)):\n        return 2\n\n\n"
        "class Config:\n    inj: Inj | None = None\n    opt: Optional[Inj] = None\n\n"
        "    def __init__(self):\n        self.inj = SubInj()\n        self.opt = Inj()\n\n\n"
        "def get_config() -> Config:\n    return Config()\n\n\n"
        "app = FastAPI()\n\n\n"
        "@app.get('/made')\ndef made(v=Depends(make())):\n    return v\n\n\n"
        "@app.get('/parsed')\ndef parsed(v=Depends(Parsed)):\n    return v\n\n\n"
        "@app.get('/inj')\ndef inj(v=Depends(get_config().inj.depends)):\n    return v\n\n\n"
        "@app.get('/opt')\ndef opt(v=Depends(get_config().opt.depends)):\n    return v\n"
    )
    graph = codeintel.analyze(tmp_path)
    assert {r.path: r.all_dependencies for r in graph.routes()} == {
        "/made": ("main.db", "main.Sub()"),
        "/parsed": ("main.Parsed",),
        "/inj": ("main.db", "main.SubInj.depends"),
        "/opt": ("main.da", "main.Inj.depends"),
    }


def test_bases_that_define_no_init_are_passed_over(tmp_path: Path) -> None:
    """``Generic`` and ``ABC`` define no ``__init__`` or ``__call__``: the project base's run,
    with its dependencies, as FastAPI finds them."""
    (tmp_path / "main.py").write_text(
        "import abc\nfrom typing import Generic, TypeVar\n\n"
        "from fastapi import Depends, FastAPI\n\nT = TypeVar('T')\n\n\n"
        "def get_user() -> str:\n    return 'u'\n\n\n"
        "class Base:\n    def __call__(self, user: str = Depends(get_user)) -> str:\n"
        "        return user\n\n\n"
        "class Typed(Generic[T], Base):\n    pass\n\n\n"
        "class Abstract(abc.ABC, Base):\n    pass\n\n\n"
        "app = FastAPI()\n\n\n"
        "@app.get('/typed')\ndef typed(v: str = Depends(Typed())) -> str:\n    return v\n\n\n"
        "@app.get('/abstract')\ndef abstract(v: str = Depends(Abstract())) -> str:\n    return v\n"
    )
    graph = codeintel.analyze(tmp_path)
    assert {r.path: r.all_dependencies for r in graph.routes()} == {
        "/typed": ("main.get_user", "main.Typed()"),
        "/abstract": ("main.get_user", "main.Abstract()"),
    }


def test_additions_through_map_count(tmp_path: Path) -> None:
    main = (
        "from fastapi import FastAPI\n\nimport a, b\n\napp = FastAPI()\n"
        "ROUTERS = [a.router]\nlist(map(ROUTERS.append, [b.router]))\n"
        "for r in ROUTERS:\n    app.include_router(r)\n"
    )
    assert _served(_project(tmp_path, {"main.py": main}, ("a", "b"))) == {("/a", ()), ("/b", ())}


def test_an_include_with_a_stray_trailing_comma_still_runs(tmp_path: Path) -> None:
    """``app.include_router(a.router, prefix="/x"),`` is a tuple statement holding the call."""
    main = (
        "from fastapi import FastAPI\n\nimport a, b\n\napp = FastAPI()\n"
        "app.include_router(a.router, prefix='/x'),\n"
        "app.include_router(b.router), print('wired')\n"
    )
    served = _served(_project(tmp_path, {"main.py": main}, ("a", "b")))
    assert served == {("/x/a", ()), ("/b", ())}


def test_a_helper_on_one_of_many_instances_adds_no_made_up_paths(tmp_path: Path) -> None:
    """Instances of one class share one router here: a helper's per-call prefix on it would
    reach the other instances' routers, so it stays unknown (runtime: /one/x alone)."""
    main = (
        "from fastapi import APIRouter, FastAPI\n\n\n"
        "def h() -> int:\n    return 1\n\n\n"
        "class Api:\n    def __init__(self) -> None:\n        self._router = APIRouter()\n\n\n"
        "def add_routes(api: Api, prefix: str) -> None:\n"
        "    router = api._router\n"
        "    router.add_api_route(prefix + '/x', h, methods=['GET'])\n\n\n"
        "a1, a3 = Api(), Api()\nadd_routes(a1, '/one')\n"
        "app = FastAPI()\napp.include_router(a1._router)\n"
        "app.include_router(a3._router, prefix='/three')\n"
    )
    paths = {p for p, _ in _served(_project(tmp_path, {"main.py": main}))}
    assert "/three/one/x" not in paths
    assert "<?prefix>/x" in paths  # the route is there, its prefix kept as unknown


def test_a_route_reached_under_unrelated_tests_holds_either(tmp_path: Path) -> None:
    main = (
        "import os\n\nfrom fastapi import FastAPI\n\nimport a\n\napp = FastAPI()\n\n\n"
        "def add(prefix):\n    app.include_router(a.router, prefix=prefix)\n\n\n"
        "if os.getenv('A'):\n    add('/x')\nif os.getenv('B'):\n    add('/x')\n"
        "if os.getenv('B'):\n    add('/x')\n"
    )
    assert _served(_project(tmp_path, {"main.py": main}, ("a",))) == {
        ("/x/a", ("(os.getenv('A')) or (os.getenv('B'))",))
    }


# Shapes where reading more (class bodies, literals, fallbacks, receivers) must not read
# wrong: each is FastAPI's routes as it serves them (an independent review's cases).
_EDGE_SHAPES = {
    "route_decorator_of_another_registry": """\
from fastapi import FastAPI, APIRouter
class Registry:
    def get(self, name):
        def deco(f):
            f()
            return f
        return deco
registry = Registry()
app = FastAPI()
@registry.get("users")
def wire_users():
    router = APIRouter()
    @router.get("/users")
    def users(): ...
    app.include_router(router)
""",
    "unknown_spread_keeps_known_items": """\
import importlib.metadata
from fastapi import FastAPI, APIRouter
health = APIRouter()
@health.get("/health")
def check(): ...
def plugin_routers():
    return [e.load() for e in importlib.metadata.entry_points(group="no.such.group")]
app = FastAPI()
for router in [health, *plugin_routers()]:
    app.include_router(router)
""",
    "class_body_names_bound_later": """\
from fastapi import FastAPI, APIRouter
app = FastAPI()
router = APIRouter(prefix="/global")
class Views:
    @router.get("/before")
    def before(self): pass
    router = APIRouter(prefix="/cls")
    @router.get("/after")
    def after(): pass
    def make(self):
        @router.get("/nested")
        def nested(): pass
Views().make()
app.include_router(router)
app.include_router(Views.router)
""",
    "class_annotation_binds_nothing": """\
from fastapi import FastAPI, APIRouter
app = FastAPI()
router = APIRouter(prefix="/g")
class Handlers:
    router: APIRouter
    @router.get("/x")
    def x(): pass
app.include_router(router)
""",
    "fallback_when_the_import_fails": """\
from fastapi import FastAPI, APIRouter
try:
    from nonexistent_pkg_zz import PlusRouter
except ImportError:
    class PlusRouter(APIRouter):
        pass
app = FastAPI()
router = PlusRouter(prefix="/p")
@router.get("/x")
def x(): pass
app.include_router(router)
""",
    "mutated_constant": """\
from fastapi import FastAPI, APIRouter
app = FastAPI()
a = APIRouter(); b = APIRouter()
@a.get("/a")
def fa(): pass
@b.get("/b")
def fb(): pass
SKIPPED = {"b"}
def skip(name):
    SKIPPED.discard(name)
skip("b")
for name, r in (("a", a), ("b", b)):
    if name not in SKIPPED:
        app.include_router(r, prefix="/" + name)
""",
    "base_class_spelled_in_classmethod": """\
from fastapi import FastAPI, APIRouter
app = FastAPI()
a = APIRouter()
@a.get("/a")
def fa(): pass
class Config:
    prefix = "/base"
    suffix = "/s"
    @classmethod
    def register(cls, app):
        app.include_router(a, prefix=Config.prefix + cls.suffix)
class Image(Config):
    prefix = "/img"
    suffix = "/i"
Image.register(app)
Config.register(app)
""",
    "class_attribute_set_outside": """\
from fastapi import FastAPI, APIRouter
app = FastAPI()
a = APIRouter()
@a.get("/a")
def fa(): pass
class Config:
    enabled = False
    name = "/c"
    @classmethod
    def register(cls, app):
        if cls.enabled:
            app.include_router(a, prefix=cls.name)
class On(Config):
    name = "/on"
Config.enabled = True
On.register(app)
""",
}


@pytest.mark.slow
@pytest.mark.parametrize("shape", sorted(_EDGE_SHAPES))
def test_edge_shapes_equal_fastapis_routes(tmp_path: Path, shape: str) -> None:
    (tmp_path / "main.py").write_text(_EDGE_SHAPES[shape])
    static = {(r.method, r.path, r.endpoint) for r in codeintel.analyze(tmp_path).routes()}
    assert static == runtime_routes(tmp_path, "main:app")


def test_a_provider_returned_by_update_wrapper_is_the_function_copied(tmp_path: Path) -> None:
    """``return update_wrapper(copy, source)`` and ``copy = update_wrapper(copy, source)``."""
    (tmp_path / "main.py").write_text(
        "from functools import update_wrapper\nfrom fastapi import Depends, FastAPI\n"
        "def verify(): ...\n"
        "def direct(source):\n    def copy(): ...\n    return update_wrapper(copy, source)\n"
        "def rebound(source):\n    def copy(): ...\n    copy = update_wrapper(copy, source)\n"
        "    return copy\n"
        "a_dep, b_dep = direct(verify), rebound(verify)\n"
        "app = FastAPI()\n"
        "@app.get('/a')\ndef a(u=Depends(a_dep)): ...\n"
        "@app.get('/b')\ndef b(u=Depends(b_dep)): ...\n"
    )
    routes = codeintel.analyze(tmp_path, cache=False).routes()
    assert [r.all_dependencies for r in routes] == [("main.verify",), ("main.verify",)]


_ANNOTATED_FACTORY = """
from typing import Annotated

from fastapi import Depends, FastAPI, Security
from fastapi.security import SecurityScopes


def get_token() -> str:
    return "t"


def get_user(scopes: SecurityScopes, token: str = Depends(get_token)) -> str:
    return token


def require(*names: str):
    return Annotated[str, Security(get_user, scopes=list(names))]


ViewTags = require("tag.view")
app = FastAPI()


@app.get("/a")
def a(user: ViewTags) -> str:
    return user


@app.get("/b")
def b(user: require("tag.edit")) -> str:
    return user
"""


@pytest.mark.slow
def test_an_annotated_alias_a_factory_returns_provides_its_dependency(tmp_path: Path) -> None:
    """papermerge's ``require_scopes(...)`` returns ``Annotated[User, Security(...)]``: the
    parameter annotated with its result, or with the call itself, asks for that provider."""
    (tmp_path / "main.py").write_text(_ANNOTATED_FACTORY)
    routes = {r.path: r.all_dependencies for r in codeintel.analyze(tmp_path).routes()}
    runtime = runtime_dependencies(tmp_path, "main:a", "main:b")
    assert routes == {"/a": tuple(runtime["main:a"]), "/b": tuple(runtime["main:b"])}
    assert runtime["main:a"] == ["main.get_token", "main.get_user"]


_MODULE_ALIASES = {
    "db.py": """
from fastapi import Depends


class DB:
    @classmethod
    def get_session(cls) -> str:
        return "session"

    @staticmethod
    def get_sync() -> str:
        return "sync"


def _settings() -> str:
    return "settings"


def _real_user(settings: str = Depends(_settings)) -> str:
    return settings


get_session = DB.get_session
get_sync = DB.get_sync
current_user = _real_user
""",
    "main.py": """
from fastapi import Depends, FastAPI

from db import current_user, get_session, get_sync

require_user = current_user
app = FastAPI()


@app.get("/a")
def a(s=Depends(get_session), t=Depends(get_sync), u=Depends(require_user)) -> None:
    pass
""",
}


@pytest.mark.slow
def test_a_module_variable_naming_a_provider_is_that_provider(tmp_path: Path) -> None:
    """``get_db = Database.get_session`` (fractal-server) and ``require_user = real_user``,
    imported or not (LearnHouse): FastAPI is given the callable, and solves its own
    dependencies too."""
    for name, text in _MODULE_ALIASES.items():
        (tmp_path / name).write_text(text)
    routes = {r.path: r.all_dependencies for r in codeintel.analyze(tmp_path).routes()}
    assert routes == {
        "/a": ("db.DB.get_session", "db.DB.get_sync", "db._settings", "db._real_user")
    }
    assert runtime_dependencies(tmp_path, "main:a")["main:a"] == list(routes["/a"])


_BRANCH_INSTANCE = """
import os

from fastapi import Depends, FastAPI
from fastapi.security import OpenIdConnect


class JwtAuthenticator:
    def __init__(self, key: str) -> None:
        self.key = key

    def fastapi_dep(self):
        async def dep(header: str = Depends(OpenIdConnect(openIdConnectUrl="/oidc"))) -> str:
            return header

        return dep


if os.environ.get("PUBLIC_KEY_FILE"):
    authenticator = JwtAuthenticator(open(os.environ["PUBLIC_KEY_FILE"]).read())
elif os.environ.get("JWT_SECRET", "secret"):
    authenticator = JwtAuthenticator(os.environ.get("JWT_SECRET", "secret"))
else:
    raise ValueError("no key")

user_dep = authenticator.fastapi_dep()
app = FastAPI()


@app.get("/a")
def a(user: str = Depends(user_dep)) -> None:
    pass
"""


@pytest.mark.slow
def test_a_method_of_an_instance_every_branch_builds_alike(tmp_path: Path) -> None:
    """rmf-web: the authenticator is built under ``if``/``elif`` tests the run decides,
    the same class in each branch: its method's closure is the provider (72 of 77 chains
    were named by the variable)."""
    (tmp_path / "main.py").write_text(_BRANCH_INSTANCE)
    routes = {r.path: r.all_dependencies for r in codeintel.analyze(tmp_path).routes()}
    assert routes == {
        "/a": (
            "fastapi.security.open_id_connect_url.OpenIdConnect()",
            "main.JwtAuthenticator.fastapi_dep.<locals>.dep",
        )
    }
    assert runtime_dependencies(tmp_path, "main:a")["main:a"] == list(routes["/a"])


def test_a_factory_returning_a_library_instance_or_a_closure_by_its_tests(
    tmp_path: Path,
) -> None:
    """fastapi-ecommerce's ``rate_limit(times=300)`` returning fastapi-limiter's
    ``RateLimiter(...)``, and a factory whose first ``return`` is under a test that does not
    hold (``if not ENABLED: return _noop``): the provider is what the call gets."""
    (tmp_path / "main.py").write_text(
        "from fastapi import Depends, FastAPI\nfrom fastapi_limiter.depends import RateLimiter\n"
        "ENABLED = True\n\n"
        "def rate_limit(*, times: int = 1):\n    return RateLimiter(times=times)\n\n"
        "def limiter(*, times: int = 1):\n    if not ENABLED:\n"
        "        async def _noop() -> None: ...\n        return _noop\n"
        "    async def _limit() -> None: ...\n    return _limit\n\n"
        "app = FastAPI()\n\n"
        "@app.get('/a', dependencies=[Depends(rate_limit(times=300))])\ndef a() -> None: ...\n\n"
        "@app.get('/b', dependencies=[Depends(limiter(times=3))])\ndef b() -> None: ...\n"
    )
    routes = {r.path: r.all_dependencies for r in codeintel.analyze(tmp_path).routes()}
    assert routes == {
        "/a": ("fastapi_limiter.depends.RateLimiter()",),
        "/b": ("main.limiter.<locals>._limit",),
    }


@pytest.mark.slow
def test_a_factory_returning_an_instance_through_a_local_or_another_factory(
    tmp_path: Path,
) -> None:
    """keep's ``get_auth_verifier`` -> ``_load_manager`` -> ``resp = manager_class(...)``;
    ``return resp``: the instance a factory returns through a local, another factory's call
    or a classmethod calling a staticmethod is the provider, with its ``__call__``'s own."""
    (tmp_path / "main.py").write_text(
        "from fastapi import Depends, FastAPI, Security\n"
        "from fastapi.security import APIKeyHeader\n\n"
        "api_key = APIKeyHeader(name='X-Key', auto_error=False)\n\n"
        "def get_db() -> str:\n    return 'db'\n\n"
        "class RoleChecker:\n"
        "    def __init__(self, roles: list[str]) -> None:\n        self.roles = roles\n\n"
        "    def __call__(self, key: str | None = Security(api_key), db: str = Depends(get_db)):\n"
        "        return key\n\n"
        "def require_roles(roles: list[str], strict: bool = False):\n"
        "    if strict:\n        checker = RoleChecker(roles)\n"
        "    else:\n        checker = RoleChecker([])\n"
        "    return checker\n\n"
        "def _make(roles: list[str]):\n    return RoleChecker(roles)\n\n"
        "def require_admin():\n    return _make(['admin'])\n\n"
        "class Guards:\n    @classmethod\n    def of(cls, roles: list[str]):\n"
        "        return Guards._build(roles)\n\n"
        "    @staticmethod\n    def _build(roles: list[str]):\n"
        "        return RoleChecker(roles)\n\n"
        "app = FastAPI()\n\n"
        "@app.get('/a')\ndef a(user: str = Depends(require_roles(['user']))) -> None: ...\n\n"
        "@app.get('/b')\ndef b(user: str = Depends(require_admin())) -> None: ...\n\n"
        "@app.get('/c')\ndef c(user: str = Depends(Guards.of(['user']))) -> None: ...\n"
    )
    routes = {r.endpoint: r.all_dependencies for r in codeintel.analyze(tmp_path).routes()}
    chain = ("main.api_key", "main.get_db", "main.RoleChecker()")
    assert routes == {"main.a": chain, "main.b": chain, "main.c": chain}
    runtime = runtime_dependencies(tmp_path, "main:a", "main:b", "main:c")
    assert runtime == {f"main:{name}": list(chain) for name in "abc"}


@pytest.mark.slow
def test_dependencies_a_router_subclass_hands_its_base_are_the_routers(tmp_path: Path) -> None:
    """mealie's ``AdminAPIRouter(BaseAPIRouter)`` -> ``super().__init__(tags=tags,
    prefix=prefix, dependencies=[Depends(get_admin_user)])``: every route of such a router
    depends on it, through a subclass of the subclass too."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, Depends, FastAPI\n\n"
        "def get_user() -> str:\n    return 'user'\n\n"
        "class UserAPIRouter(APIRouter):\n"
        "    def __init__(self, tags=None, prefix: str = '', **kwargs):\n"
        "        super().__init__(tags=tags, prefix=prefix, dependencies=[Depends(get_user)],"
        " **kwargs)\n\n"
        "class AdminAPIRouter(UserAPIRouter):\n"
        "    def __init__(self, tags=None, prefix: str = '', **kwargs):\n"
        "        super().__init__(tags=tags, prefix=prefix, **kwargs)\n\n"
        "admin = AdminAPIRouter(tags=['admin'], prefix='/admin')\n"
        "users = UserAPIRouter(prefix='/users')\n\n"
        "@admin.get('/a')\ndef a() -> None: ...\n\n"
        "@users.get('/u')\ndef u() -> None: ...\n\n"
        "app = FastAPI()\napp.include_router(admin)\napp.include_router(users)\n"
    )
    routes = {
        r.endpoint: (r.all_dependencies, r.tags) for r in codeintel.analyze(tmp_path).routes()
    }
    assert routes == {
        "main.a": (("main.get_user",), ("admin",)),
        "main.u": (("main.get_user",), ()),
    }
    runtime = oracle("runtime_dependencies.py", tmp_path, "--routes", "main:app")
    assert runtime == {"GET /admin/a": ["main.get_user"], "GET /users/u": ["main.get_user"]}


@pytest.mark.slow
def test_dependency_injector_markers_are_instances_of_their_class(tmp_path: Path) -> None:
    """``Depends(Provide[Container.service])``: the marker's ``__class_getitem__`` builds an
    instance, which FastAPI calls (its ``__call__`` has no parameters); ``Closing[...]`` too,
    through ``Annotated`` and by a provider's name."""
    (tmp_path / "main.py").write_text(
        "from typing import Annotated\n"
        "from dependency_injector import containers, providers\n"
        "from dependency_injector.wiring import Closing, Provide, inject\n"
        "from fastapi import Depends, FastAPI\n\n"
        "class Service:\n    pass\n\n"
        "class Container(containers.DeclarativeContainer):\n"
        "    service = providers.Factory(Service)\n\n"
        "def get_user() -> str:\n    return 'user'\n\n"
        "app = FastAPI()\n\n"
        "@app.get('/a')\n@inject\n"
        "def a(s: Service = Depends(Provide[Container.service]), u=Depends(get_user)): ...\n\n"
        "@app.get('/b')\n@inject\n"
        "def b(s: Annotated[Service, Depends(Closing[Provide['service']])]): ...\n"
    )
    _chains_as_at_runtime(
        tmp_path,
        {
            "GET /a": ["dependency_injector.wiring.Provide()", "main.get_user"],
            "GET /b": ["dependency_injector.wiring.Closing()"],
        },
    )


_DEFAULTS_BOUND_AGAIN = (
    "import os\n\nfrom fastapi import Depends, FastAPI, Header\n\n"
    "WRITE_PORT = os.getenv('WRITE_PORT')\n\n"
    "def current() -> str:\n    return 'u'\n\n"
    "def anonymous() -> None:\n    return None\n\n"
    "def writer() -> str:\n    return 'w'\n\n"
    "def reader() -> str:\n    return 'r'\n\n"
    "user = Header(default=None)\nuser = Depends(current)\n\n"
    "if WRITE_PORT:\n    guest = Depends(current)\nelse:\n    guest = Depends(anonymous)\n\n"
    "app = FastAPI()\n\n"
    "@app.get('/rebound')\ndef rebound(u=user): ...\n\n"
    "@app.get('/branched')\ndef branched(u=guest): ...\n\n"
    "READ_ONLY = True\n\n"
    "@app.get('/either')\n"
    "def either(pool=Depends(reader) if READ_ONLY else Depends(writer)): ...\n"
)


def test_a_default_bound_again_or_chosen_by_a_test_is_the_one_that_runs(tmp_path: Path) -> None:
    """A module variable bound again (``user = Header()``, then ``Depends(current)``), one
    bound per branch of an ``if``, and ``Depends(a) if FLAG else Depends(b)`` as a default:
    the binding the module leaves, the branch a module variable picks; a test that is a
    call (``os.getenv`` in place) or that no one can read leaves a placeholder the run
    decides, reported (CI204), never nothing."""
    (tmp_path / "main.py").write_text(_DEFAULTS_BOUND_AGAIN)
    (tmp_path / "odd.py").write_text(
        "import os\nimport random\n\nfrom fastapi import Depends, FastAPI\n\n"
        "def a() -> int:\n    return 1\n\ndef b() -> int:\n    return 2\n\n"
        "odd = FastAPI()\n\n"
        "@odd.get('/odd')\ndef either(v=Depends(a) if random.random() else Depends(b)): ...\n\n"
        "@odd.get('/env')\ndef env(v=Depends(a) if os.getenv('A') else Depends(b)): ...\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    chains = {r.path: r.all_dependencies for r in graph.routes()}
    assert chains == {
        "/rebound": ("main.current",),
        "/branched": ("main.anonymous",),
        "/either": ("main.reader",),
        "/odd": ("<?Depends(a) if random.random() else Depends(b)>",),
        "/env": ("<?Depends(a) if os.getenv('A') else Depends(b)>",),
    }
    assert [(d.code, d.file) for d in graph.diagnostics] == [("CI204", "odd.py")] * 2


@pytest.mark.slow
def test_defaults_bound_again_are_solved_as_fastapi_solves_them(tmp_path: Path) -> None:
    (tmp_path / "main.py").write_text(_DEFAULTS_BOUND_AGAIN)
    _chains_as_at_runtime(
        tmp_path,
        {
            "GET /rebound": ["main.current"],
            "GET /branched": ["main.anonymous"],
            "GET /either": ["main.reader"],
        },
    )


@pytest.mark.slow
def test_an_annotation_fastapi_cannot_evaluate_keeps_no_depends(tmp_path: Path) -> None:
    """Under ``from __future__ import annotations``, ``Annotated[Session, Depends(get_db)]``
    with ``Session`` imported only under ``if TYPE_CHECKING:`` (ruff's TC rules): FastAPI
    cannot evaluate the annotation, so no ``Depends`` of it is solved, in an endpoint or a
    provider; a default's ``Depends`` is, and a name bound at run time too."""
    (tmp_path / "db.py").write_text(
        "class Session:\n    pass\n\ndef get_db() -> Session:\n    return Session()\n"
    )
    (tmp_path / "main.py").write_text(
        "from __future__ import annotations\n\n"
        "from typing import TYPE_CHECKING, Annotated\n\n"
        "from fastapi import Depends, FastAPI\n\n"
        "from db import get_db\n\n"
        "if TYPE_CHECKING:\n    from db import Session\n\n"
        "app = FastAPI()\n\n"
        "def get_user(db: Annotated[Session, Depends(get_db)]) -> str:\n    return 'u'\n\n"
        "@app.get('/annotated')\ndef annotated(db: Annotated[Session, Depends(get_db)]): ...\n\n"
        "@app.get('/default')\ndef default(db: Session = Depends(get_db)): ...\n\n"
        "@app.get('/sub')\ndef sub(user: Annotated[str, Depends(get_user)]): ...\n"
    )
    _chains_as_at_runtime(
        tmp_path,
        {"GET /annotated": [], "GET /default": ["db.get_db"], "GET /sub": ["main.get_user"]},
    )


@pytest.mark.slow
def test_a_factory_returning_a_local_or_another_factory_s_depends(tmp_path: Path) -> None:
    """A rate-limit helper binding ``dependency = Depends(_check)`` and returning the local,
    and a wrapper returning that helper's call (handing on its own parameter): FastAPI
    solves the closure, in ``Annotated``, a default or ``dependencies=``; we found none."""
    (tmp_path / "limits.py").write_text(
        "from fastapi import Depends, Request\nfrom fastapi.params import Depends as Param\n\n"
        "async def get_limiter() -> object:\n    return object()\n\n"
        "def rate_limit(limit: int) -> Param:\n"
        "    async def _check(request: Request, limiter=Depends(get_limiter)) -> None: ...\n"
        "    dependency: Param = Depends(_check)\n    return dependency\n\n"
        "def per_user(limit: int) -> Param:\n    return rate_limit(limit=limit)\n\n"
        "def checked(dep: object) -> Param:\n    return Depends(dep)\n\n"
        "def wrapped(dep: object) -> Param:\n    return checked(dep)\n"
    )
    (tmp_path / "main.py").write_text(
        "from typing import Annotated\n\nfrom fastapi import FastAPI\n\n"
        "from limits import get_limiter, per_user, rate_limit, wrapped\n\n"
        "app = FastAPI()\n\n"
        "@app.get('/a')\ndef a(_r: Annotated[None, per_user(limit=5)]): ...\n\n"
        "@app.get('/b')\ndef b(_r: None = rate_limit(limit=5)): ...\n\n"
        "@app.get('/c', dependencies=[per_user(limit=5)])\ndef c(): ...\n\n"
        "@app.get('/d')\ndef d(_r: None = wrapped(get_limiter)): ...\n"
    )
    check = ["limits.get_limiter", "limits.rate_limit.<locals>._check"]
    _chains_as_at_runtime(
        tmp_path, {"GET /a": check, "GET /b": check, "GET /c": check, "GET /d": check[:1]}
    )


@pytest.mark.slow
def test_a_registry_s_literal_holds_the_provider_a_key_names(tmp_path: Path) -> None:
    """``Depends(PERMS["admin"])`` and ``Depends(PROVIDERS["read"])`` of module dict
    literals: the instance or function the key holds, where we kept placeholders."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, Depends, FastAPI\n\n"
        "def reader() -> str:\n    return 'r'\n\n"
        "class Checker:\n"
        "    def __init__(self, perm: str) -> None:\n        self.perm = perm\n\n"
        "    def __call__(self, token: str = '') -> str:\n        return self.perm\n\n"
        "PROVIDERS = {'read': reader}\nPERMS = {'admin': Checker('admin')}\n\n"
        "router = APIRouter(dependencies=[Depends(PERMS['admin'])])\n\n"
        "@router.get('/r', dependencies=[Depends(PROVIDERS['read'])])\ndef r() -> None: ...\n\n"
        "app = FastAPI()\napp.include_router(router)\n"
    )
    _chains_as_at_runtime(tmp_path, {"GET /r": ["main.Checker()", "main.reader"]})


@pytest.mark.slow
def test_an_instance_provider_bound_per_branch_is_the_one_the_tests_leave(
    tmp_path: Path,
) -> None:
    """``auth = Auth(...)`` under ``if AUTH_ENABLED:``, ``DummyAuth()`` in its ``else``
    (india-api's, there on an environment variable): FastAPI calls the instance the module
    leaves, whose ``__call__`` asks for nothing; we read the first's bearer scheme."""
    (tmp_path / "main.py").write_text(
        "from fastapi import Depends, FastAPI\nfrom fastapi.security import HTTPBearer\n\n"
        "scheme = HTTPBearer()\nAUTH_ENABLED = False\n\n"
        "class DummyAuth:\n    def __call__(self) -> str:\n        return 'user'\n\n"
        "class Auth:\n    def __call__(self, creds: str = Depends(scheme)) -> str:\n"
        "        return creds\n\n"
        "if AUTH_ENABLED:\n    auth = Auth()\nelse:\n    auth = DummyAuth()\n\n"
        "app = FastAPI()\n\n@app.get('/sites')\ndef sites(user: str = Depends(auth)): ...\n"
    )
    _chains_as_at_runtime(tmp_path, {"GET /sites": ["main.auth"]})


def test_an_instance_provider_bound_per_branch_of_an_unknown_test_is_not_read(
    tmp_path: Path,
) -> None:
    """dstack's ``_auth = TokenAccount(token)`` under ``if settings.TOKEN is not None:``,
    ``AlwaysForbidden()`` in its ``else``, the token read from the environment: which
    ``__call__`` FastAPI solves, the run decides. We stated the first's bearer scheme."""
    (tmp_path / "main.py").write_text(
        "import os\n\nfrom fastapi import Depends, FastAPI\n"
        "from fastapi.security import HTTPBearer\n\n"
        "scheme = HTTPBearer()\n\n"
        "class Forbidden:\n    def __call__(self) -> None: ...\n\n"
        "class Token:\n    def __call__(self, creds: str = Depends(scheme)) -> str: ...\n\n"
        "if os.environ.get('TOKEN'):\n    auth = Token()\nelse:\n    auth = Forbidden()\n\n"
        "app = FastAPI()\n\n@app.get('/sites')\ndef sites(user: str = Depends(auth)): ...\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    assert [r.all_dependencies for r in graph.routes()] == [("main.auth",)]
    [diagnostic] = graph.diagnostics
    assert (diagnostic.code, diagnostic.line) == ("CI204", 15)
    assert "which object main.auth holds, the run decides" in diagnostic.message


@pytest.mark.slow
def test_a_library_class_imported_with_a_none_fallback_is_the_library_s(
    tmp_path: Path,
) -> None:
    """``try: from strawberry.fastapi import GraphQLRouter`` / ``except ImportError:
    GraphQLRouter = None``, then ``GraphQLRouter(schema)``: code calling the name needs the
    import, so it is the library's class; we read the ``None`` and served nothing."""
    (tmp_path / "main.py").write_text(
        "import strawberry\nfrom fastapi import FastAPI\n\n"
        "try:\n    from strawberry.fastapi import GraphQLRouter\n"
        "except ImportError:\n    GraphQLRouter = None\n\n"
        "@strawberry.type\nclass Query:\n    hello: str = 'hi'\n\n"
        "app = FastAPI()\n"
        "app.include_router(GraphQLRouter(strawberry.Schema(Query)), prefix='/graphql')\n"
    )
    own = "strawberry.fastapi.router.GraphQLRouter.__init__.<locals>"
    expected = {
        ("GET", "/graphql", f"{own}.handle_http_get"),
        ("POST", "/graphql", f"{own}.handle_http_post"),
        ("WEBSOCKET", "/graphql", f"{own}.websocket_endpoint"),
    }
    _served_as_at_runtime(tmp_path, "main:app", expected)


@pytest.mark.slow
def test_a_graphql_router_serves_the_routes_it_adds_to_itself(tmp_path: Path) -> None:
    """strawberry's ``GraphQLRouter(schema, path)`` adds GET, POST and websocket routes to
    itself as it is built, each asking for its context and root value getters (the ones it
    is given, or its own): found with their full paths and chains, not a CI202."""
    (tmp_path / "main.py").write_text(
        "import strawberry\n"
        "from fastapi import Depends, FastAPI\n"
        "from strawberry.fastapi import GraphQLRouter\n\n"
        "@strawberry.type\nclass Query:\n"
        "    @strawberry.field\n    def hello(self) -> str:\n        return 'hi'\n\n"
        "def get_user() -> str:\n    return 'user'\n\n"
        "async def get_context(user: str = Depends(get_user)) -> dict:\n"
        "    return {'user': user}\n\n"
        "schema = strawberry.Schema(Query)\n"
        "app = FastAPI()\n"
        "app.include_router(GraphQLRouter(schema, context_getter=get_context), prefix='/graphql')\n"
        "app.include_router(GraphQLRouter(schema, '/plain', dependencies=[Depends(get_user)]))\n"
    )
    routes = codeintel.analyze(tmp_path, cache=False).routes()
    own = "strawberry.fastapi.router.GraphQLRouter"
    context = f"{own}.__get_context_getter.<locals>.dependency"
    static = {
        f"{r.method} {r.path}": list(r.all_dependencies) for r in routes if r.method != "WEBSOCKET"
    }
    assert static == {
        f"{verb} {path}": chain
        for verb in ("GET", "POST")
        for path, chain in (
            ("/graphql", ["main.get_user", "main.get_context", context, f"{own}.__get_root_value"]),
            (
                "/plain",
                [
                    "main.get_user",
                    f"{own}.__init__.<locals>.<lambda>",
                    context,
                    f"{own}.__get_root_value",
                ],
            ),
        )
    }
    assert oracle("runtime_dependencies.py", tmp_path, "--routes", "main:app") == static
    served = {(r.method, r.path, r.endpoint) for r in routes}
    assert served == runtime_routes(tmp_path, "main:app")


_PAGED = """
from typing import Generic, TypeVar

from fastapi import APIRouter, Depends, FastAPI, Query
from fastapi_pagination import Page, Params, add_pagination, paginate, pagination_ctx
from fastapi_pagination.cursor import CursorPage
from fastapi_pagination.customization import CustomizedPage, UseParamsFields

T = TypeVar("T")
Small = CustomizedPage[Page[T], UseParamsFields(size=Query(5))]

class Totalled(CursorPage[T], Generic[T]):
    pass

def get_db() -> str:
    return "db"

def get_user() -> str:
    return "user"

router = APIRouter(prefix="/items", dependencies=[Depends(get_user)])

@router.get("/", response_model=Page[int])
def listed(params: Params = Depends(), db: str = Depends(get_db)):
    return paginate([1], params)

@router.get("/annotated")
def annotated(db: str = Depends(get_db)) -> Small[int]:
    return paginate([1])

@router.get("/cursor", response_model=Totalled[int])
def cursor():
    return []

@router.get("/plain", response_model=list[int])
def plain(db: str = Depends(get_db)):
    return [1]

@router.get("/ctx", dependencies=[Depends(pagination_ctx(Page[int]))])
def ctx(db: str = Depends(get_db)) -> Page[int]:
    return paginate([1])

app = FastAPI()
app.include_router(router)

@app.get("/direct", response_model=Page[int])
def direct(db: str = Depends(get_db)):
    return paginate([1])

add_pagination(app)
"""


@pytest.mark.slow
def test_add_pagination_gives_each_page_route_its_context(tmp_path: Path) -> None:
    """fastapi-pagination's ``add_pagination(app)`` gives each route whose response model
    (or return annotation) is a page (a subclass, a ``CustomizedPage`` alias) a
    ``pagination_ctx`` dependency, as one written out is: before the endpoint's own on an
    included route, last on a route of the app itself; a route with one already, or no
    page, is left alone. ``Params`` is named by the module defining it."""
    (tmp_path / "main.py").write_text(_PAGED)
    routes = codeintel.analyze(tmp_path, cache=False).routes()
    static = {f"{r.method} {r.path}": list(r.all_dependencies) for r in routes}
    context = [
        "fastapi_pagination.api._create_params_dependency.<locals>._pagination_params",
        "fastapi_pagination.api.pagination_ctx.<locals>._page_ctx_dependency",
    ]
    assert static == {
        "GET /items/": [
            "main.get_user",
            *context,
            "fastapi_pagination.default.Params",
            "main.get_db",
        ],
        "GET /items/annotated": ["main.get_user", *context, "main.get_db"],
        "GET /items/cursor": ["main.get_user", *context],
        "GET /items/plain": ["main.get_user", "main.get_db"],
        "GET /items/ctx": ["main.get_user", *context, "main.get_db"],
        "GET /direct": ["main.get_db", *context],
    }
    assert oracle("runtime_dependencies.py", tmp_path, "--routes", "main:app") == static


@pytest.mark.slow
def test_an_imported_name_rebound_to_a_call_on_it_reads_the_import(tmp_path: Path) -> None:
    """``from items import router`` then ``router = tagged(router)``: the argument is the
    imported router, not the name being bound (the route was lost, with a CI202)."""
    (tmp_path / "items.py").write_text(
        "from fastapi import APIRouter\n\nrouter = APIRouter(prefix='/items')\n\n"
        "@router.get('/x')\ndef read_x() -> None: ...\n"
    )
    (tmp_path / "util.py").write_text("def tagged(router):\n    return router\n")
    (tmp_path / "routes.py").write_text(
        "from items import router\nfrom util import tagged\n\nrouter = tagged(router)\n"
    )
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\n\nimport routes\n\n"
        "app = FastAPI()\napp.include_router(routes.router, prefix='/api')\n"
    )
    _served_as_at_runtime(tmp_path, "main:app", {("GET", "/api/items/x", "items.read_x")})


@pytest.mark.slow
def test_a_page_rebound_to_a_customization_of_itself_is_still_a_page(tmp_path: Path) -> None:
    """``Page = CustomizedPage[Page, UseParams(MyParams)]``, the imported name rebound:
    the ``Page`` it customizes is the import, so ``add_pagination`` gives its routes their
    context (it was dropped without a word: StreetArtBack's 5 paged routes)."""
    (tmp_path / "paging.py").write_text(
        "from fastapi import Query\n"
        "from fastapi_pagination import Page, Params\n"
        "from fastapi_pagination.customization import CustomizedPage, UseParams\n\n\n"
        "class MyParams(Params):\n    size: int = Query(20, ge=1, le=50)\n\n\n"
        "Page = CustomizedPage[Page, UseParams(MyParams)]\n"
    )
    (tmp_path / "main.py").write_text(
        "from fastapi import Depends, FastAPI\n"
        "from fastapi_pagination import add_pagination, paginate\n\n"
        "from paging import MyParams, Page\n\n"
        "app = FastAPI()\n\n\n"
        "@app.get('/items', response_model=Page[int])\n"
        "def items(params: MyParams = Depends()):\n    return paginate([1], params)\n\n\n"
        "add_pagination(app)\n"
    )
    context = [
        "paging.MyParams",
        "fastapi_pagination.api._create_params_dependency.<locals>._pagination_params",
        "fastapi_pagination.api.pagination_ctx.<locals>._page_ctx_dependency",
    ]
    _chains_as_at_runtime(tmp_path, {"GET /items": context})


_ROUTABLE = """
from classy_fastapi import Routable, get, post
from classy_fastapi.decorators import route
from fastapi import Depends, FastAPI

def get_db() -> str:
    return "db"

class Base(Routable):
    @get("/health")
    def health(self) -> str:
        return "ok"

class Items(Base):
    def __init__(self, service: str) -> None:
        super().__init__(prefix="/items", dependencies=[Depends(get_db)])
        self.service = service

    @get("/")
    def listed(self) -> list[str]:
        return [self.service]

    @post(path="/{item_id}")
    def create(self, item_id: int, db: str = Depends(get_db)) -> int:
        return item_id

    @route("/{item_id}", methods=["PUT", "PATCH"])
    def update(self, item_id: int) -> int:
        return item_id

class Plain(Routable):
    @get("/plain")
    def plain(self) -> str:
        return "plain"

app = FastAPI()
app.include_router(Items("svc").router, prefix="/api")
plain = Plain(prefix="/p")
app.include_router(plain.router)
"""


@pytest.mark.slow
def test_classy_routables_serve_the_methods_their_class_marks(tmp_path: Path) -> None:
    """classy-fastapi: ``Routable.__init__`` builds ``self.router = APIRouter(*args,
    **kwargs)`` from what the construction hands it and adds each method the class marks
    (``@get``, ``@route(methods=...)``, inherited ones too), bound to the instance."""
    (tmp_path / "main.py").write_text(_ROUTABLE)
    routes = codeintel.analyze(tmp_path, cache=False).routes()
    served = {(r.method, r.path, r.endpoint) for r in routes}
    assert served == {
        ("GET", "/api/items/", "main.Items.listed"),
        ("GET", "/api/items/health", "main.Base.health"),
        ("POST", "/api/items/{item_id}", "main.Items.create"),
        ("PUT", "/api/items/{item_id}", "main.Items.update"),
        ("PATCH", "/api/items/{item_id}", "main.Items.update"),
        ("GET", "/p/plain", "main.Plain.plain"),
    }
    assert served == runtime_routes(tmp_path, "main:app")
    static = {f"{r.method} {r.path}": list(r.all_dependencies) for r in routes}
    assert oracle("runtime_dependencies.py", tmp_path, "--routes", "main:app") == static


@pytest.mark.slow
def test_a_class_by_another_name_provides_its_own(tmp_path: Path) -> None:
    """pato and scaup: ``Permissions = perms.Permissions`` then ``auth =
    Permissions.tomogram`` and ``Depends(auth)``; ``Checker = perms.RoleChecker`` called in
    place. FastAPI names the class's own staticmethod and instance (we named the variables,
    or kept a placeholder)."""
    (tmp_path / "perms.py").write_text(
        "from fastapi import Depends\n\n"
        "def token(authorization: str = '') -> str:\n    return authorization\n\n"
        "class Permissions:\n"
        "    @staticmethod\n"
        "    def tomogram(tomogram_id: int, tok: str = Depends(token)) -> int:\n"
        "        return tomogram_id\n\n"
        "class RoleChecker:\n"
        "    def __init__(self, roles: list[str]) -> None:\n        self.roles = roles\n\n"
        "    def __call__(self, tok: str = Depends(token)) -> str:\n        return tok\n"
    )
    (tmp_path / "main.py").write_text(
        "from fastapi import Depends, FastAPI\nimport perms\n\n"
        "Permissions = perms.Permissions\nauth = Permissions.tomogram\n"
        "Checker = perms.RoleChecker\n\napp = FastAPI()\n\n"
        "@app.get('/a/{tomogram_id}')\ndef a(tomogram_id: int = Depends(auth)) -> None: ...\n\n"
        "@app.get('/b/{tomogram_id}')\n"
        "def b(tomogram_id: int = Depends(Permissions.tomogram)) -> None: ...\n\n"
        "@app.get('/c')\ndef c(ok: str = Depends(Checker(['admin']))) -> None: ...\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    static = {f"{r.method} {r.path}": list(r.all_dependencies) for r in graph.routes()}
    tomogram = ["perms.token", "perms.Permissions.tomogram"]
    assert static == {
        "GET /a/{tomogram_id}": tomogram,
        "GET /b/{tomogram_id}": tomogram,
        "GET /c": ["perms.token", "perms.RoleChecker()"],
    }
    assert not graph.diagnostics
    assert oracle("runtime_dependencies.py", tmp_path, "--routes", "main:app") == static


def test_a_name_for_what_a_picked_module_holds_is_a_placeholder(tmp_path: Path) -> None:
    """pato: ``User = _current_auth.User`` with ``_current_auth`` a module
    ``importlib.import_module`` picks from a configuration file. FastAPI names what the
    variable holds, which we cannot see: a placeholder and a CI204, not the variable."""
    (tmp_path / "auth.py").write_text(
        "import importlib\nimport os\n\n"
        "_current = importlib.import_module('backends.' + os.environ['AUTH'])\n"
        "User = _current.User\n"
    )
    (tmp_path / "main.py").write_text(
        "from fastapi import Depends, FastAPI\nfrom auth import User\n\n"
        "app = FastAPI()\n\n@app.get('/me')\ndef me(user=Depends(User)) -> None: ...\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    assert [r.all_dependencies for r in graph.routes()] == [("<?User>",)]
    assert [d.code for d in graph.diagnostics] == ["CI204"]


@pytest.mark.slow
def test_an_instance_an_alternate_constructor_builds_has_its_class(tmp_path: Path) -> None:
    """sparkth's ``GROUP_DELETE = Permission.create("group.delete")``, a classmethod
    returning ``cls(name)`` annotated with a forward reference: its method's closure is the
    provider, as for ``Permission("x")`` (17 chains were placeholders)."""
    (tmp_path / "main.py").write_text(
        "from fastapi import Depends, FastAPI\n\n"
        "def get_user() -> str:\n    return 'user'\n\n"
        "class Permission:\n"
        "    def __init__(self, name: str) -> None:\n        self.name = name\n\n"
        "    @classmethod\n"
        "    def create(cls, name: str) -> 'Permission':\n"
        "        permission = cls(name)\n        return permission\n\n"
        "    def require(self):\n"
        "        def dependency(user: str = Depends(get_user)) -> str:\n            return user\n\n"
        "        return dependency\n\n"
        "READ = Permission.create('read')\n\n"
        "app = FastAPI()\n\n"
        "@app.get('/read', dependencies=[Depends(READ.require())])\ndef read() -> None: ...\n"
    )
    [route] = codeintel.analyze(tmp_path, cache=False).routes()
    chain = ["main.get_user", "main.Permission.require.<locals>.dependency"]
    assert list(route.all_dependencies) == chain
    assert oracle("runtime_dependencies.py", tmp_path, "--routes", "main:app") == {
        "GET /read": chain
    }


@pytest.mark.slow
def test_a_prefix_handed_on_as_it_is_through_two_calls_is_the_callers(tmp_path: Path) -> None:
    """py-ispyb: ``init_app(app, prefix=prefix)`` in a helper that was given ``prefix``,
    then ``include_router(router, prefix=prefix)``: the outermost call's prefix (44 routes
    were ``<?prefix>/...``, where ``prefix + "/v1"`` already resolved)."""
    (tmp_path / "sub.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "router = APIRouter(prefix='/legacy')\n\n"
        "@router.get('/things')\ndef things() -> None: ...\n\n"
        "def init_app(app: FastAPI, prefix: str = '') -> None:\n"
        "    app.include_router(router, prefix=prefix)\n"
    )
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\nimport sub\n\n"
        "def init_app(app: FastAPI, prefix: str = '') -> None:\n"
        "    sub.init_app(app, prefix=prefix)\n\n"
        "def init_all(app: FastAPI, prefix: str) -> None:\n"
        "    init_app(app, prefix=prefix)\n\n"
        "app = FastAPI()\ninit_all(app, '/api')\ninit_app(app, prefix='/v2')\n"
    )
    routes = codeintel.analyze(tmp_path, cache=False).routes()
    static = {(r.method, r.path, r.endpoint) for r in routes if r.resolved}
    assert static == {
        ("GET", "/api/legacy/things", "sub.things"),
        ("GET", "/v2/legacy/things", "sub.things"),
    }
    assert static == runtime_routes(tmp_path, "main:app")


@pytest.mark.slow
def test_a_class_attribute_named_like_a_global_reads_the_global(tmp_path: Path) -> None:
    """valis: ``release: str = Depends(release)`` in a class body; ``PREFIX = PREFIX``. A
    class body reads a value before it binds the name, so the value's name is the global
    (we read the attribute itself: a bogus ``fastapi.Depends()`` in 64 chains)."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, Depends, FastAPI\n\n"
        "PREFIX = '/v1'\n\n"
        "def get_db() -> int:\n    return 1\n\n"
        "class Settings:\n    PREFIX = PREFIX\n\n"
        "class Deps:\n    get_db = Depends(get_db)\n\n"
        "router = APIRouter()\n\n"
        "@router.get('/items')\ndef items(db: int = Deps.get_db) -> None: ...\n\n"
        "app = FastAPI()\napp.include_router(router, prefix=Settings().PREFIX)\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    [route] = graph.routes()
    assert (route.path, route.all_dependencies) == ("/v1/items", ("main.get_db",))
    assert {(route.method, route.path, route.endpoint)} == runtime_routes(tmp_path, "main:app")
    assert oracle("runtime_dependencies.py", tmp_path, "--routes", "main:app") == {
        "GET /v1/items": ["main.get_db"]
    }
    assert {r.line for r in graph.find_references("main.get_db")} == {12}


@pytest.mark.slow
def test_a_loop_over_a_comprehension_runs_over_what_it_makes(tmp_path: Path) -> None:
    """Tekst: ``for mod in [m.name for m in pkgutil.iter_modules(__path__)]`` then
    ``import_module(f"{__name__}.{mod}").router``; ``for r in [m.router for m in MODULES]``.
    Each item of what the comprehension runs over makes one (both were CI202s)."""
    routers = tmp_path / "routers"
    routers.mkdir()
    (routers / "__init__.py").write_text(
        "import importlib\nimport pkgutil\n\nfrom fastapi import FastAPI\n\n"
        "def setup(app: FastAPI) -> None:\n"
        "    for mod in [m.name for m in pkgutil.iter_modules(__path__)]:\n"
        "        app.include_router(importlib.import_module(f'{__name__}.{mod}').router)\n"
    )
    for name in ("texts", "users"):
        (routers / f"{name}.py").write_text(
            "from fastapi import APIRouter\n\n"
            f"router = APIRouter(prefix='/{name}')\n\n"
            f"@router.get('')\ndef {name}() -> None: ...\n"
        )
    (tmp_path / "extra.py").write_text(
        "from fastapi import APIRouter\n\nrouter = APIRouter()\n\n"
        "@router.get('/extra')\ndef extra() -> None: ...\n"
    )
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\nimport extra\nfrom routers import setup\n\n"
        "app = FastAPI()\nsetup(app)\n"
        "for r in [m.router for m in [extra]]:\n    app.include_router(r)\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    static = {(r.method, r.path, r.endpoint) for r in graph.routes() if r.app == "main.app"}
    assert static == {
        ("GET", "/texts", "routers.texts.texts"),
        ("GET", "/users", "routers.users.users"),
        ("GET", "/extra", "extra.extra"),
    }
    assert not graph.diagnostics
    assert static == runtime_routes(tmp_path, "main:app")


def test_a_loops_local_read_off_a_module_it_imports_by_name_is_that_modules_router(
    tmp_path: Path,
) -> None:
    """scp_backend_rest_api: ``for name in ("client", "product"):`` then ``api_module =
    import_module(f"shop.v1.{name}")``, ``api_module_router = api_module.router`` and
    ``router.include_router(api_module_router)``: each item's router, as FastAPI serves it
    (the local was a CI202, and every route lost its app)."""
    v1 = tmp_path / "shop" / "v1"
    v1.mkdir(parents=True)
    (tmp_path / "shop" / "__init__.py").write_text("")
    (v1 / "__init__.py").write_text(
        "from importlib import import_module\n\nfrom fastapi import APIRouter\n\n"
        "router = APIRouter(prefix='/v1')\n"
        "for name in ('client', 'product'):\n"
        "    api_module = import_module(f'shop.v1.{name}')\n"
        "    api_module_router = api_module.router\n"
        "    router.include_router(api_module_router)\n"
    )
    for name in ("client", "product"):
        (v1 / f"{name}.py").write_text(
            "from fastapi import APIRouter\n\n"
            f"router = APIRouter(prefix='/{name}')\n\n"
            f"@router.get('/')\ndef list_{name}() -> None: ...\n"
        )
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\nfrom shop.v1 import router\n\n"
        "app = FastAPI()\napp.include_router(router, prefix='/api')\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    assert {(r.app, r.path, r.endpoint) for r in graph.routes()} == {
        ("main.app", "/api/v1/client/", "shop.v1.client.list_client"),
        ("main.app", "/api/v1/product/", "shop.v1.product.list_product"),
    }
    assert not graph.diagnostics


def test_a_loop_over_a_local_bound_in_an_if_and_its_else_runs_over_each_branch(
    tmp_path: Path,
) -> None:
    """envoy's ``generate_app(settings)``: ``if new_settings.exclude_endpoints:
    to_include = excluded(routers, ...)`` / ``else: to_include = routers``, then ``for
    router in to_include: app.include_router(router)``. The ``else`` branch's routers are
    served where the setting is left at its default (FastAPI serves /a and /b); the branch
    whose items are not known stays a CI202 (before, the whole loop was, and no route had
    an app)."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n"
        "from pydantic_settings import BaseSettings\n\n"
        "class AppSettings(BaseSettings):\n    exclude: set[str] | None = None\n\n"
        "settings = AppSettings()\na = APIRouter()\nb = APIRouter()\n\n"
        "@a.get('/a')\ndef get_a() -> None: ...\n\n"
        "@b.get('/b')\ndef get_b() -> None: ...\n\n"
        "routers = [a, b]\n\n"
        "def excluded(routers, names):\n    return [r for r in routers if r not in names]\n\n"
        "def generate_app(new_settings: AppSettings) -> FastAPI:\n"
        "    app = FastAPI()\n"
        "    if new_settings.exclude:\n"
        "        to_include = excluded(routers, new_settings.exclude)\n"
        "    else:\n"
        "        to_include = routers\n"
        "    for router in to_include:\n"
        "        app.include_router(router)\n"
        "    return app\n\n"
        "app = generate_app(settings)\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    assert {(r.app, r.path, r.endpoint, r.conditions) for r in graph.routes()} == {
        ("main.app", "/a", "main.get_a", ()),
        ("main.app", "/b", "main.get_b", ()),
    }
    assert [(d.code, d.line) for d in graph.diagnostics] == [("CI202", 29)]


@pytest.mark.slow
def test_a_comprehensions_tests_keep_its_items(tmp_path: Path) -> None:
    """``[m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")]``,
    and a local ``names = [f[:-3] for f in os.listdir(folder) if f.endswith(".py") ...]``
    looped over ``sorted(names)``: each item the tests keep, none they leave out (both
    loops were CI202s, and every route lost its app)."""
    api = tmp_path / "api"
    plugins = tmp_path / "plugins"
    for folder in (api, plugins):
        folder.mkdir()
        (folder / "__init__.py").write_text("")
        for name in ("_private", "users", "items"):
            (folder / f"{name}.py").write_text(
                "from fastapi import APIRouter\n\nrouter = APIRouter()\n\n"
                f"@router.get('/{name}')\ndef {name}() -> None: ...\n"
            )
    (plugins / "notes.txt").write_text("not a module\n")
    (api / "__init__.py").write_text(
        "import importlib\nimport pkgutil\n\nfrom fastapi import APIRouter\n\n"
        "api = APIRouter()\n"
        "for name in [\n"
        "    m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith('_')\n"
        "]:\n"
        "    api.include_router(importlib.import_module(f'{__name__}.{name}').router)\n"
    )
    (tmp_path / "main.py").write_text(
        "import importlib\nimport os\n\nfrom fastapi import FastAPI\nfrom api import api\n\n"
        "HERE = os.path.dirname(__file__)\n\n"
        "def load(app: FastAPI) -> None:\n"
        "    names = [\n"
        "        f[:-3] for f in os.listdir(os.path.join(HERE, 'plugins'))\n"
        "        if f.endswith('.py') and f != '__init__.py' and f != '_private.py'\n"
        "    ]\n"
        "    for name in sorted(names):\n"
        "        module = importlib.import_module(f'plugins.{name}')\n"
        "        app.include_router(module.router, prefix='/p')\n\n"
        "app = FastAPI()\napp.include_router(api)\nload(app)\n"
    )
    _served_as_at_runtime(
        tmp_path,
        "main:app",
        {
            ("GET", "/users", "api.users.users"),
            ("GET", "/items", "api.items.items"),
            ("GET", "/p/users", "plugins.users.users"),
            ("GET", "/p/items", "plugins.items.items"),
        },
        "main.app",
    )


def test_a_comprehension_test_not_known_leaves_the_loop_unknown(tmp_path: Path) -> None:
    """An ``if`` of a comprehension that reads a setting: which items it keeps is not
    known, so the loop is reported, not expanded over every item."""
    routers = tmp_path / "routers"
    routers.mkdir()
    (routers / "__init__.py").write_text("")
    (routers / "users.py").write_text(
        "from fastapi import APIRouter\n\nrouter = APIRouter()\n\n"
        "@router.get('/users')\ndef users() -> None: ...\n"
    )
    (tmp_path / "main.py").write_text(
        "import importlib\nimport os\nimport pkgutil\n\nimport routers\n"
        "from fastapi import FastAPI\n\napp = FastAPI()\n"
        "ENABLED = os.environ['ENABLED'].split(',')\n"
        "for m in [m for m in pkgutil.iter_modules(routers.__path__) if m.name in ENABLED]:\n"
        "    app.include_router(importlib.import_module(f'routers.{m.name}').router)\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    assert [r.app for r in graph.routes()] == [None]
    assert any(
        d.code == "CI202" and "cannot tell what `for m in [m for m" in d.message
        for d in graph.diagnostics
    )


@pytest.mark.slow
def test_a_folder_of_a_resolved_file_path_is_listed(tmp_path: Path) -> None:
    """ewoksserver: ``os.listdir(Path(__file__).resolve().parent / "data")`` in any loop of
    the project crashed the route stage (CI900, all 125 routes lost). The folder of a
    resolved path is the file's own: its routers are found."""
    routers = tmp_path / "app" / "routers"
    routers.mkdir(parents=True)
    (tmp_path / "app" / "__init__.py").write_text("")
    (routers / "__init__.py").write_text("")
    (routers / "items.py").write_text(
        "from fastapi import APIRouter\n\nrouter = APIRouter()\n\n"
        "@router.get('/items')\ndef items() -> None: ...\n"
    )
    (tmp_path / "app" / "main.py").write_text(
        "import importlib\nimport os\nfrom pathlib import Path\n\nfrom fastapi import FastAPI\n\n"
        "HERE = Path(__file__).resolve().parent\napp = FastAPI()\n\n"
        "for name in sorted(os.listdir(HERE / 'routers')):\n"
        "    if name.endswith('.py') and not name.startswith('_'):\n"
        "        module = importlib.import_module(f'app.routers.{name[:-3]}')\n"
        "        app.include_router(module.router)\n\n"
        "def copy_resources() -> None:\n"
        "    for name in os.listdir(HERE / 'data'):\n        print(name)\n"
    )
    _served_as_at_runtime(tmp_path, "app.main:app", {("GET", "/items", "app.routers.items.items")})


@pytest.mark.slow
def test_a_long_list_of_routers_is_wiring_not_data(tmp_path: Path) -> None:
    """entitycore lists 71 routers, then includes each in a loop: a literal of more than 64
    items was data to us, a CI202, and about 600 routes had no app. A list of names is
    wiring whatever its length."""
    routes = tmp_path / "routes"
    routes.mkdir()
    (routes / "__init__.py").write_text("")
    names = [f"r{n}" for n in range(70)]
    for name in names:
        (routes / f"{name}.py").write_text(
            "from fastapi import APIRouter\n\nrouter = APIRouter()\n\n"
            f"@router.get('/{name}')\ndef read() -> None: ...\n"
        )
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\n"
        f"from routes import {', '.join(names)}\n\n"
        f"ROUTERS = [{', '.join(f'{n}.router' for n in names)}]\n\n"
        "app = FastAPI()\nfor router in ROUTERS:\n    app.include_router(router)\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    static = {(r.method, r.path, r.endpoint) for r in graph.routes() if r.app == "main.app"}
    assert len(static) == 70
    assert not graph.diagnostics
    assert static == runtime_routes(tmp_path, "main:app")


@pytest.mark.slow
def test_an_endpoint_by_another_name_is_named_for_its_function(tmp_path: Path) -> None:
    """entitycore: ``admin_read_one = read_one`` in a service module, then
    ``add_api_route("/admin", svc.admin_read_one)`` and ``router.get(p)(...)``. FastAPI names
    the function by its ``__qualname__`` (we named the variable: 31 wrong endpoints)."""
    (tmp_path / "svc.py").write_text(
        "def read_one() -> dict[str, str]:\n    return {}\n\nadmin_read_one = read_one\n"
    )
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\nimport svc\n\nrouter = APIRouter()\n"
        "router.add_api_route('/admin', svc.admin_read_one, methods=['GET'])\n"
        "router.get('/admin2')(svc.admin_read_one)\n"
        "app = FastAPI()\napp.include_router(router)\n"
    )
    static = {(r.method, r.path, r.endpoint) for r in codeintel.analyze(tmp_path).routes()}
    assert static == {("GET", "/admin", "svc.read_one"), ("GET", "/admin2", "svc.read_one")}
    assert static == runtime_routes(tmp_path, "main:app")


@pytest.mark.slow
def test_routers_handed_to_a_star_parameter_are_its_items(tmp_path: Path) -> None:
    """lotus-core: ``def include_routers(app, *routers): for router in routers:
    app.include_router(router)``, called with the routers one by one (each service's
    routes had no app). A ``*`` parameter holds the positional arguments no other takes."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "users = APIRouter(prefix='/users')\nitems = APIRouter(prefix='/items')\n\n"
        "@users.get('')\ndef list_users() -> None: ...\n\n"
        "@items.get('')\ndef list_items() -> None: ...\n\n"
        "def include_routers(app: FastAPI, *routers: APIRouter) -> None:\n"
        "    for router in routers:\n        app.include_router(router)\n\n"
        "app = FastAPI()\ninclude_routers(app, users, items)\n"
    )
    _served_as_at_runtime(
        tmp_path,
        "main:app",
        {("GET", "/users", "main.list_users"), ("GET", "/items", "main.list_items")},
        app="main.app",
    )


@pytest.mark.slow
def test_a_loop_over_dict_or_tuple_displays_reads_their_items_by_key_or_index(
    tmp_path: Path,
) -> None:
    """kinit's ``urlpatterns = [{"ApiRouter": auth_app, "prefix": "/auth"}, ...]`` and
    ``for url in urlpatterns: app.include_router(url["ApiRouter"], prefix=url["prefix"])``
    (102 routes had no app), pecuny's ``route.get("prefix", "")`` over dicts some of which
    have no prefix, and ``url[0]``, ``url[1]`` over tuples."""
    (tmp_path / "urls.py").write_text(
        "from fastapi import APIRouter\n\n"
        "auth = APIRouter()\nusers = APIRouter()\nitems = APIRouter()\n\n"
        "@auth.get('/login')\ndef login() -> None: ...\n\n"
        "@users.get('/me')\ndef me() -> None: ...\n\n"
        "@items.get('/all')\ndef all_items() -> None: ...\n\n"
        "urlpatterns = [\n"
        "    {'ApiRouter': auth, 'prefix': '/auth', 'tags': ['auth']},\n"
        "    {'ApiRouter': users, 'prefix': '/users', 'tags': ['users']},\n]\n"
        "optional = [{'router': auth}, {'router': items, 'prefix': '/items'}]\n"
        "pairs = [(users, '/v2/users'), (items, '/v2/items')]\n"
    )
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\n\nimport urls\n\n"
        "def create_app() -> FastAPI:\n"
        "    app = FastAPI()\n"
        "    for url in urls.urlpatterns:\n"
        "        app.include_router(url['ApiRouter'], prefix=url['prefix'], tags=url['tags'])\n"
        "    for route in urls.optional:\n"
        "        app.include_router(route['router'], prefix=route.get('prefix', ''))\n"
        "    for pair in urls.pairs:\n"
        "        app.include_router(pair[0], prefix=pair[1])\n"
        "    return app\n\n"
        "app = create_app()\n"
    )
    _served_as_at_runtime(
        tmp_path,
        "main:app",
        {
            ("GET", "/auth/login", "urls.login"),
            ("GET", "/users/me", "urls.me"),
            ("GET", "/login", "urls.login"),
            ("GET", "/items/all", "urls.all_items"),
            ("GET", "/v2/users/me", "urls.me"),
            ("GET", "/v2/items/all", "urls.all_items"),
        },
        app="main.app",
    )


@pytest.mark.slow
def test_a_decorator_returning_a_route_decorator_s_call_registers(tmp_path: Path) -> None:
    """``def register(fn): return router.api_route(path, methods=[...])(fn)``, the textbook
    wrapping decorator, and a plain decorator ``return router.get("/")(fn)``: each registers
    its function; we dropped both without a word."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\nrouter = APIRouter()\n\n"
        "def get_and_head(path: str):\n"
        "    def register(fn):\n"
        "        return router.api_route(path, methods=['GET', 'HEAD'])(fn)\n"
        "    return register\n\n"
        "def at_root(fn):\n    return router.get('/')(fn)\n\n"
        "@get_and_head('/items')\nasync def items() -> list[int]:\n    return []\n\n"
        "@at_root\nasync def root() -> None: ...\n\n"
        "app = FastAPI()\napp.include_router(router)\n"
    )
    _served_as_at_runtime(
        tmp_path,
        "main:app",
        {
            ("GET", "/items", "main.items"),
            ("HEAD", "/items", "main.items"),
            ("GET", "/", "main.root"),
        },
    )


@pytest.mark.slow
def test_a_route_table_s_rows_give_each_route_its_endpoint_and_methods(tmp_path: Path) -> None:
    """``for spec in ROUTES: router.add_api_route(spec["path"], spec["endpoint"],
    methods=spec["methods"])`` over dicts, ``row[1]`` over tuples, and ``api_route(path,
    methods=methods)(handler)`` over unpacked rows: we lost the first two (endpoint unknown)
    and served the third's POST handler as GET, unconditional."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "def list_users() -> None: ...\n\ndef create_user() -> None: ...\n\n"
        "ROUTES = [\n"
        "    {'path': '/users', 'endpoint': list_users, 'methods': ['GET']},\n"
        "    {'path': '/users', 'endpoint': create_user, 'methods': ['POST']},\n]\n"
        "ROWS = [('/health', list_users, ['GET', 'HEAD'])]\n\n"
        "router = APIRouter()\n"
        "for spec in ROUTES:\n"
        "    router.add_api_route(spec['path'], spec['endpoint'], methods=spec['methods'])\n"
        "for row in ROWS:\n    router.add_api_route(row[0], row[1], methods=row[2])\n\n"
        "v2 = APIRouter(prefix='/v2')\n"
        "PAIRS = [('/u', list_users, ['GET']), ('/u', create_user, ['POST'])]\n"
        "for path, handler, methods in PAIRS:\n"
        "    v2.api_route(path, methods=methods)(handler)\n\n"
        "app = FastAPI()\napp.include_router(router)\napp.include_router(v2)\n"
    )
    listed, created = "main.list_users", "main.create_user"
    expected = {
        ("GET", "/users", listed),
        ("POST", "/users", created),
        ("GET", "/health", listed),
        ("HEAD", "/health", listed),
        ("GET", "/v2/u", listed),
        ("POST", "/v2/u", created),
    }
    _served_as_at_runtime(tmp_path, "main:app", expected)


@pytest.mark.slow
def test_a_loop_over_a_known_string_split_runs_over_its_parts(tmp_path: Path) -> None:
    """``for version in VERSIONS.split(",")`` and ``" v1,v2 ".strip().split(",")``, each
    version's module imported by name: every version's router, where we lost them all."""
    for version in ("v1", "v2"):
        (tmp_path / f"{version}.py").write_text(
            "from fastapi import APIRouter\n\nrouter = APIRouter()\n\n"
            f"@router.get('/items')\ndef items_{version}() -> None: ...\n"
        )
    (tmp_path / "main.py").write_text(
        "from importlib import import_module\n\nfrom fastapi import FastAPI\n\n"
        "VERSIONS = 'v1,v2'\n\napp = FastAPI()\n"
        "for version in VERSIONS.split(','):\n"
        "    app.include_router(import_module(version).router, prefix=f'/{version}')\n"
        "for name in ' v1,v2 '.strip().split(','):\n"
        "    app.include_router(import_module(name).router, prefix=f'/old/{name}')\n"
    )
    expected = {
        ("GET", f"{prefix}/{version}/items", f"{version}.items_{version}")
        for prefix in ("", "/old")
        for version in ("v1", "v2")
    }
    _served_as_at_runtime(tmp_path, "main:app", expected)


@pytest.mark.slow
def test_an_app_built_from_another_s_routes_serves_them(tmp_path: Path) -> None:
    """fastmcp's documented ``FastAPI(routes=[*mcp_app.routes, *base_app.routes])``,
    ``FastAPI(routes=router.routes)`` and ``app.router.routes.extend(router.routes)`` of a
    module's ``router``: the app serves those routes as they are; we served none of them
    (silently, or with a CI202)."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "def create_base_app() -> FastAPI:\n"
        "    base = FastAPI()\n\n"
        "    @base.get('/health')\n    def health() -> None: ...\n\n"
        "    return base\n\n"
        "base_app = create_base_app()\n"
        "app = FastAPI(routes=[*base_app.routes])\n\n"
        "@app.get('/extra')\ndef extra() -> None: ...\n\n"
        "router = APIRouter(prefix='/r')\n\n@router.get('/x')\ndef x() -> None: ...\n\n"
        "other = FastAPI(routes=router.routes)\n"
        "extended = FastAPI()\nextended.router.routes.extend(router.routes)\n"
    )
    health = "main.create_base_app.<locals>.health"
    expected = {("GET", "/health", health), ("GET", "/extra", "main.extra")}
    _served_as_at_runtime(tmp_path, "main:app", expected, app="main.app")
    for name in ("other", "extended"):
        expected = {("GET", "/r/x", "main.x")}
        _served_as_at_runtime(tmp_path, f"main:{name}", expected, app=f"main.{name}")


@pytest.mark.slow
def test_routes_handed_to_a_router_keep_their_own_prefix_and_dependencies(
    tmp_path: Path,
) -> None:
    """``APIRouter(prefix="/wrap", dependencies=[...], routes=items.router.routes)``: the
    router's own prefix and dependencies are for routes declared on it, not those handed to
    it; the include that reaches it gives its own to both. We served ``/v1/wrap/items/x``
    and dropped the include's and the app's dependencies."""
    (tmp_path / "items.py").write_text(
        "from fastapi import APIRouter, Depends\n\n"
        "def own(): ...\n\n"
        "router = APIRouter(prefix='/items', dependencies=[Depends(own)])\n\n"
        "@router.get('/x')\ndef x(): ...\n"
    )
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, Depends, FastAPI\n\n"
        "import items\n\n"
        "def wrap(): ...\n\n"
        "def include(): ...\n\n"
        "def app_wide(): ...\n\n"
        "wrapped = APIRouter(\n"
        "    prefix='/wrap', dependencies=[Depends(wrap)], routes=items.router.routes\n)\n\n"
        "@wrapped.get('/y')\ndef y(): ...\n\n"
        "app = FastAPI(dependencies=[Depends(app_wide)])\n"
        "app.include_router(wrapped, prefix='/v1', dependencies=[Depends(include)])\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    static = {
        f"{r.method} {r.path}": list(r.all_dependencies)
        for r in graph.routes()
        if r.app == "main.app"
    }
    assert static == {
        "GET /v1/items/x": ["main.app_wide", "main.include", "items.own"],
        "GET /v1/wrap/y": ["main.app_wide", "main.include", "main.wrap"],
    }
    assert oracle("runtime_dependencies.py", tmp_path, "--routes", "main:app") == static


@pytest.mark.slow
def test_an_app_each_construction_builds_holds_that_construction_s_routers(
    tmp_path: Path,
) -> None:
    """``service = ServiceApp("a", [router])``, then ``app = service.app``, in each of two
    service modules, the class's ``__init__`` building an app and a router of its own per
    construction: each app serves its own service's routes; one object served both."""
    (tmp_path / "common.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "class ServiceApp:\n"
        "    def __init__(self, name: str, routers: list[APIRouter]) -> None:\n"
        "        self.app = FastAPI(title=name)\n"
        "        self.api = APIRouter(prefix='/api')\n"
        "        for router in routers:\n"
        "            self.api.include_router(router)\n"
        "        self.app.include_router(self.api)\n"
    )
    for name in ("a", "b"):
        (tmp_path / f"svc_{name}.py").write_text(
            "from fastapi import APIRouter\n\nfrom common import ServiceApp\n\n"
            f"router = APIRouter()\n\n@router.get('/{name}')\ndef get() -> None: ...\n\n"
            f"service = ServiceApp('{name}', [router])\napp = service.app\n"
        )
    for name in ("a", "b"):
        expected = {("GET", f"/api/{name}", f"svc_{name}.get")}
        _served_as_at_runtime(tmp_path, f"svc_{name}:app", expected, app=f"svc_{name}.app")


@pytest.mark.slow
def test_a_dict_filled_key_by_key_is_looped_over_in_full(tmp_path: Path) -> None:
    """``TABLE = {"/root": root}``, then ``TABLE["/users"] = users`` at module level, then
    ``for prefix, router in TABLE.items()``: every router under its key; we read nothing
    of a dict changed in place (CI202), and one set again keeps its first place."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "root = APIRouter()\nusers = APIRouter()\nother = APIRouter()\n\n"
        "@root.get('/')\ndef index() -> None: ...\n\n"
        "@users.get('/{name}')\ndef user(name: str) -> None: ...\n\n"
        "@other.get('/o')\ndef o() -> None: ...\n\n"
        "TABLE = {'/root': other}\nTABLE['/users'] = users\nTABLE['/root'] = root\n\n"
        "app = FastAPI()\n"
        "for prefix, router in TABLE.items():\n"
        "    app.include_router(router, prefix=prefix)\n"
    )
    expected = {("GET", "/root/", "main.index"), ("GET", "/users/{name}", "main.user")}
    _served_as_at_runtime(tmp_path, "main:app", expected, app="main.app")


@pytest.mark.slow
def test_a_factory_s_local_bound_after_a_same_named_import_is_the_local(
    tmp_path: Path,
) -> None:
    """``import app.models`` for its side effects, then ``app = FastAPI()``, in a factory of
    a package named ``app`` (idun): the local holds the app from there on; we read the
    package, and every route of the app was on no app."""
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "__init__.py").write_text("")
    (tmp_path / "app" / "models.py").write_text("")
    (tmp_path / "app" / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\nrouter = APIRouter()\n\n"
        "@router.get('/items')\ndef items() -> None: ...\n\n"
        "def create_app() -> FastAPI:\n"
        "    import app.models  # noqa: F401\n\n"
        "    app = FastAPI()\n    app.include_router(router)\n    return app\n\n"
        "app = create_app()\n"
    )
    _served_as_at_runtime(tmp_path, "app.main:app", {("GET", "/items", "app.main.items")})


@pytest.mark.slow
def test_a_method_each_looped_instance_runs_on_the_app_adds_its_routes(tmp_path: Path) -> None:
    """``for ext in EXTENSIONS: ext.setup(app)`` over ``[Users(), Items()]``, each class's
    ``setup`` declaring a route on the app it is given: both served; we put them on no app,
    with a CI202 for each method."""
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\n\n"
        "class Users:\n    def setup(self, app: FastAPI) -> None:\n"
        "        @app.get('/users')\n        def users() -> None: ...\n\n"
        "class Items:\n    def setup(self, app: FastAPI) -> None:\n"
        "        @app.get('/items')\n        def items() -> None: ...\n\n"
        "EXTENSIONS = [Users(), Items()]\n\n"
        "def create_app() -> FastAPI:\n    app = FastAPI()\n"
        "    for ext in EXTENSIONS:\n        ext.setup(app)\n    return app\n\n"
        "app = create_app()\n"
    )
    expected = {
        ("GET", "/users", "main.Users.setup.<locals>.users"),
        ("GET", "/items", "main.Items.setup.<locals>.items"),
    }
    _served_as_at_runtime(tmp_path, "main:app", expected)


@pytest.mark.slow
def test_a_router_subclass_built_in_place_per_loop_run_is_each_run_s(tmp_path: Path) -> None:
    """``for name in ["books", "authors"]: app.include_router(CRUDRouter(name))``, the
    subclass's ``__init__`` making its prefix of ``name``: one router per run; we kept the
    first run's object for every run, and served only ``/books``, silently."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "def list_all() -> None: ...\n\n"
        "class CRUDRouter(APIRouter):\n"
        "    def __init__(self, name: str) -> None:\n"
        "        super().__init__(prefix=f'/{name}')\n"
        "        self.add_api_route('', list_all, methods=['GET'])\n\n"
        "app = FastAPI()\n"
        "for name in ['books', 'authors']:\n    app.include_router(CRUDRouter(name))\n"
    )
    expected = {("GET", "/books", "main.list_all"), ("GET", "/authors", "main.list_all")}
    _served_as_at_runtime(tmp_path, "main:app", expected, app="main.app")


@pytest.mark.slow
def test_an_attribute_of_an_instance_a_function_builds_is_read(tmp_path: Path) -> None:
    """``adapter = WebAdapter()`` then ``app.include_router(adapter.router, prefix=...)``
    in a setup function (nekro-agent's adapters), ``self.router`` set in ``__init__`` to a
    module's router or built there of its arguments: read as at module level; we had a
    CI202 and the routes at their bare paths on no app."""
    (tmp_path / "routes.py").write_text(
        "from fastapi import APIRouter\n\nrouter = APIRouter()\n\n"
        "@router.get('/sessions')\ndef sessions() -> None: ...\n"
    )
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\nfrom routes import router\n\n"
        "class WebAdapter:\n    def __init__(self) -> None:\n        self.router = router\n\n"
        "class Ctl:\n    def __init__(self, prefix: str) -> None:\n"
        "        self.router = APIRouter(prefix=prefix)\n"
        "        self.router.add_api_route('/x', self.get)\n\n"
        "    async def get(self) -> None: ...\n\n"
        "def setup(app: FastAPI) -> None:\n"
        "    adapter = WebAdapter()\n"
        "    app.include_router(adapter.router, prefix='/adapters/web')\n"
        "    ctl = Ctl('/c')\n    app.include_router(ctl.router)\n\n"
        "app = FastAPI()\nsetup(app)\n"
    )
    expected = {
        ("GET", "/adapters/web/sessions", "routes.sessions"),
        ("GET", "/c/x", "main.Ctl.get"),
    }
    _served_as_at_runtime(tmp_path, "main:app", expected, app="main.app")


@pytest.mark.slow
def test_a_base_s_method_run_on_a_subclass_s_instance_reads_the_subclass(
    tmp_path: Path,
) -> None:
    """``ListItems().register(router)``, the base's ``register`` adding ``self.handle`` at
    ``self.path`` with ``methods=[self.method]``: each subclass's override and class
    attributes, as at runtime; we served the base's handler and method for both."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "class Endpoint:\n    path = '/base'\n    method = 'GET'\n\n"
        "    def handle(self) -> None: ...\n\n"
        "    def register(self, router: APIRouter) -> None:\n"
        "        router.add_api_route(self.path, self.handle, methods=[self.method])\n\n"
        "class ListItems(Endpoint):\n    path = '/items'\n\n"
        "    def handle(self) -> None: ...\n\n"
        "class CreateItem(Endpoint):\n    path = '/items'\n    method = 'POST'\n\n"
        "    def handle(self) -> None: ...\n\n"
        "router = APIRouter()\nListItems().register(router)\nCreateItem().register(router)\n"
        "app = FastAPI()\napp.include_router(router)\n"
    )
    expected = {
        ("GET", "/items", "main.ListItems.handle"),
        ("POST", "/items", "main.CreateItem.handle"),
    }
    _served_as_at_runtime(tmp_path, "main:app", expected, app="main.app")


def test_a_route_declared_in_an_except_block_is_under_that_test(tmp_path: Path) -> None:
    """lex's fallback ``GET /``, declared in ``except Exception:`` after mounting static files:
    it is registered only when the ``try`` fails; we listed it unconditionally."""
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\nfrom fastapi.staticfiles import StaticFiles\n\n"
        "app = FastAPI()\n\n"
        "try:\n    app.mount('/static', StaticFiles(directory='static'))\n"
        "except Exception:\n    @app.get('/')\n    def root() -> None: ...\n"
    )
    [route] = codeintel.analyze(tmp_path, cache=False).routes()
    assert (route.path, route.conditions) == ("/", ("except Exception",))


@pytest.mark.slow
def test_a_base_s_method_includes_the_router_each_subclass_sets(tmp_path: Path) -> None:
    """Found in review: ``for e in [U(), I()]: e.setup(app)``, the base's ``setup`` including
    ``self.router``, a class attribute each subclass sets again: each subclass's router; we
    included the base's for both."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "a = APIRouter()\nb = APIRouter()\nc = APIRouter()\n\n"
        "@a.get('/a')\ndef fa() -> None: ...\n\n@b.get('/b')\ndef fb() -> None: ...\n\n"
        "@c.get('/c')\ndef fc() -> None: ...\n\n"
        "class Base:\n    router = c\n\n"
        "    def setup(self, app: FastAPI) -> None:\n"
        "        app.include_router(self.router, prefix='/s')\n\n"
        "class U(Base):\n    router = a\n\nclass I(Base):\n    router = b\n\n"
        "app = FastAPI()\nfor e in [U(), I()]:\n    e.setup(app)\n"
    )
    expected = {("GET", "/s/a", "main.fa"), ("GET", "/s/b", "main.fb")}
    _served_as_at_runtime(tmp_path, "main:app", expected, app="main.app")


@pytest.mark.slow
def test_a_router_a_factory_builds_per_call_holds_that_calls_routers(tmp_path: Path) -> None:
    """rs-server's services each call one ``init_app(routers)`` that fills a router of its
    own with the routers it is given: each app serves its own call's, where we served every
    caller's routers on every app (15 unconditional extras on one service)."""
    (tmp_path / "common.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "def init_app(routers: list[APIRouter], prefix: str) -> FastAPI:\n"
        "    app = FastAPI()\n"
        "    inner = APIRouter(prefix=prefix)\n"
        "    for router in routers:\n"
        "        inner.include_router(router)\n"
        "    app.include_router(inner)\n"
        "    return app\n"
    )
    for name, path in (("one", "/a"), ("two", "/b")):
        (tmp_path / f"{name}.py").write_text(
            "from fastapi import APIRouter\n\nfrom common import init_app\n\n"
            f"router = APIRouter()\n\n@router.get('{path}')\ndef get() -> None: ...\n\n"
            f"app = init_app([router], '/{name}')\n"
        )
    for name, path in (("one", "/a"), ("two", "/b")):
        expected = {("GET", f"/{name}{path}", f"{name}.get")}
        _served_as_at_runtime(tmp_path, f"{name}:app", expected, app=f"{name}.app")


@pytest.mark.slow
def test_a_router_class_built_in_place_or_in_a_function_serves_each_construction(
    tmp_path: Path,
) -> None:
    """An in-project router class (``self.router = APIRouter(prefix=prefix)`` in
    ``__init__``) built in place twice (``include_router(Ctl("/a").router)``), in a loop over
    prefixes, and held by a local of ``create_app``: each construction's router has its own
    prefix (one router with a ``<?prefix>`` placeholder stood for all of them)."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "class Ctl:\n"
        "    def __init__(self, prefix: str) -> None:\n"
        "        self.router = APIRouter(prefix=prefix)\n"
        "        self.router.add_api_route('', self.list_items, methods=['GET'])\n\n"
        "    async def list_items(self) -> list[str]:\n        return []\n\n"
        "def create_app() -> FastAPI:\n"
        "    app = FastAPI()\n"
        "    app.include_router(Ctl('/a').router)\n"
        "    app.include_router(Ctl('/b').router)\n"
        "    for prefix in ('/c', '/d'):\n"
        "        app.include_router(Ctl(prefix).router)\n"
        "    local = Ctl('/e')\n"
        "    app.include_router(local.router)\n"
        "    return app\n\n"
        "app = create_app()\n"
    )
    _served_as_at_runtime(
        tmp_path,
        "main:app",
        {("GET", f"/{p}", "main.Ctl.list_items") for p in "abcde"},
        app="main.app",
    )


@pytest.mark.slow
def test_a_class_decorator_registering_the_class_s_router_serves_it(tmp_path: Path) -> None:
    """bettercollected's ``@router(prefix="/workspaces") class WorkspaceRouter(Routable)``,
    whose decorator builds ``cls(prefix=prefix)`` and includes ``result.router`` in a root
    router (114 of its 125 routes were not found), and a plain ``@register`` calling
    ``cls().router``: each decorated class's router, built by its base's ``__init__`` with
    what the decorator passes."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "root = APIRouter(prefix='/api')\n\n"
        "def register(cls):\n    root.include_router(cls().router)\n    return cls\n\n"
        "def router(prefix=None):\n"
        "    def decorator(cls):\n"
        "        result = cls(prefix=prefix)\n"
        "        root.include_router(result.router)\n"
        "        return result\n"
        "    return decorator\n\n"
        "class View:\n"
        "    def __init__(self, prefix: str = '/view') -> None:\n"
        "        self.router = APIRouter(prefix=prefix)\n"
        "        self.router.add_api_route('', self.list_items, methods=['GET'])\n\n"
        "    async def list_items(self) -> list[str]:\n        return []\n\n"
        "@register\nclass Items(View):\n    pass\n\n"
        "@router(prefix='/workspaces')\nclass Workspaces(View):\n    pass\n\n"
        "app = FastAPI()\napp.include_router(root)\n"
    )
    _served_as_at_runtime(
        tmp_path,
        "main:app",
        {
            ("GET", "/api/view", "main.View.list_items"),
            ("GET", "/api/workspaces", "main.View.list_items"),
        },
        app="main.app",
    )


@pytest.mark.slow
def test_plugin_classes_from_a_subclass_registry_or_a_generator_serve_their_routers(
    tmp_path: Path,
) -> None:
    """auth-api: each ``AuthMethod`` subclass registers itself in ``__init_subclass__``
    (``METHODS[cls.__name__] = cls``, a ``Mixin`` left out), a static generator yields the
    registry's classes, and the app includes ``method().router`` under ``method.prefix``
    (70 of its 95 routes had no app); and ``Base.__subclasses__()`` alike."""
    (tmp_path / "base.py").write_text(
        "from fastapi import APIRouter\n\n"
        "METHODS = {}\n\n"
        "class AuthMethod:\n"
        "    prefix = ''\n\n"
        "    def __init__(self) -> None:\n"
        "        self.router = APIRouter()\n"
        "        self.router.add_api_route('/login', self.login, methods=['POST'])\n\n"
        "    def __init_subclass__(cls, **kwargs) -> None:\n"
        "        if not cls.__name__.endswith('Mixin'):\n"
        "            METHODS[cls.__name__] = cls\n\n"
        "    async def login(self) -> None: ...\n\n"
        "    @staticmethod\n"
        "    def active():\n"
        "        for method in METHODS.values():\n"
        "            yield method\n"
    )
    (tmp_path / "plugins.py").write_text(
        "from base import AuthMethod\n\n"
        "class Email(AuthMethod):\n    prefix = '/email'\n\n"
        "class Github(AuthMethod):\n    prefix = '/github'\n\n"
        "class AuditMixin(AuthMethod):\n    prefix = '/audit'\n"
    )
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\n\n"
        "import plugins\n"
        "from base import METHODS, AuthMethod\n\n"
        "app = FastAPI()\n"
        "for method in AuthMethod.active():\n"
        "    app.include_router(method().router, prefix=method.prefix)\n"
        "for name, cls in METHODS.items():\n"
        "    app.include_router(cls().router, prefix='/v2/' + name)\n"
        "for cls in AuthMethod.__subclasses__():\n"
        "    app.include_router(cls().router, prefix='/all' + cls.prefix)\n"
    )
    expected = {
        *(("POST", f"{p}/login", "base.AuthMethod.login") for p in ("/email", "/github")),
        *(("POST", f"/v2/{n}/login", "base.AuthMethod.login") for n in ("Email", "Github")),
        *(("POST", f"/all{p}/login", "base.AuthMethod.login") for p in ("/email", "/github")),
        ("POST", "/all/audit/login", "base.AuthMethod.login"),
    }
    graph = codeintel.analyze(tmp_path, cache=False)
    static = {(r.method, r.path, r.endpoint) for r in graph.routes() if r.app == "main.app"}
    assert static == expected == runtime_routes(tmp_path, "main:app")


@pytest.mark.slow
def test_an_endpoint_read_on_a_parameter_given_an_instance_made_in_place(
    tmp_path: Path,
) -> None:
    """bettercollected's ``register_plugin_class(router=root, route=PluginProxy())``, whose
    body adds ``endpoint=route.list_forms``: the method of the class built in place (a
    CI202 before; an instance bound to a name first was right)."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "class PluginProxy:\n"
        "    async def list_forms(self, provider: str) -> list[str]:\n        return []\n\n"
        "def register(router: APIRouter, route: PluginProxy) -> None:\n"
        "    router.add_api_route('/{provider}/forms', endpoint=route.list_forms)\n\n"
        "root = APIRouter(prefix='/api')\n"
        "register(router=root, route=PluginProxy())\n"
        "app = FastAPI()\napp.include_router(root)\n"
    )
    _served_as_at_runtime(
        tmp_path,
        "main:app",
        {("GET", "/api/{provider}/forms", "main.PluginProxy.list_forms")},
        app="main.app",
    )


@pytest.mark.slow
def test_names_bound_anew_read_what_runs_before_the_statement(tmp_path: Path) -> None:
    """What the review of 2ebfaa4 found: a ``global`` write in a function runs when it is
    called, not where it stands (``/two`` was claimed for an include before any call); a
    router built a second time is the object its includes go on (its routes had no app);
    ``c.router`` after ``c = Ctl("/c2")`` is that construction's."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "a = APIRouter()\nb = APIRouter()\n\n"
        "@a.get('/a')\ndef fa() -> None: ...\n\n"
        "@b.get('/b')\ndef fb() -> None: ...\n\n"
        "prefix = '/one'\n\n"
        "def configure() -> None:\n    global prefix\n    prefix = '/two'\n\n"
        "class Ctl:\n"
        "    def __init__(self, prefix: str) -> None:\n"
        "        self.router = APIRouter(prefix=prefix)\n"
        "        self.router.add_api_route('/x', self.get)\n\n"
        "    async def get(self) -> None: ...\n\n"
        "def create(app: FastAPI) -> None:\n"
        "    c = Ctl('/c1')\n    app.include_router(c.router)\n"
        "    c = Ctl('/c2')\n    app.include_router(c.router)\n\n"
        "app = FastAPI()\napp.include_router(a, prefix=prefix)\n"
        "api = APIRouter()\napi = APIRouter(tags=['api'])\napi.include_router(b)\n"
        "app.include_router(api, prefix='/api')\ncreate(app)\nconfigure()\n"
    )
    _served_as_at_runtime(
        tmp_path,
        "main:app",
        {
            ("GET", "/one/a", "main.fa"),
            ("GET", "/api/b", "main.fb"),
            ("GET", "/c1/x", "main.Ctl.get"),
            ("GET", "/c2/x", "main.Ctl.get"),
        },
        app="main.app",
    )


def test_items_changed_in_place_are_not_read_as_written(tmp_path: Path) -> None:
    """A loop's dict changed in its body (``url["prefix"] = "/api" + url["prefix"]``) and a
    list another module changes (``conf.PREFIXES[0] = "/z"``) do not hold their literals:
    placeholders and CI202/CI201, not the literal's prefixes claimed as served."""
    (tmp_path / "conf.py").write_text("PREFIXES = ['/p0']\n")
    (tmp_path / "setup.py").write_text("import conf\n\nconf.PREFIXES[0] = '/z'\n")
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\nimport conf\nimport setup\n\n"
        "a = APIRouter()\n\n@a.get('/a')\ndef fa() -> None: ...\n\n"
        "app = FastAPI()\n"
        "urls = [{'r': a, 'prefix': '/ua'}]\n"
        "for url in urls:\n"
        "    url['prefix'] = '/api' + url['prefix']\n"
        "    app.include_router(url['r'], prefix=url['prefix'])\n"
        "app.include_router(a, prefix=conf.PREFIXES[0])\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    paths = {r.path for r in graph.routes()}
    assert not paths & {"/ua/a", "/p0/a"}
    assert {(d.code, d.line) for d in graph.diagnostics} >= {("CI202", 15), ("CI201", 16)}


@pytest.mark.slow
def test_an_inherited_init_reads_the_instance_s_class_and_registrations_keep_their_tests(
    tmp_path: Path,
) -> None:
    """``self.name`` in a base's ``__init__`` is the instance's class attribute
    (``Users("/u")`` serves ``/u/users``, we said ``/u/base``); a class decorator under
    ``if`` registers under that test; ``dir(module)`` lists the routers it imports."""
    (tmp_path / "shared.py").write_text(
        "from fastapi import APIRouter\n\nrouter = APIRouter(prefix='/shared')\n\n"
        "@router.get('')\ndef fs() -> None: ...\n"
    )
    (tmp_path / "plugin.py").write_text("from shared import router as shared_router\n")
    (tmp_path / "main.py").write_text(
        "import os\nfrom fastapi import APIRouter, FastAPI\n\nimport plugin\n\n"
        "root = APIRouter()\n\n"
        "class Base:\n    name = 'base'\n\n"
        "    def __init__(self, prefix: str = '/def') -> None:\n"
        "        self.router = APIRouter(prefix=prefix)\n"
        "        self.router.add_api_route('/' + self.name, self.get)\n\n"
        "    async def get(self) -> None: ...\n\n"
        "def register(cls):\n    root.include_router(cls('/reg').router)\n    return cls\n\n"
        "class Users(Base):\n    name = 'users'\n\n"
        "if os.environ.get('EXTRA'):\n\n"
        "    @register\n    class Extra(Base):\n        name = 'extra'\n\n"
        "app = FastAPI()\napp.include_router(Users('/u').router)\napp.include_router(root)\n"
        "for attr in dir(plugin):\n"
        "    value = getattr(plugin, attr)\n"
        "    if isinstance(value, APIRouter):\n        app.include_router(value)\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    static = {
        (r.method, r.path, r.endpoint, r.conditions) for r in graph.routes() if r.app == "main.app"
    }
    served = {("GET", "/u/users", "main.Base.get"), ("GET", "/shared", "shared.fs")}
    extra = ("GET", "/reg/extra", "main.Base.get", ("os.environ.get('EXTRA')",))
    assert static == {(*route, ()) for route in served} | {extra}
    assert runtime_routes(tmp_path, "main:app") == served
    assert runtime_routes(tmp_path, "main:app", {"EXTRA": "1"}) == served | {extra[:3]}


@pytest.mark.slow
def test_a_factory_parameter_handed_to_a_router_builder_is_its_prefix(tmp_path: Path) -> None:
    """fastapi-saas-template: ``create_app(prefix="/v2")`` includes ``build(prefix)``, whose
    body includes the routers under ``prefix=v1_prefix``: the builder's statement was read
    as another call's (its argument the caller's parameter, the walk's its default), and
    every route vanished without a word."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "router = APIRouter(prefix='/users')\n\n"
        "@router.get('/me')\ndef get_me() -> None: ...\n\n"
        "def build(v1_prefix: str) -> APIRouter:\n"
        "    root = APIRouter()\n    root.include_router(router, prefix=v1_prefix)\n"
        "    return root\n\n"
        "def create_app(prefix: str = '/v2') -> FastAPI:\n"
        "    app = FastAPI()\n    app.include_router(build(prefix))\n    return app\n\n"
        "app = create_app()\n"
    )
    _served_as_at_runtime(
        tmp_path, "main:app", {("GET", "/v2/users/me", "main.get_me")}, app="main.app"
    )


@pytest.mark.slow
@pytest.mark.parametrize("factory", ["create_app", "MyApp"])
def test_an_app_subclass_only_the_server_builds_serves_its_routes(
    tmp_path: Path, factory: str
) -> None:
    """Spotlight's ``uvicorn --factory`` of a ``FastAPI`` subclass whose ``__init__`` adds its
    routes, built by ``return MyApp()`` in a factory or named as the factory itself, with no
    project code calling either: every route vanished, without a word."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "api = APIRouter()\n\n@api.get('/ping')\ndef ping() -> None: ...\n\n"
        "class MyApp(FastAPI):\n"
        "    def __init__(self) -> None:\n"
        "        super().__init__()\n"
        "        self.include_router(api, prefix='/api')\n\n"
        "        @self.get('/')\n        def index() -> None: ...\n\n"
        + ("def create_app() -> FastAPI:\n    return MyApp()\n" if factory == "create_app" else "")
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    static = {
        (r.method, r.path, r.endpoint) for r in graph.routes() if r.app == f"main.{factory}()"
    }
    assert static == {
        ("GET", "/api/ping", "main.ping"),
        ("GET", "/", "main.MyApp.__init__.<locals>.index"),
    }
    assert static == runtime_routes(tmp_path, f"main:{factory}()")


@pytest.mark.slow
def test_a_setup_function_called_through_a_name_or_getattr_adds_its_routes(
    tmp_path: Path,
) -> None:
    """Plugin loaders: ``setup = routes.register; setup(app)`` and
    ``getattr(routes, "register_v2")(app)`` run the module's function (its routes were on a
    parameter no call bound, a CI202)."""
    (tmp_path / "routes.py").write_text(
        "from fastapi import APIRouter\n\nrouter = APIRouter()\n\n"
        "@router.get('/x')\ndef get_x() -> None: ...\n\n"
        "def register(app) -> None:\n    app.include_router(router, prefix='/p1')\n\n"
        "def register_v2(app) -> None:\n    app.include_router(router, prefix='/p2')\n"
    )
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\n\nimport routes\n\napp = FastAPI()\n"
        "setup = routes.register\nsetup(app)\n"
        "getattr(routes, 'register_v2')(app)\n"
    )
    _served_as_at_runtime(
        tmp_path,
        "main:app",
        {("GET", "/p1/x", "routes.get_x"), ("GET", "/p2/x", "routes.get_x")},
        app="main.app",
    )


@pytest.mark.slow
def test_a_router_subclass_changing_its_kwargs_hands_on_what_it_changed(
    tmp_path: Path,
) -> None:
    """pecuny's ``APIRouterExtended``: ``if "prefix" in kwargs: kwargs["prefix"] = "/api" +
    kwargs["prefix"]`` before ``super().__init__(**kwargs)`` (21 routes were claimed
    without ``/api`` once its routers reached the app), ``kwargs.update(prefix=...)`` and
    ``kwargs.setdefault(...)`` alike."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "class Extended(APIRouter):\n"
        "    def __init__(self, *args, **kwargs):\n"
        "        if 'prefix' in kwargs:\n"
        "            kwargs['prefix'] = '/api' + kwargs['prefix']\n"
        "        if 'tags' in kwargs:\n"
        "            kwargs['tags'].append('Api')\n"
        "        super().__init__(*args, **kwargs)\n\n"
        "class Updated(APIRouter):\n"
        "    def __init__(self, **kwargs):\n"
        "        kwargs.update(prefix='/u')\n        super().__init__(**kwargs)\n\n"
        "class Defaulted(APIRouter):\n"
        "    def __init__(self, **kwargs):\n"
        "        kwargs.setdefault('prefix', '/d')\n        super().__init__(**kwargs)\n\n"
        "a = Extended(prefix='/cats', tags=['c'])\nb = Extended()\nc = Updated(prefix='/x')\n"
        "d = Defaulted()\n\n"
        "@a.get('/')\ndef cats() -> None: ...\n\n"
        "@b.get('/b')\ndef bee() -> None: ...\n\n"
        "@c.get('/c')\ndef see() -> None: ...\n\n"
        "@d.get('/e')\ndef dee() -> None: ...\n\n"
        "app = FastAPI()\n"
        "for router in (a, b, c, d):\n    app.include_router(router)\n"
    )
    _served_as_at_runtime(
        tmp_path,
        "main:app",
        {
            ("GET", "/api/cats/", "main.cats"),
            ("GET", "/b", "main.bee"),
            ("GET", "/u/c", "main.see"),
            ("GET", "/d/e", "main.dee"),
        },
        app="main.app",
    )


@pytest.mark.slow
def test_a_loop_over_a_list_a_dict_literal_holds_runs_over_its_items(tmp_path: Path) -> None:
    """py_copilot's ``ROUTE_GROUPS = {"core": [...]}``: a loop over ``ROUTE_GROUPS["core"]``,
    and over ``ROUTE_GROUPS.get(group, [])`` in a helper called per group, was unknown."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "auth = APIRouter()\nllm = APIRouter()\n\n"
        "@auth.get('/ping')\ndef ping_auth() -> None: ...\n\n"
        "@llm.get('/ping')\ndef ping_llm() -> None: ...\n\n"
        "ROUTE_GROUPS = {'core': [(auth, '/auth'), (llm, '/llm')], 'extra': [(llm, '/x')]}\n\n"
        "app = FastAPI()\n"
        "for router, prefix in ROUTE_GROUPS['core']:\n"
        "    app.include_router(router, prefix=prefix)\n\n"
        "def load(group: str) -> None:\n"
        "    for router, prefix in ROUTE_GROUPS.get(group, []):\n"
        "        app.include_router(router, prefix='/v2' + prefix)\n\n"
        "for group in ('extra', 'missing'):\n    load(group)\n"
    )
    _served_as_at_runtime(
        tmp_path,
        "main:app",
        {
            ("GET", "/auth/ping", "main.ping_auth"),
            ("GET", "/llm/ping", "main.ping_llm"),
            ("GET", "/v2/x/ping", "main.ping_llm"),
        },
        app="main.app",
    )


@pytest.mark.slow
def test_a_loop_over_a_name_bound_anew_runs_over_the_new_binding(tmp_path: Path) -> None:
    """gfw-data-api: ``job_routes = (job.router,)``, a loop including them, then
    ``job_routes = (land.router,)`` and a second loop: the second runs over ``land``'s
    router (we included ``job``'s twice, one route under a path it never has, and left
    ``land``'s routes with no app); in a function's body alike. A router or a prefix bound
    to a name, included, then bound anew and included again, alike (we took the union of
    the routers, and the first prefix)."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "job = APIRouter()\nland = APIRouter()\n\n"
        "@job.get('/{job_id}')\ndef get_job(job_id: str) -> None: ...\n\n"
        "@land.get('/tree')\ndef tree() -> None: ...\n\n"
        "app = FastAPI()\n\n"
        "def build() -> None:\n"
        "    routers = [job]\n    for r in routers:\n        app.include_router(r, prefix='/f')\n"
        "    routers = [land]\n    for r in routers:\n"
        "        app.include_router(r, prefix='/g')\n\n"
        "job_routes = (job,)\nfor r in job_routes:\n    app.include_router(r, prefix='/job')\n\n"
        "job_routes = (land,)\nfor r in job_routes:\n    app.include_router(r, prefix='/land')\n\n"
        "build()\n\n"
        "r = job\napp.include_router(r, prefix='/a')\n"
        "r = land\napp.include_router(r, prefix='/b')\n"
        "prefix = '/one'\napp.include_router(job, prefix=prefix)\n"
        "prefix = '/two'\napp.include_router(land, prefix=prefix)\n"
    )
    _served_as_at_runtime(
        tmp_path,
        "main:app",
        {
            ("GET", "/job/{job_id}", "main.get_job"),
            ("GET", "/land/tree", "main.tree"),
            ("GET", "/f/{job_id}", "main.get_job"),
            ("GET", "/g/tree", "main.tree"),
            ("GET", "/a/{job_id}", "main.get_job"),
            ("GET", "/b/tree", "main.tree"),
            ("GET", "/one/{job_id}", "main.get_job"),
            ("GET", "/two/tree", "main.tree"),
        },
    )


@pytest.mark.slow
def test_a_spread_argument_fills_a_star_parameter_not_a_positional_one(tmp_path: Path) -> None:
    """``include_routers(app, *ROUTERS, prefix="/v1")`` hands the list's routers to the
    ``*routers`` parameter; ``first(app, *ONE)`` fills ``router`` with what the list holds,
    which is unknown by position: a CI202, not the next argument read in its place."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "users = APIRouter(prefix='/users')\nitems = APIRouter(prefix='/items')\n\n"
        "@users.get('')\ndef list_users() -> None: ...\n\n"
        "@items.get('')\ndef list_items() -> None: ...\n\n"
        "def include_routers(app: FastAPI, *routers: APIRouter, prefix: str = '') -> None:\n"
        "    for router in routers:\n        app.include_router(router, prefix=prefix)\n\n"
        "def first(app: FastAPI, router: APIRouter, prefix: str = '') -> None:\n"
        "    app.include_router(router, prefix=prefix)\n\n"
        "ROUTERS = [users, items]\nONE = [items]\n"
        "app = FastAPI()\ninclude_routers(app, *ROUTERS, prefix='/v1')\n"
        "first(app, *ONE, prefix='/one')\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    static = {(r.method, r.path, r.endpoint) for r in graph.routes() if r.app == "main.app"}
    assert static == {
        ("GET", "/v1/users", "main.list_users"),
        ("GET", "/v1/items", "main.list_items"),
    }
    assert [(d.code, d.line) for d in graph.diagnostics] == [("CI202", 17)]
    assert static | {("GET", "/one/items", "main.list_items")} == runtime_routes(
        tmp_path, "main:app"
    )


@pytest.mark.slow
def test_a_parameter_annotated_by_a_string_reads_the_alias_it_names(tmp_path: Path) -> None:
    """entitycore: ``def admin_user(user: "UserDep")`` with ``UserDep =
    Annotated[str, Depends(get_user)]`` defined after it. FastAPI evaluates the forward
    reference in the module's globals and solves ``get_user`` (263 chains missed it)."""
    (tmp_path / "main.py").write_text(
        "from typing import Annotated\n\nfrom fastapi import Depends, FastAPI\n\n"
        "def get_user() -> str:\n    return 'u'\n\n"
        "def admin_user(user: 'UserDep') -> str:\n    return user\n\n"
        "UserDep = Annotated[str, Depends(get_user)]\n"
        "AdminDep = Annotated[str, Depends(admin_user)]\n\n"
        "app = FastAPI()\n\n@app.get('/admin')\ndef admin(user: AdminDep) -> None: ...\n"
    )
    [route] = codeintel.analyze(tmp_path, cache=False).routes()
    assert route.all_dependencies == ("main.get_user", "main.admin_user")
    assert oracle("runtime_dependencies.py", tmp_path, "--routes", "main:app") == {
        "GET /admin": ["main.get_user", "main.admin_user"]
    }


@pytest.mark.slow
def test_a_str_enum_member_made_by_auto_is_its_name_in_lower_case(tmp_path: Path) -> None:
    """entitycore's prefixes are ``f"/{route}"`` of ``StrEnum`` members made by ``auto()``:
    the member's name in lower case. A project's own ``_generate_next_value_`` makes what
    it likes: a placeholder (every prefix was one)."""
    (tmp_path / "main.py").write_text(
        "from enum import StrEnum, auto\n\nfrom fastapi import APIRouter, FastAPI\n\n"
        "class Route(StrEnum):\n    Brain_Region = auto()\n\n"
        "class Hyphened(StrEnum):\n"
        "    @staticmethod\n"
        "    def _generate_next_value_(name, start, count, last_values):\n"
        "        return name.lower().replace('_', '-')\n\n"
        "class Other(Hyphened):\n    cell_morphology = auto()\n\n"
        "a = APIRouter(prefix=f'/{Route.Brain_Region}')\n"
        "b = APIRouter(prefix=f'/{Other.cell_morphology}')\n\n"
        "@a.get('')\ndef read_a() -> None: ...\n\n@b.get('')\ndef read_b() -> None: ...\n\n"
        "app = FastAPI()\napp.include_router(a)\napp.include_router(b)\n"
    )
    routes = codeintel.analyze(tmp_path, cache=False).routes()
    assert {(r.path, r.resolved) for r in routes} == {
        ("/brain_region", True),
        ("/<?Other.cell_morphology>", False),
    }
    assert ("GET", "/brain_region", "main.read_a") in runtime_routes(tmp_path, "main:app")


@pytest.mark.slow
def test_a_helper_returning_one_of_two_routers_includes_the_one_its_call_picks(
    tmp_path: Path,
) -> None:
    """``if kind == "admin": return admin`` then ``return public``, included as
    ``pick("public")``, and one on an unset environment variable: both routers were served,
    unconditionally. The ``return`` whose tests hold with the call's arguments is the one."""
    (tmp_path / "main.py").write_text(
        "import os\n\nfrom fastapi import APIRouter, FastAPI\n\n"
        "admin = APIRouter(prefix='/admin')\npublic = APIRouter(prefix='/public')\n"
        "debug = APIRouter(prefix='/debug')\n\n"
        "@admin.get('/x')\ndef a() -> None: ...\n\n@public.get('/x')\ndef p() -> None: ...\n\n"
        "@debug.get('/x')\ndef d() -> None: ...\n\n"
        "def pick(kind: str) -> APIRouter:\n"
        "    if kind == 'admin':\n        return admin\n    return public\n\n"
        "DEBUG = os.getenv('DEBUG')\n\n"
        "def extra() -> APIRouter:\n"
        "    if DEBUG:\n        return debug\n    return admin\n\n"
        "app = FastAPI()\napp.include_router(pick('public'))\napp.include_router(extra())\n"
    )
    routes = codeintel.analyze(tmp_path, cache=False).routes()
    static = {(r.method, r.path, r.endpoint) for r in routes if r.app == "main.app"}
    assert static == {("GET", "/public/x", "main.p"), ("GET", "/admin/x", "main.a")}
    assert static == runtime_routes(tmp_path, "main:app")


@pytest.mark.slow
def test_a_factorys_parameter_depended_on_is_what_its_call_passes(tmp_path: Path) -> None:
    """OPAL: ``init_router(authenticator)`` whose closure asks ``Depends(authenticator)``,
    called with an instance; ``init_webhook(route_dependency)`` called with a factory's
    closure. FastAPI solves what the call passes (we kept the parameter, with a CI204)."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, Depends, FastAPI, Header\n\n"
        "class JWTAuthenticator:\n"
        "    def __init__(self, secret: str) -> None:\n        self.secret = secret\n\n"
        "    def __call__(self, authorization: str = Header('')) -> str:\n"
        "        return authorization\n\n"
        "def checker(secret: str):\n"
        "    def check(x_secret: str = Header('')) -> bool:\n        return x_secret == secret\n"
        "    return check\n\n"
        "def init_router(authenticator: JWTAuthenticator) -> APIRouter:\n"
        "    async def require_token(claims: str = Depends(authenticator)) -> str:\n"
        "        return claims\n"
        "    router = APIRouter(prefix='/items', dependencies=[Depends(require_token)])\n\n"
        "    @router.get('')\n    async def list_items() -> None: ...\n\n"
        "    return router\n\n"
        "def init_webhook(route_dependency) -> APIRouter:\n"
        "    router = APIRouter()\n\n"
        "    @router.post('/webhook')\n"
        "    async def webhook(ok: bool = Depends(route_dependency)) -> None: ...\n\n"
        "    return router\n\n"
        "app = FastAPI()\nauthenticator = JWTAuthenticator('s3cret')\n"
        "app.include_router(init_router(authenticator))\n"
        "app.include_router(init_webhook(checker('s3cret')))\n"
    )
    _chains_as_at_runtime(
        tmp_path,
        {
            "GET /items": ["main.authenticator", "main.init_router.<locals>.require_token"],
            "POST /webhook": ["main.checker.<locals>.check"],
        },
    )


@pytest.mark.slow
def test_a_handler_on_a_factorys_parameter_is_what_the_call_passes(tmp_path: Path) -> None:
    """entitycore: ``router.get("")(service.read_many)`` in ``make(service)``, called with a
    module; and ``add_api_route("", service.read_many)`` where ``service`` is annotated with
    a ``Protocol`` whose ``read_many: Callable`` names no function. The first is the
    module's function (it was a CI202); the second is not known, where we named the
    Protocol's attribute (353 wrong endpoints)."""
    (tmp_path / "svc.py").write_text("def read_many() -> list[int]:\n    return []\n")
    (tmp_path / "main.py").write_text(
        "from collections.abc import Callable\nfrom typing import Any, Protocol\n\n"
        "from fastapi import APIRouter, FastAPI\n\nimport svc\n\n"
        "class Crud(Protocol):\n    read_many: Callable[..., Any]\n\n"
        "def make(service) -> APIRouter:\n"
        "    router = APIRouter(prefix='/x')\n    router.get('')(service.read_many)\n"
        "    return router\n\n"
        "def register(router: APIRouter, service: Crud) -> None:\n"
        "    router.add_api_route('', service.read_many, methods=['GET'])\n\n"
        "def make_typed(service: Crud) -> APIRouter:\n"
        "    router = APIRouter(prefix='/y')\n    register(router=router, service=service)\n"
        "    return router\n\n"
        "app = FastAPI()\napp.include_router(make(svc))\napp.include_router(make_typed(svc))\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    static = {(r.method, r.path, r.endpoint) for r in graph.routes()}
    assert static == {("GET", "/x", "svc.read_many")}
    assert [d.code for d in graph.diagnostics] == ["CI202"]
    assert static < runtime_routes(tmp_path, "main:app")


@pytest.mark.slow
def test_percent_formatted_strings_are_the_strings_they_make(tmp_path: Path) -> None:
    """py-ispyb: ``import_module(".%s" % name[:-3], package=__name__)`` over its folder's
    files, and ``"/api/%s/%s" % (NAME, VERSION)`` prefixes: ``%s`` formats as an f-string
    would (each registry was a CI202)."""
    routes = tmp_path / "routes"
    routes.mkdir()
    (routes / "__init__.py").write_text(
        "import os\nfrom importlib import import_module\n\n"
        "NAME, VERSION = 'shop', 'v1'\n\n"
        "def init_app(app) -> None:\n"
        "    for name in sorted(os.listdir(os.path.dirname(__file__))):\n"
        "        if not name.startswith('__') and name.endswith('.py'):\n"
        "            module = import_module('.%s' % name[:-3], package=__name__)\n"
        "            app.include_router(module.router, prefix='/api/%s/%s' % (NAME, VERSION))\n"
    )
    (routes / "items.py").write_text(
        "from fastapi import APIRouter\n\nrouter = APIRouter(prefix='/items')\n\n"
        "@router.get('')\ndef items() -> None: ...\n"
    )
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\nfrom routes import init_app\n\n"
        "app = FastAPI()\ninit_app(app)\n"
    )
    _served_as_at_runtime(
        tmp_path, "main:app", {("GET", "/api/shop/v1/items", "routes.items.items")}
    )


@pytest.mark.slow
def test_a_registry_a_function_fills_holds_each_calls_router(tmp_path: Path) -> None:
    """``def register(router): ROUTERS.append(router)``, called once per router at import,
    then ``for r in ROUTERS: app.include_router(r)``: each call's argument is an item. A
    function adding what we cannot read leaves the list not all known, a CI202 (both were
    dropped silently)."""
    (tmp_path / "main.py").write_text(
        "import sys\n\nfrom fastapi import APIRouter, FastAPI\n\n"
        "users = APIRouter(prefix='/users')\nitems = APIRouter(prefix='/items')\n\n"
        "@users.get('')\ndef list_users() -> None: ...\n\n"
        "@items.get('')\ndef list_items() -> None: ...\n\n"
        "ROUTERS = []\nOTHERS = []\n\n"
        "def register(router: APIRouter) -> None:\n    ROUTERS.append(router)\n\n"
        "def load() -> None:\n    for r in vars(sys).get('extra_routers', ()):\n"
        "        OTHERS.append(r)\n\n"
        "register(users)\nregister(items)\nload()\n\n"
        "app = FastAPI()\nfor r in ROUTERS:\n    app.include_router(r)\n"
        "for r in OTHERS:\n    app.include_router(r)\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    static = {(r.method, r.path, r.endpoint) for r in graph.routes() if r.app == "main.app"}
    assert static == {("GET", "/users", "main.list_users"), ("GET", "/items", "main.list_items")}
    assert static == runtime_routes(tmp_path, "main:app")
    assert [(d.code, d.line) for d in graph.diagnostics] == [("CI202", 32), ("CI202", 32)]


def test_an_app_mounting_itself_serves_its_routes_at_its_root(tmp_path: Path) -> None:
    """valis: ``app.mount("/valis", app)`` (serving behind a proxy's prefix). The app was its
    own child, so no root served anything: 0 of 65 routes, and no word. Its routes are
    served at its root; the copies under the mount are reported, not listed."""
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\n\napp = FastAPI()\n\n"
        "@app.get('/items')\ndef items() -> None: ...\n\napp.mount('/valis', app)\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    assert {(r.method, r.path, r.endpoint) for r in graph.routes()} == {
        ("GET", "/items", "main.items")
    }
    assert [(d.code, d.line) for d in graph.diagnostics] == [("CI202", 8)]


@pytest.mark.slow
def test_review_shapes_of_pagination_classy_and_rebinding(tmp_path: Path) -> None:
    """The review's cases: ``add_pagination`` under a constant ``False`` test or ``__name__
    == "__main__"`` never runs; classy routables built in a loop over classes are each
    their own; of two stacked marks the outer wins; a prefix read between two bindings is
    the first."""
    (tmp_path / "main.py").write_text(
        "from classy_fastapi import Routable, get, post\n"
        "from fastapi import APIRouter, FastAPI\n"
        "from fastapi_pagination import Page, add_pagination, paginate\n\n"
        "class A(Routable):\n    @get('/a')\n    @post('/b')\n    def a(self) -> str:\n"
        "        return 'a'\n\n"
        "class B(Routable):\n    @get('/c')\n    def c(self) -> str:\n        return 'c'\n\n"
        "PREFIX = '/one'\nrouted = PREFIX + '/v'\nPREFIX = '/two'\n"
        "router = APIRouter(prefix=routed)\n\n"
        "@router.get('/items', response_model=Page[int])\ndef items():\n"
        "    return paginate([1])\n\n"
        "app = FastAPI()\napp.include_router(router)\n"
        "for cls in [A, B]:\n    app.include_router(cls().router)\n\n"
        "DEBUG = False\nif DEBUG:\n    add_pagination(app)\n"
        "if __name__ == '__main__':\n    add_pagination(app)\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    static = {(r.method, r.path, r.endpoint) for r in graph.routes()}
    assert static == {
        ("GET", "/one/v/items", "main.items"),
        ("GET", "/a", "main.A.a"),
        ("GET", "/c", "main.B.c"),
    }
    assert static == runtime_routes(tmp_path, "main:app")
    chains = {f"{r.method} {r.path}": list(r.all_dependencies) for r in graph.routes()}
    assert oracle("runtime_dependencies.py", tmp_path, "--routes", "main:app") == chains


@pytest.mark.slow
def test_dependencies_a_loop_item_holds_are_each_includes(tmp_path: Path) -> None:
    """``for r, deps in [(a, [Depends(auth)]), (b, [...])]: app.include_router(r,
    dependencies=deps)``: each include's list is its item's, as its prefix already was
    (each was a ``<?deps>`` placeholder)."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, Depends, FastAPI\n\n"
        "def auth() -> int:\n    return 1\n\ndef audit() -> int:\n    return 2\n\n"
        "a = APIRouter()\nb = APIRouter()\n\n"
        "@a.get('/a')\ndef ra() -> None: ...\n\n@b.get('/b')\ndef rb() -> None: ...\n\n"
        "app = FastAPI()\n"
        "for r, deps in [(a, [Depends(auth)]), (b, [Depends(auth), Depends(audit)])]:\n"
        "    app.include_router(r, dependencies=deps)\n"
    )
    _chains_as_at_runtime(
        tmp_path, {"GET /a": ["main.auth"], "GET /b": ["main.auth", "main.audit"]}
    )


_REBOUND = """
import os
from fastapi import APIRouter, Depends, FastAPI

def bearer() -> int:
    return 1

router = APIRouter()

@router.get("/items")
def items() -> None: ...

PREFIX = ""
PREFIX = "/v2"
SECURE = ""
if {test}:
    SECURE = "/secure"
deps = []
if {test}:
    deps = [Depends(bearer)]

app = FastAPI()
app.include_router(router, prefix=PREFIX + SECURE, dependencies=deps)
"""


@pytest.mark.slow
@pytest.mark.parametrize("test", ["True", "os.environ.get('AUTH') == '1'"])
def test_text_and_lists_bound_again_hold_what_the_tests_leave(tmp_path: Path, test: str) -> None:
    """``PREFIX = ""`` then ``PREFIX = "/v2"``, or ``deps = []`` then ``if True: deps =
    [...]``: the first value was kept. The last binding whose tests hold is the value;
    where a test is not known, the first stays, a default an option overrides (glances'
    ``url_prefix`` from its configuration file)."""
    (tmp_path / "main.py").write_text(_REBOUND.format(test=test))
    graph = codeintel.analyze(tmp_path, cache=False)
    [route] = graph.routes()
    if test == "True":
        assert (route.path, route.all_dependencies) == ("/v2/secure/items", ("main.bearer",))
        assert {(route.method, route.path, route.endpoint)} == runtime_routes(tmp_path, "main:app")
        return
    assert (route.path, route.all_dependencies) == ("/v2/items", ())


@pytest.mark.parametrize("other", ["else:", "elif os.environ.get('API'):"])
def test_text_bound_in_each_branch_of_an_unknown_test_is_not_known(
    tmp_path: Path, other: str
) -> None:
    """``if os.environ.get(...): prefix = "/legacy"`` and ``else: prefix = "/api"``
    (spiderfoot's versioned routers): no binding is a default, so neither is the prefix;
    we served ``/legacy/items`` unconditionally where FastAPI serves ``/api/items``."""
    (tmp_path / "main.py").write_text(
        "import os\n\nfrom fastapi import APIRouter, FastAPI\n\n"
        "items = APIRouter()\n\n@items.get('/items')\ndef list_items(): ...\n\n"
        f"if os.environ.get('LEGACY'):\n    prefix = '/legacy'\n{other}\n    prefix = '/api'\n"
        "app = FastAPI()\napp.include_router(items, prefix=prefix)\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    assert [r.path for r in graph.routes()] == ["<?prefix>/items"]
    assert [(d.code, d.line) for d in graph.diagnostics] == [("CI201", 15)]


@pytest.mark.slow
def test_routers_served_for_a_host_keep_their_paths(tmp_path: Path) -> None:
    """bancho.py: ``asgi_app.host(f"{sub}.{domain}", router)`` in loops inside a helper the
    app factory calls; Starlette's host routing serves each router's routes as they are."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "game = APIRouter()\n\n@game.get('/online')\ndef online() -> None: ...\n\n"
        "api = APIRouter()\n\n@api.get('/v1/players')\ndef players() -> None: ...\n\n"
        "def init_routes(asgi_app: FastAPI) -> None:\n"
        "    for domain in ('ppy.sh', 'example.com'):\n"
        "        asgi_app.host(f'c.{domain}', game)\n"
        "        asgi_app.host(f'api.{domain}', app=api)\n\n"
        "def init_api() -> FastAPI:\n    asgi_app = FastAPI()\n    init_routes(asgi_app)\n"
        "    return asgi_app\n\napp = init_api()\n"
    )
    routes = codeintel.analyze(tmp_path).routes()
    static = {(r.method, r.path, r.endpoint) for r in routes if r.app == "main.app"}
    assert static == {("GET", "/online", "main.online"), ("GET", "/v1/players", "main.players")}
    assert static == runtime_routes(tmp_path, "main:app")


def test_a_default_from_a_factory_of_several_depends_is_never_dropped(tmp_path: Path) -> None:
    """sapporo-service's ``token = auth_depends_factory()``: each ``return`` gives a
    ``Depends`` under tests the run decides, so the parameter is a dependency, which one not
    known (a CI204), never none at all; ``Depends(lambda: None)`` is named as Python names
    the lambda."""
    (tmp_path / "main.py").write_text(
        "import os\nfrom fastapi import Depends, FastAPI\nfrom fastapi.security import HTTPBearer\n"
        "bearer = HTTPBearer()\n\n"
        "def auth_factory():\n    if os.getenv('AUTH_ENABLED', 'false') == 'true':\n"
        "        return Depends(bearer)\n    return Depends(lambda: None)\n\n"
        "def only_lambda():\n    return Depends(lambda: None)\n\n"
        "app = FastAPI()\n\n"
        "@app.get('/configured')\ndef configured(token=auth_factory()) -> None: ...\n\n"
        "@app.get('/lam')\ndef lam(token=only_lambda()) -> None: ...\n"
    )
    graph = codeintel.analyze(tmp_path)
    routes = {r.path: r.all_dependencies for r in graph.routes()}
    assert routes == {
        "/configured": ("<?auth_factory()>",),
        "/lam": ("main.only_lambda.<locals>.<lambda>",),
    }
    assert [d.message for d in graph.diagnostics if d.code == "CI204"] == [
        "dependency <?auth_factory()> of main.configured cannot be resolved"
    ]


@pytest.mark.slow
def test_a_factory_returning_another_factorys_call(tmp_path: Path) -> None:
    """mavedb's ``json_or_form_loader`` returns ``create_flexible_model_loader(...)``, which
    returns its closure: the closure is the provider, in place or through a variable."""
    (tmp_path / "main.py").write_text(
        "from fastapi import Depends, FastAPI\n\n"
        "def make_loader(prefix: str):\n    async def loader() -> str:\n        return prefix\n"
        "    return loader\n\n"
        "def simple_loader(name: str = 'item'):\n    return make_loader(prefix=f'bad {name}')\n\n"
        "wrapped = simple_loader('calibration')\napp = FastAPI()\n\n"
        "@app.get('/two')\ndef two(v: str = Depends(wrapped)) -> None: ...\n\n"
        "@app.get('/inline')\ndef inline(v: str = Depends(simple_loader('x'))) -> None: ...\n"
    )
    routes = {r.path: r.all_dependencies for r in codeintel.analyze(tmp_path).routes()}
    closure = ("main.make_loader.<locals>.loader",)
    assert routes == {"/two": closure, "/inline": closure}
    runtime = runtime_dependencies(tmp_path, "main:two", "main:inline")
    assert runtime == {"main:two": list(closure), "main:inline": list(closure)}


@pytest.mark.parametrize(
    "binding",
    [
        "get_db = real\n\ndef get_db() -> int:\n    return 2\n",  # a def binds it again
        "if sys.platform == 'win32':\n    get_db = real\nelse:\n"
        "    def get_db() -> int:\n        return 2\n",  # the run picks
    ],
)
def test_an_alias_another_binding_may_replace_is_named_as_the_variable(
    tmp_path: Path, binding: str
) -> None:
    (tmp_path / "main.py").write_text(
        "import sys\nfrom fastapi import Depends, FastAPI\n\n"
        f"def real() -> int:\n    return 1\n\n{binding}\n"
        "app = FastAPI()\n\n@app.get('/')\ndef ep(db=Depends(get_db)) -> None: ...\n"
    )
    routes = {r.path: r.all_dependencies for r in codeintel.analyze(tmp_path).routes()}
    assert routes == {"/": ("main.get_db",)}


_CALLED_INSTANCES = """
from fastapi import Depends, FastAPI


def get_principals() -> list[str]:
    return ["everyone"]


class AccessControl:
    def __init__(self, user_principals_getter) -> None:
        self.user_principals_getter = user_principals_getter

    def __call__(self, permission: str):
        def _permission_dependency(principals=Depends(self.user_principals_getter)) -> bool:
            return permission in principals

        return _permission_dependency


Permissions = AccessControl(user_principals_getter=get_principals)
app = FastAPI()


@app.get("/c")
def c(ok: bool = Depends(Permissions("read"))) -> None:
    pass
"""


@pytest.mark.slow
def test_a_called_instance_returning_a_closure_provides_it(tmp_path: Path) -> None:
    """iam-abbas' boilerplate: ``Depends(Permissions("read"))`` with ``Permissions`` an
    instance whose ``__call__`` returns a closure asking for what its one construction was
    given (``self.user_principals_getter``)."""
    (tmp_path / "main.py").write_text(_CALLED_INSTANCES)
    routes = {r.path: r.all_dependencies for r in codeintel.analyze(tmp_path).routes()}
    assert routes == {
        "/c": (
            "main.get_principals",
            "main.AccessControl.__call__.<locals>._permission_dependency",
        )
    }
    assert runtime_dependencies(tmp_path, "main:c")["main:c"] == list(routes["/c"])


def test_a_fastapi_users_backend_built_by_a_method_of_an_instance(tmp_path: Path) -> None:
    """kernelci-api: ``auth_backend = auth.get_user_authentication_backend()``, a method
    returning ``AuthenticationBackend(transport=bearer, get_strategy=self.get_jwt_strategy)``
    (32 of its 55 chains were placeholders); what FastAPI solved under fastapi-users 15."""
    (tmp_path / "auth.py").write_text(
        "from fastapi_users.authentication import AuthenticationBackend, BearerTransport\n\n"
        "class Authentication:\n"
        "    def __init__(self, token_url: str) -> None:\n        self._token_url = token_url\n\n"
        "    def get_jwt_strategy(self):\n        return None\n\n"
        "    def get_user_authentication_backend(self):\n"
        "        bearer = BearerTransport(tokenUrl=self._token_url)\n"
        "        return AuthenticationBackend(\n"
        "            name='jwt', transport=bearer, get_strategy=self.get_jwt_strategy\n"
        "        )\n"
    )
    (tmp_path / "main.py").write_text(
        "import uuid\nfrom fastapi import Depends, FastAPI\n"
        "from fastapi_users import FastAPIUsers\n"
        "from auth import Authentication\n\n"
        "async def get_user_manager():\n    yield None\n\n"
        "auth = Authentication(token_url='user/login')\n"
        "backend = auth.get_user_authentication_backend()\n"
        "users = FastAPIUsers[object, uuid.UUID](get_user_manager, [backend])\n"
        "current = users.current_user(active=True)\napp = FastAPI()\n\n"
        "@app.get('/whoami')\nasync def whoami(user=Depends(current)) -> None: ...\n"
    )
    routes = {r.path: r.all_dependencies for r in codeintel.analyze(tmp_path).routes()}
    closure = "fastapi_users.authentication.authenticator.Authenticator.current_user.<locals>"
    assert routes == {
        "/whoami": (
            "main.get_user_manager",
            "fastapi.security.oauth2.OAuth2PasswordBearer()",
            "auth.Authentication.get_jwt_strategy",
            f"{closure}.current_user_dependency",
        )
    }


@pytest.mark.parametrize(
    "built",
    [
        "class Admin(AccessControl): ...\n\nPermissions = Admin(get_admin)\n",
        "Permissions = AccessControl(get_principals)\nPermissions.getter = get_admin\n",
        "def make():\n    return AccessControl(get_admin)\n\nPermissions = make()\n",
    ],
)
def test_what_an_instance_was_given_is_read_only_where_one_construction_says(
    tmp_path: Path, built: str
) -> None:
    """A subclass's or a factory's construction, or the attribute set again after it: the
    getter the closure asks for is a placeholder with its CI204, never a guess."""
    (tmp_path / "main.py").write_text(
        "from fastapi import Depends, FastAPI\n\n"
        "def get_principals() -> list[str]:\n    return []\n\n"
        "def get_admin() -> list[str]:\n    return ['admin']\n\n"
        "class AccessControl:\n    def __init__(self, getter) -> None:\n"
        "        self.getter = getter\n\n"
        "    def __call__(self, permission: str):\n"
        "        def check(principals=Depends(self.getter)) -> bool:\n"
        "            return permission in principals\n\n        return check\n\n"
        f"{built}\nOther = AccessControl(get_principals)\napp = FastAPI()\n\n"
        "@app.get('/c')\ndef c(ok: bool = Depends(Permissions('read'))) -> None: ...\n"
    )
    graph = codeintel.analyze(tmp_path)
    (chain,) = [r.all_dependencies for r in graph.routes()]
    assert chain[0] == "<?self.getter>"
    assert chain[1] == "main.AccessControl.__call__.<locals>.check"


@pytest.mark.slow
def test_a_dataclass_dependency_asks_for_its_fields_providers(tmp_path: Path) -> None:
    """``p: Paging = Depends()`` on a ``@dataclass``: FastAPI reads the ``__init__`` the
    decorator writes, whose parameters are the fields, a base dataclass's first; a field's
    ``Depends`` default, ``field(default=Depends(...))`` or ``Annotated`` metadata is a
    sub-dependency. ``ClassVar``s and ``field(init=False)`` are no parameters."""
    (tmp_path / "main.py").write_text(
        "import dataclasses\n"
        "from dataclasses import dataclass, field\n"
        "from typing import Annotated, ClassVar\n"
        "from fastapi import Depends, FastAPI\n\n"
        "def get_db() -> str:\n    return 'db'\n\n"
        "def get_user(db: str = Depends(get_db)) -> str:\n    return 'u'\n\n"
        "def get_lang() -> str:\n    return 'en'\n\n"
        "def get_unused() -> str:\n    return 'x'\n\n"
        "@dataclass\nclass Base:\n    lang: str = Depends(get_lang)\n\n"
        "@dataclass\nclass Paging(Base):\n"
        "    limit: int = 10\n"
        "    db: str = field(default=Depends(get_db))\n"
        "    seen: ClassVar[str] = Depends(get_unused)\n"
        "    later: str = field(init=False, default=Depends(get_unused))\n\n"
        "@dataclasses.dataclass(frozen=True)\nclass Filters:\n"
        "    user: Annotated[str, Depends(get_user)]\n"
        "    tags: list[str] = field(default_factory=list)\n\n"
        "@dataclass\nclass Own:\n"
        "    ignored: str = Depends(get_unused)\n\n"
        "    def __init__(self, lang: str = Depends(get_lang)) -> None:\n"
        "        self.ignored = lang\n\n"
        "app = FastAPI()\n\n"
        "@app.get('/a')\ndef a(p: Paging = Depends()) -> None: ...\n\n"
        "@app.get('/b')\ndef b(f: Annotated[Filters, Depends()]) -> None: ...\n\n"
        "@app.get('/c')\ndef c(o: Own = Depends()) -> None: ...\n"
    )
    _chains_as_at_runtime(
        tmp_path,
        {
            "GET /a": ["main.get_lang", "main.get_db", "main.Paging"],
            "GET /b": ["main.get_db", "main.get_user", "main.Filters"],
            "GET /c": ["main.get_lang", "main.Own"],
        },
    )


@pytest.mark.slow
def test_a_partial_a_variable_holds_asks_for_what_its_function_still_takes(
    tmp_path: Path,
) -> None:
    """``require_admin = partial(require_role, "admin")``: FastAPI reads the partial's
    signature, the function's less what it binds, so ``require_role``'s own ``Depends`` is
    solved first (the chain held the partial alone). A parameter bound by keyword takes the
    bound value as its default: ``partial(check, token="t")`` asks for no ``get_token``."""
    (tmp_path / "main.py").write_text(
        "from functools import partial\n"
        "from fastapi import Depends, FastAPI\n\n"
        "def get_token() -> str:\n    return 't'\n\n"
        "def get_db() -> str:\n    return 'db'\n\n"
        "def require_role(role: str, token: str = Depends(get_token)) -> str:\n"
        "    return role\n\n"
        "def check(token: str = Depends(get_token), db: str = Depends(get_db)) -> str:\n"
        "    return db\n\n"
        "require_admin = partial(require_role, 'admin')\n"
        "checked = partial(check, token='t')\n\n"
        "app = FastAPI()\n\n"
        "@app.get('/a', dependencies=[Depends(require_admin)])\ndef a() -> None: ...\n\n"
        "@app.get('/b')\ndef b(db: str = Depends(checked)) -> None: ...\n"
    )
    _chains_as_at_runtime(
        tmp_path,
        {
            "GET /a": ["main.get_token", "main.require_admin"],
            "GET /b": ["main.get_db", "main.checked"],
        },
    )


@pytest.mark.slow
def test_library_calls_returning_depends_name_the_closure_fastapi_calls(tmp_path: Path) -> None:
    """fastapi-filter's ``f: UserFilter = FilterDepends(UserFilter)`` (in ``Annotated`` too)
    and fastapi-injector's ``Injected(Service)`` return ``Depends(closure)``: the chain held
    nothing for them, silently."""
    (tmp_path / "main.py").write_text(
        "from typing import Annotated, Optional\n\n"
        "from fastapi import Depends, FastAPI\n"
        "from fastapi_filter import FilterDepends\n"
        "from fastapi_filter.contrib.sqlalchemy import Filter\n"
        "from fastapi_injector import Injected\n\n"
        "class UserFilter(Filter):\n    name: Optional[str] = None\n\n"
        "    class Constants(Filter.Constants):\n        model = object\n\n"
        "class Service:\n    pass\n\n"
        "def get_db() -> int:\n    return 1\n\n"
        "app = FastAPI()\n\n"
        "@app.get('/a')\n"
        "def a(f: UserFilter = FilterDepends(UserFilter), db: int = Depends(get_db)) -> None:\n"
        "    ...\n\n"
        "@app.get('/b')\n"
        "def b(f: Annotated[UserFilter, FilterDepends(UserFilter)]) -> None: ...\n\n"
        "@app.get('/c')\ndef c(svc: Service = Injected(Service)) -> None: ...\n"
    )
    wrapper = "fastapi_filter.base.filter.FilterDepends.<locals>.FilterWrapper"
    _chains_as_at_runtime(
        tmp_path,
        {
            "GET /a": [wrapper, "main.get_db"],
            "GET /b": [wrapper],
            "GET /c": ["fastapi_injector.injected.Injected.<locals>.inject_into_route"],
        },
    )


@pytest.mark.slow
def test_a_provider_factory_returning_a_lambda_provides_the_lambda(tmp_path: Path) -> None:
    """bunnybook's ``def on(cls): return lambda: injector.get(cls)`` used as
    ``Depends(on(PostService))``: FastAPI calls the lambda, named by its qualname (all 26
    chains were placeholders)."""
    (tmp_path / "main.py").write_text(
        "from fastapi import Depends, FastAPI\n\n"
        "class Service:\n    pass\n\n"
        "def on(cls):\n    return lambda: cls()\n\n"
        "app = FastAPI()\n\n"
        "@app.get('/s')\ndef s(service: Service = Depends(on(Service))) -> None: ...\n"
    )
    _chains_as_at_runtime(tmp_path, {"GET /s": ["main.on.<locals>.<lambda>"]})


@pytest.mark.slow
def test_a_helper_returning_annotated_depends_on_what_its_call_passes(tmp_path: Path) -> None:
    """``def Inject(func): return Annotated[Any, Depends(func)]``, used as
    ``CurrentUser = Inject(current_user)`` or in place: FastAPI solves what the call passes
    (we named the parameter, ``Inject.<locals>.func``, a provider that does not exist)."""
    (tmp_path / "main.py").write_text(
        "from typing import Annotated, Any\n"
        "from fastapi import Depends, FastAPI\n\n"
        "def get_db() -> str:\n    return 'db'\n\n"
        "def current_user(db: Annotated[str, Depends(get_db)]) -> str:\n    return 'u'\n\n"
        "def Inject(func):\n    return Annotated[Any, Depends(func)]\n\n"
        "def Provide(func):\n    dep = Depends(func)\n    return Annotated[Any, dep]\n\n"
        "CurrentUser = Inject(current_user)\n"
        "app = FastAPI()\n\n"
        "@app.get('/me')\ndef me(user: CurrentUser) -> None: ...\n\n"
        "@app.get('/db')\ndef db(conn: Inject(get_db), other: Provide(current_user)) -> None: ...\n"
    )
    _chains_as_at_runtime(
        tmp_path,
        {
            "GET /me": ["main.get_db", "main.current_user"],
            "GET /db": ["main.get_db", "main.current_user"],
        },
    )


@pytest.mark.slow
def test_a_class_based_on_what_a_factory_returns_inherits_its_init(tmp_path: Path) -> None:
    """``class Users(RepositoryFactory("user"))``, or through ``ItemBase =
    RepositoryFactory("item")``: the base is the class the function returns, whose
    ``__init__`` asks for the session (we read no base, and lost ``get_db``)."""
    (tmp_path / "main.py").write_text(
        "from typing import Annotated\n"
        "from fastapi import Depends, FastAPI\n\n"
        "def get_db() -> str:\n    return 'db'\n\n"
        "def RepositoryFactory(model: str):\n"
        "    class BaseRepository:\n"
        "        def __init__(self, session: Annotated[str, Depends(get_db)]) -> None:\n"
        "            self.session = session\n"
        "    return BaseRepository\n\n"
        "class Users(RepositoryFactory('user')):\n    pass\n\n"
        "ItemBase = RepositoryFactory('item')\n\n"
        "class Items(ItemBase):\n    pass\n\n"
        "app = FastAPI()\n\n"
        "@app.get('/users')\ndef users(repo: Annotated[Users, Depends()]) -> None: ...\n\n"
        "@app.get('/items')\ndef items(repo: Items = Depends(Items)) -> None: ...\n"
    )
    _chains_as_at_runtime(
        tmp_path,
        {"GET /users": ["main.get_db", "main.Users"], "GET /items": ["main.get_db", "main.Items"]},
    )


@pytest.mark.slow
def test_an_imported_modules_name_is_its_dotted_name(tmp_path: Path) -> None:
    """dragonfly-mainframe: ``walk_packages(endpoints.__path__, f"{endpoints.__name__}.")``
    with ``from app import endpoints``: the prefix is the package's name, so each walked
    module is imported and its router included (every route had lost its app)."""
    endpoints = tmp_path / "app" / "endpoints"
    endpoints.mkdir(parents=True)
    (tmp_path / "app" / "__init__.py").write_text("")
    (endpoints / "__init__.py").write_text(
        "from importlib import import_module\nfrom pkgutil import walk_packages\n\n"
        "from app import endpoints\n\nrouters = []\n"
        "for info in walk_packages(endpoints.__path__, f'{endpoints.__name__}.'):\n"
        "    router = getattr(import_module(info.name), 'router', None)\n"
        "    if router is not None:\n        routers.append(router)\n"
    )
    (endpoints / "helpers.py").write_text("X = 1\n")
    (endpoints / "items.py").write_text(
        "from fastapi import APIRouter\n\nrouter = APIRouter(prefix='/items')\n\n"
        "@router.get('')\ndef items() -> None: ...\n"
    )
    (tmp_path / "app" / "main.py").write_text(
        "from fastapi import FastAPI\n\nfrom app.endpoints import routers\n\n"
        "app = FastAPI()\nfor router in routers:\n    app.include_router(router)\n"
    )
    _served_as_at_runtime(
        tmp_path, "app.main:app", {("GET", "/items", "app.endpoints.items.items")}, "app.main.app"
    )


@pytest.mark.slow
def test_a_prefix_a_test_of_its_truth_picks_is_that_branch(tmp_path: Path) -> None:
    """horse: ``prefix="/" + module.router_name if module.router_name else ""`` in a loop
    over modules, one of which names no prefix: each include's branch is the one the
    string's truth picks (both were placeholders)."""
    for name, prefix in (("domains", "domains"), ("misc", "")):
        (tmp_path / f"{name}.py").write_text(
            "from fastapi import APIRouter\n\nrouter = APIRouter()\n"
            f"router_name = {prefix!r}\n\n@router.get('/{name}')\ndef {name}() -> None: ...\n"
        )
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\n\nimport domains\nimport misc\n\n"
        "COUNT = 0\napp = FastAPI()\n"
        "for module in [domains, misc]:\n"
        "    app.include_router(\n"
        "        module.router,\n"
        "        prefix='/' + module.router_name if module.router_name else '',\n"
        "    )\n"
        "app.include_router(misc.router, prefix='/zero' if COUNT else '/some')\n"
    )
    _served_as_at_runtime(
        tmp_path,
        "main:app",
        {
            ("GET", "/domains/domains", "domains.domains"),
            ("GET", "/misc", "misc.misc"),
            ("GET", "/some/misc", "misc.misc"),
        },
        "main.app",
    )


@pytest.mark.slow
def test_a_depends_a_factory_casts_is_the_depends(tmp_path: Path) -> None:
    """CircuitBreaker's ``return cast(params.Depends, Depends(_dep))`` (what strict typing
    writes for a factory annotated ``-> params.Depends``), used as a default, in
    ``Annotated`` and in a router's ``dependencies=``: ``cast`` hands the ``Depends`` back
    as it is (179 of 391 chains had lost the closure, two uses of three silently)."""
    (tmp_path / "main.py").write_text(
        "from typing import Annotated, cast\n"
        "from fastapi import APIRouter, Depends, FastAPI, params\n\n"
        "def get_user() -> int:\n    return 1\n\n"
        "def require_role(*roles: str) -> params.Depends:\n"
        "    def _dep(user: int = Depends(get_user)) -> int:\n        return user\n"
        "    return cast(params.Depends, Depends(_dep))\n\n"
        "router = APIRouter(dependencies=[require_role('read')])\n\n"
        "@router.get('/a')\ndef a(user: int = require_role('admin')) -> None: ...\n\n"
        "@router.get('/b')\ndef b(user: Annotated[int, require_role('admin')]) -> None: ...\n\n"
        "app = FastAPI()\napp.include_router(router)\n"
    )
    chain = ["main.get_user", "main.require_role.<locals>._dep"]
    _chains_as_at_runtime(tmp_path, {"GET /a": chain, "GET /b": chain})


@pytest.mark.slow
def test_a_mounted_app_serves_its_routes_without_the_mounting_apps_dependencies(
    tmp_path: Path,
) -> None:
    """``FastAPI(dependencies=[Depends(verify_key)])`` mounting ``v1``: a mount serves the
    sub-app as it is, so its routes ask only for their own (we added the parent's key check
    to every versioned route); an included router's routes do get it."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, Depends, FastAPI\n\n"
        "def verify_key() -> bool:\n    return True\n\n"
        "def get_db() -> str:\n    return 'db'\n\n"
        "app = FastAPI(dependencies=[Depends(verify_key)])\n"
        "v1 = FastAPI()\nrouter = APIRouter()\n\n"
        "@v1.get('/items')\ndef items(db: str = Depends(get_db)) -> None: ...\n\n"
        "@router.get('/users')\ndef users() -> None: ...\n\n"
        "app.mount('/v1', v1)\napp.include_router(router)\n"
    )
    routes = codeintel.analyze(tmp_path, cache=False).routes()
    static = {f"{r.method} {r.path}": list(r.all_dependencies) for r in routes}
    assert static == {"GET /v1/items": ["main.get_db"], "GET /users": ["main.verify_key"]}
    assert oracle("runtime_dependencies.py", tmp_path, "--routes", "main:app") == {
        "GET /users": ["main.verify_key"]
    }
    mounted = oracle("runtime_dependencies.py", tmp_path, "--routes", "main:v1")
    assert mounted == {"GET /items": static["GET /v1/items"]}


@pytest.mark.slow
def test_an_object_a_loop_builds_each_run_holds_that_runs_routers(tmp_path: Path) -> None:
    """``for version, router in [...]: api = APIRouter(prefix=f"/api/{version}");
    api.include_router(router); app.include_router(api)``, and a sub-app built and mounted
    per run: each run's object holds its own run's router (we served every router under
    every version, resolved). A router built once and filled in a loop holds them all."""
    for name in ("v1", "v2"):
        (tmp_path / f"{name}.py").write_text(
            "from fastapi import APIRouter\n\nrouter = APIRouter()\n\n"
            f"@router.get('/items')\ndef {name}_items() -> None: ...\n"
        )
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\nimport v1\nimport v2\n\n"
        "app = FastAPI()\nshared = APIRouter(prefix='/all')\n"
        "for version, router in [('v1', v1.router), ('v2', v2.router)]:\n"
        "    api = APIRouter(prefix=f'/api/{version}')\n"
        "    api.include_router(router)\n"
        "    app.include_router(api)\n"
        "    shared.include_router(router, prefix=f'/{version}')\n"
        "for version, router in {'v1': v1.router, 'v2': v2.router}.items():\n"
        "    sub = FastAPI()\n"
        "    sub.include_router(router)\n"
        "    app.mount(f'/sub/{version}', sub)\n"
        "app.include_router(shared)\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    static = {(r.method, r.path, r.endpoint) for r in graph.routes() if r.app == "main.app"}
    assert static == {
        ("GET", f"{prefix}/{version}{path}", f"{version}.{version}_items")
        for version in ("v1", "v2")
        for prefix, path in (("/api", "/items"), ("/sub", "/items"), ("/all", "/items"))
    }
    assert not graph.diagnostics
    assert static == runtime_routes(tmp_path, "main:app")


def test_a_type_statements_alias_is_its_value(tmp_path: Path) -> None:
    """``type DbDep = Annotated[str, Depends(get_db)]`` (PEP 695): FastAPI (0.128.2 on)
    unwraps the alias as it does an assigned one (we gave no dependency, silently). Read
    on any Python; compared with FastAPI where the interpreter runs the statement."""
    (tmp_path / "main.py").write_text(
        "from typing import Annotated\n"
        "from fastapi import Depends, FastAPI\n\n"
        "def get_db() -> str:\n    return 'db'\n\n"
        "def current_user(db: 'DbDep') -> str:\n    return 'u'\n\n"
        "type DbDep = Annotated[str, Depends(get_db)]\n"
        "type CurrentUser = Annotated[str, Depends(current_user)]\n\n"
        "app = FastAPI()\n\n"
        "@app.get('/db')\ndef db(conn: DbDep) -> None: ...\n\n"
        "@app.get('/me')\ndef me(user: CurrentUser) -> None: ...\n"
    )
    expected = {"GET /db": ["main.get_db"], "GET /me": ["main.get_db", "main.current_user"]}
    if sys.version_info < (3, 12):
        routes = codeintel.analyze(tmp_path, cache=False).routes()
        assert {f"{r.method} {r.path}": list(r.all_dependencies) for r in routes} == expected
    else:
        _chains_as_at_runtime(tmp_path, expected)


@pytest.mark.slow
def test_a_registry_filled_by_a_function_returning_its_argument(tmp_path: Path) -> None:
    """``router = register(APIRouter(prefix="/users"))`` in each feature module, with
    ``register`` appending its argument to ``ROUTERS`` and returning it, then ``for r in
    ROUTERS`` in main: the registry holds the routers the modules' variables hold, from
    every module, including those read after main (0 of 2 served, and no word)."""
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "__init__.py").write_text("")
    (tmp_path / "app" / "registry.py").write_text(
        "ROUTERS = []\n\ndef register(router):\n    ROUTERS.append(router)\n    return router\n"
    )
    for name in ("items", "users"):
        (tmp_path / "app" / f"{name}.py").write_text(
            "from fastapi import APIRouter\n\nfrom app.registry import register\n\n"
            f"router = register(APIRouter(prefix='/{name}'))\n\n"
            f"@router.get('')\ndef {name}() -> None: ...\n"
        )
    (tmp_path / "app" / "main.py").write_text(
        "from fastapi import FastAPI\n\nimport app.items\nimport app.users\n"
        "from app.registry import ROUTERS\n\n"
        "app = FastAPI()\nfor r in ROUTERS:\n    app.include_router(r, prefix='/api')\n"
    )
    _served_as_at_runtime(
        tmp_path,
        "app.main:app",
        {("GET", "/api/items", "app.items.items"), ("GET", "/api/users", "app.users.users")},
        "app.main.app",
    )


@pytest.mark.slow
def test_dependencies_looked_up_in_a_dict_are_that_items(tmp_path: Path) -> None:
    """``dependencies=DEPS["items"]`` and ``ROUTER_DEPENDENCIES[RouterName.ITEMS][
    DependencyType.DEFAULT]`` (cohere-toolkit's table, keyed by ``StrEnum`` members): the
    list the dict literal holds under the key (both were placeholders)."""
    (tmp_path / "main.py").write_text(
        "from enum import StrEnum\n"
        "from fastapi import APIRouter, Depends, FastAPI\n\n"
        "def get_session() -> int:\n    return 1\n\n"
        "def check_org() -> int:\n    return 2\n\n"
        "def check_user() -> int:\n    return 3\n\n"
        "class RouterName(StrEnum):\n    ITEMS = 'items'\n    USERS = 'users'\n\n"
        "class DependencyType(StrEnum):\n    DEFAULT = 'default'\n    AUTH = 'auth'\n\n"
        "ROUTER_DEPENDENCIES = {\n"
        "    RouterName.ITEMS: {\n"
        "        DependencyType.DEFAULT: [Depends(get_session), Depends(check_org)],\n"
        "    },\n"
        "    RouterName.USERS: {DependencyType.DEFAULT: [Depends(check_user)]},\n"
        "}\n"
        "DEPS = {'items': [Depends(check_org)], 'users': [Depends(check_user)]}\n\n"
        "items = APIRouter()\nusers = APIRouter()\n\n"
        "@items.get('/items')\ndef list_items() -> None: ...\n\n"
        "@users.get('/users')\ndef list_users() -> None: ...\n\n"
        "app = FastAPI()\n"
        "app.include_router(\n"
        "    items, dependencies=ROUTER_DEPENDENCIES[RouterName.ITEMS][DependencyType.DEFAULT]\n"
        ")\n"
        "app.include_router(users, prefix='/v2', dependencies=DEPS['users'])\n"
    )
    _chains_as_at_runtime(
        tmp_path,
        {
            "GET /items": ["main.get_session", "main.check_org"],
            "GET /v2/users": ["main.check_user"],
        },
    )


@pytest.mark.slow
def test_annotated_reads_its_last_marker_and_a_generic_alias(tmp_path: Path) -> None:
    """FastAPI reads the last of several markers in one ``Annotated`` (a ``Query()`` after a
    ``Depends`` makes a query parameter), and a generic alias ``Db = Annotated[T,
    Depends(get_db)]`` used as ``Db[str]`` is the alias (we took every marker, and gave the
    subscripted alias nothing)."""
    (tmp_path / "main.py").write_text(
        "from typing import Annotated, TypeVar\n"
        "from fastapi import Depends, FastAPI, Query\n\n"
        "T = TypeVar('T')\n\n"
        "def get_db() -> str:\n    return 'db'\n\n"
        "def get_cache() -> str:\n    return 'c'\n\n"
        "Db = Annotated[T, Depends(get_db)]\n"
        "app = FastAPI()\n\n"
        "@app.get('/two')\n"
        "def two(x: Annotated[str, Depends(get_db), Depends(get_cache)]) -> None: ...\n\n"
        "@app.get('/query')\n"
        "def query(x: Annotated[str, Depends(get_db), Query()] = 'q') -> None: ...\n\n"
        "@app.get('/generic')\ndef generic(db: Db[str]) -> None: ...\n"
    )
    _chains_as_at_runtime(
        tmp_path,
        {"GET /two": ["main.get_cache"], "GET /query": [], "GET /generic": ["main.get_db"]},
    )


@pytest.mark.slow
def test_a_base_method_building_a_router_reads_the_instances_attributes(tmp_path: Path) -> None:
    """AIOD's resource routers: ``for router in router_list: app.include_router(
    router.create(prefix))`` over a list of instances, each of a subclass overriding what
    the base's ``create`` reads on ``self`` (a class attribute, or a property): each router
    has its instance's paths (we read the base's, a placeholder, and the loop not at all)."""
    (tmp_path / "base.py").write_text(
        "from fastapi import APIRouter\n\n"
        "class ResourceRouter:\n"
        "    version = 1\n\n"
        "    @property\n"
        "    def plural(self) -> str:\n        raise NotImplementedError\n\n"
        "    def create(self, prefix: str) -> APIRouter:\n"
        "        router = APIRouter(prefix=prefix)\n"
        "        router.add_api_route(f'/{self.plural}/v{self.version}', self.listed(),"
        " methods=['GET'])\n"
        "        return router\n\n"
        "    def listed(self):\n"
        "        def get_resources() -> list[str]:\n            return []\n\n"
        "        return get_resources\n"
    )
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\n\nfrom base import ResourceRouter\n\n"
        "class ItemRouter(ResourceRouter):\n"
        "    @property\n"
        "    def plural(self) -> str:\n        return 'items'\n\n"
        "class UserRouter(ResourceRouter):\n"
        "    version = 2\n    plural = 'users'\n\n"
        "router_list = [ItemRouter(), UserRouter()]\n\n"
        "def add_routes(app: FastAPI, prefix: str = '') -> None:\n"
        "    for router in router_list:\n"
        "        app.include_router(router.create(prefix))\n\n"
        "app = FastAPI()\nadd_routes(app, '/api')\n"
    )
    endpoint = "base.ResourceRouter.listed.<locals>.get_resources"
    _served_as_at_runtime(
        tmp_path,
        "main:app",
        {("GET", "/api/items/v1", endpoint), ("GET", "/api/users/v2", endpoint)},
        "main.app",
    )


@pytest.mark.slow
def test_a_route_declared_after_its_routers_include_needs_a_lazy_fastapi(tmp_path: Path) -> None:
    """OpenKAT's katalogus: ``app.include_router(router, prefix="/v1")``, then
    ``@router.get("/v1/")`` lower in the module. FastAPI before 0.137 copied the routes the
    router had at the include, so it never serves the later one (nor what a later include
    on the router adds); 0.137 on includes the router itself, and does. Each is served
    under the condition ``fastapi >= 0.137``, reported, never as unconditional."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "app = FastAPI()\nrouter = APIRouter()\nlate = APIRouter()\n\n"
        "@router.get('/items')\ndef items() -> None: ...\n\n"
        "@late.get('/late')\ndef late_route() -> None: ...\n\n"
        "app.include_router(router, prefix='/v1')\n\n"
        "@router.get('/v1/')\ndef v1_root() -> None: ...\n\n"
        "router.include_router(late)\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    static = {(r.path, r.conditions) for r in graph.routes() if r.app == "main.app"}
    assert static == {
        ("/v1/items", ()),
        ("/v1/v1/", ("fastapi >= 0.137",)),
        ("/v1/late", ("fastapi >= 0.137",)),
    }
    assert [(d.code, d.line) for d in graph.diagnostics] == [("CI206", 15), ("CI206", 18)]
    served = {(r.method, r.path, r.endpoint) for r in graph.routes() if r.app == "main.app"}
    assert served == runtime_routes(tmp_path, "main:app")  # FastAPI 0.137 on, as installed


@pytest.mark.slow
def test_a_prefix_a_module_may_set_is_its_value_or_the_default(tmp_path: Path) -> None:
    """``getattr(mod, "__prefix__", "")`` of each module a walk imports, returned by a
    discovery helper with its router: the module's own ``__prefix__``, or the default where
    it sets none (both were placeholders)."""
    routes = tmp_path / "app" / "routes"
    routes.mkdir(parents=True)
    (tmp_path / "app" / "__init__.py").write_text("")
    (routes / "__init__.py").write_text("")
    for name, prefix in (("alpha", "__prefix__ = '/alpha'\n"), ("beta", "")):
        (routes / f"{name}.py").write_text(
            f"from fastapi import APIRouter\n\n{prefix}router = APIRouter()\n\n"
            f"@router.get('/{name[0]}')\ndef {name}() -> None: ...\n"
        )
    (tmp_path / "app" / "discovery.py").write_text(
        "import importlib\nimport pkgutil\n\nfrom app import routes\n\n"
        "def discover():\n    found = []\n"
        "    for info in pkgutil.iter_modules(routes.__path__):\n"
        "        mod = importlib.import_module(f'app.routes.{info.name}')\n"
        "        found.append((mod.router, getattr(mod, '__prefix__', '')))\n"
        "    return found\n"
    )
    (tmp_path / "app" / "main.py").write_text(
        "from fastapi import FastAPI\n\nfrom app.discovery import discover\n\n"
        "app = FastAPI()\nfor router, prefix in discover():\n"
        "    app.include_router(router, prefix=prefix)\n"
    )
    _served_as_at_runtime(
        tmp_path,
        "app.main:app",
        {("GET", "/alpha/a", "app.routes.alpha.alpha"), ("GET", "/b", "app.routes.beta.beta")},
        "app.main.app",
    )


@pytest.mark.slow
def test_a_prefix_a_loops_item_picks_by_a_comparison(tmp_path: Path) -> None:
    """``prefix = "" if version == "internal" else f"/api/{version}"`` in a loop over
    versions: each run's branch, by the item's value (a placeholder before)."""
    (tmp_path / "r.py").write_text(
        "from fastapi import APIRouter\n\npub = APIRouter()\ninternal = APIRouter()\n\n"
        "@pub.get('/p')\ndef pub_p() -> None: ...\n\n"
        "@internal.get('/health')\ndef health() -> None: ...\n"
    )
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\n\nfrom r import internal, pub\n\n"
        "app = FastAPI()\nBY_VERSION = {'v1': [pub], 'internal': [internal]}\n"
        "for version, routers in BY_VERSION.items():\n"
        "    prefix = '' if version == 'internal' else f'/api/{version}'\n"
        "    for router in routers:\n"
        "        app.include_router(router, prefix=prefix)\n"
    )
    _served_as_at_runtime(
        tmp_path,
        "main:app",
        {("GET", "/api/v1/p", "r.pub_p"), ("GET", "/health", "r.health")},
        "main.app",
    )


@pytest.mark.slow
def test_a_loop_over_a_dict_an_outer_loops_item_holds(tmp_path: Path) -> None:
    """``for version, routers in API_VERSIONS.items(): for name, router in
    routers.items():`` over a dict of dicts: each inner item, under each outer one (the
    inner loop was a CI202, every route without its app)."""
    (tmp_path / "r.py").write_text(
        "from fastapi import APIRouter\n\nannual = APIRouter()\nwip = APIRouter()\n\n"
        "@annual.get('/')\ndef annual_list() -> None: ...\n\n"
        "@wip.get('/{i}')\ndef wip_get(i: int) -> None: ...\n"
    )
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\n\nfrom r import annual, wip\n\n"
        "app = FastAPI()\n"
        "API_VERSIONS = {'v1': {'annual': annual, 'wip': wip}, 'v2': {'wip': wip}}\n"
        "for version, routers in API_VERSIONS.items():\n"
        "    for route_name, router in routers.items():\n"
        "        app.include_router(router, prefix=f'/api/{version}/{route_name}')\n"
    )
    _served_as_at_runtime(
        tmp_path,
        "main:app",
        {
            ("GET", "/api/v1/annual/", "r.annual_list"),
            ("GET", "/api/v1/wip/{i}", "r.wip_get"),
            ("GET", "/api/v2/wip/{i}", "r.wip_get"),
        },
        "main.app",
    )


@pytest.mark.slow
def test_a_wrapping_decorator_applied_in_place_is_what_it_wraps(tmp_path: Path) -> None:
    """``Depends(audited(current_user))``, ``audited`` returning a closure made with
    ``functools.wraps(fn)``: FastAPI follows ``__wrapped__`` to what the call passed (a
    ``<?fn>`` placeholder before; the ``@audited`` form at a def was right already)."""
    (tmp_path / "main.py").write_text(
        "from functools import wraps\nfrom typing import Annotated\n"
        "from fastapi import Depends, FastAPI\n\n"
        "def get_db() -> str:\n    return 'db'\n\n"
        "def current_user(db: Annotated[str, Depends(get_db)]) -> str:\n    return 'u'\n\n"
        "def audited(fn):\n"
        "    @wraps(fn)\n"
        "    def inner(*args, **kwargs):\n        return fn(*args, **kwargs)\n"
        "    return inner\n\n"
        "app = FastAPI()\n\n"
        "@app.get('/me', dependencies=[Depends(audited(current_user))])\ndef me() -> None: ...\n"
    )
    _chains_as_at_runtime(tmp_path, {"GET /me": ["main.get_db", "main.current_user"]})


@pytest.mark.slow
def test_each_call_of_a_dependency_factory_asks_for_what_it_passes(tmp_path: Path) -> None:
    """``Depends(require(get_admin))``, ``require(dep)`` returning a closure that asks for
    ``Depends(dep)``: each call's closure asks for what that call passes (in a default, an
    ``Annotated`` alias, a ``dependencies`` list), though FastAPI names every one alike. They
    all asked for the factory's parameter, a CI204."""
    (tmp_path / "main.py").write_text(
        "from typing import Annotated\n\nfrom fastapi import Depends, FastAPI\n\n"
        "def get_user() -> str:\n    return 'u'\n\n"
        "def get_admin(user: str = Depends(get_user)) -> str:\n    return user\n\n"
        "def get_db() -> str:\n    return 'db'\n\n"
        "def require(dep):\n"
        "    def inner(value: str = Depends(dep)) -> str:\n        return value\n"
        "    return inner\n\n"
        "Admin = Annotated[str, Depends(require(get_admin))]\n"
        "app = FastAPI()\n\n"
        "@app.get('/a')\ndef a(v: str = Depends(require(get_user))) -> None: ...\n\n"
        "@app.get('/b')\ndef b(v: Admin) -> None: ...\n\n"
        "@app.get('/c', dependencies=[Depends(require(get_db))])\ndef c() -> None: ...\n"
    )
    inner = "main.require.<locals>.inner"
    _chains_as_at_runtime(
        tmp_path,
        {
            "GET /a": ["main.get_user", inner],
            "GET /b": ["main.get_user", "main.get_admin", inner],
            "GET /c": ["main.get_db", inner],
        },
        clean=True,
    )


@pytest.mark.slow
def test_a_factory_returning_depends_of_its_closure_binds_it_per_call(tmp_path: Path) -> None:
    """``dependencies=[checked(UserDep)]``, ``checked(dep)`` returning ``Depends(check)``
    whose ``check(x: dep)`` is annotated with the factory's parameter (EvenTITO's role
    combinators), or asks ``Depends(dep)``: each call's closure asks for what the call
    passed. The first asked for nothing, silently; the second for the parameter, a CI204."""
    (tmp_path / "main.py").write_text(
        "from typing import Annotated\n\nfrom fastapi import Depends, FastAPI\n\n"
        "def get_user() -> str:\n    return 'u'\n\n"
        "def get_org() -> str:\n    return 'o'\n\n"
        "UserDep = Annotated[str, Depends(get_user)]\n\n"
        "def checked(dep):\n"
        "    def check(x: dep) -> None:\n        return None\n"
        "    return Depends(check)\n\n"
        "def asked(dep):\n"
        "    def check(x=Depends(dep)) -> None:\n        return None\n"
        "    return Depends(check)\n\n"
        "app = FastAPI()\n\n"
        "@app.get('/a', dependencies=[checked(UserDep)])\ndef a() -> None: ...\n\n"
        "@app.get('/b')\ndef b(v: None = asked(get_org)) -> None: ...\n"
    )
    _chains_as_at_runtime(
        tmp_path,
        {
            "GET /a": ["main.get_user", "main.checked.<locals>.check"],
            "GET /b": ["main.get_org", "main.asked.<locals>.check"],
        },
        clean=True,
    )


@pytest.mark.slow
def test_closures_a_factory_returns_in_a_record_are_read_through_it(tmp_path: Path) -> None:
    """A shared auth library's builder returning a dataclass of its closures (Misty's
    ``platform_auth``): ``require_key = deps.require_key`` and ``Depends(require_scope(
    "chat"))`` with ``require_scope = deps.require_scope``, ``deps = build_auth(get_store)``.
    Each is the closure the record holds, asking for what ``build_auth``'s call passed; both
    were a placeholder, a CI204 (43 of Misty's 49 chains)."""
    (tmp_path / "factory.py").write_text(
        "from dataclasses import dataclass\nfrom typing import Callable\n\n"
        "from fastapi import Depends\n\n"
        "@dataclass(frozen=True)\nclass AuthDeps:\n"
        "    require_key: Callable\n    require_scope: Callable\n\n"
        "def build_auth(get_store: Callable) -> AuthDeps:\n"
        "    def require_key(store=Depends(get_store)) -> str:\n        return 'k'\n\n"
        "    def require_scope(scope: str):\n"
        "        def _dep(key: str = Depends(require_key)) -> str:\n            return key\n"
        "        return _dep\n\n"
        "    return AuthDeps(require_key=require_key, require_scope=require_scope)\n"
    )
    (tmp_path / "main.py").write_text(
        "from fastapi import Depends, FastAPI\n\nfrom factory import build_auth\n\n"
        "def get_store() -> dict:\n    return {}\n\n"
        "deps = build_auth(get_store)\n"
        "require_key = deps.require_key\nrequire_scope = deps.require_scope\n"
        "app = FastAPI()\n\n"
        "@app.get('/chat')\ndef chat(key: str = Depends(require_scope('chat'))) -> None: ...\n\n"
        "@app.get('/me')\ndef me(key: str = Depends(require_key)) -> None: ...\n"
    )
    key = "factory.build_auth.<locals>.require_key"
    _chains_as_at_runtime(
        tmp_path,
        {
            "GET /chat": [
                "main.get_store",
                key,
                "factory.build_auth.<locals>.require_scope.<locals>._dep",
            ],
            "GET /me": ["main.get_store", key],
        },
        clean=True,
    )


@pytest.mark.slow
def test_a_helper_mapping_its_arguments_to_depends_gives_one_per_argument(tmp_path: Path) -> None:
    """``dependencies=dependency_list(verify_session, naive_auth)`` with ``return
    [Depends(x) for x in args]`` over its ``*args`` (fastapi-cruddy-framework's helper): one
    provider per argument. It was a placeholder, a CI204."""
    (tmp_path / "main.py").write_text(
        "from fastapi import Depends, FastAPI\n\n"
        "def dependency_list(*args):\n    return [Depends(x) for x in args]\n\n"
        "def verify_session() -> None: ...\n\ndef naive_auth() -> None: ...\n\n"
        "app = FastAPI()\n\n"
        "@app.get('/a', dependencies=dependency_list(verify_session, naive_auth))\n"
        "def a() -> None: ...\n"
    )
    _chains_as_at_runtime(
        tmp_path, {"GET /a": ["main.verify_session", "main.naive_auth"]}, clean=True
    )


@pytest.mark.slow
@pytest.mark.parametrize("enabled", [True, False])
def test_a_dependency_list_a_factory_appends_to_under_its_flag_is_read_per_call(
    tmp_path: Path, enabled: bool
) -> None:
    """``dependencies = [Depends(read_only)]``, then ``if auth_enabled:
    dependencies.append(Depends(api_key))``, in a router factory the app calls with a
    literal flag: the appends the flag runs are the router's too. They were dropped,
    silently (the list read as first bound)."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, Depends, FastAPI\n\n"
        "def read_only() -> None: ...\n\ndef api_key() -> None: ...\n\n"
        "def make_router(auth_enabled: bool) -> APIRouter:\n"
        "    dependencies = [Depends(read_only)]\n"
        "    if auth_enabled:\n        dependencies.append(Depends(api_key))\n"
        "    router = APIRouter(prefix='/v1', dependencies=dependencies)\n\n"
        "    @router.get('/items')\n    def items() -> None: ...\n\n"
        "    return router\n\n"
        f"app = FastAPI()\napp.include_router(make_router(auth_enabled={enabled}))\n"
    )
    expected = ["main.read_only", "main.api_key"] if enabled else ["main.read_only"]
    _chains_as_at_runtime(tmp_path, {"GET /v1/items": expected}, clean=True)


def test_an_append_under_a_flag_the_run_decides_is_kept_with_its_test(tmp_path: Path) -> None:
    """The same factory given a flag the run decides (phoenix's ``create_app(db,
    authentication_enabled)``): the providers it always asks for, and the append kept as
    written with its test, reported (not the list as first bound, silently)."""
    (tmp_path / "main.py").write_text(
        "import sys\n\nfrom fastapi import APIRouter, Depends, FastAPI\n\n"
        "def read_only() -> None: ...\n\ndef api_key() -> None: ...\n\n"
        "def make_router(auth_enabled: bool) -> APIRouter:\n"
        "    dependencies = [Depends(read_only)]\n"
        "    if auth_enabled:\n        dependencies.append(Depends(api_key))\n"
        "    router = APIRouter(dependencies=dependencies)\n\n"
        "    @router.get('/items')\n    def items() -> None: ...\n\n"
        "    return router\n\n"
        "app = FastAPI()\napp.include_router(make_router('--auth' in sys.argv))\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    [route] = graph.routes()
    kept = "<?Depends(api_key) if auth_enabled>"
    assert route.all_dependencies == ("main.read_only", kept)
    assert [(d.code, d.line, kept in d.message) for d in graph.diagnostics] == [("CI204", 15, True)]


@pytest.mark.slow
def test_a_dependency_helper_appending_under_a_module_constant_is_read(tmp_path: Path) -> None:
    """``get_dependencies()`` appending under ``if _SESSION_API_KEY:`` (an unset environment
    variable) or ``if AUDIT:`` (a constant), then returning the list (OpenHands' routers):
    the module's names decide each call alike. Both were a placeholder, a CI204."""
    (tmp_path / "main.py").write_text(
        "import os\n\nfrom fastapi import APIRouter, Depends, FastAPI\n\n"
        "_SESSION_API_KEY = os.getenv('CODEINTEL_TEST_NEVER_SET')\nAUDIT = True\n\n"
        "def check_key() -> None: ...\n\ndef audit() -> None: ...\n\n"
        "def get_dependencies() -> list:\n    result = []\n"
        "    if _SESSION_API_KEY:\n        result.append(Depends(check_key))\n"
        "    if AUDIT:\n        result.append(Depends(audit))\n"
        "    return result\n\n"
        "router = APIRouter(prefix='/user', dependencies=get_dependencies())\n\n"
        "@router.get('/info')\ndef info() -> None: ...\n\n"
        "app = FastAPI()\napp.include_router(router)\n"
    )
    _chains_as_at_runtime(tmp_path, {"GET /user/info": ["main.audit"]}, clean=True)


@pytest.mark.slow
def test_a_factorys_closure_held_by_a_name_asks_for_what_its_call_passed(tmp_path: Path) -> None:
    """The closure of ``make_key_dep(get_store)`` bound to a module variable, or set on the
    instance by ``Auth(get_store)``'s ``__init__``: it asks for what that call passed. It
    asked for the factory's parameter, with a CI204."""
    (tmp_path / "factory.py").write_text(
        "from fastapi import Depends\n\n"
        "def make_key_dep(get_store):\n"
        "    def require_key(store=Depends(get_store)) -> str:\n        return 'k'\n"
        "    return require_key\n\n"
        "class Auth:\n"
        "    def __init__(self, get_store):\n"
        "        def require_key(store=Depends(get_store)) -> str:\n            return 'k'\n"
        "        self.require_key = require_key\n"
    )
    (tmp_path / "main.py").write_text(
        "from fastapi import Depends, FastAPI\n\nfrom factory import Auth, make_key_dep\n\n"
        "def get_store() -> dict:\n    return {}\n\n"
        "require_key = make_key_dep(get_store)\nauth = Auth(get_store)\napp = FastAPI()\n\n"
        "@app.get('/direct')\ndef direct(key: str = Depends(require_key)) -> None: ...\n\n"
        "@app.get('/attr')\ndef attr(key: str = Depends(auth.require_key)) -> None: ...\n"
    )
    _chains_as_at_runtime(
        tmp_path,
        {
            "GET /direct": ["main.get_store", "factory.make_key_dep.<locals>.require_key"],
            "GET /attr": ["main.get_store", "factory.Auth.__init__.<locals>.require_key"],
        },
        clean=True,
    )


@pytest.mark.slow
def test_a_router_subclass_helper_adding_through_super_serves_each_call(tmp_path: Path) -> None:
    """fastapi-crudrouter's own shape, copied into projects' generic CRUD routers: every route
    goes through a helper calling ``super().add_api_route(path, endpoint, **kwargs)`` with
    what each call hands it. Both were lost, a CI202 each (``self.add_api_route`` there was
    read per call already)."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, Depends, FastAPI\n\n"
        "def get_db() -> str:\n    return 'db'\n\n"
        "class CRUDRouter(APIRouter):\n"
        "    def __init__(self, prefix: str) -> None:\n"
        "        super().__init__(prefix=prefix)\n"
        "        self._add('', self._get_all(), methods=['GET'])\n"
        "        self._add('/{item_id}', self._get_one(), methods=['GET'])\n\n"
        "    def _add(self, path, endpoint, **kwargs) -> None:\n"
        "        super().add_api_route(path, endpoint, **kwargs)\n\n"
        "    def _get_all(self):\n"
        "        def route(db: str = Depends(get_db)) -> list:\n            return []\n"
        "        return route\n\n"
        "    def _get_one(self):\n"
        "        def route(item_id: int) -> dict:\n            return {}\n"
        "        return route\n\n"
        "app = FastAPI()\napp.include_router(CRUDRouter('/items'))\n"
    )
    _served_as_at_runtime(
        tmp_path,
        "main:app",
        {
            ("GET", "/items", "main.CRUDRouter._get_all.<locals>.route"),
            ("GET", "/items/{item_id}", "main.CRUDRouter._get_one.<locals>.route"),
        },
    )


@pytest.mark.slow
def test_a_class_routers_instance_options_are_read_per_construction(tmp_path: Path) -> None:
    """fastapi-crudrouter's generator code, copied into projects: the session provider kept
    on the instance (``self.db_func = db``, asked as ``Depends(self.db_func)``), and a
    route's ``dependencies`` given as ``bool | list`` and normalised by ``[] if
    isinstance(route, bool) else route``. Both were a placeholder, a CI204 each."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, Depends, FastAPI\n\n"
        "def get_db() -> str:\n    return 'db'\n\n"
        "def get_other_db() -> str:\n    return 'other'\n\n"
        "def admin() -> None: ...\n\n"
        "class CRUDRouter(APIRouter):\n"
        "    def __init__(self, prefix: str, db=get_db, get_all_route=True) -> None:\n"
        "        super().__init__(prefix=prefix)\n"
        "        self.db_func = db\n"
        "        deps = [] if isinstance(get_all_route, bool) else get_all_route\n"
        "        self.add_api_route('', self._get_all(), methods=['GET'], dependencies=deps)\n\n"
        "    def _get_all(self):\n"
        "        def route(db: str = Depends(self.db_func)) -> list:\n            return []\n"
        "        return route\n\n"
        "app = FastAPI()\napp.include_router(CRUDRouter('/a'))\n"
        "app.include_router(CRUDRouter('/b', db=get_other_db, get_all_route=[Depends(admin)]))\n"
    )
    _chains_as_at_runtime(
        tmp_path,
        {"GET /a": ["main.get_db"], "GET /b": ["main.admin", "main.get_other_db"]},
        clean=True,
    )


@pytest.mark.slow
def test_a_prefix_defaulting_to_another_parameters_name_is_read(tmp_path: Path) -> None:
    """``prefix = prefix if prefix is not None else "/" + schema.__name__.lower()``, as
    fastapi-crudrouter defaults a router's prefix to its schema's name: the binding again
    reads the other parameter as the call passes it (it was ``<?prefix>``, a CI201)."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "class Item:\n    pass\n\n"
        "class CRUDRouter(APIRouter):\n"
        "    def __init__(self, schema: type, prefix: str | None = None) -> None:\n"
        "        prefix = prefix if prefix is not None else '/' + schema.__name__.lower()\n"
        "        super().__init__(prefix=prefix)\n"
        "        self.add_api_route('', self._list, methods=['GET'])\n\n"
        "    async def _list(self) -> list:\n        return []\n\n"
        "def make_router(model: type, prefix: str = '') -> APIRouter:\n"
        "    prefix = prefix or '/' + model.__name__.lower() + 's'\n"
        "    router = APIRouter(prefix=prefix)\n"
        "    router.add_api_route('', CRUDRouter._list, methods=['GET'])\n"
        "    return router\n\n"
        "app = FastAPI()\napp.include_router(CRUDRouter(Item))\n"
        "app.include_router(make_router(Item))\n"
    )
    _served_as_at_runtime(
        tmp_path,
        "main:app",
        {
            ("GET", "/item", "main.CRUDRouter._list"),
            ("GET", "/items", "main.CRUDRouter._list"),
        },
    )


@pytest.mark.slow
def test_a_path_joined_with_posixpath_is_read(tmp_path: Path) -> None:
    """``join("/", path)`` of ``posixpath`` and ``os.path.join("/", path, "x")`` in a route
    factory (fastapi-cruddy-framework's GraphQL routes): joined as a server joins them (it
    was a placeholder, a CI201)."""
    (tmp_path / "main.py").write_text(
        "import os.path\nfrom posixpath import join\n\nfrom fastapi import APIRouter, FastAPI\n\n"
        "def make(path: str) -> APIRouter:\n    router = APIRouter()\n\n"
        "    @router.get(join('/', path))\n    def root() -> None: ...\n\n"
        "    @router.get(os.path.join('/', path, 'x/'))\n    def x() -> None: ...\n\n"
        "    @router.get(join('/ignored', '/abs'))\n    def absolute() -> None: ...\n\n"
        "    return router\n\n"
        "app = FastAPI()\napp.include_router(make('items'))\n"
    )
    _served_as_at_runtime(
        tmp_path,
        "main:app",
        {
            ("GET", "/items", "main.make.<locals>.root"),
            ("GET", "/items/x/", "main.make.<locals>.x"),
            ("GET", "/abs", "main.make.<locals>.absolute"),
        },
    )


def test_a_local_named_cls_is_no_receiver(tmp_path: Path) -> None:
    """``cls = getattr(module, "Verifier")`` in a ``staticmethod``, ``cls = Verifier`` in a
    ``classmethod``: the name is a local, not the class the method is on (both chains were
    ``main.Factory()``, silently; FastAPI calls ``Verifier()``); a ``classmethod``'s own
    ``cls`` is still the class it is called on."""
    (tmp_path / "main.py").write_text(
        "import importlib\n\nfrom fastapi import Depends, FastAPI\n\n"
        "class Verifier:\n    def __call__(self) -> str:\n        return 'ok'\n\n"
        "class Factory:\n    def __call__(self) -> str:\n        return 'factory'\n\n"
        "    @staticmethod\n    def make():\n"
        "        cls = getattr(importlib.import_module('main'), 'Verifier')\n"
        "        return cls()\n\n"
        "    @classmethod\n    def rebound(cls):\n        cls = Verifier\n        return cls()\n\n"
        "    @classmethod\n    def own(cls):\n        return cls()\n\n"
        "app = FastAPI()\n\n"
        "@app.get('/static')\ndef a(v: str = Depends(Factory.make())) -> None: ...\n\n"
        "@app.get('/rebound')\ndef b(v: str = Depends(Factory.rebound())) -> None: ...\n\n"
        "@app.get('/own')\ndef c(v: str = Depends(Factory.own())) -> None: ...\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    chains = {r.path: r.all_dependencies for r in graph.routes()}
    assert chains == {
        "/static": ("<?Factory.make()>",),
        "/rebound": ("<?Factory.rebound()>",),
        "/own": ("main.Factory()",),
    }
    assert sorted((d.code, d.line) for d in graph.diagnostics) == [("CI204", 29), ("CI204", 32)]


@pytest.mark.slow
def test_a_registry_holds_only_what_modules_run_before_the_loop_add(tmp_path: Path) -> None:
    """A ``register()`` registry read by a loop: a feature module the loop's own module
    imports only below the loop has not added its router yet (not served), and one no
    module imports adds it only when it is the program run (the condition ``import m``)."""
    (tmp_path / "registry.py").write_text(
        "ROUTERS = []\n\ndef register(router):\n    ROUTERS.append(router)\n    return router\n"
    )
    for name in ("fa", "fb", "fc"):
        (tmp_path / f"{name}.py").write_text(
            "from fastapi import APIRouter\n\nfrom registry import register\n\n"
            f"router = register(APIRouter(prefix='/{name}'))\n\n"
            f"@router.get('/')\ndef {name}_index() -> None: ...\n"
        )
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\n\nimport fa\nfrom registry import ROUTERS\n\n"
        "app = FastAPI()\nfor r in ROUTERS:\n    app.include_router(r)\n\nimport fb\n"
    )
    routes = codeintel.analyze(tmp_path, cache=False).routes()
    served = {(r.method, r.path, r.endpoint): r.conditions for r in routes if r.app == "main.app"}
    assert served == {
        ("GET", "/fa/", "fa.fa_index"): (),
        ("GET", "/fc/", "fc.fc_index"): ("import fc",),
    }
    unconditional = {route for route, conditions in served.items() if not conditions}
    assert unconditional == runtime_routes(tmp_path, "main:app")


def test_dependencies_in_a_dict_changed_in_place_are_not_read_as_written(
    tmp_path: Path,
) -> None:
    """``DEPS["users"] = [...]``, ``DEPS.update(...)`` or ``DEPS["users"].append(...)``
    after the literal: the list FastAPI gets is not the one written, so it is kept as a
    placeholder (we read the literal's); of a key written twice, Python keeps the last."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, Depends, FastAPI\n\n"
        "def g1() -> int:\n    return 1\n\n"
        "def g2() -> int:\n    return 2\n\n"
        "SET = {'users': [Depends(g1)]}\nSET['users'] = [Depends(g2)]\n"
        "UPDATED = {'users': [Depends(g1)]}\nUPDATED.update({'users': [Depends(g2)]})\n"
        "GROWN = {'users': [Depends(g1)]}\nGROWN['users'].append(Depends(g2))\n"
        "TWICE = {'users': [Depends(g1)], 'users': [Depends(g2)]}\n\n"
        "app = FastAPI()\n"
        "for name in ('SET', 'UPDATED', 'GROWN', 'TWICE'):\n"
        "    pass\n"
        "a, b, c, d = APIRouter(), APIRouter(), APIRouter(), APIRouter()\n\n"
        "@a.get('/a')\ndef ra() -> None: ...\n\n@b.get('/b')\ndef rb() -> None: ...\n\n"
        "@c.get('/c')\ndef rc() -> None: ...\n\n@d.get('/d')\ndef rd() -> None: ...\n\n"
        "app.include_router(a, dependencies=SET['users'])\n"
        "app.include_router(b, dependencies=UPDATED['users'])\n"
        "app.include_router(c, dependencies=GROWN['users'])\n"
        "app.include_router(d, dependencies=TWICE['users'])\n"
    )
    routes = codeintel.analyze(tmp_path, cache=False).routes()
    assert {r.path: r.all_dependencies for r in routes} == {
        "/a": ("<?SET['users']>",),
        "/b": ("<?UPDATED['users']>",),
        "/c": ("<?GROWN['users']>",),
        "/d": ("main.g2",),
    }


def test_a_module_attribute_set_only_under_an_if_is_not_its_value(tmp_path: Path) -> None:
    """``getattr(mod, "PREFIX", "/default")`` of a module setting ``PREFIX`` only under
    ``if os.environ.get(...)``: whether it is set is each run's, so the prefix is kept as
    written (we read the guarded value, resolved)."""
    (tmp_path / "x.py").write_text(
        "import os\nfrom fastapi import APIRouter\n\nrouter = APIRouter()\n"
        "if os.environ.get('X_PREFIX'):\n    PREFIX = '/px'\n\n"
        "@router.get('/x')\ndef fx() -> None: ...\n"
    )
    (tmp_path / "main.py").write_text(
        "import importlib\nfrom fastapi import FastAPI\n\napp = FastAPI()\n"
        "mod = importlib.import_module('x')\n"
        "app.include_router(mod.router, prefix=getattr(mod, 'PREFIX', '/default'))\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    assert [r.path for r in graph.routes()] == ["<?getattr(mod, 'PREFIX', '/default')>/x"]
    assert [d.code for d in graph.diagnostics] == ["CI201"]


def test_an_after_validator_writing_fields_by_name_hides_their_defaults(tmp_path: Path) -> None:
    """An after model validator that only checks the fields leaves their defaults read;
    one writing through ``object.__setattr__``, or calling a method of its own, may
    change any: the prefix stays as written (``/api`` was stated; the app serves
    ``/set``)."""
    (tmp_path / "settings.py").write_text(
        "from pydantic import model_validator\nfrom pydantic_settings import BaseSettings\n\n"
        "class Checked(BaseSettings):\n    API_PREFIX: str = '/api'\n\n"
        "    @model_validator(mode='after')\n    def check(self):\n"
        "        if not self.API_PREFIX:\n            raise ValueError('prefix')\n"
        "        return self\n\n"
        "class ByName(BaseSettings):\n    API_PREFIX: str = '/api'\n\n"
        "    @model_validator(mode='after')\n    def fix(self):\n"
        "        object.__setattr__(self, 'API_PREFIX', '/set')\n        return self\n\n"
        "class ByMethod(BaseSettings):\n    API_PREFIX: str = '/api'\n\n"
        "    @model_validator(mode='after')\n    def fix(self):\n"
        "        self._derive()\n        return self\n\n"
        "    def _derive(self) -> None:\n        self.API_PREFIX = '/set'\n"
    )
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "from settings import ByMethod, ByName, Checked\n\n"
        "router = APIRouter()\n\n@router.get('/ping')\ndef ping() -> None: ...\n\n"
        "app = FastAPI()\n"
        "app.include_router(router, prefix=Checked().API_PREFIX)\n"
        "app.include_router(router, prefix=ByName().API_PREFIX)\n"
        "app.include_router(router, prefix=ByMethod().API_PREFIX)\n"
    )
    paths = sorted(r.path for r in codeintel.analyze(tmp_path, cache=False).routes())
    assert paths == [
        "/api/ping",
        "<?ByMethod().API_PREFIX>/ping",
        "<?ByName().API_PREFIX>/ping",
    ]


def test_a_settings_value_its_class_sets_anew_is_not_the_default(tmp_path: Path) -> None:
    """``settings.ADMIN_PREFIX`` of ``settings = Settings()``, which an after model
    validator sets from another field: the instance's value is not the class's default, so
    it is kept as written (we served ``/ping``, resolved). A field a validator only
    normalises keeps its default, as it does at runtime when that is already normal
    (recordlinker's ``api_root_path = "/api"``)."""
    (tmp_path / "settings.py").write_text(
        "from pydantic import field_validator, model_validator\n"
        "from pydantic_settings import BaseSettings\n\n"
        "class Settings(BaseSettings):\n"
        "    API_ROOT: str = '/api'\n    ADMIN_PREFIX: str = ''\n\n"
        "    @field_validator('API_ROOT')\n    @classmethod\n"
        "    def _slash(cls, v: str) -> str:\n"
        "        return v if v.startswith('/') else '/' + v\n\n"
        "    @model_validator(mode='after')\n"
        "    def _derive(self):\n"
        "        self.ADMIN_PREFIX = self.API_ROOT + '/admin'\n        return self\n\n"
        "settings = Settings()\n"
    )
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\nfrom settings import settings\n\n"
        "router = APIRouter()\n\n@router.get('/ping')\ndef ping() -> None: ...\n\n"
        "app = FastAPI()\n"
        "app.include_router(router, prefix=settings.API_ROOT)\n"
        "app.include_router(router, prefix=settings.ADMIN_PREFIX)\n"
    )
    paths = sorted(r.path for r in codeintel.analyze(tmp_path, cache=False).routes())
    assert paths == ["/api/ping", "<?settings.ADMIN_PREFIX>/ping"]


@pytest.mark.slow
def test_a_mount_on_an_included_router_is_not_served(tmp_path: Path) -> None:
    """``router.mount("/admin", admin)`` then ``app.include_router(router)``: FastAPI's
    include takes the router's routes, never its mounts (0.95 and 0.165 alike), so the
    mounted app's routes are not served there: reported, not served resolved."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "admin = FastAPI()\n\n@admin.get('/stats')\ndef stats() -> None: ...\n\n"
        "router = APIRouter()\nrouter.mount('/admin', admin)\n\n"
        "@router.get('/ping')\ndef ping() -> None: ...\n\n"
        "app = FastAPI()\napp.include_router(router, prefix='/api')\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    static = {(r.method, r.path, r.endpoint) for r in graph.routes() if r.app == "main.app"}
    assert static == {("GET", "/api/ping", "main.ping")}
    assert [(d.code, d.line) for d in graph.diagnostics] == [("CI206", 9)]
    assert static == runtime_routes(tmp_path, "main:app")


@pytest.mark.slow
def test_an_enum_members_value_in_a_path_is_the_value(tmp_path: Path) -> None:
    """``@router.get(Paths.SENSORS.value)`` and ``APIRouter(prefix=Prefix.API.value)``, a
    plain ``Enum`` and a ``str`` one: the member's value (both were placeholders), and
    ``.name`` its name, of an enum imported from another module too (a placeholder
    before: the imported class was not followed to its definition)."""
    (tmp_path / "constants.py").write_text(
        "from enum import Enum\n\nclass Prefix(Enum):\n    API = '/api'\n    admin = 1\n"
    )
    (tmp_path / "main.py").write_text(
        "from enum import Enum\nfrom fastapi import APIRouter, FastAPI\n\n"
        "from constants import Prefix\n\n"
        "class Paths(str, Enum):\n    SENSORS = '/sensors'\n\n"
        "router = APIRouter(prefix=Prefix.API.value)\n\n"
        "@router.get(Paths.SENSORS.value)\ndef sensors() -> None: ...\n\n"
        "@router.get('/' + Prefix.admin.name)\ndef admin() -> None: ...\n\n"
        "app = FastAPI()\napp.include_router(router)\n"
    )
    _served_as_at_runtime(
        tmp_path,
        "main:app",
        {("GET", "/api/sensors", "main.sensors"), ("GET", "/api/admin", "main.admin")},
        "main.app",
    )


@pytest.mark.slow
def test_an_app_subclass_including_routers_in_setup_serves_them(tmp_path: Path) -> None:
    """futuramaapi: ``class MyAPI(FastAPI)`` overriding ``setup`` to include its routers.
    ``FastAPI.__init__`` calls ``self.setup()`` last, so they are served by each instance
    (every route had no app)."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "router = APIRouter(prefix='/items')\n\n"
        "@router.get('/')\ndef list_items() -> None: ...\n\n"
        "class MyAPI(FastAPI):\n"
        "    def setup(self) -> None:\n"
        "        super().setup()\n"
        "        self._routers()\n\n"
        "    def _routers(self) -> None:\n"
        "        self.include_router(router)\n\n"
        "app = MyAPI()\n"
    )
    _served_as_at_runtime(tmp_path, "main:app", {("GET", "/items/", "main.list_items")}, "main.app")


@pytest.mark.slow
def test_a_bound_method_held_by_a_name_is_that_method(tmp_path: Path) -> None:
    """``get_db = db_manager.session`` then ``Depends(get_db)``, in another module too: the
    instance's method, as ``Depends(db_manager.session)`` is (a ``<?get_db>``
    placeholder before; about ten indexed projects write ``get_db = db_manager.X``)."""
    (tmp_path / "db.py").write_text(
        "from typing import Annotated\nfrom fastapi import Depends\n\n"
        "def get_settings() -> dict:\n    return {}\n\n"
        "class Database:\n"
        "    def session(self, settings: Annotated[dict, Depends(get_settings)]):\n"
        "        yield 'session'\n\n"
        "db_manager = Database()\nget_db = db_manager.session\n"
    )
    (tmp_path / "main.py").write_text(
        "from typing import Annotated\nfrom fastapi import Depends, FastAPI\n\n"
        "from db import get_db\n\napp = FastAPI()\n\n"
        "@app.get('/items')\ndef items(session: Annotated[str, Depends(get_db)]) -> None: ...\n"
    )
    _chains_as_at_runtime(tmp_path, {"GET /items": ["db.get_settings", "db.Database.session"]})


def test_a_loop_over_lists_added_reads_the_lists_it_can(tmp_path: Path) -> None:
    """``for r in KNOWN + computed():`` (AIOD's five ``router_list``s, one a comprehension
    over what the run computes): the known list's routers are included, and the part we
    cannot read is one unknown item, reported (the whole loop was, and every router lost
    its app)."""
    (tmp_path / "main.py").write_text(
        "import os\nfrom fastapi import APIRouter, FastAPI\n\n"
        "a = APIRouter()\n\n@a.get('/a')\ndef ra() -> None: ...\n\n"
        "KNOWN = [a]\n\n"
        "def computed():\n    return [APIRouter() for _ in os.environ.get('N', '')]\n\n"
        "app = FastAPI()\n"
        "for router in KNOWN + computed():\n    app.include_router(router)\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    assert [(r.path, r.app) for r in graph.routes()] == [("/a", "main.app")]
    assert [d.code for d in graph.diagnostics] == ["CI202"]


@pytest.mark.slow
def test_a_route_verb_bound_to_a_name_declares_routes(tmp_path: Path) -> None:
    """``get = router.get`` and ``route = router.api_route`` bound once, then ``@get(...)``
    and ``@route(..., methods=[...])``: the verbs they hold (the first was taken for a
    library's bare ``@get`` and reported, the second missed silently)."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "router = APIRouter()\nget = router.get\nroute = router.api_route\n\n"
        "@get('/status')\ndef status() -> None: ...\n\n"
        "@route('/multi', methods=['GET', 'DELETE'])\ndef multi() -> None: ...\n\n"
        "app = FastAPI()\napp.include_router(router, prefix='/x')\n"
    )
    _served_as_at_runtime(
        tmp_path,
        "main:app",
        {
            ("GET", "/x/status", "main.status"),
            ("GET", "/x/multi", "main.multi"),
            ("DELETE", "/x/multi", "main.multi"),
        },
        "main.app",
    )


_REVIEWED = (
    "from fastapi import APIRouter, FastAPI\n"
    "import os\n\n"
    "a = APIRouter()\nb = APIRouter()\n\n"
    "@a.get('/a')\ndef fa() -> None: ...\n\n"
    "@b.get('/b')\ndef fb() -> None: ...\n\n"
    "app = FastAPI()\n"
)


@pytest.mark.parametrize(
    ("code", "served"),
    [
        # a setting's default is what runs only when nothing overrides it
        (
            "ROUTERS = {'a': a, 'b': b}\n"
            "for name in os.environ.get('MODS', 'a,b').split(','):\n"
            "    app.include_router(ROUTERS[name])\n",
            set(),
        ),
        # an item set after the loop reading the table is not in it then
        (
            "TABLE = {'/a': a}\nfor p, r in TABLE.items():\n    app.include_router(r, prefix=p)\n"
            "TABLE['/b'] = b\n",
            set(),
        ),
        # a copy of a router's routes holds those it has then, not those added after
        (
            "other = FastAPI(routes=a.routes)\n@a.get('/late')\ndef late() -> None: ...\n",
            {("/a", "main.other")},
        ),
        # an instance a function changes after building it is not what its class sets
        (
            "class Ad:\n    def __init__(self) -> None:\n        self.router = a\n\n"
            "def setup() -> None:\n    ad = Ad()\n    ad.router = b\n"
            "    app.include_router(ad.router)\n\n"
            "setup()\n",
            set(),
        ),
    ],
)
def test_what_the_review_of_the_session_s_reads_found_stays_unread(
    tmp_path: Path, code: str, served: set[tuple[str, str]]
) -> None:
    """Found in review, each checked against FastAPI: reads that were confident and wrong.
    What the run decides is left to it (a diagnostic, nothing on the app); a copy holds
    what it copied."""
    (tmp_path / "main.py").write_text(_REVIEWED + code)
    graph = codeintel.analyze(tmp_path, cache=False)
    on_apps = {(r.path, r.app) for r in graph.routes() if r.app in ("main.app", "main.other")}
    assert on_apps == served


def test_a_star_import_may_bind_a_name_only_imported_while_type_checking(tmp_path: Path) -> None:
    """Found in review: ``from db import *`` binds ``Session`` at run time, so FastAPI can
    evaluate ``Annotated[Session, Depends(get_db)]`` and solves it."""
    (tmp_path / "db.py").write_text("class Session: ...\n\ndef get_db() -> Session: ...\n")
    (tmp_path / "main.py").write_text(
        "from __future__ import annotations\n\nfrom typing import TYPE_CHECKING, Annotated\n\n"
        "from fastapi import Depends, FastAPI\n\nfrom db import *\n\n"
        "if TYPE_CHECKING:\n    from db import Session\n\napp = FastAPI()\n\n"
        "@app.get('/x')\ndef x(db: Annotated[Session, Depends(get_db)]) -> None: ...\n"
    )
    [route] = codeintel.analyze(tmp_path, cache=False).routes()
    assert route.all_dependencies == ("db.get_db",)


@pytest.mark.slow
def test_a_route_declared_after_return_is_never_served(tmp_path: Path) -> None:
    """Statements after ``return`` (or ``raise``, ``continue``, ``break``) in their block
    never run: lollms's builder declared one more route after returning its router."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n\n"
        "def build(router: APIRouter) -> APIRouter:\n"
        "    @router.get('/live')\n    async def live(): ...\n\n"
        "    return router\n\n"
        "    @router.post('/dead')\n    async def dead(): ...\n\n\n"
        "def page(): ...\n\n\n"
        "def more(router: APIRouter) -> None:\n"
        "    for path in ['/a', '/b']:\n"
        "        router.add_api_route(path, page)\n"
        "        continue\n"
        "        router.add_api_route(path + '/x', page)\n\n\n"
        "app = FastAPI()\napp.include_router(build(APIRouter(prefix='/api')))\n"
        "more(app.router)\n"
    )
    expected = {
        ("GET", "/api/live", "main.build.<locals>.live"),
        ("GET", "/a", "main.page"),
        ("GET", "/b", "main.page"),
    }
    _served_as_at_runtime(tmp_path, "main:app", expected)


@pytest.mark.slow
def test_a_name_bound_to_a_constructions_router_is_that_router(tmp_path: Path) -> None:
    """``products = Controller("products").router``, then ``include_router(products)``:
    the router that construction's ``__init__`` filled (written in place it was found; bound
    to a name first, every route sat on no app)."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n\n"
        "class Controller:\n"
        "    def __init__(self, name: str):\n"
        "        self.router = APIRouter(prefix=f'/{name}')\n"
        "        self.router.add_api_route('', self.get_all, methods=['GET'])\n\n"
        "    async def get_all(self): ...\n\n\n"
        "products = Controller('products').router\n\n\n"
        "def create_app() -> FastAPI:\n"
        "    app = FastAPI()\n"
        "    orders = Controller('orders').router\n"
        "    app.include_router(products)\n"
        "    app.include_router(orders)\n"
        "    return app\n\n\n"
        "app = create_app()\n"
    )
    expected = {
        ("GET", "/products", "main.Controller.get_all"),
        ("GET", "/orders", "main.Controller.get_all"),
    }
    _served_as_at_runtime(tmp_path, "main:app", expected)


@pytest.mark.slow
def test_a_none_default_the_body_replaces_is_what_it_replaces_it_with(tmp_path: Path) -> None:
    """``prefix: str | None = None`` then ``if prefix is None: prefix = "/x"``, ``prefix =
    prefix or "/x"`` or ``"/x" if prefix is None else prefix``: the path is ``/x`` where the
    call leaves the default (it read ``<?None>``)."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n\n"
        "def page(): ...\n\n\n"
        "def by_if(prefix: str | None = None) -> APIRouter:\n"
        "    if prefix is None:\n        prefix = '/if'\n"
        "    r = APIRouter(prefix=prefix)\n"
        "    r.add_api_route('/all', page)\n"
        "    return r\n\n\n"
        "def by_or(prefix: str | None = None) -> APIRouter:\n"
        "    prefix = prefix or '/or'\n"
        "    r = APIRouter(prefix=prefix)\n"
        "    r.add_api_route('/all', page)\n"
        "    return r\n\n\n"
        "def by_ifexp(prefix: str | None = None) -> APIRouter:\n"
        "    prefix = '/ifexp' if prefix is None else prefix\n"
        "    r = APIRouter(prefix=prefix)\n"
        "    r.add_api_route('/all', page)\n"
        "    return r\n\n\n"
        "app = FastAPI()\n"
        "app.include_router(by_if())\napp.include_router(by_or())\n"
        "app.include_router(by_ifexp())\napp.include_router(by_if('/given'))\n"
    )
    expected = {
        ("GET", "/if/all", "main.page"),
        ("GET", "/or/all", "main.page"),
        ("GET", "/ifexp/all", "main.page"),
        ("GET", "/given/all", "main.page"),
    }
    _served_as_at_runtime(tmp_path, "main:app", expected)


@pytest.mark.slow
def test_a_loop_local_bound_to_a_call_of_the_item_is_that_call(tmp_path: Path) -> None:
    """``instance = controller()`` or ``router = controller.register()`` in a loop's body,
    then ``include_router(instance.router)``: each item's own router (written in place it
    was found; through a local, one CI202 and no route on the app)."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n\n"
        "def page(): ...\n\n\n"
        "class Users:\n"
        "    def __init__(self):\n"
        "        self.router = APIRouter(prefix='/users')\n"
        "        self.router.add_api_route('/', page)\n\n\n"
        "class Admin:\n"
        "    def register(self) -> APIRouter:\n"
        "        router = APIRouter(prefix='/admin')\n"
        "        router.add_api_route('/users', page)\n"
        "        return router\n\n\n"
        "class Orders(Users):\n"
        "    def __init__(self):\n"
        "        self.router = APIRouter(prefix='/orders')\n"
        "        self.router.add_api_route('/', page)\n\n\n"
        "app = FastAPI()\n"
        "for controller in [Users, Orders]:\n"
        "    instance = controller()\n"
        "    app.include_router(instance.router, prefix='/v1')\n"
        "for made in [Admin()]:\n"
        "    router = made.register()\n"
        "    app.include_router(router)\n"
    )
    expected = {
        ("GET", "/v1/users/", "main.page"),
        ("GET", "/v1/orders/", "main.page"),
        ("GET", "/admin/users", "main.page"),
    }
    _served_as_at_runtime(tmp_path, "main:app", expected)


@pytest.mark.slow
def test_a_name_bound_to_a_factory_adding_to_another_factorys_router(tmp_path: Path) -> None:
    """``u = users()`` where ``users`` adds ``/me`` to what ``make("users")`` built: ``u`` is
    ``users``'s router, with both routes (it was a copy of ``make``'s, without ``/me``, and
    ``/me`` sat on no app under ``<?name>``)."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n\n"
        "def page(): ...\n\n\n"
        "def make(name: str) -> APIRouter:\n"
        "    router = APIRouter(prefix=f'/{name}')\n"
        "    router.add_api_route('/count', page)\n"
        "    return router\n\n\n"
        "def users() -> APIRouter:\n"
        "    router = make('users')\n"
        "    router.add_api_route('/me', page)\n"
        "    return router\n\n\n"
        "def items() -> APIRouter:\n"
        "    router = make('items')\n"
        "    router.add_api_route('/sub', page)\n"
        "    return router\n\n\n"
        "app = FastAPI()\nu = users()\napp.include_router(u)\napp.include_router(items())\n"
    )
    expected = {
        ("GET", "/users/count", "main.page"),
        ("GET", "/users/me", "main.page"),
        ("GET", "/items/count", "main.page"),
        ("GET", "/items/sub", "main.page"),
    }
    _served_as_at_runtime(tmp_path, "main:app", expected)


@pytest.mark.slow
def test_an_attribute_init_sets_from_its_parameter_is_what_the_construction_passed(
    tmp_path: Path,
) -> None:
    """``make(Config("users"))`` reading ``conf.prefix``, where ``Config.__init__(self,
    prefix="items")`` sets ``self.prefix = prefix``: what the construction passed, by
    position or keyword, else the default (a placeholder before, one route for all)."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n\n"
        "def page(): ...\n\n\n"
        "class Config:\n"
        "    def __init__(self, prefix: str = 'items'):\n"
        "        self.prefix = prefix\n\n\n"
        "def make(conf: Config) -> APIRouter:\n"
        "    router = APIRouter(prefix=f'/{conf.prefix}')\n"
        "    router.add_api_route('/count', page)\n"
        "    return router\n\n\n"
        "app = FastAPI()\n"
        "app.include_router(make(Config('users')))\n"
        "app.include_router(make(Config(prefix='quotes')))\n"
        "app.include_router(make(Config()))\n"
    )
    expected = {
        ("GET", "/users/count", "main.page"),
        ("GET", "/quotes/count", "main.page"),
        ("GET", "/items/count", "main.page"),
    }
    _served_as_at_runtime(tmp_path, "main:app", expected)


@pytest.mark.slow
def test_a_nested_settings_field_read_through_a_factory_parameter(tmp_path: Path) -> None:
    """``create_app(Settings())`` including at ``settings.api.prefix``, ``api`` a nested
    model's field: its default, as one level (``settings.admin_prefix``) already was."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n"
        "from pydantic import BaseModel\nfrom pydantic_settings import BaseSettings\n\n\n"
        "class Api(BaseModel):\n    prefix: str = '/api'\n\n\n"
        "class Settings(BaseSettings):\n"
        "    api: Api = Api()\n    admin_prefix: str = '/admin'\n\n\n"
        "router = APIRouter()\n\n\n@router.get('/ping')\ndef ping(): ...\n\n\n"
        "def create_app(settings: Settings) -> FastAPI:\n"
        "    app = FastAPI()\n"
        "    app.include_router(router, prefix=settings.admin_prefix)\n"
        "    app.include_router(router, prefix=settings.api.prefix + '/v1')\n"
        "    return app\n\n\n"
        "app = create_app(Settings())\n"
    )
    expected = {("GET", "/admin/ping", "main.ping"), ("GET", "/api/v1/ping", "main.ping")}
    _served_as_at_runtime(tmp_path, "main:app", expected)


@pytest.mark.slow
def test_a_factorys_settings_fallback_is_read_when_the_call_gives_none(tmp_path: Path) -> None:
    """``resolved = settings if settings is not None else get_settings()`` (or ``settings
    or get_settings()``) in ``create_app(settings=None)`` called bare: the prefix is the
    fallback's field (fastapi-saas-template: 63 of 64 routes were placeholders); given
    settings, theirs."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n"
        "from pydantic_settings import BaseSettings\n\n\n"
        "class Settings(BaseSettings):\n    API_PREFIX: str = '/api/v1'\n\n\n"
        "def get_settings() -> Settings:\n    return Settings()\n\n\n"
        "router = APIRouter()\n\n\n@router.get('/ping')\ndef ping(): ...\n\n\n"
        "def create_app(settings: Settings | None = None) -> FastAPI:\n"
        "    resolved = settings if settings is not None else get_settings()\n"
        "    fallback = settings or get_settings()\n"
        "    app = FastAPI()\n"
        "    app.include_router(router, prefix=resolved.API_PREFIX)\n"
        "    app.include_router(router, prefix=fallback.API_PREFIX + '/or')\n"
        "    return app\n\n\n"
        "app = create_app()\n"
        "other = create_app(Settings(API_PREFIX='/given'))\n"
    )
    expected = {("GET", "/api/v1/ping", "main.ping"), ("GET", "/api/v1/or/ping", "main.ping")}
    _served_as_at_runtime(tmp_path, "main:app", expected, "main.app")


@pytest.mark.slow
def test_a_nested_settings_fallback_passed_on_is_read(tmp_path: Path) -> None:
    """fastapi-saas-template: ``resolved = settings if settings is not None else
    get_settings()`` handed on as ``build_master_router(v1_prefix=resolved.api.v1_prefix)``,
    ``api`` a nested model built by ``Field(default_factory=ApiSettings)``, the settings class
    with an after-validator that only checks them: the default (31 of its 32 routes were
    placeholders)."""
    (tmp_path / "settings.py").write_text(
        "from pydantic import BaseModel, Field, model_validator\n"
        "from pydantic_settings import BaseSettings\n\n"
        "class ApiSettings(BaseModel):\n    v1_prefix: str = '/api/v1'\n\n"
        "class Settings(BaseSettings):\n"
        "    api: ApiSettings = Field(default_factory=ApiSettings)\n\n"
        "    @model_validator(mode='after')\n"
        "    def checked(self) -> 'Settings':\n"
        "        if not self.api.v1_prefix:\n            raise ValueError('prefix')\n"
        "        return self\n\n"
        "def get_settings() -> Settings:\n    return Settings()\n"
    )
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "from settings import Settings, get_settings\n\n"
        "router = APIRouter()\n\n@router.get('/ping')\ndef ping(): ...\n\n"
        "def build_master_router(*, v1_prefix: str) -> APIRouter:\n"
        "    master = APIRouter()\n    master.include_router(router, prefix=v1_prefix)\n"
        "    return master\n\n"
        "def create_app(settings: Settings | None = None) -> FastAPI:\n"
        "    resolved = settings if settings is not None else get_settings()\n"
        "    app = FastAPI()\n"
        "    app.include_router(build_master_router(v1_prefix=resolved.api.v1_prefix))\n"
        "    app.include_router(router, prefix=get_settings().api.v1_prefix + '/direct')\n"
        "    return app\n\n"
        "app = create_app()\n"
    )
    expected = {("GET", "/api/v1/ping", "main.ping"), ("GET", "/api/v1/direct/ping", "main.ping")}
    _served_as_at_runtime(tmp_path, "main:app", expected)


@pytest.mark.slow
def test_dependencies_appended_to_the_apps_router_apply_to_its_routes(tmp_path: Path) -> None:
    """``app.router.dependencies.append(Depends(require_auth))`` before any route ("apply
    authentication to all routes"): every route declared or included after needs it (it
    was dropped without a word)."""
    (tmp_path / "items.py").write_text(
        "from fastapi import APIRouter\n\nrouter = APIRouter(prefix='/items')\n\n\n"
        "@router.get('/')\ndef list_items(): ...\n"
    )
    (tmp_path / "main.py").write_text(
        "from fastapi import Depends, FastAPI\n\nimport items\n\n\n"
        "def require_auth(): ...\n\n\n"
        "app = FastAPI()\napp.router.dependencies.append(Depends(require_auth))\n"
        "app.include_router(items.router)\n\n\n@app.get('/health')\ndef health(): ...\n"
    )
    expected = {"GET /health": ["main.require_auth"], "GET /items/": ["main.require_auth"]}
    _chains_as_at_runtime(tmp_path, expected)


@pytest.mark.slow
def test_a_property_handed_to_depends_is_what_it_returns(tmp_path: Path) -> None:
    """``Depends(tokens.cookie)`` with ``@property def cookie(self): return
    APIKeyCookie(...)`` (or a cached one, or one returning a function, or read on a
    dataclass field's ``default_factory`` instance, or read as ``self.checker`` by another
    property or returned by a method): FastAPI is handed what the property gives; we named
    the method, which FastAPI never calls."""
    (tmp_path / "main.py").write_text(
        "from dataclasses import dataclass, field\nfrom functools import cached_property\n\n"
        "from fastapi import Depends, FastAPI\nfrom fastapi.security import APIKeyCookie\n\n\n"
        "def verify(): ...\n\n\n"
        "class Tokens:\n"
        "    @property\n    def cookie(self) -> APIKeyCookie:\n"
        "        return APIKeyCookie(name='t')\n\n"
        "    @cached_property\n    def checker(self):\n        return verify\n\n"
        "    @property\n    def required(self):\n        return Depends(self.checker)\n\n"
        "    def checker_fn(self):\n        return self.checker\n\n\n"
        "tokens = Tokens()\napp = FastAPI()\n\n\n"
        "@app.get('/a', dependencies=[Depends(tokens.cookie)])\ndef a(): ...\n\n\n"
        "@app.get('/b', dependencies=[Depends(tokens.checker)])\ndef b(): ...\n\n\n"
        "@dataclass\nclass Config:\n    tokens: Tokens = field(default_factory=Tokens)\n\n\n"
        "config = Config()\n\n\n"
        "@app.get('/c', dependencies=[Depends(config.tokens.cookie)])\ndef c(): ...\n\n\n"
        "@app.get('/d')\ndef d(user=tokens.required): ...\n\n\n"
        "@app.get('/e')\ndef e(user=Depends(tokens.checker_fn())): ...\n"
    )
    expected = {
        "GET /a": ["fastapi.security.api_key.APIKeyCookie()"],
        "GET /b": ["main.verify"],
        "GET /c": ["fastapi.security.api_key.APIKeyCookie()"],
        "GET /d": ["main.verify"],
        "GET /e": ["main.verify"],
    }
    _chains_as_at_runtime(tmp_path, expected)


@pytest.mark.slow
def test_a_router_subclass_inheriting_a_project_init_runs_it(tmp_path: Path) -> None:
    """``class V2(Versioned): VERSION = "v2"`` where ``Versioned.__init__`` calls
    ``super().__init__(prefix=f"/api/{self.VERSION}{prefix}")``: the subclass runs that
    ``__init__``, reading its own ``VERSION`` (we took ``prefix=`` as APIRouter's own, and
    served ``/b/x``, unconditional and wrong)."""
    (tmp_path / "main.py").write_text(
        "from typing import Any\n\nfrom fastapi import APIRouter, FastAPI\n\n\n"
        "class Versioned(APIRouter):\n    VERSION = 'v1'\n\n"
        "    def __init__(self, prefix: str = '', **kwargs: Any) -> None:\n"
        "        super().__init__(prefix=f'/api/{self.VERSION}{prefix}', **kwargs)\n\n\n"
        "class Same(Versioned):\n    pass\n\n\n"
        "class V2(Versioned):\n    VERSION = 'v2'\n\n\n"
        "a = Versioned(prefix='/a')\ns = Same(prefix='/s')\nb = V2(prefix='/b')\n\n\n"
        "@a.get('/x')\ndef ax(): ...\n\n\n@s.get('/x')\ndef sx(): ...\n\n\n"
        "@b.get('/x')\ndef bx(): ...\n\n\n"
        "app = FastAPI()\nfor r in (a, s, b):\n    app.include_router(r)\n"
    )
    expected = {
        ("GET", "/api/v1/a/x", "main.ax"),
        ("GET", "/api/v1/s/x", "main.sx"),
        ("GET", "/api/v2/b/x", "main.bx"),
    }
    _served_as_at_runtime(tmp_path, "main:app", expected)


@pytest.mark.slow
def test_a_router_subclass_handing_its_base_another_path(tmp_path: Path) -> None:
    """An ``api_route`` override returning ``super().api_route(f"/{self.version}{path}")``
    (every verb decorator goes through it) and an ``add_api_route`` override prefixing the
    path: the path the base is handed (we served the path as written, unconditionally)."""
    (tmp_path / "main.py").write_text(
        "from typing import Any\n\nfrom fastapi import APIRouter, FastAPI\n\n\n"
        "class Versioned(APIRouter):\n"
        "    def __init__(self, *args: Any, version: str = 'v1', **kwargs: Any) -> None:\n"
        "        super().__init__(*args, **kwargs)\n        self.version = version\n\n"
        "    def api_route(self, path: str, **kwargs: Any):\n"
        "        return super().api_route(f'/{self.version}{path}', **kwargs)\n\n\n"
        "class Prefixed(APIRouter):\n"
        "    def add_api_route(self, path: str, endpoint, **kwargs: Any) -> None:\n"
        "        super().add_api_route(f'/api{path}', endpoint, **kwargs)\n\n\n"
        "router = Versioned(version='v7')\nlower = Prefixed()\n\n\n"
        "@router.get('/seven')\ndef seven(): ...\n\n\n"
        "@lower.get('/upper')\ndef upper(): ...\n\n\n"
        "def plain(): ...\n\n\nlower.add_api_route('/added', plain)\n\n"
        "app = FastAPI()\napp.include_router(router, prefix='/p')\napp.include_router(lower)\n"
    )
    expected = {
        ("GET", "/p/v7/seven", "main.seven"),
        ("GET", "/api/upper", "main.upper"),
        ("GET", "/api/added", "main.plain"),
    }
    _served_as_at_runtime(tmp_path, "main:app", expected)


@pytest.mark.slow
def test_a_dataclass_controller_builds_its_router_from_its_fields(tmp_path: Path) -> None:
    """``@dataclass class Controller: prefix: str = "/dc"`` whose ``__post_init__`` builds
    ``self.router = APIRouter(prefix=self.prefix)``: each construction's router has the
    prefix it was given, by keyword or position (we read the field's default for every
    construction: one wrong route, unconditional)."""
    (tmp_path / "main.py").write_text(
        "from dataclasses import dataclass\n\nfrom fastapi import APIRouter, FastAPI\n\n\n"
        "@dataclass\nclass Controller:\n    prefix: str = '/dc'\n\n"
        "    def __post_init__(self):\n"
        "        self.router = APIRouter(prefix=self.prefix)\n"
        "        self.router.add_api_route('/d', self.d, methods=['GET'])\n\n"
        "    async def d(self): ...\n\n\n"
        "app = FastAPI()\n"
        "app.include_router(Controller(prefix='/dc2').router)\n"
        "app.include_router(Controller('/dc3').router)\n"
    )
    expected = {("GET", "/dc2/d", "main.Controller.d"), ("GET", "/dc3/d", "main.Controller.d")}
    _served_as_at_runtime(tmp_path, "main:app", expected)


@pytest.mark.slow
def test_a_classmethods_cls_is_the_class_it_is_called_on(tmp_path: Path) -> None:
    """``BlogView.as_router("/blogs")`` of ``GenericView.as_router``, adding ``cls.retrieve``
    and ``view.list`` with ``view = cls()``: the subclass's overrides, and the base's
    methods where it has none (we served the base's handlers for every subclass)."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n\n"
        "class GenericView:\n"
        "    @classmethod\n"
        "    def as_router(cls, prefix: str) -> APIRouter:\n"
        "        router = APIRouter(prefix=prefix)\n"
        "        view = cls()\n"
        "        router.add_api_route('/', view.list)\n"
        "        router.add_api_route('/{pk}', cls.retrieve)\n"
        "        return router\n\n"
        "    async def list(self): ...\n\n"
        "    @staticmethod\n    async def retrieve(pk: str): ...\n\n\n"
        "class BlogView(GenericView):\n"
        "    async def list(self): ...\n\n"
        "    @staticmethod\n    async def retrieve(pk: str): ...\n\n\n"
        "class PlainView(GenericView):\n    pass\n\n\n"
        "app = FastAPI()\n"
        "app.include_router(BlogView.as_router('/blogs'))\n"
        "app.include_router(PlainView.as_router('/plain'))\n"
    )
    expected = {
        ("GET", "/blogs/", "main.BlogView.list"),
        ("GET", "/blogs/{pk}", "main.BlogView.retrieve"),
        ("GET", "/plain/", "main.GenericView.list"),
        ("GET", "/plain/{pk}", "main.GenericView.retrieve"),
    }
    _served_as_at_runtime(tmp_path, "main:app", expected)


@pytest.mark.slow
def test_a_loop_over_a_helper_returning_a_comprehension_or_a_sum(tmp_path: Path) -> None:
    """``for r in get_routers()`` with ``return [m.router for m in (a, b)]`` or ``return
    base + [c.router]``: each router (the loop was a CI202, no route on the app)."""
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.py").write_text(
            f"from fastapi import APIRouter\n\nrouter = APIRouter(prefix='/{name}')\n\n\n"
            f"@router.get('/x')\ndef {name}x(): ...\n"
        )
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\n\nimport a\nimport b\nimport c\n\n\n"
        "def by_comprehension():\n    return [m.router for m in (a, b)]\n\n\n"
        "def by_sum():\n    base = [a.router]\n    return base + [c.router]\n\n\n"
        "app = FastAPI()\n"
        "for r in by_comprehension():\n    app.include_router(r, prefix='/one')\n"
        "for r in by_sum():\n    app.include_router(r, prefix='/two')\n"
    )
    expected = {
        ("GET", "/one/a/x", "a.ax"),
        ("GET", "/one/b/x", "b.bx"),
        ("GET", "/two/a/x", "a.ax"),
        ("GET", "/two/c/x", "c.cx"),
    }
    _served_as_at_runtime(tmp_path, "main:app", expected)


@pytest.mark.slow
def test_a_loop_in_a_factory_over_a_helper_appending_with_its_arguments(tmp_path: Path) -> None:
    """``for r in get_routers(base="/api")`` inside ``create_app()``, the helper appending
    ``make(f"{base}{p}")`` to a list it returns: each router, read with the call's arguments
    (a helper with parameters was read only where a statement called it: OSSS lost its 1,728
    generated routes so)."""
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n\n"
        "def page(): ...\n\n\n"
        "def make(prefix: str) -> APIRouter:\n"
        "    r = APIRouter(prefix=prefix)\n    r.add_api_route('/z', page)\n    return r\n\n\n"
        "def get_routers(base: str = '/v0') -> list[APIRouter]:\n"
        "    rs = []\n"
        "    for p in ('/m', '/n'):\n        rs.append(make(f'{base}{p}'))\n"
        "    return rs\n\n\n"
        "def create_app() -> FastAPI:\n"
        "    app = FastAPI()\n"
        "    for r in get_routers(base='/api'):\n        app.include_router(r)\n"
        "    return app\n\n\n"
        "app = create_app()\n"
    )
    expected = {("GET", "/api/m/z", "main.page"), ("GET", "/api/n/z", "main.page")}
    _served_as_at_runtime(tmp_path, "main:app", expected)


@pytest.mark.slow
def test_a_prefix_made_of_the_modules_own_file_or_name(tmp_path: Path) -> None:
    """``APIRouter(prefix=f"/{Path(__file__).stem}")`` and ``__name__.split(".")[-1]`` in
    each routes module: that module's name (placeholders before, ``<?Path(__file__).stem>``)."""
    (tmp_path / "routes").mkdir()
    (tmp_path / "routes" / "__init__.py").write_text("")
    (tmp_path / "routes" / "users.py").write_text(
        "from pathlib import Path\n\nfrom fastapi import APIRouter\n\n"
        "router = APIRouter(prefix=f'/{Path(__file__).stem}')\n\n\n"
        "@router.get('')\ndef list_users(): ...\n"
    )
    (tmp_path / "routes" / "items.py").write_text(
        "from fastapi import APIRouter\n\n"
        "router = APIRouter(prefix=f\"/{__name__.split('.')[-1]}\")\n\n\n"
        "@router.get('')\ndef list_items(): ...\n"
    )
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\n\nfrom routes import items, users\n\n"
        "app = FastAPI()\nfor module in (users, items):\n    app.include_router(module.router)\n"
    )
    expected = {
        ("GET", "/users", "routes.users.list_users"),
        ("GET", "/items", "routes.items.list_items"),
    }
    _served_as_at_runtime(tmp_path, "main:app", expected)


@pytest.mark.slow
def test_a_package_walk_over_str_of_a_folder_bound_to_a_name(tmp_path: Path) -> None:
    """``package_dir = Path(__file__).parent`` then ``pkgutil.iter_modules([str(package_dir)])``
    in a routers package: each sibling's router (``str()`` was unwrapped only after the name
    was followed, so the loop was a CI202; h7 and h8 met it in several loaders)."""
    (tmp_path / "routers").mkdir()
    (tmp_path / "routers" / "__init__.py").write_text(
        "import importlib\nimport pkgutil\nfrom pathlib import Path\n\n"
        "from fastapi import APIRouter\n\n"
        "api_router = APIRouter(prefix='/api')\npackage_dir = Path(__file__).parent\n"
        "for _, name, _ in pkgutil.iter_modules([str(package_dir)]):\n"
        "    module = importlib.import_module(f'{__name__}.{name}')\n"
        "    api_router.include_router(module.router)\n"
    )
    for name in ("users", "items"):
        (tmp_path / "routers" / f"{name}.py").write_text(
            f"from fastapi import APIRouter\n\nrouter = APIRouter(prefix='/{name}')\n\n\n"
            f"@router.get('')\ndef list_{name}(): ...\n"
        )
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\n\nfrom routers import api_router\n\n"
        "app = FastAPI()\napp.include_router(api_router)\n"
    )
    expected = {
        ("GET", "/api/users", "routers.users.list_users"),
        ("GET", "/api/items", "routers.items.list_items"),
    }
    _served_as_at_runtime(tmp_path, "main:app", expected)


@pytest.mark.slow
def test_an_app_built_alike_in_both_branches_of_a_conditional(tmp_path: Path) -> None:
    """``app = FastAPI(title="x") if DOCS else FastAPI(docs_url=None)``: whichever runs,
    routes go on an app built alike; the name was no app, and every include and route on it
    was dropped (h7: six Dutch ministry services write it). Routers whose branches differ
    in what routes read stay unknown."""
    (tmp_path / "main.py").write_text(
        "import os\n\nfrom fastapi import APIRouter, Depends, FastAPI\n\n\n"
        "def get_auth(): ...\n\n\nrouter = APIRouter()\n\n\n"
        "@router.post('/things')\ndef create_thing(): ...\n\n\n"
        "def create_app() -> FastAPI:\n"
        "    app = (\n"
        "        FastAPI(title='api', docs_url='/docs', root_path='/proxy')\n"
        "        if os.environ.get('SWAGGER')\n"
        "        else FastAPI(docs_url=None, redoc_url=None)\n"
        "    )\n"
        "    app.include_router(router, dependencies=[Depends(get_auth)])\n"
        "    return app\n\n\n"
        "app = create_app()\n"
    )
    _served_as_at_runtime(tmp_path, "main:app", {("POST", "/things", "main.create_thing")})
    _chains_as_at_runtime(tmp_path, {"POST /things": ["main.get_auth"]})


@pytest.mark.slow
def test_an_app_subclasss_add_api_route_override_sees_only_direct_calls(tmp_path: Path) -> None:
    """``class MyApp(FastAPI)`` overriding ``add_api_route``: ``app.add_api_route(...)`` goes
    through it, but ``@app.get`` goes to ``self.router``, past it (review c55)."""
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\n\n\n"
        "class MyApp(FastAPI):\n"
        "    def add_api_route(self, path, endpoint, **kwargs):\n"
        "        super().add_api_route('/over' + path, endpoint, **kwargs)\n\n\n"
        "app = MyApp()\n\n\n@app.get('/deco')\ndef deco(): ...\n\n\n"
        "def page(): ...\n\n\napp.add_api_route('/direct', page)\n"
    )
    expected = {("GET", "/deco", "main.deco"), ("GET", "/over/direct", "main.page")}
    _served_as_at_runtime(tmp_path, "main:app", expected)


@pytest.mark.parametrize(
    "source",
    [
        # ``**opts`` may hold the parameter: its default is not what runs (review c98)
        "def make(prefix=None):\n    if prefix is None:\n        prefix = '/def'\n"
        "    r = APIRouter(prefix=prefix)\n    r.add_api_route('/k', page)\n    return r\n\n\n"
        "opts = {'prefix': '/kw'}\napp = FastAPI()\napp.include_router(make(**opts))\n",
        # a field the constructor does not take, set anew in ``__post_init__`` (review c63)
        "from dataclasses import InitVar, dataclass, field\n\n\n@dataclass\nclass Ctl:\n"
        "    base: InitVar[str] = '/iv'\n"
        "    prefix: str = field(init=False, default='/unused')\n\n"
        "    def __post_init__(self, base):\n        self.prefix = base + '/x'\n"
        "        self.router = APIRouter(prefix=self.prefix)\n"
        "        self.router.add_api_route('/k', page)\n\n\n"
        "app = FastAPI()\napp.include_router(Ctl('/given').router)\n",
    ],
)
def test_a_value_the_construction_may_change_is_not_read_as_its_default(
    tmp_path: Path, source: str
) -> None:
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n\ndef page(): ...\n\n\n" + source
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    paths = {r.path for r in graph.routes() if r.app == "main.app"}
    assert paths and all("<?" in p for p in paths), paths
    assert any(d.code == "CI201" for d in graph.diagnostics)


_TWO_ROUTERS = (
    "from fastapi import APIRouter\n\n"
    "r1 = APIRouter(prefix='/one')\nr2 = APIRouter(prefix='/two')\n\n"
    "@r1.get('/a')\ndef a() -> None: ...\n\n@r2.get('/b')\ndef b() -> None: ...\n"
)
_REVIEW_CASES = {
    "after_def": (
        "from fastapi import Depends, FastAPI\n\n"
        "def a() -> str:\n    return 'a'\n\ndef b() -> str:\n    return 'b'\n\n"
        "app = FastAPI()\ndep = Depends(a)\n\n@app.get('/x')\ndef x(u=dep): ...\n\n"
        "dep = Depends(b)\n"
    ),
    "global_write": (
        "from fastapi import Depends, FastAPI\n\n"
        "def a() -> str:\n    return 'a'\n\ndef b() -> str:\n    return 'b'\n\n"
        "app = FastAPI()\ndep = Depends(a)\n\n"
        "def setup() -> None:\n    global dep\n    dep = Depends(b)\n\n"
        "@app.get('/x')\ndef x(u=dep): ...\n"
    ),
    "filled_after": (
        "from fastapi import FastAPI\n\nfrom routers import r1, r2\n\nROUTERS = []\n\n"
        "def discover() -> None:\n    for r in (r1, r2):\n        ROUTERS.append(r)\n\n"
        "app = FastAPI()\nfor r in ROUTERS:\n    app.include_router(r)\ndiscover()\n"
    ),
    "plain_enum": (
        "from enum import Enum\n\nfrom fastapi import FastAPI\n\nfrom routers import r1\n\n"
        "class V(Enum):\n    V1 = 'v1'\n\n"
        "app = FastAPI()\nfor v in V:\n    app.include_router(r1, prefix=f'/{v}')\n"
    ),
    "grown_after": (
        "from fastapi import FastAPI\n\nfrom routers import r1, r2\n\n"
        "class Routes:\n    def __init__(self, routers):\n        self.routers = routers\n\n"
        "    def register(self, app):\n        for r in self.routers:\n"
        "            app.include_router(r)\n\n"
        "app = FastAPI()\nroutes = Routes(routers=[r1])\nroutes.routers.append(r2)\n"
        "routes.register(app)\n"
    ),
    "unpacked_again": (
        "from fastapi import FastAPI\n\nfrom routers import r1, r2\n\napp = FastAPI()\n"
        "for item in [(r1, '/x')]:\n    router, prefix = item\n"
        "    router, prefix = r2, '/z'\n    app.include_router(router, prefix=prefix)\n"
    ),
}


@pytest.mark.parametrize("case", sorted(_REVIEW_CASES))
def test_readings_of_this_review_never_state_what_runs_otherwise(tmp_path: Path, case: str) -> None:
    """The review's cases against this session's readings (each checked with FastAPI): a
    default bound again after its ``def`` or by a ``global`` write in a function is the
    first; a list filled after the loop reading it adds nothing there; a plain enum's
    member formatted in an f-string, an instance's list grown after its construction, and
    a loop item unpacked then bound again are not stated as what they are not."""
    (tmp_path / "routers.py").write_text(_TWO_ROUTERS)
    (tmp_path / "main.py").write_text(_REVIEW_CASES[case])
    routes = [r for r in codeintel.analyze(tmp_path, cache=False).routes() if r.app]
    if case in ("after_def", "global_write"):
        assert [r.all_dependencies for r in routes] == [("main.a",)]
    elif case == "plain_enum":
        assert [r.resolved for r in routes] == [False]
    else:  # what FastAPI serves, or nothing stated: never another list
        stated = sorted(r.path for r in routes if r.resolved)
        assert stated in ([], _SERVED_IN_REVIEW[case])


#: What FastAPI served for the review's cases with routers.
_SERVED_IN_REVIEW = {
    "filled_after": [],
    "grown_after": ["/one/a", "/two/b"],
    "unpacked_again": ["/z/two/b"],
}


@pytest.mark.slow
def test_a_router_a_base_s_init_builds_takes_each_subclass_s_prefix_and_dependencies(
    tmp_path: Path,
) -> None:
    """``self.router = APIRouter(prefix=f"/{prefix}" if prefix else "", dependencies=
    self._deps)`` in a base's ``__init__``, ``self._deps = dependencies or []``, the routes
    declared in the ``configure`` each subclass overrides, which the base's ``__init__``
    calls; each subclass passes its own to ``super().__init__`` (one through a class that
    grows the list under ``if extra:``), and the routers are reached as
    ``Health().get_router()``. We left both prefixes unknown (norake's 56 routes)."""
    (tmp_path / "base.py").write_text(
        "from fastapi import APIRouter, Depends\n\n"
        "def auth(): ...\n\n"
        "class BaseRouter:\n"
        "    def __init__(self, prefix='', dependencies=None):\n"
        "        self._deps = dependencies or []\n"
        "        self.router = APIRouter(\n"
        "            prefix=f'/{prefix}' if prefix else '', dependencies=self._deps\n"
        "        )\n"
        "        self.configure()\n\n"
        "    def configure(self): ...\n\n"
        "    def get_router(self):\n"
        "        return self.router\n\n"
        "class Health(BaseRouter):\n"
        "    def __init__(self):\n"
        "        super().__init__(prefix='health')\n\n"
        "    def configure(self):\n"
        "        @self.router.get('/live')\n"
        "        def live(): ...\n\n"
        "class Protected(BaseRouter):\n"
        "    def __init__(self, prefix, extra=None):\n"
        "        dependencies = [Depends(auth)]\n"
        "        if extra:\n"
        "            dependencies.extend(extra)\n"
        "        super().__init__(prefix=prefix, dependencies=dependencies)\n\n"
        "class Users(Protected):\n"
        "    def __init__(self):\n"
        "        super().__init__(prefix='users')\n\n"
        "    def configure(self):\n"
        "        @self.router.get('/me')\n"
        "        def me(): ...\n"
    )
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\n\n"
        "from base import BaseRouter, Health, Users\n\n"
        "class V1(BaseRouter):\n"
        "    def configure(self):\n"
        "        self.router.include_router(Health().get_router())\n"
        "        self.router.include_router(Users().get_router())\n\n"
        "app = FastAPI()\n"
        "app.include_router(V1(prefix='api').get_router())\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    static = {
        f"{r.method} {r.path}": list(r.all_dependencies)
        for r in graph.routes()
        if r.app == "main.app"
    }
    assert static == {"GET /api/health/live": [], "GET /api/users/me": ["base.auth"]}
    assert oracle("runtime_dependencies.py", tmp_path, "--routes", "main:app") == static


@pytest.mark.slow
def test_an_endpoint_s_default_a_route_generator_is_given_is_its_dependency(
    tmp_path: Path,
) -> None:
    """``def items(db=db_dependency)`` and ``Annotated[str, user_dependency]`` in a route
    generator called with ``Depends(get_db)`` (or leaving its default): the dependency the
    call gives. We read the parameter's name, no ``Depends``, and gave no chain at all."""
    (tmp_path / "main.py").write_text(
        "from typing import Annotated\n\n"
        "from fastapi import APIRouter, Depends, FastAPI\n\n"
        "def get_db(): ...\n\n"
        "def get_user(): ...\n\n"
        "def generate_router(db_dependency, user_dependency=Depends(get_user)):\n"
        "    router = APIRouter()\n\n"
        "    @router.get('/items')\n"
        "    def items(db=db_dependency): ...\n\n"
        "    @router.get('/users')\n"
        "    def users(user: Annotated[str, user_dependency], db=db_dependency): ...\n\n"
        "    return router\n\n"
        "app = FastAPI()\n"
        "app.include_router(generate_router(Depends(get_db)), prefix='/a')\n"
    )
    static = {
        f"{r.method} {r.path}": list(r.all_dependencies)
        for r in codeintel.analyze(tmp_path, cache=False).routes()
    }
    assert static == {
        "GET /a/items": ["main.get_db"],
        "GET /a/users": ["main.get_user", "main.get_db"],
    }
    assert oracle("runtime_dependencies.py", tmp_path, "--routes", "main:app") == static


@pytest.mark.slow
def test_a_router_class_s_own_verb_methods_declare_their_routes(tmp_path: Path) -> None:
    """``@router.api_get("/")`` with ``api_get`` a method of the router's class returning
    ``self.get(path, ...)``, or a decorator applying ``self.put(...)`` to the function, to a
    ``wraps`` wrapper of it made in place, or to one defined beside it: the verb's route on
    ``router``. One that declares its route otherwise is a CI202. We found none of them, and
    said nothing (pileax's ``ApiRouter``: 13 of its routes found)."""
    (tmp_path / "main.py").write_text(
        "import functools\n\n"
        "from fastapi import APIRouter, FastAPI\n\n"
        "def wrapped(model):\n"
        "    def decorator(func):\n"
        "        @functools.wraps(func)\n"
        "        async def wrapper(*args, **kwargs):\n"
        "            return await func(*args, **kwargs)\n\n"
        "        return wrapper\n\n"
        "    return decorator\n\n"
        "class ApiRouter(APIRouter):\n"
        "    def api_get(self, path, **kwargs):\n"
        "        return self.get(path, response_model_exclude_none=True, **kwargs)\n\n"
        "    def api_put(self, path, model, **kwargs):\n"
        "        def decorator(func):\n"
        "            return self.put(path, **kwargs)(wrapped(model)(func))\n\n"
        "        return decorator\n\n"
        "    def api_post(self, path, **kwargs):\n"
        "        def decorator(func):\n"
        "            @functools.wraps(func)\n"
        "            async def wrapper(*args, **inner):\n"
        "                return await func(*args, **inner)\n\n"
        "            return self.post(path, **kwargs)(wrapper)\n\n"
        "        return decorator\n\n"
        "    def api_delete(self, path):\n"
        "        def decorator(func):\n"
        "            self.add_api_route(path, func, methods=['DELETE'])\n"
        "            return func\n\n"
        "        return decorator\n\n"
        "router = ApiRouter(prefix='/items')\n\n"
        "@router.api_get('/')\nasync def listed(): ...\n\n"
        "@router.api_put('/{item_id}', dict)\nasync def put(item_id: int): ...\n\n"
        "@router.api_post('/', status_code=201)\nasync def post(): ...\n\n"
        "@router.api_delete('/{item_id}')\nasync def delete(item_id: int): ...\n\n"
        "app = FastAPI()\n"
        "app.include_router(router)\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    static = {(r.method, r.path, r.endpoint) for r in graph.routes()}
    assert static == {
        ("GET", "/items/", "main.listed"),
        ("PUT", "/items/{item_id}", "main.put"),
        ("POST", "/items/", "main.post"),
    }
    assert static | {("DELETE", "/items/{item_id}", "main.delete")} == runtime_routes(
        tmp_path, "main:app"
    )
    assert [(d.code, d.line) for d in graph.diagnostics] == [("CI202", 53)]  # api_delete


_FACTORY_FLAG_LOCAL = """\
from fastapi import APIRouter, Depends, FastAPI


async def guard() -> None: ...


def create_router(prefix: str, *, public: bool = False) -> APIRouter:
    dependencies = [] if public else [Depends(guard)]
    return APIRouter(prefix=prefix, dependencies=dependencies)


def create_policy_router(prefix: str, *, public: bool = False) -> APIRouter:
    policy = Policy(public)
    dependencies = [] if policy.public else [Depends(guard)]
    return APIRouter(prefix=prefix, dependencies=dependencies)


class Policy:
    def __init__(self, public: bool) -> None:
        self.public = public


open_router = create_router("/open", public=True)
closed_router = create_router("/closed")
policy_router = create_policy_router("/policy", public=True)


@open_router.get("/a")
async def a() -> None: ...


@closed_router.get("/b")
async def b() -> None: ...


@policy_router.get("/c")
async def c() -> None: ...


app = FastAPI()
app.include_router(open_router)
app.include_router(closed_router)
app.include_router(policy_router)
"""


def _chains(project: Path) -> dict[str, tuple[str, ...]]:
    routes = codeintel.analyze(project, cache=False).routes()
    return {f"{r.method} {r.path}": r.all_dependencies for r in routes}


def test_a_factory_local_choosing_dependencies_by_a_flag_is_read_per_call(
    tmp_path: Path,
) -> None:
    """fastapi-foundation's ``create_router(prefix, public=True)``: ``dependencies = [] if
    public else [Depends(...)]`` bound to a local, then ``APIRouter(dependencies=
    dependencies)`` returned. Each call's flag picks its branch, as if the conditional were
    written in the call (both were placeholders, with a CI204 each). A test on an object
    the factory builds (``policy.public``) is no argument: still a placeholder."""
    (tmp_path / "main.py").write_text(_FACTORY_FLAG_LOCAL)
    chains = _chains(tmp_path)
    assert chains["GET /open/a"] == ()
    assert chains["GET /closed/b"] == ("main.guard",)
    assert chains["GET /policy/c"] == ("<?[] if policy.public else [Depends(guard)]>",)


@pytest.mark.slow
def test_a_factory_local_choosing_dependencies_is_what_fastapi_solves(tmp_path: Path) -> None:
    """The chains read per call are FastAPI's own for those routes."""
    (tmp_path / "main.py").write_text(_FACTORY_FLAG_LOCAL)
    chains = {k: list(v) for k, v in _chains(tmp_path).items() if not k.startswith("GET /policy")}
    runtime = oracle("runtime_dependencies.py", tmp_path, "--routes", "main:app")
    assert {k: v for k, v in runtime.items() if not k.startswith("GET /policy")} == chains


_RUN_TIME_LISTS = """\
import os

from fastapi import APIRouter, Depends, FastAPI
from pydantic_settings import BaseSettings


def app_guard() -> None:
    pass


def auth() -> None:
    pass


def a() -> None:
    pass


def b() -> None:
    pass


class Settings(BaseSettings):
    AUTH_ENABLED: bool = False


settings = Settings()
router = APIRouter(dependencies=[Depends(auth)] if settings.AUTH_ENABLED else [])


@router.get("/r")
def r() -> None:
    pass


@router.get("/d", dependencies=[Depends(a)] if os.getenv("X") else [Depends(b)])
def d() -> None:
    pass


app = FastAPI(dependencies=[Depends(app_guard)] if os.getenv("X") else [])
app.include_router(router)
"""

_APP_PICKED = '<?[Depends(app_guard)] if os.getenv("X") else []>'
_ROUTER_PICKED = "<?[Depends(auth)] if settings.AUTH_ENABLED else []>"
_ROUTE_PICKED = '<?[Depends(a)] if os.getenv("X") else [Depends(b)]>'


def test_a_dependency_list_a_run_time_test_picks_is_a_placeholder(tmp_path: Path) -> None:
    """``FastAPI(dependencies=[Depends(g)] if os.getenv("X") else [])`` and a router's
    ``... if settings.AUTH_ENABLED else []``: no call of a factory decides the test, so which
    list FastAPI solves is known only at run time. Kept as written with a CI204, as a route's
    or an include's own conditional list is (the app's and the router's were both branches'
    providers at once, with no diagnostic)."""
    (tmp_path / "main.py").write_text(_RUN_TIME_LISTS)
    graph = codeintel.analyze(tmp_path, cache=False)
    chains = {f"{r.method} {r.path}": r.all_dependencies for r in graph.routes()}
    assert chains == {
        "GET /r": (_APP_PICKED, _ROUTER_PICKED),
        "GET /d": (_APP_PICKED, _ROUTER_PICKED, _ROUTE_PICKED),
    }
    assert sorted((d.code, d.line) for d in graph.diagnostics) == [
        ("CI204", 31),  # ``r``: the app's and the router's
        ("CI204", 31),
        ("CI204", 36),  # ``d``: its own too
        ("CI204", 36),
        ("CI204", 36),
    ]


@pytest.mark.slow
def test_a_dependency_list_a_run_time_test_picks_is_one_branch_per_run(tmp_path: Path) -> None:
    """FastAPI solves one branch per run, by the environment: with ``X`` and
    ``AUTH_ENABLED`` unset and set the chains differ, and neither holds both branches'
    providers; each placeholder stands for one choice the run makes."""
    (tmp_path / "main.py").write_text(_RUN_TIME_LISTS)
    off = {"X": "", "AUTH_ENABLED": "false"}
    unset = oracle("runtime_dependencies.py", tmp_path, "--routes", "main:app", env=off)
    set_ = oracle(
        "runtime_dependencies.py",
        tmp_path,
        "--routes",
        "main:app",
        env={"X": "1", "AUTH_ENABLED": "true"},
    )
    assert unset == {"GET /r": [], "GET /d": ["main.b"]}
    assert set_ == {
        "GET /r": ["main.app_guard", "main.auth"],
        "GET /d": ["main.app_guard", "main.auth", "main.a"],
    }
    chains = _chains(tmp_path)
    assert chains["GET /r"] == (_APP_PICKED, _ROUTER_PICKED)
    assert chains["GET /d"] == (_APP_PICKED, _ROUTER_PICKED, _ROUTE_PICKED)


_APP_FACTORY_BOTH_FLAGS = """\
from fastapi import Depends, FastAPI


def auth() -> None:
    pass


def create(secure: bool) -> FastAPI:
    app = FastAPI(dependencies=[Depends(auth)] if secure else [])

    @app.get("/c")
    def c() -> None:
        pass

    return app


app = create(True)
open_app = create(False)
"""


def _app_chains(project: Path) -> dict[str, dict[str, tuple[str, ...]]]:
    found: dict[str, dict[str, tuple[str, ...]]] = {}
    for r in codeintel.analyze(project, cache=False).routes():
        found.setdefault(r.app or "", {})[f"{r.method} {r.path}"] = r.all_dependencies
    return found


def test_an_app_factory_called_with_each_flag_gives_each_app_its_list(tmp_path: Path) -> None:
    """``app = create(True)`` and ``open_app = create(False)`` of a factory building
    ``FastAPI(dependencies=[Depends(auth)] if secure else [])``: each caller's copy of the
    app has the list its call's flag picks (both had both branches' providers)."""
    (tmp_path / "main.py").write_text(_APP_FACTORY_BOTH_FLAGS)
    assert _app_chains(tmp_path) == {
        "main.app": {"GET /c": ("main.auth",)},
        "main.open_app": {"GET /c": ()},
    }


@pytest.mark.slow
def test_an_app_factory_called_with_each_flag_is_what_fastapi_solves(tmp_path: Path) -> None:
    """Each app's chain is FastAPI's own for it."""
    (tmp_path / "main.py").write_text(_APP_FACTORY_BOTH_FLAGS)
    static = {
        app: {k: list(v) for k, v in chains.items()}
        for app, chains in _app_chains(tmp_path).items()
    }
    runtime = {
        f"main.{name}": oracle("runtime_dependencies.py", tmp_path, "--routes", f"main:{name}")
        for name in ("app", "open_app")
    }
    assert runtime == static


def test_an_app_built_through_toolz_pipe_serves_what_each_piped_function_adds(
    tmp_path: Path,
) -> None:
    """``app = pipe(title, create_instance, register_routers)`` (toolz; python-fastapi-hex-todo)
    calls each function on what the one before returned: the app ``create_instance`` makes
    is the one ``register_routers`` includes a router in. FastAPI serves ``GET /api/items``
    with the router's guard on both apps (checked against FastAPI 0.165 and toolz 1.2);
    before, neither app was found and the route reached none."""
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "__init__.py").write_text("")
    (tmp_path / "app" / "routers.py").write_text(
        "from fastapi import APIRouter, Depends, FastAPI\n\n\n"
        "def guard() -> None:\n    return None\n\n\n"
        "router = APIRouter(dependencies=[Depends(guard)])\n\n\n"
        '@router.get("/items")\ndef items() -> list[int]:\n    return []\n\n\n'
        "def register_routers(app: FastAPI) -> FastAPI:\n"
        '    app.include_router(router, prefix="/api")\n    return app\n'
    )
    (tmp_path / "app" / "main.py").write_text(
        "import toolz\nfrom fastapi import FastAPI\nfrom toolz import pipe\n\n"
        "from app.routers import register_routers\n\n\n"
        "def create_instance(title: str) -> FastAPI:\n    return FastAPI(title=title)\n\n\n"
        "def init_app(title: str) -> FastAPI:\n"
        "    app: FastAPI = pipe(title, create_instance, register_routers)\n    return app\n\n\n"
        'web_app = init_app("t")\n'
        'other_app = toolz.pipe("o", create_instance, register_routers)\n'
    )
    chain = {"GET /api/items": ("app.routers.guard",)}
    assert _app_chains(tmp_path) == {"app.main.web_app": chain, "app.main.other_app": chain}


_RESTFUL_ROUTED_BY_NAME = """\
from fastapi import APIRouter, Depends, FastAPI
from fastapi_restful import Api, Resource
from fastapi_restful.cbv import cbv


def get_db() -> str:
    return "db"


def guard() -> None:
    return None


router = APIRouter(prefix="/items")


@cbv(router, "/", "/all")
class ItemsView:
    db: str = Depends(get_db)

    def get(self) -> list[int]:
        return []

    def post(self, g: None = Depends(guard)) -> None:
        return None

    @router.get("/{item_id}")
    def one(self, item_id: int) -> int:
        return item_id


class Users(Resource):
    def __init__(self, greeting: str) -> None:
        self.greeting = greeting

    def get(self) -> str:
        return self.greeting

    def delete(self, g: None = Depends(guard)) -> None:
        return None


app = FastAPI()
app.include_router(router)
api = Api(app)
api.add_resource(Users("hi"), "/users", "/people")
"""


def test_fastapi_restful_routes_a_views_methods_by_their_verb_names(tmp_path: Path) -> None:
    """fastapi-restful's ``@cbv(router, "/", "/all")`` and ``Api(app).add_resource(Users(),
    "/users", "/people")`` make each method named for a verb that verb's route at each url,
    ``self`` first (``Depends(cls)``; an instance given asks for nothing more). Before, only
    the decorated ``one`` was a route, and the eight others were missing without a word."""
    (tmp_path / "main.py").write_text(_RESTFUL_ROUTED_BY_NAME)
    view, users = ("main.get_db", "main.ItemsView"), ("main.Users",)
    assert _app_chains(tmp_path) == {
        "main.app": {
            "GET /items/": view,
            "GET /items/all": view,
            "POST /items/": (*view, "main.guard"),
            "POST /items/all": (*view, "main.guard"),
            "GET /items/{item_id}": view,
            "GET /users": users,
            "GET /people": users,
            "DELETE /users": (*users, "main.guard"),
            "DELETE /people": (*users, "main.guard"),
        }
    }
    endpoints = {(r.method, r.path): r.endpoint for r in codeintel.analyze(tmp_path).routes()}
    assert endpoints[("GET", "/items/all")] == "main.ItemsView.get"
    assert endpoints[("DELETE", "/people")] == "main.Users.delete"


@pytest.mark.slow
def test_fastapi_restful_views_routed_by_name_are_what_fastapi_serves(tmp_path: Path) -> None:
    (tmp_path / "main.py").write_text(_RESTFUL_ROUTED_BY_NAME)
    assert _operations(tmp_path, "main.app") == runtime_routes(tmp_path, "main:app")
    static = {k: list(v) for k, v in _app_chains(tmp_path)["main.app"].items()}
    assert static == oracle("runtime_dependencies.py", tmp_path, "--routes", "main:app")


def test_add_resource_with_include_options_says_they_are_not_read(tmp_path: Path) -> None:
    """``add_resource(..., prefix="/v1")`` passes its options to ``include_router``; they
    are not read, so the routes come with a CI202 rather than a path silently short."""
    source = _RESTFUL_ROUTED_BY_NAME.replace('"/people")', '"/people", prefix="/v1")')
    (tmp_path / "main.py").write_text(source)
    graph = codeintel.analyze(tmp_path, cache=False)
    [diagnostic] = [d for d in graph.diagnostics if d.code == "CI202"]
    assert "include options" in diagnostic.message
    assert diagnostic.line == len(source.splitlines())


_RESOURCES_ADDED_BY_A_HELPER = """\
from fastapi import Depends, FastAPI
from fastapi_restful import Api, Resource


def guard() -> None:
    return None


class Users(Resource):
    def get(self) -> str:
        return "u"


class Items(Resource):
    def post(self, g: None = Depends(guard)) -> None:
        return None

    def delete(self) -> None:
        return None


class API:
    def __init__(self, app: FastAPI) -> None:
        self.api = Api(app)
        base = "/api"
        self.register_router(Users, f"{base}/users")
        self.register_router(Items, f"{base}/items/{{item_id}}")

    def register_router(self, resource: type[Resource], route: str = "") -> None:
        self.api.add_resource(resource(), route)


def make_app() -> FastAPI:
    app = FastAPI()
    API(app)
    return app


app = make_app()
"""


def test_resources_a_helper_adds_are_routed_per_call(tmp_path: Path) -> None:
    """``self.api.add_resource(resource(), route)`` in a method each call hands a class and
    a url (soft-engg-project's 60 resources: 3 routes of 157 were found): each call's class,
    at its url."""
    (tmp_path / "main.py").write_text(_RESOURCES_ADDED_BY_A_HELPER)
    assert _app_chains(tmp_path) == {
        "main.app": {
            "GET /api/users": ("main.Users",),
            "POST /api/items/{item_id}": ("main.Items", "main.guard"),
            "DELETE /api/items/{item_id}": ("main.Items",),
        }
    }


@pytest.mark.slow
def test_resources_a_helper_adds_are_what_fastapi_serves(tmp_path: Path) -> None:
    (tmp_path / "main.py").write_text(_RESOURCES_ADDED_BY_A_HELPER)
    assert _operations(tmp_path, "main.app") == runtime_routes(tmp_path, "main:app")
    static = {k: list(v) for k, v in _app_chains(tmp_path)["main.app"].items()}
    assert static == oracle("runtime_dependencies.py", tmp_path, "--routes", "main:app")
