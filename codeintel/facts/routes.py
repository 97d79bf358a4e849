"""FastAPI operations: a method on a full path, handled by an endpoint."""

from __future__ import annotations

from codeintel.facts.base import Frozen


class Route(Frozen):
    """One operation the app serves: a method on a full path, handled by an endpoint."""

    method: str
    path: str
    endpoint: str
    file: str
    line: int
    app: str | None  # the app object serving it; None for a router never included in an app
    router: str  # the app or router object the route was declared on
    response_model: str | None = None
    status_code: int | None = None
    tags: tuple[str, ...] = ()
    dependencies: tuple[str, ...] = ()  # direct: the app's, includes', router's, route's, params'
    all_dependencies: tuple[str, ...] = ()  # with providers' own, sub-dependencies first
    body: str | None = None
    includes: tuple[str, ...] = ()  # ``file:line`` of each include_router/mount, outermost first
    resolved: bool = True  # False when the path holds a placeholder
    #: The ``if`` tests (as written) the route's registration runs under, outermost first;
    #: an ``else`` branch's is ``not (test)``. Empty: registered whenever the app is built.
    conditions: tuple[str, ...] = ()
