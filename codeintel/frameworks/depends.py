"""FastAPI dependency injection: which providers a parameter list or ``dependencies=`` asks for."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from weakref import WeakKeyDictionary

from codeintel.diagnostics import Diagnostic
from codeintel.facts.ids import id_kind
from codeintel.facts.models import CallFact, Guard, ModuleFacts, Param, SymbolFact, Value
from codeintel.facts.routes import Route
from codeintel.pipeline.layout import is_test_path
from codeintel.resolve.evaluate import (
    MUTATORS,
    Evaluator,
    argument,
    calls_within,
    chosen,
    container_root,
    placeholder,
    with_parts,
)
from codeintel.resolve.framework_names import (
    ANNOTATED,
    AUTH_BACKENDS,
    CLASS_BASED_VIEWS,
    DATACLASS_FIELD,
    DATACLASSES,
    DEFINED_IN,
    DEPENDS,
    FASTAPI_USERS,
    INJECTION_MARKERS,
    LIBRARY_DEPENDS,
    PAGE_CONTEXT,
    PAGE_PARAMS,
    PAGINATION_CONTEXTS,
    PARAMETER_MARKERS,
    PARTIAL,
    SIGNATURE_REPLACERS,
    TRANSPORT_SCHEMES,
    USER_CLOSURES,
)

_MAX_HOPS = 8
_CALLABLE = frozenset({"function", "method", "class"})
_WRAPS = "functools.wraps"
_UPDATE_WRAPPER = "functools.update_wrapper"


def param_providers(params: tuple[Param, ...], evaluator: Evaluator) -> list[str]:
    """Providers named by ``Depends``/``Security`` in defaults or ``Annotated`` metadata,
    including aliases such as ``SessionDep = Annotated[Session, Depends(get_db)]``."""
    found: list[str] = []
    for param in params:
        default = _depends_held(param.default, evaluator)
        if default is not None:
            found.extend(_provider(default, param.annotation, evaluator))
        elif not _unevaluable(param.annotation, evaluator):
            found.extend(_annotated(param.annotation, evaluator))
    return found


def closure_arguments(
    params: tuple[Param, ...], listed: tuple[Value, ...], evaluator: Evaluator
) -> dict[str, Value]:
    """``Depends(require(get_user))``, with ``require(dep)`` returning a closure that asks for
    ``Depends(dep)``: each call's closure asks for what that call passes, though FastAPI
    names them all alike. Each factory parameter (``module.require.<locals>.dep``) -> what
    the call passes, for the ``Depends`` of ``params`` and of a ``dependencies`` list."""
    bound: dict[str, Value] = {}
    held = [_param_depends(p, evaluator) for p in params]
    for written, depends in (*held, *((i, _depends_held(i, evaluator)) for i in listed)):
        target = depends.keyword("dependency") if depends is not None else None
        target = target or (depends.items[0] if depends is not None and depends.items else None)
        made = _making_call(target, evaluator) if target is not None else None
        if made is None and written is not None and written.kind == "call":
            # ``default_param(get_org)`` returning ``Depends(check)``: the call made it
            called = (
                None if _is_depends(written, evaluator) else _function_called(written, evaluator)
            )
            made = (*called, written) if called is not None else None
        for _ in range(_MAX_HOPS):  # a closure's factory may be another's closure in turn
            if made is None:
                break
            factory, fact, call = made
            for param in fact.params:
                given = argument(param.name, fact, call)
                if given is not None:
                    bound.setdefault(f"{factory}.<locals>.{param.name}", given)
            outer = call.func if ".<locals>." in factory and call.func is not None else None
            made = _making_call(outer, evaluator) if outer is not None else None
    return bound


def _param_depends(param: Param, evaluator: Evaluator) -> tuple[Value | None, Value | None]:
    """A parameter's default as written, and the ``Depends`` call it (or else its
    ``Annotated`` metadata) holds."""
    held = _depends_held(param.default, evaluator)
    if held is not None:
        return param.default, held
    return None, _annotated_depends(param.annotation, evaluator, 0)[0]


def _making_call(target: Value, evaluator: Evaluator) -> tuple[str, SymbolFact, Value] | None:
    """The factory call whose closure ``target`` is: the call itself, the call a variable is
    bound to once (``require_api_key = make_key_dep(get_store)``), or the construction of
    the instance whose ``__init__`` set the attribute to a closure (``auth.require``, with
    ``auth = Auth(get_store)``); the factory, its facts (an ``__init__`` without ``self``)
    and the call."""
    key = evaluator.variable(target.ref) if target.kind == "name" else None
    held = evaluator.binding(key) if key else target
    if held is not None and held.kind == "call":
        called = _function_called(held, evaluator)
        return (*called, held) if called is not None else None
    if held is not None and held.kind == "name" and (made := _record_made(held, evaluator)):
        return made
    construction = _held_construction(target.ref, evaluator) if key else None
    cls = evaluator.called_class(construction) if construction is not None else None
    init = evaluator.resolver.symbols.get(f"{cls}.__init__")
    closure = held.ref if held is not None and held.kind == "name" else None
    if construction is None or init is None or not (key or "").startswith(f"{cls}."):
        return None
    if closure not in evaluator.resolver.symbols or not closure.startswith(f"{cls}.__init__."):
        return None
    return f"{cls}.__init__", replace(init, params=init.params[1:]), construction


def _record_made(field: Value, evaluator: Evaluator) -> tuple[str, SymbolFact, Value] | None:
    """For ``_deps.require_api_key``, with ``_deps = build_auth(get_store)`` returning a
    record of its closures: the factory, its facts and that call."""
    closure = evaluator.record_field(field.ref)
    holder = evaluator.variable((field.ref or "").rpartition(".")[0])
    call = evaluator.binding(holder) if holder else None
    called = _function_called(call, evaluator) if call is not None and call.kind == "call" else None
    if closure is None or call is None or called is None:
        return None
    if not (closure.ref or "").startswith(f"{called[0]}.<locals>."):
        return None
    return (*called, call)


def _unevaluable(annotation: Value | None, evaluator: Evaluator) -> bool:
    """``db: Annotated[Session, Depends(get_db)]`` under ``from __future__ import
    annotations``, with ``Session`` imported only under ``if TYPE_CHECKING:`` (as ruff's TC
    rules move it): FastAPI evaluates the annotation's text in the module's globals, fails,
    and keeps it unevaluated, so the parameter is a query parameter and its ``Depends`` is
    never solved (80 of a template's 199 routes)."""
    names = [v for v in _names_within(annotation) if (v.ref or "").endswith(f".{v.text}")]
    if not names:
        return False
    module = (names[0].ref or "").removesuffix(f".{names[0].text}")
    facts = evaluator.resolver.modules.get(module)
    if facts is None or not any(i.target == _POSTPONED for i in facts.imports):
        return False
    return any(_bound_while_type_checking(v.text.partition(".")[0], facts) for v in names)


_POSTPONED = "__future__.annotations"


def _names_within(value: Value | None) -> list[Value]:
    if value is None:
        return []
    if value.kind == "name":
        return [value]
    inner = (value.func, *value.items, *(v for _, v in value.keywords))
    return [name for v in inner for name in _names_within(v)]


def _bound_while_type_checking(name: str, facts: ModuleFacts) -> bool:
    """Whether a module binds ``name`` only by imports under ``if TYPE_CHECKING:`` (a star
    import may bind it at run time)."""
    imports = [i for i in facts.imports if i.bound == name and not i.scope]
    if not imports or not all(i.type_checking for i in imports):
        return False
    if any(i.star and not i.type_checking for i in facts.imports):
        return False
    assigned = any(a.name == name and not a.scope for a in facts.assigns)
    return not assigned and not any(s.qualname == name for s in facts.symbols)


def list_providers(
    value: Value | None, evaluator: Evaluator, at: tuple[str, int] | None = None
) -> list[str]:
    """Providers in a ``dependencies=[Depends(a), Security(b)]`` list, or in the list a
    variable holds. FastAPI takes nothing else there, so what cannot be read (a parameter of
    a router factory, an item that is no ``Depends``) is kept as written, for
    ``dependency_diagnostics`` to report, never dropped."""
    if value is not None and value.kind == "name":
        key = evaluator.variable(value.ref)
        bound = evaluator.binding(key, at) if key else None
        added = _appended(key, evaluator, at) if key and bound and bound.kind == "list" else ()
        if bound is not None and added is None:
            return [placeholder(value.text)]  # built up at run time (infinity's API key check)
        if bound is not None and bound.kind == "list":
            bound = replace(bound, items=(*bound.items, *(added or ())))
        value = bound or value
    if value is None or (value.kind == "const" and value.text == "None"):
        return []
    if value.kind == "ifexp" and len(value.items) == 3:  # ``[Depends(auth)] if AUTH else []``
        picked = evaluator.branch(value)
        if picked is not None:
            return list_providers(picked, evaluator, at)
    if value.kind == "or" and len(value.items) == 2:  # ``dependencies or []``
        first = value.items[0]
        falsy = first.kind == "const" and first.text in ("None", "False")
        if falsy or (first.kind == "list" and not first.items):
            return list_providers(value.items[1], evaluator, at)
        if first.kind == "list":
            return list_providers(first, evaluator, at)
    if value.kind == "add" and len(value.items) == 2:  # ``deps += [Depends(rate)]``
        return [p for part in value.items for p in list_providers(part, evaluator, at)]
    if value.kind == "call":
        chosen = _returned_list(value, evaluator) or _returned_branch(value, evaluator)
        if chosen is not None and chosen.kind == "name":  # ``return ADMIN_DEPS if admin ...``
            return list_providers(chosen, evaluator, at)
        value = chosen or value
    if value.kind == "subscript":  # ``ROUTER_DEPENDENCIES["items"]`` of a dict literal
        held = _table_item(value, evaluator)
        if held is not None:
            return list_providers(held, evaluator, at)
    if value.kind != "list":
        return [placeholder(value.text)]
    found: list[str] = []
    for item in value.items:
        if item.kind == "star":  # ``dependencies=[*COMMON, Depends(auth)]``
            found.extend(list_providers(item.items[0], evaluator))
            continue
        depends = _depends_held(item, evaluator)
        found.extend(_provider(depends, None, evaluator) if depends else [placeholder(item.text)])
    return found


def _table_item(value: Value, evaluator: Evaluator) -> Value | None:
    """What ``TABLE["key"]`` holds, of a dict or list literal bound to a name that nothing
    changes in place."""
    table = evaluator.variable(container_root(value))
    changed = table is None or evaluator.changed_in_place(table)
    return evaluator.looked_up(value) if not changed else None


def _appended(
    key: str, evaluator: Evaluator, at: tuple[str, int] | None
) -> tuple[Value, ...] | None:
    """What ``deps.append(Depends(check))`` calls add to the list ``key`` holds, each run
    wherever the list is made, or under an ``if`` that reads only its module's names, which
    its constants decide; None when it changes any other way (under another ``if``, in a
    loop, by another method), which only the run decides. Read where it is used, ``at`` a
    file and line: FastAPI copies the list there, so what its module adds later is not in
    it."""
    module = evaluator.module_of(key)
    if not module:
        return ()
    scope = key.removeprefix(f"{module}.").rpartition(".")[0].removesuffix(".<locals>")
    appends = list_appends(key, evaluator, at)
    if appends is None:
        return None
    added: list[Value] = []
    for call in appends:
        if call.guards:  # ``if AUTH_ENABLED: deps.append(...)``: its module's constants tell
            globals_only = not scope or _reads_globals(module, scope, call.guards, evaluator)
            runs = evaluator.module_tests_hold(module, call.guards) if globals_only else None
            if runs is None:
                return None
            if not runs:
                continue
        added.append(call.value.items[0])
    return tuple(added)


def list_appends(
    key: str, evaluator: Evaluator, at: tuple[str, int] | None = None
) -> list[CallFact] | None:
    """The ``key.append(item)`` calls of the list variable ``key`` in its own scope (before
    ``at``, a file and line, in its module), in order; None when it is changed any other
    way (another method, a nested scope), which only the run decides."""
    module = evaluator.module_of(key)
    facts = evaluator.resolver.modules.get(module) if module else None
    if facts is None or module is None:
        return []
    scope = key.removeprefix(f"{module}.").rpartition(".")[0].removesuffix(".<locals>")
    found: list[CallFact] = []
    for call in facts.calls:
        func = call.value.func
        held, _, method = (func.ref or "").rpartition(".") if func is not None else ("", "", "")
        if call.role != "call" or held != key or method not in MUTATORS:
            continue
        if at is not None and at[0] == facts.file and call.line > at[1]:
            continue  # after the list was handed over
        if method != "append" or call.scope != scope or len(call.value.items) != 1:
            return None
        found.append(call)
    return found


def _reads_globals(
    module: str, scope: str, guards: tuple[Guard, ...], evaluator: Evaluator
) -> bool:
    """Whether the ``if`` tests in function ``scope`` read no parameter or local of it
    (OpenHands' ``if _SESSION_API_KEY:`` in ``get_dependencies()``): the module's names,
    which its constants decide for every call alike."""
    fact = evaluator.resolver.symbols.get(f"{module}.{scope}")
    params = {p.name for p in fact.params} if fact is not None else set()
    names = {n for g in guards for n in _IDENTIFIER.findall(g.text)}
    local = f"{module}.{scope}.<locals>."
    return fact is not None and not any(
        n in params or f"{local}{n}" in evaluator.assigns for n in names
    )


_IDENTIFIER = re.compile(r"[A-Za-z_]\w*")


def _returned_list(call: Value, evaluator: Evaluator) -> Value | None:
    """The list literal every ``return`` of the called project function gives
    (``dependencies=get_dependencies()``); None when one builds it up (``result.append(...)``
    under an ``if``: what it holds depends on the run) or returns anything else."""
    called = _function_called(call, evaluator)
    returned = set(called[1].returned) if called else set()
    only = returned.pop() if len(returned) == 1 else None
    if only is not None and only.kind == "name" and called is not None:
        only = _local_list(only, called[0], evaluator)
    if only is not None and only.kind == "comp" and called is not None:
        only = _mapped_arguments(only, *called, call)
    return only if only is not None and only.kind == "list" else None


def _returned_branch(call: Value, evaluator: Evaluator) -> Value | None:
    """The list, or list variable, a project function returns to ``call`` when its
    ``return`` picks one by a test its arguments or the module's constants decide
    (``return [Depends(auth), Depends(admin)] if is_admin else [Depends(auth)]`` called
    ``deps(is_admin=True)``); None when the test is not known."""
    called = _function_called(call, evaluator)
    returned = evaluator.returned_for(call, called[0]) if called is not None else None
    if returned is None or returned.kind not in ("list", "name"):
        return None
    # a local the function builds up (``result.append(...)`` under an ``if``) is the run's
    return None if ".<locals>." in (returned.ref or "") else returned


def _mapped_arguments(comp: Value, function: str, fact: SymbolFact, call: Value) -> Value | None:
    """``[Depends(x) for x in args]`` over the ``*args`` of the called function (a helper
    turning providers into a ``dependencies`` list): one item per argument the call passes;
    None for any other comprehension, or a call spreading its own arguments."""
    if len(comp.items) != 3 or comp.items[1].kind != "name" or comp.items[2].kind != "name":
        return None
    element, target, iterable = comp.items
    star = next((p.name for p in fact.params if p.kind == "star"), None)
    if star is None or iterable.ref != f"{function}.<locals>.{star}":
        return None
    taken = sum(p.kind == "positional" for p in fact.params)
    passed = call.items[taken:]
    if any(item.kind == "star" for item in call.items):
        return None

    def bound(value: Value, given: Value) -> Value:
        return (
            given
            if value.kind == "name" and value.ref == target.ref
            else with_parts(value, lambda part: bound(part, given))
        )

    return Value("list", comp.text, items=tuple(bound(element, given) for given in passed))


def _local_list(name: Value, function: str, evaluator: Evaluator) -> Value | None:
    """``depends = [Depends(a)]; depends.append(Depends(b)); return depends`` (tabbyAPI's
    global dependencies): the list the local holds, with what every run appends to it."""
    key = evaluator.variable(name.ref)
    if key is None or not key.startswith(f"{function}.<locals>."):
        return None
    bound = evaluator.binding(key)
    if bound is None or bound.kind != "list":
        return None
    added = _appended(key, evaluator, None)
    return None if added is None else replace(bound, items=(*bound.items, *added))


def _depends_held(value: Value | None, evaluator: Evaluator) -> Value | None:
    """A ``Depends(...)`` call, written in place, held by a module variable (litellm's
    ``_auth_dep: Final = Depends(user_api_key_auth)`` used as a default), or returned by a
    project function called in place (cheshire-cat's ``user=_get_user(role="admin")``)."""
    value = _uncast(value, evaluator)
    for _ in range(_MAX_HOPS):  # ``ADMIN = Perm.ADMIN.as_security``: through each name
        if value is None or value.kind != "name":
            break
        key = evaluator.variable(value.ref)
        held = _default_held(key, evaluator) if key else None
        value = _uncast(held if held is not None else _property_read(value, evaluator), evaluator)
    if value is not None and value.kind == "subscript":  # ``user = DEPS["get"]`` (bitcart)
        value = evaluator.subscripted(value)
    if value is not None and value.kind == "ifexp" and len(value.items) == 3:
        value = _either_depends(value, evaluator)
    if value is not None and value.kind == "call" and not _is_depends(value, evaluator):
        value = _subclass_depends(value, evaluator) or _returned_depends(value, evaluator)
    return value if _is_depends(value, evaluator) else None


_DEPENDS_CALL = Value("name", "Depends", ref="fastapi.Depends")


def _subclass_depends(call: Value, evaluator: Evaluator) -> Value | None:
    """``ScopeAuthSecurity("read")`` of a project subclass of ``params.Security``: FastAPI
    takes the instance as a ``Depends`` of what its ``__init__`` hands ``super().__init__``,
    bound to the call's arguments (with no ``__init__`` of the project's, of what the call
    passes); None for any other call. A dependency not handed up that way is a placeholder."""
    cls = evaluator.called_class(call)
    symbols = evaluator.resolver.symbols
    if cls is None or cls not in symbols or not evaluator.is_subclass(cls, DEPENDS):
        return None
    mro = evaluator.resolver.mro(cls)
    owner = next((c for c in mro if c in symbols and f"{c}.__init__" in symbols), None)
    if owner is None:
        return replace(call, func=_DEPENDS_CALL)
    init = symbols[f"{owner}.__init__"]
    module = evaluator.resolver.symbol_module[owner]
    scope = f"{owner}.__init__".removeprefix(f"{module}.")
    handed = [
        c.value
        for c in evaluator.resolver.modules[module].calls
        if c.scope == scope and c.value.func is not None and c.value.func.text == "super().__init__"
    ]
    target = handed[0].keyword("dependency") if len(handed) == 1 else None
    target = target or (handed[0].items[0] if len(handed) == 1 and handed[0].items else None)
    local = f"{owner}.__init__.<locals>."
    if target is not None and target.kind == "name" and (target.ref or "").startswith(local):
        bound = replace(call, items=(Value("name", "self"), *call.items))  # ``__init__(self, ...)``
        target = argument((target.ref or "").removeprefix(local), init, bound)
    # a dependency not handed up that way is FastAPI's still: unknown, kept as written
    target = target or Value("other", call.text)
    return Value("call", f"Depends({target.text})", func=_DEPENDS_CALL, items=(target,))


def _property_read(value: Value, evaluator: Evaluator) -> Value | None:
    """What ``Perm.ADMIN.as_security`` gives (Samurai's permissions): the one ``return`` of
    a ``@property`` of the class of an enum member or of an instance a module variable
    holds; None for anything else."""
    holder, _, attribute = (value.ref or "").rpartition(".")
    key = evaluator.variable(holder) if holder else None
    if key is None or ".<locals>." in key:
        return None
    cls = evaluator.enum_of(key) or evaluator.instance_class(evaluator.branch_binding(key))
    for base in evaluator.resolver.mro(cls) if cls else ():
        method = evaluator.resolver.symbols.get(f"{base}.{attribute}")
        if method is not None and method.kind == "method":
            properly = evaluator.is_property(method)
            return evaluator.property_returned(method, base) if properly else None
    return None


def _default_held(key: str, evaluator: Evaluator) -> Value | None:
    """What a module variable used as a default holds once its module has run: bound again
    (``user = Header()``, then ``user = Depends(current_user)``), the binding its module's
    ``if`` tests leave, when they tell and nothing reads it in between (a ``def`` there
    takes the value then); else its first."""
    return evaluator.branch_binding(key) or evaluator.binding(key)


def _either_depends(value: Value, evaluator: Evaluator) -> Value | None:
    """``Depends(write) if WRITE_PORT else Depends(read)``: the branch its test picks; when
    that is not known and both are ``Depends``, one whose provider the run decides (a
    placeholder, reported)."""
    picked = evaluator.branch(value)
    if picked is not None:
        return _uncast(picked, evaluator)
    branches = value.items[1:]
    if not all(_is_depends(_uncast(v, evaluator), evaluator) for v in branches):
        return None
    return replace(branches[0], items=(Value("other", value.text),), keywords=())


def _returned_depends(call: Value, evaluator: Evaluator, hops: int = 0) -> Value | None:
    """The one ``Depends(...)`` every return of the called project function gives, its
    ``a if flag else b`` chosen by the call's literal flag, or of its returns under ``if``
    tests the first whose tests hold, through a local bound to it (``dependency =
    Depends(_check)``, then ``return dependency``) or another such function's call
    (``return rate_limit(limit=limit)``); None for anything else."""
    called = _function_called(call, evaluator)
    if called is None or hops > _MAX_HOPS:
        return None
    factory, fact = called
    maker = _depends_maker(fact, evaluator)
    if maker is not None:  # what ``@depend`` made of the function is what the call runs
        factory, fact = maker[0], evaluator.resolver.symbols[maker[0]]
    returned = {_uncast(chosen(value, fact, call), evaluator) for value in fact.returned}
    if len(returned) > 1:  # ``if auth_enabled: return Depends(bearer)``: the one that runs
        picked = evaluator.returned_for(call, factory)
        if picked is None and all(_is_depends(v, evaluator) for v in fact.returned):
            # a dependency whichever runs: which one, the run decides (a CI204 then)
            return replace(fact.returned[0], items=(Value("other", call.text),), keywords=())
        returned = {picked}
    depends = returned.pop() if len(returned) == 1 else None
    if depends is not None and depends.kind == "name":
        depends = _uncast(_local_value(depends, factory, evaluator), evaluator)
    if depends is not None and depends.kind == "call" and not _is_depends(depends, evaluator):
        depends = _returned_depends(depends, evaluator, hops + 1)
    if depends is None or not _is_depends(depends, evaluator):
        return None
    if maker is not None:
        decorated = called[0]
        given = {maker[1]: Value("name", decorated.rpartition(".")[2], ref=decorated)}
        return with_parts(depends, lambda v: given.get(v.ref or "", v))
    return _passed(depends, factory, fact, call, evaluator)


def _depends_maker(fact: SymbolFact, evaluator: Evaluator) -> tuple[str, str] | None:
    """``@depend def current_user(...)`` with ``def depend(func): def wrapper(): return
    Depends(func); return wrapper`` (ACS's dependencies): calling the name calls
    ``wrapper``, in which ``func`` is the function decorated. The wrapper, and the
    decorator's parameter; None for any other function."""
    decorator = evaluator.qualified(fact.decorators[0]) if len(fact.decorators) == 1 else None
    made = evaluator.resolver.symbols.get(decorator) if decorator else None
    if made is None or made.kind != "function" or len(made.params) != 1:
        return None
    returned = made.returned[0] if len(made.returned) == 1 else None
    wrapper = (
        f"{decorator}.<locals>.{returned.text}" if returned and returned.kind == "name" else ""
    )
    wrapped = evaluator.resolver.symbols.get(wrapper)
    param = f"{decorator}.<locals>.{made.params[0].name}"
    if wrapped is None or wrapped.kind != "function" or len(wrapped.returned) != 1:
        return None
    depends = wrapped.returned[0]  # ``return Depends(func)``, not ``return func(*args)``
    target = depends.keyword("dependency") or (depends.items[0] if depends.items else None)
    if not _is_depends(depends, evaluator) or target is None or target.ref != param:
        return None
    return wrapper, param


def _local_value(name: Value, function: str, evaluator: Evaluator) -> Value | None:
    """What a local of ``function`` bound once, under no test, holds."""
    key = evaluator.variable(name.ref)
    only = evaluator.once(key) if key and key.startswith(f"{function}.<locals>.") else None
    return only.value if only is not None else None


def _uncast(value: Value | None, evaluator: Evaluator) -> Value | None:
    """``cast(params.Depends, Depends(_dep))``: the value ``typing.cast`` hands back as it is."""
    while value is not None and value.kind == "call" and len(value.items) == 2:
        if evaluator.qualified(value.func) not in _CASTS:
            break
        value = value.items[1]
    return value


_CASTS = frozenset({"typing.cast", "typing_extensions.cast"})


def _passed(
    depends: Value, factory: str, fact: SymbolFact, call: Value, evaluator: Evaluator
) -> Value:
    """``return Depends(fn)`` with ``fn`` a parameter the function never rebinds: what the
    call passes for it (``w=dep(get_db)`` depends on ``get_db``)."""
    named = depends.keyword("dependency")
    target = named or (depends.items[0] if depends.items else None)
    local = f"{factory}.<locals>."
    if target is None or target.kind != "name" or not (target.ref or "").startswith(local):
        return depends
    if target.ref in evaluator.assigns:  # ``fn = wrap(fn)`` first: what the local holds
        return depends
    given = argument((target.ref or "").removeprefix(local), fact, call)
    if given is None:
        return depends
    if named is not None:
        keywords = tuple((k, given if k == "dependency" else v) for k, v in depends.keywords)
        return replace(depends, keywords=keywords)
    return replace(depends, items=(given, *depends.items[1:]))


def _is_depends(value: Value | None, evaluator: Evaluator) -> bool:
    """``Depends(...)``, ``Security(...)``, or a library call that returns one."""
    called = evaluator.called_class(value) if value is not None else None
    return called in DEPENDS or called in LIBRARY_DEPENDS


def provider_of(target: Value, evaluator: Evaluator) -> str:
    """What FastAPI calls for ``Depends(target)``; unknown, a placeholder."""
    return _provider(Value("call", f"Depends({target.text})", items=(target,)), None, evaluator)[0]


def _provider(call: Value, annotation: Value | None, evaluator: Evaluator) -> list[str]:
    library = LIBRARY_DEPENDS.get(evaluator.called_class(call) or "")
    if library is not None:
        return [library]
    target = call.keyword("dependency") or (call.items[0] if call.items else None)
    if target is None:  # ``x: Pagination = Depends()`` depends on the annotated class
        target = annotation
    if target is None:
        return []
    if target.kind == "lambda" and target.ref:  # ``Depends(lambda: None)``, by its qualname
        return [target.ref]
    if target.kind == "subscript":  # ``Depends(PERMS["admin"])`` of a registry's literal
        target = _table_item(target, evaluator) or target
    if target.kind == "ifexp":  # ``Depends(get_admin if AUTH_ENABLED else get_db)``
        target = evaluator.branch(target) or target
    if target.kind == "call" and evaluator.qualified(target.func) in PAGINATION_CONTEXTS:
        # ``pagination_ctx(Page[int])``; given no page or params, it asks for another
        return [PAGE_CONTEXT] if target.items or target.keywords else [placeholder(target.text)]
    name = _current_user(target, evaluator) or _backend_strategy(target, evaluator)
    name = name or _inline_partial(target, evaluator) or _named(target, evaluator)
    name = name or _instance(target, evaluator)
    # polar's ``Depends(SortingGetter(...))``: a factory returning an instance it builds
    name = name or _returned_local(target, evaluator) or _built(target, evaluator)
    # OpenHands' ``Depends(get_global_config().httpx.depends)``: a method of a typed field
    name = name or (_called_method(target, evaluator) if target.kind == "getattr" else None)
    name = name or (_built_class_attribute(target, evaluator) if target.kind == "getattr" else None)
    # Unknown stays as written, a placeholder that ``dependency_diagnostics`` reports.
    return [_as_defined(name) if name else placeholder(target.text)]


def _built_class_attribute(target: Value, evaluator: Evaluator) -> str | None:
    """CoPilot's ``Depends(AuthHandler().security)``: the class attribute of the instance
    built in place (``security = OAuth2PasswordBearer(...)``), bound once, as the class
    itself names it."""
    cls = evaluator.instance_class(target.func) if target.func is not None else None
    key = evaluator.class_attribute(cls, target.items[0].text) if cls and target.items else None
    if key is None or len(evaluator.assigns[key]) != 1:
        return None
    return _named(Value("name", key, ref=key), evaluator)


def _as_defined(name: str) -> str:
    """``fastapi.security.HTTPBearer()`` as FastAPI names it, by the module defining it."""
    bare = name.removesuffix("()")
    return DEFINED_IN.get(bare, bare) + name[len(bare) :]


def _named(target: Value, evaluator: Evaluator, hops: int = 0) -> str | None:
    """A name, as FastAPI calls what it holds: a function or class itself; a variable holding
    a factory's closure is that closure, a class attribute holding an instance is
    ``Class()``, any other variable is the instance it holds; ``auth.get_current_user`` is
    the method of the instance's class (the bound method's ``__qualname__``); a field of an
    instance, what its constructor was passed for it."""
    name = evaluator.qualified(target)
    fact = evaluator.resolver.symbols.get(name) if name else None
    if name is not None and fact is not None and fact.kind == "method":
        return _method_named(fact, name, evaluator)  # ``self.checker`` in a method
    if name is None or (fact is not None and fact.kind in _CALLABLE):
        return name
    # ``Depends(USER.query)`` with ``USER = Resolver(query=_user_query)`` (litellm)
    passed = evaluator.record_field(target.ref)
    if passed is not None and passed.kind == "name" and passed.ref != target.ref and hops < 8:
        return _named(passed, evaluator, hops + 1)
    key = evaluator.variable(target.ref)
    if key is not None:
        held = _held(key, evaluator)
        if held is not None:
            return held
        # ``require_api_key = _deps.require_api_key``, a record's field: what that holds
        field = _record_alias(key, evaluator)
        if field is not None and hops < 8:
            return _named(field, evaluator, hops + 1)
        given = _init_parameter(key, evaluator)
        if given is None:
            method = _bound_method_held(key, evaluator)
            if method is not None:  # ``get_db = db_manager.get_db``
                return method
            unknown = _set_from_parameters(key, evaluator) or _unseen_alias(key, evaluator)
            return None if unknown else name
        # ``self.getter`` set from ``__init__(getter)``: what the instance's construction
        # passes (``backend.get_strategy`` of ``backend = Backend(get_strategy=f)``), else
        # the class's one construction's
        made = _held_construction(target.ref, evaluator)
        passed = _constructions_pass(key, given, evaluator, made)
        return _named(passed, evaluator, hops + 1) if passed is not None and hops < 8 else None
    return _bound_method(target.ref, evaluator) or name


def _record_alias(key: str, evaluator: Evaluator) -> Value | None:
    """The field a variable bound once to a record's field reads (``_deps.require_api_key``,
    with ``_deps = build_auth(...)`` returning ``AuthDeps(require_api_key=...)``); None for
    anything else."""
    written = evaluator.assigns.get(key, [])
    value = written[0].value if len(written) == 1 else None
    if value is None or value.kind != "name" or not value.ref or "." not in value.text:
        return None
    field = evaluator.record_field(value.ref)
    return field if field is not None and field.kind == "name" and field.ref else None


def _bound_method_held(key: str, evaluator: Evaluator) -> str | None:
    """The method a variable bound once holds, bound to an instance (``get_db =
    db_manager.get_db``): FastAPI names the method, as for ``Depends(db_manager.get_db)``."""
    written = evaluator.assigns.get(key, [])
    value = written[0].value if len(written) == 1 else None
    return (
        _bound_method(value.ref, evaluator) if value is not None and value.kind == "name" else None
    )


def _unseen_alias(key: str, evaluator: Evaluator) -> bool:
    """``User = _current_auth.User`` with ``_current_auth`` a module ``importlib`` picks:
    another name for what we cannot see. FastAPI names what it holds, not the variable."""
    value = evaluator.binding(key)
    if value is None or value.kind != "name" or not value.ref:
        return False
    target = evaluator.resolver.resolve(value.ref)
    return target is None or bool(target.remainder)


def _init_parameter(key: str, evaluator: Evaluator) -> str | None:
    """The ``__init__`` parameter a class attribute is set from, bound once
    (``self.user_principals_getter = user_principals_getter``); None for anything else."""
    cls = key.rpartition(".")[0]
    fact = evaluator.resolver.symbols.get(cls)
    written = evaluator.assigns.get(key) or []
    value = written[0].value if len(written) == 1 else None
    if fact is None or fact.kind != "class" or value is None or value.kind != "name":
        return None
    head, marker, param = (value.ref or "").partition(".__init__.<locals>.")
    return param if marker and head == cls and param.isidentifier() else None


def _set_from_parameters(key: str, evaluator: Evaluator) -> bool:
    """Whether a class attribute is set from a method's parameter somewhere: which
    function it holds is each instance's (a placeholder then, not the attribute's name)."""
    cls = key.rpartition(".")[0]
    fact = evaluator.resolver.symbols.get(cls)
    if fact is None or fact.kind != "class":
        return False
    return any(
        f.value is not None
        and f.value.kind == "name"
        and (f.value.ref or "").startswith(f"{cls}.")
        and ".<locals>." in (f.value.ref or "")
        for f in evaluator.assigns.get(key) or []
    )


def _held_construction(ref: str | None, evaluator: Evaluator) -> Value | None:
    """``Backend(...)`` for ``backend.get_strategy`` with ``backend`` bound once to it."""
    holder = (ref or "").rpartition(".")[0]
    once = evaluator.once(evaluator.variable(holder) if holder else None)
    return once.value if once is not None and once.value and once.value.kind == "call" else None


def _constructions_pass(
    key: str, param: str, evaluator: Evaluator, made: Value | None = None
) -> Value | None:
    """What the app's one construction of the class, bound to a variable, passes its
    ``__init__`` for ``param`` (or ``made``, the instance's own, when it builds the class);
    None when its code binds others, or none (a test's own constructions are not the
    app's)."""
    cls, _, attribute = key.rpartition(".")
    init = evaluator.resolver.symbols.get(f"{cls}.__init__")
    if init is None or f"{cls}.__init__.<locals>.{param}" in evaluator.assigns:
        return None  # ``getter = wrap(getter)`` first: not what the call passes
    if any(ref.endswith(f".{attribute}") for ref in evaluator.assigned_attributes()):
        return None  # ``Permissions.getter = other`` after it is built
    if _subclassed(cls, evaluator) or _built_by_functions(cls, evaluator):
        return None  # a subclass's or a factory's construction passes its own
    calls = [
        fact.value
        for module in evaluator.resolver.modules.values()
        if not is_test_path(module.file)
        for fact in module.assigns
        if fact.value is not None
        and fact.value.kind == "call"
        and evaluator.called_class(fact.value) == cls
    ]
    if made is not None and evaluator.called_class(made) == cls:
        calls = [made]
    if len(calls) != 1:
        return None
    return argument(param, replace(init, params=init.params[1:]), calls[0])


def _subclassed(cls: str, evaluator: Evaluator) -> bool:
    symbols = evaluator.resolver.symbols
    return any(
        fact.kind == "class" and name != cls and cls in evaluator.resolver.mro(name)
        for name, fact in symbols.items()
    )


def _built_by_functions(cls: str, evaluator: Evaluator) -> bool:
    """Whether a function or method returns a construction of ``cls`` (``return cls(...)``
    in one of its classmethods, ``return AccessControl(...)`` in a factory)."""
    for name, fact in evaluator.resolver.symbols.items():
        for value in fact.returned if fact.kind in ("function", "method") else ():
            if value.kind != "call" or value.func is None:
                continue
            own = name.startswith(f"{cls}.") and value.func.text == "cls"
            own = own and ".<locals>." not in (value.func.ref or "")  # not ``cls = Other``
            if own or evaluator.called_class(value) == cls:
                return True
    return False


def _held(key: str, evaluator: Evaluator) -> str | None:
    value = evaluator.binding(key)
    if (user := _current_user(_origin(value, evaluator), evaluator)) is not None:
        return user  # ``current_user = current_active_user`` too
    if value is not None and value.kind == "name" and ".<locals>." in key:
        return _aliased(value, evaluator)
    if (named := module_alias(key, evaluator)) is not None:
        return named
    closure = _returned_local(value, evaluator)
    if closure is not None:
        return closure
    scope = key.rpartition(".")[0]
    owner = evaluator.resolver.symbols.get(scope)
    # A class attribute or a function's local: no module variable names it at runtime
    if (owner is not None and owner.kind == "class") or scope.endswith(".<locals>"):
        return _instance(value, evaluator) or _made(value, evaluator)
    return None


def module_alias(key: str, evaluator: Evaluator) -> str | None:
    """``get_db = Database.get_session``, ``require_user = current_user`` with that one an
    alias too: the function or class a module variable bound once, under no test, holds,
    through other such variables. FastAPI is given, and names, the callable itself."""
    for _ in range(_MAX_ALIASES):
        written = evaluator.assigns.get(key, ())
        value = written[0].value if len(written) == 1 and not written[0].guards else None
        if value is None or value.kind != "name" or ".<locals>." in key:
            return None  # bound under a test, a ``try`` or twice: which one, the run says
        if _defined_too(key, evaluator):
            return None  # a ``def`` or ``class`` of the name binds it too
        name = evaluator.qualified(value)
        fact = evaluator.resolver.symbols.get(name) if name else None
        if fact is not None and fact.kind in _CALLABLE:
            return name
        key = evaluator.variable(value.ref) or ""
    return None


_MAX_ALIASES = 8


def _defined_too(key: str, evaluator: Evaluator) -> bool:
    """Whether a ``def`` or ``class`` statement of its module binds the variable's name."""
    module, _, name = key.rpartition(".")
    facts = evaluator.resolver.modules.get(module)
    symbols = (*facts.symbols, *facts.redefined) if facts is not None else ()
    return any(s.qualname == name and s.kind in _CALLABLE for s in symbols)


def _made(value: Value | None, evaluator: Evaluator) -> str | None:
    """``made = make_auth()`` with ``make_auth`` returning ``Authenticator()``: the instance
    of the project class it builds."""
    cls = evaluator.instance_class(value)
    fact = evaluator.resolver.symbols.get(cls) if cls else None
    return f"{cls}()" if fact is not None and fact.kind == "class" else None


def _built(call: Value, evaluator: Evaluator, hops: int = 0) -> str | None:
    """``Depends(SortingGetter(...))`` with ``SortingGetter`` returning ``_Getter(...)``:
    the instance, when every ``return`` builds one of the same class, the project's or a
    library's (an annotation may name only a base; ``Sub() if flag else Base()`` is the one
    a literal flag picks; of ``return``s under ``if`` tests, the first whose tests hold)."""
    called = _function_called(call, evaluator)
    if called is None or not called[1].returned:
        return None
    factory, fact = called
    returned = [chosen(value, fact, call) for value in fact.returned]  # by a literal flag
    picked = evaluator.returned_for(call, factory) if len(returned) > 1 else None
    returned = [picked] if picked is not None else returned
    names = {_built_by(value, (factory, fact), call, evaluator, hops) for value in returned}
    return names.pop() if len(names) == 1 else None


def _built_by(
    value: Value | None,
    factory: tuple[str, SymbolFact],
    call: Value,
    evaluator: Evaluator,
    hops: int,
) -> str | None:
    """The instance one ``return`` of ``factory`` (called by ``call``) gives: built in
    place, in a local it returns (``checker = RoleChecker(roles)``), or by another factory
    it calls (keep's ``get_auth_verifier`` -> ``_load_manager``)."""
    if value is not None and value.kind == "name":
        value = _local_construction(value, factory[0], evaluator)
    if value is None or value.kind != "call":
        return None
    if _function_called(value, evaluator) is not None:
        return _built(value, evaluator, hops + 1) if hops < _MAX_ALIASES else None
    cls = evaluator.on_receiver(value, factory[1], call)
    built = evaluator.resolver.symbols.get(cls) if cls else None
    if cls is None or built is not None:
        return f"{cls}()" if built is not None and built.kind == "class" else None
    # a library's class (``return RateLimiter(times=times)``), as ``_instance`` names one
    return f"{cls}()" if cls.rpartition(".")[2][:1].isupper() else None


def _local_construction(value: Value, factory: str, evaluator: Evaluator) -> Value | None:
    """A local of ``factory`` every binding of which builds the same class (``checker =
    RoleChecker(roles)``, the same class in each branch): the first of those calls."""
    fact = evaluator.resolver.symbols.get(factory)
    if fact is None or any(p.name == value.text for p in fact.params):
        return None  # ``checker = checker or CheckA()``: what a call passes may be returned
    written = evaluator.assigns.get(f"{factory}.<locals>.{value.text}", ())
    calls = [f.value for f in sorted(written, key=lambda fact: fact.line)]
    if not calls or any(c is None or c.kind != "call" for c in calls):
        return None
    classes = {evaluator.called_class(c) for c in calls}
    return calls[0] if len(classes) == 1 and None not in classes else None


def _aliased(value: Value, evaluator: Evaluator) -> str | None:
    """A function's local naming another name (``alias = global_auth``): a function or
    class itself, or the module variable holding an instance, as FastAPI names them."""
    name = evaluator.qualified(value)
    fact = evaluator.resolver.symbols.get(name) if name else None
    if fact is not None and fact.kind in _CALLABLE:
        return name
    key = evaluator.variable(value.ref)
    return key if key is not None and ".<locals>." not in key else None


def _bound_method(ref: str | None, evaluator: Evaluator) -> str | None:
    holder, _, attribute = (ref or "").rpartition(".")
    key = evaluator.variable(holder) if holder else None
    bound = evaluator.branch_binding(key) if key else None
    if bound is not None:  # a dataclass field's default: what its factory builds
        cls = evaluator.instance_class(evaluator.field_factory_call(bound) or bound)
    elif key is not None and key in evaluator.assigns:
        cls = _one_class(key, evaluator)  # whichever branch runs, the same class (rmf-web)
    else:
        cls = _parameter_class(holder, attribute, evaluator)
    symbols = evaluator.resolver.symbols
    for owner in evaluator.resolver.mro(cls) if cls else ():
        method = symbols.get(f"{owner}.{attribute}")
        if method is not None and method.kind == "method":
            return _property_value(method, owner, evaluator) or f"{owner}.{attribute}"
    return None


def _property_value(method: SymbolFact, owner: str, evaluator: Evaluator) -> str | None:
    """A ``@property`` (or cached one) read on an instance: what FastAPI is handed is what
    its one ``return`` builds (``return APIKeyCookie(name=...)``: that instance), or the
    function it returns; anything else is unknown."""
    if not evaluator.is_property(method):
        return None
    returned = evaluator.property_returned(method, owner)
    if returned is None:
        return placeholder(method.name)
    if returned.kind == "call":
        return _instance(returned, evaluator) or placeholder(returned.text)
    return _named(returned, evaluator) or placeholder(returned.text)


#: Bases of classes that only describe what a parameter takes.
_INTERFACES = frozenset({"typing.Protocol", "typing_extensions.Protocol", "abc.ABC"})


def _parameter_class(holder: str, attribute: str, evaluator: Evaluator) -> str | None:
    """``Depends(service.require_deps)`` in ``build_router(service: ExampleService)``
    (deer-flow's extensions): the parameter's annotated project class, unless a subclass in
    the project overrides the method (then which one runs depends on the caller)."""
    function, marker, name = holder.rpartition(".<locals>.")
    fact = evaluator.resolver.symbols.get(function) if marker else None
    param = next((p for p in fact.params if p.name == name), None) if fact else None
    cls = evaluator.qualified(param.annotation) if param is not None else None
    symbols = evaluator.resolver.symbols
    if cls is None or cls not in symbols or symbols[cls].kind != "class":
        return None
    if evaluator.is_subclass(cls, _INTERFACES):
        return None  # a Protocol or an ABC names what callers pass, not what runs
    if any(f"{owner}.{attribute}" in evaluator.assigns for owner in evaluator.resolver.mro(cls)):
        return None  # ``self.require_deps = ...``: an attribute, not the method
    overridden = any(
        other != cls and f"{other}.{attribute}" in symbols and cls in evaluator.resolver.mro(other)
        for other, sym in symbols.items()
        if sym.kind == "class"
    )
    return None if overridden else cls


def _called_instance(func: Value | None, evaluator: Evaluator) -> str | None:
    """The ``__call__`` a call of an instance held in a module variable runs."""
    key = evaluator.variable(func.ref) if func is not None and func.kind == "name" else None
    if key is None or ".<locals>." in key:
        return None
    cls = evaluator.instance_class(evaluator.branch_binding(key))
    symbols = evaluator.resolver.symbols
    for owner in evaluator.resolver.mro(cls) if cls else ():
        method = symbols.get(f"{owner}.__call__")
        if method is None or method.kind != "method":
            continue
        local = f"{owner}.__call__.<locals>."
        # each return a closure of its own, no decorator between: what FastAPI is given
        closures = all(v.kind == "name" and f"{local}{v.text}" in symbols for v in method.returned)
        return f"{owner}.__call__" if closures and not method.decorators else None
    return None


def _own_method(func: Value | None, method: str, evaluator: Evaluator) -> bool:
    """Whether ``method`` is defined by the very class of the instance it is called on:
    what it reads on ``self`` is then that class's (a subclass may override it)."""
    holder = (func.ref or "").rpartition(".")[0] if func is not None else ""
    key = evaluator.variable(holder) if holder else None
    cls = evaluator.instance_class(evaluator.binding(key)) if key else None
    return cls is not None and method.rpartition(".")[0] == cls


def _one_class(key: str, evaluator: Evaluator) -> str | None:
    """The class every binding of a variable builds (``authenticator = JwtAuthenticator(pub)``
    under one ``if``, ``JwtAuthenticator(secret)`` under the next, an ``else`` that raises);
    None when they build different ones, or any is no construction."""
    built = {evaluator.instance_class(f.value) for f in evaluator.assigns[key]}
    one = built.pop() if len(built) == 1 else None
    return one if one is not None and one in evaluator.resolver.symbols else None


def _called_method(func: Value | None, evaluator: Evaluator) -> str | None:
    """The method a call on an instance runs: one held in a variable (``SORT.depends``) or
    built in place (``SortParam([...]).depends``)."""
    if func is None:
        return None
    if func.kind == "name":
        return _bound_method(func.ref, evaluator)
    if func.kind != "getattr" or not func.items:
        return None
    cls = evaluator.instance_class(func.func)
    name = func.items[0].text
    for owner in evaluator.resolver.mro(cls) if cls else ():
        method = evaluator.resolver.symbols.get(f"{owner}.{name}")
        if method is not None and method.kind == "method":
            return f"{owner}.{name}"
    return None


def _instance(call: Value | None, evaluator: Evaluator) -> str | None:
    """``Security(APIKeyHeader(name="X"))``: an instance made in place; FastAPI calls it, so
    it is named for its class with ``()``: ``fastapi.security.APIKeyHeader()``, and so is
    dependency-injector's ``Provide[Container.service]``; a class called by another name
    (``Checker = perms.RoleChecker``) is named for itself."""
    called = evaluator.class_held(evaluator.called_class(call))
    if call is not None and call.kind == "subscript" and call.items:
        marker = evaluator.qualified(call.items[0])
        return f"{marker}()" if marker in INJECTION_MARKERS else None
    fact = evaluator.resolver.symbols.get(called) if called else None
    if called is None or (fact is not None and fact.kind != "class"):
        return None
    if fact is None and not called.rpartition(".")[2][:1].isupper():
        return None  # a third-party function call, not a class: unknown, never guessed
    return f"{called}()"


def _returned_local(call: Value | None, evaluator: Evaluator, hops: int = 0) -> str | None:
    """``Depends(get_repository(UsersRepository))``: the provider is the function the factory
    returns, a local one or not; ``a if required else b`` is followed when the call (or the
    parameter's default) gives the flag as a literal; a factory returning another's call is
    followed to what that one returns; an instance's ``__call__`` is a factory too.
    Anything else stays unresolved."""
    if call is None:
        return None
    called = _function_called(call, evaluator)
    symbols = evaluator.resolver.symbols
    if called is None and evaluator.called_class(call) not in symbols:
        # airflow's ``SortParam([...]).dynamic_depends()``: a method of an instance
        method = _called_method(call.func, evaluator)
        called = (method, symbols[method]) if method else None
    if called is None:  # the ``__call__`` of one held in a variable (iam-abbas' ``Permissions``)
        method = _called_instance(call.func, evaluator)
        called = (method, symbols[method]) if method else None
    if called is None:
        return None
    factory, fact = called
    returned = [_copied(v, fact, call, evaluator) or v for v in fact.returned]
    names = {_function(chosen(v, fact, call), factory, evaluator, (fact, call)) for v in returned}
    if names == {None} and hops < _MAX_ALIASES and len(returned) == 1:
        # ``return make_loader(prefix=...)``: what the factory it calls returns (mavedb)
        inner = chosen(returned[0], fact, call)
        names = {_returned_local(inner, evaluator, hops + 1) if inner is not None else None}
    if len(names) > 1:  # ``if not settings.enabled: return _noop`` first: the one that runs
        picked = evaluator.returned_for(call, factory)
        names = {_function(picked, factory, evaluator)} if picked is not None else names
    return names.pop() if len(names) == 1 else None


def _copied(value: Value, fact: SymbolFact, call: Value, evaluator: Evaluator) -> Value | None:
    """A local bound to ``functools.update_wrapper(copy, source)`` (fides' ``copy_func``, a
    distinct function object to override on its own): FastAPI reads the signature of
    ``source`` under its name, so the provider is what the call passes for ``source``."""
    key = evaluator.variable(value.ref) if value.kind == "name" and value.ref else None
    written = sorted(evaluator.assigns.get(key, ()), key=lambda fact: fact.line) if key else []
    last = written[-1] if written and not written[-1].guards else None
    # ``return update_wrapper(copy, source)``, or the local it was last bound to
    bound = value if value.kind == "call" else last.value if last is not None else None
    if bound is None or bound.kind != "call" or len(bound.items) != 2 or bound.keywords:
        return None  # ``assigned=()`` and the like copy less than the name
    if evaluator.qualified(bound.func) != _UPDATE_WRAPPER:
        return None
    source = bound.items[1]
    param = (source.ref or "").rpartition(".<locals>.")[2] if source.kind == "name" else ""
    return argument(param, fact, call) if any(p.name == param for p in fact.params) else source


def _function_called(call: Value, evaluator: Evaluator) -> tuple[str, SymbolFact] | None:
    """The project function or method a call calls, qualified, with its facts: a method
    of an instance too (``holder.method()``)."""
    name = evaluator.called_class(call)
    fact = evaluator.resolver.symbols.get(name) if name else None
    if fact is None:
        name = _called_method(call.func, evaluator)
        fact = evaluator.resolver.symbols.get(name) if name else None
    plain = fact is None or fact.kind not in ("function", "method")
    key = evaluator.variable(call.func.ref) if plain and call.func is not None else None
    if key is not None and (field := _record_alias(key, evaluator)) is not None:
        name = field.ref  # ``require_scope = _deps.require_scope``, a record's closure
        fact = evaluator.resolver.symbols.get(name or "")
    if name is None or fact is None or fact.kind not in ("function", "method"):
        return None
    return name, fact


def _function(
    value: Value | None,
    factory: str,
    evaluator: Evaluator,
    made: tuple[SymbolFact, Value] | None = None,
) -> str | None:
    """The function a factory's return names: one it defines (what it wraps, for a closure
    made with ``functools.wraps``; ``made`` is the factory and the call, whose argument a
    wrapped parameter is), or any project function; a lambda, by its qualname (bunnybook's
    ``return lambda: injector.get(cls)``)."""
    if value is not None and value.kind == "lambda" and value.ref:
        return value.ref
    if value is None or value.kind != "name":
        return None
    local = f"{factory}.<locals>.{value.text}"
    if local in evaluator.resolver.symbols:
        return _unwrapped(local, evaluator, made)
    name = evaluator.qualified(value)
    fact = evaluator.resolver.symbols.get(name) if name else None
    if name is not None and fact is not None and fact.kind == "method":
        return _method_named(fact, name, evaluator)  # ``return self.checker``
    return name if fact is not None else None


def _method_named(method: SymbolFact, name: str, evaluator: Evaluator) -> str:
    """A method named by its qualname (``self.checker`` read in the class): a property is
    what it gives, as on an instance (``_property_value``); any other, the method."""
    return _property_value(method, name.rpartition(".")[0], evaluator) or name


def _unwrapped(
    closure: str, evaluator: Evaluator, made: tuple[SymbolFact, Value] | None = None
) -> str:
    """A closure made with ``@functools.wraps(provider)`` (zenml's ``authorize``): FastAPI
    reads the signature of what it wraps, under that one's name; a wrapped function we cannot
    name leaves a placeholder. A wrapped parameter of the factory is what ``made``'s call
    passes (``Depends(audited(current_user))``)."""
    for decorator in evaluator.resolver.symbols[closure].decorators:
        if decorator.kind == "call" and evaluator.qualified(decorator.func) == _WRAPS:
            wrapped = decorator.items[0] if decorator.items else None
            if wrapped is not None and made is not None and wrapped.kind == "name":
                factory = closure.partition(".<locals>.")[0]
                param = (wrapped.ref or "").removeprefix(f"{factory}.<locals>.")
                if any(p.name == param for p in made[0].params):
                    wrapped = argument(param, *made) or wrapped
            name = _wrapped(wrapped, evaluator) if wrapped is not None else None
            return name or placeholder(wrapped.text if wrapped is not None else decorator.text)
    return closure


def _wrapped(value: Value, evaluator: Evaluator) -> str | None:
    """The function ``value`` names, directly or as a local bound to the call of a project
    function returning that one function."""
    symbols = evaluator.resolver.symbols
    name = evaluator.qualified(value)
    key = evaluator.variable(value.ref) if name not in symbols else None
    bound = evaluator.binding(key) if key else None
    called = _function_called(bound, evaluator) if bound is not None else None
    if called is not None and bound is not None:
        names = {evaluator.qualified(chosen(v, called[1], bound)) for v in called[1].returned}
        name = names.pop() if len(names) == 1 else None
    fact = symbols.get(name) if name else None
    return name if fact is not None and fact.kind in _CALLABLE else None


def _annotated(annotation: Value | None, evaluator: Evaluator) -> list[str]:
    """The providers of an annotation's ``Annotated`` metadata."""
    depends, base = _annotated_depends(annotation, evaluator, 0)
    return _provider(depends, base, evaluator) if depends is not None else []


def _annotated_depends(
    annotation: Value | None,
    evaluator: Evaluator,
    hops: int,
    made: tuple[str, SymbolFact, Value] | None = None,
) -> tuple[Value | None, Value | None]:
    """The ``Depends`` call of an annotation's ``Annotated`` metadata, and the type it
    annotates, through the names and project calls that make it: ``made`` is the call, when
    a function returned it (``Inject(get_db)`` returning ``Annotated[Any, Depends(func)]``
    depends on ``get_db``)."""
    if annotation is None or hops > _MAX_HOPS:
        return None, None
    if annotation.kind == "name":
        key = evaluator.variable(annotation.ref)
        return (
            _annotated_depends(evaluator.binding(key), evaluator, hops + 1) if key else (None, None)
        )
    if annotation.kind == "call":  # ``require_scopes("tag.view")`` returning ``Annotated[...]``
        called = evaluator.called_class(annotation)
        fact = evaluator.resolver.symbols.get(called) if called else None
        plain = fact is not None and fact.kind == "function" and not fact.decorators
        returned = fact.returned if fact is not None and plain else ()
        if called is None or fact is None or len(returned) != 1:
            return None, None
        return _annotated_depends(returned[0], evaluator, hops + 1, (called, fact, annotation))
    if annotation.kind != "subscript" or not annotation.items:
        return None, None
    if evaluator.qualified(annotation.items[0]) not in ANNOTATED:
        # ``Db[str]`` of a generic alias ``Db = Annotated[T, Depends(get_db)]``
        head = annotation.items[0]
        return (
            _annotated_depends(head, evaluator, hops + 1) if head.kind == "name" else (None, None)
        )
    base = annotation.items[1] if len(annotation.items) > 1 else None
    # of several markers FastAPI reads the last: ``Annotated[str, Depends(a), Query()]``
    # is a query parameter
    last: Value | None = None
    for meta in annotation.items[2:]:
        depends = _depends_held(meta, evaluator)
        if depends is not None:
            last = _passed(depends, *made, evaluator) if made is not None else depends
        elif meta.kind == "call" and evaluator.qualified(meta.func) in PARAMETER_MARKERS:
            last = None
    return last, base


def _current_user(call: Value | None, evaluator: Evaluator) -> str | None:
    """``fastapi_users.current_user(active=True)`` on a ``FastAPIUsers`` (or
    ``.authenticator.current_user_token(...)``): the library's closure, whose dependencies
    ``_users_providers`` reads from the instance's construction."""
    func = call.func if call is not None and call.kind == "call" else None
    if func is not None and func.kind == "getattr" and func.func and func.items:
        owner, method = func.func, func.items[0].text  # ``get_fastapi_users().current_user``
    elif func is not None and func.kind == "name" and func.ref and "." in func.ref:
        held, _, method = func.ref.rpartition(".")
        owner = Value("name", held, ref=held)
    else:
        return None
    if owner.kind == "name" and owner.ref and owner.ref.endswith(".authenticator"):
        held = owner.ref.removesuffix(".authenticator")  # the instance's own Authenticator
        owner = Value("name", held, ref=held)
    elif method == "current_user_token":
        return None  # only the authenticator has it
    made = _origin(owner, evaluator) if method in USER_CLOSURES else None
    if made is None or not _users_class(made, evaluator):
        return None
    if call is not None and call.keyword("get_enabled_backends") is not None:
        return placeholder(call.text)  # a dependency of the call's own, not read
    return USER_CLOSURES[method]


def _users_class(value: Value, evaluator: Evaluator) -> bool:
    """Whether ``value`` builds a ``FastAPIUsers`` (onyx's subclass of it too)."""
    return evaluator.is_subclass(evaluator.instance_class(value), FASTAPI_USERS)


def _users_providers(evaluator: Evaluator) -> list[str]:
    """What fastapi-users' ``current_user`` closure asks for, in its signature's order: the
    user manager, then each backend's transport scheme and strategy (the project's one
    ``FastAPIUsers(get_user_manager, [backend, ...])``; a placeholder when it has several)."""
    made = _users_made(evaluator)
    if len(made) != 1:
        return [placeholder("FastAPIUsers(...)")]
    [(users, _)] = made.values()
    manager = users.keyword("get_user_manager") or (users.items[0] if users.items else None)
    found = _depended(manager, evaluator) if manager else [placeholder(users.text)]
    backends = users.keyword("auth_backends") or (users.items[1] if len(users.items) > 1 else None)
    listed = None if _mutated(backends, evaluator) else _origin(backends, evaluator)
    for backend in listed.items if listed is not None and listed.kind == "list" else ():
        built = _origin(backend, evaluator)
        found += _backend_providers(built, evaluator) if built else [placeholder(backend.text)]
    if listed is None or listed.kind != "list":
        found.append(placeholder(backends.text if backends else users.text))
    return found


def _mutated(value: Value | None, evaluator: Evaluator) -> bool:
    """Whether the list a name holds is changed in place (``backends.append(cookie)``)."""
    key = evaluator.variable(value.ref) if value is not None and value.kind == "name" else None
    module = evaluator.resolver.modules.get(evaluator.module_of(key) or "") if key else None
    mutators = {f"{key}.{method}" for method in MUTATORS}
    return module is not None and any(
        call.value.func is not None and call.value.func.ref in mutators for call in module.calls
    )


def _users_made(evaluator: Evaluator) -> dict[str, tuple[Value, tuple[str, int]]]:
    """The project's ``FastAPIUsers(...)`` constructions, by text, each with its place: bound
    to a name, or returned by a function (``return FastAPIUsers(...)``)."""
    made: dict[str, tuple[Value, tuple[str, int]]] = {}
    for facts in sorted(evaluator.resolver.modules.values(), key=lambda f: f.file):
        values = [(a.value, a.line) for a in facts.assigns if a.value is not None]
        values += [(v, sym.start_line) for sym in facts.symbols for v in sym.returned]
        for value, line in values:
            if value.kind == "call" and _users_class(value, evaluator):
                made.setdefault(value.text, (value, (facts.file, line)))
    return made


def _backend_strategy(target: Value, evaluator: Evaluator) -> str | None:
    """``Depends(auth_backend.get_strategy)`` on a fastapi-users ``AuthenticationBackend`` (or
    a subclass keeping its ``__init__``): the function its construction was given."""
    holder, _, attribute = (target.ref or "").rpartition(".")
    if target.kind != "name" or attribute != "get_strategy":
        return None
    built = _origin(Value("name", holder, ref=holder), evaluator)
    cls = evaluator.instance_class(built) if built is not None else None
    if cls is None or not evaluator.is_subclass(cls, AUTH_BACKENDS):
        return None
    if _method(cls, "__init__", evaluator) is not None:
        return None  # a project ``__init__`` may keep another
    assert built is not None
    strategy = built.keyword("get_strategy") or (built.items[2] if len(built.items) > 2 else None)
    return _depended(strategy, evaluator)[0] if strategy is not None else None


def _backend_providers(backend: Value, evaluator: Evaluator) -> list[str]:
    """``AuthenticationBackend(name, transport, get_strategy)``: the transport's scheme, as
    FastAPI names the instance, and the strategy function."""
    transport = backend.keyword("transport") or (
        backend.items[1] if len(backend.items) > 1 else None
    )
    strategy = backend.keyword("get_strategy") or (
        backend.items[2] if len(backend.items) > 2 else None
    )
    made = _origin(transport, evaluator)
    cls = evaluator.called_class(made) if made else None
    scheme = (TRANSPORT_SCHEMES.get(cls) or _scheme(cls, evaluator)) if cls else None
    found = [scheme or placeholder(f"{transport.text if transport else backend.text}.scheme")]
    if strategy is None:
        return [*found, placeholder(f"{backend.text}.get_strategy")]
    return found + _depended(strategy, evaluator)


def _scheme(transport: str, evaluator: Evaluator) -> str | None:
    """A project transport's ``scheme``, as FastAPI names the instance: one its class or
    ``__init__`` sets, or a property builds (cognee's ``APIKeyHeaderTransport``)."""
    for owner in evaluator.resolver.mro(transport):
        fact = evaluator.resolver.symbols.get(f"{owner}.scheme")
        if owner in TRANSPORT_SCHEMES:  # a subclass of the library's that keeps its scheme
            return TRANSPORT_SCHEMES[owner]
        if f"{owner}.scheme" in evaluator.assigns:
            value = evaluator.binding(f"{owner}.scheme")
        elif fact is not None and fact.kind == "method" and len(fact.returned) == 1:
            value = fact.returned[0]
        else:
            continue
        made = evaluator.instance_class(value)
        return _as_defined(f"{made}()") if made else None
    return None


def _depended(value: Value, evaluator: Evaluator) -> list[str]:
    """The provider ``Depends(value)`` would name."""
    return _provider(Value("call", f"Depends({value.text})", items=(value,)), None, evaluator)


def _origin(value: Value | None, evaluator: Evaluator) -> Value | None:
    """What ``value`` builds, through the variables it names and the project functions it
    calls that return one expression (cognee's ``get_fastapi_users()`` returning its local
    ``FastAPIUsers(...)``; ``get_api_auth_backend()``), a method of an instance too
    (kernelci's ``auth.get_user_authentication_backend()``)."""
    for _ in range(_MAX_FOLLOWED):
        if value is not None and value.kind == "name":
            key = evaluator.variable(value.ref)
            bound = evaluator.binding(key) if key else None
            if bound is None or len(evaluator.assigns.get(key or "", ())) > 1:
                return value  # bound in several places (``if AUTH_TYPE == ...``): not one
            value = bound
        elif value is not None and value.kind == "call":
            fact = evaluator.resolver.symbols.get(evaluator.called_class(value) or "")
            if fact is None or fact.kind != "function":  # ``auth.get_backend()``: a method
                method = _called_method(value.func, evaluator)
                if method is not None and _own_method(value.func, method, evaluator):
                    fact = evaluator.resolver.symbols.get(method)
            if fact is None or fact.kind not in ("function", "method"):
                return value
            if len(fact.returned) != 1:
                return value
            value = fact.returned[0]
        else:
            return value
    return value


_MAX_FOLLOWED = 8  # names and calls followed to what they build


def sub_providers(provider: str, evaluator: Evaluator) -> list[str]:
    """The providers ``provider`` asks for itself, as FastAPI would find them: a function's
    parameters, a class's ``__init__``, or an instance's ``__call__``."""
    if provider in USER_CLOSURES.values():
        return _users_providers(evaluator)
    if provider == PAGE_CONTEXT:
        return [PAGE_PARAMS]
    fields = _dataclass_signature(provider, evaluator) or _partial_signature(provider, evaluator)
    called = _called(provider, evaluator) if fields is None else None
    params = fields if fields is not None else called.params if called is not None else ()
    return param_providers(params, evaluator) + _view_attributes(provider, evaluator)


def view_class(cls: str, evaluator: Evaluator) -> bool:
    """Whether the project class ``cls`` is a class-based view (``@cbv(router)``, or a
    project's own copy of it: mealie's ``@controller(router)``)."""
    fact = evaluator.resolver.symbols.get(cls)
    return fact is not None and any(
        d.kind == "call" and _view_decorator(evaluator.qualified(d.func), evaluator)
        for d in fact.decorators
    )


def _view_decorator(name: str | None, evaluator: Evaluator) -> bool:
    """fastapi-utils' ``cbv``, or a project function that runs like it (``_runs_like_cbv``)."""
    if name in CLASS_BASED_VIEWS:
        return True
    known = _VIEW_DECORATORS.setdefault(evaluator, {})
    if name not in known:
        known[name] = _runs_like_cbv(name, evaluator)
    return known[name]


#: ``_view_decorator``'s answers in each analysis: each route of each view asks again.
_VIEW_DECORATORS: WeakKeyDictionary[Evaluator, dict[str | None, bool]] = WeakKeyDictionary()


def _runs_like_cbv(name: str | None, evaluator: Evaluator) -> bool:
    """A project function whose module does what ``cbv`` does: gives a signature's first
    parameter ``Depends`` of a class it is handed (``first.replace(default=Depends(cls))``)
    and writes a ``__signature__``."""
    module = evaluator.resolver.symbol_module.get(name or "")
    facts = evaluator.resolver.modules.get(module) if module else None
    if module is None or facts is None or evaluator.resolver.symbols[name or ""].kind != "function":
        return False
    scopes = _reached_scopes((name or "").removeprefix(f"{module}."), module, facts, evaluator)
    signed = any(_writes_signature(c.value) for c in facts.calls if _within(c.scope, scopes))
    return signed and any(
        _depends_on_parameter(value, assign.scope, module, evaluator)
        for assign in facts.assigns
        if assign.value is not None and _within(assign.scope, scopes)
        for value in calls_within(assign.value)
    )


def _reached_scopes(start: str, module: str, facts: ModuleFacts, evaluator: Evaluator) -> set[str]:
    """``start``, a function of ``module``, and the module's functions it calls, from its
    nested functions too, at any depth: the code a decorator runs (cbv's ``_init_cbv``)."""
    symbols = evaluator.resolver.symbols
    reached, todo = set(), [start]
    while todo:
        scope = todo.pop()
        if scope in reached:
            continue
        reached.add(scope)
        written = [c.value for c in facts.calls if _within(c.scope, {scope})]
        written += [a.value for a in facts.assigns if a.value and _within(a.scope, {scope})]
        for fact in (f for f in facts.symbols if _within(f.qualname, {scope})):
            written += fact.returned  # ``return _cbv(router, cls)`` (mealie)
        for value in (v for top in written for v in calls_within(top)):
            called = evaluator.qualified(value.func) if value.kind == "call" else None
            local = called.removeprefix(f"{module}.") if called else ""
            if called in symbols and called.startswith(f"{module}.") and "." not in local:
                todo.append(local)
    return reached


def _within(scope: str, scopes: set[str]) -> bool:
    """Whether code of ``scope`` runs as one of ``scopes`` or a function nested in it."""
    return any(scope == s or scope.startswith(f"{s}.<locals>.") for s in scopes)


def _writes_signature(value: Value) -> bool:
    """``x.__signature__ = ...`` or ``setattr(x, "__signature__", ...)``."""
    if value.kind != "call":  # an attribute assignment's target, kept as written
        return value.text.endswith(".__signature__")
    given = value.items[1].text if len(value.items) > 1 else ""
    return value.func is not None and value.func.text == "setattr" and "__signature__" in given


def _depends_on_parameter(value: Value, scope: str, module: str, evaluator: Evaluator) -> bool:
    """``Depends(cls)``, ``cls`` a parameter of the function ``scope`` of ``module``."""
    if value.kind != "call" or evaluator.qualified(value.func) not in DEPENDS:
        return False
    if len(value.items) != 1 or value.items[0].kind != "name":
        return False
    function = evaluator.resolver.symbols.get(f"{module}.{scope}")
    name = value.items[0].text
    return function is not None and any(p.name == name for p in function.params)


def _view_attributes(cls: str, evaluator: Evaluator) -> list[str]:
    """The providers a class-based view's annotated class attributes name
    (``session: Session = Depends(get_db)``): cbv adds them to the class's signature after
    its ``__init__``'s, the bases' first, as ``typing.get_type_hints`` orders them."""
    if not view_class(cls, evaluator):
        return []
    resolver = evaluator.resolver
    defaults: dict[str, Param] = {}
    for owner in reversed(resolver.mro(cls)):
        module = resolver.symbol_module.get(owner)
        scope = owner.removeprefix(f"{module}.") if module else None
        for assign in resolver.modules[module].assigns if module else ():
            hint = assign.annotation
            if assign.scope == scope and hint is not None and not hint.text.startswith("ClassVar"):
                # cbv reads the hints without their ``Annotated`` metadata: only a default counts
                defaults[assign.name] = Param(assign.name, "keyword", None, assign.value)
    return param_providers(tuple(defaults.values()), evaluator)


def _called(provider: str, evaluator: Evaluator) -> SymbolFact | None:
    """The function whose signature FastAPI reads for ``provider``."""
    fact = evaluator.resolver.symbols.get(provider)
    if fact is not None and fact.kind in ("function", "method"):
        return fact
    if fact is not None and fact.kind == "class":
        return _method(provider, "__init__", evaluator)
    if provider.endswith("()"):  # an instance made in place
        return _method(provider.removesuffix("()"), "__call__", evaluator)
    key = evaluator.variable(provider)  # an instance held in a variable
    if key is None or _run_decides(key, evaluator):
        return None
    # ``auth = Auth(...)`` under ``if AUTH_ENABLED:``, ``DummyAuth()`` in its ``else``: the
    # binding the module's tests leave, when they tell
    held = evaluator.branch_binding(key) or evaluator.binding(key)
    cls = evaluator.instance_class(held)
    return _method(cls, "__call__", evaluator) if cls else None


def _run_decides(key: str, evaluator: Evaluator) -> bool:
    """Whether the variable ``key`` holds an instance of one class or another as tests not
    known statically decide, no binding a default (dstack's ``_auth = TokenAccount(t)``
    under ``if settings.TOKEN is not None:``, ``AlwaysForbidden()`` in its ``else``)."""
    written = sorted((f for f in evaluator.assigns.get(key, ()) if f.value), key=lambda f: f.line)
    if len(written) < 2 or not any(g.kind == "if" for g in written[0].guards):
        return False
    if evaluator.branch_binding(key) is not None:
        return False
    return len({evaluator.instance_class(f.value) for f in written}) > 1


def _dataclass_signature(cls: str, evaluator: Evaluator) -> tuple[Param, ...] | None:
    """The ``__init__`` ``@dataclass`` writes for the project class ``cls``, when it writes
    one: the fields of the class and its dataclass bases, the bases' first, each where it was
    first declared, with its last default (``db: Session = Depends(get_db)``,
    ``field(default=Depends(...))``). ``ClassVar``s and ``field(init=False)`` are no
    parameters. None for any other class, or past a base we do not read."""
    resolver = evaluator.resolver
    fact = resolver.symbols.get(cls)
    if fact is None or fact.kind != "class" or not _writes_init(cls, fact, evaluator):
        return None
    fields: dict[str, Param] = {}
    for owner in reversed(resolver.mro(cls)):
        if owner not in resolver.symbols:
            if owner in _NO_INIT:
                continue
            return None
        if not evaluator.is_dataclass(resolver.symbols[owner]):
            continue
        module = resolver.symbol_module[owner]
        scope = owner.removeprefix(f"{module}.")
        for assign in sorted(resolver.modules[module].assigns, key=lambda a: a.line):
            if assign.scope == scope and _init_field(assign.annotation, assign.value, evaluator):
                default = evaluator.field_default(assign.value)
                fields[assign.name] = Param(assign.name, "keyword", assign.annotation, default)
    return tuple(fields.values())


def _inline_partial(target: Value, evaluator: Evaluator) -> str | None:
    """``Depends(partial(check_role, "admin"))``: a provider named by the call, whose
    signature ``_partial_signature`` reads (FastAPI names the object ``functools.partial()``
    whatever it wraps; ``served_name`` gives routes that name). None for any other call."""
    if target.kind != "call" or evaluator.qualified(target.func) != PARTIAL or not target.items:
        return None
    wrapped = _named(target.items[0], evaluator)
    if wrapped is None:
        return None
    # keyed by the function it wraps (one text may wrap another module's ``check``)
    rest = target.text.partition(",")[2]  # what it binds: ``"admin")``
    name = f"{PARTIAL}({wrapped},{rest}" if rest else f"{PARTIAL}({wrapped})"
    evaluator.partials[name] = target
    return name if _partial_signature(name, evaluator) is not None else None


def served_name(provider: str, evaluator: Evaluator) -> str:
    """A provider as FastAPI names it: an inline partial as ``functools.partial()``."""
    return f"{PARTIAL}()" if provider in evaluator.partials else provider


def _partial_signature(provider: str, evaluator: Evaluator) -> tuple[Param, ...] | None:
    """The signature of ``partial(require_role, "admin")`` a variable holds (or a
    ``Depends`` is given in place), as ``inspect.signature`` gives FastAPI: the function's,
    but the parameters bound by position; one bound by keyword keeps the bound value as its
    default. None for any other provider, or a partial of what is no project function."""
    key = evaluator.variable(provider) if provider not in evaluator.partials else None
    bound = evaluator.binding(key) if key else evaluator.partials.get(provider)
    if bound is None or bound.kind != "call" or evaluator.qualified(bound.func) != PARTIAL:
        return None
    wrapped = _named(bound.items[0], evaluator) if bound.items else None
    fact = evaluator.resolver.symbols.get(wrapped) if wrapped else None
    if fact is None or fact.kind != "function" or any(i.kind == "star" for i in bound.items):
        return None
    given = dict(bound.keywords)
    taken = len(bound.items) - 1
    params = [p for p in fact.params if p.kind == "positional"][taken:]
    rest = [p for p in fact.params if p.kind != "positional"]
    return tuple(replace(p, default=given.get(p.name, p.default)) for p in (*params, *rest))


def _writes_init(cls: str, fact: SymbolFact, evaluator: Evaluator) -> bool:
    """``@dataclass`` (not ``init=False``) on the class ``cls``, with no ``__init__`` of its
    own."""
    if f"{cls}.__init__" in evaluator.resolver.symbols:
        return False
    for decorator in fact.decorators:
        func = decorator.func if decorator.kind == "call" else decorator
        if evaluator.qualified(func) in DATACLASSES:
            init = decorator.keyword("init") if decorator.kind == "call" else None
            return init is None or init.text != "False"
    return False


def _init_field(annotation: Value | None, value: Value | None, evaluator: Evaluator) -> bool:
    """A class-body annotation the generated ``__init__`` takes as a parameter."""
    if annotation is None or annotation.text.removeprefix("typing.").startswith("ClassVar"):
        return False
    if (
        value is None
        or value.kind != "call"
        or evaluator.qualified(value.func) not in DATACLASS_FIELD
    ):
        return True
    init = value.keyword("init")
    return init is None or init.text != "False"


def _replaced_signature(fact: SymbolFact | None, evaluator: Evaluator) -> str | None:
    """The decorator that gives ``fact`` a signature built at run time (makefun's
    ``@with_signature(Signature([...]))``, polar's authenticators): FastAPI reads that one,
    so the parameters written, and the dependencies they name, are not what it asks for."""
    for decorator in fact.decorators if fact is not None else ():
        func = decorator.func if decorator.kind == "call" else decorator
        if evaluator.qualified(func) in SIGNATURE_REPLACERS:
            return decorator.text
    return None


def _method(cls: str, name: str, evaluator: Evaluator) -> SymbolFact | None:
    """The method ``name`` of the project class ``cls``, its own or the nearest base's; None
    past a base we do not read (``argparse.Namespace`` before ``Base``: its ``__init__``
    may be the one Python takes)."""
    symbols = evaluator.resolver.symbols
    for owner in evaluator.resolver.mro(cls):
        if f"{owner}.{name}" in symbols:
            return symbols[f"{owner}.{name}"]
        if owner not in symbols and owner not in _NO_INIT:
            return None
    return None


#: Bases we do not read that define no ``__init__`` or ``__call__`` a subclass would run.
_NO_INIT = frozenset(
    {"object", "abc.ABC", "typing.Generic", "typing_extensions.Generic", "typing.Protocol"}
)


def dependency_tree(
    roots: list[str], evaluator: Evaluator, known: Mapping[str, tuple[str, ...]] | None = None
) -> dict[str, tuple[str, ...]]:
    """Every provider reachable from ``roots`` -> the providers it asks for directly; those
    in ``known`` (and what they reach) already have their entry, and are not read again."""
    tree: dict[str, tuple[str, ...]] = {}
    todo = list(roots)
    while todo:
        provider = todo.pop()
        if provider in tree or (known is not None and provider in known):
            continue
        tree[provider] = tuple(dict.fromkeys(sub_providers(provider, evaluator)))
        todo.extend(tree[provider])
    return tree


def solve_order(direct: tuple[str, ...], tree: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """All providers behind ``direct``, each once, sub-dependencies before the provider that
    needs them (the order FastAPI solves them in)."""
    done: dict[str, None] = {}

    def visit(provider: str, path: frozenset[str]) -> None:
        if provider in done or provider in path:
            return
        for sub in tree.get(provider, ()):
            visit(sub, path | {provider})
        done[provider] = None

    for provider in direct:
        visit(provider, frozenset())
    return tuple(done)


def dependency_diagnostics(
    routes: list[Route], tree: dict[str, tuple[str, ...]], evaluator: Evaluator
) -> list[Diagnostic]:
    """CI204 for each provider kept as written because it names nothing we can follow: at
    the route that asks for it, or at the provider whose parameters do."""
    found: set[Diagnostic] = set()
    for route in routes:
        for name in route.dependencies:
            if _unresolved(name, evaluator):
                message = f"dependency {name} of {route.endpoint} cannot be resolved"
                found.add(Diagnostic("CI204", route.file, route.line, message))
        replacer = _replaced_signature(evaluator.resolver.symbols.get(route.endpoint), evaluator)
        if replacer is not None:
            message = f"{route.endpoint} gets its signature at run time ({replacer})"
            found.add(Diagnostic("CI204", route.file, route.line, f"{message}; {_UNKNOWN}"))
    users: dict[str, tuple[Value, tuple[str, int]]] | None = None
    for provider, subs in tree.items():
        if provider in USER_CLOSURES.values():  # read where the project builds FastAPIUsers
            users = _users_made(evaluator) if users is None else users
            place = next(iter(users.values()))[1] if len(users) == 1 else None
        else:
            place = _place(provider, evaluator)
        unresolved = [
            name
            for name in subs
            if _unresolved(name, evaluator) and not _bound_per_call(provider, name, routes)
        ]
        # a library's provider has no place of ours: its routes are where it is asked for
        places = (
            [place]
            if place
            else [(r.file, r.line) for r in routes if unresolved and provider in r.all_dependencies]
        )
        for name in unresolved:
            message = f"dependency {name} of {provider} cannot be resolved"
            found.update(Diagnostic("CI204", *where, message) for where in places)
        key = evaluator.variable(provider)
        if key is not None and _run_decides(key, evaluator):
            file = evaluator.resolver.modules[evaluator.module_of(key) or ""].file
            line = min(f.line for f in evaluator.assigns[key])
            message = f"which object {provider} holds, the run decides (bound under tests)"
            found.add(Diagnostic("CI204", file, line, f"{message}; {_UNKNOWN}"))
        replacer = _replaced_signature(_called(provider, evaluator), evaluator)
        if place is not None and replacer is not None:
            message = f"{provider} gets its signature at run time ({replacer})"
            found.add(Diagnostic("CI204", *place, f"{message}; {_UNKNOWN}"))
    return sorted(found)


_UNKNOWN = "the dependencies FastAPI finds there are not known"


def _bound_per_call(provider: str, sub: str, routes: list[Route]) -> bool:
    """Whether ``sub`` is a parameter of the factory whose closure ``provider`` is, and every
    route reaching it asks for what its own call passes instead (``closure_arguments``)."""
    factory, marker, _ = provider.rpartition(".<locals>.")
    param = sub.removeprefix(f"{factory}.<locals>.")
    if not marker or param == sub or "." in param:
        return False
    return not any(sub in route.all_dependencies for route in routes)


def _place(provider: str, evaluator: Evaluator) -> tuple[str, int] | None:
    """Where a provider is defined; only a project symbol has sub-providers we found."""
    module = evaluator.resolver.symbol_module.get(provider.removesuffix("()"))
    fact = evaluator.resolver.symbols.get(provider.removesuffix("()"))
    if module is None or fact is None:
        return None
    return evaluator.resolver.modules[module].file, fact.start_line


def _unresolved(name: str, evaluator: Evaluator) -> bool:
    """A placeholder, or a project name with a part left over that no symbol, variable or
    method explains (``auth.get_current_user`` on an instance of an unknown class)."""
    if name.startswith("<?"):
        return True
    if name.endswith(("()", ".<lambda>")) or name in evaluator.assigns:
        return False  # an instance, a lambda (named by its qualname), a variable
    if name in evaluator.resolver.symbols:
        return False
    target = evaluator.resolver.resolve(name)
    return target is None or (id_kind(target.node) == "symbol" and bool(target.remainder))
