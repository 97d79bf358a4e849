"""fastapi-versionizer's ``Versionizer(app=app).versionize()``: the app's routes served again
under each version's prefix, in place of their own paths."""

from __future__ import annotations

from dataclasses import dataclass

from codeintel.facts.models import Value
from codeintel.facts.routes import Route
from codeintel.frameworks.versioning import added_after, library_route, moved, version_number
from codeintel.resolve.evaluate import Evaluator
from codeintel.resolve.framework_names import API_VERSION_DECORATORS

_LIBRARY = "fastapi_versionizer.versionizer.Versionizer"
#: ``Versionizer``'s parameters in order, each with its default; ``callback`` may change a
#: version's router, and is read as not known when given.
_PARAMETERS: tuple[tuple[str, object], ...] = (
    ("app", None),
    ("prefix_format", "/v{major}_{minor}"),
    ("semantic_version_format", "{major}.{minor}"),
    ("default_version", (1, 0)),
    ("latest_prefix", None),
    ("include_main_docs", True),
    ("include_main_openapi_route", True),
    ("include_version_docs", True),
    ("include_version_openapi_route", True),
    ("include_versions_route", False),
    ("sort_routes", False),
    ("callback", None),
)
#: Those given as text; the others are flags, a version, the app and the callback.
_TEXTS = frozenset({"prefix_format", "semantic_version_format", "latest_prefix"})
_FLAGS = {"True": True, "False": False}
#: ``api_version``'s parameters in order.
_MARKS = (
    "major",
    "minor",
    "deprecate_in_major",
    "deprecate_in_minor",
    "remove_in_major",
    "remove_in_minor",
)
#: The app's options its version docs read, with FastAPI's defaults.
_APP_URLS: tuple[tuple[str, str], ...] = (
    ("openapi_url", "/openapi.json"),
    ("docs_url", "/docs"),
    ("redoc_url", "/redoc"),
    ("swagger_ui_oauth2_redirect_url", "/docs/oauth2-redirect"),
)
_Version = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Versionizing:
    """``Versionizer(app=app, ...).versionize()``: the app's object, the ``Versionizer``
    call, and where it is made (routes added after it there keep their own paths)."""

    app: str
    call: Value
    file: str
    line: int


def versionized(
    routes: list[Route], versionizing: Versionizing, app: Value | None, evaluator: Evaluator
) -> list[Route] | None:
    """``routes`` with the app's own served as the library serves them: for each version an
    endpoint starts in (``@api_version(2)``, else ``default_version``), in order, each route
    of that version or an earlier one at its method and path, but those ``remove_in_major``
    ends, under ``prefix_format``, with that version's docs; the last version's under
    ``latest_prefix`` too. None when an option or a version is not a literal."""
    options = _options(versionizing.call, evaluator)
    urls = _app_urls(app, evaluator)
    if options is None or urls is None or options["callback"] is not None:
        return None
    default = options["default_version"]
    assert isinstance(default, tuple)
    starts: dict[_Version, list[Route]] = {}
    ends: dict[_Version, list[Route]] = {}
    kept, others = [], []
    for route in routes:
        if route.app != versionizing.app:
            others.append(route)
        elif added_after(route, versionizing.file, versionizing.line):
            kept.append(route)  # to the list the app holds once the library stripped it
        else:
            marks = _marks(route.endpoint, evaluator)
            if marks is None:
                return None
            start, end = marks
            starts.setdefault(start or default, []).append(route)
            if end is not None:
                ends.setdefault(end, []).append(route)
    served: list[Route] = []
    current: dict[tuple[str, str], Route] = {}
    versions = sorted(starts)
    for version in versions:
        current.update(((r.path, r.method), r) for r in starts[version])
        for route in ends.get(version, ()):  # an end no route starts in ends nothing
            current.pop((route.path, route.method), None)
        prefix = _prefix(str(options["prefix_format"]), version)
        if prefix is None:
            return None
        served += _under(prefix, list(current.values()), options, urls, versionizing)
    latest = options["latest_prefix"]
    if latest is not None and versions:
        served += _under(str(latest), list(current.values()), options, urls, versionizing)
    if options["include_versions_route"]:
        versions_route = ("/versions", "_add_versions_route", "get_versions")
        served.append(_library_route(versionizing, *versions_route))
    return [*others, *kept, *served]


def _prefix(form: str, version: _Version) -> str | None:
    """``prefix_format`` of a version; None when the format asks for more than it gives."""
    try:
        return form.format(major=version[0], minor=version[1])
    except (KeyError, IndexError, ValueError):
        return None


def _under(
    prefix: str,
    routes: list[Route],
    options: dict[str, object],
    urls: dict[str, str | None],
    versionizing: Versionizing,
) -> list[Route]:
    """One version's router: its routes under ``prefix``, and the docs the options give it."""
    served = [moved(r, prefix) for r in routes]
    openapi = urls["openapi_url"]
    pages: list[tuple[str | None, str]] = []
    if options["include_version_openapi_route"] and openapi is not None:
        pages.append((openapi, "get_openapi"))
    if options["include_version_docs"] and openapi is not None:
        if urls["docs_url"] is not None:
            pages.append((urls["docs_url"], "get_docs"))
            pages.append((urls["swagger_ui_oauth2_redirect_url"], "get_oauth2_redirect"))
        pages.append((urls["redoc_url"], "get_redoc"))
    docs = [
        _library_route(versionizing, f"{prefix}{path}", "_add_version_docs", name)
        for path, name in pages
        if path
    ]
    return [*served, *docs]


def _library_route(versionizing: Versionizing, path: str, method: str, name: str) -> Route:
    endpoint = f"{_LIBRARY}.{method}.<locals>.{name}"
    return library_route(versionizing.app, path, endpoint, versionizing.file, versionizing.line)


def _options(call: Value, evaluator: Evaluator) -> dict[str, object] | None:
    """The call's options, each as given or defaulted; None when one given is not a
    literal."""
    given = dict(zip((name for name, _ in _PARAMETERS), call.items, strict=False))
    given.update(call.keywords)
    if "**" in given:
        return None
    options: dict[str, object] = {}
    for name, default in _PARAMETERS[1:]:  # all but the app
        value = given.get(name)
        if value is None:
            options[name] = default
        elif value.kind == "const" and value.text == "None":
            options[name] = None
        elif name in _TEXTS:
            text = evaluator.text(value)
            options[name] = None if text.unknown else text.value
        elif name == "default_version":
            options[name] = version_number(value.items) if value.kind == "list" else None
        else:  # a flag, or the callback as it is
            options[name] = _FLAGS.get(value.text) if name != "callback" else value
        if options[name] is None and value is not None and value.text != "None":
            return None
    return options


def _app_urls(app: Value | None, evaluator: Evaluator) -> dict[str, str | None] | None:
    """The app's docs and OpenAPI paths its ``FastAPI(...)`` call gives, else FastAPI's;
    None when one is not a literal."""
    urls: dict[str, str | None] = {}
    for name, default in _APP_URLS:
        value = app.keyword(name) if app is not None and app.kind == "call" else None
        if value is None:
            urls[name] = default
        elif value.kind == "const" and value.text == "None":
            urls[name] = None
        else:
            text = evaluator.text(value)
            if text.unknown:
                return None
            urls[name] = text.value
    return urls


def _marks(endpoint: str, evaluator: Evaluator) -> tuple[_Version | None, _Version | None] | None:
    """The version ``@api_version(major, minor)`` starts an endpoint in (None: the default)
    and the one ``remove_in_major`` ends it in; None when an argument is no literal."""
    fact = evaluator.resolver.symbols.get(endpoint)
    decorators = fact.decorators if fact is not None else ()
    marked = [d for d in decorators if evaluator.qualified(d.func) in API_VERSION_DECORATORS]
    if not marked or marked[0].kind != "call":
        return None, None
    given = dict(zip(_MARKS, marked[0].items, strict=False))
    given.update(marked[0].keywords)
    start = version_number(_pair(given, "major", "minor"))
    removed = given.get("remove_in_major")
    ends = removed is not None and removed.text != "None"
    end = version_number(_pair(given, "remove_in_major", "remove_in_minor")) if ends else None
    return None if start is None or (ends and end is None) else (start, end)


def _pair(given: dict[str, Value], major: str, minor: str) -> tuple[Value, ...]:
    return tuple(given[name] for name in (major, minor) if name in given)
