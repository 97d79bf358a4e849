"""Frozen, typed facts extracted from source, and the values queries return."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar


class _Pickled:
    """Pickled as a call of its class with its fields. The dataclass way for a frozen slotted
    class reads every field's metadata for every object: twice the cost of unpickling a plain
    one, and a changed run unpickles every module's facts."""

    __slots__ = ()
    __match_args__: ClassVar[tuple[str, ...]]

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return type(self), tuple([getattr(self, name) for name in self.__match_args__])


@dataclass(frozen=True, slots=True)
class Value(_Pickled):
    """An expression reduced to what static evaluation needs.

    ``kind`` is "str" (``text`` is the string's value), "int", "const" (True/False/None),
    "name" (a dotted name; ``ref`` is its qualified candidate, or a local id
    ``module.func.<locals>.name`` for a function's locals), "call" (``func``, positional
    ``items``, ``keywords``), "list" (list, tuple or set), where an item ``*x`` is a "star"
    whose ``items[0]`` is ``x``, "fstring" (``items`` are its parts), "add" (``items`` are the
    operands), "or" (``a or b``: ``items`` are the operands), "union" (``a | b``, an
    annotation's ``X | None`` too: ``items`` are the operands), "subscript" (``items`` are
    the base, then the indices), "dict" (string keys: ``keywords``), "getattr" (an
    attribute of what is not a dotted name: ``func`` is the object, ``items[0]`` the
    attribute's name), "lambda" (``ref`` is its qualified name, as Python's ``__qualname__``
    names it: ``module.f.<locals>.<lambda>``), "comp" (a comprehension of one ``for``: ``items``
    are the item made, the target, what it runs over, then its ``if`` tests), or "other". A
    call's ``**mapping`` argument is the keyword "**"."""

    kind: str
    text: str
    ref: str | None = None
    func: Value | None = None
    items: tuple[Value, ...] = ()
    keywords: tuple[tuple[str, Value], ...] = ()

    def keyword(self, name: str) -> Value | None:
        return next((v for k, v in self.keywords if k == name), None)


@dataclass(frozen=True, slots=True)
class Param(_Pickled):
    """A function parameter; ``kind`` is "positional", "keyword", "star" or "double_star".
    ``only``: a positional one written before ``/``, which no call can pass by name."""

    name: str
    kind: str
    annotation: Value | None
    default: Value | None
    only: bool = False


@dataclass(frozen=True, slots=True)
class Guard(_Pickled):
    """What a statement runs under: an enclosing ``if`` branch (kind "if"; ``text`` is the
    condition as written, ``not (...)`` for the branches after it), a ``for`` loop (kind
    "for"; ``target`` is the loop variable, ``iterable`` what it runs over), a ``while`` loop
    (kind "while"; ``text`` is ``while`` and its test) or an ``except`` block (kind
    "except"). An ``if`` guard with a ``target`` follows an ``if test: break`` (or
    ``return``) in a loop: it holds while no earlier item met ``target``, the test."""

    kind: str
    text: str
    target: Value | None = None
    iterable: Value | None = None


@dataclass(frozen=True, slots=True)
class AssignFact(_Pickled):
    """``name = value`` or ``name: annotation [= value]`` in any scope (a function's too)."""

    scope: str
    name: str
    annotation: Value | None
    value: Value | None
    line: int
    end_line: int
    # the ``if`` and ``for`` blocks around it in its scope (``if is_ee(): app = extend(app)``)
    guards: tuple[Guard, ...] = ()


@dataclass(frozen=True, slots=True)
class CallFact(_Pickled):
    """A call made as a statement (``app.include_router(...)``), a ``raise`` of a value, or an
    item assignment ``a[k] = v`` (role "setitem": ``value.items`` are the target, then ``v``), or
    an attribute assignment ``a.b = v`` outside ``self`` (role "setattr", the same items), or
    ``del a[k]`` (role "delitem": ``value.items`` is the target)."""

    scope: str
    value: Value
    line: int
    role: str = "call"  # "call" | "raise" | "setitem" | "setattr" | "delitem"
    guards: tuple[Guard, ...] = ()  # enclosing if/for of the same function, outermost first


@dataclass(frozen=True, slots=True)
class SymbolFact(_Pickled):
    """A class, function, method, or module/class-level assignment defined in a module.

    ``qualname`` is relative to the module and matches Python's ``__qualname__``
    (``Outer.method``, ``factory.<locals>.inner``).
    """

    kind: str  # "class" | "function" | "method" | "variable" | "attribute"
    qualname: str
    name: str
    start_line: int
    end_line: int
    is_async: bool = False
    decorators: tuple[Value, ...] = ()
    decorator_lines: tuple[int, ...] = ()
    docstring: str | None = None
    signature: str | None = None
    params: tuple[Param, ...] = ()
    returns: Value | None = None  # the return annotation
    returned: tuple[Value, ...] = ()  # names the body returns (``return app``)
    returned_guards: tuple[tuple[Guard, ...], ...] = ()  # the if/for around each of those
    # what the body yields (``yield router``; ``yield from routers`` as a "star"), and the
    # if/for around each
    yielded: tuple[Value, ...] = ()
    yielded_guards: tuple[tuple[Guard, ...], ...] = ()
    keywords: tuple[tuple[str, Value], ...] = ()  # class keywords (``table=True``)
    bases: tuple[Value, ...] = ()  # class bases as written (builtins too, unlike base refs)
    guards: tuple[Guard, ...] = ()  # enclosing if/for of the definition, outermost first


@dataclass(frozen=True, slots=True)
class ImportFact(_Pickled):
    """One imported name. ``target`` is absolute (relative imports already resolved).

    ``bound`` is the name the import binds and ``binds_to`` what that name then means:
    ``import a.b`` -> target ``a.b``, bound ``a``, binds_to ``a``;
    ``import a.b as c`` -> bound ``c``, binds_to ``a.b``;
    ``from a import b as c`` -> target ``a.b``, bound ``c``, binds_to ``a.b``, from_module ``a``;
    ``from a import *`` -> target ``a``, star, nothing bound.
    """

    target: str
    bound: str | None
    binds_to: str | None
    line: int
    scope: str  # qualname of the enclosing def, "" at module level
    from_module: str | None = None
    level: int = 0
    star: bool = False
    type_checking: bool = False


@dataclass(frozen=True, slots=True)
class RefFact(_Pickled):
    """A use of a name: ``text`` as written, ``candidate`` the qualified name to resolve.

    Locals and builtins are never recorded. ``role`` is "ref", "call", "base" (a class's base,
    with ``scope`` the class) or "import".
    """

    scope: str
    text: str
    candidate: str
    line: int
    role: str = "ref"


@dataclass(frozen=True, slots=True)
class ModuleFacts(_Pickled):
    """Everything extracted from one Python file."""

    file: str
    module: str
    is_package: bool
    line_count: int
    docstring: str | None
    symbols: tuple[SymbolFact, ...]
    imports: tuple[ImportFact, ...]
    refs: tuple[RefFact, ...]
    assigns: tuple[AssignFact, ...] = ()
    calls: tuple[CallFact, ...] = ()
    #: ``self.name = value`` in methods, as assignments in the class's scope: kept apart from
    #: ``assigns`` because they are no class fields (a model's fields are its class's assigns).
    attributes: tuple[AssignFact, ...] = ()
    #: Later ``def``s of a qualname already defined (``symbols`` keeps the first): two
    #: decorated ones both register routes, and pytest sees the last.
    redefined: tuple[SymbolFact, ...] = ()


@dataclass(frozen=True, slots=True)
class Symbol(_Pickled):
    """A symbol as queries return it (Serena's shape)."""

    name_path: str
    qualname: str
    kind: str
    file: str
    start_line: int
    end_line: int
    body: str | None = None
    children: tuple[Symbol, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Reference(_Pickled):
    """A place a symbol is used. ``match`` is "exact" (resolved) or "by-name" (name only)."""

    file: str
    line: int
    scope: str  # qualified name of the referencing symbol or module
    text: str
    match: str


@dataclass(frozen=True, slots=True)
class Match(_Pickled):
    """A regex hit from ``search_pattern``, with surrounding lines."""

    file: str
    line: int
    text: str
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
