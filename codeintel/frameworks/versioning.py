"""fastapi-versioning's ``VersionedFastAPI``: the routes of an app remounted per version, by
the library or by a project's own copy of it."""

from __future__ import annotations

from dataclasses import dataclass

from codeintel.facts.models import Value
from codeintel.facts.routes import Route
from codeintel.resolve.evaluate import Evaluator
from codeintel.resolve.framework_names import VERSION_DECORATORS, VERSIONED_APPS

#: Where the library defines its function, whose handler of each version's ``/docs`` and
#: ``/openapi.json`` is its local ``noop``.
_LIBRARY = "fastapi_versioning.versioning.VersionedFastAPI"
#: The parameters that tell a project's copy of the function (fastapi-versioning is no
#: longer maintained, and projects keep their own).
_COPY_PARAMETERS = frozenset({"app", "version_format", "prefix_format"})


@dataclass(frozen=True, slots=True)
class Rebinding:
    """``app = VersionedFastAPI(app, ...)``: the app object, the call, and where it is;
    ``function`` is what the call runs, the library's or a copy of it."""

    app: str
    call: Value
    file: str
    line: int
    function: str = _LIBRARY
    #: ``app = VersionedFastAPI(base_app)``: the new name's key; the app keeps its routes
    bound_to: str | None = None


def versioning_function(called: str, evaluator: Evaluator) -> str | None:
    """The function a call of ``called`` remounts an app with: the library's, or a project
    function that is a copy of it (named so, with its parameters, doing what it does);
    None for anything else."""
    if called in VERSIONED_APPS:
        return _LIBRARY
    fact = evaluator.resolver.symbols.get(called)
    if fact is None or fact.kind != "function" or fact.name != "VersionedFastAPI":
        return None
    if not {p.name for p in fact.params} >= _COPY_PARAMETERS:
        return None
    return called if _copies_library(called, fact.qualname, evaluator) else None


def _copies_library(called: str, qualname: str, evaluator: Evaluator) -> bool:
    """Whether the function does what the library's does: mounts an app per version, read
    from what its module's ``version`` decorator sets (``_api_version``). A function that
    only shares the name and parameters (a wrapper of the library, one mounting the app
    elsewhere) is read as ordinary code."""
    resolver = evaluator.resolver
    module = resolver.modules.get(resolver.symbol_module.get(called, ""))
    if module is None:
        return False
    texts = [c.value.text for c in module.calls]
    texts += [a.value.text for a in module.assigns if a.value is not None]
    mounts = any(
        ".mount(" in c.value.text
        for c in module.calls
        if c.scope == qualname or c.scope.startswith(f"{qualname}.")
    )
    return mounts and any("_api_version" in text for text in texts)


def option(rebinding: Rebinding, name: str, evaluator: Evaluator) -> Value | None:
    """The option ``name`` as the call gives it, else as a copy's parameter defaults it;
    None when neither does (the library's default then holds)."""
    given = rebinding.call.keyword(name)
    fact = evaluator.resolver.symbols.get(rebinding.function)
    if given is not None or fact is None:
        return given
    return next((p.default for p in fact.params if p.name == name), None)


def versioned(
    routes: list[Route], rebinding: Rebinding, prefix_format: str, evaluator: Evaluator
) -> list[Route] | None:
    """``routes`` with the app's own remounted as the library does: for each version the
    endpoints carry (``@version(2)``, else ``default_version``), in order, a mount at
    ``prefix_format`` holding every route up to it, a later version's replacing an earlier
    one's at the same path and method, beside that version's ``docs`` and ``openapi.json``;
    ``enable_latest`` mounts the last set at ``/latest`` too. What the app is given after
    the rebinding is the new app's own. None when an option or a version is not a literal."""
    given = option(rebinding, "default_version", evaluator)
    default = _version(given) if given is not None else (1, 0)
    if default is None:
        return None
    latest = option(rebinding, "enable_latest", evaluator)
    if latest is not None and (latest.kind != "const" or latest.text not in ("True", "False")):
        return None
    before, after, others = [], [], []
    for route in routes:
        if route.app != rebinding.app:
            others.append(route)
        elif added_after(route, rebinding.file, rebinding.line):
            after.append(route)
        else:
            before.append(route)
    versions: dict[tuple[int, int], list[Route]] = {}
    decorators = _version_decorators(rebinding)
    for route in before:
        version = _endpoint_version(route.endpoint, default, decorators, evaluator)
        if version is None:
            return None
        versions.setdefault(version, []).append(route)
    served: list[Route] = []
    unique: dict[tuple[str, str], Route] = {}
    for major, minor in sorted(versions):
        prefix = prefix_format.format(major=major, minor=minor)
        unique.update(((r.path, r.method), r) for r in versions[(major, minor)])
        served += [moved(r, prefix) for r in unique.values()]
        served += [_noop(rebinding, f"{prefix}{page}") for page in ("/openapi.json", "/docs")]
    if latest is not None and latest.text == "True":
        served += [moved(r, "/latest") for r in unique.values()]
    if rebinding.bound_to is not None:  # a new app: the one it was made of serves as before
        new = rebinding.bound_to
        return [*routes, *(r.model_copy(update={"app": new, "router": new}) for r in served)]
    return [*others, *after, *served]


def added_after(route: Route, file: str, line: int) -> bool:
    """Whether ``route`` reaches the app by a statement after ``line`` of ``file`` (where a
    library rebuilds the app's routes): there the app holds what is added then."""
    entry = route.includes[0] if route.includes else f"{route.file}:{route.line}"
    at, _, number = entry.rpartition(":")
    return at == file and number.isdigit() and int(number) > line


def _version_decorators(rebinding: Rebinding) -> frozenset[str]:
    """The library's ``version`` decorator, and a copy's: the ``version`` of its module."""
    if rebinding.function == _LIBRARY:
        return VERSION_DECORATORS
    return VERSION_DECORATORS | {f"{rebinding.function.rpartition('.')[0]}.version"}


def _endpoint_version(
    endpoint: str, default: tuple[int, int], decorators: frozenset[str], evaluator: Evaluator
) -> tuple[int, int] | None:
    """The version ``@version(major, minor)`` gives an endpoint, else ``default``; None when
    its arguments are not literals."""
    fact = evaluator.resolver.symbols.get(endpoint)
    for decorator in fact.decorators if fact is not None else ():
        if decorator.kind == "call" and evaluator.qualified(decorator.func) in decorators:
            return None if decorator.keywords else _version(decorator)
    return default


def _version(value: Value | None) -> tuple[int, int] | None:
    """``(2, 1)``, ``version(2)``: a major and minor version, the minor 0 when not given."""
    if value is None or value.kind not in ("list", "call"):
        return None
    return version_number(value.items)


def version_number(parts: tuple[Value, ...]) -> tuple[int, int] | None:
    """``2, 1``: a major and minor version of literal numbers, the minor 0 when not given."""
    numbers = [part.text for part in parts]
    if not 1 <= len(numbers) <= 2 or not all(number.isdigit() for number in numbers):
        return None
    return int(numbers[0]), int(numbers[1]) if len(numbers) == 2 else 0


def moved(route: Route, prefix: str) -> Route:
    return route.model_copy(update={"path": f"{prefix}{route.path}"})


def library_route(app: str, path: str, endpoint: str, file: str, line: int) -> Route:
    """``GET path`` a library adds to ``app`` where its call is, handled by ``endpoint``."""
    return Route(
        method="GET", path=path, endpoint=endpoint, file=file, line=line, app=app, router=app
    )


def _noop(rebinding: Rebinding, path: str) -> Route:
    endpoint = f"{rebinding.function}.<locals>.noop"
    return library_route(rebinding.app, path, endpoint, rebinding.file, rebinding.line)
