"""FastAPI routes: apps and routers, include/mount chains, full paths, and Depends providers."""

from __future__ import annotations

import ast
import functools
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cached_property

from codeintel.diagnostics import Diagnostic
from codeintel.facts.ids import id_kind
from codeintel.facts.models import (
    AssignFact,
    CallFact,
    Guard,
    ImportFact,
    ModuleFacts,
    Param,
    RefFact,
    SymbolFact,
    Value,
)
from codeintel.facts.routes import Route
from codeintel.frameworks.depends import (
    closure_arguments,
    dependency_tree,
    list_appends,
    list_providers,
    module_alias,
    param_providers,
    provider_of,
    served_name,
    solve_order,
    view_class,
)
from codeintel.frameworks.versioning import Rebinding, option, versioned, versioning_function
from codeintel.frameworks.versionizer import Versionizing, versionized
from codeintel.pipeline.layout import is_test_path
from codeintel.resolve.evaluate import (
    MUTATORS,
    Evaluator,
    Text,
    argument,
    calls_within,
    chosen,
    container_root,
    picked_branch,
    rebased,
    refs_within,
    spread_may_give,
    with_parts,
)
from codeintel.resolve.framework_names import (
    ADD_PAGINATION,
    ANNOTATED,
    APP_CLASSES,
    BODY,
    CLASS_BASED_VIEWS,
    CLASS_VIEW_ENDPOINTS,
    CLASS_VIEWS,
    CRUD_PAGINATION,
    CRUD_PARAMETERS,
    CRUD_ROUTERS,
    CRUD_ROUTES,
    HEALTH,
    HEALTH_ENDPOINT,
    INSTRUMENTATORS,
    LIBRARY_ROUTER_FUNCTIONS,
    LIBRARY_ROUTERS,
    METRICS_ENDPOINT,
    MODEL_ROOTS,
    OFFLINE_APPS,
    OFFLINE_ENDPOINTS,
    OFFLINE_PAGES,
    PAGE_CONTEXT,
    ROUTABLES,
    ROUTE_CLASSES,
    ROUTE_MARKS,
    ROUTER_CLASSES,
    SELF_ROUTED,
    VERSIONIZERS,
    CrudRouter,
)
from codeintel.resolve.resolver import Resolver
from codeintel.resolve.truth import evaluated, holds
from codeintel.resolve.walks import (
    builtin_import,
    folder_listing,
    imported_module,
    missing_module,
    package_walk,
    with_dunders,
)

#: prometheus-fastapi-instrumentator's methods that return the instrumentator itself
_CHAINED = frozenset({"instrument", "add"})
_VERBS = {
    "get": ("GET",),
    "post": ("POST",),
    "put": ("PUT",),
    "patch": ("PATCH",),
    "delete": ("DELETE",),
    "options": ("OPTIONS",),
    "head": ("HEAD",),
    "trace": ("TRACE",),
    "websocket": ("WEBSOCKET",),
    "api_route": ("GET",),  # FastAPI's default when methods= is not given
}
_VERSIONED = "generate_and_include_versioned_routers"  # Cadwyn's (airflow's execution API)
#: ``host`` (Starlette's ``app.host("api.example.com", router)``) serves the child's routes at
#: their own paths, for requests to that host.
_INCLUDES = frozenset({"include_router", "mount", "host", _VERSIONED})
#: Edges whose routes are served as declared: a mounted app's never get the parent's
#: ``dependencies=`` or tags, as an included router's do.
_INCLUDED_AS_DECLARED = frozenset({"mount", "host"})
_MOUNTS = frozenset({"mount", "host"})
_MOUNT_CLASSES = frozenset({"starlette.routing.Mount", "fastapi.routing.Mount"})
#: The condition of what a router gets after it is included (see ``_include_order``).
_LAZY_INCLUDES = "fastapi >= 0.137"
_ADDERS = {"add_api_route": ("GET",), "add_api_websocket_route": ("WEBSOCKET",)}
_REGISTERING = frozenset({*_VERBS, *_INCLUDES, *_ADDERS, "routes"})
#: The methods a statement may declare, include or expose routes through (``add_resource``:
#: fastapi-restful's ``Api``).
_RECORDING = frozenset({*_VERBS, *_INCLUDES, *_ADDERS, "expose", "add_resource"})
_COPYING = (".routes.append", ".routes.extend")  # ``router.routes.extend(app.routes)``
_MAX_DEPTH = 32  # include chains deeper than this are cycles
_MAX_LOOP = 64  # loop items expanded per statement; longer literals are data
_MAX_SITES = 1024  # runs of a statement's nested loops; more are data too
_CALLABLES = frozenset({"function", "method", "class"})
#: What a list's methods do to its items: add some, or take some out (or all).
_ADDS = frozenset({"append", "insert", "extend"})
_TAKES_OUT = frozenset({"remove", "pop", "clear"})
_STORES = frozenset({"setitem", "delitem"})  # statements changing a container's items
#: What changes a dict's items after it is built.
#: Builtins whose result has the items of their one argument, perhaps reordered or fewer.
#: ``itertools.chain(*lists)`` and ``chain.from_iterable(lists)``.
_CHAINS = ("itertools.chain", "itertools.chain.from_iterable")
_SAME_ITEMS = frozenset({"list", "tuple", "set", "frozenset", "sorted", "reversed"})
#: What a router's options hold before they are set.
_NO_OPTION = {
    "prefix": Value("str", ""),
    "tags": Value("list", "[]"),
    "dependencies": Value("list", "[]"),
}
_NAMED_TUPLE = frozenset({"typing.NamedTuple", "typing_extensions.NamedTuple"})
_NAMED_TUPLE_CALLS = _NAMED_TUPLE | {"collections.namedtuple"}
_CHECKING = frozenset({"typing.TYPE_CHECKING", "typing_extensions.TYPE_CHECKING"})
#: Packages whose own source, when the project holds it, declares no app's routes.
_FRAMEWORKS = frozenset({"fastapi", "starlette"})

#: Values bound to names: a function's parameters at one call, or a loop's variable at one
#: item. Keys are the names' refs (``module.func.<locals>.param``, ``module.loop_var``).
Env = dict[str, Value]
#: In a walk's bindings: the class of the instance whose app or router is walked.
_SELF = "<self>"
_INSTANCE_TEST = re.compile(r"^(?P<negated>not \()?isinstance\(self, (?P<cls>[\w.]+)\)\)?$")


@dataclass
class _Object:
    key: str
    kind: str  # "app" | "router"
    file: str
    line: int
    call: Value  # the constructor call, for its prefix, tags and dependencies
    dependencies: list[str] = field(default_factory=list)
    tags: tuple[str, ...] = ()
    base: str | None = None  # a subclass's copy of a base class's ``self.router``: its key
    # the object a factory built, of which this is one caller's own (``app = base_app()`` in
    # two factories that each add routes: kedro-viz): its routes are this one's too
    made_by: str | None = None
    # the project class it is an instance of (``GatewayAPI(FastAPI)``): what that class's
    # ``__init__`` declares on ``self`` is declared on this one
    cls: str | None = None
    constructed: Value | None = None  # the call as written, when ``call`` reads its supers
    # a caller's copy: the factory's parameters as that caller's call binds them
    bound: Env = field(default_factory=dict)
    # ``prefix`` set on an app, or on a router once routes were added (``app.router.prefix =
    # "/api"``): what is added after it in that scope gets it, and what is added elsewhere
    # too when it is set where the object is built before any use (``everywhere``)
    later_prefixes: list[_LaterPrefix] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Site:
    """Where a statement runs: its loop bindings and the ``if`` tests around it."""

    module: str
    file: str
    line: int
    env: Env = field(default_factory=dict, compare=False)
    conditions: tuple[str, ...] = ()
    scope: str = ""  # the function it runs in, relative to the module

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True, slots=True)
class _LaterPrefix:
    site: _Site
    value: Value
    everywhere: bool


@dataclass(frozen=True, slots=True)
class _Declared:
    methods: tuple[str, ...]
    path: Value | None
    endpoint: str
    site: _Site
    options: Value | None  # the decorator or add_api_route call, for its keywords
    listed: bool = False  # in the constructor's ``routes=``
    # the decorated ``def`` itself: of two of one name (under ``if``/``else``), each route
    # has its own parameters, not those of the first
    symbol: SymbolFact | None = None
    asks: tuple[str, ...] = ()  # what a library's endpoint asks for (``SELF_ROUTED``)
    # the class a view's method asks for first (``self = Depends(cls)``), when the library
    # routes it by its name (fastapi-restful's ``cbv(router, "/x")``, ``add_resource``)
    view: str | None = None


@dataclass(frozen=True, slots=True)
class _Edge:
    method: str  # "include_router" | "mount" | "host" | "copy"
    child: Value | None
    call: Value
    site: _Site


@dataclass(frozen=True, slots=True)
class _Alias:
    """A call passes the object to ``param``: what is declared on the parameter is declared
    on the object, with the call's other arguments bound."""

    param: str
    env: Env = field(compare=False)
    conditions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Binding:
    """A name bound to a call's result (``key = call``, at ``where``; ``index`` of its
    subscript, ``app = make()[0]``), ``top`` when at module level."""

    key: str
    call: Value
    where: str
    index: int | None
    top: bool


@dataclass(frozen=True, slots=True)
class _Context:
    """What an include chain has gathered on the way down to an object."""

    app: str | None
    prefix: Text
    dependencies: tuple[str, ...]
    tags: tuple[str, ...]
    sites: tuple[str, ...]
    conditions: tuple[str, ...]
    # The same before the object's own prefix, dependencies and tags: FastAPI applies those
    # to what is declared on it, not to routes handed to its constructor.
    outer: _Context | None = None
    # the ``include_router`` that reached the object: it copies the routes the object has
    # then, not those its module declares on it later
    included_at: _Site | None = None
    # ``FastAPI(routes=router.routes)`` that reached it: a copy of the list it has then
    copied_at: _Site | None = None


def served_modules(resolver: Resolver) -> list[str]:
    """What the route stage reads: every module but the tests, and the tests the others import
    (transitively). Routes, their paths and their providers are what serving the app runs, and
    a test, which only pytest loads, changes none of it; so editing a test re-reads no route."""
    served = {m for m, f in resolver.modules.items() if not is_test_path(f.file)}
    todo = sorted(served)
    while todo:
        held = resolver.modules.get(todo.pop())
        found = _imported(held, resolver)[0] - served if held is not None else set()
        served |= found
        todo.extend(sorted(found))
    return sorted(m for m in served if m in resolver.modules)


def extract_routes(
    evaluator: Evaluator,
) -> tuple[list[Route], dict[str, tuple[str, ...]], list[Diagnostic]]:
    """Every route reachable from each app (and from routers no app includes), and every
    provider the routes reach -> the providers it asks for itself."""
    builder = _Builder(evaluator)
    builder.collect()
    return builder.routes(), builder.providers, sorted(builder.diagnostics)


def _bound_registrations(facts: ModuleFacts) -> list[CallFact]:
    """``instrumentator = Instrumentator().instrument(app).expose(app)`` (to ``.add``
    metrics later): the call declares its route though its result is kept, as a statement."""
    return [
        CallFact(a.scope, a.value, a.line, guards=a.guards)
        for a in facts.assigns
        if a.value is not None and a.value.kind == "call" and a.value.func is not None
        if (a.value.func.ref or a.value.func.text).endswith(".expose")
    ]


class _Builder:
    def __init__(self, evaluator: Evaluator) -> None:
        self.ev = evaluator
        self.resolver = evaluator.resolver
        self.objects: dict[str, _Object] = {}
        # Declarations and includes, by the object or the parameter (``module.f.<locals>.p``)
        # the code names as their owner.
        self.declared: dict[str, list[_Declared]] = defaultdict(list)
        self.edges: dict[str, list[_Edge]] = defaultdict(list)
        self.aliases: dict[str, list[_Alias]] = defaultdict(list)
        self.sites: dict[str, list[tuple[Value, _Site]]] = defaultdict(list)  # calls of a function
        self.children: set[str] = set()
        self._returned_in_place: set[str] = set()  # objects built in a ``return`` itself
        self._served_by: dict[str, str] = {}  # such an object -> the global its call binds
        self.imported: set[str] = set()  # modules some project module imports
        self._imports: dict[str, set[str]] = {}  # code module -> project modules it imports
        self._by_name: set[str] = set()  # modules the code imports by name (``import_module``)
        self._loaded: frozenset[str] | None = None  # see _loaded_modules
        self._collected_imports = False  # every import by name is known
        self.diagnostics: set[Diagnostic] = set()
        self.providers: dict[str, tuple[str, ...]] = {}  # provider -> the providers it asks for
        self._class_methods: dict[str, list[tuple[str, SymbolFact]]] = {}
        self._subclasses: dict[str, list[str]] | None = None  # project classes by base
        self._yielding: set[str] = set()  # generators being read (``_yielded``)
        self._comprehending: list[Value] = []  # comprehensions being read (``_tested_items``)
        self._calls_made: set[str] | None = None  # functions called by name (``_called_anywhere``)
        self._chains: dict[tuple[str, str], list[str]] = {}  # see ``_chain``
        self._file_modules = {facts.file: m for m, facts in self.resolver.modules.items()}
        self._method_names: set[str] | None = None
        self._twins: dict[str, frozenset[str]] = {}
        self._made_per_caller: set[str] = set()
        self._built_with: dict[str, Value] = {}  # see _built_here
        self._sole_callers: dict[str, Env] = {}  # see _bind_sole_callers
        self._versioned: list[Rebinding] = []  # apps fastapi-versioning remounts
        self._versionizing: list[tuple[Value, Value, str, int]] = []  # fastapi-versionizer's
        self._passing: set[str] = set()  # callers whose calls ``_passed_on`` is reading
        self._crud_objects: set[str] = set()  # fastapi-crudrouter's routers (``_crud_routed``)
        self._instance_envs: dict[str, Env] = {}  # see _instance_env
        self._collected = False  # every declaration and include is known
        self._handlers: dict[str, tuple[str, ...]] = {}  # see _per_request
        self._routing: dict[str, frozenset[str]] = {}  # see _routing_scopes
        self._words: frozenset[str] | None = None  # see _mentioned
        self._unused: dict[str, str | None] = {}  # see _never_run
        self._extended: dict[str, frozenset[str]] = {}  # see _subclassed
        self._tests_known: dict[tuple[str, str, str], bool | None] = {}  # _known_tests
        self._per_run: dict[str, frozenset[str]] = {}  # _built_per_run
        self._calling: set[tuple[str, str]] = set()  # factory calls being followed
        self._walking: list[str] = []  # the holders the walk is inside
        self._following: set[str] = set()  # names whose objects are being looked for
        self._init_methods: dict[str, set[str]] = {}  # a class -> methods its __init__ runs
        self._importing: dict[tuple[str, str], list[AssignFact]] = {}  # see _deriving_assigns
        self._read_names: dict[tuple[str, str, int], frozenset[str]] = {}  # see _reads
        self._held_alone: dict[tuple[str, str, int], Value | None] = {}  # see _module_locals
        # see _appended: a list's additions, read before a line of its own scope or in full
        self._appends: dict[
            tuple[str, int | None], tuple[list[tuple[Value, tuple[str, ...]]], bool] | None
        ] = {}
        self._scoped_calls: dict[str, dict[str, list[CallFact]]] = {}  # module -> scope -> calls
        self._calling_statements: dict[str, list[tuple[str, tuple[Guard, ...], int]]] = {}
        self._changed: frozenset[str] | None = None  # see _changed_names
        self._ways: dict[str, list[tuple[str, ...]] | None] = {}  # see _called_under
        self._name_uses: (
            tuple[dict[str, list[tuple[str, RefFact]]], dict[str, list[tuple[str, ImportFact]]]]
            | None
        ) = None  # see _uses

    # -- collecting -----------------------------------------------------------------------

    def collect(self) -> None:
        modules = self._app_modules()
        for module in sorted(self.resolver.modules):
            self._collect_objects(module)
        for module in sorted(self.resolver.modules):
            self._assigned_options(module)
        self._per_caller(modules)
        deferred: list[tuple[str, str, CallFact]] = []
        for module, facts in modules:
            with self._contained(facts.file, 1):
                deferred += self._collect_sites(module, facts)
        for module, file, call in deferred:  # their functions' own calls are known now
            for site in self._loop_sites(module, file, call.line, call.guards, call.scope)[0]:
                self._add_sites(call.value, site)
        self._bind_sole_callers()
        # what a registry's function adds is known in full only once every module's calls
        # are: lists read while they were being collected are read again
        self._appends.clear()
        self._dynamic_imports(modules)
        self._collected_imports = True
        for obj in self.objects.values():  # a factory's flag is known once its calls are
            given = obj.call.keyword("dependencies")
            if given is not None and given.kind == "ifexp":
                obj.dependencies = list_providers(self._picked(obj.key, given), self.ev)
        for module, facts in modules:
            for sym in (*facts.symbols, *facts.redefined):
                if sym.kind not in ("function", "method", "class"):
                    continue  # a class too: ``@router.websocket(path)`` on a WebSocketEndpoint
                if not self._per_request(module, sym.qualname.rpartition(".<locals>.")[0]):
                    with self._contained(facts.file, sym.start_line):
                        self._decorators(module, facts.file, sym)
            for call in (*facts.calls, *_bound_registrations(facts)):
                if call.role in ("call", "setattr") and not self._per_request(module, call.scope):
                    with self._contained(facts.file, call.line):
                        self._statements(module, facts.file, call)
        self._collect_aliases()
        self._collect_children()
        self._per_instance(modules)
        self._collected = True

    @contextmanager
    def _contained(self, file: str, line: int) -> Iterator[None]:
        """A bug meeting one statement's unforeseen shape costs what that statement adds
        (a CI901 there), not every route of the project (deepchecks lost 118 to one
        function's comprehension)."""
        try:
            yield
        except Exception as exc:  # reported, never a crash: the rest still stands
            message = f"reading this for routes failed ({type(exc).__name__}: {exc})"
            self.diagnostics.add(Diagnostic("CI901", file, line, message))

    def _dynamic_imports(self, modules: list[tuple[str, ModuleFacts]]) -> None:
        """Modules the app's code imports by name (``import_module(f"app.routers.{name}")``
        in a loop over its folder, ``__import__(...)``) are imported as surely as by an
        ``import`` statement: what they declare on a shared router is served without
        their being the program run."""
        for module, facts in modules:
            if is_test_path(facts.file):
                continue
            statements = [
                (c.line, c.guards, c.scope, c.value) for c in facts.calls if c.role == "call"
            ]
            bound = [(a.line, a.guards, a.scope, a.value) for a in facts.assigns if a.value]
            for line, guards, scope, value in (*statements, *bound):
                calls = [v for v in calls_within(value) if _may_import_by_name(v)]
                if not calls:
                    continue
                for site in self._loop_sites(module, facts.file, line, guards, scope)[0]:
                    for call in calls:
                        self._imported_by_name(_close(call, site.env), module)

    def _imported_by_name(self, call: Value, module: str) -> None:
        if builtin_import(call) and call.items:  # ``__import__("app.routers.users")``
            text = self.ev.text(with_dunders(call.items[0], module, self.ev))
            name = None if text.unknown else self.resolver.alias(text.value, module)
        else:
            name = imported_module(call, module, self.ev)
        while name:
            self.imported.add(name)
            self._by_name.add(name)
            name = name.rpartition(".")[0]

    def _app_modules(self) -> list[tuple[str, ModuleFacts]]:
        """The modules whose routes count: not tests (routes a test adds to an app exist only
        while it runs), unless the app's own code imports one (onyx's ``oauth_test.py`` is
        a router module named like a test)."""
        code = {m: f for m, f in self.resolver.modules.items() if not is_test_path(f.file)}
        loaded: set[str] = set()
        for module, facts in code.items():
            anywhere, loading = _imported(facts, self.resolver)
            self._imports[module] = anywhere
            self.imported |= anywhere
            loaded |= loading
        # and what a test-named package the code imports as it loads imports as it loads
        # in turn (crawlhub's ``routers/tests/es.py``)
        modules = self.resolver.modules  # a module that failed to parse has no facts
        todo = sorted(loaded - code.keys())
        while todo:
            held = modules.get(todo.pop())
            if held is None:
                continue
            anywhere, loading = _imported(held, self.resolver)
            self._imports[held.module] = anywhere
            found = loading - loaded
            loaded |= found
            self.imported |= found
            todo.extend(sorted(found))
        return [
            (m, self.resolver.modules[m])
            for m in sorted(self.resolver.modules)
            if (m in code or m in self.imported) and m.partition(".")[0] not in _FRAMEWORKS
        ]

    def _collect_objects(self, module: str) -> None:
        facts = self.resolver.modules[module]
        self._versionizes(facts)
        for assign in (*facts.assigns, *facts.attributes):
            made = self.ev.field_factory_call(assign.value)  # one per instance, as in __init__
            value = made or assign.value
            if (pair := _given_or_made(value)) is not None:
                value = pair[1]  # ``router = router or APIRouter()``: one made if none given
            value = self._alike_branches(value)
            kind = self._kind(value)
            if kind is None:
                self._wrapped_by_library(module, facts.file, assign)
                continue
            assert value is not None
            key = self.ev.variable(self.ev.key(module, assign.scope, assign.name))
            if key is None or key in self.objects:
                continue
            self.objects[key] = self._object(key, kind, facts.file, assign.line, value)
            if made is not None or assign in facts.attributes:
                self._inherited(key, assign.name)
        for call in facts.calls:  # ``app_state.api = FastAPI()`` on a module's instance
            target, value = call.value.items if len(call.value.items) == 2 else (None, None)
            kind = self._kind(value) if call.role == "setattr" else None
            key = self.ev.variable(target.ref) if kind and target is not None else None
            if key is not None and value is not None and kind and key not in self.objects:
                self.objects[key] = self._object(key, kind, facts.file, call.line, value)
        for sym in facts.symbols:  # ``return MyApp()`` in a factory uvicorn calls itself
            made = self._made_for_uvicorn(module, sym)
            if made is not None:
                key = f"{module}.{sym.qualname}()"
                self.objects[key] = self._object(key, "app", facts.file, sym.start_line, made)

    def _alike_branches(self, value: Value | None) -> Value | None:
        """``FastAPI(docs_url="/docs") if swagger else FastAPI(docs_url=None)``: both branches
        build one class with what routes read alike (all but its documentation and its
        lifespan), so the object is the first's whichever runs; ``value`` otherwise."""
        if value is None or value.kind != "ifexp" or len(value.items) != 3:
            return value
        _, body, orelse = value.items
        cls = self.ev.called_class(body)
        if cls is None or self._kind(body) is None or cls != self.ev.called_class(orelse):
            return value
        read = [
            (b.items, tuple(sorted((k, v.text) for k, v in b.keywords if k not in _UNREAD_OPTIONS)))
            for b in (body, orelse)
        ]
        return body if read[0] == read[1] else value

    def _made_for_uvicorn(self, module: str, sym: SymbolFact) -> Value | None:
        """The construction of a project ``FastAPI`` subclass that only a server's factory
        option runs (``uvicorn --factory app:create_app`` returning ``MyApp()``, or naming
        the class itself): a function returning one in place, or a class no project class
        derives from, that no project code calls."""
        name = f"{module}.{sym.qualname}"
        if sym.kind == "function" and len(sym.returned) == 1:
            made = sym.returned[0]
        elif sym.kind == "class" and ".<locals>." not in name:
            made = Value("call", f"{sym.name}()", func=Value("name", sym.name, ref=name))
        else:
            return None
        if made.kind != "call" or self._kind(made) != "app" or self._called_anywhere(name):
            return None
        cls = self.ev.called_class(made) or ""
        if cls not in self.resolver.symbols:
            return None
        return None if self._subclasses_of(cls) else made

    def _called_anywhere(self, func: str) -> bool:
        """Whether some project module calls the function ``func`` by name."""
        if self._calls_made is None:
            self._calls_made = {
                target.qualname
                for facts in self.resolver.modules.values()
                for ref in facts.refs
                if ref.role == "call"
                and (target := self.resolver.resolve(ref.candidate))
                and not target.remainder
            }
        return func in self._calls_made

    def _versionizes(self, facts: ModuleFacts) -> None:
        """``Versionizer(app=app, ...).versionize()``, chained or through a variable, as a
        statement or assigned: kept, with the app given, to be read once the app's routes
        are known. One under an ``if`` or in a loop is a CI202."""
        made = [(c.value, c.line, c.guards) for c in facts.calls if c.role == "call"]
        made += [(a.value, a.line, a.guards) for a in facts.assigns if a.value is not None]
        for value, line, guards in made:
            func = value.func if value.kind == "call" else None
            if func is None or not (func.ref or func.text).endswith("versionize"):
                continue
            receiver = func.func if func.kind == "getattr" else _receiver(func)
            versionizer = self._instance_call(receiver, VERSIONIZERS, frozenset())
            given = dict(versionizer.keywords) if versionizer is not None else {}
            app = given.get("app") or (
                versionizer.items[0] if versionizer and versionizer.items else None
            )
            if versionizer is None or app is None:
                continue
            if guards:
                message = f"{value.text} runs under a condition; what it serves is not read"
                self.diagnostics.add(Diagnostic("CI202", facts.file, line, message))
                continue
            self._versionizing.append((app, versionizer, facts.file, line))

    def _wrapped_by_library(self, module: str, file: str, assign: AssignFact) -> None:
        """A CI202 for an app's name bound again to what a library makes of it
        (``app = VersionedFastAPI(app)``, siibra-api): that object is what runs under the
        name, and what it serves is the library's doing, which we do not read."""
        value = assign.value
        name = self.ev.key(module, assign.scope, assign.name)
        key = self.ev.variable(name)
        obj = self.objects.get(key) if key and value is not None else None
        if value is None or value.kind != "call":
            return
        target = self.resolver.resolve(value.func.ref) if value.func and value.func.ref else None
        function = versioning_function(target.qualname, self.ev) if target is not None else None
        if obj is None and function is not None and value.items:
            # ``app = VersionedFastAPI(base_app, ...)``: a new app made of the one given
            key = self.ev.variable(value.items[0].ref) if value.items[0].ref else None
            obj = self.objects.get(key) if key else None
            if obj is not None and obj.kind == "app" and obj.line < assign.line and key:
                self._versioned.append(
                    Rebinding(key, value, file, assign.line, function, bound_to=name)
                )
            return
        if obj is None or obj.kind != "app" or target is None or obj.line >= assign.line:
            return
        if id_kind(target.node) != "external" and function is None:
            return
        if target.qualname.endswith("Middleware"):
            return  # ``app = CORSMiddleware(app)`` serves the app's own routes, unchanged
        passed = (*value.items, *(v for _, v in value.keywords))
        if not any(v.kind == "name" and v.ref and self.ev.variable(v.ref) == key for v in passed):
            return
        if function is not None and key is not None:
            self._versioned.append(Rebinding(key, value, file, assign.line, function))
            return  # what it serves is read once the app's routes are known
        message = f"{assign.name} is bound again to {value.text}; what that serves is not read"
        self.diagnostics.add(Diagnostic("CI202", file, assign.line, message))

    def _assigned_options(self, module: str) -> None:
        """``router.prefix = "/api/v1"`` after ``router = APIRouter()``, in the scope that
        built it (MoneyPrinterTurbo's router factory): FastAPI reads a router's ``prefix``,
        ``tags`` and ``dependencies`` when each route is declared, so they are as if passed
        to the constructor. Under an ``if``, only ``if value: router.x = value``, which
        leaves nothing else to the router than the falsy value would."""
        facts = self.resolver.modules[module]
        for call in facts.calls:
            self._mutated_dependencies(module, facts, call)
            if call.role != "setattr" or len(call.value.items) != 2:
                continue
            target, value = call.value.items
            owner, _, option = (target.ref or "").rpartition(".")
            if owner.endswith(".router") and self._app_named(owner.removesuffix(".router")):
                owner = owner.removesuffix(".router")  # ``app.router.prefix``: the app's
            key = (self.ev.variable(owner) or owner) if owner else ""
            obj = self.objects.get(key)
            if obj is None or option not in ("prefix", "tags", "dependencies"):
                continue
            if _conditions(call.guards) not in ((), (value.text,)):
                continue
            # ``router.prefix = router.prefix + "/x"``: what it held until then
            later = (
                obj.later_prefixes[-1].value if option == "prefix" and obj.later_prefixes else None
            )
            before = later or obj.call.keyword(option) or _NO_OPTION[option]
            value = _close(value, {target.ref or "": before})
            first = self._built_in(obj, module, call.scope) and not _used_before(
                facts, owner, call.line
            )
            if obj.kind == "app" or not first:
                # routes added before it keep the options they were built with
                if option == "prefix":
                    site = _Site(module, facts.file, call.line, scope=call.scope)
                    obj.later_prefixes.append(_LaterPrefix(site, value, first))
                continue
            kept = tuple((name, v) for name, v in obj.call.keywords if name != option)
            obj.call = replace(obj.call, keywords=(*kept, (option, value)))
            obj.tags = self.ev.strings(obj.call.keyword("tags"))
            obj.dependencies = list_providers(
                self._picked(obj.key, obj.call.keyword("dependencies")), self.ev
            )

    def _built_in(self, obj: _Object, module: str, scope: str) -> bool:
        """Whether ``scope`` of ``module`` is where ``obj`` is built: the scope of its
        variable, or the method that builds it on ``self``."""
        if obj.key.rpartition(".")[0] + "." == self.ev.key(module, scope, ""):
            return True
        method = self.resolver.symbols.get(f"{module}.{scope}") if scope else None
        facts = self.resolver.modules[module]
        return (
            method is not None
            and method.kind == "method"
            and obj.file == facts.file
            and obj.key.startswith(f"{module}.{scope.rpartition('.')[0]}.")
            and method.start_line <= obj.line <= method.end_line
        )

    def _prefixed_later(self, holder: str, site: _Site, env: Env, context: _Context) -> _Context:
        """``context`` for what ``site`` adds to ``holder``, with the prefix last set before
        it in its scope, once routes were added (``app.router.prefix = "/api"``)."""
        obj = self.objects.get(holder)
        here = (site.file, site.scope)
        changes = [
            change
            for change in (obj.later_prefixes if obj is not None else ())
            if ((change.site.file, change.site.scope) == here and change.site.line < site.line)
            or (
                change.everywhere
                and (change.site.file, change.site.scope) != here
                and not self._imported_before(site.module, change.site)
            )
        ]
        if not changes or context.outer is None:
            return context
        # one set in this scope runs after any set where the object was built
        last = max(changes, key=lambda c: ((c.site.file, c.site.scope) == here, c.site.line))
        text = self._text(last.value, env, last.site)
        return replace(context, prefix=_join(context.outer.prefix, text))

    def _imported_before(self, module: str, at: _Site) -> bool:
        """Whether the module of ``at`` imports ``module`` before it: what that module adds
        at import (``import views`` adding to the app) runs first."""
        facts = self.resolver.modules.get(at.module)
        return facts is not None and any(
            i.scope == "" and i.line < at.line and (i.target + ".").startswith(module + ".")
            for i in facts.imports
        )

    def _mutated_dependencies(self, module: str, facts: ModuleFacts, call: CallFact) -> None:
        """``router.dependencies.append(Depends(check))`` where the router is built, before
        any route of it (graphrag-accelerator's routers): as if given to the constructor.
        Under an ``if``, or changed any other way, the list is the run's: a placeholder."""
        func = call.value.func
        holder, _, method = (func.ref or "").rpartition(".") if func is not None else ("", "", "")
        owner, _, option = holder.rpartition(".")
        if call.role != "call" or option != "dependencies" or method not in MUTATORS:
            return  # most calls: nothing to resolve
        if owner.endswith(".router") and self._app_named(owner.removesuffix(".router")):
            owner = owner.removesuffix(".router")  # ``app.router.dependencies``: the app's
        key = (self.ev.variable(owner) or owner) if owner else ""
        obj = self.objects.get(key)
        if obj is None or not self._built_in(obj, module, call.scope):
            return
        if _used_before(facts, owner, call.line):
            return  # routes declared before it keep the dependencies they were built with
        given = obj.call.keyword("dependencies")
        listed = given if given is not None and given.kind == "list" else None
        if (
            method == "append"
            and not call.guards
            and len(call.value.items) == 1
            and (given is None or listed is not None)
        ):
            items = (*(listed.items if listed is not None else ()), call.value.items[0])
            value = Value("list", f"[{', '.join(i.text for i in items)}]", items=items)
        else:
            value = Value("other", func.text.rpartition(".")[0] if func is not None else holder)
        kept = tuple((name, v) for name, v in obj.call.keywords if name != "dependencies")
        obj.call = replace(obj.call, keywords=(*kept, ("dependencies", value)))
        obj.dependencies = list_providers(value, self.ev)

    def _app_named(self, ref: str) -> bool:
        obj = self.objects.get(self.ev.variable(ref) or ref)
        return obj is not None and obj.kind == "app"

    def _per_caller(self, modules: list[tuple[str, ModuleFacts]]) -> None:
        """A name bound to a factory's result that the factory builds itself
        (``app = _create_base_app()``, at module level, or in a function that adds to it) is
        that caller's own object: each caller adds its own routes to its copy, as each call
        builds a new app at runtime (DB-GPT's webserver and its controller both call one
        ``create_app``)."""
        bindings: list[_Binding] = []
        for module, facts in modules:
            added_to = _locals_added_to(facts)
            for assign in facts.assigns:
                picked = _picked_item(assign.value) if assign.value is not None else None
                if assign.value is None or (assign.value.kind != "call" and picked is None):
                    continue
                key = self.ev.key(module, assign.scope, assign.name)
                if key in self.objects or self._kind(assign.value):
                    continue
                if assign.scope and key not in added_to:
                    continue  # a function that only passes its app on shares it
                call, index = picked or (assign.value, None)
                where = f"{facts.file}:{assign.line}"
                bindings.append(_Binding(key, call, where, index, not assign.scope))
        # ``u = users()`` where ``users`` adds to what ``make("users")`` built: ``u`` holds
        # ``users``'s own copy, which exists once the first round has made the copies
        callers: dict[str, list[tuple[str, Env]]] = defaultdict(list)
        later = self._copy_per_caller(bindings, callers, defer=True)
        self._copy_per_caller(later, callers, defer=False)

    def _copy_per_caller(
        self, bindings: list[_Binding], callers: dict[str, list[tuple[str, Env]]], defer: bool
    ) -> list[_Binding]:
        """Each name bound to a call of a factory building its object itself, a copy of that
        object (one caller: the object, bound with the call's arguments); ``callers``: those
        found so far, by object. With ``defer``, the bindings whose call only hands on another
        function's object are returned instead."""
        deferred = []
        for binding in bindings:
            made = self._called(binding.call, binding.where, 0, binding.index)
            built = [(k, env) for k, env in made if ".<locals>." in k]
            if defer and len(built) == 1 and not self._builds_itself(binding.call, built[0][0]):
                deferred.append(binding)
                continue
            if binding.top:
                self._name_in_place(binding.key, made)
            if len(built) == 1 and built[0][0] != binding.key:
                callers[built[0][0]].append((binding.key, built[0][1]))
        for factory_object, keys in sorted(callers.items()):
            if factory_object in self._made_per_caller:  # copied in the first round
                self._copy_per_holder(factory_object, [k for k in keys if k[0] not in self.objects])
            elif len(keys) < 2:  # one caller: its app is the factory's, as named before
                self._sole_callers[factory_object] = keys[0][1]
            else:
                self._sole_callers.pop(factory_object, None)
                self._copy_per_holder(factory_object, keys)
        return deferred

    def _builds_itself(self, call: Value, built: str) -> bool:
        """Whether the function ``call`` calls is the one whose local ``built`` is."""
        func = self.ev.qualified(call.func) if call.func is not None else None
        return func is None or func not in self.resolver.symbols or built.startswith(func + ".")

    def _per_instance(self, modules: list[tuple[str, ModuleFacts]]) -> None:
        """``service = ServiceApp("a", [router_a])``, then ``app = service.app``, in each of
        several service modules: each construction's ``__init__`` builds an app of its own,
        holding what that construction's arguments include, as a factory's callers each
        get theirs (``_per_caller``); one object served every service's routes on each."""
        copies: dict[str, list[tuple[str, Env]]] = defaultdict(list)
        for module, facts in modules:
            for assign in facts.assigns:
                value = assign.value
                if assign.scope or value is None or value.kind != "name" or not value.ref:
                    continue
                held = self.ev.variable(value.ref)
                obj = self.objects.get(held or "")
                env = self._construction_env(value.ref) if obj and obj.kind == "app" else {}
                if held and env:
                    copies[held].append((self.ev.key(module, "", assign.name), env))
        for held, keys in sorted(copies.items()):
            if len(keys) >= 2:
                self._copy_per_holder(held, keys)

    def _copy_per_holder(self, made: str, holders: list[tuple[str, Env]]) -> None:
        """Each holder's own copy of the object ``made``, built with its bindings; ``made``
        itself is then served only through them."""
        for key, bound in holders:
            self.objects[key] = replace(self.objects[made], key=key, made_by=made, bound=bound)
        self._made_per_caller.add(made)

    def _bind_sole_callers(self) -> None:
        """A factory the project calls once (``app = create_server(url_prefix="/v1")``,
        infinity): its app is built with that call's arguments and defaults; one it never
        calls, with its defaults."""
        for factory_object, bound in sorted(self._sole_callers.items()):
            func = factory_object.rpartition(".<locals>.")[0]
            if len(self.sites.get(func, [])) == 1:  # a copy keeps the bindings it was made with
                obj = self.objects[factory_object]
                obj.bound = {**obj.bound, **bound}
        for key, obj in sorted(self.objects.items()):
            func = key.rpartition(".<locals>.")[0]
            if obj.kind == "app" and func:
                self._bind_defaults(obj, func)

    def _bind_defaults(self, obj: _Object, func: str) -> None:
        """An app factory the app's code never names is called by the server
        (``uvicorn app.main:create_app --factory``) with no arguments: its app is built with
        its defaults, not with what a test passes it. A method, a copy a caller made, and a
        factory with a parameter that has no default are reached by code we do not see."""
        fact = self._callee(func)
        if fact is None or not fact.params or obj.bound or obj.made_by is not None:
            return
        if any(p.default is None and p.kind in ("positional", "keyword") for p in fact.params):
            return
        module = self.resolver.symbol_module.get(func, "")
        if fact.kind != "function" or "." in func.removeprefix(f"{module}.") or self._named(func):
            return
        obj.bound = self._bind(fact, func, Value("call", f"{func}()"), {})

    def _named(self, func: str) -> bool:
        """Whether a module other than the tests imports ``func`` or uses its name."""
        uses, imports = self._uses()
        for module, ref in uses.get(func.rpartition(".")[2], ()):
            if is_test_path(self.resolver.modules[module].file):
                continue
            target = self.resolver.resolve(ref.candidate, importer=module)
            if target is None or target.qualname == func:
                return True
        code = (m for m, _ in imports.get(func, ()))
        return any(not is_test_path(self.resolver.modules[m].file) for m in code)

    def _name_in_place(self, key: str, found: list[tuple[str, Env]]) -> None:
        """An app a factory builds in its ``return`` itself is served as the global bound to
        the call that built it (``app = wired()``, txtai's ``create()``)."""
        for built, _ in found:
            if built in self._returned_in_place:
                self._served_by.setdefault(built, key)

    def _made(self, holder: str) -> list[str]:
        """``holder`` and the factory objects it is a caller's copy of."""
        chain = [holder]
        while (obj := self.objects.get(chain[-1])) is not None and obj.made_by is not None:
            if obj.made_by in chain or len(chain) > _MAX_DEPTH:
                break
            chain.append(obj.made_by)
        return chain

    def _inherited(self, key: str, name: str) -> None:
        """``self.router = APIRouter()`` in a base class's ``__init__``: each subclass's
        instances hold their own router, which the subclass's methods declare routes on."""
        base = key.rpartition(".")[0]
        for cls in sorted(self.resolver.symbols):
            fact = self.resolver.symbols[cls]
            own = f"{cls}.{name}"
            inherits = fact.kind == "class" and cls != base and base in self.resolver.mro(cls)
            if inherits and own not in self.ev.assigns:
                # ``APIRouter(prefix=self.router_prefix)``: the subclass's attribute
                # (fastapi-amis-admin's ``RouterMixin``)
                call = rebased(self.objects[key].call, f"{base}.", f"{cls}.")
                self.objects[own] = replace(self.objects[key], key=own, base=key, call=call)

    def _kind(self, value: Value | None) -> str | None:
        cls = self.ev.class_held(self.ev.called_class(value))
        if self.ev.is_subclass(cls, APP_CLASSES):
            return "app"
        if self._router_class(cls) or self._crud(cls) is not None:
            return "router"
        return "app" if cls in OFFLINE_APPS else None

    def _crud(self, cls: str | None) -> CrudRouter | None:
        """The fastapi-crudrouter class ``cls`` is, or subclasses."""
        mro = self.resolver.mro(cls) if cls else []
        return next((CRUD_ROUTERS[c] for c in mro if c in CRUD_ROUTERS), None)

    def _router_class(self, cls: str | None) -> bool:
        """``APIRouter`` or a subclass; a library's ``...Router`` from a ``fastapi_*``
        package counts (fastapi-error-map's ``ErrorAwareRouter``): we do not read installed
        packages to see its base, and such a package names a router so for what it is. Not
        a CRUD router (fastapi-crudrouter's): it makes its own prefix and routes."""
        symbols = self.resolver.symbols
        return cls is not None and any(
            base in ROUTER_CLASSES
            or (
                base not in symbols
                and base.endswith("Router")
                and "CRUD" not in base.rpartition(".")[2]
                and base.partition(".")[0].startswith("fastapi_")
            )
            for base in self.resolver.mro(cls)
        )

    def _object(self, key: str, kind: str, file: str, line: int, call: Value) -> _Object:
        call = self._spread(call)  # ``APIRouter(**ROUTER_OPTIONS)``: a dict literal's items
        cls = self.ev.class_held(self.ev.called_class(call))
        # the framework's own class, when the project holds fastapi's source, is no subclass
        framework = cls in APP_CLASSES | ROUTER_CLASSES
        cls = cls if cls in self.resolver.symbols and not framework else None
        obj = _Object(key, kind, file, line, self._super_call(call, cls), cls=cls, constructed=call)
        # what a subclass's ``__init__`` hands ``super().__init__`` (mealie's ``AdminAPIRouter``
        # adding ``dependencies=[Depends(get_admin_user)]``) is the router's own
        if kind == "router":
            set_after = self._prefix_set_by_init(cls, call, obj.call) if cls else None
            if set_after is not None:
                kept = tuple((k, v) for k, v in obj.call.keywords if k != "prefix")
                obj.call = replace(obj.call, keywords=(*kept, ("prefix", set_after)))
            obj.tags = self.ev.strings(obj.call.keyword("tags"))
        given = self._picked(key, obj.call.keyword("dependencies"))
        obj.dependencies = list_providers(given, self.ev, (file, line))
        self._listed(obj)
        self._self_routed(obj, self.ev.called_class(call))
        crud = self._crud(self.ev.called_class(call)) if kind == "router" else None
        if crud is not None:
            self._crud_routed(obj, crud)
        if self.ev.called_class(call) in OFFLINE_APPS:
            self._offline_pages(obj, call)
        return obj

    def _offline_pages(self, obj: _Object, call: Value) -> None:
        """``FastAPIOffline(title=...)``: the docs pages fastapi-offline serves itself, at
        the paths the call gives (none where it gives ``None``), instead of FastAPI's."""
        site = _Site(self._file_modules.get(obj.file, ""), obj.file, obj.line)
        docs = True
        for keyword, position, default, name in OFFLINE_PAGES:
            given = call.keyword(keyword)
            if given is None and position is not None and len(call.items) > position:
                given = call.items[position]
            path = given or Value("str", default)
            if keyword == "docs_url":
                docs = path.text != "None"  # the OAuth2 redirect page goes with it
            if path.text == "None" or (keyword.startswith("swagger") and not docs):
                continue
            endpoint = f"{OFFLINE_ENDPOINTS}.{name}"
            self.declared[obj.key].append(_Declared(("GET",), path, endpoint, site, None))

    def _crud_routed(self, obj: _Object, crud: CrudRouter) -> None:
        """``SQLAlchemyCRUDRouter(schema=S, db_model=M, db=get_db, prefix="items")``: the
        routes fastapi-crudrouter adds as it is built (those ``get_one_route=False`` leaves
        out; a list there is that route's dependencies), each asking for the session and the
        listing one for pagination too, under the prefix it makes (its leading ``/`` added,
        lower case, the model's table or the schema's name when none is given)."""
        call = obj.constructed or obj.call
        given = dict(zip((*crud.leading, *CRUD_PARAMETERS), call.items, strict=False))
        given.update(call.keywords)
        kept = tuple((k, v) for k, v in obj.call.keywords if k != "prefix")
        obj.call = replace(obj.call, keywords=(*kept, ("prefix", self._crud_prefix(crud, given))))
        session = given.get(crud.session or "")
        asks = (provider_of(session, self.ev),) if session is not None else ()
        site = _Site(self._file_modules.get(obj.file, ""), obj.file, obj.line)
        for name, method, path in CRUD_ROUTES:
            switch = given.get(f"{name}_route") or Value("const", "True")
            if switch.text == "False":
                continue
            listed = switch.kind != "const"  # ``[Depends(audit)]``: the route's dependencies
            options = Value("call", call.text, keywords=(("dependencies", switch),))
            endpoint = f"{crud.cls}._{name}.<locals>.route"
            paged = (CRUD_PAGINATION,) if name == "get_all" else ()
            overridden = self._crud_override(obj, name)
            if overridden == "":
                continue  # a project subclass builds it another way: reported there
            declared = _Declared(
                (method,),
                Value("str", path),
                overridden or endpoint,
                site,
                options if listed else None,
                asks=() if overridden else (*asks, *paged),
            )
            self.declared[obj.key].append(declared)
        self._crud_objects.add(obj.key)

    def _crud_override(self, obj: _Object, name: str) -> str | None:
        """``def _get_all(self): ... return route`` in a project subclass of the CRUD
        router: the closure it returns is that route's endpoint (None: the library's); ""
        with a CI202 when it returns anything else."""
        built = self.ev.called_class(obj.constructed or obj.call) or ""
        owners = [c for c in self.resolver.mro(built) if c in self.resolver.symbols]
        method = next(
            (f"{c}._{name}" for c in owners if f"{c}._{name}" in self.resolver.symbols), None
        )
        if method is None:
            return None
        fact = self.resolver.symbols[method]
        returned = fact.returned[0] if len(fact.returned) == 1 else None
        local = f"{method}.<locals>.{returned.text}" if returned is not None else ""
        if local in self.resolver.symbols:
            return local
        message = f"cannot tell which endpoint {method} builds"
        self.diagnostics.add(Diagnostic("CI202", obj.file, fact.start_line, message))
        return ""

    def _crud_replaced(self) -> None:
        """A project route declared on a CRUD router at a method and path the library
        routed replaces that route (the library's verbs remove it first)."""
        for key in self._crud_objects:
            declared = self.declared.get(key, [])
            own = {
                (method, d.path.text)
                for d in declared
                if d.path is not None and not d.endpoint.startswith("fastapi_crudrouter.")
                for method in d.methods
            }
            self.declared[key] = [
                d
                for d in declared
                if not d.endpoint.startswith("fastapi_crudrouter.")
                or d.path is None
                or (d.methods[0], d.path.text) not in own
            ]

    def _crud_prefix(self, crud: CrudRouter, given: dict[str, Value]) -> Value:
        """The prefix a CRUD router makes of the one given, or of its default; a placeholder
        when it is not known."""
        prefix = given.get("prefix")
        text = self.ev.text(prefix) if prefix is not None and prefix.text != "None" else None
        if text is None or (not text.unknown and not text.value):
            default = self._crud_default_prefix(crud, given)
            text = self.ev.text(default) if default is not None else None
        if text is None or text.unknown:
            written = prefix.text if prefix is not None else crud.cls.rpartition(".")[2]
            return Value("other", f"prefix of {written}")
        return Value("str", "/" + text.value.lower().strip("/"))

    def _crud_default_prefix(self, crud: CrudRouter, given: dict[str, Value]) -> Value | None:
        """The schema class's name, or the model's ``__tablename__``, as the class says."""
        if crud.default_prefix == "schema":
            cls = self.ev.qualified(given.get("schema"))
            return Value("str", cls.rpartition(".")[2]) if cls else None
        model = self.ev.qualified(given.get("db_model"))
        if crud.default_prefix != "tablename" or model is None:
            return None
        held = self.ev.class_attribute(model, "__tablename__")
        return self.ev.binding(held) if held else None

    def _prefix_set_by_init(self, cls: str, made: Value, handed: Value) -> Value | None:
        """``self.prefix = "/v9"`` in a router subclass's ``__init__`` after its
        ``super().__init__(...)``, the attribute's one binding, under no test: the prefix the
        instance ``made`` builds has before any route is added, the ``__init__``'s
        parameters as ``made`` passes them and ``self.prefix`` as it ``handed`` it up
        (``f"/v{version}{self.prefix}"``); a local bound in the body stays unknown."""
        owner = self._init_owner(cls)
        written = self.ev.assigns.get(f"{owner}.prefix", ()) if owner else ()
        fact = written[0] if len(written) == 1 else None
        init = self.resolver.symbols.get(f"{owner}.__init__")
        if owner is None or fact is None or fact.value is None or init is None:
            return None
        calls = self._calls_in(f"{owner}.__init__")
        supers = [c.line for c in calls if self._super_method(c.value.func, owner) == "__init__"]
        if len(supers) != 1 or not supers[0] < fact.line <= init.end_line:
            return None
        called = self._callee(f"{owner}.__init__")
        local = f"{owner}.__init__.<locals>."

        def literal(name: str) -> Value | None:
            passed = argument(name, called, made) if called else None
            return passed if passed is not None and passed.kind in _LITERALS else None

        for guard in fact.guards:  # ``if version:``, as this construction passes it
            held = holds(guard.text, literal) if guard.kind == "if" else None
            if held is False:
                return None
            if held is None:  # whether this instance's prefix changes, we cannot tell
                return Value("other", f"prefix {fact.value.text} if {guard.text}")
        env: Env = {f"{owner}.prefix": handed.keyword("prefix") or Value("str", "")}
        for ref in refs_within(fact.value):
            if ".<locals>." not in ref:
                continue
            passed = argument(ref.removeprefix(local), called, made) if called else None
            if not ref.startswith(local) or ref in self.ev.assigns or passed is None:
                return None
            env[ref] = passed
        return _close(fact.value, env)

    def _picked(self, key: str, value: Value | None) -> Value | None:
        """``[Depends(admin)] if enforce_admin else []`` in a factory (frigate): the branch
        every call of the factory takes, its flag passed as a literal or left at its
        literal default, or a module constant. Otherwise ``value`` as written: a test read
        at run time (``if settings.AUTH_ENABLED``, ``if os.getenv("X")``) picks one list per
        run, unknown here, so it stays a placeholder (CI204) as a route's or an include's
        conditional list does; both branches' items would be a chain no run solves."""
        if value is None or value.kind != "ifexp" or len(value.items) != 3:
            return value
        if (flagged := self.ev.branch(value)) is not None:  # ``... if AUTH else None``
            return flagged
        func = key.rpartition(".<locals>.")[0]
        fact = self._callee(func) if func else None
        calls = self.sites.get(func, []) if fact is not None else []
        picked = (
            {chosen(value, fact, call, self._passed_literal) for call, _ in calls}
            if fact
            else set()
        )
        if len(picked) == 1 and None not in picked:
            return picked.pop()
        return value

    def _passed_literal(self, given: Value) -> Value | None:
        """A literal an argument is, or a module constant holds (``make(GUARD)``)."""
        return self._literal(self.ev.variable(given.ref)) if given.kind == "name" else given

    def _listed(self, obj: _Object) -> None:
        """``FastAPI(routes=[APIRoute("/ping", ping)])``: routes handed to the constructor."""
        given = obj.call.keyword("routes")
        if given is None or (given.kind == "const" and given.text == "None"):
            return  # ``routes=None``: a subclass handing on its parameter's default (RuoYi)
        site = _Site(self._file_modules.get(obj.file, ""), obj.file, obj.line)
        items = (given,) if _routes_holder(given) else self._items(given, {})
        if items is None:
            message = f"cannot tell which routes {given.text} holds"
            self.diagnostics.add(Diagnostic("CI202", site.file, site.line, message))
            return
        for item in items:
            if (holder := _routes_holder(item)) is not None:
                # ``FastAPI(routes=[*mcp_app.routes, *base_app.routes])`` (fastmcp's way):
                # the routes another app or router holds, served as they are
                self.edges[obj.key].append(_Edge("copy", holder, given, self._entry(obj.key, site)))
                continue
            if self._route_class(item) in _MOUNT_CLASSES and _mounted(item) is not None:
                # ``FastAPI(routes=[Mount("/api", app=api)])``: as ``app.mount("/api", api)``
                child = self._behind_middleware(_mounted(item))
                self.edges[obj.key].append(_Edge("mount", child, item, self._entry(obj.key, site)))
                continue
            default = ROUTE_CLASSES.get(self._route_class(item) or "")
            if default is None:
                continue  # a Starlette route: no API operation
            value = _endpoint_value(item)
            endpoint = self._endpoint(value, site)
            methods = self._methods(item, default, site)
            if endpoint:
                self.declared[obj.key].append(
                    _Declared(methods, _path_value(item), endpoint, site, item, listed=True)
                )

    def _self_routed(self, obj: _Object, built: str | None) -> None:
        """``GraphQLRouter(schema, path="/graphql")``: the routes a library's router class
        adds to itself as it is built (``SELF_ROUTED``), at the path it is given, asking
        for what it is given or its own. A project subclass with an ``__init__`` of its own
        hands on what it likes: a CI202."""
        mro = self.resolver.mro(built) if built else []
        library = next((c for c in mro if c in SELF_ROUTED), None)
        if library is None:
            return
        routed = SELF_ROUTED[library]
        site = _Site(self._file_modules.get(obj.file, ""), obj.file, obj.line)
        if any(f"{c}.__init__" in self.resolver.symbols for c in mro[: mro.index(library)]):
            message = f"cannot tell which path {obj.call.text} serves its routes at"
            self.diagnostics.add(Diagnostic("CI202", site.file, site.line, message))
            return
        call = obj.constructed or obj.call
        path = call.keyword(routed.keyword)
        if path is None:
            given = call.items[routed.position] if len(call.items) > routed.position else None
            path = Value("str", "") if given is None else given
        asks = tuple(
            provider_of(value, self.ev) if (value := call.keyword(key or "")) else own
            for key, own in routed.asks
        )
        for verb, endpoint in routed.routes:
            self.declared[obj.key].append(_Declared((verb,), path, endpoint, site, None, asks=asks))

    def _route_class(self, item: Value) -> str | None:
        cls = self.ev.called_class(item)
        for name in self.resolver.mro(cls) if cls else ():
            if name in ROUTE_CLASSES or name in _MOUNT_CLASSES:
                return name
        return None

    def _collect_sites(self, module: str, facts: ModuleFacts) -> list[tuple[str, str, CallFact]]:
        """Every call of a project function, nested calls too: where arguments are bound.
        Returns the calls in loops over a parameter of their function, to bind once every
        call of that function is known."""
        deferred = []
        for assign in (*facts.assigns, *facts.attributes):
            if assign.value is not None and not self._per_request(module, assign.scope):
                # ``if is_ee(): app = ee.extend_main(app)``
                site = _Site(module, facts.file, assign.line, {}, _conditions(assign.guards))
                self._add_sites(assign.value, site)
        headers: set[str] = set()
        for call in facts.calls:
            if call.role != "call" or self._per_request(module, call.scope):
                continue
            for guard in call.guards if not call.scope else ():
                # ``for r in discover(path):`` at the top calls ``discover`` once
                iterable = guard.iterable
                looped = guard.kind == "for" and iterable is not None and iterable.kind == "call"
                if looped and iterable is not None and guard.text not in headers:
                    headers.add(guard.text)
                    self._add_sites(iterable, _Site(module, facts.file, call.line))
            if self._over_parameters(module, call.scope, _iterables(call.guards)):
                deferred.append((module, facts.file, call))
                continue
            for site in self._loop_sites(module, facts.file, call.line, call.guards)[0]:
                for statement in self._mapped(call.value)[0]:  # ``list(map(add, prefixes))``
                    self._add_sites(statement, site)
        for call in facts.calls:
            if call.role == "call" and call.scope and not self._per_request(module, call.scope):
                self._super_site(module, facts.file, call)
        for sym in facts.symbols:  # ``return ServiceApp(**routers)``, under its ``if`` tests
            tests = sym.returned_guards
            if len(tests) != len(sym.returned):
                tests = ((),) * len(sym.returned)
            for value, guards in zip(sym.returned, tests, strict=True):
                site = _Site(module, facts.file, sym.start_line, {}, _conditions(guards))
                self._add_sites(value, site)
        for sym in (*facts.symbols, *facts.redefined):  # ``@command`` calls ``command(f)``
            if sym.kind not in ("function", "method", "class"):  # ``@register class Items``
                continue
            if sym.kind == "class" and ".<locals>." in sym.qualname:
                continue  # decorated when its function runs, if it does
            function = Value("name", sym.name, ref=f"{module}.{sym.qualname}")
            for decorator, line in zip(sym.decorators, sym.decorator_lines, strict=True):
                site = _Site(module, facts.file, line, {}, _conditions(sym.guards))
                if decorator.kind == "name":
                    applied = Value(
                        "call", f"{decorator.text}({sym.name})", func=decorator, items=(function,)
                    )
                    self._add_sites(applied, site)
                elif decorator.kind == "call" and self.ev.qualified(decorator.func) in CLASS_VIEWS:
                    self._class_view(module, sym, decorator, site)
                elif decorator.kind == "call":
                    if self.ev.qualified(decorator.func) in CLASS_BASED_VIEWS:
                        self._view_urls(module, sym, decorator, site)
                    self._applied_closure(decorator, function, site)
        return deferred

    def _class_view(self, module: str, sym: SymbolFact, view: Value, site: _Site) -> None:
        """fastapi-class's ``@View(router, path="/items")`` on a class: each method named
        for a verb (its own or a base's, in name order) is that verb's route at ``path``,
        the bound method its endpoint; one marked ``@endpoint(...)`` instead is a CI202."""
        router = view.keyword("router") or (view.items[0] if view.items else None)
        path = view.keyword("path") or Value("str", "/")
        if router is None or router.kind != "name" or router.ref is None:
            return
        cls = f"{module}.{sym.qualname}"
        self._verb_routes(router, (path,), cls, _CLASS_VIEW_VERBS, site, view, None)
        marked = [
            fact
            for fact in self.resolver.modules[module].symbols
            if fact.qualname.startswith(f"{sym.qualname}.")
            and any(self.ev.qualified(d.func) in CLASS_VIEW_ENDPOINTS for d in fact.decorators)
        ]
        for fact in marked:
            message = f"the route @endpoint makes of {fact.name} in {sym.name} is not read"
            self.diagnostics.add(Diagnostic("CI202", site.file, fact.start_line, message))

    def _verb_routes(
        self,
        holder: Value,
        urls: Sequence[Value],
        cls: str,
        verbs: tuple[str, ...],
        site: _Site,
        call: Value | None,
        view: str | None,
    ) -> bool:
        """Each method of ``cls`` named for one of ``verbs`` (its own or a base's) as that
        verb's route at each of ``urls``, declared on what ``holder`` holds; whether that is
        any app or router. ``view``: the class the library makes each method ask for first."""
        methods: dict[str, str] = {}
        for owner in reversed(self.resolver.mro(cls)):
            for name in verbs:
                if f"{owner}.{name}" in self.resolver.symbols:
                    methods[name] = f"{owner}.{name}"
        verb = Value("name", f"{holder.text}.get", ref=f"{holder.ref}.get")
        owners, _ = self._owner(verb, site)
        for url, (name, endpoint), owner in itertools.product(
            urls, sorted(methods.items()), owners
        ):
            entry = self._entry(owner, site)
            declared = _Declared((name.upper(),), url, endpoint, entry, call, view=view)
            self.declared[owner].append(declared)
        return bool(owners)

    def _view_urls(self, module: str, sym: SymbolFact, view: Value, site: _Site) -> None:
        """fastapi-restful's ``@cbv(router, "/", "/all")``: each method named for a verb is
        that verb's route at each url, declared on ``router`` (the library calls
        ``router.api_route(url, methods=[name.capitalize()])`` for each method whose name the
        router has as an attribute: the verbs; ``self`` is then ``Depends(cls)``)."""
        router, *urls = view.items
        if router.kind != "name" or router.ref is None or not urls:
            return
        cls = f"{module}.{sym.qualname}"
        self._verb_routes(router, urls, cls, _CBV_VERBS, site, view, cls)

    def _super_site(self, module: str, file: str, call: CallFact) -> None:
        """``super().__init__(app)`` in a method: a call of the method a base defines, so
        what the base binds from its parameters (``self._app = app``) is what the subclass's
        caller passed (jupyverse's routers include on ``self._app``)."""
        owner = f"{module}.{call.scope.rpartition('.')[0]}"
        fact = self.resolver.symbols.get(owner)
        method = self._super_method(call.value.func, owner) if fact is not None else None
        if fact is None or fact.kind != "class" or method is None:
            return
        start = self._super_start(call.value, owner, method)
        mro = self.resolver.mro(owner)
        after = mro[mro.index(start) + 1 :] if start in mro else []
        target = next(
            (f"{c}.{method}" for c in after if f"{c}.{method}" in self.resolver.symbols), None
        )
        callee = self._callee(target)
        home = self.resolver.symbol_module.get(target or "", "")
        # most super() calls build no app: only those where either side declares or includes
        # routes are followed (through every subclass's arguments, they cost much)
        routing = call.scope in self._routing_scopes(module) or (
            home and (target or "").removeprefix(f"{home}.") in self._routing_scopes(home)
        )
        if target is not None and callee is not None and callee.params and routing:
            site = _Site(module, file, call.line, {}, _conditions(call.guards))
            self.sites[target].append((self._spread(call.value), site))

    def _routing_scopes(self, module: str) -> frozenset[str]:
        """The functions of ``module`` that declare, add or include routes on something, or
        hold a def a route decorator decorates (what a ``super()`` call there may serve)."""
        if module not in self._routing:
            facts = self.resolver.modules[module]
            wanted = {*_VERBS, *_ADDERS, *_INCLUDES}
            called = {
                c.scope
                for c in facts.calls
                if c.value.func is not None
                and (c.value.func.ref or "").rpartition(".")[2] in wanted
            }
            decorated = {
                s.qualname.rpartition(".<locals>.")[0]
                for s in facts.symbols
                if ".<locals>." in s.qualname and any(_route_decorator(d) for d in s.decorators)
            }
            self._routing[module] = frozenset(called | decorated)
        return self._routing[module]

    def _per_request(self, module: str, scope: str) -> bool:
        """Whether ``scope`` is in the body of a route's endpoint, which runs per request,
        never while the app is built: what it mounts or includes (gradio's dashboard
        endpoint mounting a fresh app of its own factory) is no wiring of the app. The body
        of a project's copy of ``VersionedFastAPI`` is not read either: what it serves is
        read as the library's (``versioning``)."""
        if module not in self._handlers:
            facts = self.resolver.modules[module]
            self._handlers[module] = tuple(
                f"{sym.qualname}"
                for sym in (*facts.symbols, *facts.redefined)
                if sym.kind in ("function", "method")
                and (
                    any(self._on_an_object(d) for d in sym.decorators if _route_decorator(d))
                    or versioning_function(f"{module}.{sym.qualname}", self.ev) is not None
                )
            )
        return any(scope == h or scope.startswith(f"{h}.") for h in self._handlers[module])

    def _on_an_object(self, decorator: Value) -> bool:
        """Whether a route decorator's owner is an app or router we know, a parameter, or
        an instance's attribute (not ``@registry.get("users")`` of some other registry)."""
        owner = (decorator.func.ref or "") if decorator.func is not None else ""
        owner = owner.rpartition(".")[0]
        held = self.ev.variable(owner) if owner else None
        return (
            owner in self.objects
            or held in self.objects
            or self._param(owner)
            or (decorator.func is not None and decorator.func.text.startswith("self."))
        )

    def _applied_closure(self, decorator: Value, function: Value, site: _Site) -> None:
        """``@route("/a")`` with ``route`` returning its local ``deco(func)``: decorating calls
        ``deco`` with the function, ``route``'s parameters bound to the decorator's arguments
        (a project's own route decorator that calls ``router.add_api_route(path, func)``)."""
        factory = self.ev.called_class(decorator)
        fact = self._callee(factory)
        if factory is None or fact is None:
            return
        closures = {f"{factory}.<locals>.{v.text}" for v in fact.returned if v.kind == "name"}
        closure = closures.pop() if len(closures) == 1 else None
        if closure is None or not (inner := self._callee(closure)) or not inner.params:
            return
        name = closure.rpartition(".")[2]
        call = Value("call", f"{name}({function.text})", items=(function,))
        env = self._bind(fact, factory, decorator, {})
        self.sites[closure].append((call, replace(site, env=env)))

    def _add_sites(self, value: Value, site: _Site) -> None:
        if value.kind == "call":
            # ``mod.setup(app)`` with ``mod = import_module(f"app.plugins.{name}")`` in a loop
            func = _close(value.func, site.env) if site.env and value.func else value.func
            func = self._function_held(_attribute_read(func)) if func is not None else None
            closed = value if func is value.func else replace(value, func=func)
            called = self._constructor(self.ev.called_class(closed))
            fact = self._callee(called)
            if fact is None:  # ``manager.on_start(app)``; ``ext.setup(app)`` over instances
                called = self._method(closed.func) or self._method(value.func)
                fact = self._callee(called)
            if called and fact is not None and fact.params:
                overrides = self._overrides(value.func, called)
                # NAT's base ``build_app`` calls ``self.configure(app)``, which its worker
                # subclass overrides: that one runs when the instance is one of it, and the
                # base's own when it is none of them
                unless = tuple(f"not (isinstance(self, {cls}))" for _, cls in overrides)
                own = replace(site, conditions=(*site.conditions, *unless)) if unless else site
                receiver = self._receiver_class(closed.func, called)
                if receiver is not None:  # ``ListItems().register(router)``, a base's method
                    own = replace(
                        own, env={**own.env, _SELF: Value("name", receiver, ref=receiver)}
                    )
                if (built := self._receiver_built(closed.func, called)) is not None:
                    own = replace(own, env={**built, **own.env})
                self.sites[called].append((self._spread(value), own))
                for override, cls in overrides:
                    tested = (*site.conditions, f"isinstance(self, {cls})")
                    self.sites[override].append(
                        (self._spread(value), replace(site, conditions=tested))
                    )
        held = value.func.func if value.func is not None and value.func.kind == "getattr" else None
        if held is not None and held.kind == "call":  # ``Sub(path="/x").register(app)``
            self._add_sites(held, site)
        if value.kind == "getattr" and value.func is not None:  # ``Events("/x").router``
            self._add_sites(value.func, site)
        for item in (*value.items, *(v for _, v in value.keywords)):
            self._add_sites(item, site)

    def _receiver_class(self, func: Value | None, called: str) -> str | None:
        """The project class of the instance a base class's method ``called`` runs on
        (``ListItems().register``, ``items.register``), when it is a subclass of that base:
        the method reads ``self``'s attributes and overrides there."""
        if func is None or func.kind not in ("getattr", "name"):
            return None
        if func.kind == "getattr":
            receiver = func.func
        else:
            head, _, _ = (func.ref or "").rpartition(".")
            receiver = Value("name", func.text.rpartition(".")[0], ref=head)
        cls = self.ev.instance_class(receiver) if receiver is not None else None
        owner = called.rpartition(".")[0]
        if cls is None or cls == owner or owner not in self.resolver.mro(cls):
            return None
        return cls

    def _made_in_place(self, func: Value | None, key: str) -> Env:
        """``HealthRouter().get_router()`` returning ``self.router``: the router that
        construction's ``__init__``s build, with the arguments it hands them (norake's
        routers, each passing its prefix up to a base's ``__init__``)."""
        built = func.func if func is not None and func.kind == "getattr" else None
        if built is None or built.kind != "call" or not self._collected:
            return {}
        cls = self.ev.called_class(built)
        if cls is None or key.rpartition(".")[0] != cls or not self._set_per_instance(key):
            return {}
        return self._built_env("", built)

    def _receiver_built(self, func: Value | None, called: str) -> Env | None:
        """``routes.register(app)`` with ``routes = Routes(routers=(items,))`` bound once, a
        frozen dataclass: the fields that construction gives the instance (``self.routers``
        read in the method), those not a list (one may grow after); None for any other
        call (an instance whose attributes code may set or grow anywhere)."""
        holder = (func.ref or "").rpartition(".")[0] if func is not None else ""
        key = self.ev.variable(holder) if holder and func and func.kind == "name" else None
        only = self.ev.once(key)
        call = only.value if only is not None else None
        cls = self.ev.called_class(call) if call is not None else None
        if key is None or call is None or cls is None or cls not in self.resolver.symbols:
            return None
        if called.rpartition(".")[0] not in self.resolver.mro(cls) or not self._frozen(cls):
            return None
        if "*" in call.text.partition("(")[2]:
            return None
        given = self._dataclass_given(call, cls)
        fixed = {k: v for k, v in given.items() if v.kind != "list" or v.text.startswith("(")}
        return {_SELF: Value("name", cls, ref=cls), **fixed}

    def _frozen(self, cls: str) -> bool:
        """Whether ``cls`` is a ``@dataclass(frozen=True)``: its fields never set again."""
        fact = self.resolver.symbols[cls]
        return self.ev.is_dataclass(fact) and any(
            d.kind == "call"
            and (frozen := d.keyword("frozen")) is not None
            and frozen.text == "True"
            for d in fact.decorators
        )

    def _function_held(self, func: Value) -> Value:
        """``setup(app)`` with ``setup = routes.register`` bound once: the function the name
        holds (a plugin's hook, a setting's choice); ``func`` itself otherwise."""
        only = self.ev.once(self.ev.variable(func.ref) if func.kind == "name" else None)
        held = only.value if only is not None else None
        if held is None or held.kind != "name":
            return func
        named = self.ev.qualified(held)
        return held if self._callee(named) is not None else func

    def _overrides(self, func: Value | None, called: str) -> list[tuple[str, str]]:
        """``self.configure`` calling ``called``: the methods of that name the project's
        subclasses of its class define, each with its class."""
        name = func.text.removeprefix("self.") if func is not None else ""
        if func is None or func.text != f"self.{name}" or "." in name:
            return []
        owner = called.rpartition(".")[0]
        return [
            (f"{cls}.{name}", cls)
            for cls in self._subclasses_of(owner)
            if self._callee(f"{cls}.{name}") is not None
        ]

    def _subclasses_of(self, base: str) -> list[str]:
        """The project classes deriving from ``base``, directly or not, by name."""
        if self._subclasses is None:
            self._subclasses = defaultdict(list)
            for cls, fact in sorted(self.resolver.symbols.items()):
                for held in self.resolver.mro(cls)[1:] if fact.kind == "class" else ():
                    self._subclasses[held].append(cls)
        return self._subclasses.get(base, [])

    def _spread(self, call: Value, site: _Site | None = None) -> Value:
        """``f(**routers)`` with ``routers`` a dict literal: its items passed by name. At a
        route's declaration or include (``site``), a mapping that cannot be read is a CI202:
        what it passes (``methods``, ``prefix``) would be missing without a word."""
        if all(name != "**" for name, _ in call.keywords):
            return call
        keywords: list[tuple[str, Value]] = []
        for name, value in call.keywords:
            if name != "**":
                keywords.append((name, value))
                continue
            key = self.ev.variable(value.ref) if value.kind == "name" else None
            mapping = self.ev.binding(key) if key else self._returned_mapping(value)
            if mapping is not None and mapping.kind == "dict":
                keywords.extend(mapping.keywords)
                continue
            if _dict_call(value):  # ``**dict(tags=["items"])``: its keywords
                keywords.extend(value.keywords)
                continue
            keywords.append((name, value))  # kept: a call passing it passes what we cannot read
            if site is not None:
                message = f"cannot tell what **{value.text} passes"
                self.diagnostics.add(Diagnostic("CI202", site.file, site.line, message))
        return replace(call, keywords=tuple(keywords))

    def _returned_mapping(self, value: Value) -> Value:
        """``**apigen_config(group_name="agents")`` (parlant): the one dict literal the
        project function returns, with the call's arguments; else ``value`` itself."""
        func = self.ev.called_class(value)
        fact = self._callee(func) if func else None
        if func is None or fact is None or fact.kind != "function" or len(fact.returned) != 1:
            return value
        returned = fact.returned[0]
        bound = self._bind(fact, func, value, {})
        return _close(returned, bound) if returned.kind == "dict" else value

    def _decorators(self, module: str, file: str, sym: SymbolFact) -> None:
        """A decorated def in a ``for`` loop declares one route per item."""
        scope = sym.qualname.rpartition(".<locals>.")[0]
        sites, unknown = self._loop_sites(module, file, sym.start_line, sym.guards, scope)
        declares = any(_route_decorator(d) for d in sym.decorators)
        sites = self._under_callers(module, scope, sites, declares)
        for written, line in zip(sym.decorators, sym.decorator_lines, strict=True):
            decorator = self._forwarded(written)
            calls = self._closure_sites(module, scope, sites, decorator.func)
            registered = [self._decorator(replace(s, line=line), sym, decorator) for s in calls]
            if unknown is not None and decorator.kind == "call" and not any(registered):
                owner = decorator.func.text if decorator.func is not None else decorator.text
                if owner.rpartition(".")[2] in _VERBS and _loop_target(owner, sym.guards):
                    message = f"cannot tell what `{unknown}` runs over"
                    self.diagnostics.add(Diagnostic("CI202", file, line, message))

    def _forwarded(self, decorator: Value) -> Value:
        """``@get("/g")`` with ``def get(path): return router.get(path)`` (the call held in a
        local first, too): the route decorator the function returns, its parameters bound to
        the decorator's arguments. ``get = router.get`` bound once, then ``@get("/g")``: the
        verb the name holds."""
        func = decorator.func if decorator.kind == "call" else None
        key = self.ev.variable(func.ref) if func is not None and func.kind == "name" else None
        written = self.ev.assigns.get(key, []) if key else []
        held = written[0].value if len(written) == 1 else None
        if held is not None and held.kind == "name" and _is_verb(held):
            return replace(decorator, func=held)
        factory = self.ev.called_class(decorator) if decorator.kind == "call" else None
        fact = self._callee(factory)
        if (factory is None or fact is None) and decorator.kind == "call":
            return self._method_verb(decorator) or decorator
        if factory is None or fact is None:
            return decorator
        handed = decorator.items[0] if decorator.items else None
        verb = handed is not None and handed.kind == "name" and _is_verb(handed)
        forwarding = self._registers_handed(factory, fact) if handed is not None and verb else None
        if handed is not None and forwarding is not None:
            # ``@wrap_route(router.post, path="/x")``: the verb it is handed applied to the
            # function with the other arguments (Opentrons' ``PydanticResponse.wrap_route``),
            # and with what the decorator adds itself (``dependencies=[...]``)
            env = self._bind(fact, factory, decorator, {})
            added = tuple((k, _close(v, env)) for k, v in forwarding.keywords if k != "**")
            keywords = (*added, *decorator.keywords)
            rest = decorator.items[1:]
            text = ", ".join([*(v.text for v in rest), *(f"{k}={v.text}" for k, v in keywords)])
            return Value(
                "call", f"{handed.text}({text})", func=handed, items=rest, keywords=keywords
            )
        applied = self._handed_call(factory, fact) if handed is not None and verb else None
        if applied is not None:  # ``@protected_route(router.get, "/x", scopes)`` (RomM)
            return _close(applied, self._bind(fact, factory, decorator, {}))
        if len(fact.returned) != 1:
            return decorator
        returned: Value | None = fact.returned[0]
        if returned is not None and returned.kind == "name":  # ``deco = router.post(path)``
            key = self.ev.variable(returned.ref)
            returned = self.ev.binding(key) if key and ".<locals>." in key else None
        func = returned.func if returned is not None and returned.kind == "call" else None
        if returned is None or func is None or (func.ref or "").rpartition(".")[2] not in _VERBS:
            return decorator
        return _close(returned, self._bind(fact, factory, decorator, {}))

    def _method_verb(self, decorator: Value) -> Value | None:
        """``@router.api_get("/x", Item)`` with ``api_get`` a method of the router's class
        that returns ``self.get(path, ...)``, or a decorator applying that to the function
        (or to a wrapper keeping its name): that verb call on ``router``, the method's
        parameters bound to the decorator's arguments (pileax's ``ApiRouter``)."""
        method = self._method(decorator.func)
        fact = self._callee(method)
        receiver = decorator.func.ref if decorator.func is not None else None
        if method is None or fact is None or receiver is None or len(fact.returned) != 1:
            return None
        applied: Value | None = fact.returned[0]
        if applied is not None and applied.kind == "name":  # ``return decorator``
            applied = next((a for a, _ in self._applied(method, fact) if a is not None), None)
        func = applied.func if applied is not None and applied.kind == "call" else None
        verb = (func.ref or "").rpartition(".")[2] if func is not None else ""
        if applied is None or func is None or verb not in _VERBS:
            return None
        cls = method.rpartition(".")[0]
        if func.ref != f"{cls}.{verb}" or fact.returned_guards != ((),):
            return None  # not ``self``'s own verb, or returned under a test
        bound = _close(applied, self._bind(fact, method, decorator, {}))
        return rebased(bound, f"{cls}.", f"{receiver.rpartition('.')[0]}.")

    def _registers_handed(self, factory: str, fact: SymbolFact) -> Value | None:
        """The call ``route_method(*args, **kwargs)`` (more keywords allowed, not ``path``
        or ``methods``) that a decorator factory ``wrap(route_method, *args, **kwargs)``'s
        decorator applies, under no test, to the function it decorates (or to a wrapper of
        it keeping its name); None when it does not."""
        mapping = next((p.name for p in fact.params if p.kind == "double_star"), None)
        for applied, verb in self._applied(factory, fact) if mapping else ():
            if _forwards(applied, verb, f"{factory}.<locals>.{mapping}"):
                return applied
        return None

    def _handed_call(self, factory: str, fact: SymbolFact) -> Value | None:
        """``def protected_route(method, path, scopes, **kwargs)`` whose decorator returns,
        under no test, ``method(path, dependencies=[...], **kwargs)(fn)`` of the function it
        decorates (or of ``fn = wrap(func)``, a wrapper keeping its name): that verb call, as
        written; None for any other shape."""
        spread = {f"*{p.name}" for p in fact.params if p.kind == "star"}
        for applied, verb in self._applied(factory, fact):
            if applied is None or applied.func is None or applied.func.ref != verb:
                continue
            if any(re.search(rf"(?<![*\w]){re.escape(s)}\b", applied.text) for s in spread):
                continue  # ``method(*args, **kwargs)``: ``_registers_handed``'s
            if "methods" not in {name for name, _ in applied.keywords}:
                return applied
        return None

    def _applied(self, factory: str, fact: SymbolFact) -> Iterator[tuple[Value | None, str]]:
        """For a decorator factory whose first parameter is handed a route verb (or is
        ``self``, of a router's method): what each of its nested decorators applies, under
        no test, to the function it decorates (or to a wrapper keeping its name), read
        through ``deco = m(...)``; with that parameter."""
        if not fact.params or fact.params[0].kind != "positional":
            return
        verb = f"{factory}.<locals>.{fact.params[0].name}"
        module = self.resolver.symbol_module.get(factory, "")
        facts = self.resolver.modules.get(module)
        local = factory.removeprefix(f"{module}.") + ".<locals>."
        for nested in facts.symbols if facts is not None else ():
            if nested.kind != "function" or not nested.qualname.startswith(local):
                continue
            if len(nested.params) != 1 or "." in nested.qualname[len(local) :]:
                continue
            inner = f"{module}.{nested.qualname}"
            for value, guards in zip(nested.returned, nested.returned_guards, strict=True):
                if guards or value.kind != "call" or len(value.items) != 1 or value.keywords:
                    continue
                if not self._decorated(value.items[0], inner, nested.params[0].name):
                    continue
                applied = value.func
                if applied is not None and applied.kind == "name":  # ``deco = m(...)`` first
                    key = self.ev.variable(applied.ref)
                    written = self.ev.assigns.get(key) if key else None
                    one = written[0] if written and len(written) == 1 else None
                    applied = one.value if one is not None and not one.guards else None
                yield (applied if applied is not None and applied.kind == "call" else None), verb

    def _decorated(self, value: Value, function: str, param: str) -> bool:
        """Whether ``value``, in ``function``, is its parameter ``param``, or a local bound
        once to a decorator applied to it that keeps its name (``functools.wraps``)."""
        passed = f"{function}.<locals>.{param}"
        if value.ref == passed:
            return True
        if value.kind == "call" and len(value.items) == 1 and value.items[0].ref == passed:
            return self._keeps_name(value.func)  # ``m(api_response(model)(func))``
        own = value.kind == "name" and value.ref == f"{function}.<locals>.{value.text}"
        wrapper = self.resolver.symbols.get(value.ref or "") if own else None
        if wrapper is not None:
            return any(  # ``@wraps(func) async def wrapper(...)`` defined in it
                d.kind == "call"
                and self.ev.qualified(d.func) == "functools.wraps"
                and [i.ref for i in d.items] == [passed]
                for d in wrapper.decorators
            )
        written = self.ev.assigns.get(value.ref or "", ()) if value.kind == "name" else ()
        bound = written[0].value if len(written) == 1 and not written[0].guards else None
        if bound is None or bound.kind != "call" or len(bound.items) != 1:
            return False
        return bound.items[0].ref == passed and self._keeps_name(bound.func)

    def _keeps_name(self, decorator: Value | None) -> bool:
        """Whether ``decorator`` (``_requires(scopes)``) returns a wrapper made with
        ``functools.wraps``, whose name and signature FastAPI reads as the function's."""
        made = self.ev.returned_function(decorator) if decorator is not None else None
        fact = self.resolver.symbols.get(made) if made else None
        wrappers = [self.resolver.symbols.get(v.ref or "") for v in fact.returned] if fact else []
        return bool(wrappers) and all(
            wrapper is not None
            and any(
                d.kind == "call" and self.ev.qualified(d.func) == "functools.wraps"
                for d in wrapper.decorators
            )
            for wrapper in wrappers
        )

    def _statements(self, module: str, file: str, call: CallFact) -> None:
        call = _copied_by_loop(call) or self._unaliased(call)
        # ``super().add_api_route(path, endpoint)`` in a helper method: ``self``'s, bound per
        # call of the helper as ``self.add_api_route`` is (fastapi-crudrouter's own shape)
        unsuper = self._from_super(
            call.value.func, _Site(module, file, call.line, scope=call.scope)
        )
        call = replace(call, value=replace(call.value, func=unsuper)) if unsuper else call
        statements, items_known = self._mapped(call.value)
        if call.role == "call" and not any(self._may_record(s) for s in statements):
            return  # ``session.add(row)`` in a service's loops: nothing to run them for
        sites, unknown = self._loop_sites(module, file, call.line, call.guards, call.scope)
        per_call = self._per_call(module, call, sites)
        sites = self._under_callers(module, call.scope, per_call, _may_register(call.value))
        func = call.value.func
        owner = func.func if func is not None and func.kind == "call" else func
        sites = self._closure_sites(module, call.scope, sites, owner)
        registered = [self._statement(site, s) for site in sites for s in statements]
        unknown = unknown if items_known else unknown or call.value.text
        if unknown is not None and any(registered):
            message = f"cannot tell what `{unknown}` runs over"
            self.diagnostics.add(Diagnostic("CI202", file, call.line, message))

    def _may_record(self, statement: Value) -> bool:
        """Whether a statement may declare, include or copy routes, whatever loops and
        callers run it: all but a plain call of a method named for none of that, not fetched
        by ``getattr``. Expanding the loops and callers around every other call of a service
        cost DZ_fastapi's route stage three times what its routes did."""
        func = statement.func
        if statement.kind != "call" or func is None or func.kind != "name":
            return True
        named = {func.text.rpartition(".")[2], (func.ref or "").rpartition(".")[2]}
        key = self.ev.variable(func.ref)
        held = self.ev.binding(key) if key else None
        getter = held.func if held is not None and held.kind == "call" else None
        fetched = getter is not None and getter.ref is None and getter.text == "getattr"
        copied = (func.ref or "").endswith(_COPYING)
        return bool(named & _RECORDING) or copied or fetched

    def _unaliased(self, call: CallFact) -> CallFact:
        """``include_api = api_router.include_router``, then ``include_api(users, ...)``: a
        call of the method the name holds, bound once."""
        func = call.value.func
        only = self.ev.once(self.ev.variable(func.ref)) if func and func.kind == "name" else None
        held = only.value if only is not None else None
        if held is None or held.kind != "name" or held.ref is None:
            return call
        if held.ref.rpartition(".")[2] not in _REGISTERING - {"routes"}:
            return call
        return replace(call, value=replace(call.value, func=held))

    def _mapped(self, call: Value) -> tuple[list[Value], bool]:
        """``list(map(app.include_router, routers))``: the function called once per item,
        each call a statement of its own, and whether the items are known (if not, one call
        of an unknown item stands for them); any other statement is itself."""
        inner = call.items[0] if call.kind == "call" and len(call.items) == 1 else None
        outer = call.func.text if call.func is not None and call.func.ref is None else ""
        mapper = inner.func if inner is not None and inner.kind == "call" else None
        if outer not in _SAME_ITEMS or mapper is None or mapper.text != "map":
            return [call], True
        assert inner is not None
        if mapper.ref is not None or len(inner.items) != 2:
            return [call], True
        func, iterable = inner.items
        items = self._items(iterable, {})
        return [
            Value("call", f"{func.text}({item.text})", func=func, items=(item,))
            for item in (items if items is not None else (Value("name", "<?item>"),))
        ], items is not None

    def _closure_sites(
        self, module: str, scope: str, sites: list[_Site], method: Value | None
    ) -> list[_Site]:
        """A helper nested in a function (gradio's ``attach_page(page)`` inside
        ``create_app``) declares on what it closes over once per call, with that call's
        arguments, loops and ``if`` tests. Not on an object of its own (``r = APIRouter()``
        inside it): that one object would stand for every call's, mixing their routes."""
        ref = method.ref if method is not None and method.kind == "name" else None
        if ".<locals>." not in scope or ref is None:
            return sites
        if ref.startswith(f"{module}.{scope}.<locals>."):
            return sites
        func = f"{module}.{scope}"
        fact = self._callee(func)
        calls = self.sites.get(func, [])
        if fact is None or not calls:
            return sites
        return [
            replace(
                site,
                env={**outer.env, **self._bind(fact, func, call, outer.env), **site.env},
                conditions=(*outer.conditions, *site.conditions),
            )
            for call, outer in calls
            for site in sites
        ]

    def _loop_sites(
        self, module: str, file: str, line: int, guards: tuple[Guard, ...], scope: str = ""
    ) -> tuple[list[_Site], str | None]:
        """One site per item of the loops around a statement (``for r in ROUTERS:``), and
        the loop whose items are not known, if any (then one site, the loop unexpanded). A
        loop over a parameter of the function around it (``for r in routers:`` in
        ``add_routers(app, routers)``) runs once per call, with that call's arguments."""
        base = _Site(module, file, line, {}, _conditions(guards), scope)
        if all(guard.kind != "for" for guard in guards):
            env = self._module_locals(module, scope, line, {})  # ``m = import_module("a.b")``
            # ``if ENABLE_ADMIN:`` of a constant the project never changes, ``TYPE_CHECKING``
            known = self._known_tests(module, scope, guards, env) if base.conditions else set()
            if known is None:
                return [], None
            if not known:
                return [replace(base, env=env) if env else base], None
            kept = tuple(c for c in base.conditions if c not in known)
            return [replace(base, env=env, conditions=kept)], None
        starts = self._calls_of(module, scope, _iterables(guards))
        runs: list[tuple[Env, tuple[str, ...]]] = [
            (self._module_locals(module, scope, line, env), conditions)
            for env, conditions in (starts if starts is not None else [({}, ())])
        ]
        partial = None
        for place, guard in enumerate(guards):
            if guard.kind != "for" or guard.target is None:
                continue
            expanded: list[tuple[Env, tuple[str, ...]]] = []
            targets = (self.ev.variable(r) or r for r in _target_refs(guard.target))
            changed = any(self.ev.changed_in_place(key) for key in targets)
            for env, conditions in runs:
                if env and self._known_tests(module, scope, guards[:place], env) is None:
                    continue  # an outer item an ``if`` leaves out: the inner loop never runs
                if changed:
                    return [base], guard.text  # ``url["prefix"] = ...``: not the item listed
                # an inner loop's folder may be a local an outer loop's item makes
                # (``module_path = features_dir / feature_name``, papermerge)
                env = self._module_locals(module, scope, line, env) if env else env
                chosen = self._chosen_local(guard, env, (module, scope, line))
                branches = _branches(chosen)
                for iterable, tests in branches:
                    items, complete = self._tested_items(iterable, env, (module, scope, line))
                    if items is None and len(branches) > 1:
                        # ``excluded(routers, ...)`` under a test, ``routers`` under its
                        # ``else``: the branch known runs under its test, the other is unknown
                        partial = guard.text
                        continue
                    if items is None:
                        return [base], guard.text
                    partial = partial if complete else guard.text
                    expanded.extend(
                        (
                            {**env, **_unpack(guard.target, self._record(item))},
                            (*conditions, *tests, *more),
                        )
                        for item, more in items
                    )
            runs = expanded
            if len(runs) > _MAX_SITES:  # data, not wiring (vllm's 90,000 kernel configs)
                return [base], guard.text
        sites = []
        # ``if name == "b": break``: an item runs only while no earlier one met the test;
        # read in order over one loop's items (of one call)
        leaving = next((g for g in guards if g.kind == "if" and g.target is not None), None)
        one_loop = sum(g.kind == "for" for g in guards) == 1 and (starts is None or len(starts) < 2)
        leaving = leaving if one_loop else None
        left: bool | None = False  # whether an earlier item left the loop
        for env, conditions in runs:
            env = self._module_locals(module, scope, line, env)
            if left is True:
                break
            known = self._known_tests(module, scope, guards, env)
            if known is not None:
                if leaving is not None and left is False:
                    known.add(leaving.text)
                kept = tuple(c for c in base.conditions if c not in known)
                sites.append(replace(base, env=env, conditions=(*conditions, *kept)))
            if leaving is not None and leaving.target is not None and left is False:
                left = self._holds(module, scope, leaving.target.text, env)
        if not sites and partial is not None:
            return [base], partial  # nothing known of it: the loop unexpanded, as unknown
        return sites, partial

    def _chosen_local(self, guard: Guard, env: Env, reader: tuple[str, str, int]) -> Value | None:
        """What a loop runs over, a local bound once before it to a conditional expression
        read as that expression (``endpoints = INDEX if index else MAIN``, optimade), so
        each branch's items run under its test; a variable bound anew before the loop
        (``job_routes = (land.router,)`` after a loop over its first tuple, gfw-data-api),
        read as that binding."""
        module, scope, line = reader
        iterable = _close(guard.iterable, env) if guard.iterable else None
        if iterable is None or iterable.kind != "name":
            return iterable
        key = self.ev.key(module, scope, iterable.text)
        rebound = self.ev.rebound(key, line)
        if rebound is not None:
            return _close(rebound, env)
        if not scope:
            return iterable
        written = self.ev.assigns.get(key, ())
        if iterable.text in self._changed_names():
            return iterable  # ``endpoints.append(x)`` after: not the expression's items
        bound = written[0].value if len(written) == 1 and not written[0].guards else None
        bound = bound or _if_else_bound(written)  # ``if flag: x = a`` / ``else: x = b``
        return _close(bound, env) if bound is not None and bound.kind == "ifexp" else iterable

    def _record(self, item: Value) -> Value:
        """A loop's item built by a dataclass or named tuple of the project
        (``RoutePrefix(["/chat"], True)``, gpustack): its fields by name, and in order, as
        the arguments and the class's defaults give them; any other item as it is."""
        cls = self.ev.called_class(item) if item.kind == "call" else None
        fields = self._record_fields(cls) if cls else None
        given = dict(item.keywords)
        if fields is None or len(item.items) > len(fields) or "**" in given:
            return item
        values = []
        for index, (name, default) in enumerate(fields):
            value = item.items[index] if index < len(item.items) else given.get(name)
            value = value if value is not None else default
            if value is None:
                return item  # a field left to a factory, or missing: not one record
            values.append((name, value))
        # ``ref``: the record's class, whose methods a loop may call on it (``config.as_view()``)
        fielded = tuple(values)
        return Value(
            "list", item.text, ref=cls, items=tuple(v for _, v in values), keywords=fielded
        )

    def _record_fields(self, cls: str) -> list[tuple[str, Value | None]] | None:
        """A record class's fields in order, each with its default, if it has one it can
        tell; None when ``cls`` is no plain record class."""
        fact = self.resolver.symbols.get(cls)
        if fact is None or fact.kind != "class":
            return self._named_tuple_fields(cls)
        post_init = self.resolver.symbols.get(f"{cls}.__post_init__")
        if not self._plain_record(fact) or post_init is not None:
            return None
        return self._fields(cls)

    def _fields(self, cls: str) -> list[tuple[str, Value | None]]:
        """A record class's own annotated fields in order, each with its default: what
        ``field(default_factory=list)`` builds too (``[]``; another factory's call)."""
        module, scope = self.resolver.symbol_module[cls], self.resolver.symbols[cls].qualname
        return [
            (a.name, self.ev.field_default(a.value) or _built(self.ev.field_factory_call(a.value)))
            for a in sorted(self.resolver.modules[module].assigns, key=lambda a: a.line)
            if a.scope == scope
            and a.annotation is not None
            and not a.annotation.text.startswith("ClassVar")
        ]

    def _named_tuple_fields(self, name: str) -> list[tuple[str, Value | None]] | None:
        """A named tuple made by a call (siibra-api's ``PrefixedRouter =
        namedtuple("PrefixedRouter", ["prefix", "router"])``; ``"prefix router"``;
        ``NamedTuple("X", [("prefix", str)])``): its fields, the last ones defaulted by
        ``defaults=``."""
        key = self.ev.variable(name)
        made = self.ev.binding(key) if key else None
        if made is None or made.kind != "call" or len(made.items) != 2:
            return None
        if self.ev.qualified(made.func) not in _NAMED_TUPLE_CALLS:
            return None
        spec = made.items[1]
        if spec.kind == "str":
            names: list[str | None] = list(spec.text.replace(",", " ").split())
        elif spec.kind == "list":
            names = [_field_name(field) for field in spec.items]
        else:
            return None
        defaults = made.keyword("defaults")
        given = defaults.items if defaults is not None and defaults.kind == "list" else ()
        if None in names or len(given) > len(names) or (defaults is not None and not given):
            return None
        padded: list[Value | None] = [None] * (len(names) - len(given))
        return [(str(n), d) for n, d in zip(names, [*padded, *given], strict=True)]

    def _plain_record(self, fact: SymbolFact) -> bool:
        """A ``@dataclass`` or ``NamedTuple`` class with no base of the project's own."""
        dataclass = self.ev.is_dataclass(fact)
        bases = [self.ev.qualified(b) for b in fact.bases]
        named = any(b in _NAMED_TUPLE for b in bases)
        own = any(b in self.resolver.symbols for b in bases if b)
        return (dataclass or named) and not own

    def _tested_items(
        self, iterable: Value | None, env: Env, reader: tuple[str, str, int]
    ) -> tuple[list[tuple[Value, tuple[str, ...]]] | None, bool]:
        """What a loop runs over, each item with the ``if`` tests it was added under, and
        whether that is all of it (an append we cannot read leaves the rest known); of a
        comprehension, what it makes of each item of what it runs over that its tests keep."""
        iterable = self._comprehension(iterable, env, reader) or iterable
        iterable = self._returned_comprehension(iterable, env) or iterable
        if iterable is not None and iterable.kind == "comp":
            made, target, inner, *filters = iterable.items
            if iterable in self._comprehending:
                return None, True  # ``names = sorted(n for n in names)``: over what was given
            self._comprehending.append(iterable)
            try:
                ran, complete = self._tested_items(inner, env, reader)
            finally:
                self._comprehending.pop()
            each = []
            for item, held in ran or ():
                bound = _unpack(target, self._record(item))
                left = self._undecided([f.text for f in filters], {**env, **bound}, reader)
                if left:
                    return None, complete  # a test the item does not decide
                if left is not None:
                    each.append((_close(made, bound), held))
            return (each if ran is not None else None), complete
        walked = package_walk(iterable, reader[0], self.ev)
        walked = walked if walked is not None else self._walk_returned(iterable, env, reader[0])
        if walked is None:
            walked = folder_listing(iterable, reader[0], self.ev)
        if walked is not None:
            return [(item, ()) for item in walked], True
        listed = self._list_literal(iterable)
        if listed is not None:
            key, literal = listed
            added = self._appended(key, reader)
            if added is None:
                return None, False
            return [*((item, ()) for item in literal.items), *added[0]], added[1]
        yielded = self._yielded(iterable, env)
        if yielded is not None:
            return yielded
        items = self._items(iterable, env)
        if items is None:
            return None, True
        tests, dispatched = self._dispatched_items(iterable, env)
        return [*((item, tests) for item in items), *dispatched], True

    def _yielded(
        self, call: Value | None, env: Env
    ) -> tuple[list[tuple[Value, tuple[str, ...]]] | None, bool] | None:
        """What a project generator a loop calls yields (auth-api's ``for method in
        AuthPluginMeta.active_auth_methods()``), with the call's arguments bound: each
        ``yield`` in at most one loop, each item under the ``if`` tests around it that its
        binding does not decide; None when ``call`` calls no generator."""
        if call is None or call.kind != "call":
            return None
        call = _close(call, env)
        func = self.ev.called_class(call)
        fact = self._callee(func)
        if func is None or fact is None or not fact.yielded or fact.returned:
            return None
        if func in self._yielding:
            return None, True  # a generator reading itself: not known
        self._yielding.add(func)
        try:
            return self._yielded_by(func, fact, call, env)
        finally:
            self._yielding.discard(func)

    def _yielded_by(
        self, func: str, fact: SymbolFact, call: Value, env: Env
    ) -> tuple[list[tuple[Value, tuple[str, ...]]] | None, bool]:
        module = self.resolver.symbol_module[func]
        reader = (module, func.removeprefix(f"{module}."), fact.end_line)
        bound = self._bind(fact, func, call, env) if fact.params else {}
        # and the modules and folders it reads by name (``package = import_module(name)``)
        bound = self._module_locals(*reader, bound)
        found: list[tuple[Value, tuple[str, ...]]] = []
        complete = True
        for value, guards in zip(fact.yielded, fact.yielded_guards, strict=True):
            loops = [g for g in guards if g.kind == "for"]
            if len(loops) > 1 or any(g.kind not in ("if", "for") for g in guards):
                return None, complete
            runs: list[tuple[Env, tuple[str, ...]]] = [(bound, ())]
            if loops and loops[0].target is not None:
                iterable = _close(loops[0].iterable, bound) if loops[0].iterable else None
                ran, done = self._tested_items(iterable, bound, reader)
                if ran is None:
                    return None, done
                complete = complete and done
                target = loops[0].target
                runs = [
                    (self._module_locals(*reader, {**bound, **_unpack(target, self._record(i))}), t)
                    for i, t in ran
                ]
            tests = [g.text for g in guards if g.kind == "if"]
            for run, held in runs:
                kept = self._undecided(tests, run, reader)
                if kept is not None:
                    found += self._spread_run(_close(value, run), run, (*held, *kept), reader)
        return found, complete

    def _undecided(
        self, tests: list[str], env: Env, reader: tuple[str, str, int]
    ) -> tuple[str, ...] | None:
        """The ``if`` tests ``env`` does not decide; None when one fails."""
        module, scope, _ = reader
        kept = []
        for test in tests:
            decided = self._decided(
                test,
                lambda name: env.get(self.ev.key(module, scope, name)),
                lambda name: self._constant(module, scope, name),
            )
            if decided is False:
                return None
            if decided is None:
                kept.append(test)
        return tuple(kept)

    def _spread_run(
        self, value: Value, env: Env, tests: tuple[str, ...], reader: tuple[str, str, int]
    ) -> list[tuple[Value, tuple[str, ...]]]:
        """A yielded value under ``tests``; ``yield from x``, each item of ``x``."""
        if value.kind != "star":
            return [(value, tests)]
        ran, _ = self._tested_items(value.items[0], env, reader)
        inner = ran if ran is not None else [(value.items[0], ())]
        return [(item, (*tests, *more)) for item, more in inner]

    def _comprehension(
        self, iterable: Value | None, env: Env, reader: tuple[str, str, int], hops: int = 0
    ) -> Value | None:
        """The comprehension a loop runs over through a name bound to it once and never
        added to (``names = [f[:-3] for f in os.listdir(d) if ...]``), or through
        ``sorted(...)`` and the like; None for anything else."""
        value = _close(iterable, env) if iterable is not None and hops <= _MAX_DEPTH else None
        func = value.func if value is not None and value.kind == "call" else None
        if value is not None and func is not None and func.ref is None and len(value.items) == 1:
            inner = value.items[0] if func.text in _SAME_ITEMS and not value.keywords else None
            return self._comprehension(inner, env, reader, hops + 1)
        key = self.ev.variable(value.ref) if value is not None and value.kind == "name" else None
        written = self.ev.assigns.get(key, ()) if key else ()
        if key is None or len(written) != 1 or written[0].value is None:
            return value if value is not None and value.kind == "comp" else None
        added = self._appended(key, reader)
        unchanged = added is not None and not added[0] and added[1]
        return self._comprehension(written[0].value, env, reader, hops + 1) if unchanged else None

    def _walk_returned(self, call: Value | None, env: Env, module: str) -> tuple[Value, ...] | None:
        """``for info in iter_nametag(plugins)`` with ``return pkgutil.iter_modules(
        ns_pkg.__path__, ns_pkg.__name__ + ".")``: the walk the project function returns,
        read with the arguments the call in ``module`` gives."""
        returned = self._sole_return(call, env, "call")
        return package_walk(returned, module, self.ev) if returned is not None else None

    def _returned_comprehension(self, call: Value | None, env: Env) -> Value | None:
        """``for r in get_routers()`` with ``return [m.router for m in MODULES]``: that
        comprehension, read with the call's arguments."""
        return self._sole_return(call, env, "comp")

    def _sole_return(self, call: Value | None, env: Env, kind: str) -> Value | None:
        """What the project function ``call`` calls returns in its one ``return``, outside
        any block, read with the call's arguments, when it is a ``kind`` value."""
        call = _close(call, env) if call is not None else None
        func = self.ev.called_class(call) if call is not None and call.kind == "call" else None
        fact = self._callee(func)
        if call is None or func is None or fact is None or len(fact.returned) != 1:
            return None
        if fact.returned_guards != ((),) or fact.returned[0].kind != kind:
            return None
        return _close(fact.returned[0], self._bind(fact, func, call, {}))

    def _dispatched_items(
        self, iterable: Value | None, env: Env
    ) -> tuple[tuple[str, ...], list[tuple[Value, tuple[str, ...]]]]:
        """``for router in self._routers_list(...)`` in a base class's method (refact's web
        GUI): what each subclass's override returns, under ``isinstance(self, Sub)``, and
        the tests under which the base's own method runs (no override's)."""
        called = self.ev.called_class(iterable) if iterable is not None else None
        if iterable is None or iterable.func is None or called is None:
            return (), []
        tests: list[str] = []
        found: list[tuple[Value, tuple[str, ...]]] = []
        for override, cls in self._overrides(iterable.func, called):
            func = Value("name", iterable.func.text, ref=override)
            test = f"isinstance(self, {cls})"
            found += [
                (item, (test,)) for item in self._items(replace(iterable, func=func), env) or ()
            ]
            tests.append(f"not ({test})")
        return tuple(tests), found

    def _list_literal(self, value: Value | None) -> tuple[str, Value] | None:
        """A name bound to a list literal: its variable, and the literal."""
        if value is None or value.kind != "name" or self.ev.constructed(value.ref) is not None:
            return None
        key = self.ev.variable(value.ref)
        binding = _joined_list(self.ev.binding(key)) if key else None
        if key is None or binding is None:
            return None
        return (key, binding) if _wiring(binding) else None

    def _module_locals(self, module: str, scope: str, line: int, env: Env) -> Env:
        """``env`` and the modules ``scope`` imports by name before ``line``, once ``env``
        tells the name (``module = importlib.import_module(f"{__name__}.{info.name}")`` in
        a loop over a package walk, ``package = importlib.import_module(package_name)`` with
        the parameter bound), or the attribute read from one (``router = getattr(module,
        "router", None)``)."""
        bound = dict(env)
        for place, assign in enumerate(self._deriving_assigns(module, scope)):
            if assign.line >= line or assign.value is None:
                continue
            key = self.ev.key(module, scope, assign.name)
            given = env.get(key)
            if given is not None and given.kind == "str" and self._param(key):
                continue  # a string parameter: the call's bindings hold it as the body leaves it
            if env and self._reads(module, scope, place).isdisjoint(bound):
                # nothing bound reaches it: it holds the same for every run of the loop or
                # call (a service's loops over its parameters run thousands of times)
                where = (module, scope, place)
                if where not in self._held_alone:
                    self._held_alone[where] = self._held(assign, assign.value, module, key, True)
                held = self._held_alone[where]
            else:
                held = self._held(assign, _close(assign.value, bound), module, key, bool(env))
            if held is not None:
                bound[key] = held
        return bound

    def _held(
        self, assign: AssignFact, closed: Value, module: str, key: str, bound: bool
    ) -> Value | None:
        """What a local ``_module_locals`` reads holds, ``closed`` over the run's names
        (``bound``: whether the run binds any)."""
        value = assign.value
        assert value is not None
        if _may_import(value):
            held = self._module_held(closed, module)
            # a module the project does not have: the statements after it never run
            return held or (_MISSING if missing_module(closed, module, self.ev) else None)
        if value.kind == "div" or _package_folder(value):
            # ``folder = root / "features"``, ``root`` given; ``package.__path__[0]``
            return closed if closed != value else None
        if not bound:
            return None
        # ``name = os.path.splitext(file)[0]`` of a loop's ``file``
        held = self._derived(closed, value, module) or self._module_looked_up(closed)
        if held is None and self._built_per_item(assign, closed, key):
            held = closed  # ``instance = controller()`` in a loop: that item's call
        return held

    def _reads(self, module: str, scope: str, place: int) -> frozenset[str]:
        """The names a local of ``_deriving_assigns`` reads, and every prefix of each (a
        run binding ``info`` reaches ``info.name``)."""
        where = (module, scope, place)
        if where not in self._read_names:
            value = self._deriving_assigns(module, scope)[place].value
            refs = refs_within(value) if value is not None else []
            self._read_names[where] = frozenset(
                ref.rsplit(".", cut)[0] for ref in refs for cut in range(ref.count(".") + 1)
            )
        return self._read_names[where]

    def _built_per_item(self, assign: AssignFact, closed: Value, key: str) -> bool:
        """Whether a loop's body binds a name once to a call of what the loop binds
        (``instance = controller()``, ``router = controller.register_routes()``) or to an
        attribute of it (``api_router = api_module.router``, the module imported by name):
        read as that call or attribute, as if written where the name is used."""
        looped = any(guard.kind == "for" for guard in assign.guards)
        return (
            looped
            and key not in self.objects  # an app or router each run builds: its own object
            and closed.kind in ("call", "name")
            and closed != assign.value
            and len(self.ev.assigns.get(key, ())) == 1
        )

    def _deriving_assigns(self, module: str, scope: str) -> list[AssignFact]:
        """The assignments of ``scope`` that may import a module by name, or make a string
        of what a loop binds, in line order."""
        if (module, scope) not in self._importing:
            facts = self.resolver.modules[module]
            self._importing[module, scope] = sorted(
                (a for a in facts.assigns if a.scope == scope and _may_derive(a)),
                key=lambda a: a.line,
            )
        return self._importing[module, scope]

    def _module_looked_up(self, closed: Value) -> Value | None:
        """The module a dict of modules gives for a loop's item (tabbyAPI's
        ``router_mapping.get(server)``, its values imported modules)."""
        found = self.ev.looked_up(closed)
        target = self.resolver.resolve(found.ref) if found is not None and found.ref else None
        if found is None or target is None or target.remainder:
            return None
        module = target.qualname
        return Value("name", found.text, ref=module) if module in self.resolver.modules else None

    def _derived(self, closed: Value, written: Value, module: str) -> Value | None:
        """The string ``closed`` makes, once some name in it is bound: None when none is (no
        loop's item in it) or the string is not known in full."""
        if closed == written:
            return None
        text = self.ev.text(with_dunders(closed, module, self.ev))
        return None if text.unknown else Value("str", text.value)

    def _branch_parts(self, value: Value, env: Env, site: _Site, depth: int = 0) -> Value:
        """``value`` with each conditional expression, in place or in a string it builds,
        read as the branch its test picks with the run's bindings (``"" if version ==
        "internal" else f"/api/{version}"`` in a loop over versions); as it is when not known."""
        if value.kind == "name" and env and depth <= _MAX_DEPTH:
            # ``prefix = "" if version == "internal" else ...`` bound once in the loop's body
            key = self.ev.variable(value.ref)
            written = self.ev.assigns.get(key, ()) if key else ()
            bound = written[0].value if len(written) == 1 else None
            if bound is not None and bound.kind == "ifexp":
                picked = self._branch_parts(bound, env, site, depth + 1)
                return value if picked is bound else picked
        if value.kind == "ifexp" and len(value.items) == 3 and depth <= _MAX_DEPTH:
            test, body, orelse = value.items
            held = holds(test.text, lambda dotted: self._argument_literal(site, env, dotted))
            if held is None and env:  # ``hasattr(module, "prefix")`` of a loop's module
                held = self._holds(site.module, site.scope, test.text, env)
            if held is None:
                return value
            chosen = self._closed(body if held else orelse, env, 0)
            return self._branch_parts(chosen, env, site, depth + 1)
        if value.kind in ("fstring", "add", "or") and depth <= _MAX_DEPTH:
            items = tuple(self._branch_parts(v, env, site, depth + 1) for v in value.items)
            return replace(value, items=items)
        return value

    def _module_parts(self, value: Value, module: str, depth: int = 0) -> Value:
        """``value`` with each ``getattr(mod, "__prefix__", "")`` of a module it names, in
        place or in a string it builds, read as the module's attribute or the default."""
        if _getattr(value) is not None:
            return self._module_held(value, module) or value
        if value.kind in ("fstring", "add", "or") and depth <= _MAX_DEPTH:
            items = tuple(self._module_parts(v, module, depth + 1) for v in value.items)
            return replace(value, items=items)
        return value

    def _module_held(self, value: Value, module: str) -> Value | None:
        """The module an ``import_module`` call imports, or a ``getattr`` of one: the
        attribute, or its default where the module binds no such name."""
        imported = imported_module(value, module, self.ev)
        if imported is not None:
            return Value("name", value.text, ref=imported)
        read = _getattr(value)
        if read is None:
            return None
        written, name, default = read
        holder = self._module_held(written, module) or written
        target = self.resolver.resolve(holder.ref) if holder.kind == "name" and holder.ref else None
        if target is None or target.remainder or target.qualname not in self.resolver.modules:
            return None  # ``import routers`` binds ``main.routers`` to the module ``routers``
        if self.resolver.resolve(f"{target.qualname}.{name}") is not None:
            bindings = self.ev.assigns.get(f"{target.qualname}.{name}", [])
            if bindings and all(any(g.kind == "if" for g in a.guards) for a in bindings):
                return None  # ``if os.environ.get(...): PREFIX = ...``: set or not, per run
            return Value("name", value.text, ref=f"{target.qualname}.{name}")
        return default

    def _known_tests(
        self, module: str, scope: str, guards: tuple[Guard, ...], env: Env
    ) -> set[str] | None:
        """The ``if`` tests around a statement that a loop's bindings, or constants the
        project never changes, decide: None when one fails (``hasattr(module, "router")`` on a
        module without one: the body never runs for that item), else the tests that hold,
        which are no condition of it. With nothing bound, each test is decided once per scope
        (a function's statements share its few ``if`` tests)."""
        held = set()
        for guard in guards:
            if guard.kind != "if":
                continue
            key = (module, scope, guard.text)
            known = self._tests_known.get(key) if not env else None
            if env or key not in self._tests_known:
                known = self._holds(module, scope, guard.text, env)
                if not env:
                    self._tests_known[key] = known
            if known is False:
                return None
            if known:
                held.add(guard.text)
        return held

    def _holds(self, module: str, scope: str, test: str, env: Env) -> bool | None:
        """Whether ``test`` holds with the names ``env`` binds and the constants around."""
        return self._decided(
            test,
            lambda name: env.get(self.ev.key(module, scope, name)),
            lambda name: (
                self.ev.builtin_shadowed(module, name) or self._constant(module, scope, name)
            ),
        )

    def _constant(self, module: str, scope: str, name: str) -> Value | None:
        """What a name in an ``if`` test always holds: a literal the project never changes
        (``_literal``), or ``typing.TYPE_CHECKING``, which is False when the code runs."""
        if self.ev.qualified(Value("name", name, ref=f"{module}.{name}")) in _CHECKING:
            return Value("const", "False")
        key = self._visible(module, scope, name)
        if key is not None and self._field(key):
            return None  # ``settings.ENV``: the environment, or the instance, sets it
        return self._literal(key)

    def _field(self, key: str) -> bool:
        """Whether ``key`` is a field of a pydantic model, settings or dataclass: its class
        default is no constant (the run's environment or the constructor decides)."""
        owner = key.rpartition(".")[0]
        fact = self.resolver.symbols.get(owner)
        if fact is None or fact.kind != "class":
            return False
        return self.ev.is_dataclass(fact) or self.ev.is_subclass(owner, MODEL_ROOTS)

    def _visible(self, module: str, scope: str, name: str) -> str | None:
        """The variable ``name`` means in ``scope``: its own local, else the module's
        global; None for a parameter, which only a call binds."""
        local = self.ev.key(module, scope, name)
        if self._param(local):
            return None
        if found := self.ev.variable(local):
            return found
        while ".<locals>." in scope:  # a closure's name may be its enclosing function's
            scope = scope.rpartition(".<locals>.")[0]
            outer = self.ev.key(module, scope, name)
            if self._param(outer) or outer in self.ev.assigns:
                return None
        return self.ev.variable(f"{module}.{name}")

    def _literal(self, key: str | None) -> Value | None:
        """The value of a variable bound once, outside any block, to a literal: a string,
        number or constant, or a list, tuple or set of those (``SKIPPED = {"/rerank"}``).
        Not one the project changes anywhere: rebound under another scope (``global``),
        mutated (``SKIPPED.discard(x)``, ``ROUTES[1] = r``) or set as an attribute
        (``Config.enabled = True``)."""
        facts = list(self.ev.assigns.get(key, ())) if key else []
        written = facts[0] if len(facts) == 1 and not facts[0].guards else None
        value = written.value if written is not None else None
        if value is None or value.kind not in ("str", "int", "const", "list") or value.keywords:
            return None
        assert key is not None
        name = key.rpartition(".")[2]
        module = self._module_holding(key)
        elsewhere = module is not None and any(  # in a function: maybe through ``global``
            a.name == name and a is not written and self._in_function(module, a.scope)
            for a in self.resolver.modules[module].assigns
        )
        if elsewhere or name in self._changed_names():
            return None
        return value if all(i.kind in ("str", "int", "const") for i in value.items) else None

    def _in_function(self, module: str, scope: str) -> bool:
        fact = self.resolver.symbols.get(f"{module}.{scope}") if scope else None
        return fact is not None and fact.kind in ("function", "method")

    def _changed_names(self) -> frozenset[str]:
        """The names the project mutates or sets items or attributes of, anywhere (by their
        last part: a literal is trusted only when no such change could reach it)."""
        if self._changed is None:
            found = set()
            for facts in self.resolver.modules.values():
                for call in facts.calls:
                    func = call.value.func
                    if call.role == "call" and func is not None and func.kind == "name":
                        owner, _, method = func.text.rpartition(".")
                        if method in MUTATORS:
                            found.add(owner.rpartition(".")[2])
                    elif call.role in _STORES and call.value.items:  # ``ROUTES[1] = r``
                        found.add(call.value.items[0].text.partition("[")[0].rpartition(".")[2])
                    elif call.role == "setattr" and call.value.items:  # ``Config.on = True``
                        found.add(call.value.items[0].text.rpartition(".")[2])
            self._changed = frozenset(found)
        return self._changed

    def _binds(self, module: str, name: str) -> bool | None:
        """Whether ``module`` has the global ``name`` once imported: True when a definition,
        assignment or import binds it outside any block, False when nothing binds it, None
        when only something under an ``if``, ``for`` or ``try`` does."""
        facts = self.resolver.modules[module]
        binds = [
            *(not a.guards for a in facts.assigns if a.scope == "" and a.name == name),
            *(not s.guards for s in facts.symbols if s.qualname == name and s.kind != "variable"),
            *(True for i in facts.imports if i.scope == "" and i.bound == name),
        ]
        if binds:
            return True if any(binds) else None
        return self.resolver.resolve(f"{module}.{name}") is not None  # a star import's

    def _decided(
        self,
        text: str,
        bound: Callable[[str], Value | None],
        literal: Callable[[str], Value | None],
    ) -> bool | None:
        """Whether the test ``text`` holds with the names ``bound`` gives, and the global
        constants ``literal`` gives; None when that is not known. A name holds when bound to
        what a call builds, not when bound to None."""
        if text.startswith("not "):  # an ``else`` branch's ``not (...)``, or written so
            negated = text[5:-1] if text.startswith("not (") and text.endswith(")") else text[4:]
            inner = self._decided(negated, bound, literal)
            return None if inner is None else not inner
        parts = _conjuncts(text)  # ``isinstance(value, APIRouter) and name.startswith(...)``
        if len(parts) > 1:
            decided = [self._decided(part, bound, literal) for part in parts]
            return False if False in decided else None if None in decided else True
        if match := _ISINSTANCE.fullmatch(text):  # ``for attr in vars(module).values()``
            return self._instance_of(bound(match[1]), match[2])
        if match := _HASATTR.fullmatch(text):
            held = bound(match[1])
            if held is _MISSING:
                return False  # never asked: the import before it raised
            if held is None or held.kind != "name" or held.ref not in self.resolver.modules:
                return None
            return self._binds(held.ref, match[2])
        match = _PRESENT.fullmatch(text)
        if match is None:  # ``filename.endswith(".py")`` of a folder's listing
            return holds(text, lambda name: bound(name) or literal(name))
        held = bound(match[1]) or literal(match[1])
        if held is not None and held.kind == "name" and held.ref in self.resolver.modules:
            return True  # ``if selected_server:`` of a module a dict gave
        key = self.ev.variable(held.ref) if held is not None and held.kind == "name" else None
        value = self.ev.binding(key) if key else held
        if value is None or value.kind not in ("call", "const"):
            return None
        return value.kind == "call" or value.text not in ("None", "False")

    def _instance_of(self, held: Value | None, written: str) -> bool | None:
        """Whether the app or router ``held`` names is an instance of the class ``written``
        (by its last name: ``APIRouter``, a project's ``APIRouterPro``); None when ``held``
        is no object we know."""
        ref = held.ref if held is not None and held.kind == "name" else None
        obj = self.objects.get(self.ev.variable(ref) or ref) if ref else None
        if obj is None:
            return None
        names = {c.rpartition(".")[2] for c in self.resolver.mro(obj.cls)} if obj.cls else set()
        names |= {"APIRouter"} if obj.kind == "router" else {"FastAPI", "Starlette"}
        return written.rpartition(".")[2] in names

    @staticmethod
    def _over_parameters(module: str, scope: str, refs: set[str | None]) -> bool:
        """Whether ``refs`` name a parameter (or its attribute) of the module-level function
        ``scope``, whose calls bind them."""
        if not scope or ".<locals>." in scope:
            return False
        local = f"{module}.{scope}.<locals>."
        return any(ref and ref.startswith(local) for ref in refs)

    def _parameter_read(self, module: str, scope: str, value: Value | None) -> bool:
        """Whether ``value`` names a parameter of the function ``scope``, or its attribute."""
        fact = self._callee(f"{module}.{scope}")
        local = f"{module}.{scope}.<locals>."
        head = (value.ref or "").removeprefix(local).partition(".")[0] if value else ""
        named = value is not None and (value.ref or "").startswith(local)
        return fact is not None and named and any(p.name == head for p in fact.params)

    def _per_call(self, module: str, call: CallFact, sites: list[_Site]) -> list[_Site]:
        """``r.add_api_route("/x", func)`` in ``register(r, func)``: a handler that is a
        parameter is known only per call, so the statement runs once per call; so is one a
        factory given a parameter makes, in a local or in place (hayhooks' ``handler =
        make_handler(requires_files)``, the factory choosing by that flag)."""
        method = (call.value.func.ref or "") if call.value.func is not None else ""
        holder, _, name = method.rpartition(".")
        if name in _INCLUDES and not self._param(holder):
            return self._included_per_call(module, call, sites)
        # ``app.include_router(router, **kwargs)`` in ``include(app, router, **kwargs)``: what
        # the mapping holds (a ``prefix``) is known per call
        mappings = {v.ref for k, v in call.value.keywords if k == "**" and v.kind == "name"}
        if mappings and name in (*_INCLUDES, *_ADDERS) and self._passed_whole(module, mappings):
            per_call = self._sites_per_call(module, call.scope, mappings, sites)
            if per_call is not sites and all(
                site.env.get(ref or "", _UNREAD).kind == "dict"
                for ref in mappings
                for site in per_call
            ):
                return per_call
        if name == "add_resource":  # ``api.add_resource(resource(), url)`` in a helper
            read: set[str | None] = set(_names_within(call.value))
            return self._sites_per_call(module, call.scope, read, sites)
        applied = call.value.func if call.value.func is not None else None
        if applied is not None and applied.kind == "call" and _route_decorator(applied):
            # ``router.get("")(service.read_many)`` in ``make(service)``: a handler that is
            # a parameter's attribute, known per call (a local ``def`` is known as it is)
            value = call.value.items[0] if call.value.items else None
            if not self._parameter_read(module, call.scope, value):
                return sites
        elif name not in _ADDERS:
            return sites
        else:
            spread = self._spread(call.value)
            value = _endpoint_value(spread)
        refs = {value.ref} if value is not None and value.kind == "name" else set()
        key = self.ev.variable(value.ref) if value is not None and value.kind == "name" else None
        made = self.ev.binding(key) if key and ".<locals>." in key else None
        if value is not None and value.kind == "call":  # ``endpoint=make(flag=flag)`` inline
            made = value
        if made is not None and made.kind == "call":
            refs |= {v.ref for v in (*made.items, *(v for _, v in made.keywords))}
        refs |= self._class_read(f"{module}.{call.scope}", value)
        # ``router = api._router`` then ``router.add_api_route(...)`` (xinference's OIDC
        # routes): added on what a call passed, so only where, and under what, it is called
        per_call = self._sites_per_call(module, call.scope, refs, sites)
        local = self.ev.variable(holder) if ".<locals>." in holder else None
        held = self.ev.binding(local) if local else None
        passed = held.ref if held is not None and held.kind == "name" and held.ref else ""
        if per_call is not sites or not self._param(passed.rpartition(".")[0]):
            return per_call
        # each call's tests only: instances of one class share one router here, so a call's
        # arguments would reach the others' (xinference has one)
        runs = self._calls_of(module, call.scope, {passed}) or []
        return [
            replace(site, conditions=(*conditions, *site.conditions))
            for _, conditions in runs
            for site in sites
        ] or sites

    def _under_callers(
        self, module: str, scope: str, sites: list[_Site], declares: bool = True
    ) -> list[_Site]:
        """A statement in a module-level function that takes no arguments runs once per call
        of it, under that call's ``if`` tests (``if settings.ADMIN: register_admin()``).
        ``declares``: whether the statement may declare or include routes at all."""
        func = f"{module}.{scope}"
        named = declares and scope and ".<locals>." not in scope
        unused = self._never_run(func) if named else None
        if unused is not None:  # a library's API, or dead code: served only once called
            return [replace(site, conditions=(unused, *site.conditions)) for site in sites]
        fact = self._callee(func) if scope and "." not in scope else None
        ways = self._called_under(func) if fact is not None and not fact.params else None
        if ways is None:
            return sites
        return [
            replace(site, conditions=(*way, *site.conditions)) for way in ways for site in sites
        ]

    def _never_run(self, func: str) -> str | None:
        """``call f`` when nothing in the project names the module-level function ``f``, or
        the class whose ``__init__`` ``func`` is (nicegui's ``Upload.__init__`` declaring a
        route on the global app): what it declares is served only once code we do not see
        calls it. None when it is decorated (a framework may call it), may be used, or builds
        the app or router itself (``uvicorn --factory main:create_app`` calls it)."""
        owner, _, method = func.rpartition(".")
        unit = owner if method == "__init__" else func
        if unit not in self._unused:
            self._unused[unit] = self._unused_unit(unit)
        return self._unused[unit]

    def _unused_unit(self, unit: str) -> str | None:
        fact = self.resolver.symbols.get(unit)
        if fact is None or fact.decorators or fact.kind not in ("function", "class"):
            return None
        if "." in unit.removeprefix(f"{self.resolver.symbol_module.get(unit)}."):
            return None  # a method, or a nested class: how it is reached is not this simple
        if any(key.startswith(f"{unit}.") for key in self.objects):
            return None  # it builds its own app or router: served wherever that one is
        uses, imports = self._uses()
        if imports.get(unit):
            return None
        for module, ref in uses.get(unit.rpartition(".")[2], ()):
            target = self.resolver.resolve(ref.candidate, importer=module)
            if target is None or target.qualname == unit or "<locals>" in target.qualname:
                return None
        if fact.kind == "class" and self._subclassed(unit):
            return None  # a subclass may be built
        if unit.rpartition(".")[2] in self._mentioned():
            return None  # ``import_module(m).register()``, ``getattr(m, "register")``
        return f"call {unit}"

    def _mentioned(self) -> frozenset[str]:
        """Every word the project's expressions spell, string literals' too: a function
        named nowhere else can only be called by code we do not see."""
        if self._words is None:
            words: set[str] = set()
            for facts in self.resolver.modules.values():  # refs are ``_uses``' already
                texts = [c.value.text for c in facts.calls]
                texts += [a.value.text for a in (*facts.assigns, *facts.attributes) if a.value]
                words.update(_WORD.findall("\n".join(texts)))
            self._words = frozenset(words)
        return self._words

    def _called_under(self, func: str, depth: int = 0) -> list[tuple[str, ...]] | None:
        """The ``if`` tests of each call of the module-level function ``func``, a caller that
        is such a function passing its own on. None when not every call can be seen: the
        function is used otherwise than called (handed to a framework as a callback),
        imported under another name, called inside an expression, or called nowhere."""
        if func in self._ways:
            return self._ways[func]
        self._ways[func] = None  # while it runs: a call cycle sees no calls
        found = self._ways[func] = self._calls_under(func, depth)
        return found

    def _calls_under(self, func: str, depth: int) -> list[tuple[str, ...]] | None:
        name = func.rpartition(".")[2]
        uses, imports = self._uses()
        if depth > _MAX_DEPTH or any(i.bound != name for _, i in imports.get(func, ())):
            return None
        ways: list[tuple[str, ...]] = []
        for module, ref in uses.get(name, ()):
            target = self.resolver.resolve(ref.candidate, importer=module)
            if target is None or target.qualname != func:
                continue
            call = next(
                (
                    c
                    for c in self._scope_calls(module, ref.scope)
                    if c.line == ref.line and self.ev.called_class(c.value) == func
                ),
                None,
            )
            if ref.role != "call" or call is None or call.scope != ref.scope:
                return None
            tests = _conditions(call.guards)
            caller = self._callee(f"{module}.{call.scope}") if "." not in call.scope else None
            outer = None
            if call.scope and caller is not None and not caller.params:
                outer = self._called_under(f"{module}.{call.scope}", depth + 1)
            ways += [(*way, *tests) for way in outer] if outer else [tests]
            if len(ways) > _MAX_LOOP:
                return None  # more ways than we would read as one condition
        return ways or None

    def _uses(
        self,
    ) -> tuple[dict[str, list[tuple[str, RefFact]]], dict[str, list[tuple[str, ImportFact]]]]:
        """Every call or other use of a name in the project, by the name's last part, and
        every import by what it binds to, each with its module: built once, on the first
        function asked about."""
        if self._name_uses is None:
            uses: dict[str, list[tuple[str, RefFact]]] = defaultdict(list)
            imports: dict[str, list[tuple[str, ImportFact]]] = defaultdict(list)
            for module, facts in sorted(self.resolver.modules.items()):
                for ref in facts.refs:
                    if ref.role in ("call", "ref"):
                        uses[ref.text.rpartition(".")[2]].append((module, ref))
                for fact in facts.imports:
                    if fact.binds_to is not None:
                        imports[fact.binds_to].append((module, fact))
            self._name_uses = uses, imports
        return self._name_uses

    def _passed_whole(self, module: str, mappings: set[str | None]) -> bool:
        """Whether the ``**kwargs`` parameters ``mappings`` name reach the statement as the
        call passed them: not bound again, added to or changed in the body (``kwargs = {}``,
        ``kwargs.setdefault(...)``, ``kwargs["prefix"] = ...``)."""
        facts = self.resolver.modules[module]
        for ref in mappings:
            if ref is None or ref in self.ev.assigns:
                return False
            changed = (c.value.func.ref or "" for c in facts.calls if c.value.func is not None)
            if any(r.startswith(f"{ref}.") for r in changed):
                return False
            stored = (c.value.items[0] for c in facts.calls if c.role in _STORES and c.value.items)
            if any(container_root(target) == ref for target in stored):
                return False
        return True

    def _included_per_call(self, module: str, call: CallFact, sites: list[_Site]) -> list[_Site]:
        """``routes.include_router(manage, prefix=route_prefix)`` in a module-level helper,
        on a global router, given a parameter: it includes once per call of the helper, with
        that call's arguments and under that call's ``if`` tests (TaskingAI's ``if
        CONFIG.WEB: add_manage_routes(CONFIG.WEB_ROUTE_PREFIX)``)."""
        # ``mod = import_module(module_path)`` then ``include_router(getattr(mod, attr))``:
        # the module too is known per call, once the parameters are bound
        spread = self._spread(call.value)
        refs = self._derived_from_parameters(module, call.scope, spread, call.line)
        per_call = self._sites_per_call(module, call.scope, refs, sites)
        if per_call is sites:
            return sites
        return [
            replace(site, env=self._module_locals(module, call.scope, call.line, site.env))
            for site in per_call
        ]

    def _derived_from_parameters(
        self, module: str, scope: str, value: Value, line: int
    ) -> set[str | None]:
        """The names ``value`` passes, those in the calls within it that import by name
        (``getattr(import_module(path), attr)``), and those in what the locals it names
        were assigned before ``line`` by such a call (``mod = import_module(path)``)."""
        names = {v.ref for v in (*value.items, *(v for _, v in value.keywords)) if v.ref}
        names |= _naming_import(value)
        local = f"{module}.{scope}.<locals>."
        for assign in self._deriving_assigns(module, scope):
            if assign.line < line and assign.value is not None and local + assign.name in names:
                names |= _naming_import(assign.value)
        return set(names)

    def _sites_per_call(
        self, module: str, scope: str, refs: set[str | None], sites: list[_Site]
    ) -> list[_Site]:
        """``sites`` once per call of the function ``scope``, with the call's bindings and
        tests, when ``refs`` name its parameters; else ``sites`` as they are."""
        runs = self._calls_of(module, scope, refs)
        if runs is None:
            return sites
        return [
            replace(site, env={**env, **site.env}, conditions=(*conditions, *site.conditions))
            for env, conditions in runs
            for site in sites
        ]

    def _calls_of(
        self, module: str, scope: str, refs: set[str | None]
    ) -> list[tuple[Env, tuple[str, ...]]] | None:
        """When ``refs`` name a parameter of the module-level function ``scope``: each call's
        bindings and ``if`` tests (a nested helper's calls are ``_closure_sites``')."""
        func = f"{module}.{scope}"
        if func not in self.sites:
            return None
        # or an attribute of the instance a method's calls run on (``self.routers`` of
        # ``routes = Routes(routers=(items,))``, ``routes.register(app)``)
        held = any(ref in s.env for _, s in self.sites[func] for ref in refs if ref)
        if not held and not self._over_parameters(module, scope, refs):
            return None
        fact = self._callee(func)
        assert fact is not None  # the function has call sites, so it is one
        return [
            ({**outer.env, **self._bind(fact, func, call, outer.env)}, outer.conditions)
            for call, outer in self.sites[func]
        ]

    def _items(self, value: Value | None, env: Env, hops: int = 0) -> tuple[Value, ...] | None:
        if value is None or hops > _MAX_DEPTH:
            return None
        value = _close(value, env)
        if value.kind == "list" and _wiring(value):
            # ``[*core_routers, *extra_routers]``; a spread we cannot read is one unknown item
            spread = [self._spread_items(v, env, hops) for v in value.items]
            return tuple(i for part in spread for i in part)
        if value.kind == "dict" and len(value.keywords) <= _MAX_LOOP:
            return tuple(Value("str", key) for key, _ in value.keywords)  # a dict's keys
        if value.kind == "or" and len(value.items) == 2:  # ``extra or [admin.router]``
            first, other = value.items
            if first.kind == "list" or (first.kind == "const" and first.text in ("None", "False")):
                return self._items(first if first.items else other, env, hops + 1)
            return None
        if value.kind == "add" and len(value.items) == 2:  # ``PUBLIC + PRIVATE``
            parts = [self._items(v, env, hops + 1) for v in value.items]
            if parts == [None, None]:
                return None
            # a part we cannot read is one unknown item, as a spread's is (AIOD's five
            # ``router_list``s, one a comprehension over what the run computes)
            return tuple(
                i for v, part in zip(value.items, parts, strict=True) for i in part or (v,)
            )
        func = value.func if value.kind == "call" else None
        chain = self.ev.qualified(func) if func is not None else None
        if chain in _CHAINS:
            return self._chained(value, env, hops, nested=chain == _CHAINS[1])
        if func is not None and func.ref is None and func.text == "sum" and _sums_lists(value):
            # ``sum([[a], [b, c]], [])``: the lists joined, as ``chain.from_iterable`` does
            return self._chained(replace(value, keywords=()), env, hops, nested=True)
        if func is not None and func.ref is None and func.text in _SAME_ITEMS:
            return self._items(value.items[0], env, hops + 1) if len(value.items) == 1 else None
        if func is not None and func.ref is None and func.text in ("zip", "enumerate"):
            return self._paired(value, env, hops)
        if (held := self._keyed_item(value)) is not None:  # ``ROUTE_GROUPS["core"]``
            return self._items(held, env, hops + 1)
        if func is not None and func.kind == "name" and not value.items:
            subclasses = self._direct_subclasses(func)  # ``Base.__subclasses__()``
            if subclasses is not None:
                return subclasses
        if (members := self.ev.enum_members(value)) is not None:  # ``for v in Version``
            return members
        if func is not None and func.ref is None and func.text == "range":
            return self._range(value)
        if value.kind == "name" and (registry := self._subclass_registry(value)) is not None:
            return tuple(key for key, _ in registry)  # ``for name in METHODS``: its keys
        if func is not None and func.ref is None and func.text == "dir" and len(value.items) == 1:
            # ``for name in dir(module): router = getattr(module, name)``, FastapiAdmin's
            pairs = self._globals(value.items[0], env)
            return tuple(name for name, _ in pairs) if pairs is not None else None
        if value.kind == "call" and not value.items and not value.keywords:
            return self._dict_view(value.func, hops, env) or self._returned_items(value, hops)
        if (split := self.ev.split(value)) is not None:  # ``VERSIONS.split(",")``
            return split
        if value.kind == "call":  # ``for r in routers_list(store):`` (refact's web GUI)
            return self._returned_items(value, hops)
        passed = self.ev.constructed(value.ref) if value.kind == "name" else None
        key = self.ev.variable(value.ref) if value.kind == "name" else None
        binding = passed or (self.ev.binding(key) if key else None)
        if key and binding is not None and binding.kind == "dict" and self.ev.changed_in_place(key):
            binding = self.ev.filled(key)  # ``for k in TABLE`` of a dict filled key by key
            if binding is None:
                return None
        if binding is None:  # ``for path, method, func in self.routes`` of a ``@property``
            returned = self._property(value) if value.kind == "name" else None
            return self._items(returned, env, hops + 1) if returned is not None else None
        items = self._items(binding, env, hops + 1)  # a local's binding reads the call's bindings
        if items is None or key is None or passed is not None or _joined_list(binding) is None:
            return items
        added = self._appended(key, None)
        if not added or not added[1]:
            return None
        return (*items, *(item for item, tests in added[0] if not _imports(tests)))

    def _chained(
        self, call: Value, env: Env, hops: int, *, nested: bool
    ) -> tuple[Value, ...] | None:
        """``chain(CORE, EXTRA)``'s items, or those of ``chain.from_iterable([[a], [b, c]])``
        (PodPod's whole API) and ``sum([[a], [b]], [])``, ``nested`` lists: each list's in
        turn, as ``CORE + EXTRA`` gives them, a list we cannot read one unknown item."""
        lists: tuple[Value, ...] | None = call.items
        if call.keywords or (lists and lists[0].kind == "star"):
            return None
        if nested:
            lists = self._items(call.items[0], env, hops + 1) if call.items else None
        parts = [self._items(v, env, hops + 1) for v in lists or ()]
        if not parts or all(part is None for part in parts):
            return None
        return tuple(i for v, part in zip(lists or (), parts, strict=True) for i in part or (v,))

    def _range(self, call: Value) -> tuple[Value, ...] | None:
        """``range(1, 3)``'s numbers, when its arguments are known numbers and few."""
        texts = [self.ev.text(v) for v in call.items]
        if call.keywords or not 1 <= len(texts) <= 3 or any(t.unknown for t in texts):
            return None
        try:
            numbers = range(*(int(t.value) for t in texts))
        except ValueError:  # not numbers, or a step of 0
            return None
        if len(numbers) > _MAX_LOOP:
            return None
        return tuple(Value("int", str(n)) for n in numbers)

    def _spread_items(self, item: Value, env: Env, hops: int) -> tuple[Value, ...]:
        """A list display's item: a ``*spread``'s items, or what it spreads when they are
        not known; any other item itself."""
        if item.kind != "star":
            return (item,)
        items = self._items(item.items[0], env, hops + 1)
        return items if items is not None else (item.items[0],)

    def _paired(self, call: Value, env: Env, hops: int) -> tuple[Value, ...] | None:
        """``zip(PREFIXES, ROUTERS)``'s tuples, or ``enumerate(ROUTERS)``'s (index, item)
        pairs, when every list is known."""
        counting = call.func is not None and call.func.text == "enumerate"
        start = call.keyword("start") or (call.items[1] if len(call.items) > 1 else None)
        if counting and (len(call.items) > 2 or (start is not None and start.kind != "int")):
            return None
        if not call.items or any(name != "start" or not counting for name, _ in call.keywords):
            return None
        lists = [self._items(v, env, hops + 1) for v in call.items[: 1 if counting else None]]
        if any(items is None for items in lists):
            return None
        if counting:
            first = int(start.text) if start is not None else 0
            lists.insert(0, tuple(Value("int", str(first + i)) for i in range(len(lists[0] or ()))))
        rows = zip(*(items or () for items in lists), strict=False)  # zip stops at the shortest
        return tuple(Value("list", call.text, items=tuple(row)) for row in rows)

    def _module_holding(self, dotted: str) -> str | None:
        """The module a qualified name is in: its longest prefix naming one."""
        while dotted and dotted not in self.resolver.modules:
            dotted = dotted.rpartition(".")[0]
        return dotted or None

    def _appended(
        self, key: str, reader: tuple[str, str, int] | None
    ) -> tuple[list[tuple[Value, tuple[str, ...]]], bool] | None:
        """What the scope binding the list ``key`` adds to it (``routers.append(
        module.router)`` in a loop over a package walk, ``.insert``, ``.extend``) before the
        ``reader`` (module, scope, line) loops over it, when that is in the same scope: each
        item with the ``if`` tests it is added under; and whether that is all (an addition
        in a loop we cannot read is left out). None when items may be taken out again
        (``.remove``, ``.pop``, ``.clear``): then nothing about the list is known."""
        owner, local, _ = key.partition(".<locals>.")
        module = self._module_holding(owner if local else key.rpartition(".")[0]) or ""
        scope = owner[len(module) + 1 :] if local else ""
        cutoff = reader[2] if reader is not None and reader[:2] == (module, scope) else None
        if (key, cutoff) not in self._appends:
            self._appends[key, cutoff] = None  # while it runs: a loop over the list itself
            self._appends[key, cutoff] = self._additions(key, module, scope, cutoff)
        found = self._appends[key, cutoff]
        return (self._reached(found[0], reader), found[1]) if found is not None else None

    def _reached(
        self, added: list[tuple[Value, tuple[str, ...]]], reader: tuple[str, str, int] | None
    ) -> list[tuple[Value, tuple[str, ...]]]:
        """What a registry's function adds from other modules (``import m`` among an item's
        tests, by ``_added_elsewhere``), as ``reader`` sees it: an item its own module
        imports only below the loop is not added yet (dropped); one a module some project
        module imports is there (the test is dropped); one no module imports is added only
        when that module runs (the test stays)."""
        reached = []
        for item, tests in added:
            modules = [t.removeprefix("import ") for t in tests if t.startswith("import ")]
            if reader is not None and any(self._imported_after(reader, m) for m in modules):
                continue
            kept = tuple(t for t in tests if t.removeprefix("import ") not in self.imported)
            reached.append((item, kept))
        return reached

    def _imported_after(self, reader: tuple[str, str, int], module: str) -> bool:
        """Whether the module of ``reader``, a statement at its top level, imports
        ``module`` only below it."""
        facts = self.resolver.modules.get(reader[0])
        if facts is None or reader[1]:
            return False
        lines = [
            i.line
            for i in facts.imports
            if i.scope == "" and (i.target == module or i.target.startswith(f"{module}."))
        ]
        return bool(lines) and min(lines) > reader[2]

    def _additions(
        self, key: str, module: str, scope: str, cutoff: int | None
    ) -> tuple[list[tuple[Value, tuple[str, ...]]], bool] | None:
        facts = self.resolver.modules.get(module)
        if facts is None:
            return [], True
        found: list[tuple[Value, tuple[str, ...]]] = []
        complete = True
        for call in facts.calls:
            if call.scope != scope and not scope:
                elsewhere = self._added_elsewhere(key, module, call, cutoff)
                if elsewhere is None:
                    return None
                found += elsewhere[0]
                complete = complete and elsewhere[1]
                continue
            if call.scope != scope or (cutoff is not None and call.line >= cutoff):
                continue
            if call.role in _STORES and container_root(call.value.items[0]) == key:
                return None  # ``ROUTERS[1]["prefix"] = ...``, ``del ROUTERS[0]``: changed in place
            statements, known = self._mapped(call.value)  # ``list(map(L.append, items))``
            for statement in statements:
                ref = (statement.func.ref or "") if statement.func is not None else ""
                method = ref[len(key) + 1 :] if ref.startswith(f"{key}.") else ""
                if method in _TAKES_OUT:
                    return None
                if method not in _ADDS or not statement.items:
                    continue
                sites, unknown = self._loop_sites(module, facts.file, call.line, call.guards, scope)
                complete = complete and unknown is None and known
                for site in sites if unknown is None else ():
                    added = _close(statement.items[-1], site.env)
                    items = self._items(added, {}) if method == "extend" else (added,)
                    complete = complete and items is not None
                    found.extend((item, site.conditions) for item in items or ())
        return found, complete

    def _added_elsewhere(
        self, key: str, module: str, call: CallFact, cutoff: int | None
    ) -> tuple[list[tuple[Value, tuple[str, ...]]], bool] | None:
        """What a call in a function of the module adds to its list ``key``: in ``def
        register(router): ROUTERS.append(router)``, each call's argument, under its tests
        (a registry filled at import); anything else it adds is not known (not all of the
        list). None when it takes items out."""
        value = call.value
        ref = (value.func.ref or "") if value.kind == "call" and value.func is not None else ""
        method = ref[len(key) + 1 :] if ref.startswith(f"{key}.") else ""
        if method in _TAKES_OUT:
            return None
        if method not in _ADDS or not value.items:
            return [], True
        added = value.items[-1]
        runs = self._calls_of(module, call.scope, {added.ref}) if method != "extend" else None
        if runs is None:
            return self._added_when_called(module, call, added, method, cutoff)
        if call.guards:
            return [], False
        func = f"{module}.{call.scope}"
        return [
            (
                self._bound_result(_close(added, env), added, func, site) or _close(added, env),
                (*tests, f"import {site[1].module}") if site[1].module != module else tests,
            )
            for (env, tests), site in zip(runs, self.sites[func], strict=True)
        ], True

    def _added_when_called(
        self, module: str, call: CallFact, added: Value, method: str, cutoff: int | None
    ) -> tuple[list[tuple[Value, tuple[str, ...]]], bool]:
        """What a function its module or another calls adds, whatever the call passes
        (``discover()`` appending each plugin's ``router_module.plugin_router`` in a loop
        over a package walk): each item its loops give, under the tests of the one call;
        nothing when the call comes after the ``cutoff`` line reading the list."""
        func = f"{module}.{call.scope}"
        callers = self._statements_calling(func)
        if len(callers) != 1 or ".<locals>." in call.scope:
            return [], False
        caller, guards, line = callers[0]
        if caller == module and cutoff is not None and line >= cutoff:
            return [], True  # ``for r in ROUTERS: ...`` then ``discover()``: not added yet
        tests = (*_conditions(guards), *(() if caller == module else (f"import {module}",)))
        file = self.resolver.modules[module].file
        sites, unknown = self._loop_sites(module, file, call.line, call.guards, call.scope)
        found: list[tuple[Value, tuple[str, ...]]] = []
        key = self.ev.variable(added.ref) if added.kind == "name" else None
        written = self.ev.assigns.get(key, ()) if key and ".<locals>." in key else ()
        if len(written) == 1 and written[0].value is not None:
            added = written[0].value  # ``plugin_router = router_module.plugin_router`` first
        for site in sites if unknown is None else ():
            item = _close(added, site.env)
            items = self._items(item, {}) if method == "extend" else (item,)
            if items is None:
                return found, False
            found += [(i, (*tests, *site.conditions)) for i in items]
        return found, unknown is None

    def _statements_calling(self, func: str) -> list[tuple[str, tuple[Guard, ...], int]]:
        """The statements of the app's modules calling ``func`` itself, at their top level:
        each module, the tests around it and its line."""
        if func not in self._calling_statements:
            self._calling_statements[func] = [
                (module, call.guards, call.line)
                for module, facts in sorted(self.resolver.modules.items())
                if not is_test_path(facts.file)
                for call in facts.calls
                if call.role == "call" and not call.scope and call.value.func is not None
                if self.ev.qualified(call.value.func) == func
            ]
        return self._calling_statements[func]

    def _bound_result(
        self, item: Value, added: Value, func: str, site: tuple[Value, _Site]
    ) -> Value | None:
        """``router = register(APIRouter(prefix="/users"))`` with ``register`` adding its
        parameter and returning it: what the registry holds is the object the variable
        holds, not another built in place; None for anything else."""
        fact = self._callee(func)
        returned = fact.returned if fact is not None else ()
        if item.kind != "call" or len(returned) != 1 or returned[0].ref != added.ref:
            return None
        call, outer = site
        facts = self.resolver.modules[outer.module]
        for assign in facts.assigns:
            if assign.line == outer.line and assign.value == call:
                return Value(
                    "name", assign.name, ref=self.ev.key(outer.module, assign.scope, assign.name)
                )
        return None

    def _direct_subclasses(self, func: Value) -> tuple[Value, ...] | None:
        """``Base.__subclasses__()`` of a project class: the project classes based on it
        directly, in the order their modules define them."""
        named = self.ev.qualified(func) or ""
        if not named.endswith(".__subclasses__"):
            return None
        base = named.removesuffix(".__subclasses__")
        if self.resolver.symbols.get(base) is None:
            return None
        return tuple(
            Value("name", cls.rpartition(".")[2], ref=cls)
            for cls in self._project_subclasses(base)
            if base in self.resolver.class_bases(cls)
        )

    def _project_subclasses(self, base: str) -> list[str]:
        """The project classes deriving from ``base``, by file and line."""
        return sorted(self._subclasses_of(base), key=self._defined_at)

    def _defined_at(self, cls: str) -> tuple[str, int]:
        module = self.resolver.symbol_module[cls]
        return self.resolver.modules[module].file, self.resolver.symbols[cls].start_line

    def _subclass_registry(self, mapping: Value | None) -> list[tuple[Value, Value]] | None:
        """A dict a class's ``__init_subclass__`` alone fills (``METHODS[cls.__name__] =
        cls``, auth-api's plugins): each project subclass of that class by its key, those its
        ``if`` tests there leave out not; None for any other value."""
        key = (
            self.ev.variable(mapping.ref)
            if mapping is not None and mapping.kind == "name"
            else None
        )
        bound = self.ev.binding(key) if key else None
        module = self.ev.module_of(key) if key else None
        if key is None or module is None or bound is None or bound.kind != "dict" or bound.keywords:
            return None
        stores = self.ev.changes(key)
        owners = {c.scope for c in stores}
        if (
            len(stores) != 1
            or len(owners) != 1
            or not stores[0].scope.endswith(".__init_subclass__")
        ):
            return None
        store = stores[0]
        owner = f"{module}.{store.scope.removesuffix('.__init_subclass__')}"
        method = self.resolver.symbols.get(f"{owner}.__init_subclass__")
        target, stored = store.value.items
        param = method.params[0].name if method is not None and method.params else None
        if param is None or stored.text != param or target.kind != "subscript":
            return None
        tests = [g.text for g in store.guards if g.kind == "if"]
        found = []
        for cls in self._project_subclasses(owner):
            name = Value("str", cls.rpartition(".")[2])
            held = {param: Value("list", param, keywords=(("__name__", name),))}.get
            if any(holds(test, held) is not True for test in tests):
                continue  # left out, or not known to be kept
            written = evaluated(target.items[1].text, held)
            if written is None or not isinstance(written[0], str):
                return None
            found.append((Value("str", written[0]), Value("name", name.text, ref=cls)))
        return found

    def _returned_items(self, call: Value, hops: int) -> tuple[Value, ...] | None:
        """``for prefix in get_prefixes()`` (mlflow): a project function whose one ``return``
        is a list or tuple, its items read with the call's arguments bound."""
        func = self.ev.called_class(call)
        fact = self._callee(func)
        if func is None or fact is None or len(fact.returned) != 1:
            return None
        if fact.returned[0].kind == "name":
            return self._returned_list(func, call, fact.returned[0], hops)
        if fact.returned[0].kind not in ("list", "add"):  # ``return base + [c.router]`` too
            return None
        bound = self._bind(fact, func, call, {})
        for key in [k for k in bound if k in self.ev.assigns]:  # ``extra = extra or [...]``
            again = self.ev.assigns[key]
            if len(again) == 1 and again[0].value is not None and not again[0].guards:
                bound[key] = _close(again[0].value, bound)
            else:
                del bound[key]
        return self._items(fact.returned[0], bound, hops + 1)

    def _returned_list(
        self, func: str, call: Value, returned: Value, hops: int
    ) -> tuple[Value, ...] | None:
        """``routers = []`` (or ``list()``), appended to, then ``return routers`` (papermerge's
        ``discover_routers(path)``, the tortoise template's ``get_routers()``): the list and
        what is added to it, when every addition is read, and ``call`` is the function's one
        call if it takes parameters or is a method (the loops may read what it is given)."""
        key = self.ev.variable(returned.ref)
        facts = self.ev.assigns.get(key or "", ())
        made = facts[0].value if len(facts) == 1 else None
        if made is not None and made.kind == "call" and made.text == "list()":
            made = Value("list", "[]")
        fact = self._callee(func)
        sites = self.sites[func]
        if key is None or made is None or made.kind != "list" or fact is None:
            return None
        given = bool(fact.params) or fact.kind != "function"  # a method reads its instance
        if given and sites and (len(sites) != 1 or sites[0][0] != call):
            return None  # another call binds the arguments the loops read
        added = self._appended(key, None)
        listed = self._items(made, {}, hops + 1)
        if added is None or not added[1] or listed is None:
            return None
        if any(tests for _, tests in added[0]):
            return None  # ``if os.getenv("X"): routers.append(b)``: the run decides
        # the items read the arguments of the one call (the loop's own, when it is none other)
        bound = self._bind(fact, func, call, {}) if given else {}
        return tuple(_close(item, bound) for item in (*listed, *(i for i, _ in added[0])))

    def _dict_view(self, func: Value | None, hops: int, env: Env) -> tuple[Value, ...] | None:
        """``ROUTERS.items()``, ``.values()`` or ``.keys()`` of a dict with string keys, or
        keys made by f-strings or names."""
        if func is None:
            return None
        if func.kind == "getattr" and func.items:
            mapping, view = func.func, func.items[0].text
        elif func.kind == "name" and func.ref is not None and "." in func.ref:
            owner, _, view = func.ref.rpartition(".")
            mapping = Value("name", owner, ref=owner)
        else:
            return None
        namespace = self._namespace(mapping, env) or self._subclass_registry(mapping)
        while namespace is None and mapping is not None and mapping.kind == "name":
            if hops > _MAX_DEPTH:
                break
            key = self.ev.variable(mapping.ref)
            if key is not None and self.ev.changed_in_place(key):
                mapping = self.ev.filled(key)  # ``TABLE["/users"] = users`` after ``{}``
                break
            mapping, hops = (self.ev.binding(key) if key else None), hops + 1
        if namespace is not None:
            pairs = namespace
        elif mapping is not None and mapping.kind == "map" and len(mapping.items) <= 2 * _MAX_LOOP:
            pairs = list(zip(mapping.items[::2], mapping.items[1::2], strict=True))
            texts = [self.ev.text(k) for k, _ in pairs if k.kind in ("str", "fstring")]
            known = [t.value for t in texts if not t.unknown]
            if len(set(known)) < len(known):
                return None  # two keys that are one: the later value is the one kept
        elif mapping is None or mapping.kind != "dict" or len(mapping.keywords) > _MAX_LOOP:
            return None
        else:
            pairs = [(Value("str", k), v) for k, v in mapping.keywords]
        views = {
            "items": [Value("list", f"({k.text!r}, {v.text})", items=(k, v)) for k, v in pairs],
            "keys": [k for k, _ in pairs],
            "values": [v for _, v in pairs],
        }
        return tuple(views[view]) if view in views else None

    def _namespace(self, mapping: Value | None, env: Env) -> list[tuple[Value, Value]] | None:
        """``module.__dict__`` or ``vars(module)`` of a project module (RuoYi's controllers
        found by a glob, their routers picked by ``isinstance``): its global apps and routers
        by name, the only values an include can take from it."""
        if mapping is None:
            return None
        if mapping.kind == "call" and mapping.func is not None and mapping.func.text == "vars":
            return self._globals(mapping.items[0], env) if len(mapping.items) == 1 else None
        if mapping.kind == "name" and (mapping.ref or "").endswith(".__dict__"):
            module = (mapping.ref or "").removesuffix(".__dict__")
            return self._globals(Value("name", module, ref=module), env)
        return None

    def _globals(self, held: Value, env: Env) -> list[tuple[Value, Value]] | None:
        """The global apps and routers of the project module ``held`` names (a module, or a
        variable bound to ``import_module(name)``), each by its name and as a name of it."""
        module = held.ref if held.kind == "name" else None
        named = self.ev.qualified(held) if module else None  # ``import plugin``: that module
        module = named if named in self.resolver.modules else module
        key = self.ev.variable(module) if module and module not in self.resolver.modules else None
        bound = self.ev.binding(key) if key else None  # ``module = import_module(name)``
        if key is not None and bound is not None and bound.kind == "call":
            importer = self.ev.module_of(key) or ""
            module = imported_module(_close(bound, env), importer, self.ev)
        facts = self.resolver.modules.get(module or "")
        if module is None or facts is None:
            return None
        imported = {i.bound for i in facts.imports if i.bound and not i.scope and not i.star}
        names = sorted({a.name for a in facts.assigns if not a.scope} | imported)
        routing = [n for n in names if self.ev.variable(f"{module}.{n}") in self.objects]
        return [(Value("str", n), Value("name", n, ref=f"{module}.{n}")) for n in routing]

    def _holders(self, ref: str | None, site: _Site) -> list[str]:
        """The objects (or the enclosing function's parameter) ``ref`` names at ``site``."""
        if ref is None:
            return []
        given = site.env.get(ref)
        if ref in self.objects and self._param(ref) and (given is None or given.kind == "const"):
            return [ref]  # ``router = router or APIRouter()``, the call passing none
        value = _close(Value("name", ref, ref=ref), site.env)
        if value.kind == "name" and value.ref is not None and self._param(value.ref):
            return [value.ref]
        reached = self._branch_reached(value, site)
        if reached is not None:
            return reached
        found = sorted({key for key, _ in self._objects(value, {}, site.where)})
        if not found and ref in self._constructing(f"{site.module}.{site.scope}"):
            return [ref]  # ``self.add_api_route(...)`` while a ``FastAPI`` subclass is built
        if not found and ref.endswith(".router"):  # ``app.router.add_api_route``: the app
            apps = self._holders(ref.removesuffix(".router"), site)
            return [h for h in apps if h not in self.objects or self.objects[h].kind == "app"]
        return found

    def _owner(self, func: Value | None, site: _Site) -> tuple[list[str], str]:
        """For ``x.method`` what ``x`` holds (apps, routers or a parameter) and ``method``."""
        func = self._from_super(func, site) or self._fetched(func, site) or func
        if func is None or func.kind != "name" or func.ref is None or "." not in func.ref:
            return [], ""
        holder, _, method = func.ref.rpartition(".")
        if method not in _VERBS and method not in _ADDERS and method not in _INCLUDES:
            return [], method
        return self._holders(holder, site), method

    def _from_super(self, func: Value | None, site: _Site) -> Value | None:
        """``super().add_api_route(...)`` in a method of a router subclass (refact's
        ``StaticRouter.__init__``): FastAPI's method on the instance, as ``self.<method>``."""
        cls = site.scope.rpartition(".")[0]
        fact = self.resolver.symbols.get(f"{site.module}.{cls}") if cls else None
        if fact is None or fact.kind != "class" or func is None:
            return None
        method = self._super_method(func, f"{site.module}.{cls}")
        if method is None:
            return None
        return Value("name", f"self.{method}", ref=f"{site.module}.{cls}.{method}")

    def _super_start(self, call: Value, cls: str, method: str) -> str | None:
        """The class after which ``call``, ``super().method(...)`` in a method of ``cls``,
        looks ``method`` up: ``cls`` itself, or the class ``super(A, self)`` names."""
        if self._super_method(call.func, cls) != method:
            return None
        made = call.func.func if call.func is not None else None
        named = self.ev.qualified(made.items[0]) if made is not None and made.items else None
        return named or cls

    def _super_method(self, func: Value | None, cls: str) -> str | None:
        """The method ``func`` names on ``super()``, or on ``super(Cls, self)`` naming the
        class ``cls`` whose method reads it or one of its bases (the same object), else
        None."""
        if func is None or func.kind != "getattr" or not func.items:
            return None
        made = func.func
        if made is None or made.kind != "call" or made.keywords or made.func is None:
            return None
        if made.func.kind != "name" or made.func.ref or made.func.text != "super":
            return None
        named = self.ev.qualified(made.items[0]) if len(made.items) == 2 else None
        if made.items and named not in self.resolver.mro(cls):
            return None
        return func.items[0].text

    def _fetched(self, func: Value | None, site: _Site) -> Value | None:
        """``route = getattr(router, "get")``, then ``route(path)(handler)`` (litellm), or
        ``getattr(router, method)(path)(handler)`` in a loop over method names: the method
        named. A name that is not known, on an app or router, is a CI202."""
        value = func
        if func is not None and func.kind == "name":
            key = self.ev.variable(func.ref)
            value = self.ev.binding(key) if key else None
        getter = value.func if value is not None and value.kind == "call" else None
        if getter is None or getter.ref is not None or getter.text != "getattr":
            return None
        assert value is not None
        if len(value.items) < 2 or value.items[0].ref is None:
            return None
        target, name = value.items[0], self.ev.text(_close(value.items[1], site.env))
        if not name.unknown:
            return Value("name", f"{target.text}.{name.value}", ref=f"{target.ref}.{name.value}")
        if self._holders(target.ref, site):
            message = f"cannot tell which method {value.text} is"
            self.diagnostics.add(Diagnostic("CI202", site.file, site.line, message))
        return None

    def _decorator(self, site: _Site, sym: SymbolFact, decorator: Value) -> bool:
        """Record a route a decorator declares; whether it declared one on an object."""
        if decorator.kind != "call" or self.ev.qualified(decorator.func) in ROUTE_MARKS:
            return False  # a mark a ``Routable`` reads as it is built (``_routable``)
        owners, method = self._owner(decorator.func, site)
        if method not in _VERBS:
            self._unread_method(decorator, site)
            return False
        func = decorator.func
        if not owners and func is not None and func.ref and not _loop_target(func.text, sym.guards):
            # ``@app.get("/items")`` on an app a library we do not read builds (phdi's
            # ``app = BaseService(...).start()``): reported, not dropped
            self._unknown_holder(decorator, f"{method} route", site)
        decorator = self._spread(decorator, site)
        endpoint = f"{site.module}.{sym.qualname}"
        for owner in owners:
            self._declare(owner, method, decorator, endpoint, site, sym)
        return bool(owners)

    def _unread_method(self, decorator: Value, site: _Site) -> None:
        """``@router.api_delete(path)``, a method of the router's own class that declares
        its route some way ``_method_verb`` does not read: reported, not dropped."""
        func = decorator.func
        method = self._method(func) if func is not None and func.kind == "name" else None
        if func is None or func.ref is None or method not in self.resolver.symbols:
            return
        if self._holders(func.ref.rpartition(".")[0], site):
            message = f"cannot tell which route {func.text} declares"
            self.diagnostics.add(Diagnostic("CI202", site.file, site.line, message))

    def _statement(self, site: _Site, call: Value) -> bool:
        """Record a route declaration or include; whether the call was one on an object.
        A ``**mapping`` it cannot read is reported only then, not on every call (a logger's
        ``log.debug(msg, **kwargs)``, InvokeAI)."""
        if call.kind == "call" and site.env:  # ``for kw in ROUTERS: r.include_router(**kw)``
            keywords = tuple((n, _close(v, site.env) if n == "**" else v) for n, v in call.keywords)
            call = replace(call, keywords=keywords)
        spread = self._spread(call) if call.kind == "call" else call
        if spread.func is not None and spread.func.kind == "call":
            spread = replace(spread, func=self._spread(spread.func))
        registered = self._recorded(site, spread)
        if registered and call.kind == "call":
            self._spread(call, site)
            if call.func is not None and call.func.kind == "call":
                self._spread(call.func, site)
        return registered

    def _recorded(self, site: _Site, call: Value) -> bool:
        if call.text.endswith(".routes") or (
            call.func is not None and (call.func.ref or "").endswith(".routes.extend")
        ):
            return self._copy(site, call)
        appended = call.func.ref if call.func is not None else None
        if appended is not None and appended.endswith(".routes.append"):
            return self._appended_mount(site, call, appended.removesuffix(".routes.append"))
        if call.func is not None and call.func.kind == "call":  # router.post("/x")(handler)
            owners, method = self._owner(call.func.func, site)
            if method not in _VERBS or not owners:
                return False
            item = _close(call.items[0], site.env) if call.items else None
            for endpoint, where in self._branch_endpoints(item, site) or [
                (self._endpoint(item, site), site)
            ]:
                for owner in owners if endpoint else ():
                    self._declare(owner, method, call.func, endpoint, where)
            return True
        if self._exposed(call, site) or self._resource_added(call, site):
            return True
        owners, method = self._owner(call.func, site)
        if not owners:
            if method == "include_router" or method in _ADDERS:  # FastAPI's own names
                func = self._from_super(call.func, site) or call.func
                self._unknown_holder(replace(call, func=func), method, site)
            return False
        if method in _ADDERS:
            value = _endpoint_value(call)
            value = _close(value, site.env) if value else None
            methods = self._methods(_close(call, site.env), _ADDERS[method], site)
            checked = self._health_checks(value, site)
            for endpoint, where in self._branch_endpoints(value, site) or [
                (HEALTH_ENDPOINT if checked is not None else self._endpoint(value, site), site)
            ]:
                for owner in owners if endpoint else ():
                    declared = _Declared(
                        methods, _path_value(call), endpoint, self._entry(owner, where), call
                    )
                    self.declared[owner].append(replace(declared, asks=checked or ()))
        elif method == _VERSIONED:  # Cadwyn includes each router it is given, as they are
            for owner, router in itertools.product(owners, call.items):
                edge = _Edge("include_router", router, call, self._entry(owner, site))
                self.edges[owner].append(edge)
        elif method in _INCLUDES:
            if method in ("mount", "host"):
                child = call.keyword("app") or (call.items[1] if len(call.items) > 1 else None)
                child = self._behind_middleware(child)
            else:
                child = call.keyword("router") or (call.items[0] if call.items else None)
            for owner in owners:
                self.edges[owner].append(_Edge(method, child, call, self._entry(owner, site)))
        return method in _ADDERS or method in _INCLUDES

    def _exposed(self, call: Value, site: _Site) -> bool:
        """``Instrumentator().instrument(app).expose(app)``: prometheus-fastapi-instrumentator
        declares ``GET /metrics`` (``endpoint=``) on the app, as ``app.get`` would (it was
        missing without a word)."""
        func = call.func
        if func is None or not (func.ref or func.text).endswith(".expose"):
            return False
        receiver = func.func if func.kind == "getattr" else _receiver(func)
        made = self._instrumentator(receiver)
        app = call.keyword("app") or (call.items[0] if call.items else None)
        if made is None or app is None or app.kind != "name" or app.ref is None:
            return False
        owners, _ = self._owner(Value("name", f"{app.text}.get", ref=f"{app.ref}.get"), site)
        respects = made.keyword("should_respect_env_var")
        if respects is not None and respects.text != "False":  # off unless the env enables it
            site = replace(site, conditions=(*site.conditions, f"{made.text}: metrics enabled"))
        path = call.keyword("endpoint") or Value("str", "/metrics")
        for owner in owners:
            entry = self._entry(owner, site)
            self.declared[owner].append(_Declared(("GET",), path, METRICS_ENDPOINT, entry, None))
        return bool(owners)

    def _resource_added(self, call: Value, site: _Site) -> bool:
        """fastapi-restful's ``Api(app).add_resource(Users(), "/users", "/people")``: a new
        router, each method of the resource's class named for a verb its route at each url
        (``self`` is ``Depends(cls)``: the instance given), included in the app. The
        include's options (``prefix=``, ``dependencies=``) are not read: a CI202 then."""
        func = call.func
        if func is None or not (func.ref or func.text).endswith(".add_resource"):
            return False
        receiver = func.func if func.kind == "getattr" else _receiver(func)
        made = self._instance_call(receiver, _RESOURCE_APIS, frozenset())
        app = (made.keyword("app") or (made.items[0] if made.items else None)) if made else None
        if app is None or app.kind != "name" or app.ref is None or not call.items:
            return False
        resource, *urls = [_close(item, site.env) for item in call.items]
        cls = self.ev.instance_class(resource)
        if cls is None:
            message = f"cannot tell which resource {call.text} adds"
            self.diagnostics.add(Diagnostic("CI202", site.file, site.line, message))
            return True
        if call.keywords:
            message = f"the include options of {call.text} are not read"
            self.diagnostics.add(Diagnostic("CI202", site.file, site.line, message))
        return self._verb_routes(app, urls, cls, _CBV_VERBS, site, None, cls)

    def _instrumentator(self, receiver: Value | None) -> Value | None:
        """The ``Instrumentator(...)`` call ``receiver`` is, through the methods returning
        it (``.instrument(app)``, ``.add(...)``) and a variable holding it."""
        return self._instance_call(receiver, INSTRUMENTATORS, _CHAINED)

    def _instance_call(
        self, receiver: Value | None, classes: frozenset[str], chained: frozenset[str]
    ) -> Value | None:
        """The call of one of ``classes`` that ``receiver`` is, through the methods
        ``chained`` returning the instance and a variable holding it."""
        for _ in range(_MAX_DEPTH):
            func = receiver.func if receiver is not None and receiver.kind == "call" else None
            if func is None or func.kind not in ("getattr", "name"):
                break
            if func.kind == "getattr" and func.items and func.items[0].text in chained:
                receiver = func.func
            elif func.kind == "name" and (func.ref or "").rpartition(".")[2] in chained:
                receiver = _receiver(func)
            else:
                break
        if receiver is not None and receiver.kind == "name":
            key = self.ev.variable(receiver.ref)
            receiver = self.ev.binding(key) if key else None
            return self._instance_call(receiver, classes, chained) if receiver is not None else None
        made = receiver is not None and self.ev.called_class(receiver) in classes
        return receiver if made else None

    def _behind_middleware(self, child: Value | None) -> Value | None:
        """``app.mount("/api", AuthenticationMiddleware(private_app, backend=...))``, or
        a ``partial`` of the middleware class (piccolo_admin): the app it wraps, whose
        routes it serves. A middleware is a class named ``...Middleware``, as Starlette's
        are and ``CORSMiddleware(app)`` already counts."""
        if child is not None and child.kind == "name" and child.ref:  # ``wrapped = CORS...(sub)``
            key = self.ev.variable(child.ref)
            held = self.ev.binding(key) if key and len(self.ev.assigns.get(key, ())) == 1 else None
            unwrapped = self._behind_middleware(held) if held is not None else None
            return unwrapped if unwrapped is not None and unwrapped is not held else child
        while child is not None and child.kind == "call":
            func = child.func
            key = self.ev.variable(func.ref) if func is not None and func.ref else None
            held = self.ev.binding(key) if key else None
            made = self.ev.unpartial(held) if held is not None and held.kind == "call" else func
            called = self.ev.qualified(made) if made is not None else None
            if called is None or not self._middleware(called):
                break
            child = child.keyword("app") or (child.items[0] if child.items else None)
        return child

    def _middleware(self, called: str) -> bool:
        """Whether ``called`` is a middleware class: a library's named ``...Middleware``
        (Starlette's are), or a project class deriving from Starlette's middleware base; not
        a function or a project class that only bears the name."""
        fact = self.resolver.symbols.get(called)
        if fact is None:
            named = called.rpartition(".")[2].endswith("Middleware")
            return named and called.partition(".")[0] not in self.resolver.tops
        return fact.kind == "class" and _MIDDLEWARE_BASE in self.resolver.mro(called)

    def _unknown_holder(self, call: Value, method: str, site: _Site) -> None:
        """A CI202 for ``x.include_router(...)`` when nothing tells what ``x`` is (DB-GPT's
        ``system_app.app``, 202 routes), or when it is an instance of a router or app class
        of a package we do not read (airflow's cadwyn ``VersionedAPIRouter``); not for other
        classes we can name, which are no app or router of FastAPI's (aiogram's
        ``Dispatcher``, a project class with an ``include_router`` of its own), or ``self``."""
        assert call.func is not None and call.func.ref is not None
        holder = call.func.ref.rpartition(".")[0]
        if self._webhooks(holder):
            return  # ``app.webhooks``: OpenAPI's webhooks, documented and never served
        key = self.ev.variable(holder)
        cls = self.ev.instance_class(self.ev.binding(key)) if key else None
        routing = cls is not None and cls not in self.resolver.symbols and _routing_name(cls)
        if (self._a_class(cls) and not routing) or self._a_class(holder):
            return
        text = call.func.text.rpartition(".")[0]
        message = f"cannot tell which app or router {text} is; its {method} is not seen"
        if not text:  # classy-fastapi's ``@get("/x")``: a library's function, on no receiver
            message = f"cannot tell which app or router {call.func.text}() declares its route on"
        self.diagnostics.add(Diagnostic("CI202", site.file, site.line, message))

    def _webhooks(self, holder: str) -> bool:
        """Whether ``holder`` is an app's ``webhooks`` router (``app.webhooks``)."""
        app, _, attribute = holder.rpartition(".")
        key = self.ev.variable(app) if attribute == "webhooks" else None
        return key is not None and key in self.objects and self.objects[key].kind == "app"

    def _a_class(self, name: str | None) -> bool:
        """Whether ``name`` is a project class, or looks like one of a package we do not read
        (capitalised: ``Dispatcher``, not ``create_app``)."""
        fact = self.resolver.symbols.get(name) if name else None
        if fact is not None:
            return fact.kind == "class"
        return name is not None and name.rpartition(".")[2][:1].isupper()

    def _appended_mount(self, site: _Site, call: Value, holder: str) -> bool:
        """``app.routes.append(Mount("/admin", app=admin))``: as ``app.mount("/admin",
        admin)``; any other route appended is not read here."""
        item = _close(call.items[0], site.env) if len(call.items) == 1 else None
        mounted = _mounted(item) if item is not None else None
        if item is None or mounted is None or self._route_class(item) not in _MOUNT_CLASSES:
            return False
        owners = self._holders(holder, site)
        child = self._behind_middleware(mounted)
        for owner in owners:
            self.edges[owner].append(_Edge("mount", child, item, self._entry(owner, site)))
        return bool(owners)

    def _copy(self, site: _Site, call: Value) -> bool:
        """``app.router.routes = other.routes`` or ``app.routes.extend(other.routes)``: the app
        serves what ``other`` serves, at the same paths."""
        target = call.items[0] if call.func is None and call.items else call.func
        source = call.items[-1] if call.items else None
        if target is None or target.ref is None:
            return False
        holder = target.ref.removesuffix(".extend").removesuffix(".routes")
        owners = self._holders(holder, site)
        child = _routes_holder(source) if source is not None else None
        for owner in owners:
            self.edges[owner].append(_Edge("copy", child, call, self._entry(owner, site)))
        return bool(owners)

    def _aliased_function(self, endpoint: str) -> str | None:
        """``admin_read_one = read_one`` bound once at module level (entitycore): FastAPI
        names the function the variable holds (``module_alias``). A class's attribute only
        annotated (a ``Protocol``'s ``read_many: Callable``, the annotation of a parameter
        whose argument we do not see) names no function: None."""
        fact = self.resolver.symbols.get(endpoint)
        written = self.ev.assigns.get(endpoint, ())
        if fact is not None and fact.kind == "attribute" and all(a.value is None for a in written):
            return None
        return module_alias(endpoint, self.ev) or endpoint

    def _health_checks(self, value: Value | None, site: _Site) -> tuple[str, ...] | None:
        """``health([is_database_online, is_cache_online])`` of fastapi-health: the endpoint
        it builds asks for each condition in turn (``Depends(condition)``); None for any
        other handler, or conditions we cannot list."""
        if value is None or value.kind != "call" or self.ev.qualified(value.func) not in HEALTH:
            return None
        conditions = value.keyword("conditions") or (value.items[0] if value.items else None)
        items = self._items(conditions, site.env) if conditions is not None else None
        return tuple(provider_of(item, self.ev) for item in items) if items is not None else None

    def _endpoint(self, value: Value | None, site: _Site) -> str:
        """The function a route's handler names; "" (with a diagnostic) when unknown."""
        value = self._received(self.ev.unpartial(self._row_item(value)), site.env)
        key = self.ev.variable(value.ref) if value is not None and value.ref else None
        once = key is not None and len(self.ev.assigns.get(key, ())) == 1
        held = self.ev.binding(key) if key is not None and once else None
        for lambda_ in (value, held):  # ``add_api_route("/health", lambda: "ok")``
            if lambda_ is not None and lambda_.kind == "lambda" and lambda_.ref:
                return lambda_.ref
        endpoint = (
            self.ev.qualified(value)
            or self.ev.returned_function(value)
            or self._viewed(value, site)
        )
        if (endpoint is not None and endpoint not in self.resolver.symbols) or (
            endpoint is None and value is not None and value.kind == "getattr"
        ):
            # ``endpoints.live`` with ``endpoints = Endpoints(...)``: the bound method is the
            # class's (its ``__qualname__``), not a name of the variable's (MLServer, kserve);
            # ``route.list_forms`` with a parameter given ``PluginProxy()`` (bettercollected)
            method = self._method(value)
            endpoint = method if method in self.resolver.symbols else endpoint
        if endpoint is not None and ".<locals>." in endpoint:
            # A nested def is a function; a local holding a factory's result is what the
            # factory returns (``handler = make_handler()``); anything else is not known.
            key = self.ev.variable(value.ref) if value is not None else None
            binding = self._reaching(key, site) if key else None
            applied = binding.func if binding is not None and binding.kind == "call" else None
            if binding is not None and applied is not None and _route_decorator(applied):
                # ``docs = app.post(path)(_docs)``: a route decorator returns what it is given
                return self._endpoint(binding.items[0], site) if binding.items else ""
            # closed over this site's bindings: the factory's flag may be a caller's argument
            made = self.ev.returned_function(_close(binding, site.env) if binding else None)
            made = made or self._on_parameter(value.ref if value is not None else None)
            named = self.ev.qualified(binding) if binding is not None else None  # ``h = a``
            made = made or (named if self._callee(named) is not None else None)
            endpoint = endpoint if endpoint in self.resolver.symbols else made
        endpoint = self._property_function(endpoint) or endpoint
        endpoint = self._aliased_function(endpoint) if endpoint is not None else None
        if endpoint is None:
            text = value.text if value is not None else "(nothing)"
            message = f"cannot tell which function endpoint {text} is"
            self.diagnostics.add(Diagnostic("CI202", site.file, site.line, message))
        return endpoint or ""

    def _class_read(self, func: str, value: Value | None) -> set[str | None]:
        """``cls.retrieve`` in the classmethod ``func``: a read of its ``cls`` parameter,
        which each call binds to the class it is made on."""
        fact = self.resolver.symbols.get(func)
        if value is None or fact is None or not fact.params:
            return set()
        first = fact.params[0].name
        classmethod = any(d.text == "classmethod" for d in fact.decorators)
        read = value.kind == "name" and value.text.partition(".")[0] == first
        return {f"{func}.<locals>.{first}"} if classmethod and read else set()

    def _received(self, value: Value | None, env: Env) -> Value | None:
        """``cls.retrieve`` in a classmethod called on a subclass (``BlogView.as_router()``):
        the subclass's; ``view.list`` with ``view = cls()``: that instance's class's."""
        if value is None or value.kind != "name" or not value.ref or not env:
            return value
        head, _, tail = value.ref.rpartition(".")
        if env.get(head) is not None and env[head].kind == "receiver":
            return _close(value, env)
        key = self.ev.variable(head) if ".<locals>." in head else None
        made = self.ev.binding(key) if key is not None and self.ev.once(key) else None
        if made is None or made.kind != "call" or not made.func or made.func.ref not in env:
            return value
        cls = env[made.func.ref]
        return Value("name", value.text, ref=f"{cls.ref}.{tail}") if cls.ref else value

    def _viewed(self, value: Value | None, site: _Site) -> str | None:
        """``config.as_view()`` with ``config`` an item of a route table,
        ``RouteConfig(path=..., endpoint=login)`` (AgentOps): the function the method returns
        for that instance, its ``self.endpoint`` the argument given for the field, its
        ``if not inspect.isclass(self.endpoint):`` decided by what that argument names."""
        func = value.func if value is not None and value.kind == "call" else None
        if func is None or func.kind != "name" or not func.ref or value is None or value.items:
            return None
        holder, _, method = func.ref.rpartition(".")
        instance = site.env.get(holder)
        if instance is not None and instance.kind == "call":
            instance = self._record(instance)  # ``RouteConfig(...).as_view()``, as a loop reads it
        if instance is None or instance.kind != "list" or instance.ref is None:
            return None
        cls = instance.ref
        target = self.resolver.resolve(f"{cls}.{method}") if cls in self.resolver.symbols else None
        fact = (
            self.resolver.symbols.get(target.qualname) if target and not target.remainder else None
        )
        if fact is None or fact.kind != "method":
            return None
        owner = (target.qualname if target else "").rpartition(".")[0]
        module = self.resolver.symbol_module.get(owner, "")
        fields = dict(instance.keywords)
        for returned, guards in zip(fact.returned, fact.returned_guards, strict=True):
            tests = [
                self._field_test(g.text, fields, module) if g.kind == "if" else None for g in guards
            ]
            if None in tests:
                return None
            if all(tests):
                given = _close(returned, {f"{owner}.{k}": v for k, v in fields.items()})
                named = self.ev.qualified(given)
                if named is not None and self._callee(named) is not None:
                    return named
                return self.ev.returned_function(given)
        return None

    def _field_test(self, text: str, fields: dict[str, Value], module: str) -> bool | None:
        """An ``if`` test of a method of a class of ``module``, read with ``self``'s fields:
        ``inspect.isclass(...)`` of a field naming a project class or function,
        ``issubclass(self.endpoint, BaseView)`` of a field naming a project class and a
        project base, or what ``holds`` reads."""
        if text.startswith("not "):
            inner = text[5:-1] if text.startswith("not (") and text.endswith(")") else text[4:]
            held = self._field_test(inner, fields, module)
            return None if held is None else not held
        if match := _ISCLASS.fullmatch(text):
            named = self.ev.qualified(fields.get(match[1])) if match[1] in fields else None
            fact = self.resolver.symbols.get(named) if named else None
            return None if fact is None else fact.kind == "class"
        if match := _ISSUBCLASS.fullmatch(text):
            return self._subclass(fields.get(match[1]), f"{module}.{match[2]}")
        return holds(text, lambda name: fields.get(name.removeprefix("self.")))

    def _subclass(self, field: Value | None, base: str) -> bool | None:
        """Whether the project class ``field`` names derives from the project class ``base``
        names; None when either is not one (a library's class may derive from anything), or
        is defined under a test or bound again."""
        named = self.ev.qualified(field) if field is not None else None
        target = self.resolver.resolve(base)
        classes = [named, target.qualname if target and not target.remainder else None]
        facts = [self.resolver.symbols.get(c) if c else None for c in classes]
        if any(fact is None or fact.kind != "class" or fact.guards for fact in facts):
            return None  # a class defined under an ``if`` may be another one at run time
        if any(c in self.ev.assigns for c in classes):
            return None  # ``BaseView = NewBase``: the name is bound again
        return classes[1] in self.resolver.mro(classes[0] or "")

    def _reaching(self, key: str, site: _Site) -> Value | None:
        """The binding of a function's local that reaches ``site``: the last one before it
        whose ``if`` tests the site is under too, or the call's arguments decide true (NAT's
        ``route_handler`` bound again per ``if method == "GET":`` branch before each
        ``add_api_route``); its one binding; None when the run decides which (a test nothing
        decides, a ``try`` that may fail, a later pass of a loop)."""
        before = [
            fact
            for fact in self.ev.assigns.get(key, ())
            if fact.value is not None and fact.line < site.line
        ]
        again = (f for f in self.ev.assigns.get(key, ()) if f.line > site.line)
        if any(g.kind == "for" for f in again for g in f.guards):
            return None  # bound again later in a loop: a later pass reads that binding
        if len(before) < 2 and not site.conditions:
            return self.ev.binding(key)
        held = set(site.conditions)
        for fact in sorted(before, key=lambda fact: fact.line, reverse=True):
            if any(g.kind == "except" for g in fact.guards):
                return None  # bound where a ``try`` failed
            tests = [g.text for g in fact.guards if g.kind == "if" and g.text not in held]
            known = [holds(t, lambda d: self._argument_literal(site, site.env, d)) for t in tests]
            if None in known:
                return None
            if all(known):
                return fact.value
        return None if before else self.ev.binding(key)

    def _property_function(self, endpoint: str | None) -> str | None:
        """``self.route_page``, a ``@property`` returning a function it defines
        (fastapi-amis-admin's pages): that function, which FastAPI is given."""
        fact = self.resolver.symbols.get(endpoint) if endpoint else None
        if fact is None or fact.kind != "method" or len(fact.returned) != 1:
            return None
        if not _is_property(fact):
            return None
        local = f"{endpoint}.<locals>.{fact.returned[0].text}"
        made = self.resolver.symbols.get(local)
        return local if made is not None and made.kind == "function" else None

    def _branch_endpoints(self, value: Value | None, site: _Site) -> list[tuple[str, _Site]]:
        """``handler = handler_authed`` under ``if is_auth:``, ``handler = handler_anon`` under
        ``else:``, then ``add_api_route(path, handler)`` (xinference): one route per
        function the local may hold, each under its branch's tests."""
        key = self.ev.variable(value.ref) if value is not None and value.kind == "name" else None
        facts = [f for f in self.ev.assigns.get(key or "", ()) if f.value is not None]
        held = facts[0].value if len(facts) == 1 else value
        if held is not None and held.kind == "ifexp":  # ``run_async if args.asy else run``
            return self._inline_branches(held, site)
        if ".<locals>." not in (key or "") or len(facts) < 2:
            return []
        tests = [tuple(c for c in _conditions(f.guards) if c not in site.conditions) for f in facts]
        if not all(tests) or len(set(tests)) != len(tests):
            return []  # one binding replaces another: not branches (the single answer stands)
        found = []
        for fact, own in zip(facts, tests, strict=True):
            assert fact.value is not None
            endpoint = self.ev.qualified(fact.value)
            symbol = self.resolver.symbols.get(endpoint) if endpoint else None
            if endpoint is None or symbol is None or symbol.kind not in ("function", "method"):
                return []  # some binding is no function: the single answer stands
            found.append((endpoint, replace(site, conditions=(*site.conditions, *own))))
        return found

    def _inline_branches(self, value: Value, site: _Site) -> list[tuple[str, _Site]]:
        """``add_api_route("/solve", run_async if args.asy else run)`` (MindSearch): one
        route per branch, each under its test; none when a branch is no function."""
        found = []
        for branch, tests in _branches(value):
            endpoint = self.ev.qualified(branch)
            if self._callee(endpoint) is None or endpoint is None:
                return []
            found.append((endpoint, replace(site, conditions=(*site.conditions, *tests))))
        return found

    def _declare(
        self,
        owner: str,
        method: str,
        call: Value,
        endpoint: str,
        site: _Site,
        symbol: SymbolFact | None = None,
    ) -> None:
        methods: tuple[str, ...] = _VERBS[method]
        if method == "api_route":
            methods = self._methods(_close(call, site.env), methods, site)
        site = self._entry(owner, site)
        declared = _Declared(methods, _path_value(call), endpoint, site, call, symbol=symbol)
        self.declared[owner].append(declared)

    def _entry(self, owner: str, site: _Site) -> _Site:
        """A module that adds routes to an object it imports, and that no project module
        imports, adds them only when it is the program run (an example's or an end-to-end
        test's ``main.py`` decorating the library's app): a condition on its routes."""
        obj = self.objects.get(owner)
        if obj is None or site.file == obj.file or site.module in self._loaded_modules():
            return site
        return replace(site, conditions=(*site.conditions, f"import {site.module}"))

    def _loaded_modules(self) -> frozenset[str] | set[str]:
        """The modules serving an app loads: each app's module, what the code imports by
        name, what a module no module imports imports when it builds an app or router or
        imports one (``asgi.py``'s ``from main import app``, which may be the program
        run), and what those import in turn. A module only an unused one imports (g6's
        plugins, reached from a loader's shim no module imports) is loaded only when that
        one is run. Before every module's imports by name are known, the modules some
        module imports."""
        if not self._collected_imports:
            return self.imported
        if self._loaded is None:
            todo = [*self._by_name, *(self._file_modules.get(o.file, "") for o in self._apps())]
            # a root runs only when it is the program: what it imports is loaded then
            roots = [m for m in self._imports if m not in self.imported and self._serves(m)]
            todo += [imported for m in roots for imported in self._imports[m]]
            loaded: set[str] = set()
            while todo:
                module = todo.pop()
                while module and module not in loaded:  # a package loads its parents
                    loaded.add(module)
                    todo.extend(self._imports.get(module, ()))
                    module = module.rpartition(".")[0]
            self._loaded = frozenset(loaded)
        return self._loaded

    def _apps(self) -> list[_Object]:
        return [o for o in self.objects.values() if o.kind == "app"]

    def _serves(self, module: str) -> bool:
        """Whether a module builds an app or router, or binds one it imports."""
        facts = self.resolver.modules[module]
        if any(o.file == facts.file for o in self.objects.values()):
            return True
        bound = (i.bound for i in facts.imports if i.bound and not i.scope)
        return any(self.ev.variable(f"{module}.{name}") in self.objects for name in bound)

    def _methods(self, call: Value, default: tuple[str, ...], site: _Site) -> tuple[str, ...]:
        given = call.keyword("methods")
        methods = self.ev.strings(self._row_item(given))
        if given is not None and not methods:
            message = f"cannot tell which methods {given.text} are; {default[0]} assumed"
            self.diagnostics.add(Diagnostic("CI202", site.file, site.line, message))
        return tuple(m.upper() for m in methods) if methods else default

    def _collect_aliases(self) -> None:
        """Bind the parameters that own declarations or includes to what each call passes;
        a parameter passed on to such a parameter owns them too."""
        todo = sorted({k for k in (*self.declared, *self.edges) if self._param(k)})
        done: set[str] = set()
        while todo:
            param = todo.pop()
            if param in done:
                continue
            done.add(param)
            func, _, name = param.rpartition(".<locals>.")
            fact = self._callee(func)
            assert fact is not None
            if fact.params and fact.params[0].name == name:
                for key in self._lifespan_of(func):
                    self.aliases[key].append(_Alias(param, {}, ()))
            for call, site in self.sites.get(func, ()):
                arg = argument(name, fact, call)
                if arg is None:
                    continue
                arg = self._fallback(param, arg)
                env = self._bind(fact, func, call, site.env)
                if (built := self._receiver_built(call.func, func)) is not None:
                    env = {**built, **env}  # ``routes.register(app)``: what ``routes`` holds
                if _SELF in site.env:  # the instance a base's method runs on
                    env[_SELF] = site.env[_SELF]
                for holder in self._argument_holders(_close(arg, site.env), site):
                    # an extension module no project module imports passes it on only when
                    # run (onyx's EE get_application, chosen by importlib)
                    conditions = self._entry(holder, site).conditions
                    self.aliases[holder].append(_Alias(param, env, conditions))
                    if self._param(holder):
                        todo.append(holder)

    def _fallback(self, param: str, arg: Value) -> Value:
        """A parameter given ``None`` that the body replaces before use (fastapi_mcp's
        ``if not router: router = self.fastapi``, ``target = target or shared``): what it
        is replaced with. Any other argument, or a body reading it first, as it is."""
        if arg.kind != "const" or arg.text not in ("None", "False"):
            return arg
        name = param.rpartition(".")[2]
        tests = {(f"not {name}",), (f"{name} is None",), (f"not ({name})",)}
        module = self.ev.module_of(param)
        facts = self.resolver.modules.get(module) if module else None
        for fact in sorted(self.ev.assigns.get(param, ()), key=lambda fact: fact.line):
            value = fact.value
            if value is None or facts is None or _read_before(facts, param, fact.line):
                return arg
            written = tuple(g.text for g in fact.guards)
            if not written and value.kind == "or" and value.items[0].ref == param:
                value = value.items[1]
            elif written not in tests or any(g.kind != "if" for g in fact.guards):
                continue
            # one it builds (``app = app or FastAPI()``) is its own object, read as such
            return value if value.kind == "name" else arg
        return arg

    def _lifespan_of(self, func: str) -> list[str]:
        """The apps built with ``lifespan=func``: Starlette calls it with the app."""
        return sorted(
            key
            for key, obj in self.objects.items()
            if obj.kind == "app" and self.ev.qualified(obj.call.keyword("lifespan")) == func
        )

    def _argument_holders(self, arg: Value, site: _Site) -> list[str]:
        if arg.kind == "name" and arg.ref is not None and self._param(arg.ref):
            return [arg.ref]
        return sorted({key for key, _ in self._objects(arg, {}, site.where)})

    def _add_children(self, edge: _Edge, keys: list[str]) -> None:
        """What an include or mount reaches. A module's app mounted only under ``if`` tests
        stays an app served on its own too, with its routes as they are (NeMo's ``if prefix:
        server_app.mount(prefix, api.app) else: server_app = api.app``); a factory's local app
        is served alone under the tests ``_returned_alone`` finds."""
        for key in keys:
            obj = self.objects.get(key)
            alone = obj is not None and obj.kind == "app" and ".<locals>." not in key
            if edge.method != "mount" or not edge.site.conditions or not alone:
                self.children.add(key)

    def _collect_children(self) -> None:
        """Objects some include or mount reaches; unresolved includes are diagnostics. A
        helper no call reaches (``def mount_chainlit(app, ...): app.mount(path, our_app)``
        for users to call) does not make what it mounts someone's child."""
        bound = self._bound_params()
        for owner in sorted(self.edges):
            for edge in self.edges[owner]:
                found = self._children_of(edge)
                copied = edge.method == "copy"  # the source serves its routes too
                if (owner in bound or not self._param(owner)) and not copied:
                    self._add_children(edge, [key for key, _ in found if key != owner])
                if any(key == owner for key, _ in found):
                    # valis' ``app.mount("/valis", app)``: served at its root as ever, and
                    # again under the mount, recursively: those copies are not listed
                    message = f"{edge.call.text} mounts the app in itself: not listed again"
                    self.diagnostics.add(
                        Diagnostic("CI202", edge.site.file, edge.site.line, message)
                    )
                if not found and copied:
                    source = edge.call.items[-1].text if edge.call.items else edge.call.text
                    message = f"cannot tell whose routes {source} are"
                    self.diagnostics.add(
                        Diagnostic("CI202", edge.site.file, edge.site.line, message)
                    )
                if not found and edge.method == "include_router":
                    text = edge.child.text if edge.child else "(nothing)"
                    message = f"cannot tell which router {text} is"
                    self.diagnostics.add(
                        Diagnostic("CI202", edge.site.file, edge.site.line, message)
                    )
                elif edge.method == "include_router":
                    self._unresolved_arguments(edge.child)
                if not found and edge.method == "mount" and self._made_here(edge.child):
                    text = edge.child.text if edge.child else "(nothing)"
                    message = f"cannot tell which app {text} is"
                    self.diagnostics.add(
                        Diagnostic("CI202", edge.site.file, edge.site.line, message)
                    )

    def _children_of(self, edge: _Edge) -> list[tuple[str, Env]]:
        """What an include or mount reaches; in a function, with each call's arguments
        when the statement alone does not tell (``include(app, "app.routers.users")``
        including ``getattr(import_module(module_path), attr)``)."""
        site = edge.site
        found = [(k, e) for k, e, _ in self._included(edge.child, site.env, site.where, 0)]
        func = f"{site.module}.{site.scope}"
        fact = self._callee(func) if site.scope and not found else None
        for call, outer in self.sites.get(func, []) if fact is not None else []:
            assert fact is not None
            env = {**outer.env, **self._bind(fact, func, call, outer.env), **site.env}
            env = self._module_locals(site.module, site.scope, site.line, env)
            found += self._objects(edge.child, env, site.where)
        return found

    def _made_here(self, value: Value | None) -> bool:
        """Whether a mounted value is what a project function or method returns: mounting
        a third party's ASGI app (``StaticFiles(...)``) is common and no route of ours, but
        an app one of our functions makes, which we cannot follow, is a gap to report
        (airflow's ``am.get_fastapi_app()`` on a manager chosen by configuration)."""
        key = self.ev.variable(value.ref) if value is not None and value.kind == "name" else None
        value = self.ev.binding(key) or value if key else value
        if value is None or value.kind != "call":
            return False
        called = self.ev.called_class(value)
        if self._callee(called) is None:
            called = self._method(value.func)
        return self._callee(called) is not None or self._app_method_named(value.func)

    def _app_method_named(self, func: Value | None) -> bool:
        """Whether ``x.name`` on an instance we cannot place is named like a project method
        that makes an app (``get_auth_manager_cls()().get_fastapi_app()``)."""
        if func is None or not self._named_like_a_method(func):
            return False
        name = func.items[0].text if func.kind == "getattr" and func.items else func.text
        name = name.rpartition(".")[2]
        return any(
            obj.kind == "app" and key.rpartition(".<locals>.")[0].rpartition(".")[2] == name
            for key, obj in self.objects.items()
        )

    def _unresolved_arguments(self, child: Value | None) -> None:
        """A helper's router parameter that some calls bind: each call whose argument names
        no router is a CI202 there (onyx passes ``fastapi_users.get_verify_router(...)``, a
        third party's, beside routers of its own)."""
        ref = child.ref if child is not None and child.kind == "name" else None
        if ref is None or not self._param(ref):
            return
        func, _, name = ref.rpartition(".<locals>.")
        fact = self._callee(func)
        assert fact is not None
        for call, site in self.sites.get(func, ()):
            arg = argument(name, fact, call)
            if arg is not None and not self._argument_holders(_close(arg, site.env), site):
                message = f"cannot tell which router {arg.text} is"
                self.diagnostics.add(Diagnostic("CI202", site.file, site.line, message))

    def _constructor(self, called: str | None) -> str | None:
        """What a call runs: a project class's ``__init__`` (its own or inherited)."""
        fact = self.resolver.symbols.get(called) if called else None
        if called is None or fact is None or fact.kind != "class":
            return called
        target = self.resolver.resolve(f"{called}.__init__")
        return target.qualname if target is not None and not target.remainder else None

    def _made_with(self, options: Value | None, endpoint: str, env: Env) -> Env:
        """``add_api_route("/billing", lister(dep=require_finance))`` with ``lister``
        returning a closure that asks ``Depends(dep)``: the factory's parameters as that call
        binds them, so each route asks for what its call passed. A parameter its body binds
        again is bound only as ``dep = dep or default`` reads, and otherwise left unknown."""
        given = _endpoint_value(options) if options is not None else None
        if given is None or given.kind != "call":
            return {}
        call = _close(given, env)
        factory = self.ev.qualified(call.func)
        fact = self._callee(factory)
        if fact is None or not endpoint.startswith(f"{factory}.<locals>."):
            return {}
        made: Env = {}
        for param in fact.params:
            key = f"{factory}.<locals>.{param.name}"
            passed = argument(param.name, fact, call)
            if passed is not None and key in self.ev.assigns:
                passed = _or_default(passed, key, self.ev.assigns[key])
            if passed is not None:
                made[key] = passed
        return made

    def _callee(self, func: str | None) -> SymbolFact | None:
        """A project function or method as calls see it: a method's ``self`` or ``cls`` is
        not among the arguments a call passes."""
        fact = self.resolver.symbols.get(func) if func else None
        if fact is None or fact.kind not in ("function", "method"):
            return None
        static = any(d.text == "staticmethod" for d in fact.decorators)
        return fact if fact.kind == "function" or static else replace(fact, params=fact.params[1:])

    def _bound_params(self) -> set[str]:
        return {alias.param for aliases in self.aliases.values() for alias in aliases}

    # -- evaluating -----------------------------------------------------------------------

    def _param(self, ref: str) -> bool:
        """Whether ``ref`` names a parameter of a project function."""
        func, marker, name = ref.rpartition(".<locals>.")
        fact = self.resolver.symbols.get(func) if marker else None
        return fact is not None and "." not in name and any(p.name == name for p in fact.params)

    def _bind(self, fact: SymbolFact, func: str, call: Value, env: Env) -> Env:
        bound: Env = {}
        again: list[tuple[str, Value]] = []  # parameters the body binds again, read last
        for param in fact.params:
            arg = argument(param.name, fact, call)
            if param.kind == "double_star":  # ``**kwargs``: the keywords no parameter takes
                named = {p.name for p in fact.params}
                rest = tuple((k, v) for k, v in call.keywords if k not in named and k != "**")
                arg = (
                    Value("dict", call.text, keywords=rest)
                    if "**" not in dict(call.keywords)
                    else None
                )
            if param.kind == "star":  # ``*routers``: the positional arguments no parameter takes
                taken = sum(p.kind == "positional" for p in fact.params)
                # ``f(*args)``: how many positionals a spread fills is unknown, not what it holds
                spread = any(item.kind == "star" for item in call.items[:taken])
                arg = None if spread else Value("list", call.text, items=call.items[taken:])
            key = f"{func}.<locals>.{param.name}"
            if param.kind not in _SPREADS and spread_may_give(call, param.name, fact):
                arg = Value("other", param.name)  # ``make(**opts)``: the mapping may hold it
            if arg is not None and key in self.ev.assigns:
                again.append((key, _close(arg, env)))
            elif arg is not None:
                bound[key] = self._passed_on(_close(arg, env), env)
        for key, arg in again:
            # unknown: its name as a placeholder, not its binding read back into itself
            held = self._bound_again(key, arg, bound) or Value("other", key.rpartition(".")[2])
            bound[key] = self._passed_on(_close(held, env), env)
        return {**self._receiver(func, call), **bound}

    def _passed_on(self, arg: Value, env: Env) -> Value:
        """An argument as the caller's bindings read it: ``v1_prefix=resolved.API_PREFIX``
        with the caller's ``resolved`` a settings fallback the call decides (``_fallen_back``);
        with no bindings of the caller here, the one every call of it decides alike."""
        ref = arg.ref if arg.kind == "name" else None
        if ref is None or ".<locals>." not in ref:
            return arg
        if self._fallback_field(ref) is None:
            return arg
        if env:
            return self._fallen_back(ref, env) or arg
        caller = ref.rpartition(".<locals>.")[0]
        fact = self._callee(caller)
        if fact is None or caller in self._passing:
            return arg  # a caller reached again while its own calls are read
        self._passing.add(caller)
        try:
            calls = self.sites.get(caller, [])
            read = {self._fallen_back(ref, self._bind(fact, caller, c, s.env)) for c, s in calls}
        finally:
            self._passing.discard(caller)
        one = read.pop() if len(read) == 1 else None
        return one or arg

    def _bound_again(self, key: str, given: Value, others: Env) -> Value | None:
        """A string parameter, or one left at ``None``, the body binds again (fastapi_mcp's
        ``if not mount_path.startswith("/"): mount_path = f"/{mount_path}"``; ``if prefix is
        None: prefix = "/items"``, ``prefix = prefix or "/items"``): the string it holds
        after each binding whose ``if`` tests hold with it, in order; None (unknown) when a
        test or a value is not known, a binding is in a loop, a ``try`` or a nested function,
        a statement reads the parameter before its last binding, or the argument is a number
        (not followed). Any other argument is as given: the binding's own value reads it
        (``extra = extra or [...]``). ``others``: the other parameters, as the call binds them
        (``prefix or "/" + schema.__name__.lower()``)."""
        name, text = key.rpartition(".")[2], self.ev.text(given)
        none = given.kind == "const" and given.text == "None"
        if text.unknown and not none:
            return given
        written = sorted(self.ev.assigns[key], key=lambda fact: fact.line)
        module = self.ev.module_of(key)
        facts = self.resolver.modules.get(module) if module else None
        if given.kind == "int" or facts is None or _read_before(facts, key, written[-1].line):
            return None  # a statement reads it before it is bound again: which value, where
        now = given if none else Value("str", text.value)
        for fact in written:
            if fact.value is None or any(g.kind != "if" for g in fact.guards):
                return None
            tests = [holds(g.text, _only(name, now)) for g in fact.guards]
            if None in tests:
                return None
            if all(tests):
                # ``"/x" if p is None else p``: the branch its test picks with the value held
                picked = picked_branch(fact.value, _only(name, now)) or fact.value
                if now.kind == "const" and _or_else(picked, key).kind not in _STRING_KINDS:
                    return given  # ``extra = extra or [Default()]``: read where it is used
                held = self.ev.text(_close(picked, {**others, key: now}))
                if held.unknown:
                    return None
                now = Value("str", held.value)
        return now if now.kind == "str" else given

    def _receiver(self, func: str, call: Value) -> Env:
        """``ImageConfig.register(router)`` of a classmethod ``Config.register``: its ``cls``
        is the class it is called on (aim's per-sequence route configs), whose attributes
        the body reads."""
        written = self.resolver.symbols.get(func)
        caller = call.func.ref if call.func is not None and call.func.kind == "name" else None
        if written is None or not written.params or caller is None:
            return {}
        classmethod = any(d.text == "classmethod" for d in written.decorators)
        owner = caller.rpartition(".")[0]
        target = self.resolver.resolve(owner) if classmethod and owner else None
        cls = self.resolver.symbols.get(target.qualname) if target is not None else None
        if cls is None or cls.kind != "class" or target is None or target.remainder:
            return {}
        receiver = Value("name", owner, ref=target.qualname)
        defining, param = func.rpartition(".")[0], written.params[0].name
        # ``cls.name`` in the body is read as ``Config.name``: on the receiver it is
        # ``ImageConfig.name``; what the body spells ``Config.name`` stays the base's
        through = Value("receiver", param, ref=target.qualname)
        within = {defining: through} if defining != target.qualname else {}
        return {f"{func}.<locals>.{param}": receiver, **within}

    def _objects(
        self, value: Value | None, env: Env, where: str, depth: int = 0
    ) -> list[tuple[str, Env]]:
        """The apps or routers an expression evaluates to, each with the bindings of the
        function that built it (a router factory called per prefix builds one per call)."""
        if value is None or depth > _MAX_DEPTH:
            return []
        if value.kind == "name" and value.ref in env and value.ref in self.objects:
            # ``if app is None: app = FastAPI()``: a parameter left at its default is
            # replaced by the object the function builds
            return self._objects(env[value.ref], {}, where, depth + 1) or [(value.ref, env)]
        value = _attribute_read(_close(value, env))
        while value.kind == "name" and value.ref in env and depth <= _MAX_DEPTH:
            value, depth = env[value.ref], depth + 1  # a parameter passed on by name
        module = self._file_modules.get(where.rpartition(":")[0], "")
        if _getattr(value) is not None:  # ``getattr(import_module(name), "router")``
            held = self._module_held(value, module)
            value = held if held is not None and held.ref else value
        if value.kind == "call":
            return self._called(value, where, depth)
        if (routable := self._routable(value, where)) is not None:
            return [(routable, {})]
        if (picked := _picked_item(value)) is not None:  # ``get_routers()[0]``
            return self._called(picked[0], where, depth, picked[1])
        if (item := self._listed_item(value, env) or self._keyed_item(value)) is not None:
            return self._objects(item, env, where, depth + 1)  # ``routers[0]``, ``url["router"]``
        getter = value.func if value.kind == "getattr" else None
        held = self._module_held(getter, module) if getter is not None else None
        if held is not None and held.ref and value.items:
            # ``import_module(f"{__name__}.{n}").router``, ``getattr(routers, n).router``
            value = Value("name", value.text, ref=f"{held.ref}.{value.items[0].text}")
        elif value.kind == "getattr":  # ``UsersRouter().router``
            key = self._instance_attribute(value)
            if key not in self.objects and (made := self._made_by_callers(value, where, depth)):
                return [(k, e) for k, e, _ in made]  # ``cls().router``, ``cls`` a parameter
            if key in self.objects:  # with what this construction passes, once all is known
                built = value.func if self._collected and value.func else None
                if built is not None and not self._set_per_instance(key):
                    built = None  # a class body's router: one object every construction adds to
                return [(key, self._built_env("", built) if built else {})]
            return self._property_read(value, where, depth)  # conda-store's ``@property``
        if value.kind != "name" or value.ref is None:
            return []
        if value.ref in self.objects:  # ``self.router`` in a subclass that inherits it
            return [(value.ref, {}), *self._rebound(value.ref, where, depth)]
        built = self._parameter_built(value.ref)
        if built is not None:  # ``result = cls(prefix=prefix)``, then ``result.router``
            return self._objects(built, env, where, depth + 1)
        given = self._given_instead(value.ref)
        if given is not None:  # ``self.router = router or APIRouter()``, a router passed
            return self._objects(given, {}, where, depth + 1)
        field = self._record_field(value.ref)
        if field is not None:  # ``sched.router``, ``sched = Endpoint(router)``
            return self._objects(field, {}, where, depth + 1)
        by_factory = self._returned_field(value.ref)
        if by_factory is not None:  # ``sched.router``, ``sched = get_router(prefix="/s")``
            factory_call, place, at = by_factory
            return self._called(factory_call, at or where, depth + 1, place)
        key = self._subclass_copy(value.ref) or self.ev.variable(value.ref)
        if key in self.objects:  # a caller's own copy, imported (``users.router``)
            return [(key, self._instance_env(value.ref)), *self._rebound(key, where, depth)]
        if key is None and value.ref.endswith(".router"):  # ``router = app.router``: the app's
            holder = Value("name", value.text, ref=value.ref.removesuffix(".router"))
            found = self._objects(holder, {}, where, depth + 1)
            if found and all(self.objects[k].kind == "app" for k, _ in found):
                return found
        binding = self.ev.binding(key) if key else None
        if key is not None and binding is not None and binding.text == "None":
            # ``r = None`` holds the place until ``r = pkg.impl.plain``: what it holds once
            # its module has run, when the tests of the bindings tell
            held = self.ev.branch_binding(key)
            if held is not None and held.kind == "name":
                return self._objects(held, {}, where, depth + 1)
        picked = _picked_item(binding) if binding is not None else None
        if binding is not None and (binding.kind == "call" or picked is not None):
            call, index = picked or (binding, None)
            found = self._called(call, self._bound_at(key) or where, depth + 1, index)
            if key is not None and ".<locals>." not in key:  # ``app = create()``, at the top
                self._name_in_place(key, found)
            return found
        once = key is not None and len(self.ev.assigns.get(key, ())) == 1
        if binding is not None and binding.kind == "subscript" and env and once:
            unpacked = _close(binding, env)  # ``router, prefix = item`` in a loop over tuples
            if unpacked != binding:
                return self._objects(unpacked, env, where, depth + 1)
        key = self.ev.object_key(value.ref)
        if key in self.objects:
            return [(key, {}), *self._rebound(self.ev.variable(value.ref), where, depth)]
        if value.ref in self._following:
            return []  # back at a name being followed: a cycle through bindings and calls
        self._following.add(value.ref)
        try:
            return self._named_objects(value, binding, where, depth)
        finally:
            self._following.discard(value.ref)

    def _listed_item(self, value: Value, env: Env) -> Value | None:
        """``routers[0]`` of a list we know in full that nothing changes in place (no
        ``routers.pop(0)`` first): the item at that index."""
        if value.kind != "subscript" or len(value.items) != 2 or value.items[1].kind != "int":
            return None
        listed, index = value.items
        if listed.kind == "name" and listed.text.rpartition(".")[2] in self._changed_names():
            return None
        if listed.kind == "name" and self.ev.variable(listed.ref) in self._handed_on:
            return None  # ``rs = routers``, ``shuffle(routers)``: it may be changed elsewhere
        items = self._items(listed, env)
        try:
            position = int(index.text, 0)
        except ValueError:
            return None
        return (
            items[position] if items is not None and -len(items) <= position < len(items) else None
        )

    def _row_item(self, value: Value | None) -> Value | None:
        """``spec["endpoint"]`` or ``row[1]`` of a route table's row (a loop's item over a
        list of dicts or tuples): what the row holds there; ``value`` otherwise."""
        if value is None or value.kind != "subscript" or len(value.items) != 2:
            return value
        if value.items[1].kind == "int":
            return self.ev.looked_up(value) or value
        return self._keyed_item(value) or value

    def _keyed_item(self, value: Value) -> Value | None:
        """``url["ApiRouter"]`` of a dict literal (a loop's item over a list of them, kinit's
        ``urlpatterns``), or of a name bound to one that nothing changes in place; or what
        ``GROUPS.get(name, [])`` gives."""
        func = value.func if value.kind == "call" else None
        if func is not None and func.kind == "name" and (func.ref or "").endswith(".get"):
            root: str | None = (func.ref or "").removesuffix(".get")
        elif value.kind == "subscript" and len(value.items) == 2 and value.items[1].kind != "int":
            root = container_root(value)
        else:
            return None
        table = self.ev.variable(root) if root else None
        return (
            self.ev.looked_up(value) if not table or not self.ev.changed_in_place(table) else None
        )

    @cached_property
    def _top_level_instances(self) -> Counter[str]:
        """How many module-level bindings build each class (``inst = Ctl(...)``)."""
        return Counter(
            cls
            for facts in self.resolver.modules.values()
            for assign in facts.assigns
            if not assign.scope and assign.value is not None and assign.value.kind == "call"
            if (cls := self.ev.called_class(assign.value)) is not None
        )

    @cached_property
    def _handed_on(self) -> frozenset[str]:
        """The variables a statement names whole, not only to read an item of: bound to
        another name, passed to a call, held in a container (``rs = routers``,
        ``random.shuffle(routers)``, ``REG = {"r": routers}``)."""
        modules = self.resolver.modules.values()
        values = [c.value for facts in modules for c in facts.calls]
        values += [a.value for facts in modules for a in facts.assigns if a.value is not None]
        refs = {ref for value in values for ref in _whole_names(value)}
        return frozenset(key for ref in refs if (key := self.ev.variable(ref)) is not None)

    def _instance_env(self, ref: str) -> Env:
        """``inst.router`` with ``inst = Ctl(prefix="/v1")`` bound once: the router
        ``Ctl.__init__`` builds, with that construction's arguments (pebblo's controllers,
        the class built elsewhere too with another prefix)."""
        if not self._collected:
            return {}  # what an instance holds is read once every route on it is known
        if ref not in self._instance_envs:
            self._instance_envs[ref] = self._construction_env(ref)
        return self._instance_envs[ref]

    def _construction_env(self, ref: str) -> Env:
        holder = ref.rpartition(".")[0]
        key = self.ev.variable(holder) if holder else None
        written = self.ev.assigns.get(key, ()) if key else ()
        return self._built_env(key or "", written[0].value if len(written) == 1 else None)

    def _built_env(self, key: str, call: Value | None) -> Env:
        """The bindings of the ``__init__``s ``call`` runs building an instance (held by the
        variable ``key``, or made in place), when every instance is what its construction
        makes it."""
        cls = self.ev.called_class(call) if call is not None else None
        if call is None or cls is None or not self._built_alike(key, call, cls):
            return {}
        env: Env = {_SELF: Value("name", cls, ref=cls), **self._dataclass_given(call, cls)}
        for _ in range(_MAX_DEPTH):  # and each project base's, as ``super().__init__`` is given
            runs = self._constructor(cls) if cls else None  # its own ``__init__``, or a base's
            init = self._callee(runs)
            if call is None or runs is None or init is None or init.kind != "method":
                break
            cls = runs.rpartition(".")[0]
            env.update(self._bind(init, runs, call, {}))
            found = self._super_init(cls)
            base = self._super_class(found, cls) if found is not None else None
            call = self._handed_up(call, cls, found) if found is not None and base else None
            cls = base
        return env

    def _set_per_instance(self, key: str) -> bool:
        """Whether the attribute ``key`` (``Cls.router``) is set on each instance
        (``self.router = ...`` in a method), not only in the class body."""
        cls, _, name = key.rpartition(".")
        if cls not in self.resolver.symbols:
            return True
        for owner in self.resolver.mro(cls):  # ``self.router = ...`` in a base's ``__init__``
            module, fact = self.resolver.symbol_module.get(owner), self.resolver.symbols.get(owner)
            attributes = self.resolver.modules[module].attributes if module and fact else ()
            if any(a.name == name and fact and a.scope == fact.qualname for a in attributes):
                return True
        return False

    def _dataclass_given(self, call: Value, cls: str) -> Env:
        """``Controller(prefix="/a")`` of a ``@dataclass`` with no project base: each field
        as the construction gives it (by keyword or position) or defaults it, as
        ``self.prefix`` reads it in ``__post_init__`` and the methods. Not a field the
        constructor does not take (``field(init=False)``), an ``InitVar`` (no attribute), one
        the class's code binds again, nor any behind a ``*`` or ``**`` spread."""
        fact = self.resolver.symbols.get(cls)
        if fact is None or not self._plain_record(fact) or not self.ev.is_dataclass(fact):
            return {}
        if any(item.kind == "star" for item in call.items) or "**" in dict(call.keywords):
            return {}
        skipped = self._uninit(cls)
        taken = [(name, default) for name, default in self._fields(cls) if name not in skipped]
        given: Env = {}
        for place, (name, default) in enumerate(taken):
            key = f"{cls}.{name}"
            annotation = self.ev.assigns[key][0].annotation
            if len(self.ev.assigns[key]) > 1 or (
                annotation and annotation.text.startswith("InitVar")
            ):
                continue
            passed = call.keyword(name) or (call.items[place] if place < len(call.items) else None)
            if (value := passed or default) is not None:
                given[key] = value
        return given

    def _uninit(self, cls: str) -> set[str]:
        """A dataclass's fields its constructor does not take: ``field(init=False)``."""
        return {
            name
            for name, _ in self._fields(cls)
            if (value := self.ev.assigns[f"{cls}.{name}"][0].value) is not None
            and value.kind == "call"
            and any(k == "init" and v.text == "False" for k, v in value.keywords)
        }

    def _built_alike(self, key: str, call: Value, cls: str) -> bool:
        """Whether every instance of ``cls`` is what its construction makes it: arguments
        all written out (no ``*`` or ``**`` spread), no attribute of this one set after
        (``inst.router = other``), and, when the module level builds several, no route or
        include on its class's objects but in ``__init__`` and the methods it runs
        (``x.register()`` on one instance only would otherwise count on every instance)."""
        if "*" in call.text.partition("(")[2] or any(
            ref.startswith(f"{key}.") for ref in self.ev.assigned_attributes()
        ):
            return False
        if self._top_level_instances[cls] == 1:
            return True  # one instance at the top level: what is added on it is its own
        classes = [c for c in self.resolver.mro(cls) if c in self.resolver.symbols]
        hooks = ("__init__", "__post_init__")  # a dataclass runs its ``__post_init__`` too
        runs = {f for c in classes for f in (*(f"{c}.{h}" for h in hooks), *self._init_calls(c))}
        runs |= self._overrides_run(cls, runs)
        owned = [
            k for k in (*self.declared, *self.edges) if any(k.startswith(f"{c}.") for c in classes)
        ]
        sites = [
            *(d.site for k in owned for d in self.declared.get(k, ())),
            *(e.site for k in owned for e in self.edges.get(k, ())),
        ]
        return all(f"{site.module}.{site.scope}" in runs for site in sites)

    def _handed_up(self, call: Value, cls: str, found: Value) -> Value:
        """What ``super().__init__(...)`` in ``cls.__init__`` passes the base's, ``call``
        building ``cls``: its arguments bound to that call's (``**kwargs``: the keywords
        ``cls.__init__`` does not name; ``*args`` is not followed)."""
        init = self._callee(f"{cls}.__init__")
        assert init is not None
        bound = self._bind(init, f"{cls}.__init__", call, {})
        given = [(k, _close(v, bound)) for k, v in found.keywords if k != "**"]
        if any(k == "**" for k, _ in found.keywords):
            named = {p.name for p in init.params}
            rest = {k: v for k, v in call.keywords if k != "**" and k not in named}
            given += list(self._kwargs_changed(cls, init, rest).items())
        items = tuple(_close(v, bound) for v in found.items)
        return replace(found, items=items, keywords=tuple(given))

    def _kwargs_changed(
        self, cls: str, init: SymbolFact, rest: dict[str, Value]
    ) -> dict[str, Value]:
        """The keywords ``cls.__init__`` hands on in its ``**kwargs``, after what its body
        changes in them (pecuny's ``if "prefix" in kwargs: kwargs["prefix"] = "/api" +
        kwargs["prefix"]``, ``kwargs.setdefault("prefix", ...)``, ``kwargs.update(...)``);
        a key changed otherwise, or under a test not of its presence, is not known."""
        name = next((p.name for p in init.params if p.kind == "double_star"), None)
        local = f"{cls}.__init__.<locals>.{name}"
        held = dict(rest)
        for change in sorted(self.ev.changes(local), key=lambda c: c.line) if name else []:
            keyed = self._kwargs_key(change, local)
            present = [_presence(g.text, name or "", held) for g in change.guards]
            if keyed is None:
                return {k: Value("other", f"{name}[{k!r}]") for k in held}
            key, value, only_absent = keyed
            if None in present or value is None:
                held[key] = Value("other", f"{name}[{key!r}]")
            elif all(present) and not (only_absent and key in held):
                held[key] = _replaced_items(value, local, held)
        return held

    def _kwargs_key(self, change: CallFact, local: str) -> tuple[str, Value | None, bool] | None:
        """The key a change of a ``**kwargs`` dict sets, its new value (None: not known),
        and whether it sets it only when absent (``setdefault``); None when the change may
        touch any key."""
        value = change.value
        if change.role == "setitem" and len(value.items) == 2:
            target, given = value.items
            index = (
                target.items[1] if target.kind == "subscript" and len(target.items) == 2 else None
            )
            whole = target.kind == "subscript" and target.items[0].ref == local
            return (
                (index.text, given if whole else None, False)
                if index and index.kind == "str"
                else None
            )
        func = value.func.ref if value.func is not None and value.func.kind == "name" else ""
        method = (func or "").removeprefix(f"{local}.")
        if method == "setdefault" and len(value.items) == 2 and value.items[0].kind == "str":
            return value.items[0].text, value.items[1], True
        if method == "update" and not value.items and len(value.keywords) == 1:
            ((key, given),) = value.keywords
            return (key, given, False) if key != "**" else None
        root = container_root(value.func.func) if value.func and value.func.func else None
        inner = value.func.func if value.func is not None else None
        if (
            root == local
            and inner is not None
            and inner.kind == "subscript"
            and len(inner.items) == 2
        ):
            index = inner.items[1]  # ``kwargs["tags"].append("Api")``: that key only
            return (index.text, None, False) if index.kind == "str" else None
        return None

    def _subclass_copy(self, ref: str) -> str | None:
        """``handlers.router`` with ``handlers = OAuthHandlers(...)``: the router a base
        class's ``__init__`` builds, as instances of that subclass hold it (``_inherited``)."""
        holder, _, name = ref.rpartition(".")
        key = self.ev.variable(holder) if holder else None
        bound = self.ev.binding(key) if key else None
        declared = bound is not None and self.ev.declared_only(bound)
        cls = self.ev.instance_class(bound) if key and not declared else None
        owner, _, attribute = (key or "").rpartition(".")
        if cls is None and owner in self.resolver.symbols and ".<locals>." not in owner:
            # ``self.ogc_features.router``, the attribute set in a method (tipg's endpoints)
            cls = self.ev.attribute_class(owner, attribute)
        own = f"{cls}.{name}" if cls else None
        return own if own in self.objects and self.objects[own].base is not None else None

    def _named_objects(
        self, value: Value, binding: Value | None, where: str, depth: int
    ) -> list[tuple[str, Env]]:
        """The objects a name holds through its callers or its binding: followed once per
        name at a time (tracecat's services pass ``self.session`` on to each other's
        constructors, a cycle that was walked 32 levels deep, exponentially)."""
        assert value.ref is not None
        if self._param(value.ref):  # nothing bound here: whatever any caller passes
            func, _, name = value.ref.rpartition(".<locals>.")
            fact = self._callee(func)
            assert fact is not None
            return [
                found
                for call, site in self.sites.get(func, ())
                for found in self._objects(argument(name, fact, call), site.env, where, depth + 1)
            ]
        if binding is not None and binding.kind in ("name", "subscript", "getattr"):
            # ``self.router = router``; ``users = UsersController("/users").router``
            return self._objects(binding, {}, where, depth + 1)
        if self._property(value) is not None:  # read as a call of it on the instance
            return self._property_read(value, where, depth)
        held = self._on_parameter(value.ref)
        if held is not None and held in self.objects:  # ``api._router``, ``api`` an instance
            return [(held, {})]
        return self._objects(_local_attribute(value.ref, self.ev), {}, where, depth + 1)

    def _on_parameter(self, ref: str | None) -> str | None:
        """``api._router`` or ``api.list_models`` in ``register_routes(api)``: the attribute
        of the class of what its calls pass (``register_all_routes(self)`` in a method of
        ``RESTfulAPI``, passed on; xinference), or of its annotation; one class only."""
        func, marker, tail = (ref or "").rpartition(".<locals>.")
        name, _, attribute = tail.partition(".")
        if not marker or not attribute or not self._param(f"{func}.<locals>.{name}"):
            return None
        classes = self._parameter_classes(func, name, 0)
        if len(classes) != 1:
            return None
        cls = classes.pop()
        for owner in self.resolver.mro(cls):
            found = f"{owner}.{attribute}"
            if found in self.objects or found in self.resolver.symbols:
                return found
            key = self.ev.variable(found)
            if key is not None and key in self.objects:
                return key
        return None

    def _parameter_classes(self, func: str, name: str, depth: int) -> set[str]:
        fact = self._callee(func)
        if fact is None or depth > _MAX_DEPTH:
            return set()
        found: set[str] = set()
        for call, site in self.sites.get(func, ()):
            arg = argument(name, fact, call)
            arg = _close(arg, site.env) if arg is not None else None
            ref = arg.ref if arg is not None and arg.kind == "name" else None
            symbol = self.resolver.symbols.get(ref) if ref else None
            if ref is None:
                continue
            if symbol is not None and symbol.kind == "class":  # ``self`` in a method
                found.add(ref)
            elif self._param(ref):  # passed on from the caller's own parameter
                outer, _, outer_name = ref.rpartition(".<locals>.")
                found |= self._parameter_classes(outer, outer_name, depth + 1)
            else:
                key = self.ev.variable(ref)
                cls = self.ev.instance_class(self.ev.binding(key)) if key else None
                found |= {cls} if cls else set()
        return found or self._annotated_class(func, fact, name)

    def _annotated_class(self, func: str, fact: SymbolFact, name: str) -> set[str]:
        param = next((p for p in fact.params if p.name == name), None)
        annotation = param.annotation if param is not None else None
        if annotation is not None and annotation.kind == "str":  # ``api: "RESTfulAPI"``
            module = self.resolver.symbol_module.get(func, "")
            annotation = Value("name", annotation.text, ref=f"{module}.{annotation.text}")
        cls = self.ev.qualified(annotation)
        symbol = self.resolver.symbols.get(cls) if cls else None
        return {cls} if cls and symbol is not None and symbol.kind == "class" else set()

    def _rebound(self, key: str | None, where: str, depth: int) -> list[tuple[str, Env]]:
        """``enterprise_router = APIRouter()``, later ``enterprise_router = imported_router``
        when an optional package imports (litellm): the objects of the later bindings too."""
        later = self.ev.assigns.get(key or "", ())[1:]
        file, _, line = where.rpartition(":")
        owner = (key or "").partition(".<locals>.")[0]
        module = self.resolver.symbol_module.get(owner) or self.resolver.symbol_module.get(
            key or ""
        )
        home = self.resolver.modules[module].file if module in self.resolver.modules else None
        return [
            found
            for fact in later
            if fact.value is not None
            and fact.value.kind == "name"
            # in the include's own file, only what was bound before the include counts
            and (home != file or not line.isdigit() or fact.line < int(line))
            for found in self._objects(fact.value, {}, where, depth + 1)
        ]

    def _property_read(self, value: Value, where: str, depth: int) -> list[tuple[str, Env]]:
        """The objects a ``@property`` gives, read as a call of it on the instance ``value``
        names (``self.prefix`` a subclass sets), else as its ``return`` stands."""
        returned = self._property(value)
        if returned is None:
            return []
        read = self._called(Value("call", value.text, func=value), where, depth + 1)
        return read or self._objects(returned, {}, where, depth + 1)

    def _property(self, value: Value) -> Value | None:
        """``router.api_router``, a ``@property`` of the instance's class returning one
        attribute (OpenBB's ``Router.api_router`` -> ``self._api_router``), or one
        ``self.routes`` names in its class: what it returns."""
        method = self._method(value) or (value.ref if value.kind == "name" else None)
        fact = self.resolver.symbols.get(method) if method else None
        if fact is None or fact.kind != "method" or len(fact.returned) != 1:
            return None
        if not _is_property(fact):
            return None
        return fact.returned[0]

    def _called(
        self, call: Value, where: str, depth: int, index: int | None = None
    ) -> list[tuple[str, Env]]:
        """What a call returns; ``index``: that item of the tuple it returns
        (``public, private = get_routers()``, openreplay)."""
        kind = self._kind(call) if index is None else None
        if kind is not None:  # built in place: ``include_routers(APIRouter(prefix="/x"))``
            key = self._built_here(call, where)
            if key not in self.objects:
                file, _, line = where.rpartition(":")
                self.objects[key] = self._object(key, kind, file, int(line or 0), call)
                self._built_with[key] = call
            return [(key, {})]
        if index is None and (built := self._library_router(call, where)) is not None:
            return [(built, {})]
        func = self.ev.called_class(call)
        if self._callee(func) is None:
            func = self._method(call.func) or func
        fact = self._callee(func)
        token = (func or "", call.text)
        if func is None or fact is None or token in self._calling:
            return []  # a factory reached again through its own result: a cycle (OpenBB)
        self._calling.add(token)
        try:
            bound = self._bind(fact, func, call, {})
            found = []
            func_value = call.func
            instance = self._receiver_class(func_value, func)
            if instance is not None:
                # a base's method run on a subclass's instance: ``self`` is that instance
                bound = {**bound, _SELF: Value("name", instance, ref=instance)}
            picked = set()
            returns = fact.returned
            if len(returns) > 1 and index is None:
                # ``if kind == "admin": return admin`` then ``return public``: the ``return``
                # whose tests hold with the call's arguments, when they tell
                chosen_return = self.ev.returned_for(call, func)
                returns = (chosen_return,) if chosen_return is not None else returns
            for whole in returns:
                returned: Value | None = self._on_instance(whole, instance)
                if index is not None:
                    if returned is not None and returned.kind == "call":  # a named tuple
                        returned = self._record(returned)
                    items = returned.items if returned and returned.kind == "list" else ()
                    returned = items[index] if -len(items) <= index < len(items) else None
                    picked.add(returned.text if returned is not None else None)
                for key, env in self._objects(returned, bound, where, depth + 1):
                    env = env or self._made_in_place(call.func, key)
                    found.append((key, bound if key.startswith(f"{func}.<locals>.") else env))
                    if returned is not None and returned.kind == "call":
                        self._returned_in_place.add(key)  # ``return FastAPI(...)`` (txtai)
                        made = self.objects.get(key)
                        if made is not None and not made.bound and key in self._built_with:
                            # built by this call: the factory's locals it reads
                            # (``deps = [] if public else [...]``) are read with its arguments
                            made.bound = bound
            # ``return admin, public`` here and ``return public, admin`` there: the run decides
            return found if len(picked) <= 1 else []
        finally:
            self._calling.discard(token)

    def _built_here(self, call: Value, where: str) -> str:
        """The object a call builds in place at ``where``: one for each set of arguments a
        loop's runs pass it (``include_router(CRUDRouter(name))`` over names), each built
        with its own, where the first run's object stood for every run's."""
        key = f"{call.text} at {where}"
        if self._built_with.get(key, call) == call:
            return key
        given = ", ".join(v.text for v in (*call.items, *(v for _, v in call.keywords)))
        return f"{key} ({given})"

    def _library_router(self, call: Value, where: str) -> str | None:
        """``fastapi_users.get_auth_router(backend)``: a router a library builds with fixed
        routes (``LIBRARY_ROUTERS``, ``LIBRARY_ROUTER_FUNCTIONS``), made here with them,
        declared where it is called."""
        func = call.func
        holder, _, method = (func.ref or "").rpartition(".") if func is not None else ("", "", "")
        key = self.ev.variable(holder) if holder else None
        cls = self.ev.instance_class(self.ev.binding(key)) if key else None
        routes = self._library_method(cls, method) if cls else None
        if routes is None:  # ``get_oauth_router(client, backend, ...)``, the function itself
            routes = LIBRARY_ROUTER_FUNCTIONS.get(self.ev.qualified(func) or "")
        if routes is None:
            return None
        built = f"{call.text} at {where}"
        if built not in self.objects:
            file, _, line = where.rpartition(":")
            site = _Site(self._file_modules.get(file, ""), file, int(line or 0))
            self.objects[built] = _Object(built, "router", file, site.line, Value("call", "()"))
            self.declared[built] = [
                _Declared((verb,), Value("str", path), endpoint, site, None)
                for verb, path, endpoint in routes
            ]
            message = f"the routes of {call.text} are the library's; their Depends are not read"
            self.diagnostics.add(Diagnostic("CI204", file, site.line, message))
        return built

    def _library_method(self, cls: str, method: str) -> tuple[tuple[str, str, str], ...] | None:
        """The routes of a library's router method as ``cls`` inherits it: a project subclass
        of ``FastAPIUsers`` (tracecat's, which adds a method) builds the library's routers;
        None where the project's own class defines ``method`` first."""
        for owner in self.resolver.mro(cls):
            if f"{owner}.{method}" in self.resolver.symbols:
                return None
            if (routes := LIBRARY_ROUTERS.get(f"{owner}.{method}")) is not None:
                return routes
        return None

    def _bound_at(self, key: str | None) -> str | None:
        """Where a variable is bound, as a site's ``where``: an object built in place in its
        value (``r = include_routers(APIRouter())``) is the one built there, however the
        variable is reached."""
        fact = next((f for f in self.ev.assigns.get(key or "", ()) if f.value is not None), None)
        if key is None or fact is None:
            return None
        local, marker, _ = key.partition(".<locals>.")
        owner = local if marker else key.rpartition(".")[0]
        module = owner if owner in self.resolver.modules else self.resolver.symbol_module.get(owner)
        return f"{self.resolver.modules[module].file}:{fact.line}" if module else None

    def _given_instead(self, ref: str) -> Value | None:
        """``given.router`` where ``__init__`` sets ``self.router = router or APIRouter()``
        and ``given = Module(router=r)`` (Hyperion's modules), or ``self.router = router``
        (tracardi's wrappers): the argument the instance was built with, when the call
        passes one; None otherwise (the fallback is built, or every caller's is read)."""
        holder, _, name = ref.rpartition(".")
        key = self.ev.variable(holder)
        call = self.ev.binding(key) if key and len(self.ev.assigns.get(key, ())) == 1 else None
        cls = self.ev.called_class(call) if call is not None else None
        if call is not None and cls is not None and self._factory_field(cls, name):
            if call.items:  # which field a positional argument fills: not read here
                return Value("other", call.text)
            return call.keyword(name)  # ``Resource(router=other)``: that router, not one made
        init = self.resolver.symbols.get(f"{cls}.__init__") if cls else None
        facts = self.resolver.modules.get(self.resolver.symbol_module.get(cls or "", ""))
        if call is None or init is None or facts is None:
            return None
        scope = (cls or "").removeprefix(f"{facts.module}.")
        written = [a.value for a in facts.attributes if a.scope == scope and a.name == name]
        one = written[0] if len(written) == 1 else None
        pair = _given_or_made(one)
        given_as = pair[0] if pair is not None else one
        named = (given_as.ref if given_as is not None and given_as.kind == "name" else None) or ""
        if not named.startswith(f"{cls}.__init__.<locals>.") or named in self.ev.assigns:
            return None  # no parameter of the constructor, or one it binds again first
        if ref in self.ev.assigned_attributes():
            return None  # ``m.router = APIRouter()`` after it is built: not read here
        given = argument(named.rpartition(".")[2], _unbound(init), call)
        if given is not None and given.kind == "name":  # ``router=given`` bound to None
            bound = self.ev.binding(self.ev.variable(given.ref) or "")
            given = None if bound is not None and bound.kind == "const" else given
        return None if given is None or given.kind == "const" else given

    def _record_held(self, ref: str) -> tuple[str | None, Value | None, str]:
        """For ``holder.name``: the key of ``holder``, the value it is bound to once, and
        ``name``."""
        holder, _, name = ref.rpartition(".")
        key = self.ev.variable(holder) if holder else None
        written = self.ev.assigns.get(key) if key else None
        return key, written[0].value if written and len(written) == 1 else None, name

    def _record_field(self, ref: str) -> Value | None:
        """``sched.router`` with ``sched = Endpoint(router)``, a named tuple (or other plain
        record): the argument the construction passed for that field."""
        _, call, name = self._record_held(ref)
        record = self._record(call) if call is not None and call.kind == "call" else None
        return record.keyword(name) if record is not None and record.kind == "list" else None

    def _returned_field(self, ref: str) -> tuple[Value, int, str | None] | None:
        """``sched.router`` with ``sched = get_router(prefix="/s")`` returning
        ``endpoint(router)``, a named tuple (tracardi's licensed endpoints): the call, the
        field's place in what each ``return`` builds, and where the call is bound."""
        key, call, name = self._record_held(ref)
        fact = self._callee(self.ev.called_class(call)) if call is not None else None
        if key is None or call is None or fact is None or not fact.returned:
            return None
        places = set()
        for returned in fact.returned:
            record = self._record(returned) if returned.kind == "call" else returned
            fields = [field for field, _ in record.keywords] if record.kind == "list" else []
            places.add(fields.index(name) if name in fields else None)
        place = places.pop() if len(places) == 1 else None
        return (call, place, self._bound_at(key)) if place is not None else None

    def _factory_field(self, cls: str, name: str) -> bool:
        """Whether a record class (no ``__init__`` of its own) declares the field ``name``
        with a factory, which builds it only where the construction passes none."""
        if self._constructor(cls) is not None:
            return False  # an ``__init__`` of the project's: what it does with its arguments
        key = self.ev.variable(f"{cls}.{name}")
        written = (self.ev.assigns.get(key) if key else None) or []
        return bool(written) and self.ev.field_factory_call(written[0].value) is not None

    def _routable(self, value: Value, where: str) -> str | None:
        """``Items(service).router``, or ``items.router`` with ``items = Items(service)``, of
        a classy-fastapi ``Routable``: the router its ``__init__`` builds from what the
        construction hands it, holding the methods the class marks. One per construction,
        declared where it is built."""
        at: str | None = where
        if value.kind == "getattr" and value.items and value.items[0].text == "router":
            built = value.func
        elif value.kind == "name" and value.ref and value.ref.endswith(".router"):
            key = self.ev.variable(value.ref.removesuffix(".router"))
            built, at = (self.ev.binding(key), self._bound_at(key)) if key else (None, None)
        else:
            return None
        cls = self.ev.called_class(built) if built is not None else None
        if built is None or at is None or cls is None or cls not in self.resolver.symbols:
            return None
        mro = self.resolver.mro(cls)
        if not ROUTABLES & set(mro):
            return None
        file, _, line = at.rpartition(":")
        inits = [c for c in mro if f"{c}.__init__" in self.resolver.symbols]
        if any(self._super_init(c) is None for c in inits):
            # ``if V2: super().__init__(prefix="/v2")`` / ``else: ...``: which runs, the run says
            message = f"cannot tell what {built.text} hands its Routable"
            self.diagnostics.add(Diagnostic("CI202", file, int(line or 0), message))
            return None
        key = f"{cls}: {built.text}.router at {at}"  # a loop's ``cls()`` builds each class
        if key not in self.objects:
            handed = self._super_call(built, cls)
            router = replace(handed, func=Value("name", "APIRouter", ref="fastapi.APIRouter"))
            self.objects[key] = self._object(key, "router", file, int(line or 0), router)
            self.declared[key] = self._marked(cls)
        return key

    def _marked(self, cls: str) -> list[_Declared]:
        """The routes of the methods ``cls`` has (its own or inherited, as ``dir`` lists
        them) that a classy-fastapi decorator marks, each bound to the instance."""
        found = []
        names = {n for owner in self.resolver.mro(cls) for n in self._method_names_of[owner]}
        for name in sorted(names):
            method = self.resolver.resolve(f"{cls}.{name}")
            endpoint = method.qualname if method is not None and not method.remainder else ""
            fact = self.resolver.symbols.get(endpoint)
            module = self.resolver.symbol_module.get(endpoint)
            if fact is None or module is None or fact.kind != "method":
                continue
            for mark, line in zip(fact.decorators, fact.decorator_lines, strict=True):
                methods = ROUTE_MARKS.get(self.ev.qualified(mark.func) or "") if mark.func else None
                if methods is None:
                    continue
                site = _Site(module, self.resolver.modules[module].file, line)
                path = mark.keyword("path") or (mark.items[0] if mark.items else None)
                for verb in methods or self.ev.strings(mark.keyword("methods")):
                    found.append(_Declared((verb,), path, endpoint, site, mark, symbol=fact))
                break  # a function holds one mark: the outermost, set last, wins
        return found

    @cached_property
    def _method_names_of(self) -> defaultdict[str, list[str]]:
        """The names of the methods each project class defines itself."""
        found = defaultdict(list)
        for name, fact in self.resolver.symbols.items():
            if fact.kind == "method":
                owner, _, method = name.rpartition(".")
                found[owner].append(method)
        return found

    def _parameter_built(self, ref: str) -> Value | None:
        """``result.router`` with the local ``result`` bound once to ``cls(...)``, ``cls`` a
        parameter: the attribute of that construction."""
        holder, _, attribute = ref.rpartition(".")
        key = self.ev.variable(holder) if holder else None
        written = self.ev.assigns.get(key, ()) if key and ".<locals>." in key else ()
        call = written[0].value if len(written) == 1 else None
        head = call.func if call is not None and call.kind == "call" else None
        if call is None or head is None or head.kind != "name" or not self._param(head.ref or ""):
            return None
        return Value("getattr", ref, func=call, items=(Value("str", attribute),))

    def _made_by_callers(
        self, value: Value, where: str, depth: int
    ) -> list[tuple[str, Env, tuple[str, ...]]] | None:
        """``cls().router`` in ``def register(cls)`` (a class decorator registering a view):
        the objects the instance of each class a call passes holds, with that call's
        bindings and tests; None when no parameter builds it."""
        built = value.func.func if value.func is not None and value.func.kind == "call" else None
        ref = built.ref if built is not None and built.kind == "name" else None
        if value.kind != "getattr" or ref is None or not self._param(ref):
            return None
        func = ref.rpartition(".<locals>.")[0]
        fact = self._callee(func)
        assert fact is not None
        found = []
        for call, site in self.sites.get(func, ()):
            bound = {**site.env, **self._bind(fact, func, call, site.env)}
            objects = self._objects(value, bound, where, depth + 1)
            found += [(k, {**bound, **e}, site.conditions) for k, e in objects]
        return found

    def _instance_attribute(self, value: Value) -> str | None:
        """``Cls(...).name``: the object the instance's attribute holds."""
        cls = self.ev.instance_class(value.func) if value.func is not None else None
        if cls is None or not value.items:
            return None
        own = f"{cls}.{value.items[0].text}"
        return own if own in self.objects else self.ev.variable(own)

    def _named_like_a_method(self, func: Value) -> bool:
        """Whether a name ends in the name of some project method: the cheap test before
        looking for the instance's class (most calls are no project method's)."""
        if self._method_names is None:
            self._method_names = {
                name.rpartition(".")[2]
                for name, fact in self.resolver.symbols.items()
                if fact.kind == "method"
            }
        name = func.items[0].text if func.kind == "getattr" and func.items else func.text
        return name.rpartition(".")[2] in self._method_names

    def _method(self, func: Value | None) -> str | None:
        """``Cls(...).get_router``, or ``users.get_router`` with ``users = Users[int]()``: the
        method the instance's class runs."""
        if func is None or not self._named_like_a_method(func):
            return None
        if func.kind == "name" and func.ref and "." in func.ref:
            holder, _, name = func.ref.rpartition(".")
            key = self.ev.variable(holder)
            instance, method = (self.ev.binding(key) if key else None), name
        elif func.kind == "getattr" and func.items:
            instance, method = func.func, func.items[0].text
        else:
            return None
        cls = self.ev.instance_class(instance)
        target = self.resolver.resolve(f"{cls}.{method}") if cls else None
        return target.qualname if target is not None and not target.remainder else None

    def _on_instance(self, value: Value, cls: str | None) -> Value:
        """A method's ``return self.router`` read on an instance of a subclass that holds
        its own router."""
        if cls is None or value.kind != "name" or value.ref is None:
            return value
        own = f"{cls}.{value.ref.rpartition('.')[2]}"
        if own in self.objects and self.ev.variable(value.ref) in self.objects:
            return replace(value, ref=own)
        return value

    def _text(self, value: Value | None, env: Env, site: _Site) -> Text:
        value = self._rebound_at(value, site.where) if value is not None else None
        # ``f"/{Path(__file__).stem}"``, ``__name__.split(".")[-1]``: the file's own module
        value = with_dunders(value, self._file_modules.get(site.file, site.module), self.ev)
        closed = self._closed(value, env, 0) if value is not None else None
        parts = self._module_parts(closed, site.module) if closed else None
        text = self.ev.text(self._branch_parts(parts, env, site) if parts else None)
        for unknown in text.unknown:
            message = f"path part {unknown} is not known statically"
            self.diagnostics.add(Diagnostic("CI201", site.file, site.line, message))
        return text

    def _closed(self, value: Value, env: Env, depth: int) -> Value:
        """``value`` with ``env`` bound, through the function's own locals too:
        ``url = app.swagger_ui_oauth2_redirect_url`` then ``@app.get(url)`` in a helper given
        the app (Langchain-Chatchat) reads the caller's app; and through what an instance's
        constructor was given (``_init_argument``)."""
        value = _close(value, env)
        held = self._init_argument(value.ref, env) if value.kind == "name" and value.ref else None
        if held is None and value.kind == "name" and value.ref and "." in value.ref:
            held = self._init_argument_field(value.ref, env)
        if held is None and value.kind == "name" and _SELF in env:
            held = self._overriding(value, env[_SELF])
        if held is not None or depth > _MAX_DEPTH:
            return held or value
        if value.kind in ("fstring", "add", "or"):
            items = tuple(self._closed(v, env, depth + 1) for v in value.items)
            return replace(value, items=items)
        if env and value.kind == "name" and value.ref is not None and ".<locals>." in value.ref:
            if (fallen := self._fallen_back(value.ref, env)) is not None:
                return self._closed(fallen, env, depth + 1)
            key = self.ev.variable(value.ref)
            facts = self.ev.assigns.get(key or "", ())
            if key is None or len(facts) != 1 or facts[0].value is None:
                return value  # rebound (``url = "/" + url``): not one value to read
            held = facts[0].value
            if held.kind == "list":
                added = self._list_added(key, env)
                if added is None:
                    return value  # changed as the run decides: not one value to read
                held = replace(held, items=(*held.items, *added))
            return self._closed(held, env, depth + 1)
        return value

    def _list_added(self, key: str, env: Env) -> tuple[Value, ...] | None:
        """What ``dependencies.append(Depends(api_key))`` in the list's own function adds to
        it, under ``if`` tests the call's arguments decide (``if authentication_enabled:`` in
        a router factory given ``True``); an append under a test they do not decide is kept
        as written, with its test (a placeholder); None when the list changes otherwise."""
        module = self.ev.module_of(key) or ""
        appends = list_appends(key, self.ev)
        if appends is None:
            return None
        added: list[Value] = []
        file = self.resolver.modules[module].file if appends else ""  # no module: no appends
        for call in appends:
            site = _Site(module, file, call.line, env, _conditions(call.guards), call.scope)
            tests = self._held_tests(site, env)
            item = call.value.items[0]
            if tests:  # phoenix's ``create_app(db, authentication_enabled)``: the run decides
                added.append(Value("other", f"{item.text} if {' and '.join(tests)}"))
            elif tests is not None:
                added.append(_close(item, env))
        return tuple(added)

    def _fallback_field(self, ref: str) -> tuple[tuple[Value, Value], str] | None:
        """For ``resolved.API_PREFIX``, a field of a local bound once to ``given or made``
        (``given if given is not None else made``): the pair, and the field read."""
        scope, _, rest = ref.rpartition(".<locals>.")
        name, _, tail = rest.partition(".")
        if not tail:
            return None  # the object itself (``router = router or APIRouter()``): its own
        once = self.ev.once(f"{scope}.<locals>.{name}")
        pair = _given_or_made(once.value) if once is not None else None
        return (pair, tail) if pair is not None else None

    def _fallen_back(self, ref: str, env: Env) -> Value | None:
        """``resolved.API_PREFIX`` with ``resolved = settings if settings is not None else
        get_settings()`` (or ``settings or get_settings()``) in a factory whose call gives
        ``settings`` no value: that of the fallback (fastapi-saas-template's 63 routes);
        given an instance, that of the instance."""
        fallback = self._fallback_field(ref)
        if fallback is None:
            return None
        pair, tail = fallback
        given = _close(pair[0], env)
        if given.kind == "const" and given.text in ("None", "False"):
            fallen = pair[1]
        elif self._builds_class(given):
            fallen = given  # an instance: neither None nor false
        else:
            return None
        return _getattrs(fallen, tail)

    def _builds_class(self, value: Value) -> bool:
        fact = self.resolver.symbols.get(self.ev.called_class(value) or "")
        return fact is not None and fact.kind == "class"

    def _init_argument_field(self, ref: str, env: Env) -> Value | None:
        """``self.settings.API_V1_STR`` with ``self.settings`` set in ``__init__`` from its
        parameter (kwik's ``Application(settings=...)``): that field of what was passed."""
        holder, _, field = ref.rpartition(".")
        passed = self._init_argument(holder, env)
        if passed is None:
            return None
        text = f"{passed.text}.{field}"
        if passed.kind == "name" and passed.ref is not None:
            return Value("name", text, ref=f"{passed.ref}.{field}")
        return Value("getattr", text, func=passed, items=(Value("str", field),))

    def _init_argument(self, ref: str, env: Env | None = None) -> Value | None:
        """``self.health_path``, set once in ``__init__`` from its parameter (litserve's
        ``LitServer(healthcheck_path="/health")``), or that parameter itself read in
        ``__init__``: what the construction of the instance walked passes (``env``, emmet's
        ``ReadOnlyResource(store, sub_path="/bonds/")`` per resource), else what the one
        construction of the class in the project passes, or the default when nothing
        constructs it. None when several do, or the attribute is anything else."""
        head, marker, param = ref.partition(".__init__.<locals>.")
        if marker:  # the parameter itself, read in ``__init__`` (vocode's routers)
            if "." in param or ref in self.ev.assigns:
                return None
            return (env or {}).get(ref) or self._passed(head, param)
        key = self.ev.variable(ref) if ".<locals>." not in ref else None
        bound = self.ev.binding(key) if key else None
        if bound is not None and bound.kind == "or" and len(bound.items) == 2:
            return self._init_fallback(key or "", bound, env or {})
        if bound is None or bound.kind != "name":
            return None
        head, marker, param = (bound.ref or "").partition(".__init__.<locals>.")
        if not marker or "." in param:
            return None
        if key != f"{head}.{ref.rpartition('.')[2]}" or len(self.ev.assigns.get(key, ())) != 1:
            return None  # another class's attribute, or one set again elsewhere
        given = (env or {}).get(bound.ref or "")
        # ``self.sub_path = "/fixed/"`` in a subclass after ``super().__init__(sub_path=...)``
        if given is not None and not self._subclassed(head, ref.rpartition(".")[2]):
            return given
        return self._passed(head, param)

    def _init_fallback(self, key: str, bound: Value, env: Env) -> Value | None:
        """``self._deps = dependencies or []``, set once in ``__init__`` from its parameter:
        what the construction walked passes for it, or the fallback (norake's routers)."""
        given = self._init_argument(bound.items[0].ref or "", env) if bound.items[0].ref else None
        if given is None or len(self.ev.assigns.get(key, ())) != 1:
            return None
        if key.rpartition(".")[0] != (bound.items[0].ref or "").partition(".__init__.")[0]:
            return None  # another class's parameter
        return replace(bound, items=(self._list_built(given, env) or given, bound.items[1]))

    def _list_built(self, value: Value, env: Env) -> Value | None:
        """``deps = [Depends(auth)]``, then ``if extra: deps.extend(extra)``, in a function
        the walk binds: the list once those bindings decide each change (norake's
        ``ProtectedRouter`` handing it to ``super().__init__``); None when one is not
        decided, or changes it some other way."""
        key = value.ref if value.kind == "name" and ".<locals>." in (value.ref or "") else None
        written = self.ev.assigns.get(key or "", ())
        made = written[0].value if len(written) == 1 and not written[0].guards else None
        module = self.ev.module_of(key) if key else None
        if key is None or made is None or made.kind != "list" or module is None:
            return None
        items = list(made.items)
        for change in sorted(self.ev.changes(key), key=lambda c: c.line):
            site = _Site(module, "", change.line, scope=change.scope)
            literal = functools.partial(self._argument_literal, site, env)
            decided = [holds(g.text, literal) if g.kind == "if" else None for g in change.guards]
            if False in decided:
                continue  # never runs with these arguments
            method = (change.value.func.ref or "") if change.value.func is not None else ""
            added = [_close(v, env) for v in change.value.items]
            if None in decided or change.role != "call" or len(added) != 1:
                return None
            if method == f"{key}.append":
                items.append(added[0])
            elif method == f"{key}.extend" and added[0].kind == "list":
                items += added[0].items
            else:
                return None
        return replace(made, items=tuple(items))

    def _passed(self, head: str, param: str) -> Value | None:
        """What the one construction of class ``head`` passes its ``__init__`` for ``param``,
        or the default when nothing constructs it; None when several do."""
        func = f"{head}.__init__"
        fact = self._callee(func)
        calls = self.sites.get(func, [])
        if fact is None or len(calls) > 1 or self._subclassed(head, "__init__"):
            return None  # a subclass's ``super().__init__(...)`` may pass it too
        if calls:
            ((call, outer),) = calls
            given = argument(param, fact, call)
            return _close(given, outer.env) if given is not None else None
        return next((p.default for p in fact.params if p.name == param), None)

    def _subclassed(self, cls: str, defining: str = "") -> bool:
        """Whether some project class has ``cls`` among its bases (and, ``defining`` a
        method's or attribute's name, defines or sets that itself)."""
        if defining not in self._extended:
            own = {*self.resolver.symbols, *self.ev.assigns} if defining else set()
            self._extended[defining] = frozenset(
                base
                for name, fact in self.resolver.symbols.items()
                if fact.kind == "class" and (not defining or f"{name}.{defining}" in own)
                for base in self.resolver.mro(name)[1:]
            )
        return cls in self._extended[defining]

    def _module_calls(self, factory: str) -> list[tuple[str, Value]]:
        """``(variable, call)`` for each module-level ``variable = factory(...)`` outside
        tests, the factory's own module first."""
        home = self.resolver.symbol_module.get(factory)
        found = []
        for module in sorted(self.resolver.modules, key=lambda m: (m != home, m)):
            facts = self.resolver.modules[module]
            if is_test_path(facts.file):
                continue
            for assign in facts.assigns:
                value = assign.value
                if assign.scope == "" and value and self.ev.called_class(value) == factory:
                    found.append((f"{module}.{assign.name}", value))
        return found

    # -- walking --------------------------------------------------------------------------

    def routes(self) -> list[Route]:
        self._crud_replaced()
        found: dict[tuple[object, ...], Route] = {}
        for root in sorted(self.objects.values(), key=lambda o: o.key):
            app = self._served_as(root.key) if root.kind == "app" else None
            conditions: tuple[str, ...] | None = ()
            if root.key in self.children:
                served = app is not None and app != root.key
                conditions = self._returned_alone(root.key) if served else None
            if conditions is None:
                continue
            if root.key in self._made_per_caller:
                continue  # served only through its callers' copies
            prefix = self._prefix(root, {}, _Site("", root.file, root.line))
            # an app a factory's caller holds (``open_app = create(secure=False)``) has the
            # list that call's arguments pick
            deps = tuple(self._own_dependencies(root, {}))
            outer = _Context(app, Text(""), (), (), (), conditions)
            context = _Context(app, prefix, deps, root.tags, (), conditions, outer)
            with self._contained(root.file, root.line):
                self._walk(root.key, {}, context, found, 0)
        # a parameter no call binds, whose routes reach no app: the outermost one of a chain
        # (``startup(app)`` passing ``app`` on to ``init_routers(app)``) is reported
        unbound = {*self.declared, *self.edges, *self.aliases} - self._bound_params()
        for param in sorted(unbound - self.objects.keys()):  # not one the function builds
            if self._param(param) and self._registers(param):
                self._unbound(param, found)
        routes = list(found.values())
        for rebinding in self._versioned:
            routes = self._remounted(routes, rebinding)
        for given, versionizer, file, line in self._versionizing:
            routes = self._versionized(routes, given, versionizer, file, line)
        return sorted(routes, key=lambda r: (r.path, r.method, r.endpoint, r.app or ""))

    def _versionized(
        self, routes: list[Route], app: Value, versionizer: Value, file: str, line: int
    ) -> list[Route]:
        """``Versionizer(app=app, ...).versionize()``: the app's routes as the library
        serves them, or as they were with a CI202 when its options are not literals (its
        own paths were stated, which it no longer serves)."""
        key = self.ev.variable(app.ref) if app.kind == "name" and app.ref else None
        obj = self.objects.get(key) if key else None
        if key is None or obj is None or obj.kind != "app":
            return routes
        versionizing = Versionizing(self._served_as(key), versionizer, file, line)
        served = versionized(routes, versionizing, obj.call, self.ev)
        if served is not None:
            return served
        message = f"{versionizer.text} serves the app's routes again; what it serves is not read"
        self.diagnostics.add(Diagnostic("CI202", file, line, message))
        return routes

    def _remounted(self, routes: list[Route], rebinding: Rebinding) -> list[Route]:
        """``app = VersionedFastAPI(app, prefix_format="/v{major}")``: the app's routes as
        the library serves them, or as they were with a CI202 when its options are not
        literals."""
        rebinding = replace(rebinding, app=self._served_as(rebinding.app))
        given = option(rebinding, "prefix_format", self.ev)
        prefix = self.ev.text(given) if given is not None else Text("/v{major}_{minor}")
        served = None if prefix.unknown else versioned(routes, rebinding, prefix.value, self.ev)
        if served is not None:
            return served
        message = f"the app is bound again to {rebinding.call.text}; what that serves is not read"
        self.diagnostics.add(Diagnostic("CI202", rebinding.file, rebinding.line, message))
        return routes

    def _registers(self, param: str, depth: int = 0) -> bool:
        """Whether a parameter's declarations or includes add routes (mounting static files
        on it does not), or those of the parameters it is passed on to."""
        if depth > _MAX_DEPTH:
            return False
        return (
            bool(self.declared.get(param))
            or any(
                edge.method == "include_router" or self._objects(edge.child, edge.site.env, "")
                for edge in self.edges.get(param, ())
            )
            or any(self._registers(a.param, depth + 1) for a in self.aliases.get(param, ()))
        )

    def _unbound(self, param: str, found: dict[tuple[object, ...], Route]) -> None:
        """Routes declared on a parameter no call binds are kept, with no app; the other
        parameters have their defaults."""
        func = param.rpartition(".<locals>.")[0]
        fact = self.resolver.symbols[func]
        module = self.resolver.symbol_module[func]
        file = self.resolver.modules[module].file
        name = param.rpartition(".")[2]
        message = f"cannot tell which app or router parameter {name} of {func} is"
        self.diagnostics.add(Diagnostic("CI202", file, fact.start_line, message))
        defaults = {f"{func}.<locals>.{p.name}": p.default for p in fact.params if p.default}
        self._walk(param, defaults, _Context(None, Text(""), (), (), (), ()), found, 0)

    def _served_as(self, key: str) -> str:
        """A factory's local app is served as the module-level name bound to the factory's
        result (``app = create_app()``): what ``uvicorn module:app`` imports."""
        factory, local_marker, local = key.partition(".<locals>.")
        fact = self.resolver.symbols.get(factory)
        if key in self._served_by:  # built in a factory's ``return`` itself
            return self._served_by[key]
        if not local_marker:
            return self._instance_global(key) or key
        if fact is None or all(v.text != local for v in fact.returned):
            return key
        calls = self._module_calls(factory)
        return calls[0][0] if calls else key

    def _instance_global(self, key: str) -> str | None:
        """``app = Server().app``, or ``server = Server()`` then ``app = server.app``: an
        instance's app is served as the one module-level name bound to it."""
        cls, _, attribute = key.rpartition(".")
        fact = self.resolver.symbols.get(cls)
        if fact is None or fact.kind != "class":
            return None
        found = []
        for module, facts in sorted(self.resolver.modules.items()):
            for assign in facts.assigns if not is_test_path(facts.file) else ():
                value = assign.value
                if assign.scope or value is None or value.text.rpartition(".")[2] != attribute:
                    continue
                made = value.func if value.kind == "getattr" else None
                if made is None and value.kind == "name" and value.ref:
                    holder = self.ev.variable(value.ref.rpartition(".")[0])
                    made = self.ev.binding(holder) if holder else None
                if made is not None and made.kind == "call" and self.ev.called_class(made) == cls:
                    found.append(f"{module}.{assign.name}")
        return found[0] if len(found) == 1 else None

    def _returned_alone(self, key: str) -> tuple[str, ...] | None:
        """The ``if`` tests under which a factory returns its local app itself, though it
        also mounts it in another (``if base_url: outer.mount(base_url, app); return outer``
        / ``return app``); None when it never does."""
        factory, _, local = key.partition(".<locals>.")
        fact = self.resolver.symbols[factory]
        if all(value.text == local for value in fact.returned):
            return None  # always returned: what holds the result is the app mounted
        found = [
            _conditions(guards)
            for value, guards in zip(fact.returned, fact.returned_guards, strict=True)
            if value.text == local
        ]
        return min(found, key=len) if found else None

    def _walk(
        self,
        holder: str,
        env: Env,
        context: _Context,
        found: dict[tuple[object, ...], Route],
        depth: int,
    ) -> None:
        """Routes declared on ``holder`` (an object, or a parameter bound to one) and on what
        it includes, with ``env`` bound in the function that built or received it. A holder
        met again below itself is an include cycle, walked once: one object standing for
        many (OpenBB's hundreds of ``Router`` wrappers, each including others) would
        otherwise be walked once per path, exponentially."""
        if depth > _MAX_DEPTH or holder in self._walking:
            return
        self._walking.append(holder)
        try:
            self._walk_from(holder, env, context, found, depth)
        finally:
            self._walking.pop()

    def _walk_from(
        self,
        holder: str,
        env: Env,
        context: _Context,
        found: dict[tuple[object, ...], Route],
        depth: int,
    ) -> None:
        made = self._made(holder)
        if (obj := self.objects.get(holder)) is not None and obj.bound:
            env = {**obj.bound, **env}  # what its call passed the factory
        classes, bound = self._constructed(holder)
        if classes:
            made, env = [*made, *classes], {**bound, **env}
        if not self._built_by_method_of(holder, env.get(_SELF)):
            env = {k: v for k, v in env.items() if k != _SELF}
        if obj is not None and obj.cls is not None and _SELF not in env:
            env[_SELF] = Value("name", obj.cls, ref=obj.cls)  # decides ``isinstance(self, Sub)``
        # ``self.add_api_route(path, self._completions)`` in a base class's ``__init__``: the
        # instance's class's override is the handler (refact's proxy completions router)
        cls = obj.cls if obj is not None else None
        # a base's method run on an instance walked with it: the instance's class
        instance = env[_SELF].ref if _SELF in env and not cls else None
        own = [
            self._overridden(d, cls) if cls and key in classes else self._dispatched(d, instance)
            for key in made
            for d in self.declared.get(key, ())
            if not cls or key not in classes or self._runs_for(cls, key, d.site)
            if not _another_call(d.site, env, key) and not self._another_run(d.site, env, key)
        ]
        for declared in (*own, *self._inherited_declared(holder)):
            if _after_copy(declared.site, context):
                continue
            outer = context.outer if declared.listed and context.outer else context
            if not declared.listed:
                outer = self._prefixed_later(holder, declared.site, env, outer)
            conditions = self._include_order(declared.site, context)
            given = replace(outer, sites=context.sites, conditions=conditions)
            for route in self._routes(holder, declared, env, given):
                # reached two ways with two chains (a router built per ``if`` branch, each
                # with its own dependencies): two facts, each under its own tests
                key = (
                    route.method,
                    route.path,
                    route.endpoint,
                    route.line,
                    route.app,
                    route.all_dependencies,
                )
                if not self._contradictory(route.conditions):
                    found[key] = _either(found.get(key), route)
        for owner in made:
            for edge in self.edges.get(owner, ()):
                if _another_call(edge.site, env, owner) or self._another_run(edge.site, env, owner):
                    continue
                if _after_copy(edge.site, context):
                    continue
                if edge.method in _MOUNTS and context.included_at is not None:
                    # ``include_router`` takes a router's routes, never its mounts
                    message = "a mount on an included router: include_router never serves it"
                    self.diagnostics.add(
                        Diagnostic("CI206", edge.site.file, edge.site.line, message)
                    )
                    continue
                if not cls or owner not in classes or self._runs_for(cls, owner, edge.site):
                    conditions = self._include_order(edge.site, context)
                    given = context
                    if edge.method == "include_router":  # a mount is never prefixed
                        given = self._prefixed_later(holder, edge.site, env, context)
                    self._follow(edge, env, replace(given, conditions=conditions), found, depth)
        for alias in (a for key in made for a in self.aliases.get(key, ())):
            conditions = (*context.conditions, *alias.conditions)
            # the outer call's bindings stay: an inner helper's argument may be the outer
            # helper's parameter (onyx: include_auth_router(app, r) -> include(app, r))
            inner = {**env, **alias.env}
            self._walk(
                alias.param, inner, replace(context, conditions=conditions), found, depth + 1
            )

    def _another_run(self, site: _Site, env: Env, owner: str) -> bool:
        """Whether ``site``, a statement on ``owner``, an object a loop's body builds anew
        each run (``api = APIRouter(prefix=f"/api/{version}")`` then
        ``api.include_router(router)``), is another run's than the one whose bindings
        ``env`` holds: each run's object holds its own run's routers, not every run's."""
        looped = self._built_per_run(owner)
        return any(k in env and env[k] != v for k, v in site.env.items() if k in looped)

    def _built_per_run(self, owner: str) -> frozenset[str]:
        """The loop variables of the loops around the one statement building ``owner``."""
        if owner not in self._per_run:
            written = self.ev.assigns.get(owner, ())
            guards = written[0].guards if len(written) == 1 else ()
            self._per_run[owner] = frozenset(
                ref
                for guard in guards
                if guard.kind == "for" and guard.target is not None
                for ref in _target_refs(guard.target)
            )
        return self._per_run[owner]

    def _overriding(self, value: Value, instance: Value) -> Value | None:
        """``self.resource_name_plural`` read in a base's method run on an instance of a
        subclass that sets it: the subclass's class attribute, or what its property
        returns, when that is one value; None when the base's own stands."""
        owner, _, attribute = (value.ref or "").rpartition(".")
        mro = self.resolver.mro(instance.ref or "")
        if owner not in mro or "." in attribute:
            return None
        for cls in mro[: mro.index(owner)]:
            written = self.ev.assigns.get(f"{cls}.{attribute}", ())
            fact = self.resolver.symbols.get(f"{cls}.{attribute}")
            facts = self.resolver.modules.get(self.resolver.symbol_module.get(cls, ""))
            only = written[0] if len(written) == 1 else None
            # a class attribute; a method's ``self.x = ...`` may run after the reads
            if only is not None and only.value is not None and facts is not None:
                return only.value if only not in facts.attributes else None
            if fact is not None and _is_property(fact) and len(fact.returned) == 1:
                return fact.returned[0]
            if written or fact is not None:
                return None  # set otherwise: not one value we can read
        return None

    def _include_order(self, site: _Site, context: _Context) -> tuple[str, ...]:
        """The context's conditions, and for a statement on a router after the
        ``include_router`` reaching it, lower in the same module's top level (``@router.get``
        below ``app.include_router(router)``), the FastAPI that serves it: before 0.137
        ``include_router`` copied the routes a router had then; since, it serves the router
        itself (a CI206 says so)."""
        at = context.included_at
        if at is None or not _below(site, at):
            return context.conditions
        message = f"declared after the include at line {at.line}: served by FastAPI 0.137 on only"
        self.diagnostics.add(Diagnostic("CI206", site.file, site.line, message))
        return (*context.conditions, _LAZY_INCLUDES)

    def _built_by_method_of(self, holder: str, instance: Value | None) -> bool:
        """Whether ``holder`` is a local of a method the class of ``instance`` has, a base's
        (``router = APIRouter()`` in ``ResourceRouter.create``, called on an ``ItemRouter``):
        what the method reads on ``self`` is that instance's."""
        method, marker, _ = holder.partition(".<locals>.")
        if instance is None or instance.ref is None:
            return False
        if not marker:  # ``self.router`` a base's ``__init__`` builds on the instance
            return holder.rpartition(".")[0] in self.resolver.mro(instance.ref)
        return method.rpartition(".")[0] in self.resolver.mro(instance.ref)

    def _constructing(self, function: str) -> set[str]:
        """The app or router classes whose construction runs ``function``: their ``__init__``
        and the methods it calls on ``self``, for a class that subclasses ``FastAPI`` or
        ``APIRouter`` (mlflow's ``GatewayAPI.__init__`` calls ``self.add_api_route``)."""
        cls, _, method = function.rpartition(".")
        found = set()
        while cls and method:
            runs = method in self._construction_methods(cls) or function in self._init_calls(cls)
            if runs and (self.ev.is_subclass(cls, APP_CLASSES) or self._router_class(cls)):
                found.add(cls)
            function, marker, _ = function.rpartition(".<locals>.")
            if not marker:
                break
            cls, _, method = function.rpartition(".")
        return found

    def _construction_methods(self, cls: str) -> tuple[str, ...]:
        """The methods building an instance of ``cls`` runs: ``__init__``, and for an app,
        ``setup``, which ``FastAPI.__init__`` calls last (futuramaapi's subclass includes its
        routers in an overridden ``setup``)."""
        return ("__init__", "setup") if self.ev.is_subclass(cls, APP_CLASSES) else ("__init__",)

    def _overrides_run(self, cls: str, runs: set[str]) -> set[str]:
        """The overrides an instance of ``cls`` runs for the methods ``runs`` names, and the
        methods they call on ``self``: ``self.configure()`` in a base's ``__init__`` runs the
        subclass's ``configure`` (norake's routers declare their routes there)."""
        found: set[str] = set()
        todo = sorted(runs)
        while todo:
            method = todo.pop()
            name = method.rpartition(".")[2]
            for owner in self._chain(cls, name):
                override = f"{owner}.{name}"
                if override in runs or override in found:
                    continue
                found.add(override)
                for call in self._calls_in(override):
                    ref = call.value.func.ref if call.value.func is not None else None
                    if ref is not None and ref.rpartition(".")[0] == owner:
                        todo.append(ref)
        return found

    def _init_calls(self, cls: str) -> set[str]:
        """The methods of ``cls`` its ``__init__`` calls on ``self``, directly or not."""
        if cls not in self._init_methods:
            found: set[str] = set()
            todo = [f"{cls}.{method}" for method in self._construction_methods(cls)]
            while todo:
                for call in self._calls_in(todo.pop()):
                    ref = call.value.func.ref if call.value.func is not None else None
                    own = ref is not None and ref.startswith(f"{cls}.") and ref not in found
                    if own and ref in self.resolver.symbols:
                        found.add(ref)
                        todo.append(ref)
            self._init_methods[cls] = found
        return self._init_methods[cls]

    def _calls_in(self, function: str) -> list[CallFact]:
        """The statement calls made in the body of ``function`` (qualified): each module's
        calls are grouped by scope once, not scanned again for every function asked."""
        module = self.resolver.symbol_module.get(function)
        return self._scope_calls(module, function.removeprefix(f"{module}.")) if module else []

    def _scope_calls(self, module: str, scope: str) -> list[CallFact]:
        """The statement calls of one scope of ``module`` ("" for its top level)."""
        if module not in self._scoped_calls:
            grouped: dict[str, list[CallFact]] = defaultdict(list)
            for call in self.resolver.modules[module].calls:
                grouped[call.scope].append(call)
            self._scoped_calls[module] = grouped
        return self._scoped_calls[module].get(scope, [])

    def _super_call(self, call: Value, cls: str | None, depth: int = 0) -> Value:
        """``Api()`` of ``class Api(APIRouter)`` whose ``__init__`` calls
        ``super().__init__(prefix="/api")``: the constructor call with the keywords that
        call gives, bound to this call's arguments. The call's own keywords are
        ``__init__``'s parameters; only what its ``**kwargs`` takes is passed on too. A base
        of the project's between them passes on its own (mealie's ``AdminAPIRouter`` ->
        ``BaseAPIRouter``)."""
        owner = self._init_owner(cls) if cls else None  # the ``__init__`` it runs, inherited too
        init = self._callee(f"{owner}.__init__") if owner else None
        found = self._super_init(owner) if owner else None
        if init is None or found is None or owner is None or cls is None or depth > _MAX_DEPTH:
            return call
        handed = self._handed_up(call, owner, found).keywords
        if owner != cls:  # ``self.VERSION`` in the base's ``__init__``: the subclass's
            handed = tuple((k, rebased(v, f"{owner}.", f"{cls}.")) for k, v in handed)
        spread = tuple((k, v) for k, v in call.keywords if k == "**")
        passed = replace(call, keywords=(*handed, *spread))
        base = self._super_class(found, owner)
        return self._super_call(passed, base, depth + 1) if base else passed

    def _init_owner(self, cls: str) -> str | None:
        """The project class whose ``__init__`` constructing ``cls`` runs: its own, or the
        first base's that has one; None past a library's class."""
        for owner in self.resolver.mro(cls):
            if owner not in self.resolver.symbols:
                return None
            if f"{owner}.__init__" in self.resolver.symbols:
                return owner
        return None

    def _super_class(self, call: Value, cls: str) -> str | None:
        """The class whose ``__init__`` ``call``, a ``super().__init__(...)`` in ``cls``,
        runs: the next in ``cls``'s order after the class ``super`` starts from."""
        mro = self.resolver.mro(cls)
        start = self._super_start(call, cls, "__init__")
        for base in mro[mro.index(start) + 1 :] if start in mro else []:
            if base not in self.resolver.symbols:
                return None  # a library's class, or one past it: we do not read its ``__init__``
            if f"{base}.__init__" in self.resolver.symbols:
                return base
        return None

    def _super_init(self, cls: str) -> Value | None:
        """The one ``super().__init__(...)`` call of ``cls.__init__``, if it makes one."""
        calls = self._calls_in(f"{cls}.__init__")
        found = [c.value for c in calls if self._super_method(c.value.func, cls) == "__init__"]
        return found[0] if len(found) == 1 else None

    def _constructed(self, holder: str) -> tuple[list[str], Env]:
        """The classes (its own and its bases) whose construction declared on ``holder``,
        and the bindings of the ``__init__`` its constructor call ran."""
        obj = self.objects.get(holder)
        if obj is None or obj.cls is None:
            return [], {}
        classes = [c for c in self.resolver.mro(obj.cls) if c in self.declared or c in self.edges]
        if not classes:
            return [], {}
        env: Env = {}
        call: Value | None = obj.constructed or obj.call
        for owner in self._chain(obj.cls, "__init__"):  # each ``__init__`` the supers run
            init = self._callee(f"{owner}.__init__")
            if init is None or call is None:
                break
            env.update(self._bind(init, f"{owner}.__init__", call, env))
            call = self._super_init(owner)
        for cls in classes:  # a method ``__init__`` calls once: that call's arguments
            for method in sorted(self._init_calls(cls)):
                fact, calls = self._callee(method), self.sites.get(method, [])
                if fact is not None and len(calls) == 1:
                    env.update(self._bind(fact, method, calls[0][0], env))
        return classes, env

    def _inherited_declared(self, holder: str) -> list[_Declared]:
        """What a base class's methods declare on ``self.router``, for a subclass's router:
        the methods the subclass does not override."""
        obj = self.objects.get(holder)
        if obj is None or obj.base is None:
            return []
        cls, _, name = holder.rpartition(".")
        found = []
        # the base's own, and those of classes between: a grandparent's ``__init__`` builds
        # it, the parent's methods declare on it (titiler's ``BaseFactory`` > ``TilerFactory``)
        for owner in self.resolver.mro(cls)[1:]:
            key = f"{owner}.{name}"
            between = self.objects.get(key)
            if key != obj.base and (between is None or between.base != obj.base):
                continue
            found += [
                self._overridden(declared, cls)
                for declared in self.declared.get(key, ())
                if self._runs_for(cls, owner, declared.site)
            ]
            if key == obj.base:
                break
        return found

    def _dispatched(self, declared: _Declared, instance: str | None) -> _Declared:
        """``router.add_api_route(path, self.handle)`` in a base's method run on an instance
        of ``instance`` (``ListItems().register(router)``): its override, when it has one."""
        if instance is None:
            return declared
        found = self._overridden(declared, instance)
        base = declared.endpoint.rpartition(".")[0]
        moved = found.endpoint.rpartition(".")[0] != base
        return found if moved and base in self.resolver.mro(instance) else declared

    def _overridden(self, declared: _Declared, cls: str) -> _Declared:
        """``add_api_route("/health_check", self.health_check)`` in a base class's method:
        on a subclass's app the handler is the subclass's override (AutoGPT's services)."""
        options = declared.options
        handler = _endpoint_value(options) if options is not None else None
        name = handler.text.removeprefix("self.") if handler is not None else ""
        if handler is None or handler.text != f"self.{name}" or "." in name:
            return declared
        owner = next(
            (c for c in self.resolver.mro(cls) if f"{c}.{name}" in self.resolver.symbols), None
        )
        symbol = self.resolver.symbols.get(f"{owner}.{name}") if owner else None
        if symbol is None or symbol.kind != "method":
            return declared  # ``health = staticmethod(plain)``: not followed
        return replace(declared, endpoint=f"{owner}.{name}", symbol=symbol)

    def _runs_for(self, cls: str, base: str, site: _Site) -> bool:
        """Whether the method of ``base`` around ``site`` runs for ``cls``: it is the one
        ``cls`` has, or each override before it hands on to it with ``super()`` (quetz's
        ``OAuthHandlers.__init__`` calling ``super().__init__(authenticator)``)."""
        for method, fact in self._own_methods(base):
            if fact.start_line <= site.line <= fact.end_line:
                return base in self._chain(cls, method)
        return False

    def _chain(self, cls: str, method: str) -> list[str]:
        """The project classes whose ``method`` runs for an instance of ``cls``: the first
        in its MRO defining it, then, while each calls ``super().method(...)``, the next
        after the class that call names (``super(A, self)`` skips ``A``'s own)."""
        if (cls, method) in self._chains:
            return self._chains[cls, method]
        mro, chain, index = self.resolver.mro(cls), [], 0
        while index < len(mro):
            owner = mro[index]
            if f"{owner}.{method}" not in self.resolver.symbols:
                index += 1
                continue
            chain.append(owner)
            starts = [
                self._super_start(c.value, owner, method)
                for c in self._calls_in(f"{owner}.{method}")
            ]
            start = next((s for s in starts if s is not None), None)
            if start is None or start not in mro:
                break
            index = mro.index(start) + 1
        self._chains[cls, method] = chain
        return chain

    def _own_methods(self, cls: str) -> list[tuple[str, SymbolFact]]:
        """``cls``'s own methods by name, found once per class (subclass walks ask often)."""
        if cls not in self._class_methods:
            prefix = f"{cls}."
            self._class_methods[cls] = [
                (name.removeprefix(prefix), fact)
                for name, fact in self.resolver.symbols.items()
                if fact.kind == "method"
                and name.startswith(prefix)
                and "." not in name.removeprefix(prefix)
            ]
        return self._class_methods[cls]

    def _follow(
        self,
        edge: _Edge,
        env: Env,
        context: _Context,
        found: dict[tuple[object, ...], Route],
        depth: int,
    ) -> None:
        site = edge.site
        # a caller's parameter the site's call handed on is what the walk has read it as
        forwarded = {k for k, v in site.env.items() if k in env and ".<locals>." in (v.ref or "")}
        env = {**env, **{k: v for k, v in site.env.items() if k not in forwarded}}
        if site.scope and env != site.env:  # ``mod = import_module(path)``, ``path`` bound now
            env = self._module_locals(site.module, site.scope, site.line, env)
        held = self._held_tests(site, env)
        if held is None:
            return  # under a test this call's arguments fail: the include never runs
        site = replace(site, conditions=held)
        if edge.method == "copy" and context.outer is not None:
            # ``APIRouter(prefix="/v1", dependencies=[...], routes=r.routes)``: FastAPI gives
            # a router's own prefix, dependencies and tags to the routes declared on it, not
            # to those handed to its constructor; an include of the owner gives its own
            context = context.outer
        deps: tuple[str, ...] = ()
        tags: tuple[str, ...] = ()
        if edge.method in ("copy", "host"):
            prefix = Text("")
        elif edge.method == "mount":
            # Starlette strips a mount path's trailing slash: "/" mounts at "".
            path = self._text(_path_value(edge.call), env, site)
            prefix = Text(path.value.rstrip("/"), path.unknown)
        else:
            prefix = self._text(edge.call.keyword("prefix"), env, site)
            given = edge.call.keyword("dependencies")
            # ``for r, deps in [(a, [Depends(auth)]), ...]``: the list this run's item holds
            given = self._closed(given, env, 0) if given is not None else None
            deps = tuple(list_providers(given, self.ev, (site.file, site.line)))
            tags = self.ev.strings(edge.call.keyword("tags"))
        included = edge.child
        if included is not None and included.kind == "name" and _SELF in env:
            # ``include_router(self.router)`` in a base's method run on a subclass's instance
            included = self._overriding(included, env[_SELF]) or included
        for key, child_env, branch in self._included(included, env, site.where, depth):
            if self.objects[key].kind == "app" and context.app is None:
                continue  # an app under no app is a root: its routes are walked from there
            for child, tests in self._bindings(self.objects[key]):
                # a router built in place (``include_router(ProbeRouter(name))``) has its
                # prefix from the arguments bound where it is built
                mixed = {**env, **child.bound, **child_env}
                own = self._prefix(child, mixed, site) if child.kind == "router" else Text("")
                served = edge.method in _INCLUDED_AS_DECLARED
                outer = _Context(
                    context.app,
                    _join(context.prefix, prefix),
                    deps if served else (*context.dependencies, *deps),
                    tags if served else (*context.tags, *tags),
                    (*context.sites, site.where),
                    (*context.conditions, *site.conditions, *branch, *tests),
                    included_at=site if edge.method == "include_router" else None,
                    copied_at=site if edge.method == "copy" else None,
                )
                inner = replace(
                    outer,
                    prefix=_join(outer.prefix, own),
                    dependencies=(*outer.dependencies, *self._own_dependencies(child, mixed)),
                    tags=(*outer.tags, *child.tags),
                    outer=outer,
                )
                # an object a loop builds anew each run is walked with this run's bindings,
                # one a function builds anew each call with this call's (rs-server's
                # ``init_app(routers)`` filling a router of its own per app)
                runs = {
                    k: v
                    for k, v in env.items()
                    if k in self._built_per_run(key) or _same_call(k, key)
                }
                self._walk(key, {**runs, **child_env}, inner, found, depth + 1)

    def _included(
        self, child: Value | None, env: Env, where: str, depth: int
    ) -> list[tuple[str, Env, tuple[str, ...]]]:
        """What an include reaches, each with the tests under which the name it passes holds
        it: a module name bound in each branch of an ``if`` to another router (``if AI:
        chat_router = chat.router``, ``else: chat_router = APIRouter()``) is each router
        under its branch's tests, not both always."""
        child = self._rebound_at(child, where) if child is not None else None
        made = self._made_by_callers(_close(child, env), where, depth) if child else None
        if made:  # each class a call passes, under that call's tests
            return made
        branches = self._branch_bindings(child, where)
        if branches is None:
            return [(key, found, ()) for key, found in self._objects(child, env, where)]
        reached = []
        for key, fact in branches:
            objects = self._bound_objects(key, fact, where, depth)
            reached += [(held, found, _conditions(fact.guards)) for held, found in objects]
            module = self.resolver.modules.get(self.ev.module_of(key) or "")
            if not objects and fact.value is not None and module is not None:  # and said
                file = module.file
                message = f"cannot tell which router {fact.value.text} is"
                self.diagnostics.add(Diagnostic("CI202", file, fact.line, message))
        return reached

    def _bound_objects(
        self, key: str, fact: AssignFact, where: str, depth: int
    ) -> list[tuple[str, Env]]:
        """The objects one binding of the variable ``key`` gives it: the router or app it
        builds in place, or what the name it is bound to holds."""
        if key in self.objects and self._kind(fact.value) is not None:
            return [(key, {})]
        return self._objects(fact.value, {}, where, depth + 1)

    def _branch_reached(self, value: Value, site: _Site) -> list[str] | None:
        """What a name bound in each branch of an ``if`` holds at a module-level statement
        of that branch (``@plan_router.get`` under the ``else`` that binds it to a router of
        its own): the branch's binding before it, not every branch's."""
        branches = self._branch_bindings(value, site.where)
        if branches is None or site.scope:
            return None
        tests = set(site.conditions)
        reaching = [
            (key, fact)
            for key, fact in branches
            if fact.line < site.line
            and self.ev.module_of(key) == site.module
            and set(_conditions(fact.guards)) <= tests
        ]
        if not reaching:
            return None
        key, fact = reaching[-1]
        return sorted({held for held, _ in self._bound_objects(key, fact, site.where, 0)})

    def _rebound_at(self, value: Value, where: str) -> Value:
        """A name its own module binds anew before ``where`` (a ``file:line`` of that module),
        outside any ``if`` or loop, to another name (``r = job.router``, an include, then
        ``r = land.router`` and another): the binding that statement reads; any other value
        as it is."""
        if value.kind != "name" or not value.ref:
            return value
        rebound = self._reaching_binding(value.ref, where)
        if rebound is not None and rebound.kind != "call":
            return rebound
        # ``r = APIRouter()`` again: the object the name holds, not a construction read
        # anew; but ``c.router`` after ``c = Ctl("/b")`` is that construction's
        holder, _, attribute = value.ref.rpartition(".")
        made = self._reaching_binding(holder, where) if holder and rebound is None else None
        if made is None or made.kind != "call":
            return value
        return Value("getattr", value.text, func=made, items=(Value("str", attribute),))

    def _reaching_binding(self, ref: str, where: str) -> Value | None:
        """What ``ev.rebound`` gives the variable ``ref`` names at ``where``, in its module."""
        key = self.ev.variable(ref)
        module = self.resolver.modules.get(self.ev.module_of(key) or "") if key else None
        file, _, line = where.rpartition(":")
        if key is None or module is None or module.file != file or not line.isdigit():
            return None
        return self.ev.rebound(key, int(line))

    def _branch_bindings(
        self, child: Value | None, where: str
    ) -> list[tuple[str, AssignFact]] | None:
        """The module-level bindings of the name ``child`` passes at ``where``, when each is
        under ``if`` tests only and one at least names another object; None otherwise (a
        router built in each branch is ``_bindings``' to split). In the include's own module,
        only the bindings before it count."""
        if child is None or child.kind != "name" or child.ref is None:
            return None
        key = self.ev.variable(child.ref)
        module = self.ev.module_of(key) if key else None
        facts = self.resolver.modules.get(module) if module else None
        file, _, line = where.rpartition(":")
        after = int(line) if facts is not None and facts.file == file and line.isdigit() else None
        written = [
            f
            for f in self.ev.assigns.get(key or "", ())
            if f.value is not None and (after is None or f.line < after)
        ]
        if key is None or len(written) < 2 or any(f.scope for f in written):
            return None
        if not any(f.value is not None and f.value.kind == "name" for f in written):
            return None
        if not all(f.guards and all(g.kind == "if" for g in f.guards) for f in written):
            return None
        return [(key, fact) for fact in sorted(written, key=lambda fact: fact.line)]

    def _own_dependencies(self, obj: _Object, env: Env) -> list[str]:
        """A router's ``dependencies``, as the call that built it passes them to its factory
        (``router.dependencies = dependencies`` in ``new_router(dependencies)``)."""
        given = obj.call.keyword("dependencies")
        bound = {**obj.bound, **env}
        if given is None or not bound:
            return obj.dependencies
        # through the factory's own locals too (langflow's ``dependencies = [...] if guard
        # else []``)
        return list_providers(self._picked(obj.key, self._closed(given, bound, 0)), self.ev)

    def _held_tests(self, site: _Site, env: Env) -> tuple[str, ...] | None:
        """The ``if`` tests around a statement in a helper that a call's arguments decide
        (``if admin:`` in ``register(app, admin=False)``, ``if not cls.resolve_blobs:`` in a
        classmethod called on a subclass): None when one fails, else the others. Only
        literals decide: an argument computed at run time leaves its test a condition."""
        if not env or not site.conditions:
            return site.conditions
        kept = []
        instance = env.get(_SELF)
        for test in site.conditions:
            known = self._instance_test(test, instance.ref if instance is not None else None)
            if known is None:
                known = holds(test, lambda dotted: self._argument_literal(site, env, dotted))
            if known is False:
                return None
            if known is None:
                kept.append(test)
        return tuple(kept)

    def _instance_test(self, test: str, instance: str | None) -> bool | None:
        """``isinstance(self, pkg.Sub)`` (or its negation), which ``_overrides`` and
        ``_dispatched_items`` put on what a subclass's override does, on an instance of
        the class ``instance``; None for any other test, or when the class is not known."""
        matched = _INSTANCE_TEST.match(test)
        if matched is None or instance is None:
            return None
        held = matched["cls"] in self.resolver.mro(instance)
        return held != bool(matched["negated"])

    def _argument_literal(self, site: _Site, env: Env, dotted: str) -> Value | None:
        """A literal ``dotted`` names where ``site`` runs with ``env``: a bound name, or an
        attribute of the class or record one is bound to."""
        head, _, rest = dotted.partition(".")
        key = self.ev.key(site.module, site.scope, head)
        if key in self.ev.assigns or head in self._changed_names():
            return None  # ``admin = not admin``, ``extras.append(x)``: not what was passed
        value = env.get(key)
        for _ in range(_MAX_DEPTH):  # ``add_versioned(app, index=index)``: the outer call's
            if value is None or value.kind != "name" or value.ref not in env:
                break
            if value.ref in self.ev.assigns:
                break  # ``index = False`` before it is passed on: not what the call gave
            value = env[value.ref]
        if value is None or not rest:
            return value if value is not None and not value.func and not value.ref else None
        if value.kind == "list" and "." not in rest:
            return value.keyword(rest)
        if value.kind == "name" and value.ref:
            return self._literal(self.ev.variable(f"{value.ref}.{rest}"))
        return None

    def _bindings(self, obj: _Object) -> list[tuple[_Object, tuple[str, ...]]]:
        """A router a module binds in each branch of an ``if`` (``router = APIRouter(prefix=
        "/on")`` and, under ``else``, another prefix): one object here, served as each
        binding builds it, under that binding's tests."""
        made = [
            fact
            for fact in self.ev.assigns.get(obj.made_by or obj.key, ())
            if fact.value is not None and self._kind(fact.value) == obj.kind == "router"
        ]
        if len(made) < 2:
            return [(obj, ())]
        shared = _shared_guards([fact.guards for fact in made])
        if any(len(fact.guards) == shared for fact in made):
            return self._rebuilt(obj, made, shared)
        return [
            (
                replace(
                    obj,
                    call=fact.value,
                    dependencies=list_providers(fact.value.keyword("dependencies"), self.ev),
                    tags=self.ev.strings(fact.value.keyword("tags")),
                ),
                _conditions(fact.guards),
            )
            for fact in made
            if fact.value is not None
        ]

    def _rebuilt(
        self, obj: _Object, made: list[AssignFact], shared: int
    ) -> list[tuple[_Object, tuple[str, ...]]]:
        """``docs_router = APIRouter()``, then ``if ENV != "local": docs_router =
        APIRouter(dependencies=[...])`` (benavlabs' boilerplate and its copies), or the name
        built again plainly, before it is used: the last plain construction, under the
        tests of none of the later ones, and each later one under its own (and none of
        those after it). ``shared``: how many of the ``if`` tests around them all share
        (inside ``if isinstance(settings, ...)``). The first construction was read alone,
        unconditionally."""
        # one under ``if __name__ == "__main__":`` never runs where a server imports it
        made = sorted((f for f in made if not _run_as_script(f.guards)), key=lambda f: f.line)
        plain = [i for i, fact in enumerate(made) if len(fact.guards) == shared]
        if not plain:
            return [(obj, ())]
        later = made[plain[-1] :]
        if any(f.scope != made[0].scope for f in made) or self._used_between(obj.key, made):
            return [(obj, ())]
        if any(g.kind != "if" for fact in later for g in fact.guards):
            return [(obj, ())]
        own = [_conditions(f.guards[shared:]) for f in later]
        tests = [c[0] if len(c) == 1 else " and ".join(f"({t})" for t in c) for c in own]
        module = self.ev.module_of(obj.key) or ""
        served = []
        for index, fact in enumerate(later):
            assert fact.value is not None
            unless = [f"not ({t})" for t in tests[index + 1 :]]
            # ``if ENVIRONMENT != "local":`` of a constant the project never changes
            reader = (module, fact.scope, fact.line)
            kept = self._undecided([*_conditions(fact.guards), *unless], {}, reader)
            if kept is None:
                continue
            variant = replace(
                obj,
                call=fact.value,
                dependencies=list_providers(fact.value.keyword("dependencies"), self.ev),
                tags=self.ev.strings(fact.value.keyword("tags")),
            )
            served.append((variant, kept))
        return served

    def _used_between(self, key: str, made: list[AssignFact]) -> bool:
        """Whether the module reads the variable between its first and last binding."""
        module = self.resolver.modules.get(self.ev.module_of(key) or "")
        first, last = made[0].line, made[-1].line
        named = (key, f"{key}.")
        return module is None or any(
            first < ref.line < last and ref.candidate.startswith(named) for ref in module.refs
        )

    def _prefix(self, obj: _Object, env: Env, site: _Site) -> Text:
        if obj.kind != "router":
            return Text("")
        given = obj.call.keyword("prefix")
        spread = obj.call.keyword("**")
        if given is None and spread is not None:
            # ``APIRouter(**settings.API_V1.dict())``: a mapping we cannot read may pass one
            given = Value("other", f"**{spread.text}")
        return self._text(given, env, replace(site, file=obj.file, line=obj.line))

    def _routes(self, holder: str, declared: _Declared, env: Env, context: _Context) -> list[Route]:
        held = self._held_tests(declared.site, {**env, **declared.site.env})
        if held is None:
            return []  # under a test this call's arguments fail: never declared
        declared = replace(declared, site=replace(declared.site, conditions=held))
        options = declared.options
        given = options.keyword("dependencies") if options else None
        bindings = {**env, **declared.site.env}
        bindings |= self._made_with(options, declared.endpoint, bindings)
        # ``dependencies=dependencies``, a helper's parameter: the caller's list
        at = (declared.site.file, declared.site.line)
        own_deps = list_providers(self._closed(given, bindings, 0), self.ev, at) if given else []
        endpoint = declared.symbol or self.resolver.symbols.get(declared.endpoint)
        params = self._params_given(endpoint.params, bindings) if endpoint is not None else ()
        handed = self._through_overrides(holder, declared, bindings)
        written = self._text(handed, bindings, declared.site)
        path = _join(context.prefix, written)
        response_model = options.keyword("response_model") if options else None
        status = options.keyword("status_code") if options else None
        route_tags = self.ev.strings(options.keyword("tags")) if options else ()
        asked = [self._passed_provider(p, bindings) for p in param_providers(params, self.ev)]
        asked += declared.asks
        view = declared.view or declared.endpoint.rpartition(".")[0]
        viewed = declared.view is not None or view_class(view, self.ev)
        if endpoint is not None and endpoint.kind == "method" and viewed:
            asked.insert(0, view)  # cbv gives the method ``self = Depends(cls)``
        model = response_model or (endpoint.returns if endpoint is not None else None)
        paged = self._paged(holder, context.app, model, own_deps)
        # declared on the app itself, its dependant is built already: the library appends
        before, after = ((), paged) if holder == context.app else (paged, ())
        direct = _unique((*context.dependencies, *own_deps, *before, *asked, *after))
        implied = self._built_under(context.app)
        listed = given.items if given is not None and given.kind == "list" else ()
        closures = closure_arguments(params, listed, self.ev)
        route = Route(
            method=declared.methods[0],
            path=path.value,
            endpoint=declared.endpoint,
            file=declared.site.file,
            line=declared.site.line,
            app=context.app,
            router=holder,
            response_model=self._model_name(response_model),
            status_code=self.ev.status_code(status),
            tags=_unique((*context.tags, *route_tags)),
            # named as FastAPI names them: two inline partials are one name
            dependencies=_unique(tuple(served_name(p, self.ev) for p in direct)),
            all_dependencies=_unique(
                tuple(
                    served_name(p, self.ev)
                    for p in solve_order(direct, self._bound_tree(direct, closures | bindings))
                )
            ),
            body=self._body(params),
            includes=context.sites,
            resolved=not path.unknown,
            conditions=_unique(
                tuple(
                    c
                    for c in (*context.conditions, *declared.site.conditions)
                    if not _imported_by_serving(c, context.app) and c not in implied
                )
            ),
        )
        paths = [path.value]
        if not written.unknown and self._doubled(self._held_by(holder, bindings), declared):
            stripped = _join(context.prefix, Text(written.value.rstrip("/"))).value
            paths = [stripped, f"{stripped}/"]
        return [
            route.model_copy(update={"method": m, "path": p})
            for p in paths
            for m in self._bound_methods(declared, bindings)
        ]

    def _paged(
        self, holder: str, app: str | None, model: Value | None, own: list[str]
    ) -> tuple[str, ...]:
        """fastapi-pagination's ``add_pagination(app)`` (or a router) gives a route whose
        response model is one of its pages ``Depends(pagination_ctx(page))``, unless it has
        one. The library appends it to the route's dependencies and to its dependant: FastAPI
        0.165 rebuilds an included route's dependant from the first, so it comes after the
        route's ``dependencies=`` and before the endpoint's own; a route declared on the app
        keeps its dependant, so it comes last. (Older FastAPI copied included routes, and
        there it came last too.)"""
        owners = {made for k in (holder, app) if k is not None for made in self._made(k)}
        if not owners & self._paging or PAGE_CONTEXT in own or not self._page(model):
            return ()
        return (PAGE_CONTEXT,)

    @cached_property
    def _paging(self) -> frozenset[str]:
        """The apps and routers ``add_pagination`` is surely called on: under no ``if``
        test, or tests the project's constants decide true (under one we cannot decide,
        or ``__name__ == "__main__"``, it may never run)."""
        found: set[str] = set()
        for module, facts in self.resolver.modules.items():
            for call in facts.calls:
                value = call.value
                if value.kind != "call" or self.ev.qualified(value.func) not in ADD_PAGINATION:
                    continue
                tests = _conditions(call.guards)
                held = self._known_tests(module, call.scope, call.guards, {}) if tests else set()
                if held is None or any(t not in held for t in tests):
                    continue
                given = value.keyword("parent") or (value.items[0] if value.items else None)
                objects = self._objects(given, {}, f"{facts.file}:{call.line}")
                found.update(made for key, _ in objects for made in self._made(key))
        return frozenset(found)

    def _page(self, model: Value | None, hops: int = 0) -> bool:
        """Whether ``model`` is a page of fastapi-pagination's: one of its classes named
        ``...Page`` (``Page[Item]``), a project subclass of one, a ``CustomizedPage[...]``
        of one, or a variable holding such (``CustomPage = CustomizedPage[Page[T], ...]``);
        ``Annotated[...]`` of one too."""
        if model is None or hops > _MAX_DEPTH:
            return False
        base = model.items[0] if model.kind == "subscript" and model.items else model
        name = self.ev.qualified(base)
        if model.kind == "subscript" and len(model.items) > 1 and name in ANNOTATED:
            return self._page(model.items[1], hops + 1)
        if name is None:
            return False
        if name.rpartition(".")[2] == "CustomizedPage":
            return len(model.items) > 1 and self._page(model.items[1], hops + 1)
        fact = self.resolver.symbols.get(name)
        if fact is None or fact.kind == "class":
            return any(_a_page(c) for c in self.resolver.mro(name))
        key = self.ev.variable(name)
        return key is not None and self._page(self.ev.binding(key), hops + 1)

    def _passed_provider(self, provider: str, env: Env) -> str:
        """``Depends(factor_dependency)`` with ``factor_dependency`` a parameter of the
        router factory (polar's OAuth routers): the function or class each call passes."""
        given = env.get(provider)
        name = self.ev.qualified(given) if given is not None else None
        fact = self.resolver.symbols.get(name) if name else None
        if name and fact is not None and fact.kind in _CALLABLES:
            return name
        return self._passed_name(provider, env)

    def _bound_methods(self, declared: _Declared, env: Env) -> tuple[str, ...]:
        """``methods=[callback_method]`` in a router factory (polar's OAuth routers): the
        methods each call passes; a CI202 where even they do not tell. ``[self.method]`` in
        a base's method run on a subclass's instance: the subclass's."""
        given = declared.options.keyword("methods") if declared.options else None
        overridden = _SELF in env and given is not None and "self." in given.text
        if given is None or not (overridden or any(m.startswith("<?") for m in declared.methods)):
            return declared.methods
        closed = _close(given, env)
        if overridden and closed.kind == "list":
            closed = replace(closed, items=tuple(self._closed(v, env, 0) for v in closed.items))
        texts = [self.ev.text(v) for v in closed.items] if closed.kind == "list" else []
        if texts and not any(t.unknown for t in texts):
            return tuple(t.value.upper() for t in texts)
        message = f"cannot tell which methods {given.text} are"
        self.diagnostics.add(Diagnostic("CI202", declared.site.file, declared.site.line, message))
        return declared.methods

    def _contradictory(self, conditions: tuple[str, ...]) -> bool:
        """Whether a test and its negation both guard a route, which no run then serves: a
        name bound in an ``if`` and its ``else`` is one object here (TaskingAI's ``router =
        APIRouter()`` in both), so what one branch declares meets the other's include. Only
        for a test written in one scope of the project: the same words elsewhere (another
        module's ``ENABLED``, a helper's parameter) may hold while these do not."""
        held = set(conditions)
        return any(f"not ({c})" in held and len(self._test_scopes.get(c, ())) == 1 for c in held)

    @cached_property
    def _test_scopes(self) -> dict[str, set[tuple[str, str]]]:
        """Each ``if`` test's words -> the (module, scope) pairs where a test is so written."""
        found: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for module, facts in self.resolver.modules.items():
            placed = [
                *((c.scope, c.guards) for c in facts.calls),
                *((a.scope, a.guards) for a in facts.assigns),
                *((_scope_of(s), s.guards) for s in facts.symbols),
            ]
            for scope, guards in placed:
                for guard in guards:
                    if guard.kind == "if":
                        text = guard.text
                        bare = text[5:-1] if text.startswith("not (") else text
                        found[bare].add((module, scope))
        return found

    def _built_under(self, app: str | None) -> frozenset[str]:
        """The ``if`` tests the app's own binding runs under: a route of that app holds them
        whenever the app exists (mem0 raises before ``app = FastAPI()`` unless a secret is
        set; that test is no condition of its routes)."""
        facts = [f for f in self.ev.assigns.get(app or "", ()) if f.value is not None]
        shared = [frozenset(_conditions(fact.guards)) for fact in facts]
        return frozenset.intersection(*shared) if shared else frozenset()

    def _held_by(self, holder: str, env: Env) -> str:
        """The object a helper's parameter holds at this call (``register(runs_router)``),
        or ``holder`` itself."""
        bound = env.get(holder) if holder not in self.objects else None
        found = self._objects(bound, {}, "") if bound is not None else []
        return found[0][0] if len(found) == 1 else holder

    def _doubled(self, holder: str, declared: _Declared) -> bool:
        """Whether the override doubles this declaration: ``add_api_route`` doubles all but
        websockets and listed routes; ``api_route`` only what the verb decorators declare."""
        overridden = self._twin_slash(holder)
        if not overridden or declared.listed or declared.methods == ("WEBSOCKET",):
            return False
        func = declared.options.func if declared.options is not None else None
        adder = func is not None and (func.ref or func.text).endswith(".add_api_route")
        return "add_api_route" in overridden or not adder

    def _through_overrides(self, holder: str, declared: _Declared, env: Env) -> Value | None:
        """The path a router subclass's ``api_route`` or ``add_api_route`` hands its base
        (``return super().api_route(f"/{self.version}{path}", **kwargs)``): a verb decorator
        goes through both, ``add_api_route`` through its own; as written when none changes it."""
        path = declared.path
        if path is None or declared.listed or declared.methods == ("WEBSOCKET",):
            return path
        obj = self.objects.get(self._held_by(holder, env))
        cls = self.ev.class_held(self.ev.called_class(obj.call)) if obj is not None else None
        func = declared.options.func if declared.options is not None else None
        adder = func is not None and (func.ref or func.text).endswith(".add_api_route")
        methods: tuple[str, ...] = ("add_api_route",) if adder else ("api_route", "add_api_route")
        if obj is not None and obj.kind == "app" and not adder:
            methods = ()  # an app's verb decorators go to ``self.router``, past its overrides
        for method in methods:
            handed = self._handed_path(cls, method) if cls else None
            if handed is not None:
                path = _close(handed[0], {handed[1]: path})
        return path

    def _handed_path(self, cls: str, method: str) -> tuple[Value, str] | None:
        """What the project's override of ``method`` nearest ``cls`` passes its base for the
        path, and the key of its path parameter; None when none changes the path (or the
        override calls the base twice: the trailing-slash twins, ``_twin_slash``)."""
        for owner in self.resolver.mro(cls):
            fact = self.resolver.symbols.get(f"{owner}.{method}")
            if owner not in self.resolver.symbols:
                return None
            if fact is None or fact.kind != "method" or len(fact.params) < 2:
                continue
            calls = [c.value for c in self._calls_in(f"{owner}.{method}")]
            calls += [v for v in fact.returned if v.kind == "call"]
            based = [c for c in calls if self._super_method(c.func, owner) == method]
            if len(based) != 1:
                return None
            param = fact.params[1].name
            given = based[0].keyword(param) or (based[0].items[0] if based[0].items else None)
            key = f"{owner}.{method}.<locals>.{param}"
            return (given, key) if given is not None and given.ref != key else None
        return None

    def _twin_slash(self, holder: str) -> frozenset[str]:
        """Whether ``holder``'s class serves each route with and without a trailing slash:
        an override of ``api_route`` or ``add_api_route`` that calls the base's twice, the
        path's trailing "/" toggled (the workaround FastAPI issue #2060 spread: agenta's and
        chroma's routers)."""
        if holder not in self._twins:
            obj = self.objects.get(holder)
            cls = self.ev.class_held(self.ev.called_class(obj.call)) if obj is not None else None
            self._twins[holder] = frozenset(
                method
                for owner in (self.resolver.mro(cls) if cls else ())
                for method in ("api_route", "add_api_route")
                if self._doubles(owner, method)
            )
        return self._twins[holder]

    def _doubles(self, cls: str, method: str) -> bool:
        module = self.resolver.symbol_module.get(f"{cls}.{method}")
        facts = self.resolver.modules.get(module) if module else None
        if facts is None:
            return False
        scope = f"{cls[len(facts.module) + 1 :]}.{method}"
        values = [c.value for c in facts.calls if c.scope == scope]
        values += [a.value for a in facts.assigns if a.scope == scope and a.value is not None]
        texts = [v.text for v in values]
        guards = [g.text for c in facts.calls if c.scope == scope for g in c.guards]
        guards += [g.text for a in facts.assigns if a.scope == scope for g in a.guards]
        based = sum(v.kind == "call" and self._super_method(v.func, cls) == method for v in values)
        toggled = any('endswith("/")' in t or "endswith('/')" in t for t in (*texts, *guards))
        return based >= 2 and (toggled or any("+ '/'" in t or '+ "/"' in t for t in texts))

    def _bound_tree(self, direct: tuple[str, ...], env: Env) -> dict[str, tuple[str, ...]]:
        """The providers' tree as this route's factory call binds it: ``Depends(auth)`` in
        a closure of ``init_router(auth)`` asks for what the call passes (OPAL's
        ``JWTAuthenticator()``), not for the parameter."""
        tree = self._dependency_tree(direct)
        if not env:
            return tree
        swapped = {}
        for provider in _reached(direct, tree):
            subs = tree.get(provider, ())
            passed = self._closure_subs(provider, env)
            passed = passed or tuple(self._passed_name(sub, env) for sub in subs)
            if passed != subs:
                swapped[provider] = passed
        if not swapped:
            return tree
        bound = {**tree, **swapped}
        added = [sub for subs in swapped.values() for sub in subs if sub not in bound]
        return {**bound, **dependency_tree(added, self.ev, bound)}

    def _closure_subs(self, provider: str, env: Env) -> tuple[str, ...] | None:
        """What a factory's closure asks for with its factory's parameters bound as the call
        binds them: ``check(x: dep)`` given ``UserDep = Annotated[str, Depends(get_user)]``
        for ``dep`` asks for ``get_user`` (it asked for nothing); None when ``env`` binds no
        parameter of its factory."""
        factory, marker, _ = provider.rpartition(".<locals>.")
        fact = self.resolver.symbols.get(provider) if marker else None
        if fact is None or fact.kind != "function":
            return None
        if _SELF not in env and not any(key.startswith(f"{factory}.<locals>.") for key in env):
            return None
        params = self._params_given(fact.params, env)
        return tuple(dict.fromkeys(param_providers(params, self.ev)))

    def _params_given(self, params: tuple[Param, ...], env: Env) -> tuple[Param, ...]:
        """Parameters as ``_given_params`` binds them; and ``Depends(self.db_func)`` in a
        method of an instance, what its constructor was given for the attribute
        (fastapi-crudrouter's ``db``)."""
        given = _given_params(params, env)
        if _SELF not in env:
            return given
        return tuple(
            replace(
                p, default=replace(p.default, items=(self._closed(p.default.items[0], env, 0),))
            )
            if p.default is not None and p.default.kind == "call" and len(p.default.items) == 1
            else p
            for p in given
        )

    def _passed_name(self, provider: str, env: Env) -> str:
        """A provider that is a parameter of the factory around it: what the call passes
        (an instance, a factory's closure), when we can name it; else the parameter."""
        local = self._bound_local(provider, env) if provider not in env else None
        given = env.get(provider) or local
        passed = provider_of(_close(given, env), self.ev) if given is not None else None
        if passed is not None and local is not None:
            return passed  # what the call passes, or a placeholder: the local names nothing
        return passed if passed is not None and not passed.startswith("<?") else provider

    def _bound_local(self, provider: str, env: Env) -> Value | None:
        """``Depends(backend.get_strategy)``, or ``Depends(token)`` with ``token =
        authenticator.current_user_token()``, in a router factory given ``backend`` and
        ``authenticator`` (copies of fastapi-users' routers): read with what the call passes.
        They named the factory's local, which nothing defines."""
        _, marker, name = provider.rpartition(".<locals>.")
        if not marker or not env:
            return None
        value: Value | None = Value("name", name, ref=provider)
        if "." not in name:
            once = self.ev.once(provider)
            value = once.value if once is not None else None
        closed = _close(value, env) if value is not None else None
        return closed if closed != value else None

    def _dependency_tree(self, direct: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
        missing = [p for p in direct if p not in self.providers]
        self.providers.update(dependency_tree(missing, self.ev, self.providers))
        return self.providers

    def _model_name(self, value: Value | None) -> str | None:
        if value is None:
            return None
        if value.kind == "subscript" and value.items:  # list[ServerRead]
            inner = [self.ev.qualified(v) or v.text for v in value.items[1:]]
            outer = self.ev.qualified(value.items[0]) or value.items[0].text
            return f"{outer.rpartition('.')[2]}[{', '.join(inner)}]"
        return self.ev.qualified(value) or value.text

    def _body(self, params: tuple[Param, ...]) -> str | None:
        """The request body: the first parameter typed with a pydantic model, unless it is a
        dependency or an explicit query/path/header parameter."""
        for param in params:
            name = self.ev.qualified(param.annotation)
            if name is None or not self.ev.is_subclass(name, MODEL_ROOTS):
                continue
            if param.default is None or self.ev.called_class(param.default) in BODY:
                return name
        return None


def _imported(facts: ModuleFacts, resolver: Resolver) -> tuple[set[str], set[str]]:
    """The project modules ``facts`` imports, with their parent packages: in any scope, and
    as it loads (at its top level, not for type checkers)."""
    found, loading = set(), set()
    aliases, scoped = resolver.aliases, bool(resolver.scoped)
    for imp in facts.imports:
        named = set()
        for name in (imp.target, imp.from_module or ""):
            parts = name.split(".")
            for i in range(1, len(parts) + 1):
                spelled = ".".join(parts[:i])
                module = aliases.get(spelled)
                if module is None and scoped:
                    module = resolver.alias(spelled, facts.module)
                if module is not None:
                    named.add(module)
        found |= named
        if not (imp.scope or imp.type_checking):
            loading |= named
    return found, loading


def _reached(direct: tuple[str, ...], tree: dict[str, tuple[str, ...]]) -> list[str]:
    """The providers ``direct`` reaches through ``tree``, each once, in a fixed order."""
    seen: dict[str, None] = {}
    todo = list(direct)
    while todo:
        provider = todo.pop()
        if provider not in seen:
            seen[provider] = None
            todo.extend(tree.get(provider, ()))
    return list(seen)


def _a_page(cls: str) -> bool:
    """One of fastapi-pagination's page classes (``Page``, ``LimitOffsetPage``, ...)."""
    return cls.startswith("fastapi_pagination.") and cls.endswith("Page")


def _joined_list(value: Value | None) -> Value | None:
    """A list display, or lists joined by ``+`` (``routers = [a]``, then ``routers += [b]``),
    as one list; None for anything else."""
    if value is not None and value.kind == "add" and len(value.items) == 2:
        parts = [_joined_list(v) for v in value.items]
        if parts[0] is None or parts[1] is None:
            return None
        return Value("list", value.text, items=(*parts[0].items, *parts[1].items))
    return value if value is not None and value.kind == "list" else None


def _mounted(mount: Value) -> Value | None:
    """The app a ``Mount(path, app)`` serves under its path, or the router whose routes
    ``Mount(path, routes=router.routes)`` serves there; None for other routes."""
    given = mount.keyword("app") or (mount.items[1] if len(mount.items) > 1 else None)
    routes = mount.keyword("routes")
    return given or (_routes_holder(routes) if routes is not None else None)


def _wiring(listed: Value) -> bool:
    """Whether a list literal is the app's wiring to expand, not data: a few items, or many
    that are all names (entitycore's 71 routers)."""
    if len(listed.items) <= _MAX_LOOP:
        return True
    return all(item.kind == "name" for item in listed.items)


def _local_attribute(ref: str, evaluator: Evaluator) -> Value | None:
    """``service.app`` where a function's local ``service = build()``: the attribute of what
    the call builds."""
    head, marker, tail = ref.rpartition(".<locals>.")
    name, _, attribute = tail.partition(".")
    built = evaluator.binding(f"{head}.<locals>.{name}") if marker and attribute else None
    if built is None or built.kind != "call" or "." in attribute:
        return None
    return Value("getattr", ref, func=built, items=(Value("str", attribute),))


def _loop_target(owner: str, guards: tuple[Guard, ...]) -> bool:
    """Whether ``owner`` (``router.get``) is read from a loop's variable."""
    head = owner.partition(".")[0]
    return any(g.kind == "for" and g.target is not None and g.target.text == head for g in guards)


def _imports(tests: tuple[str, ...]) -> bool:
    """Whether tests hold an ``import m`` only running module ``m`` satisfies."""
    return any(t.startswith("import ") for t in tests)


def _target_refs(target: Value) -> Iterator[str]:
    """The variables a loop's target binds (``version, router``)."""
    if target.kind == "name" and target.ref is not None:
        yield target.ref
    for item in target.items if target.kind == "list" else ():
        yield from _target_refs(item)


def _another_call(site: _Site, env: Env, owner: str) -> bool:
    """Whether ``site``, a statement of a function read once per call of it on ``owner``,
    an object that function builds, is another call's than the one that built the copy
    walked with ``env`` (``create_subapp(title, router)`` called twice: each app includes
    its own call's router, not both), or an attribute its class's ``__init__`` sets (each
    construction's ``self.router``). A statement on an object a call passes in is not."""
    function = f"{site.module}.{site.scope}"
    built = owner.startswith(f"{function}.<locals>.")
    init = site.scope.endswith(".__init__")
    held = init and owner.rpartition(".")[0] == function.removesuffix(".__init__")
    if not built and not held:
        return False
    # ``build(prefix)`` in ``create_app(prefix="/v2")``: the caller's parameter handed on is
    # what the walk has read it as, not another call's argument
    return any(
        key in env and env[key] != value and ".<locals>." not in (value.ref or "")
        for key, value in site.env.items()
    )


def _after_copy(site: _Site, context: _Context) -> bool:
    """Whether ``site`` comes after the copy of the routes that reached it there
    (``@router.get`` below ``FastAPI(routes=router.routes)``): the copy never holds what it
    adds."""
    return context.copied_at is not None and _below(site, context.copied_at)


def _below(site: _Site, at: _Site) -> bool:
    """Whether ``site`` stands below ``at``, both at their module's top level."""
    return not site.scope and not at.scope and site.file == at.file and site.line > at.line


def _same_call(name: str, key: str) -> bool:
    """Whether ``name`` is a local of the function whose call built the object ``key``: the
    function it is a local of, or for an attribute (``self.api`` of ``Service``), its class's
    ``__init__``."""
    function = key.rpartition(".<locals>.")[0] or f"{key.rpartition('.')[0]}.__init__"
    return name.startswith(f"{function}.<locals>.")


def _routes_holder(value: Value) -> Value | None:
    """``base_app`` of ``base_app.routes``: what holds those routes."""
    if value.kind != "name" or not value.text.endswith(".routes"):
        return None
    ref = value.ref.removesuffix(".routes") if value.ref else None
    return replace(value, text=value.text.removesuffix(".routes"), ref=ref)


def _path_value(call: Value) -> Value | None:
    return call.keyword("path") or (call.items[0] if call.items else None)


def _endpoint_value(call: Value) -> Value | None:
    """The handler ``add_api_route(path, endpoint)`` or ``APIRoute(path, endpoint)`` is given."""
    return call.keyword("endpoint") or (call.items[1] if len(call.items) > 1 else None)


def _run_as_script(guards: tuple[Guard, ...]) -> bool:
    """Whether a statement runs only when its module is run as a script."""
    return any(
        g.kind == "if" and g.text.replace("'", '"') == '__name__ == "__main__"' for g in guards
    )


def _shared_guards(guards: list[tuple[Guard, ...]]) -> int:
    """How many guards, from the outermost, every one of ``guards`` starts with."""
    shared = 0
    for column in zip(*guards, strict=False):
        if any(guard != column[0] for guard in column):
            break
        shared += 1
    return shared


def _conditions(guards: tuple[Guard, ...]) -> tuple[str, ...]:
    """The tests a statement runs under: its ``if`` tests, and ``except ...`` for a block that
    runs only when its ``try`` fails (lex's fallback ``GET /`` when mounting static fails)."""
    return tuple(g.text for g in guards if g.kind in ("if", "except"))


def _picked_item(value: Value) -> tuple[Value, int] | None:
    """``get_routers()[1]``: the call, and the item of its result read."""
    if value.kind != "subscript" or len(value.items) != 2:
        return None
    call, index = value.items
    if call.kind != "call" or index.kind != "int":
        return None
    try:
        return call, int(index.text, 0)
    except ValueError:
        return None


def _routing_name(cls: str) -> bool:
    """A class named like FastAPI's routers and apps (``VersionedAPIRouter``, ``MyFastAPI``)."""
    name = cls.rpartition(".")[2]
    return name.endswith("Router") or "FastAPI" in name


def _locals_added_to(facts: ModuleFacts) -> set[str]:
    """The function locals the module's calls and decorators act on (``app.get`` in
    ``f``: ``module.f.<locals>.app``), and those its calls pass on (``connect_settings(app)``,
    a helper that adds to it: Kiln's desktop factory extending the server's)."""
    calls = (c.value.func for c in facts.calls)
    decorators = (d.func if d.kind == "call" else d for s in facts.symbols for d in s.decorators)
    passed = (
        v
        for c in facts.calls
        if c.role == "call" and c.value.kind == "call"
        for v in (*c.value.items, *(v for _, v in c.value.keywords))
        if v.kind == "name"
    )
    found = set()
    for value in (*calls, *decorators):
        scope, marker, tail = ((value.ref or "") if value is not None else "").rpartition(
            ".<locals>."
        )
        if marker and "." in tail:
            found.add(f"{scope}{marker}{tail.partition('.')[0]}")
    for value in passed:
        if (
            value.ref
            and ".<locals>." in value.ref
            and "." not in value.ref.rpartition(".<locals>.")[2]
        ):
            found.add(value.ref)
    return found


def _iterables(guards: tuple[Guard, ...]) -> set[str | None]:
    """The names loops run over, and those a call they run over is given
    (``pkgutil.iter_modules(package.__path__)``)."""
    found: set[str | None] = set()
    for guard in guards:
        iterable = guard.iterable if guard.kind == "for" else None
        while iterable is not None:
            found.add(iterable.ref)
            found.update(v.ref for v in iterable.items if iterable.kind == "call")
            inner = iterable.items[0] if iterable.kind == "call" and iterable.items else None
            if inner is not None and inner.kind == "list" and len(inner.items) == 1:
                inner = inner.items[0]  # ``iter_modules([str(folder)])``
                found.add(inner.ref)
            iterable = inner if inner is not None and inner.kind == "call" else None
    return found


#: fastapi-class's views: the methods named for these verbs are routes
_CLASS_VIEW_VERBS = ("delete", "get", "patch", "post", "put")
#: fastapi-restful's ``cbv(router, *urls)``: the verbs ``APIRouter`` has as methods
_CBV_VERBS = ("delete", "get", "head", "options", "patch", "post", "put", "trace")
#: fastapi-restful's (and fastapi-utils 0.2's) ``Api(app)``, whose ``add_resource`` routes one
_RESOURCE_APIS = frozenset(
    f"{package}{module}.Api"
    for package in ("fastapi_restful", "fastapi_utils")
    for module in ("", ".cbv_base")
)


def _may_register(call: Value) -> bool:
    """Whether a statement may declare, add, include or copy routes: it spells a method of
    theirs (a cheap test before the costlier questions of who runs it)."""
    return any(f".{name}" in call.text for name in _REGISTERING)


def _route_decorator(decorator: Value) -> bool:
    """``@app.get("/x")``, ``@router.websocket(path)``: a route declared on an object."""
    func = decorator.func if decorator.kind == "call" else None
    owner, _, verb = func.text.rpartition(".") if func is not None else ("", "", "")
    return bool(owner) and verb in _VERBS


def _naming_import(value: Value) -> set[str]:
    """The names that tell what the calls in ``value`` import by name, or which attribute
    a ``getattr`` reads: ``path`` and ``attr`` in ``getattr(import_module(path), attr)``."""
    found: set[str] = set()
    for call in calls_within(value):
        if _may_import_by_name(call):
            found |= _names_within(call)
        elif call.func is not None and call.func.text == "getattr" and call.func.ref is None:
            found |= _names_within(call.items[1]) if len(call.items) > 1 else set()
    return found


def _field_name(field: Value) -> str | None:
    """A named tuple's field as its call names it: ``"prefix"``, or ``("prefix", str)``."""
    if field.kind == "list" and len(field.items) == 2:
        field = field.items[0]
    return field.text if field.kind == "str" and field.text.isidentifier() else None


def _names_within(value: Value) -> set[str]:
    """The refs of the names in ``value``, nested ones too."""
    found = {value.ref} if value.kind == "name" and value.ref else set()
    for inner in (*value.items, *(v for _, v in value.keywords)):
        found |= _names_within(inner)
    if value.func is not None:
        found |= _names_within(value.func)
    return found


def _whole_names(value: Value) -> set[str]:
    """The refs of the names ``value`` holds whole: itself, or within a call's arguments,
    a list or a dict; not one read through a subscript or an attribute."""
    if value.kind == "name":
        return {value.ref} if value.ref else set()
    if value.kind in ("subscript", "getattr"):
        return set()
    found: set[str] = set()
    for inner in (*value.items, *(v for _, v in value.keywords)):
        found |= _whole_names(inner)
    return found


def _used_before(facts: ModuleFacts, owner: str, line: int) -> bool:
    """Whether ``facts`` act on ``owner`` before ``line``: call a method of it
    (``owner.get(...)``, ``owner.api_route(...)(f)``, ``@owner.post``) other than one on
    its options (``owner.dependencies.append``), or pass it to a call (``add(owner)``)."""
    prefix = f"{owner}."
    options = tuple(f"{prefix}{option}." for option in _NO_OPTION)
    calls = [c.value for c in facts.calls if c.line < line and c.role == "call"]
    funcs = [v.func.func if v.func is not None and v.func.kind == "call" else v.func for v in calls]
    decorated = (
        d.func if d.kind == "call" else d
        for s in facts.symbols
        for d, at in zip(s.decorators, s.decorator_lines, strict=True)
        if at < line
    )
    acting = (
        ref
        for v in (*funcs, *decorated)
        if v is not None and (ref := v.ref or "").startswith(prefix)
    )
    passed = (a.ref == owner for v in calls for a in (*v.items, *(k for _, k in v.keywords)))
    return any(not ref.startswith(options) for ref in acting) or any(passed)


def _may_import(value: Value | None) -> bool:
    """Whether ``value`` is a call of something named ``import_module``, ``__import__`` or
    ``getattr``."""
    func = value.func if value is not None and value.kind == "call" else None
    names = ("import_module", "__import__", "getattr")
    return func is not None and func.text.rpartition(".")[2] in names


def _may_import_by_name(call: Value) -> bool:
    """Whether ``call`` is of something named ``import_module``, or the builtin
    ``__import__``: which of them imports, ``imported_module`` decides."""
    func = call.func
    return func is not None and (func.text.endswith("import_module") or builtin_import(call))


def _presence(test: str, name: str, held: dict[str, Value]) -> bool | None:
    """Whether ``"key" in kwargs`` (or its ``not``) holds of the keywords ``held``; None for
    any other test."""
    match = re.fullmatch(rf"(not \()?['\"](\w+)['\"] (not in|in) {re.escape(name)}\)?", test)
    if match is None:
        return None
    inside = match[2] in held
    inside = inside if match[3] == "in" else not inside
    return not inside if match[1] else inside


def _replaced_items(value: Value, local: str, held: dict[str, Value]) -> Value:
    """``value`` with ``kwargs["key"]`` read as what ``held`` gives the key."""
    if value.kind == "subscript" and len(value.items) == 2 and value.items[0].ref == local:
        index = value.items[1]
        found = held.get(index.text) if index.kind == "str" else None
        return found if found is not None else Value("other", value.text)
    return with_parts(value, lambda part: _replaced_items(part, local, held))


def _may_derive(assign: AssignFact) -> bool:
    """Whether ``assign`` may import a module by name, make a string of what a loop around
    it binds, or join a string or a path of a function's parameters (``module_path =
    "app.routers." + name``, ``folder = root / "features"``)."""
    value = assign.value
    if value is None:
        return False
    looped = any(guard.kind == "for" for guard in assign.guards)
    joined = bool(assign.scope) and value.kind in ("fstring", "add", "div")
    return (
        _may_import(value)
        or joined
        or (bool(assign.scope) and _package_folder(value))
        or (value.kind in ("call", "subscript", "fstring", "add", "name") and looped)
    )


def _package_folder(value: Value) -> bool:
    """Whether ``value`` is ``package.__path__[0]``, the folder of a package."""
    return value.kind == "subscript" and value.items[0].text.endswith(".__path__")


def _if_else_bound(written: Sequence[AssignFact]) -> Value | None:
    """A function's local bound in the two branches of one ``if``/``else`` at the top of its
    body (``if settings.exclude: to_include = excluded(routers)`` / ``else: to_include =
    routers``), read as the conditional expression ``excluded(routers) if settings.exclude
    else routers``; None for any other bindings."""
    if len(written) != 2:
        return None
    first, other = sorted(written, key=lambda a: a.line)
    if len(first.guards) != 1 or len(other.guards) != 1 or None in (first.value, other.value):
        return None
    test, negated = first.guards[0], other.guards[0]
    if test.kind != "if" or negated.kind != "if" or negated.text != f"not ({test.text})":
        return None
    assert first.value is not None and other.value is not None
    text = f"{first.value.text} if {test.text} else {other.value.text}"
    return Value("ifexp", text, items=(Value("other", test.text), first.value, other.value))


def _branches(value: Value | None) -> list[tuple[Value | None, tuple[str, ...]]]:
    """``[b] if DEV else [c]``: each branch with the test it runs under."""
    if value is None or value.kind != "ifexp" or len(value.items) != 3:
        return [(value, ())]
    test, body, orelse = value.items
    return [
        *((v, (test.text, *c)) for v, c in _branches(body)),
        *((v, (f"not ({test.text})", *c)) for v, c in _branches(orelse)),
    ]


def _unpack(target: Value, item: Value) -> Env:
    """``for name, handler in PAIRS`` binds each name to its part of the item."""
    if target.kind == "name" and target.ref is not None:
        return {target.ref: item}
    if target.kind == "list" and item.kind == "list" and len(target.items) == len(item.items):
        return {
            k: v
            for t, i in zip(target.items, item.items, strict=True)
            for k, v in _unpack(t, i).items()
        }
    return {}


def _read_before(facts: ModuleFacts, key: str, line: int) -> bool:
    """Whether a call or decorator of ``facts`` before ``line`` passes the variable ``key``."""

    def passes(value: Value) -> bool:
        parts = (value.func, *value.items, *(v for _, v in value.keywords))
        return (value.kind == "name" and value.ref == key) or any(
            passes(part) for part in parts if part is not None
        )

    calls = (c.value for c in facts.calls if c.line < line)
    decorators = (
        d
        for s in facts.symbols
        for d, at in zip(s.decorators, s.decorator_lines, strict=True)
        if at < line
    )
    return any(passes(value) for value in (*calls, *decorators))


def _conjuncts(test: str) -> list[str]:
    """The operands of a test written ``a and b``, as source; the test alone otherwise."""
    if " and " not in test:
        return [test]  # most tests: no parse
    try:
        node = ast.parse(test.strip(), mode="eval").body
    except (SyntaxError, ValueError, RecursionError):
        return [test]
    if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.And):
        return [ast.unparse(value) for value in node.values]
    return [test]


_STRING_KINDS = frozenset({"str", "fstring", "add"})
_SPREADS = frozenset({"star", "double_star"})


#: An app's or router's options no route reads: its documentation, and what runs at startup.
_UNREAD_OPTIONS = frozenset(
    {
        "title",
        "summary",
        "description",
        "version",
        "docs_url",
        "redoc_url",
        "openapi_url",
        "openapi_tags",
        "swagger_ui_parameters",
        "swagger_ui_oauth2_redirect_url",
        "contact",
        "license_info",
        "terms_of_service",
        "servers",
        "debug",
        "lifespan",
        # where a proxy mounts the app: the paths it serves are the same
        "root_path",
        "root_path_in_servers",
        "swagger_ui_init_oauth",
    }
)


def _or_else(value: Value, key: str) -> Value:
    """``prefix or "/items"`` of the parameter ``key``: what it gives when ``key`` is falsy."""
    if value.kind == "or" and len(value.items) == 2 and value.items[0].ref == key:
        return value.items[1]
    return value


def _only(name: str, value: Value) -> Callable[[str], Value | None]:
    """What ``holds`` reads a test with: ``value`` for ``name``, nothing else known."""
    return lambda asked: value if asked == name else None


def _forwards(call: Value | None, verb: str, mapping: str) -> bool:
    """``route_method(*route_args, **route_kwargs, response_model=...)``: the verb called
    with all it was handed, and nothing that changes the path or the methods."""
    if call is None or call.kind != "call" or call.func is None or call.func.ref != verb:
        return False
    if any(item.kind != "star" for item in call.items):
        return False
    names = [name for name, _ in call.keywords]
    passed = [v.ref for name, v in call.keywords if name == "**"]
    return passed == [mapping] and not {"path", "methods"} & set(names)


def _is_verb(value: Value) -> bool:
    """``router.post``: a route verb named on an object, not called."""
    return (value.ref or "").rpartition(".")[2] in _VERBS and "." in (value.ref or "")


def _copied_by_loop(call: CallFact) -> CallFact | None:
    """``for route in app.routes: router.routes.append(route)`` (kernelci's versioned app),
    kept or not by ``isinstance(route, APIRoute)`` (or ``Route``, ``BaseRoute``): as
    ``router.routes.extend(app.routes)`` outside the loop. Any other test picks some routes:
    not read as a copy."""
    func, items = call.value.func, call.value.items
    if func is None or not (func.ref or "").endswith(".routes.append") or len(items) != 1:
        return None
    fors = [i for i, g in enumerate(call.guards) if g.kind == "for"]
    loop = call.guards[fors[-1]] if fors else None
    if loop is None or loop.target is None or loop.iterable is None:
        return None
    if loop.target.text != items[0].text or not loop.iterable.text.endswith(".routes"):
        return None
    tests = call.guards[fors[-1] + 1 :]
    kept = re.compile(rf"isinstance\({re.escape(loop.target.text)}, ([\w.]+\.)?(API|Base)?Route\)")
    if any(g.kind != "if" or not kept.fullmatch(g.text) for g in tests):
        return None
    assert func.ref is not None
    text, ref = func.text.removesuffix("append"), func.ref.removesuffix("append")
    extend = Value("name", f"{text}extend", ref=f"{ref}extend")
    written = f"{extend.text}({loop.iterable.text})"
    copied = Value("call", written, func=extend, items=(loop.iterable,))
    return replace(call, value=copied, guards=call.guards[: fors[-1]])


def _sums_lists(call: Value) -> bool:
    """``sum(lists, [])``: a call adding lists, from an empty one."""
    start = call.keyword("start") or (call.items[1] if len(call.items) == 2 else None)
    return len(call.items) in (1, 2) and start is not None and start.text in ("[]", "()")


def _receiver(method: Value) -> Value:
    """``holder`` of ``holder.method`` named through a variable."""
    holder = (method.ref or "").rpartition(".")[0]
    return Value("name", method.text.rpartition(".")[0], ref=holder)


def _given_or_made(value: Value | None) -> tuple[Value, Value] | None:
    """What is used when given, and what is made otherwise, of ``router or APIRouter()``,
    ``router if router else APIRouter()`` or ``router if router is not None else ...``."""
    if value is not None and value.kind == "or" and len(value.items) == 2:
        return value.items[0], value.items[1]
    if value is None or value.kind != "ifexp" or len(value.items) != 3:
        return None
    test, given, made = value.items
    named = given.kind == "name" and test.text in (given.text, f"{given.text} is not None")
    return (given, made) if named else None


def _unbound(method: SymbolFact) -> SymbolFact:
    """A method as its callers see it: without ``self``, which the call does not pass."""
    params = method.params
    return replace(method, params=params[1:]) if params and params[0].name == "self" else method


def _close(value: Value, env: Env, seen: frozenset[str] = frozenset()) -> Value:
    """``value`` with the names ``env`` binds replaced by what they are bound to, and the
    names in that too: a parameter handed on as it is (``init(app, prefix=prefix)``) is
    what the outer call passes. A name is never replaced inside its own value."""
    if not env:
        return value
    if value.kind == "name" and value.ref in env and value.ref not in seen:
        bound = env[value.ref]
        if bound.kind == "receiver":
            return _through(value, bound, "")
        return _close(bound, env, seen | {value.ref})
    if value.kind == "name" and value.ref is not None and "." in value.ref:
        return _close_prefix(value, value.ref, env)
    return with_parts(value, lambda part: _close(part, env, seen))


def _close_prefix(value: Value, ref: str, env: Env) -> Value:
    """``module.router`` with ``module`` bound to a name (``for module in (users, items)``):
    the attribute of what is bound; ``info.name`` with ``info`` a named tuple: that field."""
    head, _, tail = ref.rpartition(".")
    while head and not tail.startswith("<locals>."):  # a function's local, no attribute
        bound = env.get(head)
        if bound is not None and bound.kind == "receiver":
            return _through(value, bound, f".{tail}")
        if bound is not None:
            field = bound.keyword(tail) if bound.kind == "list" else None
            if field is not None:
                return field
            if bound.kind in ("str", "div", "call", "dict", "map") and "." not in tail:
                # ``server.lower()`` of a loop's item, ``folder.glob("*.py")`` of a path,
                # ``router.create(prefix)`` of an instance a list holds (AIOD's routers),
                # ``routers.items()`` of a dict an outer loop's item is
                return Value("getattr", value.text, func=bound, items=(Value("str", tail),))
            if bound.kind == "call":  # ``settings.api.prefix``, ``settings = Settings()``
                return _getattrs(bound, tail, value.text)
            if bound.kind != "name" or bound.ref is None:
                return value
            return Value("name", value.text, ref=f"{bound.ref}.{tail}")
        head, _, part = head.rpartition(".")
        tail = f"{part}.{tail}"
    return value


def _getattrs(value: Value, tail: str, text: str | None = None) -> Value:
    """``value.api.prefix`` for ``tail`` ``api.prefix``: one attribute read on another,
    each written ``text`` (or as read so far)."""
    for part in tail.split("."):
        read = Value("str", part)
        value = Value("getattr", text or f"{value.text}.{part}", func=value, items=(read,))
    return value


def _through(value: Value, receiver: Value, tail: str) -> Value:
    """A name under a classmethod's class, read on the class the call is made on when the
    body spells it through ``cls`` (``receiver.text``), as written otherwise."""
    if value.text.partition(".")[0] != receiver.text:
        return value
    return Value("name", value.text, ref=f"{receiver.ref}{tail}")


def _is_property(fact: SymbolFact) -> bool:
    return any(d.text in ("property", "functools.cached_property") for d in fact.decorators)


def _attribute_read(value: Value) -> Value:
    """``getattr(orders, "router")`` is ``orders.router``."""
    read = _getattr(value)
    if read is None or read[2] is not None or read[0].kind != "name" or read[0].ref is None:
        return value
    return Value("name", value.text, ref=f"{read[0].ref}.{read[1]}")


def _getattr(value: Value) -> tuple[Value, str, Value | None] | None:
    """``getattr(obj, "name"[, default])`` with a literal name: (obj, name, default)."""
    func = value.func if value.kind == "call" else None
    if func is None or func.text != "getattr" or func.ref is not None:
        return None  # not the builtin (a project's own ``getattr`` has a ref)
    if len(value.items) not in (2, 3) or value.items[1].kind != "str":
        return None
    default = value.items[2] if len(value.items) == 3 else None
    return value.items[0], value.items[1].text, default


def _either(first: Route | None, other: Route) -> Route:
    """One route reached twice: served when either way's tests hold, so under the tests
    both share, and, where each has others, under one way's or the other's (a helper
    called under ``if A:`` and under ``if B:``); a test and its negation (an ``if`` and its
    ``else``) leave nothing. The first way's other facts."""
    if first is None:
        return other
    common = tuple(c for c in first.conditions if c in other.conditions)
    one = [c for c in first.conditions if c not in common]
    two = [c for c in other.conditions if c not in common]
    single = len(one) == len(two) == 1
    negated = single and (f"not ({one[0]})" in two or f"not ({two[0]})" in one)
    other_way = f"({' and '.join(two)})"
    known = len(one) == 1 and other_way in one[0].split(" or ")  # a third way met before
    if one and two and not negated:
        common = (*common, one[0] if known else f"({' and '.join(one)}) or {other_way}")
    return first if common == first.conditions else first.model_copy(update={"conditions": common})


def _scope_of(symbol: SymbolFact) -> str:
    """The scope a definition is written in, as calls and assignments name theirs."""
    return symbol.qualname.rpartition(".")[0].removesuffix(".<locals>")


def _join(*parts: Text) -> Text:
    return Text("".join(p.value for p in parts), tuple(u for p in parts for u in p.unknown))


def _imported_by_serving(condition: str, app: str | None) -> bool:
    """``import shop.main`` on a route of ``shop.main.app``: serving the app runs its module."""
    module = condition.removeprefix("import ")
    return app is not None and module != condition and app.startswith(f"{module}.")


_EMPTY = {"list": Value("list", "[]"), "dict": Value("dict", "{}"), "tuple": Value("tuple", "()")}


def _built(call: Value | None) -> Value | None:
    """What a field's factory call builds: an empty ``list``, ``dict`` or ``tuple`` of the
    builtin; the call itself for another."""
    func = call.func if call is not None else None
    builtin = func is not None and func.ref is None and func.text in _EMPTY
    return _EMPTY[func.text] if builtin and func is not None else call


def _dict_call(value: Value) -> bool:
    """``dict(tags=[...])`` of the builtin, by keywords only."""
    func = value.func
    builtin = func is not None and func.kind == "name" and func.ref is None and func.text == "dict"
    return value.kind == "call" and builtin and not value.items and "**" not in dict(value.keywords)


def _unique(items: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


#: ``if`` tests a loop's bindings decide: ``hasattr(module, "router")``, ``router`` and
#: ``router is not None``, each perhaps negated (``not (...)``, an ``else`` branch).
_HASATTR = re.compile(r"""hasattr\((\w+), *["'](\w+)["']\)""")


def _or_default(passed: Value, key: str, written: list[AssignFact]) -> Value | None:
    """What ``dep = dep or get_user``, the parameter's one other binding, leaves it holding
    when the call passed ``passed``; None for any other binding."""
    value = written[0].value if len(written) == 1 and not written[0].guards else None
    if value is None or value.kind != "or" or len(value.items) != 2 or value.items[0].ref != key:
        return None
    falsy = passed.kind == "const" and passed.text in ("None", "False")
    return value.items[1] if falsy else passed if passed.kind == "name" else None


def _given_params(params: tuple[Param, ...], env: Env) -> tuple[Param, ...]:
    """An endpoint's parameters as a router factory's call makes them: ``db=db_dep`` or
    ``Annotated[str, user_dep]`` with ``db_dep``, ``user_dep`` the factory's parameters,
    given ``Depends(get_db)`` there (a route generator's session dependency)."""
    if not env:
        return params
    return tuple(
        replace(
            p,
            annotation=_close(p.annotation, env) if p.annotation is not None else None,
            default=_close(p.default, env) if p.default is not None else None,
        )
        for p in params
    )


_MIDDLEWARE_BASE = "starlette.middleware.base.BaseHTTPMiddleware"
_LITERALS = frozenset({"str", "int", "const"})
_ISCLASS = re.compile(r"inspect\.isclass\(self\.(\w+)\)")
_ISSUBCLASS = re.compile(r"issubclass\(self\.(\w+), *([\w.]+)\)")
_UNREAD = Value("other", "")
_MISSING = Value("other", "<a module the project does not have>")
_ISINSTANCE = re.compile(r"isinstance\((\w+), *([\w.]+)\)")
_PRESENT = re.compile(r"(\w+)(?: is not None)?")
_WORD = re.compile(r"\w+")
