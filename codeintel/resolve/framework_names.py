"""The qualified names of the framework classes and functions our extractors recognise."""

from __future__ import annotations

from dataclasses import dataclass

APP_CLASSES = frozenset(
    {
        "fastapi.FastAPI",
        "fastapi.applications.FastAPI",
        # Cadwyn's versioned app (airflow's execution API): a FastAPI subclass
        "cadwyn.Cadwyn",
        "cadwyn.applications.Cadwyn",
        # a Starlette app serving FastAPI apps it mounts (``routes=[Mount("/api", app=api)]``)
        "starlette.applications.Starlette",
    }
)


@dataclass(frozen=True)
class SelfRouted:
    """A library's router class that adds routes to itself as it is built: at the path its
    constructor is given by ``keyword`` (or at ``position``), each route as (method,
    endpoint), each asking for the same providers in order, as (the constructor keyword
    naming one, the library's own when it is not given; None: no keyword)."""

    keyword: str
    position: int
    routes: tuple[tuple[str, str], ...]
    asks: tuple[tuple[str | None, str], ...]


_GRAPHQL = "strawberry.fastapi.router.GraphQLRouter"
#: strawberry's GraphQL router serves queries by GET and POST and subscriptions over a
#: websocket, each asking for the context and the root value (0.120 to 0.341 alike).
SELF_ROUTED = dict.fromkeys(
    ("strawberry.fastapi.GraphQLRouter", _GRAPHQL),
    SelfRouted(
        "path",
        1,
        tuple(
            (verb, f"{_GRAPHQL}.__init__.<locals>.{endpoint}")
            for verb, endpoint in (
                ("GET", "handle_http_get"),
                ("POST", "handle_http_post"),
                ("WEBSOCKET", "websocket_endpoint"),
            )
        ),
        (
            ("context_getter", f"{_GRAPHQL}.__init__.<locals>.<lambda>"),
            (None, f"{_GRAPHQL}.__get_context_getter.<locals>.dependency"),
            ("root_value_getter", f"{_GRAPHQL}.__get_root_value"),
        ),
    ),
)

#: fastapi-class's ``@View(router)`` class decorator, and its ``@endpoint(...)`` mark.
CLASS_VIEWS = frozenset({"fastapi_class.View", "fastapi_class.views.View"})
CLASS_VIEW_ENDPOINTS = frozenset({"fastapi_class.endpoint", "fastapi_class.routers.endpoint"})
#: fastapi-health's ``health(conditions)``, the endpoint it builds asking for each condition.
HEALTH = frozenset({"fastapi_health.health", "fastapi_health.route.health"})
HEALTH_ENDPOINT = "fastapi_health.route.health.<locals>.endpoint"
#: fastapi-offline's ``FastAPIOffline(docs_url, redoc_url, ...)``: a function building a
#: FastAPI app that serves its docs pages itself, from the package; each page as (its
#: option, its position, FastAPI's default, the endpoint's name).
OFFLINE_APPS = frozenset({"fastapi_offline.FastAPIOffline", "fastapi_offline.core.FastAPIOffline"})
OFFLINE_PAGES = (
    ("docs_url", 0, "/docs", "custom_swagger_ui_html"),
    ("swagger_ui_oauth2_redirect_url", None, "/docs/oauth2-redirect", "swagger_ui_redirect"),
    ("redoc_url", 1, "/redoc", "redoc_html"),
)
OFFLINE_ENDPOINTS = "fastapi_offline.core.FastAPIOffline.<locals>"


@dataclass(frozen=True)
class CrudRouter:
    """A fastapi-crudrouter router class: where it is defined (its methods' ``route``
    closures are the endpoints), its constructor's parameters before ``create_schema``
    (the others follow in every backend's order), the one naming the session provider
    every route asks for (SQLAlchemy's ``db``), and where its prefix comes from when none is
    given: the schema's class name, the model's ``__tablename__``, or elsewhere (None)."""

    cls: str
    leading: tuple[str, ...]
    session: str | None
    default_prefix: str | None


_CRUD = "fastapi_crudrouter.core"
CRUD_ROUTERS = {
    f"{package}.{crud.cls.rpartition('.')[2]}": crud
    for crud in (
        CrudRouter(f"{_CRUD}.mem.MemoryCRUDRouter", ("schema",), None, "schema"),
        CrudRouter(f"{_CRUD}.ormar.OrmarCRUDRouter", ("schema",), None, None),
        CrudRouter(
            f"{_CRUD}.sqlalchemy.SQLAlchemyCRUDRouter",
            ("schema", "db_model", "db"),
            "db",
            "tablename",
        ),
        CrudRouter(
            f"{_CRUD}.gino_starlette.GinoCRUDRouter",
            ("schema", "db_model", "db"),
            None,
            "tablename",
        ),
        CrudRouter(
            f"{_CRUD}.databases.DatabasesCRUDRouter", ("schema", "table", "database"), None, None
        ),
        CrudRouter(f"{_CRUD}.tortoise.TortoiseCRUDRouter", ("schema", "db_model"), None, None),
    )
    for package in ("fastapi_crudrouter", _CRUD, crud.cls.rpartition(".")[0])
}
#: Every CRUD router's parameters after those leading ones, and its routes in the order it
#: adds them: (the parameter switching it off or giving its dependencies, method, path).
CRUD_PARAMETERS = (
    "create_schema",
    "update_schema",
    "prefix",
    "tags",
    "paginate",
    "get_all_route",
    "get_one_route",
    "create_route",
    "update_route",
    "delete_one_route",
    "delete_all_route",
)
CRUD_ROUTES = (
    ("get_all", "GET", ""),
    ("create", "POST", ""),
    ("delete_all", "DELETE", ""),
    ("get_one", "GET", "/{item_id}"),
    ("update", "PUT", "/{item_id}"),
    ("delete_one", "DELETE", "/{item_id}"),
)
#: The pagination the routes listing all items ask for.
CRUD_PAGINATION = f"{_CRUD}._utils.pagination_factory.<locals>.pagination"
ROUTER_CLASSES = frozenset(
    {
        *SELF_ROUTED,
        "fastapi.APIRouter",
        "fastapi.routing.APIRouter",
        # fastapi-utils' and fastapi-restful's router for class-based views (``@cbv(router)``)
        "fastapi_restful.inferring_router.InferringRouter",
        "fastapi_utils.inferring_router.InferringRouter",
        "cadwyn.VersionedAPIRouter",
        "cadwyn.route_generation.VersionedAPIRouter",
    }
)
#: Route objects a constructor's ``routes=`` list may hold, with the methods they serve by
#: default.
ROUTE_CLASSES = {
    "fastapi.routing.APIRoute": ("GET",),
    "fastapi.routing.APIWebSocketRoute": ("WEBSOCKET",),
}
DEPENDS = frozenset(
    {
        "fastapi.Depends",
        "fastapi.Security",
        "fastapi.params.Depends",
        "fastapi.params.Security",
        "fastapi.param_functions.Depends",
        "fastapi.param_functions.Security",
    }
)
#: dependency-injector's markers: ``Provide[Container.service]`` is an instance of the marker
#: class (its ``__class_getitem__`` builds one), whose ``__call__`` has no parameters.
INJECTION_MARKERS = frozenset(
    f"dependency_injector.wiring.{name}" for name in ("Provide", "Provider", "Closing")
)
#: Library functions that return ``Depends(closure)``, by the closure FastAPI then calls, which
#: asks for no dependency of the project's (fastapi-filter's ``FilterDepends(UserFilter)``:
#: the filter's fields are query parameters; fastapi-injector's ``Injected(Service)``).
_FILTER_WRAPPER = "fastapi_filter.base.filter.FilterDepends.<locals>.FilterWrapper"
_INJECTED = "fastapi_injector.injected"
LIBRARY_DEPENDS = {
    "fastapi_filter.FilterDepends": _FILTER_WRAPPER,
    "fastapi_filter.base.filter.FilterDepends": _FILTER_WRAPPER,
    **{
        f"fastapi_injector{where}.{name}": f"{_INJECTED}.{name}.<locals>.inject_into_route"
        for where in ("", ".injected")
        for name in ("Injected", "SyncInjected")
    },
}
#: fastapi-pagination: ``add_pagination(app)`` (or a router) gives each route whose response
#: model is one of its pages ``Depends(pagination_ctx(page))``, as one written out does; that
#: closure asks for the page's params through another.
ADD_PAGINATION = frozenset(
    {"fastapi_pagination.add_pagination", "fastapi_pagination.api.add_pagination"}
)
PAGINATION_CONTEXTS = frozenset(
    {"fastapi_pagination.pagination_ctx", "fastapi_pagination.api.pagination_ctx"}
)
PAGE_CONTEXT = "fastapi_pagination.api.pagination_ctx.<locals>._page_ctx_dependency"
PAGE_PARAMS = "fastapi_pagination.api._create_params_dependency.<locals>._pagination_params"
#: classy-fastapi: a ``Routable``'s ``__init__`` builds ``self.router = APIRouter(*args,
#: **kwargs)`` and adds each method its class marks (``@get("/x")``), bound to the instance;
#: 0.7 finds the marks over ``dir(cls)``, inherited methods too. The methods of each mark.
ROUTABLES = frozenset({"classy_fastapi.Routable", "classy_fastapi.routable.Routable"})
ROUTE_MARKS = {
    f"classy_fastapi{module}.{mark}": methods
    for module in ("", ".decorators")
    for mark, methods in (
        *((verb, (verb.upper(),)) for verb in ("get", "post", "put", "patch", "delete")),
        ("websocket", ("WEBSOCKET",)),
        ("route", ()),  # its ``methods=``
    )
}
#: Class decorators of class-based views: each route's ``self`` is ``Depends(cls)``, and the
#: class's signature its ``__init__``'s then its annotated class attributes'.
CLASS_BASED_VIEWS = frozenset({"fastapi_utils.cbv.cbv", "fastapi_restful.cbv.cbv"})
#: fastapi-versioning: the app it builds from an app's routes, and the endpoint decorator.
VERSIONED_APPS = frozenset(
    {"fastapi_versioning.VersionedFastAPI", "fastapi_versioning.versioning.VersionedFastAPI"}
)
VERSION_DECORATORS = frozenset(
    {"fastapi_versioning.version", "fastapi_versioning.versioning.version"}
)
#: fastapi-versionizer: the class whose ``versionize()`` serves an app's routes again per
#: version, and the endpoint decorator that says from which version (and until which).
VERSIONIZERS = frozenset(
    {"fastapi_versionizer.Versionizer", "fastapi_versionizer.versionizer.Versionizer"}
)
API_VERSION_DECORATORS = frozenset(
    {"fastapi_versionizer.api_version", "fastapi_versionizer.versionizer.api_version"}
)
#: Decorators that give a function a signature built at run time, which FastAPI reads.
SIGNATURE_REPLACERS = frozenset({"makefun.with_signature"})
BODY = frozenset({"fastapi.Body", "fastapi.params.Body", "fastapi.param_functions.Body"})
#: FastAPI's markers of where a parameter comes from: of several in one ``Annotated``, the
#: last is the one FastAPI reads (``Depends`` and ``Security`` are ``DEPENDS``).
PARAMETER_MARKERS = frozenset(
    f"{module}.{name}"
    for module in ("fastapi", "fastapi.params", "fastapi.param_functions")
    for name in ("Query", "Path", "Body", "Header", "Cookie", "Form", "File")
)
ANNOTATED = frozenset({"typing.Annotated", "typing_extensions.Annotated"})
#: pydantic's models of one field, ``root``, whose type is the class's parameter
#: (``class Tags(RootModel[list[str]])``) unless the class annotates ``root`` itself.
ROOT_MODELS = frozenset({"pydantic.RootModel", "pydantic.root_model.RootModel"})
#: pydantic 1's model as pydantic 2 ships it, whose fields are its models' only.
V1_MODEL_ROOTS = frozenset({"pydantic.v1.BaseModel", "pydantic.v1.main.BaseModel"})
MODEL_ROOTS = frozenset(
    {
        *ROOT_MODELS,
        "pydantic.BaseModel",
        "pydantic.main.BaseModel",
        *V1_MODEL_ROOTS,
        "pydantic_settings.BaseSettings",
        "pydantic.BaseSettings",
        "sqlmodel.SQLModel",
    }
)
SETTINGS_ROOTS = frozenset({"pydantic_settings.BaseSettings", "pydantic.BaseSettings"})
FIELD = frozenset(
    {
        "pydantic.Field",
        "pydantic.fields.Field",
        "pydantic.v1.Field",
        "pydantic.v1.fields.Field",
        "sqlmodel.Field",
    }
)
#: A callable with some arguments bound; FastAPI reads the signature of what it calls, less them.
PARTIAL = "functools.partial"
#: Class decorators that write an ``__init__`` taking the class's annotated fields.
DATACLASSES = frozenset({"dataclasses.dataclass", "pydantic.dataclasses.dataclass"})
#: A dataclass field's options: ``field(default=..., init=False)``.
DATACLASS_FIELD = frozenset({"dataclasses.field"})
#: Field declarations that build each instance's value by calling a factory, by the keyword
#: naming it (``field(default_factory=APIRouter)``, attrs' ``field(factory=APIRouter)``).
FIELD_FACTORIES = {
    **dict.fromkeys(("dataclasses.field", *FIELD), "default_factory"),
    **dict.fromkeys(("attrs.field", "attr.ib", "attr.attrib", "attr.field"), "factory"),
}
#: attrs' wrapper of a factory given as a default: ``field(default=Factory(APIRouter))``.
ATTRS_FACTORY = frozenset({"attrs.Factory", "attr.Factory"})
#: traitlets' scalar traits: the default is the first argument, or ``default_value=``.
TRAITS = frozenset(
    f"traitlets.{trait}"
    for trait in (
        *("Unicode", "CUnicode", "Bytes", "CBytes", "Bool", "CBool"),
        *("Int", "CInt", "Integer", "Float", "CFloat"),
    )
)
VALIDATORS = frozenset(
    {
        "pydantic.field_validator",
        "pydantic.model_validator",
        "pydantic.validator",
        "pydantic.root_validator",
        "pydantic.functional_validators.field_validator",
        "pydantic.functional_validators.model_validator",
    }
)
#: Test classes pytest collects whatever their names, through its unittest plugin.
UNITTEST_CASES = frozenset(
    {
        "unittest.TestCase",
        "unittest.case.TestCase",
        "unittest.IsolatedAsyncioTestCase",
        "unittest.async_case.IsolatedAsyncioTestCase",
    }
)
FIXTURE_DECORATORS = frozenset(
    {"pytest.fixture", "pytest_asyncio.fixture", "_pytest.fixtures.fixture"}
)
ASYNCIO_FIXTURES = frozenset({"pytest_asyncio.fixture", "pytest_asyncio.plugin.fixture"})
HTTP_EXCEPTIONS = frozenset(
    {
        "fastapi.HTTPException",
        "fastapi.exceptions.HTTPException",
        "starlette.exceptions.HTTPException",
    }
)
#: FastAPI attributes that hold paths, with their defaults (``@app.get(app.docs_url)``).
APP_PATH_ATTRIBUTES = {
    "docs_url": "/docs",
    "redoc_url": "/redoc",
    "openapi_url": "/openapi.json",
    "swagger_ui_oauth2_redirect_url": "/docs/oauth2-redirect",
    "root_path": "",
}

#: Where FastAPI defines what ``fastapi.security`` re-exports (and fastapi-pagination its
#: params): FastAPI names a dependency by its class's own module
#: (``fastapi.security.oauth2.OAuth2PasswordBearer``), whatever the import.
_SECURITY_MODULES = {
    "api_key": ("APIKeyCookie", "APIKeyHeader", "APIKeyQuery"),
    "http": (
        "HTTPAuthorizationCredentials",
        "HTTPBasic",
        "HTTPBasicCredentials",
        "HTTPBearer",
        "HTTPDigest",
    ),
    "oauth2": (
        "OAuth2",
        "OAuth2AuthorizationCodeBearer",
        "OAuth2PasswordBearer",
        "OAuth2PasswordRequestForm",
        "OAuth2PasswordRequestFormStrict",
        "SecurityScopes",
    ),
    "open_id_connect_url": ("OpenIdConnect",),
}
DEFINED_IN = {
    **{
        f"fastapi.security.{name}": f"fastapi.security.{module}.{name}"
        for module, names in _SECURITY_MODULES.items()
        for name in names
    },
    "fastapi_pagination.Params": "fastapi_pagination.default.Params",
    "fastapi_pagination.LimitOffsetParams": "fastapi_pagination.limit_offset.LimitOffsetParams",
}

_USERS = "fastapi_users.router"
_FASTAPI_USERS_ROUTERS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "get_auth_router": (
        ("POST", "/login", f"{_USERS}.auth.get_auth_router.<locals>.login"),
        ("POST", "/logout", f"{_USERS}.auth.get_auth_router.<locals>.logout"),
    ),
    "get_register_router": (
        ("POST", "/register", f"{_USERS}.register.get_register_router.<locals>.register"),
    ),
    "get_reset_password_router": (
        (
            "POST",
            "/forgot-password",
            f"{_USERS}.reset.get_reset_password_router.<locals>.forgot_password",
        ),
        (
            "POST",
            "/reset-password",
            f"{_USERS}.reset.get_reset_password_router.<locals>.reset_password",
        ),
    ),
    "get_verify_router": (
        (
            "POST",
            "/request-verify-token",
            f"{_USERS}.verify.get_verify_router.<locals>.request_verify_token",
        ),
        ("POST", "/verify", f"{_USERS}.verify.get_verify_router.<locals>.verify"),
    ),
    "get_users_router": (
        ("GET", "/me", f"{_USERS}.users.get_users_router.<locals>.me"),
        ("PATCH", "/me", f"{_USERS}.users.get_users_router.<locals>.update_me"),
        ("GET", "/{id}", f"{_USERS}.users.get_users_router.<locals>.get_user"),
        ("PATCH", "/{id}", f"{_USERS}.users.get_users_router.<locals>.update_user"),
        ("DELETE", "/{id}", f"{_USERS}.users.get_users_router.<locals>.delete_user"),
    ),
    "get_oauth_router": (
        ("GET", "/authorize", f"{_USERS}.oauth.get_oauth_router.<locals>.authorize"),
        ("GET", "/callback", f"{_USERS}.oauth.get_oauth_router.<locals>.callback"),
    ),
    "get_oauth_associate_router": (
        ("GET", "/authorize", f"{_USERS}.oauth.get_oauth_associate_router.<locals>.authorize"),
        ("GET", "/callback", f"{_USERS}.oauth.get_oauth_associate_router.<locals>.callback"),
    ),
}
#: Routers a library builds with fixed routes, by the method that returns one: each route as
#: (method, path, endpoint), as FastAPI serves it (fastapi-users 10 to 15, the same paths
#: and endpoint functions throughout).
LIBRARY_ROUTERS: dict[str, tuple[tuple[str, str, str], ...]] = {
    f"{owner}.{method}": routes
    for owner in ("fastapi_users.FastAPIUsers", "fastapi_users.fastapi_users.FastAPIUsers")
    for method, routes in _FASTAPI_USERS_ROUTERS.items()
}
#: The same routers built by fastapi-users' functions (``from fastapi_users.router import
#: get_oauth_router``), by the package's name for each and its module's.
LIBRARY_ROUTER_FUNCTIONS: dict[str, tuple[tuple[str, str, str], ...]] = {
    f"{module}.{method}": routes
    for method, routes in _FASTAPI_USERS_ROUTERS.items()
    for module in (_USERS, routes[0][2].partition(f".{method}.")[0])
}
#: prometheus-fastapi-instrumentator's class, by its two names: ``expose(app)`` declares
#: ``GET /metrics`` (its ``endpoint=``) on the app, ``instrument`` and ``add`` return it.
_INSTRUMENTATION = "prometheus_fastapi_instrumentator.instrumentation"
INSTRUMENTATORS = frozenset(
    {
        "prometheus_fastapi_instrumentator.Instrumentator",
        f"{_INSTRUMENTATION}.PrometheusFastApiInstrumentator",
    }
)
METRICS_ENDPOINT = f"{_INSTRUMENTATION}.PrometheusFastApiInstrumentator.expose.<locals>.metrics"
#: fastapi-users' ``FastAPIUsers`` class, by both of its import paths.
FASTAPI_USERS = frozenset(
    {"fastapi_users.FastAPIUsers", "fastapi_users.fastapi_users.FastAPIUsers"}
)
#: fastapi-users' ``AuthenticationBackend(name, transport, get_strategy)``, which keeps each as
#: an attribute of the same name (``Depends(auth_backend.get_strategy)`` in a login route).
AUTH_BACKENDS = frozenset(
    {f"fastapi_users.authentication{where}.AuthenticationBackend" for where in ("", ".backend")}
)
#: The dependencies ``FastAPIUsers.current_user(...)`` and its authenticator's
#: ``current_user_token(...)`` return, as FastAPI names them, by method: closures whose
#: signature the library builds from the user manager and the backends.
USER_CLOSURES = {
    method: f"fastapi_users.authentication.authenticator.Authenticator.{method}.<locals>"
    f".{method}_dependency"
    for method in ("current_user", "current_user_token")
}
#: fastapi-users' transports, by the security scheme each hands FastAPI (``transport.scheme``).
TRANSPORT_SCHEMES = {
    f"fastapi_users.authentication{path}.{transport}": scheme
    for module, transport, scheme in (
        ("bearer", "BearerTransport", "fastapi.security.oauth2.OAuth2PasswordBearer()"),
        ("cookie", "CookieTransport", "fastapi.security.api_key.APIKeyCookie()"),
    )
    for path in ("", ".transport", f".transport.{module}")
}
