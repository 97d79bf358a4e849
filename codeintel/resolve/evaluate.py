"""Static evaluation: which object a name holds, and what string an expression builds."""

from __future__ import annotations

import ast
import functools
import posixpath
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import PurePosixPath

from codeintel.facts.ids import id_kind
from codeintel.facts.models import AssignFact, CallFact, Guard, ModuleFacts, SymbolFact, Value
from codeintel.resolve.framework_names import (
    ANNOTATED,
    APP_CLASSES,
    APP_PATH_ATTRIBUTES,
    ATTRS_FACTORY,
    DATACLASS_FIELD,
    DATACLASSES,
    FIELD,
    FIELD_FACTORIES,
    MODEL_ROOTS,
    PARTIAL,
    TRAITS,
    VALIDATORS,
)
from codeintel.resolve.resolver import Resolver
from codeintel.resolve.truth import PATH_CLASSES, SPLIT_METHODS, STR_METHODS, Bound, holds

_MAX_HOPS = 16
_STATUS_NAME = re.compile(r"(?:^|\.)HTTP_(\d{3})_\w+$")
_GETENV = frozenset({"os.getenv", "os.environ.get"})
_ENV_SETTERS = frozenset({"os.environ.setdefault", "os.putenv"})
_ENV_SETTER_NAMES = ("setdefault", "putenv")
_ENVIRON_ITEM = re.compile(r"""os\.environ\[(["'])(\w+)\1\]""")
#: Settings readers that return their ``default`` where the variable is unset (and no
#: ``.env``/``settings.ini`` file sets it), with where each instance's call takes it.
_ReaderPlaces = tuple[tuple[str, int], tuple[str, int]]  # default's, then cast's
_DECOUPLE_PLACES: _ReaderPlaces = (("default", 1), ("cast", 2))  # ``config(name, default, cast)``
_DECOUPLE_READERS = frozenset({"decouple.config"})
_CONFIG_CLASSES: dict[str, _ReaderPlaces] = {
    "starlette.config.Config": (("default", 2), ("cast", 1)),  # ``(key, cast, default)``
    "decouple.AutoConfig": _DECOUPLE_PLACES,
}
_PLAIN_CASTS = frozenset({"str", "int", "bool"})  # builtins: the default, as written
_OPTIONAL = frozenset({"typing.Optional", "typing_extensions.Optional"})
_TRAIT_DEFAULTS = frozenset({"traitlets.default", "traitlets.traitlets.default"})
_FUNCTIONS = frozenset({"function", "method"})
#: Methods that change the list, set or dict they are called on.
MUTATORS = frozenset(
    {"add", "discard", "remove", "append", "extend", "insert", "update", "clear", "pop"}
    | {"popitem", "setdefault", "sort", "reverse"}
)
#: Statements changing a container's items, and methods changing it in place.
_STORES = frozenset({"setitem", "delitem"})
_CHANGES = MUTATORS | {"__setitem__"}
_ENUMS = frozenset({"enum.Enum"})
_FLAGS = frozenset({"enum.Flag", "enum.IntFlag"})
_AUTO = frozenset({"enum.auto"})
_CONSTANT_TRUTH = {"None": False, "False": False, "True": True}
#: Enums whose members' ``str()`` is their value.
_VALUED = frozenset({"enum.StrEnum", "enum.IntEnum"})
#: Functions a module's name is made from its file's with (servers run on POSIX).
_PATH_FUNCTIONS: dict[str, Callable[[str], str | tuple[str, str]]] = {
    "os.path.basename": posixpath.basename,
    "os.path.splitext": posixpath.splitext,
}
#: Path joins as a server runs them (POSIX): ``join("/", prefix, "schema")`` in a route path.
_PATH_JOINS = frozenset({"os.path.join", "posixpath.join"})


@dataclass(frozen=True, slots=True)
class Text:
    """An evaluated string; ``unknown`` lists the expressions that had to stay placeholders."""

    value: str
    unknown: tuple[str, ...] = ()


def calls_within(value: Value) -> list[Value]:
    """The calls in ``value``, itself included (``getattr(import_module(n), "router")``)."""
    found = [value] if value.kind == "call" else []
    for inner in (*value.items, *(v for _, v in value.keywords)):
        found += calls_within(inner)
    if value.func is not None:
        found += calls_within(value.func)
    return found


def _sets(call: Value, attribute: str) -> bool:
    """Whether a call may be ``setattr(obj, attribute, value)``: any ``setattr`` in it but
    one naming another attribute as a string."""
    if "setattr(" not in call.text:
        return False
    named = call.items[1] if _builtin(call.func, "setattr") and len(call.items) == 3 else None
    return named is None or named.kind != "str" or named.text == attribute


def refs_within(value: Value) -> list[str]:
    """The names ``value`` reads, at any depth."""
    found = [value.ref] if value.ref else []
    for inner in (*value.items, *(v for _, v in value.keywords)):
        found += refs_within(inner)
    if value.func is not None:
        found += refs_within(value.func)
    return found


def placeholder(text: str) -> str:
    return f"<?{text}>"


def _changed_root(call: CallFact) -> str | None:
    """The name whose value a statement changes in place: an item set or deleted, or a
    method changing it called (``ROUTES.pop("/b")``, ``DEPS["users"].append(...)``)."""
    if call.role in _STORES and call.value.items:
        return container_root(call.value.items[0])
    func = call.value.func if call.role == "call" else None
    if func is not None and func.kind == "getattr" and func.func is not None:
        held, method = container_root(func.func), func.items[0].text if func.items else ""
    else:
        held, _, method = (func.ref or "").rpartition(".") if func else ("", "", "")
    return held if held and method in _CHANGES else None


def container_root(value: Value) -> str | None:
    """The name a subscript or attribute chain starts from (``ROUTERS`` of
    ``ROUTERS[1]["prefix"]``)."""
    while value.kind in ("subscript", "getattr") and (value.items or value.func):
        inner = value.items[0] if value.kind == "subscript" else value.func
        if inner is None:
            return None
        value = inner
    return value.ref if value.kind == "name" else None


#: What a path's name gives, the same whichever folder holds the file.
_PATH_PARTS = frozenset({"name", "stem", "suffix"})
#: Methods that run as an instance is built, and may set its attributes anew.
_INIT_HOOKS = ("__init__", "__post_init__", "__attrs_post_init__", "model_post_init")
#: A field's keywords that make its constructor keyword another name than the attribute's.
_ALIASES = frozenset({"alias", "validation_alias"})
#: Builtins an ``if`` test may call (``len(path) == 0``), unless the project binds the name.
_BUILTINS_READ = frozenset({"len"})
#: Decorators that make a method read as an attribute, computed from the instance.
PROPERTIES = frozenset(
    {
        "property",
        "functools.cached_property",
        "pydantic.computed_field",
        "pydantic.fields.computed_field",
    }
)


class Evaluator:
    """Answers questions about values across the project, following assignments and imports."""

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self._trait_defaults: dict[str, set[str]] | None = None  # ``@default`` by trait name
        self._assigned: frozenset[str] | None = None  # ``a.b`` the project assigns
        self._holders: frozenset[str] | None = None  # their ``a``
        self._env_set: frozenset[str] | None = None  # variables the project sets itself
        self._naming: set[str] = set()  # the names ``variable`` is resolving now
        self._changes: dict[str, list[CallFact]] | None = None  # by variable (``changes``)
        self._function_symbols: dict[str, list[SymbolFact]] = {}  # by module (``_functions``)
        self._touched: dict[str, list[str]] = {}  # by module: locals' refs calls name (``_kept``)
        self._raised: dict[str, frozenset[str]] = {}  # by function (``_raised_unless``)
        self.partials: dict[str, Value] = {}  # ``Depends(partial(f, ...))``'s, by provider
        self.assigns: dict[str, list[AssignFact]] = defaultdict(list)
        for module, facts in resolver.modules.items():
            for fact in (*facts.assigns, *facts.attributes):
                self.assigns[self.key(module, fact.scope, fact.name)].append(fact)

    def key(self, module: str, scope: str, name: str) -> str:
        """The key of a variable bound in ``scope`` of ``module``."""
        if not scope:
            return f"{module}.{name}"
        owner = self.resolver.symbols.get(f"{module}.{scope}")
        if owner is not None and owner.kind == "class":
            return f"{module}.{scope}.{name}"
        return f"{module}.{scope}.<locals>.{name}"

    # -- objects --------------------------------------------------------------------------

    def variable(self, ref: str | None) -> str | None:
        """The key of the variable ``ref`` names (following imports and re-exports), or None.
        Keys are qualified names; a function's locals are ``module.func.<locals>.name``."""
        if ref is None:
            return None
        if ref in self.assigns:
            instead = self._imported_instead(ref)
            if instead is None:
                return ref
            return instead if instead in self.assigns else None  # a library's name, no variable
        if ref in self._naming:
            # asked again while its class is worked out from itself (``self.name =
            # self.name.name`` in ``__post_init__``, datajunction): no answer, not a cycle
            return None
        self._naming.add(ref)
        try:
            return self._attribute_variable(ref)
        finally:
            self._naming.discard(ref)

    def _attribute_variable(self, ref: str) -> str | None:
        """``variable`` of a name no binding is keyed by: through imports, or an attribute
        of an instance of a class the project defines."""
        function, marker, local = ref.rpartition(".<locals>.")
        head, _, remainder = local.partition(".")
        holder = f"{function}.<locals>.{head}"
        if marker and remainder and len(self.assigns.get(holder, ())) == 1:
            # ``adapter = WebAdapter()`` in a function, then ``adapter.router``: what its class
            # sets once, when nothing changes the instance after
            held = self._held_attribute(holder, remainder, False) if self._kept(holder) else None
            return held if self.once(held) else None
        target = self.resolver.resolve(ref)
        if target is None or id_kind(target.node) != "symbol":
            return None
        if target.remainder:  # ``self.app`` set in ``__init__``, read on self or an instance
            owner = self.resolver.symbols.get(target.qualname)
            if owner is None:
                return None
            return self._held_attribute(target.qualname, target.remainder, owner.kind == "class")
        return target.qualname if target.qualname in self.assigns else None

    def _kept(self, local: str) -> bool:
        """Whether no statement of its module sets an attribute of a function's local or
        calls a method on it or on its attributes (``ad.router = b.router``, ``ad.use_b()``,
        ``reg.routers.append(r)``): then its attributes are what its class sets."""
        module = self.module_of(local) or ""
        if module not in self._touched:
            facts = self.resolver.modules.get(module)
            calls = facts.calls if facts is not None else []
            touched = [c.value.func.ref if c.value.func else None for c in calls]
            touched += [
                c.value.items[0].ref for c in calls if c.role == "setattr" and c.value.items
            ]
            self._touched[module] = [ref for ref in touched if ref and ".<locals>." in ref]
        return module in self.resolver.modules and not any(
            ref.startswith(f"{local}.") for ref in self._touched[module]
        )

    def _held_attribute(self, holder: str, remainder: str, is_class: bool) -> str | None:
        """The variable ``remainder`` names on ``holder``: a class, or a variable holding an
        instance of one the project defines."""
        cls: str | None = holder
        if not is_class:
            instance = self.binding(holder) if holder in self.assigns else None
            if instance is not None and self.declared_only(instance):
                instance = None
            made = self.field_factory_call(instance)
            cls = self.instance_class(made or instance) if instance is not None else None
            owner, _, attribute = holder.rpartition(".")
            if cls is None and self._is_class(owner):  # ``field(init=False)``, set later
                cls = self.attribute_class(owner, attribute)
        *path, last = remainder.split(".")
        for part in path:  # ``sessions.streams.router``: each attribute's own class
            cls = self._attribute_class(cls, part) if cls and self._one_class(cls, part) else None
        return self.class_attribute(cls, last) if cls else None

    def once(self, key: str | None) -> AssignFact | None:
        """The one binding of the variable ``key``, when it is bound once, under no test."""
        written = self.assigns.get(key, []) if key else []
        return written[0] if len(written) == 1 and not written[0].guards else None

    def constructed(self, ref: str | None) -> Value | None:
        """``USER.route_prefixes`` with ``USER = Scope(route_prefixes=("/user",))``: what the
        instance's constructor was passed for that field, by keyword (litellm's resolvers)."""
        holder, _, name = (ref or "").rpartition(".")
        key = self.variable(holder) if holder else None
        call = self.binding(key) if key else None
        if call is not None and call.kind in ("name", "call"):
            call = self._construction(call)  # ``cfg = settings``, ``cfg = get_settings()``
        cls = self.called_class(call)
        fact = self.resolver.symbols.get(cls) if cls else None
        if call is None or fact is None or fact.kind != "class":
            return None
        return call.keyword(name)

    def record_field(self, ref: str | None) -> Value | None:
        """``constructed``, when the class is a plain record whose constructor sets each
        field as given: a dataclass or pydantic model with no ``__init__`` of its own, the
        attribute one of its fields, the instance bound once."""
        holder, _, name = (ref or "").rpartition(".")
        key = self.variable(holder) if holder else None
        if key is None or len(self.assigns.get(key, ())) != 1:
            return None
        # ``_deps = build_auth(...)`` returning ``AuthDeps(...)``: the record it builds
        cls = self.called_class(self._construction(self.binding(key)))
        fact = self.resolver.symbols.get(cls) if cls else None
        if fact is None or fact.kind != "class" or f"{cls}.__init__" in self.resolver.symbols:
            return None
        record = self.is_dataclass(fact) or self.is_subclass(cls, MODEL_ROOTS)
        if not record or f"{cls}.{name}" not in self.assigns:
            return None
        return self.constructed(ref)

    def is_dataclass(self, fact: SymbolFact) -> bool:
        """Whether a class is decorated with ``@dataclass`` (called or not)."""
        return any(
            self.qualified(d.func if d.kind == "call" else d) in DATACLASSES
            for d in fact.decorators
        )

    def field_default(self, value: Value | None) -> Value | None:
        """A dataclass field's default: as written, or ``field(default=...)``'s; None for
        ``field(default_factory=...)`` or none."""
        if (
            value is None
            or value.kind != "call"
            or self.qualified(value.func) not in DATACLASS_FIELD
        ):
            return value
        return value.keyword("default")

    def binding(self, key: str, at: tuple[str, int] | None = None) -> Value | None:
        """The value first bound to a variable (later rebinding is rare for apps and routers),
        with what later statements of its block add to it (``routes += [...]``,
        ``prefix = prefix + "/v1"``). Text or a list bound again otherwise at module level
        is the value the module's tests leave (``branch_binding``), when they tell; anything
        else is the first value. Read ``at`` a file and line, what its own module adds after
        that line is not in it."""
        written = self.assigns.get(key, ())
        if len(written) == 1:
            return written[0].value
        facts = sorted((f for f in written if f.value is not None), key=_line)
        first = facts[0].value if facts else None
        if first is None:
            return None
        if at is not None and self._file_of(key) == at[0]:
            facts = facts[:1] + [f for f in facts[1:] if f.line < at[1]]
        if len(facts) == 1 or first.kind not in ("list", "str", "fstring"):
            return first  # ``V += 1`` of a number is no text to join
        value = first
        for later in facts[1:]:
            same_block = later.guards == facts[0].guards
            grown = self._grown(key, value, later.value) if same_block else None
            if grown is None:
                # bound again (``PREFIX = "/a"``, then ``if DEBUG: PREFIX = "/debug"``):
                # the binding the module's tests leave, when they tell; else the first, a
                # default an option overrides (glances' ``url_prefix``, from its config),
                # unless an ``if`` guards it too: then no binding is the default
                scoped = any(f.scope for f in written)
                near = not scoped and self._adjacent(key, facts[0].line, facts[-1].line)
                decided = self.branch_binding(key) if near else None
                if decided is None and any(g.kind == "if" for g in facts[0].guards):
                    return None
                return decided or first
            value = grown
        if at is None and self._used_while_growing(key, facts):
            return first  # read before it grows (``APIRouter(prefix=PREFIX)``, then ``+=``)
        return value

    def branch_binding(self, key: str) -> Value | None:
        """The value a module variable bound in several branches holds once its module has
        run (``auth = RealAuth()`` under ``if settings.AUTH_ENABLED:``, ``MockAuth()`` in
        its ``else``): the last binding whose ``if`` tests hold, read with the module's
        constants and settings defaults. None when a test is not known, or a binding is in
        a loop, a ``try`` or a function (``binding`` then still gives the first)."""
        written = sorted((f for f in self.assigns.get(key, ()) if f.value is not None), key=_line)
        module = self.module_of(key)
        if len(written) < 2 or module is None or any(f.scope for f in written):
            return self.binding(key)
        if any(
            s.start_line < f.line <= s.end_line for s in self._functions(module) for f in written
        ):
            return None  # ``global auth`` set in a function: when it is called decides
        # ``try: auth = A()`` / ``except ImportError: auth = B()``: the fallback is not what runs
        written = [f for f in written if all(g.kind != "except" for g in f.guards)] or written
        if any(g.kind != "if" for f in written for g in f.guards):
            return None
        if self._read_between(key, written[0].line, written[-1].line):
            return None  # read while it changes: which binding a reader sees, the line says
        bound = self._module_bound(module)
        reaching = None
        for fact in written:
            held = _all_hold(fact.guards, bound)
            if held is None:
                return None
            reaching = fact.value if held else reaching
        return reaching

    def _adjacent(self, key: str, first: int, last: int) -> bool:
        """Whether nothing of the variable's module but its own bindings stands between two
        lines (``PREFIX = ""`` then ``if AUTH: PREFIX = "/secure"``): no statement between
        may read the first value, directly or through a call."""
        facts = self.resolver.modules.get(self.module_of(key) or "")
        if facts is None:
            return False
        name = key.rpartition(".")[2]
        others = [a.line for a in facts.assigns if a.name != name or a.scope]
        lines = [*others, *(c.line for c in facts.calls), *(s.start_line for s in facts.symbols)]
        return not any(first < line < last for line in lines)

    def _read_between(self, key: str, first: int, last: int) -> bool:
        """Whether a definition or call of the variable's module between two of its lines
        names it (``Depends(auth.user)`` in a route between two bindings of ``auth``)."""
        facts = self.resolver.modules.get(self.module_of(key) or "")
        word = re.compile(rf"\b{re.escape(key.rpartition('.')[2])}\b")
        if facts is None:
            return True
        texts = [c.value.text for c in facts.calls if first < c.line < last]
        for sym in facts.symbols:
            if first < sym.start_line < last:
                texts += [d.text for d in sym.decorators]
                texts += [p.default.text for p in sym.params if p.default is not None]
        return any(word.search(text) for text in texts)

    def module_tests_hold(self, module: str, guards: tuple[Guard, ...]) -> bool | None:
        """Whether the ``if`` tests around a module-level statement hold once its module has
        run (``if AUTH_ENABLED:`` of a constant); None when one is not known."""
        return _all_hold(guards, self._module_bound(module))

    def _module_bound(self, module: str) -> Bound:
        """What a name in a module-level ``if`` test holds: a constant, a setting's default."""

        def bound(name: str) -> Value | None:
            if (shadowed := self.builtin_shadowed(module, name)) is not None:
                return shadowed  # the project's own ``len``: not the builtin
            return self._known(
                self._resolved_value(Value("name", name, ref=f"{module}.{name}"), 0), 0
            )

        return bound

    def builtin_shadowed(self, module: str, name: str) -> Value | None:
        """A stand-in for a builtin a test calls (``len``) that ``module`` binds itself, so
        the test is not decided with the builtin; None otherwise."""
        shadowed = name in _BUILTINS_READ and self._shadowed(module, name)
        return Value("other", name) if shadowed else None

    def _shadowed(self, module: str, name: str) -> bool:
        """Whether ``module`` binds ``name`` itself: a definition, an import of it, or a
        star import of a project module that has it."""
        facts = self.resolver.modules.get(module)
        if facts is None:
            return False
        if f"{module}.{name}" in self.resolver.symbols:
            return True
        for imported in facts.imports:
            if imported.bound == name and not imported.star:
                return True
            source = self.resolver.modules.get(imported.target) if imported.star else None
            if source is not None and f"{source.module}.{name}" in self.resolver.symbols:
                return True
        return False

    def _used_while_growing(self, key: str, facts: list[AssignFact]) -> bool:
        """Whether a statement of the variable's own scope names it between its binding and
        its last addition: what is read there is not the grown value."""
        module = self.module_of(key)
        found = self.resolver.modules.get(module) if module else None
        if found is None:
            return True
        name, scope = key.rpartition(".")[2], facts[0].scope
        growing = {f.line for f in facts}
        start, end = facts[0].line, facts[-1].line

        def between(line: int) -> bool:
            return start < line < end and line not in growing

        word = re.compile(rf"\b{re.escape(name)}\b")
        statements: list[AssignFact | CallFact] = [*found.calls, *found.assigns]
        texts = [
            text
            for fact in statements
            if fact.scope == scope and between(fact.line)
            for text in (_value_text(fact), *(g.text for g in fact.guards))
        ]
        texts += [
            decorator.text
            for sym in found.symbols
            for decorator, line in zip(sym.decorators, sym.decorator_lines, strict=True)
            if between(line)
        ]
        return any(word.search(text) for text in texts)

    def _imported_instead(self, key: str) -> str | None:
        """``try: from ee.routers import router as ee_router`` / ``except ImportError:
        ee_router = None``: where every binding is an ``except`` block's ``None`` and the
        module imports the name itself, the import of the project's module is what runs (a
        route under ``if ee_router:`` keeps that test)."""
        written = self.assigns[key]
        if not all(any(g.kind == "except" for g in f.guards) for f in written):
            return None
        if any(f.value is None or f.value.text != "None" for f in written):
            return None  # a fallback that serves too: the import may raise on its own
        module, _, name = key.rpartition(".")
        facts = self.resolver.modules.get(module)
        imported = [
            i.target for i in (facts.imports if facts else ()) if i.bound == name and not i.scope
        ]
        if len(imported) != 1 or imported[0] == key:
            return None
        target = self.resolver.resolve(imported[0])
        return target.qualname if target is not None else None

    def module_of(self, key: str) -> str | None:
        """The module that binds the variable ``key``."""
        owner = key.rpartition(".<locals>.")[0] or key.rpartition(".")[0]
        return self.resolver.symbol_module.get(owner) or (
            owner if owner in self.resolver.modules else None
        )

    def _file_of(self, key: str) -> str | None:
        """The file of the module that binds the variable ``key``."""
        module = self.module_of(key)
        facts = self.resolver.modules.get(module) if module else None
        return facts.file if facts is not None else None

    def rebound(self, key: str, line: int) -> Value | None:
        """What a variable holds at ``line`` of its own block where a statement outside any
        ``if`` or loop bound it anew before that line (``binding`` gives the first value): the
        last such binding. None when it was bound once, or again only under tests."""
        module = self.module_of(key) or ""
        owner = key.rpartition(".<locals>.")[0] or key.rpartition(".")[0]
        scope = owner.removeprefix(module).removeprefix(".")
        inner = [s for s in self._functions(module) if not scope or s.qualname != scope]
        written = sorted(
            (
                f
                for f in self.assigns.get(key, ())
                if f.line < line
                and f.scope == scope
                # a ``global`` write in a function runs when it is called, not where it stands
                and not any(s.start_line < f.line <= s.end_line for s in inner)
            ),
            key=_line,
        )
        first = written[0].value if written else None
        if first is None:
            return None
        again = [
            f
            for f in written[1:]
            if f.value is not None and not f.guards and self._grown(key, first, f.value) is None
        ]
        return again[-1].value if again else None

    def _functions(self, module: str) -> list[SymbolFact]:
        """The functions and methods ``module`` defines."""
        if module not in self._function_symbols:
            facts = self.resolver.modules.get(module)
            symbols = facts.symbols if facts is not None else ()
            self._function_symbols[module] = [s for s in symbols if s.kind in _FUNCTIONS]
        return self._function_symbols[module]

    def _grown(self, key: str, before: Value, after: Value | None) -> Value | None:
        """``after`` with its own variable read as ``before``, when it adds to it."""
        if after is None or after.kind != "add" or len(after.items) != 2:
            return None
        own, added = after.items
        if own.kind != "name" or own.ref is None or self.variable(own.ref) != key:
            return None
        return Value("add", after.text, items=(before, added))

    def object_key(self, ref: str | None, hops: int = 0) -> str | None:
        """The variable that finally holds the object ``ref`` names: ``x = y`` aliases and
        ``app = create_app()`` factories are followed to where the object is built."""
        key = self.variable(ref)
        if key is None or hops > _MAX_HOPS:
            return key
        value = self.binding(key)
        if value is None:
            return key
        if value.kind == "name":
            return self.object_key(value.ref, hops + 1) or key
        if value.kind == "call" and value.func is not None and value.func.kind == "name":
            returned = self._factory_result(value.func.ref, hops)
            if returned is not None:
                return returned
        return key

    def _factory_result(self, ref: str | None, hops: int) -> str | None:
        if ref is None:
            return None
        target = self.resolver.resolve(ref)
        if target is None or target.remainder:
            return None
        fact = self.resolver.symbols.get(target.qualname)
        if fact is None or fact.kind not in ("function", "method"):
            return None
        for value in fact.returned:
            if value.kind == "name":
                found = self.object_key(value.ref, hops + 1)
                if found is not None:
                    return found
        return None

    def qualified(self, value: Value | None) -> str | None:
        """The qualified name a name-value resolves to (project or third-party), or None."""
        if value is None or value.kind != "name" or value.ref is None:
            return None
        target = self.resolver.resolve(value.ref)
        if target is None:
            return None
        return f"{target.qualname}.{target.remainder}" if target.remainder else target.qualname

    def returned_function(self, value: Value | None) -> str | None:
        """The function a call of a project factory or method returns (``health(runner)``
        returning its nested ``_health``, or a ``partial`` of it): the one function every
        ``return`` of the factory names."""
        called = self.called_class(value)
        fact = self.resolver.symbols.get(called) if called else None
        if value is None or fact is None or fact.kind not in _FUNCTIONS or not fact.returned:
            return None
        # ``return with_files if requires_files else without_files`` (hayhooks): the branch
        # the call's literal flag picks
        names = {self.qualified(self.unpartial(chosen(v, fact, value))) for v in fact.returned}
        found = names.pop() if len(names) == 1 else None
        symbol = self.resolver.symbols.get(found) if found else None
        return found if symbol is not None and symbol.kind == "function" else None

    def unpartial(self, value: Value | None) -> Value | None:
        """``partial(handler, config)`` (vocode's inbound routes): the function it calls."""
        while value is not None and value.kind == "call" and value.items:
            if self.qualified(value.func) != PARTIAL:
                break
            value = value.items[0]
        return value

    def called_class(self, value: Value | None) -> str | None:
        """What a call calls: a class (``Users[int]()`` calls ``Users``), or a function's
        qualified name."""
        if value is None or value.kind != "call":
            return None
        func = value.func
        if func is not None and func.kind == "subscript" and func.items:
            func = func.items[0]
        return self.qualified(func)

    def instance_class(self, value: Value | None) -> str | None:
        """The class of the object a call builds: the class called, or what a factory
        function's return annotation says it returns (``settings = get_settings()``); of a
        variable bound once to such a call (``cfg = settings``), that call's."""
        if value is not None and value.kind == "name":
            value = self._made_here(value)
        if value is not None and value.kind == "getattr" and value.func and value.items:
            owner = self.instance_class(value.func)  # ``get_config().event``: a typed field
            return self._attribute_class(owner, value.items[0].text) if owner else None
        called = self.called_class(value)
        fact = self.resolver.symbols.get(called) if called else None
        if fact is not None and fact.kind in ("function", "method"):
            # what it returns, when it builds it there: the annotation may name only a base
            # (airflow's ``create_auth_manager() -> BaseAuthManager``)
            made = [v for v in map(self._made_here, fact.returned) if v]
            built = [self.on_receiver(v, fact, value) for v in made]
            if fact.returns is None:  # one object whichever ``return`` runs, or not known
                one = len(made) == len(fact.returned) and len(set(made)) == 1
                return built[0] if one else None
            annotated = self.qualified(fact.returns)
            only = built[0] if built and len(set(built)) == 1 else None
            if only is not None and annotated is not None and annotated in self.resolver.mro(only):
                return only
            if annotated is None and len(built) == len(fact.returned):
                return only  # ``-> "Permission"``, a forward reference: what it builds (sparkth)
            return annotated
        return called

    def on_receiver(self, made: Value, method: SymbolFact, call: Value | None) -> str | None:
        """The class ``made`` calls; ``cls(...)`` in a classmethod is the class the call is
        made on (``Sub.create()`` of ``Base.create`` returning ``cls()``)."""
        first = method.params[0].name if method.params else None
        classmethod = any(d.text == "classmethod" for d in method.decorators)
        func = call.func if call is not None else None
        if not classmethod or made.func is None or made.func.text != first or func is None:
            return self.called_class(made)
        if ".<locals>." in (made.func.ref or ""):
            return self.called_class(made)  # ``cls = Verifier`` first: a local like any other
        receiver = self.resolver.resolve((func.ref or "").rpartition(".")[0] or "?")
        owner = self.resolver.symbols.get(receiver.qualname) if receiver else None
        if owner is None or owner.kind != "class" or receiver is None or receiver.remainder:
            return self.called_class(made)
        return receiver.qualname

    def _made_here(self, returned: Value, hops: int = 0) -> Value | None:
        """The call a value is, or the call a variable bound once holds, through names
        (``s = Settings(); ...; return s``, ``return settings``), when nothing sets an
        attribute of it afterwards (``s.api_prefix = "/x"``); None for anything else."""
        if returned.kind == "name" and returned.ref and hops <= _MAX_HOPS:
            key = self.variable(returned.ref)
            written = self.assigns.get(key, ()) if key else ()
            held = written[0].value if len(written) == 1 else None
            if held is None or key in self._attribute_holders():
                return None
            return self._made_here(held, hops + 1)
        return returned if returned.kind == "call" else None

    def _construction(self, value: Value | None, hops: int = 0) -> Value | None:
        """The call that builds the object ``value`` names: the call itself, what a variable
        bound once holds, or what the one ``return`` of a project factory builds
        (``config = get_settings()`` with ``return settings``)."""
        made = self._made_here(value) if value is not None and hops <= _MAX_HOPS else None
        called = self.called_class(made)
        fact = self.resolver.symbols.get(called) if called else None
        if fact is None or fact.kind not in ("function", "method") or len(fact.returned) != 1:
            return made
        return self._construction(fact.returned[0], hops + 1)

    def assigned_attributes(self) -> frozenset[str]:
        """Every ``a.b`` the project assigns outside ``self`` (``settings.debug = True``)."""
        if self._assigned is None:
            self._assigned = frozenset(
                ref
                for facts in self.resolver.modules.values()
                for call in facts.calls
                if call.role == "setattr" and (ref := call.value.items[0].ref)
            )
        return self._assigned

    def _attribute_holders(self) -> frozenset[str]:
        """The variables the project sets an attribute of."""
        if self._holders is None:
            self._holders = frozenset(r.rpartition(".")[0] for r in self.assigned_attributes())
        return self._holders

    def class_held(self, name: str | None) -> str | None:
        """The class a name holds: itself, or for a variable bound to a class
        (``Router = VersionedRouter``) or to a function's returned class
        (``Router = make_router_class(APIRoute)``), that class."""
        key = self.variable(name)
        value = self.binding(key) if key else None
        if value is None:  # a class, imported or not (``from constants import Version``)
            target = self.resolver.resolve(name) if name else None
            return target.qualname if target is not None and not target.remainder else name
        if value.kind == "name":
            return self.qualified(value)
        func = self.called_class(value)
        fact = self.resolver.symbols.get(func) if func else None
        for returned in fact.returned if fact is not None else ():
            cls = (
                returned.ref if returned.ref in self.resolver.symbols else self.qualified(returned)
            )
            held = self.resolver.symbols.get(cls) if cls else None
            if held is not None and held.kind == "class":
                return cls
        return name

    def is_subclass(self, cls: str | None, roots: frozenset[str]) -> bool:
        return cls is not None and any(c in roots for c in self.resolver.mro(cls))

    # -- strings and numbers --------------------------------------------------------------

    def text(self, value: Value | None, hops: int = 0) -> Text:
        """The string an expression builds; parts that cannot be known become placeholders."""
        if value is None:
            return Text("")
        if value.kind == "str":
            return Text(value.text)
        if value.kind == "int":  # an int formats as Python prints it: ``f"/v{0x10}"`` is /v16
            return Text(_int_text(value.text))
        if value.kind in ("fstring", "add"):
            parts = [self._part(v, value.kind, hops) for v in value.items]
            return Text("".join(p.value for p in parts), tuple(u for p in parts for u in p.unknown))
        if hops < _MAX_HOPS:
            resolved = self._resolved_value(value, hops)
            if resolved is not None:
                return self.text(resolved, hops + 1)
        return Text(placeholder(value.text), (value.text,))

    def _part(self, value: Value, joined: str, hops: int) -> Text:
        """One part of an f-string or a sum: an enum member formatted in an f-string is
        ``Version.V1`` or its value by the enum and the Python release: not known."""
        if joined == "fstring" and value.kind == "name" and self._enum_member(value):
            return Text(placeholder(value.text), (value.text,))
        return self.text(value, hops + 1)

    def branch(self, value: Value) -> Value | None:
        """The branch of ``a if FLAG else b`` a module variable's truth picks (one read from
        the environment, as where it is unset); None when that is not known, or a setting's
        field or a call decides it."""
        if value.kind != "ifexp" or len(value.items) != 3:
            return None
        test = value.items[0]
        if (typed := _isinstance(test)) is not None:
            return value.items[1] if typed else value.items[2]
        if test.kind != "const" and (test.kind != "name" or "." in test.text):
            return None  # a setting's field (an ``env_file`` may set it), a call
        held = self._truth(test, 0)  # ``FLAG = os.getenv("FLAG")``: unset, as our runs read it
        return None if held is None else value.items[1] if held else value.items[2]

    def _resolved_value(self, value: Value, hops: int) -> Value | None:
        if value.kind == "or" and len(value.items) == 2:
            return self._either(value.items[0], value.items[1], hops)
        if value.kind == "ifexp" and len(value.items) == 3:
            # ``"/" + name if name else ""``: the branch its test's truth picks
            held = self._truth(value.items[0], hops)
            return None if held is None else value.items[1] if held else value.items[2]
        if value.kind == "call":
            func = self.qualified(value.func)
            default = self._env_default(value)
            if default is not None and default.kind != "const":
                return default  # the default is what runs where the variable is unset
            if (places := self._config_reader(func)) is not None:
                # ``config("PATH", default="sub")`` (python-decouple, starlette's ``Config``);
                # a ``cast`` of the project's is applied to the default too: not read
                default, cast = (_given(value, name, at) for name, at in places)
                plain = cast is None or (cast.ref is None and cast.text in _PLAIN_CASTS)
                return default if plain else None
            if func in FIELD:
                return value.keyword("default") or (value.items[0] if value.items else None)
            if func in TRAITS:  # ``Unicode("/", config=True)``: what runs unconfigured
                return value.keyword("default_value") or (value.items[0] if value.items else None)
            if func in _PATH_FUNCTIONS and len(value.items) == 1 and not value.keywords:
                path = self.text(value.items[0], hops + 1)
                return None if path.unknown else _as_value(_PATH_FUNCTIONS[func](path.value))
            if func in _PATH_JOINS and value.items and not value.keywords:
                parts = [self.text(item, hops + 1) for item in value.items]
                known = not any(p.unknown for p in parts) and all(
                    i.kind != "star" for i in value.items
                )
                return Value("str", posixpath.join(*(p.value for p in parts))) if known else None
            if _builtin(value.func, "str") and len(value.items) == 1 and not value.keywords:
                if self._enum_member(value.items[0]):
                    return None  # ``str(Version.V1)`` of ``class Version(str, Enum)``
                made = self.text(value.items[0], hops + 1)  # ``str(Config.VERSION)``
                return None if made.unknown else Value("str", made.value)
            return (
                self._returned_literal(func)
                or self._returned_value(value, func, hops)
                or self._method_returned(value, hops)
                or self._string_method(value, hops)
                or self._joined(value, hops)
                or self._got(value, hops)
            )
        if value.kind == "getattr" and value.func is not None and len(value.items) == 1:
            within = value.func
            if within.kind == "getattr" and hops < _MAX_HOPS:  # ``Settings().api.prefix``
                within = self._resolved_value(within, hops + 1) or within
                # ``api: ApiSettings = Field(default_factory=ApiSettings)``: what it builds
                within = self.field_factory_call(within) or within
            named = self._path_part(within, value.items[0].text, hops)
            return named or self._built_attribute(within, value.items[0].text)
        if value.kind == "subscript" and len(value.items) == 2:
            return self._item(value.items[0], value.items[1], hops)
        if value.kind == "subscript" and len(value.items) == 1:
            return self._sliced(value, hops)
        if value.kind != "name" or value.ref is None:
            return None
        passed = self.constructed(value.ref) or self._enum_attribute(value.ref)
        if passed is not None:
            return passed
        key = self.variable(value.ref)
        if key is not None and key != value.ref and (cls := self._rewriting(value.ref)):
            # ``settings.ADMIN_PREFIX`` a model validator sets from others; one only the
            # ``__init__`` sets, once, is what it sets
            return self._set_by_init(cls, key, value.ref)
        if key is not None:
            bound = self._field_value(key, self.binding(key))
            if bound is not None and self.called_class(bound) in _AUTO:
                return self._auto_value(key)
            bound = self._module_branch(key, bound)
            return None if self._trait_computed(key, bound) else bound
        owner, _, attribute = value.ref.rpartition(".")
        fact = self.resolver.symbols.get(owner) if attribute == "__name__" else None
        if fact is not None:  # ``f"/{func.__name__}"`` with ``func`` a known function
            return Value("str", fact.name)
        dunder = attribute in ("__name__", "__package__")
        module = self.resolver.resolve(owner) if dunder else None
        if module is not None and not module.remainder and module.qualname in self.resolver.modules:
            # ``f"{endpoints.__name__}."`` of ``from app import endpoints``: the module's name;
            # ``routers.__package__``: a package's own name, a module's package's
            name = module.qualname
            plain = posixpath.basename(self.resolver.modules[name].file) != "__init__.py"
            package = name.rpartition(".")[0] if plain and attribute == "__package__" else name
            return Value("str", package)
        return self._attribute_default(value.ref, hops) or self._proxied(owner, attribute)

    def _field_value(self, key: str, bound: Value | None) -> Value | None:
        """What a model's field holds by default when its class declares it with pydantic's
        ``Field``: ``enabled: bool = Field(default=True)``, or ``enabled: Annotated[bool,
        Field(default=True)]`` with no value of its own (pydantic reads it there); ``bound``
        for anything else. None for a required field or a ``default_factory``."""
        written = self.assigns.get(key, ())
        if bound is None and len(written) == 1 and written[0].value is None:
            bound = self._annotated_field(written[0].annotation)
        if bound is None or not self._field_call(bound):
            return bound
        default = bound.keyword("default") or (bound.items[0] if bound.items else None)
        return None if default is None or default.text == "..." else default

    def _annotated_field(self, annotation: Value | None) -> Value | None:
        """The ``Field(...)`` of ``Annotated[T, Field(...)]``; None for any other annotation."""
        if annotation is None or annotation.kind != "subscript" or not annotation.items:
            return None
        if self.qualified(annotation.items[0]) not in ANNOTATED:
            return None
        return next((v for v in annotation.items[1:] if self._field_call(v)), None)

    def _field_call(self, value: Value) -> bool:
        return value.kind == "call" and self.qualified(value.func) in FIELD

    def _proxied(self, holder: str, attribute: str) -> Value | None:
        """``settings.prefix`` with ``settings = LazySettings()``, whose class has no such
        attribute but a ``__getattr__`` returning ``getattr(get_settings(), key)``
        (mcp-context-forge): the attribute of what that call builds."""
        key = self.variable(holder) if holder else None
        written = self.assigns.get(key, ()) if key else ()
        made = written[0].value if len(written) == 1 else None
        cls = self.called_class(made) if made is not None else None
        if cls is None or self.class_attribute(cls, attribute) is not None:
            return None
        hook = next(
            (
                self.resolver.symbols.get(f"{c}.__getattr__")
                for c in self.resolver.mro(cls)
                if f"{c}.__getattr__" in self.resolver.symbols
            ),
            None,
        )
        if hook is None or len(hook.returned) != 1 or len(hook.params) != 2:
            return None
        returned = hook.returned[0]
        target = returned.items[0] if returned.kind == "call" and len(returned.items) == 2 else None
        asked = returned.items[1] if target is not None else None
        if not _builtin(returned.func, "getattr") or asked is None or target is None:
            return None
        if asked.kind != "name" or asked.text != hook.params[1].name or target.kind != "call":
            return None
        return self._built_attribute(target, attribute)

    def _either(self, first: Value, other: Value, hops: int) -> Value | None:
        """``path or ""`` (langserve's namespace): the first operand when it is a known truthy
        string, the other when it is known falsy (``""``, ``None``); None when not known. A
        name bound to a constant is that constant (``self.router_prefix or ""``)."""
        first = self._followed(first, hops) or first
        first = self._env_default(first) or first  # ``os.getenv("PREFIX") or "/v1"``
        if first.kind == "const":
            return other if first.text in ("None", "False") else None
        text = self.text(first, hops + 1)
        if text.unknown:
            return None
        return Value("str", text.value) if text.value else other

    def _truth(self, test: Value, hops: int) -> bool | None:
        """Whether a test holds by the truth of what it names: a known string (empty is
        false), ``None``, ``True`` or ``False``; None for anything else."""
        test = self._followed(test, hops) or test
        test = self._env_default(test) or test
        if test.kind == "const":
            return _CONSTANT_TRUTH.get(test.text)
        if test.kind == "int":
            return _int_text(test.text) != "0"
        if test.kind == "call" and self._plain_instance(test):
            return True  # ``auth = LocalAuth()``: an object is true unless its class says
        if test.kind not in ("str", "name", "fstring", "add", "getattr", "subscript"):
            return None  # a comparison, a call: not the truth of a string
        text = self.text(test, hops + 1)
        return None if text.unknown else bool(text.value)

    def _module_branch(self, key: str, bound: Value | None) -> Value | None:
        """``PREFIX = f"/api{RAW}" if not RAW.startswith("/api") else RAW``: of a module
        variable, the branch a test of the module's constants picks; else ``bound``."""
        if bound is None or bound.kind != "ifexp":
            return bound
        home = self.module_of(key)
        if not home or "." in key[len(home) + 1 :]:
            return bound
        return picked_branch(bound, self._module_bound(home)) or bound

    def _plain_instance(self, call: Value) -> bool:
        """Whether ``call`` builds an instance of a project class whose every class is the
        project's and none defines ``__bool__`` or ``__len__``: always true as a test."""
        cls = self.called_class(call)
        symbols = self.resolver.symbols
        if cls is None or cls not in symbols or symbols[cls].kind != "class":
            return False
        mro = self.resolver.mro(cls)
        truth = ("__bool__", "__len__")
        defined = (f"{c}.{m}" for c in mro for m in truth)
        return all(c in symbols for c in mro) and not any(
            name in symbols or name in self.assigns for name in defined
        )

    def _env_default(self, value: Value) -> Value | None:
        """What ``os.getenv(NAME, default)`` or ``os.environ.get`` gives where the variable is
        unset, as our runs read the environment: its default, ``None`` without one; None
        for any other value."""
        if value.kind != "call" or self.qualified(value.func) not in _GETENV:
            return None
        if value.items and value.items[0].text in self._environment_set():
            return None  # ``os.environ.setdefault(NAME, ...)`` first: not unset at all
        keywords = [name for name, _ in value.keywords]
        if len(value.items) not in (1, 2) or keywords not in ([], ["default"]):
            return None
        if len(value.items) == 2 and keywords:
            return None  # the default given twice: a TypeError, not ours to read
        default = value.items[1] if len(value.items) == 2 else value.keyword("default")
        return default or Value("const", "None")

    def _environment_set(self) -> frozenset[str]:
        """The environment variables the project sets itself, by name: ``os.environ[NAME] =
        ...``, ``os.environ.setdefault(NAME, ...)``, ``os.putenv(NAME, ...)``."""
        if self._env_set is None:
            found = set()
            for facts in self.resolver.modules.values():
                for call in facts.calls:
                    target = call.value.items[0] if call.value.items else None
                    if target is None:
                        continue
                    if call.role == "setitem" and (named := _ENVIRON_ITEM.fullmatch(target.text)):
                        found.add(named[2])
                    elif call.role == "call" and self._sets_environment(call.value.func):
                        found.add(target.text)
            self._env_set = frozenset(found)
        return self._env_set

    def _sets_environment(self, func: Value | None) -> bool:
        # the name's end first: qualifying every call of the project costs more
        written = func.text if func is not None else ""
        return written.endswith(_ENV_SETTER_NAMES) and self.qualified(func) in _ENV_SETTERS

    def _returned_literal(self, func: str | None) -> Value | None:
        """``Images.sequence_name()`` of ``def sequence_name(cls): return "images"``: what a
        project function returns when its one ``return``, outside any block, is a string."""
        fact = self.resolver.symbols.get(func) if func else None
        if fact is None and func:  # ``cls.sequence_type.sequence_name()``: a class held
            owner, _, method = func.rpartition(".")
            cls = self.class_held(owner) if owner else None
            target = self.resolver.resolve(f"{cls}.{method}") if cls else None
            fact = self.resolver.symbols.get(target.qualname) if target is not None else None
        if fact is None or fact.kind not in ("function", "method") or len(fact.returned) != 1:
            return None
        if any(d.text not in ("staticmethod", "classmethod") for d in fact.decorators):
            return None  # a decorator may change what the call returns
        returned = fact.returned[0]
        unguarded = fact.returned_guards == ((),)
        return returned if unguarded and returned.kind == "str" else None

    def returned_for(self, call: Value, func: str) -> Value | None:
        """What the project function ``func`` returns to ``call`` (``_returned_value``)."""
        return self._returned_value(call, func, 0)

    def _returned_value(self, call: Value, func: str | None, hops: int) -> Value | None:
        """``api("/users")`` of ``def api(path): return PREFIX + path`` (mlflow's
        ``_add_static_prefix``): what a project function returns given the call's arguments,
        through the first ``return`` whose ``if`` tests hold with them, and the branch of a
        conditional expression it returns whose test holds. A variable read from the
        environment without a default is unset there, as a ``getenv`` default is read
        elsewhere; a test not known, or a ``return`` in a loop, leaves the call unknown."""
        fact = self.resolver.symbols.get(func) if func else None
        if fact is None or fact.kind != "function" or fact.decorators or func is None:
            return None
        return self._returned(call, func, fact, hops)

    def _method_returned(self, call: Value, hops: int) -> Value | None:
        """``config.prefix("v1")`` of ``def prefix(self, version): return
        f"{self.base}/{version}"``: what the method returns on that instance, as
        ``_returned_value`` reads a function, ``self.x`` read on the instance as a
        property's return is (``_property``)."""
        ref = call.func.ref if call.func is not None and call.func.kind == "name" else None
        split = self._split(ref) if ref else None
        if split is None or "." in split[1] or split[0] not in self.assigns:
            return None
        holder_key, name = split
        holder = self.binding(holder_key)
        cls = self.instance_class(holder) if holder is not None else None
        if cls is None or self.class_attribute(cls, name) is not None:
            return None
        symbols = self.resolver.symbols
        owner = next((o for o in self.resolver.mro(cls) if f"{o}.{name}" in symbols), "")
        fact = symbols.get(f"{owner}.{name}")
        if fact is None or fact.kind != "method" or fact.decorators or not fact.params:
            return None
        bound = replace(call, items=(Value("name", fact.params[0].name), *call.items))
        returned = self._returned(bound, f"{owner}.{name}", fact, hops)
        return rebased(returned, f"{owner}.", f"{holder_key}.") if returned is not None else None

    def _returned(self, call: Value, func: str, fact: SymbolFact, hops: int) -> Value | None:
        if any(p.kind in ("star", "double_star") for p in fact.params):
            return None
        given = {f"{func}.<locals>.{p.name}": argument(p.name, fact, call) for p in fact.params}
        params = {key: value for key, value in given.items() if value is not None}
        if len(params) != len(given) or len(call.items) > len(params):
            return None
        if any(key in self.assigns for key in params):
            return None  # a parameter bound again in the body (``path = "/" + path``)
        if any(g.kind == "except" for guards in fact.returned_guards for g in guards):
            return None  # which ``return`` runs depends on what the ``try`` raises
        bound = self._bound_in(func, params, hops)
        raised = self._raised_unless(func)
        for returned, guards in zip(fact.returned, fact.returned_guards, strict=True):
            held = _all_hold(tuple(g for g in guards if g.text not in raised), bound)
            if held is None:
                return None
            if held:
                picked = picked_branch(returned, bound)
                if picked is None or self._unsettled(picked):
                    return None
                return _substituted(picked, params)
        return None

    def _raised_unless(self, func: str) -> frozenset[str]:
        """The tests ``if not any((a, b)): raise ...`` leaves the rest of ``func`` under
        (``not (...)``): past them, the call returns only when they hold, else it raises,
        so they never decide which ``return`` runs."""
        if func not in self._raised:
            module = self.resolver.modules.get(self.resolver.symbol_module.get(func, ""))
            scope = func.removeprefix(f"{module.module}.") if module is not None else ""
            raises = [c for c in module.calls if c.role == "raise"] if module is not None else []
            # only one at the function's top: nested under another test, its ``not (...)``
            # is no guard of what follows that test (an ``else`` may read the same words)
            self._raised[func] = frozenset(
                f"not ({c.guards[0].text})"
                for c in raises
                if c.scope == scope and len(c.guards) == 1 and c.guards[0].kind == "if"
            )
        return self._raised[func]

    def _unsettled(self, value: Value) -> bool:
        """Whether ``value`` reads a module variable something binds again (a ``global``)."""
        key = self.variable(value.ref) if value.kind == "name" else None
        if key is not None and ".<locals>." not in key and self._settled(key) is None:
            return True
        called = (value.func,) if value.func is not None else ()
        parts = (*called, *value.items, *(v for _, v in value.keywords))
        return any(self._unsettled(part) for part in parts)

    def _bound_in(self, func: str, params: dict[str, Value], hops: int) -> Bound:
        """What a name in a test of ``func`` holds: a parameter's argument, a local, a global."""
        module = self.resolver.symbol_module.get(func, "")

        def bound(name: str) -> Value | None:
            key = f"{func}.<locals>.{name}"
            if key in params:
                return self._known(params[key], hops)
            if name in _BUILTINS_READ and key in self.assigns:
                return Value("other", name)  # a local ``len``
            if (shadowed := self.builtin_shadowed(module, name)) is not None:
                return shadowed
            local = self.variable(key) or self._settled(f"{module}.{name}")
            value = self.binding(local) if local else None
            once = local == key and len(self.assigns.get(key, ())) == 1
            if once and value is not None and _is_test(value.text) and key not in seen:
                # ``only = allow_executor and not allow_user``, a local test of the params
                seen.add(key)
                held = holds(value.text, bound)
                seen.discard(key)
                return Value("const", str(held)) if held is not None else None
            return self._known(value, hops)

        seen: set[str] = set()
        return bound

    def _settled(self, ref: str) -> str | None:
        """The module variable ``ref`` names, when nothing binds it again: bound once, and
        not in any function of its module (which a ``global`` statement would make it)."""
        key = self.variable(ref)
        module = self.module_of(key) if key else None
        facts = self.resolver.modules.get(module) if module else None
        if key is None or facts is None or len(self.assigns.get(key, ())) != 1:
            return None
        name = key.rpartition(".")[2]
        scopes = {a.scope for a in facts.assigns if a.name == name and a.scope}
        owners = [self.resolver.symbols.get(f"{module}.{scope}") for scope in scopes]
        return key if all(o is not None and o.kind == "class" for o in owners) else None

    def _config_reader(self, func: str | None) -> _ReaderPlaces | None:
        """Where a settings reader takes its ``default`` and ``cast``: python-decouple's
        ``config``, or an instance of decouple's ``AutoConfig`` or starlette's ``Config``
        (``config = Config(".env")``). None for any other function."""
        if func in _DECOUPLE_READERS:
            return _DECOUPLE_PLACES
        key = self.variable(func) if func else None
        built = self.binding(key) if key else None
        if built is None or built.keyword("environ") is not None:
            return None  # ``Config(environ={...})``: the values are the project's own
        return _CONFIG_CLASSES.get(self.called_class(built) or "")

    def _known(self, value: Value | None, hops: int) -> Value | None:
        """``value`` as an ``if`` test reads it: a literal, ``None`` for an environment
        variable read without a default, or a string known in full."""
        if value is None or value.kind in ("str", "int", "const", "list"):
            return value
        default = self._env_default(value)
        if default is not None and default.kind == "const" and default.text == "None":
            return default
        text = self.text(value, hops + 1)
        return None if text.unknown else Value("str", text.value)

    def _string_method(self, call: Value, hops: int) -> Value | None:
        """``os.environ.get(NAME, "").rstrip("/")`` (mlflow's static prefix): a str method
        applied to a string known in full, with string arguments."""
        receiver, method = _method_of(call)
        if receiver is None or method not in STR_METHODS | SPLIT_METHODS or call.keywords:
            return None
        parts = [self.text(v, hops + 1) for v in (receiver, *call.items)]
        if any(part.unknown for part in parts):
            return None
        text, *args = (part.value for part in parts)
        try:
            return _as_value(getattr(text, method)(*args))
        except (TypeError, ValueError):  # wrong arguments for the method: not a str call
            return None

    def _auto_value(self, key: str) -> Value | None:
        """``brain_region = auto()`` in a ``StrEnum``: the member's name in lower case, as
        its ``_generate_next_value_`` makes it; None under a project's own override of it,
        or in any other enum (numbers)."""
        cls, _, name = key.rpartition(".")
        mro = self.resolver.mro(cls)
        own = any(f"{c}._generate_next_value_" in self.resolver.symbols for c in mro)
        return Value("str", name.lower()) if "enum.StrEnum" in mro and not own else None

    def _enum_attribute(self, ref: str) -> Value | None:
        """``Paths.SENSORS.value`` (the member's value) or ``.name`` of a project ``Enum``'s
        member; None for anything else."""
        member, _, attribute = ref.rpartition(".")
        owner, _, name = member.rpartition(".")
        if attribute not in ("value", "name") or not owner:
            return None
        cls = self.class_held(owner)
        if not cls or not self.is_subclass(cls, _ENUMS | _VALUED):
            return None
        if attribute == "name":
            return Value("str", name)
        key = self.variable(member)
        bound = self.binding(key) if key else None
        if bound is not None and self.called_class(bound) in _AUTO and key is not None:
            return self._auto_value(key)
        return bound

    def enum_members(self, value: Value) -> tuple[Value, ...] | None:
        """``for version in Version`` over a project ``Enum`` (not a ``Flag``): its members in
        the order written, each named (``Version.V1``); None for anything else, or when a
        member's value is not known (an alias of an earlier value is no member of its own)."""
        cls = self.class_held(self.qualified(value)) if value.kind == "name" else None
        fact = self.resolver.symbols.get(cls) if cls else None
        if cls is None or fact is None or fact.kind != "class":
            return None
        if not self.is_subclass(cls, _ENUMS | _VALUED) or self.is_subclass(cls, _FLAGS):
            return None
        module = self.resolver.symbol_module[cls]
        scope = cls.removeprefix(f"{module}.")
        members: dict[str, Value] = {}
        for assign in self.resolver.modules[module].assigns:
            if assign.scope != scope or assign.name.startswith("_") or assign.value is None:
                continue
            auto = self.called_class(assign.value) in _AUTO
            text = self.text(assign.value) if not auto else Text(f"auto:{assign.name}")
            if text.unknown or assign.guards:
                return None
            members.setdefault(text.value, Value("name", assign.name, ref=f"{cls}.{assign.name}"))
        return tuple(members.values())

    def enum_of(self, key: str) -> str | None:
        """The project enum the class attribute ``key`` is a member of (``Perm.ADMIN``)."""
        owner = key.rpartition(".")[0]
        fact = self.resolver.symbols.get(owner)
        enum = fact is not None and fact.kind == "class"
        enum = enum and self.is_subclass(owner, _ENUMS | _VALUED)
        return owner if enum else None

    def _enum_member(self, value: Value) -> bool:
        """Whether ``value`` names a member of an ``Enum`` whose ``str()`` is not its value
        (all but ``StrEnum`` and ``IntEnum``: ``Version.V1``, not ``"v1"``)."""
        owner = (value.ref or "").rpartition(".")[0] if value.kind == "name" else ""
        cls = self.class_held(owner) if owner else None
        return bool(cls) and self.is_subclass(cls, _ENUMS) and not self.is_subclass(cls, _VALUED)

    def _followed(self, value: Value, hops: int) -> Value | None:
        """``value``, or what the names it is bound through hold (``PARTS`` -> its list);
        None when a name is bound to nothing we can read."""
        while value.kind == "name" and hops < _MAX_HOPS:
            key = self.variable(value.ref)
            bound = self.binding(key) if key else None
            if bound is None:
                return None
            value, hops = bound, hops + 1
        return value

    def _joined(self, call: Value, hops: int) -> Value | None:
        """``"/".join(PARTS)``: a known string joining a list or tuple of known strings."""
        func = call.func
        if func is None or func.kind != "getattr" or func.func is None or not func.items:
            return None
        if func.items[0].text != "join" or len(call.items) != 1 or call.keywords:
            return None
        separator, listed = self.text(func.func, hops + 1), self._followed(call.items[0], hops)
        if listed is not None and listed.kind in ("call", "subscript") and hops < _MAX_HOPS:
            listed = self._resolved_value(listed, hops + 1)  # ``".".join(v.split(".")[:2])``
        if separator.unknown or listed is None or listed.kind != "list":
            return None
        if any(item.kind == "star" for item in listed.items):
            return None
        parts = [self.text(item, hops + 1) for item in listed.items]
        if any(part.unknown for part in parts):
            return None
        return Value("str", separator.value.join(part.value for part in parts))

    def _got(self, call: Value, hops: int) -> Value | None:
        """``CONFIG.get("prefix", "/api")`` on a dict literal bound to a name: the key's
        value, else the default (``None`` without one)."""
        func = call.func
        if func is None or not 1 <= len(call.items) <= 2 or call.keywords:
            return None
        # ``ROUTERS.get(server.lower())`` in a loop; ``code = r.get(code)`` reads itself
        name = self.text(call.items[0], hops + 1)
        if name.unknown:
            return None
        if func.kind == "getattr" and func.func is not None and func.items[0].text == "get":
            held: Value | None = func.func  # ``route.get("prefix", "")`` of a loop's dict
        elif func.kind == "name" and func.ref and func.ref.endswith(".get"):
            key = self.variable(func.ref.removesuffix(".get"))
            held = self.binding(key) if key else None
        else:
            return None
        if held is None or held.kind != "dict":
            return None
        found = held.keyword(name.value)
        if found is not None:
            return found
        return call.items[1] if len(call.items) == 2 else Value("const", "None")

    def _sliced(self, value: Value, hops: int) -> Value | None:
        """``filename[:-3]``: a slice, written with int literals, of a string known in full,
        or of the strings a call makes of one (``version.split(".")[:2]``)."""
        try:
            written = ast.parse(value.text, mode="eval").body
        except SyntaxError:  # a text cut short
            return None
        bounds = written.slice if isinstance(written, ast.Subscript) else None
        cut = _slice(bounds) if isinstance(bounds, ast.Slice) else None
        if cut is None:
            return None
        sliced = value.items[0]
        made = self._resolved_value(sliced, hops + 1) if sliced.kind == "call" else None
        if made is not None and made.kind == "list" and hops < _MAX_HOPS:
            return Value("list", value.text, items=made.items[cut])
        text = self.text(sliced, hops + 1)
        return None if text.unknown else Value("str", text.value[cut])

    def subscripted(self, value: Value) -> Value | None:
        """What ``DEPS["get"]`` holds, when ``DEPS`` is a dict literal bound to a name."""
        return self._item(value.items[0], value.items[1], 0) if len(value.items) == 2 else None

    def changed_in_place(self, key: str) -> bool:
        """Whether any module changes what the variable ``key`` holds in place: an item set
        or deleted (``ROUTES[k] = v``, ``del ROUTES[k]``, ``conf.PREFIXES[0] = "/z"`` in
        another module, ``url["prefix"] = ...`` of a loop's item), a method changing it
        (``ROUTES.pop("/b")``, ``DEPS.update(...)``) or one of its items
        (``DEPS["users"].append(...)``): then it does not hold what it was built with."""
        return bool(self.changes(key))

    def changes(self, key: str) -> list[CallFact]:
        """The statements that change what the variable ``key`` holds in place."""
        if self._changes is None:
            self._changes = defaultdict(list)
            for facts in self.resolver.modules.values():
                for call in facts.calls:
                    held = _changed_root(call)
                    for name in {held, self.variable(held)} if held else ():
                        if name:
                            self._changes[name].append(call)
        return self._changes.get(key, [])

    def filled(self, key: str) -> Value | None:
        """What a module-level dict literal holds once its module has set string keys on it,
        each at module level under no test (``ROUTERS = {}``, then ``ROUTERS["/users"] =
        users``), before its module reads it anywhere (a loop above the last item set, or a
        function defined above it, may see fewer); None when anything else changes it."""
        written = self.assigns.get(key, [])
        only = written[0] if len(written) == 1 and not written[0].scope else None
        facts = self.resolver.modules.get(self.module_of(key) or "")
        bound = only.value if only is not None else None
        if only is None or bound is None or bound.kind != "dict" or facts is None:
            return None
        changes = sorted(self.changes(key), key=lambda c: c.line)
        lines = {only.line, *(c.line for c in changes)}
        table = key.rpartition(".")[2]
        if any(
            r.line < max(lines) and r.line not in lines and r.text.partition(".")[0] == table
            for r in facts.refs
        ):
            return None
        items = dict(bound.keywords)
        for change in changes:
            stored = change.role == "setitem" and len(change.value.items) == 2
            target = change.value.items[0] if stored else None
            if target is None or len(target.items) != 2 or change.scope or change.guards:
                return None
            name, given = target.items
            if name.ref != key or given.kind != "str":
                return None
            items[given.text] = change.value.items[1]
        return replace(bound, keywords=tuple(items.items()))

    def looked_up(self, value: Value) -> Value | None:
        """What ``ROUTERS[name]`` or ``ROUTERS.get(name)`` gives, on a dict literal bound to a
        name, the key known in full."""
        if value.kind == "call":
            return self._got(value, 0)
        return self.subscripted(value) if value.kind == "subscript" else None

    def _named_as(self, ref: str) -> str:
        """What ``ref`` names wherever it is spelled: ``Action.CHAT`` as a module that
        imports ``Action`` writes it is the defining module's ``Action.CHAT``."""
        target = self.resolver.resolve(ref)
        if target is None:
            return ref
        return f"{target.qualname}.{target.remainder}" if target.remainder else target.qualname

    def _item(self, container: Value, key: Value, hops: int) -> Value | None:
        """``PATHS["models"]`` or ``ROUTES[Action.CHAT]`` on a dict literal bound to a name;
        ``name.split(".")[0]``, a part of what a call makes of a known string."""
        if key.kind == "other" and re.fullmatch(r"-\s*\d+", key.text):  # ``parts[-1]``
            key = Value("int", key.text.replace(" ", ""))
        if container.kind == "call" and key.kind == "int" and hops < _MAX_HOPS:
            made = self._resolved_value(container, hops + 1)
            index = int(key.text)
            if (
                made is None
                or made.kind != "list"
                or not -len(made.items) <= index < len(made.items)
            ):
                return None
            return made.items[index]
        if container.kind == "subscript" and len(container.items) == 2 and hops < _MAX_HOPS:
            # ``DEPS[RouterName.ITEMS][DependencyType.DEFAULT]``: a dict in a dict
            inner = self._item(container.items[0], container.items[1], hops + 1)
            if inner is None:
                return None
            container = inner
        followed = self._followed(container, hops)
        if followed is None:
            return None
        if followed.kind == "list" and key.kind == "int" and followed.ref is None:
            root = container_root(container)  # ``url[1]`` of a loop's tuple, ``PREFIXES[0]``
            table = self.variable(root) if root else None
            return (
                _indexed(followed, key) if not table or not self.changed_in_place(table) else None
            )
        container = followed
        if container.kind == "dict":  # of one key written twice, Python keeps the last
            text = self.text(key, hops + 1)
            held = [v for k, v in container.keywords if k == text.value]
            return held[-1] if held and not text.unknown else None
        if container.kind != "map":
            return None
        if any(written.kind == "fstring" for written in container.items[::2]):
            return None  # a key the run computes may be the one asked for
        pairs = zip(container.items[::2], container.items[1::2], strict=True)
        named = self._named_as(key.ref) if key.kind == "name" and key.ref else None
        same = (lambda k: k.ref is not None and self._named_as(k.ref) == named) if named else None
        found = None
        for written, item in pairs:
            if (
                same(written)
                if same
                else written.kind == key.kind == "str" and written.text == key.text
            ):
                found = item  # of one key written twice, Python keeps the last
        return found

    def _attribute_default(self, ref: str, hops: int) -> Value | None:
        """``settings.API_V1_STR`` where ``settings = Settings()``: the class's default."""
        split = self._split(ref)
        if split is None or hops > _MAX_HOPS:
            return None
        holder_key, attribute = split
        holder = self.binding(holder_key) if holder_key in self.assigns else None
        cls: str | None = self.instance_class(holder) if holder is not None else holder_key
        if cls is None:
            return None
        if holder is not None and self.is_subclass(cls, APP_CLASSES):
            return self._app_attribute(holder, attribute)
        *path, last = attribute.split(".")
        for part in path:  # ``config.run.root_path``: each attribute's own class default
            cls = self._attribute_class(cls, part)
            if cls is None:
                return None
        key = self.class_attribute(cls, last)
        if key is not None and holder is not None and self._rewritten(cls, last):
            # an instance's value its class's own code sets anew: known only when that is
            # the ``__init__`` its construction ran, once, to a value of no local
            return self._set_by_init(cls, key, ref) if not path else None
        if key is not None:
            return self.binding(key)
        owner = next(
            (o for o in self.resolver.mro(cls) if f"{o}.{last}" in self.resolver.symbols), ""
        )
        fact = self.resolver.symbols.get(f"{owner}.{last}")
        if fact is None or fact.kind != "method" or holder is None or path:
            return None  # read on the class itself, a property is the property object
        return self._property(fact, owner, holder_key)

    def _built_attribute(self, call: Value, attribute: str) -> Value | None:
        """``get_settings().API_V1_STR``: the attribute of the object a call builds, as its
        construction passes it to a record class (a settings or other model, a dataclass),
        else its class's default. Not an app's, nor one the class's own code may change."""
        cls = self.instance_class(call) if call.kind == "call" else None
        if cls is None or self.is_subclass(cls, APP_CLASSES):
            return None
        if (passed := self._passed_to_init(call, cls, attribute)) is not None:
            return passed
        if self._rewrites(cls, attribute):
            return None
        made = self._construction(call)
        given = made.keyword(attribute) if made is not None else None
        if given is not None:
            fact = self.resolver.symbols.get(cls)
            record = fact is not None and (
                self.is_dataclass(fact) or self.is_subclass(cls, MODEL_ROOTS)
            )
            return given if record and self.called_class(made) == cls else None
        key = self.class_attribute(cls, attribute)
        return self.binding(key) if key is not None else None

    def _path_part(self, call: Value, attribute: str, hops: int) -> Value | None:
        """``Path(__file__).stem`` (or ``.name``, ``.suffix``) of a known string."""
        if attribute not in _PATH_PARTS or call.kind != "call" or len(call.items) != 1:
            return None
        if self.qualified(call.func) not in PATH_CLASSES:
            return None
        text = self.text(call.items[0], hops + 1)
        return None if text.unknown else Value("str", getattr(PurePosixPath(text.value), attribute))

    def _passed_to_init(self, call: Value, cls: str, attribute: str) -> Value | None:
        """``Config("users").prefix`` where ``__init__(self, prefix)`` sets ``self.prefix =
        prefix``, the attribute's one binding, and nothing binds the parameter again: what
        the construction passes for it, or its default."""
        key = self.class_attribute(cls, attribute)
        written = self.assigns.get(key, ()) if key else ()
        value = written[0].value if len(written) == 1 and not written[0].guards else None
        if value is None or value.kind != "name" or value.ref in self.assigns:
            return None
        func, marker, param = (value.ref or "").rpartition(".<locals>.")
        runs = next(
            (
                f"{c}.__init__"
                for c in self.resolver.mro(cls)
                if f"{c}.__init__" in self.resolver.symbols
            ),
            None,
        )
        init = self.resolver.symbols.get(func) if marker and func == runs else None
        made = self._construction(call)
        if init is None or made is None or self.called_class(made) != cls:
            return None
        passed = replace(init, params=init.params[1:])
        if spread_may_give(made, param, passed):
            return None  # ``Config(**opts)``: the mapping may hold it
        return argument(param, passed, made)

    def _rewrites(self, cls: str, attribute: str) -> bool:
        """Whether the class's own code may make the attribute something else than what is
        passed or declared: an ``__init__`` or post-init hook, a validator, or a field read
        under an alias."""
        for owner in self.resolver.mro(cls):
            if owner not in self.resolver.symbols:
                continue
            if any(f"{owner}.{hook}" in self.resolver.symbols for hook in _INIT_HOOKS):
                return True
            key = f"{owner}.{attribute}"
            declared = self.assigns[key][0].value if key in self.assigns else None
            if declared is not None and any(name in _ALIASES for name, _ in declared.keywords):
                return True
        return any(self._validated(owner, attribute) for owner in self.resolver.mro(cls))

    def _set_by_init(self, cls: str, key: str, read: str) -> Value | None:
        """``self.API_V1_STR = "/api/v1"`` in the ``__init__`` constructing ``cls`` runs
        (PratikoAi's plain ``Settings``), the attribute's one binding, under no test, of a
        value naming none of the method's locals: that value, unless some code sets the
        attribute of the instance ``read`` names (``settings.API_V1_STR = ...``) or the
        class writes its instances another way (``setattr``, ``__dict__``, ``__new__``)."""
        written = self.assigns.get(key, ())
        fact = written[0] if len(written) == 1 and not written[0].guards else None
        symbols = self.resolver.symbols
        owner = next((c for c in self.resolver.mro(cls) if f"{c}.__init__" in symbols), None)
        init = symbols.get(f"{owner}.__init__") if owner else None
        if fact is None or fact.value is None or init is None or owner != key.rpartition(".")[0]:
            return None
        if not init.start_line <= fact.line <= init.end_line:
            return None
        if any(".<locals>." in ref for ref in refs_within(fact.value)):
            return None
        attribute = key.rpartition(".")[2]
        if not self._plain_instances(cls, attribute) or self._set_from_outside(read):
            return None
        if fact.value.kind == "call":  # ``self._load_prefix()``: the method of that instance
            return rebased(fact.value, f"{owner}.", f"{read.rpartition('.')[0]}.")
        return fact.value

    def _plain_instances(self, cls: str, attribute: str) -> bool:
        """Whether the project classes of ``cls`` write ``attribute`` of their instances
        only by ``self.x = ...``: no ``__new__``, no ``__dict__`` in their methods, and no
        ``setattr`` but of another attribute, named as a string."""
        for owner in self.resolver.mro(cls):
            module = self.resolver.symbol_module.get(owner)
            facts = self.resolver.modules.get(module) if module else None
            if facts is None:
                continue
            if f"{owner}.__new__" in self.resolver.symbols:
                return False
            local = f"{owner.removeprefix(f'{module}.')}."
            for call in (c.value for c in facts.calls if c.scope.startswith(local)):
                if "__dict__" in call.text or _sets(call, attribute):
                    return False
        return True

    def _set_from_outside(self, read: str) -> bool:
        """Whether any code sets the attribute ``read`` names on that very instance
        (``settings.API_V1_STR = "/v2"``, in any module)."""
        holder, _, attribute = read.rpartition(".")
        instance = self.variable(holder) if holder else None
        return any(
            name == attribute and owner and self.variable(owner) == instance
            for owner, _, name in (ref.rpartition(".") for ref in self.assigned_attributes())
        )

    def _rewritten(self, cls: str, attribute: str) -> bool:
        """Whether an instance's ``attribute`` is set anew by the class's own code: a method
        assigning ``self.attribute`` (an after model validator deriving it, a post-init
        hook, an ``__init__``). A field validator is not counted: most only normalise what
        is given (``/api`` stays ``/api``), and reading the default is right far more often
        than a placeholder would be."""
        for owner in self.resolver.mro(cls):
            module = self.resolver.symbol_module.get(owner)
            facts = self.resolver.modules.get(module) if module else None
            local = owner.removeprefix(f"{module}.")
            if facts is not None and any(
                a.scope == local and a.name == attribute for a in facts.attributes
            ):
                return True
        return False

    def _rewriting(self, ref: str) -> str | None:
        """The class of the instance whose attribute ``settings.API_ROOT`` reads, when the
        class's own code may change it from the default (``_rewritten``); else None."""
        split = self._split(ref)
        holder = self.binding(split[0]) if split and split[0] in self.assigns else None
        cls = self.instance_class(holder) if holder is not None else None
        rewritten = split is not None and cls is not None and self._rewritten(cls, split[1])
        return cls if rewritten else None

    def _validated(self, cls: str, attribute: str) -> bool:
        """Whether a pydantic validator of a project class may change the attribute: one of
        that field (or of every field), a model validator running before the fields are
        set, or one after that assigns it (``self.prefix = ...``, ``setattr``). One after
        that only checks the fields (a ``raise`` in prod) changes nothing."""
        module = self.resolver.symbol_module.get(cls)
        facts = self.resolver.modules.get(module) if module else None
        local = cls.removeprefix(f"{module}.") + "."
        methods = [m for m in facts.symbols if m.kind == "method"] if facts else []
        return facts is not None and any(
            self._changes_field(decorator, method, facts, attribute)
            for method in methods
            if method.qualname.startswith(local)
            for decorator in method.decorators
        )

    def _changes_field(
        self, decorator: Value, method: SymbolFact, facts: ModuleFacts, attribute: str
    ) -> bool:
        """Whether ``decorator`` makes ``method`` a validator that may change the field."""
        name = self.qualified(decorator.func if decorator.kind == "call" else decorator)
        if name not in VALIDATORS:
            return False
        if name.endswith("model_validator") and decorator.kind == "call":
            mode = decorator.keyword("mode")
            return mode is None or mode.text != "after" or _assigns_own(facts, method, attribute)
        if name.endswith("field_validator") or name == "pydantic.validator":
            fields = [i.text if i.kind == "str" else "*" for i in decorator.items]
            return decorator.kind != "call" or attribute in fields or "*" in fields
        return True

    def _trait_computed(self, key: str, bound: Value | None) -> bool:
        """Whether a traitlets trait's default is computed by an ``@default("name")`` method
        of its class, a base or a subclass (so not the argument it was declared with)."""
        if bound is None or bound.kind != "call" or self.qualified(bound.func) not in TRAITS:
            return False
        if self._trait_defaults is None:
            self._trait_defaults = defaultdict(set)
            for name, fact in self.resolver.symbols.items():
                for decorator in fact.decorators if fact.kind == "method" else ():
                    func = decorator.func if decorator.kind == "call" else None
                    if self.qualified(func) in _TRAIT_DEFAULTS and decorator.items:
                        owner = name.rpartition(".")[0]
                        self._trait_defaults[decorator.items[0].text].add(owner)
        cls, _, attribute = key.rpartition(".")
        return any(
            cls in self.resolver.mro(owner) or owner in self.resolver.mro(cls)
            for owner in self._trait_defaults.get(attribute, ())
        )

    def _property(self, fact: SymbolFact, owner: str, holder: str) -> Value | None:
        """``settings.API_V1_STR`` of ``@property def API_V1_STR(self): return
        self.CONTEXT_PATH + "/api/v1"`` (SQLBot's settings): what its one ``return``, outside
        any block, builds, with ``self.X`` read on the instance (``settings.CONTEXT_PATH``: what
        its construction passed, else its class's default). Not when a setter may change it."""
        returned = self.property_returned(fact, owner) if self.is_property(fact) else None
        return rebased(returned, f"{owner}.", f"{holder}.") if returned is not None else None

    def is_property(self, fact: SymbolFact) -> bool:
        """Whether a method reads as an attribute (``@property``, a cached one)."""
        decorators = {self.qualified(d) or d.text for d in fact.decorators}
        return bool(decorators) and decorators <= PROPERTIES

    def property_returned(self, fact: SymbolFact, owner: str) -> Value | None:
        """What a property of ``owner`` gives: its one ``return``, outside any block; None
        when it has more, or a setter may change it."""
        if len(fact.returned) != 1 or fact.returned_guards != ((),):
            return None
        return None if self._set(owner, fact.name) else fact.returned[0]

    def _set(self, cls: str, name: str) -> bool:
        """Whether ``cls`` defines ``name`` more than once (``@x.setter`` after ``@property``)."""
        facts = self.resolver.modules.get(self.resolver.symbol_module.get(cls, ""))
        qualname = f"{cls}.{name}"[len(facts.module) + 1 :] if facts else ""
        return facts is not None and any(r.qualname == qualname for r in facts.redefined)

    def class_attribute(self, cls: str, name: str) -> str | None:
        """The key of the class attribute ``name`` as ``cls`` or a base defines it; None when
        a method of that name comes first (a subclass's property over a base's attribute)."""
        for owner in self.resolver.mro(cls):
            if f"{owner}.{name}" in self.assigns:
                return f"{owner}.{name}"
            fact = self.resolver.symbols.get(f"{owner}.{name}")
            if fact is not None and fact.kind in ("method", "function", "class"):
                return None
        return None

    def _one_class(self, cls: str, name: str) -> bool:
        """Whether every binding of the attribute builds one class: ``self.inner =
        Streams()`` in one branch and ``Other()`` in another leaves it unknown."""
        key = self.class_attribute(cls, name)
        values = [f.value for f in self.assigns.get(key or "", ()) if f.value is not None]
        # ``features: Features = field(init=False)``: declared, set by a method (tipg)
        built = [self.field_factory_call(v) or v for v in values if not self.declared_only(v)]
        return len({self.instance_class(v) for v in built}) <= 1

    def _is_class(self, name: str) -> bool:
        fact = self.resolver.symbols.get(name)
        return fact is not None and fact.kind == "class"

    def declared_only(self, value: Value) -> bool:
        """A field declared with no value of its own: ``field(init=False)``."""
        if value.kind != "call" or self.qualified(value.func) not in FIELD_FACTORIES:
            return False
        valued = {"default", "default_factory", "factory"}
        return not value.items and not any(name in valued for name, _ in value.keywords)

    def attribute_class(self, cls: str, name: str) -> str | None:
        """The class an attribute of ``cls``'s instances holds (``_attribute_class``), when
        every binding of it builds one class."""
        return self._attribute_class(cls, name) if self._one_class(cls, name) else None

    def _attribute_class(self, cls: str, name: str) -> str | None:
        """The class of a class attribute's default: ``run: RunSettings =
        Field(default_factory=RunSettings)`` or ``run = RunSettings()``."""
        key = self.class_attribute(cls, name)
        if key is None:
            return None
        fact = self.assigns[key][0]
        # ``inj: Inj | None = None`` then ``self.inj = SubInj()``: the one class built there
        built = {self.instance_class(f.value) for f in self.assigns[key] if _made(f.value)}
        only = built.pop() if len(built) == 1 else None
        annotated = self.qualified(self._optional(fact.annotation))
        if annotated is not None and annotated in self.resolver.symbols:
            return only if only is not None and annotated in self.resolver.mro(only) else annotated
        made = self.field_factory_call(fact.value)
        if made is not None:
            return self.called_class(made)
        return self.instance_class(fact.value) or only

    def field_factory_call(self, value: Value | None) -> Value | None:
        """``field(default_factory=APIRouter)`` (dataclasses, pydantic), attrs'
        ``field(factory=APIRouter)`` and ``field(default=Factory(APIRouter))``: the call that
        builds each instance's value, ``APIRouter()``; None for any other value."""
        named = FIELD_FACTORIES.get(self.qualified(value.func) or "") if value else None
        if value is None or named is None:
            return None
        factory = value.keyword(named)
        default = value.keyword("default")
        if factory is None and default is not None and default.kind == "call":
            wrapped = self.qualified(default.func) in ATTRS_FACTORY and len(default.items) == 1
            factory = default.items[0] if wrapped and not default.keywords else None
        if factory is None or factory.kind != "name":
            return None  # a lambda or a call: what it builds is not read
        return Value("call", f"{factory.text}()", func=factory)

    def _optional(self, annotation: Value | None) -> Value | None:
        """``X | None``, ``None | X`` and ``Optional[X]`` are ``X``: the class an attribute
        holds when it is set."""
        if annotation is None:
            return None
        if annotation.kind == "subscript" and len(annotation.items) == 2:
            optional = self.qualified(annotation.items[0]) in _OPTIONAL
            return annotation.items[1] if optional else annotation
        if annotation.kind != "union":
            return annotation
        given = [v for v in annotation.items if not (v.kind == "const" and v.text == "None")]
        return self._optional(given[0]) if len(given) == 1 else None

    def _split(self, ref: str) -> tuple[str, str] | None:
        """A reference to an attribute -> (the variable or class holding it, the attribute)."""
        if ".<locals>." in ref:
            head, _, tail = ref.rpartition(".<locals>.")
            name, _, attribute = tail.partition(".")
            return (f"{head}.<locals>.{name}", attribute) if attribute else None
        target = self.resolver.resolve(ref)
        if target is None or not target.remainder:
            return None
        return target.qualname, target.remainder

    @staticmethod
    def _app_attribute(call: Value, name: str) -> Value | None:
        if name not in APP_PATH_ATTRIBUTES:
            return None
        return call.keyword(name) or Value("str", APP_PATH_ATTRIBUTES[name])

    def status_code(self, value: Value | None) -> int | None:
        if value is None:
            return None
        if value.kind == "int":
            return int(value.text, 0)
        match = _STATUS_NAME.search(value.text)
        return int(match.group(1)) if match else None

    def split(self, value: Value) -> tuple[Value, ...] | None:
        """The parts a string literal is split into (``"v1,v2".split(",")``, ``VERSIONS =
        " v1,v2 "`` bound once then ``VERSIONS.strip().split(",")``); None for any other
        value: a setting's or an environment variable's default is what runs only when
        nothing overrides it."""
        if _method_of(value)[1] not in SPLIT_METHODS or not self._literal(value, 0):
            return None
        made = self._string_method(value, 0)
        return made.items if made is not None and made.kind == "list" else None

    def _literal(self, value: Value, hops: int) -> bool:
        """Whether ``value`` is a string literal, a str method's call on one with literal
        arguments, or a module variable bound once, under no test, to one."""
        if value.kind == "str":
            return True
        if hops > _MAX_HOPS:
            return False
        if value.kind == "name":
            only = self.once(self.variable(value.ref))
            bound = only.value if only is not None and not only.scope else None
            return bound is not None and self._literal(bound, hops + 1)
        receiver = _method_of(value)[0]  # ``" v1,v2 ".strip()``, ``VERSIONS.strip()``
        parts = (receiver, *value.items) if receiver is not None else ()
        return bool(parts) and not value.keywords and all(self._literal(p, hops + 1) for p in parts)

    def strings(self, value: Value | None, hops: int = 0) -> tuple[str, ...]:
        """A list of string literals (``tags=["a"]``, ``methods=["GET"]``), as written, or
        a name bound to one (``methods=PROXY_METHODS``)."""
        if value is not None and value.kind == "name" and hops < _MAX_HOPS:
            key = self.variable(value.ref)
            return self.strings(self.binding(key) if key else None, hops + 1)
        if value is not None and value.kind == "add" and len(value.items) == 2:
            return tuple(s for part in value.items for s in self.strings(part, hops + 1))
        if value is None or value.kind != "list":
            return ()
        found: list[str] = []
        for item in value.items:
            spread = self.strings(item.items[0], hops + 1) if item.kind == "star" else ()
            found += spread or (self.text(item).value,)  # ``tags=[*BASE_TAGS, "users"]``
        return tuple(found)


def with_parts(value: Value, part: Callable[[Value], Value]) -> Value:
    """``value`` with ``part`` applied to what it is made of: its function, items, keywords."""
    if value.func is None and not value.items and not value.keywords:
        return value
    return replace(
        value,
        func=part(value.func) if value.func is not None else None,
        items=tuple(map(part, value.items)),
        keywords=tuple((k, part(v)) for k, v in value.keywords),
    )


def rebased(value: Value, old: str, new: str) -> Value:
    """``value`` with the attributes under ``old`` (``config.Settings.``) read under ``new``
    (a method's own locals, ``config.Settings.f.<locals>.p``, stay)."""
    rest = value.ref[len(old) :] if value.ref is not None and value.ref.startswith(old) else None
    if value.kind == "name" and rest is not None and ".<locals>." not in rest:
        return replace(value, ref=new + rest)
    return with_parts(value, lambda part: rebased(part, old, new))


def _assigns_own(facts: ModuleFacts, method: SymbolFact, attribute: str) -> bool:
    """Whether a method sets ``self.attribute`` (or an attribute of it), or sets attributes
    by name (``setattr``)."""
    within = range(method.start_line, method.end_line + 1)
    own = (f"self.{attribute}", f"self.{attribute}.")
    calls = [c for c in facts.calls if c.scope == method.qualname]
    # ``object.__setattr__(self, ...)``, ``self.__dict__[...]``, or a method of its own
    # called (``self._derive()``) may set it: not read as a check only
    by_name = any("setattr" in c.value.text or "__dict__" in c.value.text for c in calls)
    on_self = any(c.role == "call" and c.value.text.startswith("self.") for c in calls)
    return (
        by_name
        or on_self
        or any(a.name == attribute and a.line in within for a in facts.attributes)
        or any(c.role == "setattr" and c.value.items[0].text.startswith(own) for c in calls)
    )


@functools.cache
def _is_test(text: str) -> bool:
    """Whether an expression is a test: ``a and not b``, ``not a``, ``a == b``."""
    try:
        node = ast.parse(text, mode="eval").body
    except SyntaxError:
        return False
    return isinstance(node, ast.BoolOp | ast.Compare) or (
        isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not)
    )


def _all_hold(guards: tuple[Guard, ...], bound: Bound) -> bool | None:
    """Whether every ``if`` around a statement holds; None when one is not known (or a loop)."""
    for guard in guards:
        held = holds(guard.text, bound) if guard.kind == "if" else None
        if not held:
            return held
    return True


def picked_branch(value: Value, bound: Bound) -> Value | None:
    """``url[:-1] if url.endswith("/") else url``: the branch whose test holds."""
    while value.kind == "ifexp" and len(value.items) == 3:
        test, body, orelse = value.items
        held = holds(test.text, bound)
        if held is None:
            return None
        value = body if held else orelse
    return value


def _substituted(value: Value, params: dict[str, Value]) -> Value:
    """``value`` with the parameters ``params`` names read as the arguments they were given
    (``path.rstrip`` of a parameter ``path``: that method of the argument)."""
    ref = value.ref
    if value.kind == "name" and ref is not None:
        if ref in params:
            return params[ref]
        owner, _, attribute = ref.rpartition(".")
        if owner in params:
            return Value(
                "getattr", value.text, func=params[owner], items=(Value("str", attribute),)
            )
    return with_parts(value, lambda part: _substituted(part, params))


def _made(value: Value | None) -> bool:
    """Whether ``value`` builds an object (a call), rather than naming one or ``None``."""
    return value is not None and value.kind == "call"


def chosen(
    value: Value | None,
    fact: SymbolFact,
    call: Value,
    literal: Callable[[Value], Value | None] = lambda given: given,
) -> Value | None:
    """What ``value``, returned by the function ``call`` calls, is: ``a if flag else b``
    (``not flag`` too) with ``flag`` a parameter the call gives as a literal (or leaves at
    its literal default; ``literal`` reads a name the call passes) is that branch; an ``if``
    on anything else is None."""
    if value is None or value.kind != "ifexp":
        return value
    test, body, orelse = value.items

    def bound(name: str) -> Value | None:
        given = argument(name, fact, call)
        if given is None and test.kind == "name" and test.text == name:
            given = test  # closed already over what the call passed (``make(GUARD)``)
        return literal(given) if given is not None else None

    # a test read already as what the call passes (langflow's factory locals) is a literal
    held = holds(test.text, bound)
    if held is None:
        return None
    return chosen(body if held else orelse, fact, call, literal)


def argument(name: str, fact: SymbolFact, call: Value) -> Value | None:
    """What the call passes for parameter ``name`` of the function it calls (or its default)."""
    if (given := call.keyword(name)) is not None:
        return given
    positional = [p.name for p in fact.params if p.kind == "positional"]
    spread = any(item.kind == "star" for item in call.items)
    if name in positional and (positional.index(name) < len(call.items) or spread):
        return _at(call, positional.index(name))
    return next((p.default for p in fact.params if p.name == name), None)


def spread_may_give(call: Value, name: str, fact: SymbolFact) -> bool:
    """Whether ``call`` passes ``**mapping`` and neither names ``name`` nor fills it by
    position: the mapping may hold it, so its default is not what runs."""
    if "**" not in dict(call.keywords) or call.keyword(name) is not None:
        return False
    positional = [p.name for p in fact.params if p.kind == "positional"]
    return name not in positional[: len(call.items)]


def _given(call: Value, name: str, place: int) -> Value | None:
    """What ``call`` passes by keyword ``name``, or else at position ``place``."""
    if (given := call.keyword(name)) is not None:
        return given
    return _at(call, place) if len(call.items) > place else None


def _indexed(listed: Value, index: Value) -> Value | None:
    """The item of a list or tuple display at an int literal's index, unless a ``*spread``
    comes before it."""
    try:
        place = int(index.text, 0)
    except ValueError:
        return None
    if not -len(listed.items) <= place < len(listed.items):
        return None
    before = listed.items[:place] if place >= 0 else listed.items
    return None if any(i.kind == "star" for i in before) else listed.items[place]


def _at(call: Value, place: int) -> Value | None:
    """The positional argument at ``place``; unknown from a ``*spread`` on, whose length is."""
    spread = any(item.kind == "star" for item in call.items[: place + 1])
    return None if spread or place >= len(call.items) else call.items[place]


def _int_text(written: str) -> str:
    """An int literal as ``str()`` gives it: ``0x10`` is ``16``, ``1_000`` is ``1000``."""
    try:
        return str(int(written, 0))
    except ValueError:
        return written


def _isinstance(test: Value) -> bool | None:
    """``isinstance(True, bool)``, a literal against builtin types, once a call's argument is
    bound in (fastapi-crudrouter's ``[] if isinstance(route, bool) else route``); None for
    any other test, or a literal whose type the text does not tell."""
    if test.kind != "call" or not _builtin(test.func, "isinstance") or len(test.items) != 2:
        return None
    held, types = test.items
    kinds = types.items if types.kind == "list" and types.text.startswith("(") else (types,)
    if not kinds or not all(k.kind == "name" and k.ref is None for k in kinds):
        return None
    names = {k.text for k in kinds}
    if not names <= _TYPE_NAMES:
        return None
    if held.kind == "const" and held.text in ("True", "False"):
        return bool(names & {"bool", "int"})
    typed = _LITERAL_TYPES.get((held.kind, held.text[:1]), _LITERAL_TYPES.get((held.kind, "")))
    return None if typed is None else typed in names


#: The builtin type of a literal, by its kind and the first character of its text.
_LITERAL_TYPES = {
    ("str", ""): "str",
    ("int", ""): "int",
    ("dict", "{"): "dict",
    ("list", "["): "list",
    ("list", "("): "tuple",
    ("const", "N"): "NoneType",
}
_TYPE_NAMES = frozenset(
    {"bool", "int", "float", "str", "bytes", "list", "tuple", "dict", "set", "frozenset"}
)


def _builtin(func: Value | None, name: str) -> bool:
    """Whether ``func`` names the builtin ``name`` (a project's own has a ref)."""
    return func is not None and func.kind == "name" and func.ref is None and func.text == name


def _method_of(call: Value) -> tuple[Value | None, str]:
    """The receiver and the method a call calls (``os.environ.get(...).rstrip``,
    ``VERSIONS.split``); no receiver for anything else."""
    func = call.func if call.kind == "call" else None
    if func is not None and func.kind == "getattr" and func.items and func.func is not None:
        return func.func, func.items[0].text
    if func is not None and func.kind == "name" and func.ref and "." in func.ref:
        owner, _, method = func.ref.rpartition(".")
        return Value("name", func.text.rpartition(".")[0], ref=owner), method
    return None, ""


def _as_value(result: object) -> Value | None:
    """A string, or the strings of a tuple or list, that evaluating made, as a value."""
    if isinstance(result, str):
        return Value("str", result)
    if isinstance(result, tuple | list) and all(isinstance(part, str) for part in result):
        return Value("list", repr(result), items=tuple(Value("str", part) for part in result))
    return None


def _slice(bounds: ast.Slice) -> slice | None:
    """``[:-3]``: a slice whose bounds are int literals (negative too) or left out."""
    parts: list[int | None] = []
    for node in (bounds.lower, bounds.upper, bounds.step):
        negative = isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub)
        literal = node.operand if isinstance(node, ast.UnaryOp) and negative else node
        if literal is None:
            parts.append(None)
        elif isinstance(literal, ast.Constant) and type(literal.value) is int:
            parts.append(-literal.value if negative else literal.value)
        else:
            return None
    return None if parts[2] == 0 else slice(*parts)


def _line(fact: AssignFact) -> int:
    return fact.line


def _value_text(fact: AssignFact | CallFact) -> str:
    return fact.value.text if fact.value is not None else ""
