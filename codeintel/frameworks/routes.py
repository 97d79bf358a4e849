"""FastAPI routes: apps and routers, include/mount chains, full paths, and Depends providers."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from codeintel.diagnostics import Diagnostic
from codeintel.facts.models import Param, SymbolFact, Value
from codeintel.facts.routes import Route
from codeintel.frameworks.depends import (
    argument,
    dependency_tree,
    list_providers,
    param_providers,
    solve_order,
)
from codeintel.pipeline.layout import is_test_path
from codeintel.resolve.evaluate import Evaluator, Text
from codeintel.resolve.framework_names import APP_CLASSES, BODY, MODEL_ROOTS, ROUTER_CLASSES

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
_ADDERS = {"add_api_route": ("GET",), "add_api_websocket_route": ("WEBSOCKET",)}
_MAX_DEPTH = 32  # include chains deeper than this are cycles


@dataclass
class _Object:
    key: str
    kind: str  # "app" | "router"
    file: str
    line: int
    prefix: Text = field(default_factory=lambda: Text(""))
    dependencies: list[str] = field(default_factory=list)
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Declared:
    methods: tuple[str, ...]
    path: Text
    endpoint: str
    file: str
    line: int
    options: Value | None  # the decorator or add_api_route call, for its keywords


@dataclass(frozen=True)
class _Edge:
    child: str
    prefix: Text
    dependencies: tuple[str, ...]
    tags: tuple[str, ...]
    site: str


def extract_routes(
    evaluator: Evaluator,
) -> tuple[list[Route], dict[str, tuple[str, ...]], list[Diagnostic]]:
    """Every route reachable from each app (and from routers no app includes), and every
    provider the routes reach -> the providers it asks for itself."""
    builder = _Builder(evaluator)
    builder.collect()
    return builder.routes(), builder.providers, sorted(builder.diagnostics)


class _Builder:
    def __init__(self, evaluator: Evaluator) -> None:
        self.ev = evaluator
        self.resolver = evaluator.resolver
        self.objects: dict[str, _Object] = {}
        self.declared: dict[str, list[_Declared]] = defaultdict(list)
        self.edges: dict[str, list[_Edge]] = defaultdict(list)
        self.diagnostics: list[Diagnostic] = []
        self.providers: dict[str, tuple[str, ...]] = {}  # provider -> the providers it asks for

    # -- collecting -----------------------------------------------------------------------

    def collect(self) -> None:
        for module in sorted(self.resolver.modules):
            self._collect_objects(module)
        for module in sorted(self.resolver.modules):
            facts = self.resolver.modules[module]
            if is_test_path(facts.file):
                continue  # routes a test adds to an app exist only while that test runs
            for sym in facts.symbols:
                for decorator in sym.decorators:
                    self._decorator(module, facts.file, sym, decorator)
            for call in facts.calls:
                if call.role == "call":
                    self._statement(facts.file, call.value, call.line)

    def _collect_objects(self, module: str) -> None:
        facts = self.resolver.modules[module]
        for assign in facts.assigns:
            cls = self.ev.called_class(assign.value)
            if self.ev.is_subclass(cls, APP_CLASSES):
                kind = "app"
            elif self.ev.is_subclass(cls, ROUTER_CLASSES):
                kind = "router"
            else:
                continue
            assert assign.value is not None
            key = self.ev.variable(self.ev.key(module, assign.scope, assign.name))
            if key is None or key in self.objects:
                continue
            self.objects[key] = self._object(key, kind, facts.file, assign.line, assign.value)

    def _object(self, key: str, kind: str, file: str, line: int, call: Value) -> _Object:
        obj = _Object(key, kind, file, line)
        if kind == "router":
            obj.prefix = self._text(call.keyword("prefix"), file, line)
            obj.tags = self.ev.strings(call.keyword("tags"))
        obj.dependencies = list_providers(call.keyword("dependencies"), self.ev)
        return obj

    def _owner(self, func: Value | None) -> tuple[_Object | None, str]:
        """For ``x.method`` the object ``x`` holds (if it is an app or router) and ``method``."""
        if func is None or func.kind != "name" or func.ref is None or "." not in func.ref:
            return None, ""
        holder, _, method = func.ref.rpartition(".")
        key = self.ev.object_key(holder)
        return (self.objects.get(key) if key else None), method

    def _decorator(self, module: str, file: str, sym: SymbolFact, decorator: Value) -> None:
        if decorator.kind != "call":
            return
        obj, method = self._owner(decorator.func)
        if obj is None or method not in _VERBS:
            return
        endpoint = f"{module}.{sym.qualname}"
        line = sym.decorator_lines[sym.decorators.index(decorator)]
        self._declare(obj, method, decorator, endpoint, file, line)

    def _statement(self, file: str, call: Value, line: int) -> None:
        if call.func is not None and call.func.kind == "call":  # router.post("/x")(handler)
            obj, method = self._owner(call.func.func)
            endpoint = self.ev.qualified(call.items[0]) if call.items else None
            if obj is not None and method in _VERBS and endpoint is not None:
                self._declare(obj, method, call.func, endpoint, file, line)
            return
        obj, method = self._owner(call.func)
        if obj is None:
            return
        if method in _ADDERS:
            endpoint_value = call.keyword("endpoint") or (
                call.items[1] if len(call.items) > 1 else None
            )
            endpoint = self.ev.qualified(endpoint_value)
            if endpoint is not None:
                methods = self._methods(call, _ADDERS[method])
                path = self._path(call, file, line)
                self.declared[obj.key].append(_Declared(methods, path, endpoint, file, line, call))
        elif method in ("include_router", "mount"):
            self._edge(obj, method, call, file, line)

    def _declare(
        self, obj: _Object, method: str, call: Value, endpoint: str, file: str, line: int
    ) -> None:
        methods = self._methods(call, _VERBS[method]) if method == "api_route" else _VERBS[method]
        path = self._path(call, file, line)
        self.declared[obj.key].append(_Declared(methods, path, endpoint, file, line, call))

    def _methods(self, call: Value, default: tuple[str, ...]) -> tuple[str, ...]:
        methods = self.ev.strings(call.keyword("methods"))
        return tuple(m.upper() for m in methods) if methods else default

    def _path(self, call: Value, file: str, line: int) -> Text:
        return self._text(
            call.keyword("path") or (call.items[0] if call.items else None), file, line
        )

    def _edge(self, obj: _Object, method: str, call: Value, file: str, line: int) -> None:
        if method == "mount":
            child_value = call.keyword("app") or (call.items[1] if len(call.items) > 1 else None)
            prefix = self._path(call, file, line)
            deps: tuple[str, ...] = ()
            tags: tuple[str, ...] = ()
        else:
            child_value = call.keyword("router") or (call.items[0] if call.items else None)
            prefix = self._text(call.keyword("prefix"), file, line)
            deps = tuple(list_providers(call.keyword("dependencies"), self.ev))
            tags = self.ev.strings(call.keyword("tags"))
        children = self._objects_named(child_value)
        if not children:
            # Mounting static files or a non-FastAPI app is common and has no routes for us.
            if method == "include_router":
                text = child_value.text if child_value else "(nothing)"
                self.diagnostics.append(
                    Diagnostic("CI202", file, line, f"cannot tell which router {text} is")
                )
            return
        for child in children:
            self.edges[obj.key].append(_Edge(child, prefix, deps, tags, f"{file}:{line}"))

    def _objects_named(self, value: Value | None) -> list[str]:
        """The app or router objects ``value`` names; a factory's parameter
        (``def create_application(router): app.include_router(router)``) names what the
        module-level calls of the factory pass for it."""
        if value is None or value.ref is None:
            return []
        key = self.ev.object_key(value.ref)
        if key in self.objects:
            return [key]
        factory, marker, name = value.ref.partition(".<locals>.")
        fact = self.resolver.symbols.get(factory)
        if not marker or fact is None or name not in {p.name for p in fact.params}:
            return []
        found = []
        for _, call in self._module_calls(factory):
            found.extend(self._objects_named(argument(name, fact, call)))
        return sorted(set(found))

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

    def _text(self, value: Value | None, file: str, line: int) -> Text:
        text = self.ev.text(value)
        for unknown in text.unknown:
            self.diagnostics.append(
                Diagnostic("CI201", file, line, f"path part {unknown} is not known statically")
            )
        return text

    # -- walking --------------------------------------------------------------------------

    def routes(self) -> list[Route]:
        children = {e.child for edges in self.edges.values() for e in edges}
        roots = [o for o in self.objects.values() if o.kind == "app" and o.key not in children]
        orphans = [o for o in self.objects.values() if o.kind == "router" and o.key not in children]
        found: list[Route] = []
        for root in sorted(roots, key=lambda o: o.key):
            served = self._served_as(root.key)
            self._walk(root, served, Text(""), list(root.dependencies), (), (), found, 0)
        for orphan in sorted(orphans, key=lambda o: o.key):
            deps = list(orphan.dependencies)
            self._walk(orphan, None, orphan.prefix, deps, orphan.tags, (), found, 0)
        return sorted(found, key=lambda r: (r.path, r.method, r.endpoint, r.app or ""))

    def _served_as(self, key: str) -> str:
        """A factory's local app is served as the module-level name bound to the factory's
        result (``app = create_app()``): what ``uvicorn module:app`` imports."""
        factory, local_marker, local = key.partition(".<locals>.")
        fact = self.resolver.symbols.get(factory)
        if not local_marker or fact is None or all(v.text != local for v in fact.returned):
            return key
        calls = self._module_calls(factory)
        return calls[0][0] if calls else key

    def _walk(
        self,
        obj: _Object,
        app: str | None,
        prefix: Text,
        deps: list[str],
        tags: tuple[str, ...],
        sites: tuple[str, ...],
        found: list[Route],
        depth: int,
    ) -> None:
        if depth > _MAX_DEPTH:
            return
        for declared in self.declared.get(obj.key, ()):
            found.extend(self._routes(obj, declared, app, prefix, deps, tags, sites))
        for edge in self.edges.get(obj.key, ()):
            child = self.objects[edge.child]
            child_prefix = _join(
                prefix, edge.prefix, child.prefix if child.kind == "router" else Text("")
            )
            child_deps = [*deps, *edge.dependencies, *child.dependencies]
            child_tags = (*tags, *edge.tags, *child.tags)
            self._walk(
                child,
                app,
                child_prefix,
                child_deps,
                child_tags,
                (*sites, edge.site),
                found,
                depth + 1,
            )

    def _routes(
        self,
        obj: _Object,
        declared: _Declared,
        app: str | None,
        prefix: Text,
        deps: list[str],
        tags: tuple[str, ...],
        sites: tuple[str, ...],
    ) -> list[Route]:
        options = declared.options
        own_deps = list_providers(options.keyword("dependencies"), self.ev) if options else []
        endpoint = self.resolver.symbols.get(declared.endpoint)
        params = endpoint.params if endpoint is not None else ()
        path = _join(prefix, declared.path)
        response_model = options.keyword("response_model") if options else None
        status = options.keyword("status_code") if options else None
        route_tags = self.ev.strings(options.keyword("tags")) if options else ()
        direct = _unique((*deps, *own_deps, *param_providers(params, self.ev)))
        route = Route(
            method=declared.methods[0],
            path=path.value,
            endpoint=declared.endpoint,
            file=declared.file,
            line=declared.line,
            app=app,
            router=obj.key,
            response_model=self._model_name(response_model),
            status_code=self.ev.status_code(status),
            tags=_unique((*tags, *route_tags)),
            dependencies=direct,
            all_dependencies=solve_order(direct, self._dependency_tree(direct)),
            body=self._body(params),
            includes=sites,
            resolved=not path.unknown,
        )
        return [route.model_copy(update={"method": m}) for m in declared.methods]

    def _dependency_tree(self, direct: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
        missing = [p for p in direct if p not in self.providers]
        self.providers.update(dependency_tree(missing, self.ev))
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


def _join(*parts: Text) -> Text:
    return Text("".join(p.value for p in parts), tuple(u for p in parts for u in p.unknown))


def _unique(items: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))
