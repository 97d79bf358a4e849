"""Symbols, imports, name uses and bound values of one module, in a single pass over its tree."""

from __future__ import annotations

import builtins
import dataclasses
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

import libcst as cst

from codeintel.extract.code import ONE_TOKEN_OPERATORS, code, string_value
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
from codeintel.pipeline.parse import Parsed

_BUILTINS = frozenset(dir(builtins))
_MAX_DEPTH = 12  # deeper expressions are summarised as "other"
_MAX_ITEMS = 64  # longer literals are data, not configuration
_MAX_NAMES = 1024  # but a list of names is wiring (entitycore's 71 routers)
_MAX_TEXT = 300
#: Leaves whose text may hold newlines: backslash continuations, multi-line strings.
_TEXT_LEAVES = frozenset(
    {cst.SimpleWhitespace, cst.SimpleString, cst.FormattedStringText}
    | ({cst.TemplatedStringText} if hasattr(cst, "TemplatedStringText") else set())
)
#: Nodes that end at the end of their last statement, not at their own newline or footer.
_BLOCKS = (
    cst.BaseCompoundStatement,
    cst.SimpleStatementLine,
    cst.BaseSuite,
    cst.Else,
    cst.ExceptHandler,
    cst.ExceptStarHandler,
    cst.Finally,
    cst.MatchCase,
)


def extract_module(parsed: Parsed, path: str, module: str, is_package: bool) -> ModuleFacts:
    """Extract symbols, imports, uses, assignments and call statements from a parsed module."""
    collector = _Collector(module, is_package)
    _walk(collector, parsed.module)
    try:
        return collector.facts(parsed, path, is_package)
    finally:
        collector.release()


@dataclass(eq=False)
class _Scope:
    kind: str  # "module" | "class" | "function"
    qualname: str
    locals: set[str] = field(default_factory=set)
    imports: dict[str, str] = field(default_factory=dict)
    globals: set[str] = field(default_factory=set)
    # names a ``global`` statement declares: what the function binds them to is the module's
    module_names: set[str] = field(default_factory=set)
    is_method: bool = False
    #: a method's first parameter (none for a ``staticmethod``), and whether its body binds
    #: that name again (``cls = Verifier``): then it is a local like any other
    receiver: str | None = None
    receiver_rebound: bool = False
    returned: list[tuple[cst.BaseExpression, tuple[_RawGuard, ...]]] = field(default_factory=list)
    yielded: list[tuple[cst.BaseExpression, bool, tuple[_RawGuard, ...]]] = field(
        default_factory=list
    )
    # a class body's names only annotated so far (``router: APIRouter``): they bind nothing
    annotated: set[str] = field(default_factory=set)

    def child_qualname(self, name: str) -> str:
        if self.kind == "module":
            return name
        if self.kind == "function":
            return f"{self.qualname}.<locals>.{name}"
        return f"{self.qualname}.{name}"


_Chain = tuple[_Scope, ...]


@dataclass(frozen=True)
class _RawGuard:
    """A ``Guard`` before the walk ends: its values are built once every scope's locals are
    known, like every other fact's."""

    kind: str
    text: str
    chain: _Chain
    target: cst.BaseExpression | None = None
    iterable: cst.BaseExpression | None = None


@dataclass(frozen=True)
class _RawRef:
    chain: _Chain
    head: str
    rest: str
    node: cst.CSTNode
    role: str
    owner: str | None = None  # the scope to attribute the use to, when not the innermost


class _Collector:
    """Reads a module once, walked by ``_walk`` (``visit_<Type>``/``leave_<Type>`` hooks, as
    in a libcst visitor). Facts that name things are built after the walk, when every
    scope's locals are known (a name assigned anywhere in a function is local throughout),
    and every line number is known.

    Lines are counted during the walk, from the newlines in the tree's whitespace and string
    leaves, instead of with libcst's PositionProvider: that provider generates the code of the
    whole module again and records a position for every node, which cost twice the parse.
    """

    def __init__(self, module: str, is_package: bool) -> None:
        self.module = module
        self.package = module if is_package else module.rpartition(".")[0]
        self.imports: list[tuple[ImportFact, cst.CSTNode]] = []
        self.scopes: list[_Scope] = [_Scope("module", "")]
        self.raw: list[_RawRef] = []
        self.import_refs: list[tuple[RefFact, cst.CSTNode]] = []
        self.star_import = False
        self._symbols: list[Callable[[], SymbolFact]] = []
        self._redefined: list[Callable[[], SymbolFact]] = []
        self._assigns: list[Callable[[], AssignFact]] = []
        self._attributes: list[Callable[[], AssignFact]] = []
        self._calls: list[Callable[[], CallFact]] = []
        self._seen: set[str] = set()
        self._skip: set[int] = set()
        self._tc_blocks: set[int] = set()
        self._tc_depth = 0
        # The if/for guards in force, one list per function: a function's body runs when it
        # is called, not under the guards around its definition.
        self._guards: list[list[_RawGuard]] = [[]]
        self._block_guards: dict[int, tuple[_RawGuard, ...]] = {}
        self._earlier_branches: dict[int, tuple[_RawGuard, ...]] = {}  # elif -> negations
        self._elifs: set[int] = set()
        self._exits: list[int] = [0]  # per block: guards its early exits added
        # Decorators, parameter annotations and defaults, return annotations and class
        # keywords are evaluated where the definition stands, not inside its own scope: names
        # in them resolve without the definition's locals, yet count as the definition's uses.
        self._outside: dict[int, str | None] = {}  # node -> the name its definition binds
        self._hidden: list[tuple[_Scope, str | None]] = []
        # A class body's assignment reads its value before it binds: there the names it
        # binds anew are not the class's yet (``release = Depends(release)``, a global).
        self._binding: dict[int, tuple[_Scope, frozenset[str]]] = {}  # value -> its new names
        self._import_reads: dict[int, str] = {}  # a name read as the import it rebinds
        self._unbound: list[tuple[_Scope, frozenset[str]]] = []
        # Equal values made once: a module names ``Depends``, ``router`` or ``str`` many
        # times, and every copy was one more object to pickle, and to build again each time
        # the facts are loaded (81,000 values on mealie, 45,000 of them distinct per module).
        self._values: dict[tuple[object, ...], Value] = {}
        self._kept: set[int] = set()  # ids of the values in ``_values``: they stay alive
        # (module or class scope, name) -> what the import the name is bound to imports
        self._imported: dict[tuple[int, str], str] = {}
        self._now = 1  # the line the walk is on
        self._starts: dict[int, int] = {}
        self._ends: dict[int, int] = {}

    def release(self) -> None:
        """Drop the fact builders: closures over ``self`` form reference cycles that would keep
        every parsed tree alive until the cyclic collector, which analysis pauses, runs."""
        self._symbols.clear()
        self._redefined.clear()
        self._assigns.clear()
        self._attributes.clear()
        self._calls.clear()

    def facts(self, parsed: Parsed, path: str, is_package: bool) -> ModuleFacts:
        text = parsed.text
        return ModuleFacts(
            file=path,
            module=self.module,
            is_package=is_package,
            line_count=text.count("\n") + (0 if text.endswith("\n") or not text else 1),
            docstring=parsed.module.get_docstring(),
            symbols=tuple(build() for build in self._symbols),
            imports=tuple(replace(fact, line=self._line(node)) for fact, node in self.imports),
            refs=tuple(self._resolve_refs()),
            assigns=tuple(build() for build in self._assigns),
            calls=tuple(build() for build in self._calls),
            redefined=tuple(build() for build in self._redefined),
            attributes=tuple(build() for build in self._attributes),
        )

    # -- helpers --------------------------------------------------------------------------

    def on_visit(self, node: cst.CSTNode) -> bool:
        kind = type(node)
        self._starts[id(node)] = self._now
        if id(node) in self._outside:
            self._hidden.append((self.scopes[-1], self._outside[id(node)]))
        if id(node) in self._binding:
            self._unbound.append(self._binding[id(node)])
        if kind in _TEXT_LEAVES:
            self._now += node.value.count("\n")  # type: ignore[attr-defined]
        visit = _hook(kind, "visit")
        if visit is None or visit(self, node) is not False:
            return True
        self._now += _newlines(node)  # the walk will not go inside; count what it skips
        return False

    def on_leave(self, original_node: cst.CSTNode) -> None:
        self._ends[id(original_node)] = self._now
        if id(original_node) in self._outside:
            self._hidden.pop()
        if id(original_node) in self._binding:
            self._unbound.pop()
        leave = _hook(type(original_node), "leave")
        if leave is not None:
            leave(self, original_node)

    def _evaluated_outside(
        self, unbound: str | None, *parts: cst.CSTNode | Sequence[cst.CSTNode] | None
    ) -> None:
        """Mark ``parts`` as evaluated before the definition binds its name; ``unbound`` is
        that name when nothing in the scope bound it earlier (``@computed_field`` over
        ``def computed_field`` still means the imported one)."""
        for part in parts:
            for node in part if isinstance(part, Sequence) else (part,):
                if node is not None:
                    self._outside[id(node)] = unbound

    def _line(self, node: cst.CSTNode) -> int:
        """The line ``node`` starts on (after the walk): a definition starts at ``def`` or
        ``class``, after its decorators; a statement after the blank and comment lines it owns."""
        if isinstance(node, cst.FunctionDef):
            node = node.asynchronous or node.whitespace_after_def
        elif isinstance(node, cst.ClassDef):
            node = node.whitespace_after_class
        elif isinstance(node, cst.BaseExpression) and node.lpar:
            # Where the expression inside the parentheses starts.
            return self._starts[id(node)] + sum(_newlines(paren) for paren in node.lpar)
        return self._starts[id(node)] + len(getattr(node, "leading_lines", ()))

    def _end(self, node: cst.CSTNode) -> int:
        """The line of the last token of ``node`` (after the walk), trailing comments aside."""
        while isinstance(node, _BLOCKS) and (last := _last_part(node)) is not None:
            node = last
        return self._ends[id(node)]

    def _chain(self) -> _Chain:
        return tuple(self.scopes)

    def _ref(
        self, node: cst.CSTNode, head: str, rest: str, role: str, owner: str | None = None
    ) -> None:
        chain = self._chain()
        if self._hidden:
            owner = owner or chain[-1].qualname
            hidden = [scope for scope, _ in self._hidden]
            if head == self._hidden[-1][1]:
                hidden.append(self.scopes[-2])  # the scope the name is not bound in yet
            chain = tuple(scope for scope in chain if scope not in hidden)
        for scope, names in self._unbound:
            if head in names:
                chain = tuple(s for s in chain if s is not scope)
        self.raw.append(_RawRef(chain, head, rest, node, role, owner))

    def _reads_imports(
        self, scope: _Scope, names: list[cst.Name], value: cst.BaseExpression
    ) -> None:
        """``router = tagged(router)`` (``Page = CustomizedPage[Page, ...]``) over ``from
        items import router``: the value reads the import it rebinds, not the new name."""
        imported = {n.value: self._imported.get((id(scope), n.value)) for n in names}
        if not any(imported.values()):
            return
        for node in _names_read(value):
            target = imported.get(node.value)
            if target is not None:
                self._import_reads[id(node)] = target

    def _import_read(self, node: cst.CSTNode) -> str | None:
        """The import a name (or the head of ``name.attr``) is read as, when it rebinds it."""
        while type(node) is cst.Attribute:
            node = node.value
        return self._import_reads.get(id(node))

    def _bind(self, name: str, parameter: bool = False) -> None:
        if name == self.scopes[-1].receiver and not parameter:
            self.scopes[-1].receiver_rebound = True
        self.scopes[-1].locals.add(name)
        self.scopes[-1].annotated.discard(name)
        self._imported.pop((id(self.scopes[-1]), name), None)
        # ``import app.models`` for its side effects, then ``app = FastAPI()`` in a factory:
        # the name is the local from there on, not the package
        self.scopes[-1].imports.pop(name, None)

    def _symbol(
        self, qualname: str, build: Callable[[], SymbolFact], redefinable: bool = False
    ) -> None:
        if qualname not in self._seen:  # the first definition of a name is the one we keep
            self._seen.add(qualname)
            self._symbols.append(build)
        elif redefinable:
            self._redefined.append(build)

    def _guard(self, raw: _RawGuard) -> Guard:
        def value(node: cst.BaseExpression | None) -> Value | None:
            return self._value(node, raw.chain) if node is not None else None

        return Guard(raw.kind, raw.text, value(raw.target), value(raw.iterable))

    # -- definitions ----------------------------------------------------------------------

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        scope, chain = self.scopes[-1], self._chain()
        unbound = None if node.name.value in scope.locals else node.name.value
        self._evaluated_outside(unbound, node.decorators, *node.keywords)
        qualname = scope.child_qualname(node.name.value)
        self._skip.add(id(node.name))
        self._bind(node.name.value)
        guards = tuple(self._guards[-1])

        def build() -> SymbolFact:
            return SymbolFact(
                kind="class",
                qualname=qualname,
                name=node.name.value,
                start_line=self._start_line(node),
                end_line=self._end(node),
                decorators=tuple(self._value(d.decorator, chain) for d in node.decorators),
                decorator_lines=tuple(self._line(d) for d in node.decorators),
                docstring=node.get_docstring(),
                keywords=tuple(
                    (arg.keyword.value, self._value(arg.value, chain))
                    for arg in node.keywords
                    if arg.keyword is not None
                ),
                bases=tuple(self._value(arg.value, chain) for arg in node.bases),
                guards=tuple(map(self._guard, guards)),
            )

        self._symbol(qualname, build)
        for arg in node.bases:
            # ``Repository[Item]`` inherits from ``Repository``.
            base = arg.value.value if isinstance(arg.value, cst.Subscript) else arg.value
            if (parts := _dotted(base)) is not None:
                self._skip.add(id(base))
                self._ref(base, parts[0], parts[1], "base", owner=qualname)
        self.scopes.append(_Scope("class", qualname))

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self.scopes.pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        outer, chain = self.scopes[-1], self._chain()
        unbound = None if node.name.value in outer.locals else node.name.value
        # ``def validate(key=Depends(validate))`` after an import of ``validate``: decorators,
        # defaults and annotations run before the def binds the name, so read the import
        early = chain
        imported = self._imported.get((id(outer), node.name.value))
        if outer.kind == "class" and (imported is not None or unbound is not None):
            # the class body as the def sees it: the names bound above it, its own not the
            # class's yet (a global's, or the import's); ``@router.get`` reads the class's
            early = (
                *chain[:-1],
                _Scope(
                    "class",
                    outer.qualname,
                    locals=outer.locals - outer.annotated,  # bound so far, not later
                    imports={node.name.value: imported} if imported is not None else {},
                    globals={unbound} if unbound is not None else set(),
                ),
            )
        elif imported is not None:
            before = _Scope("function", outer.qualname, imports={node.name.value: imported})
            early = (*chain, before)
        qualname = outer.child_qualname(node.name.value)
        self._skip.add(id(node.name))
        self._bind(node.name.value)
        method = outer.kind == "class"
        scope = _Scope("function", qualname, is_method=method, receiver=_receiver(node, method))
        self._evaluated_outside(unbound, node.decorators, node.returns, *_param_parts(node.params))
        guards = tuple(self._guards[-1])
        self._guards.append([])

        def build() -> SymbolFact:
            returns = node.returns.annotation if node.returns else None
            return SymbolFact(
                kind="method" if outer.kind == "class" else "function",
                qualname=qualname,
                name=node.name.value,
                start_line=self._start_line(node),
                end_line=self._end(node),
                is_async=node.asynchronous is not None,
                decorators=tuple(self._value(d.decorator, early) for d in node.decorators),
                decorator_lines=tuple(self._line(d) for d in node.decorators),
                docstring=node.get_docstring(),
                signature=_signature(node),
                params=self._params(node.params, early),
                returns=self._value(returns, early) if returns is not None else None,
                returned=tuple(self._value(e, (*chain, scope)) for e, _ in scope.returned),
                returned_guards=tuple(tuple(map(self._guard, g)) for _, g in scope.returned),
                yielded=tuple(
                    self._yield(e, spread, (*chain, scope)) for e, spread, _ in scope.yielded
                ),
                yielded_guards=tuple(tuple(map(self._guard, g)) for _, _, g in scope.yielded),
                guards=tuple(map(self._guard, guards)),
            )

        self._symbol(qualname, build, redefinable=True)
        self.scopes.append(scope)

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self.scopes.pop()
        self._guards.pop()

    def _start_line(self, node: cst.FunctionDef | cst.ClassDef) -> int:
        lines = [self._line(d) for d in node.decorators]
        return min([*lines, self._line(node)])

    def _params(self, params: cst.Parameters, chain: _Chain) -> tuple[Param, ...]:
        only = {id(p) for p in params.posonly_params}
        groups: list[tuple[str, list[cst.Param]]] = [
            ("positional", [*params.posonly_params, *params.params]),
            ("keyword", list(params.kwonly_params)),
        ]
        if isinstance(params.star_arg, cst.Param):
            groups.append(("star", [params.star_arg]))
        if params.star_kwarg is not None:
            groups.append(("double_star", [params.star_kwarg]))
        return tuple(
            Param(
                p.name.value,
                kind,
                self._annotation(p.annotation.annotation, chain) if p.annotation else None,
                self._value(p.default, chain) if p.default is not None else None,
                id(p) in only,
            )
            for kind, group in groups
            for p in group
        )

    def _annotation(self, node: cst.BaseExpression, chain: _Chain) -> Value:
        """A parameter's annotation; a string (``user: "UserDep"``) is a forward reference,
        which FastAPI evaluates in the module's globals."""
        text = string_value(node) if isinstance(node, cst.SimpleString) else None
        if isinstance(text, str):
            try:
                return self._value(cst.parse_expression(text), chain[:1])
            except cst.ParserSyntaxError:
                pass
        return self._value(node, chain)

    def visit_Yield(self, node: cst.Yield) -> None:
        given = node.value
        if given is not None and self.scopes[-1].kind == "function":
            spread = isinstance(given, cst.From)
            expression = given.item if isinstance(given, cst.From) else given
            self.scopes[-1].yielded.append((expression, spread, tuple(self._guards[-1])))

    def _yield(self, node: cst.BaseExpression, spread: bool, chain: _Chain) -> Value:
        """What a ``yield`` gives; ``yield from x``: a "star" of ``x``, each of its items."""
        value = self._value(node, chain)
        return _star(value) if spread else value

    def visit_Return(self, node: cst.Return) -> None:
        if node.value is not None and self.scopes[-1].kind == "function":
            self.scopes[-1].returned.append((node.value, tuple(self._guards[-1])))
        value = node.value
        called = value.func if isinstance(value, cst.Call) else None
        if isinstance(called, cst.Attribute) and called.attr.value in _REGISTERING_RETURNS:
            assert value is not None
            # ``return self.app.add_api_route(...)`` (IOPaint) registers as a statement would
            self._statement(value, "call")
        elif isinstance(value, cst.Call) and _applies_route_decorator(value):
            # ``return router.api_route(path, methods=[...])(fn)`` in a wrapping decorator
            self._statement(value, "call")

    def visit_Param(self, node: cst.Param) -> None:
        self._skip.add(id(node.name))
        self._bind(node.name.value, parameter=True)

    def visit_Lambda(self, node: cst.Lambda) -> None:
        # Uses inside a lambda are attributed to the definition that holds it.
        self._evaluated_outside(None, *_param_parts(node.params))
        self.scopes.append(_Scope("function", self.scopes[-1].qualname))

    def leave_Lambda(self, original_node: cst.Lambda) -> None:
        self.scopes.pop()

    def visit_Global(self, node: cst.Global) -> None:
        for item in node.names:
            self._skip.add(id(item.name))
            self.scopes[-1].globals.add(item.name.value)
            self.scopes[-1].module_names.add(item.name.value)

    def visit_Nonlocal(self, node: cst.Nonlocal) -> None:
        for item in node.names:
            self._skip.add(id(item.name))
            self.scopes[-1].globals.add(item.name.value)

    def visit_Arg(self, node: cst.Arg) -> None:
        if node.keyword is not None:
            self._skip.add(id(node.keyword))

    # -- assignments and statements -------------------------------------------------------

    def visit_Assign(self, node: cst.Assign) -> None:
        self._binds_after(node.value, *(t.target for t in node.targets))
        owner = _chained_owner(node)
        for target in node.targets:
            # ``users_router = r = APIRouter()`` makes one router: each other name is bound
            # to the first, not to an object of its own (a tuple target unpacks the call)
            unpacked = isinstance(target.target, (cst.Tuple, cst.List))
            shared = owner is not None and target.target is not owner and not unpacked
            self._store(target.target, node, None, owner if shared else node.value)
            if isinstance(target.target, cst.Subscript):
                self._stored(target.target, node.value, "setitem")
            elif isinstance(target.target, cst.Attribute) and not _is_self_attribute(target.target):
                self._stored(target.target, node.value, "setattr")
        if isinstance(node.value, cst.Call) and isinstance(node.value.func, cst.Call):
            # ``f = router.post("/x")(f)``: a decorator applied by hand registers as it would
            # in a statement of its own
            self._statement(node.value, "call")

    def visit_Del(self, node: cst.Del) -> None:
        targets = node.target.elements if isinstance(node.target, cst.Tuple) else [node.target]
        for target in targets:
            deleted = target.value if isinstance(target, cst.Element) else target
            if isinstance(deleted, cst.Subscript):  # ``del ROUTES["/b"]``: the container changes
                self._stored(deleted, None, "delitem")

    def _binds_after(self, value: cst.BaseExpression | None, *targets: cst.BaseExpression) -> None:
        """Note the names a class body's assignment binds anew, for its value to read as
        not bound yet."""
        scope = self.scopes[-1]
        names = {n.value for t in targets for n in _target_names(t)} - scope.locals
        if scope.kind == "class" and value is not None and names:
            self._binding[id(value)] = (scope, frozenset(names))

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        scope = self.scopes[-1]
        self._binds_after(node.value, node.target)
        unbound = isinstance(node.target, cst.Name) and node.target.value not in scope.locals
        self._store(node.target, node, node.annotation.annotation, node.value)
        if scope.kind == "class" and node.value is None and unbound:
            assert isinstance(node.target, cst.Name)
            scope.annotated.add(node.target.value)

    def visit_TypeAlias(self, node: cst.TypeAlias) -> None:
        # ``type DbDep = Annotated[str, Depends(get_db)]`` (PEP 695): FastAPI unwraps the
        # alias to its value, as it does an assigned one's
        self._store(node.name, node, None, node.value)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        target = node.target
        if isinstance(node.operator, cst.AddAssign) and isinstance(
            target, cst.Name | cst.Attribute
        ):
            # ``routes += [APIRoute(...)]`` (MLServer), ``router.prefix += "/v2"``: what
            # ``routes = routes + [...]`` would bind
            grown = cst.BinaryOperation(target, cst.Add(), node.value)
            self._store(target, node, None, grown)
            if isinstance(target, cst.Attribute) and not _is_self_attribute(target):
                self._stored(target, grown, "setattr")
        else:
            self._store(target)

    def visit_For(self, node: cst.For) -> None:
        self._store(node.target)
        text = f"for {_text(node.target)} in {_text(node.iter)}"
        guard = _RawGuard("for", text, self._chain(), node.target, node.iter)
        if not _leaves(node.body):
            self._block_guards[id(node.body)] = (guard,)
            return
        self._block_guards[id(node.body)] = (guard, self._left(node, text))
        if isinstance(node.orelse, cst.Else):
            # a loop's ``else`` runs only when no ``break`` left it
            ended = _RawGuard("if", f"{text} ran to its end", self._chain())
            self._block_guards[id(node.orelse.body)] = (ended,)

    def _left(self, node: cst.For, text: str) -> _RawGuard:
        """``if name == "b": break`` (or ``return``) in a loop: the body runs for an item
        only while no earlier one left the loop, a test read item by item when one such
        ``if`` in the body holds the loop's only exits (its ``target``), else unknown."""
        statements = node.body.body
        exits = [s.test for s in statements if isinstance(s, cst.If) and _is_exit(s)]
        single = len(exits) == 1 and not any(_leaves(s) for s in statements if not _is_exit(s))
        left = f"no earlier item of {text} left it"
        return _RawGuard("if", left, self._chain(), exits[0] if single else None)

    def leave_For(self, original_node: cst.For) -> None:
        node = original_node
        self._after_loop(node, f"for {_text(node.target)} in {_text(node.iter)}")

    def leave_While(self, original_node: cst.While) -> None:
        self._after_loop(original_node, f"while {_text(original_node.test)}")

    def _after_loop(self, node: cst.For | cst.While, text: str) -> None:
        """``for r in routers: if r is last: return``: the rest of the block runs only when
        no item returned, as a loop's ``else`` runs only when no ``break`` left it."""
        if _leaves(node.body, inner_loop=True):
            self._guards[-1].append(_RawGuard("if", f"{text} ran to its end", self._chain()))
            self._exits[-1] += 1

    def visit_While(self, node: cst.While) -> None:
        # its body runs any number of times: a binding there is no straight-line one
        guard = _RawGuard("while", f"while {_text(node.test)}", self._chain())
        self._block_guards[id(node.body)] = (guard,)

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self._store(node.target)

    def visit_AsName(self, node: cst.AsName) -> None:
        self._store(node.name)

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        # ``if (sub := am.get_app()): app.mount("/auth", sub)`` binds ``sub`` as ``=`` would
        self._store(node.target, node, None, node.value)

    def _store(
        self,
        target: cst.BaseExpression,
        statement: cst.CSTNode | None = None,
        annotation: cst.BaseExpression | None = None,
        value: cst.BaseExpression | None = None,
    ) -> None:
        scope, chain = self.scopes[-1], self._chain()
        if scope.kind == "class":
            # a class body reads a value before it binds: the names bound later, or here
            # anew, are not the class's yet (``release = Depends(release)`` is the global)
            chain = (*chain[:-1], replace(scope, locals=set(scope.locals)))
        if statement is not None and _is_self_attribute(target) and scope.is_method:
            assert isinstance(target, cst.Attribute)
            if _worth_keeping(value):
                owner = scope.qualname.rpartition(".")[0]
                self._attributes.append(
                    self._assign_builder(
                        owner, target.attr.value, annotation, value, chain, statement
                    )
                )
            return
        names = _target_names(target)
        if value is not None and scope.kind != "function":
            self._reads_imports(scope, names, value)
        for name in names:
            self._skip.add(id(name))
            self._bind(name.value)
        if statement is None:
            return
        single = value if len(names) == 1 and isinstance(target, cst.Name) else None
        paired = _paired(target, value)
        for name in names:
            held = paired.get(id(name), single)
            if scope.kind == "function" and not _worth_keeping(held):
                continue
            if scope.kind != "function":
                qualname = scope.child_qualname(name.value)
                kind = "variable" if scope.kind == "module" else "attribute"
                self._symbol(qualname, self._variable(kind, qualname, name.value, statement))
            # ``global app; app = FastAPI()`` in ``create_app()`` binds the module's ``app``
            owner = "" if name.value in scope.module_names else scope.qualname
            self._assigns.append(
                self._assign_builder(owner, name.value, annotation, held, chain, statement)
            )

    def _variable(
        self, kind: str, qualname: str, name: str, statement: cst.CSTNode
    ) -> Callable[[], SymbolFact]:
        return lambda: SymbolFact(kind, qualname, name, self._line(statement), self._end(statement))

    def _assign_builder(
        self,
        scope: str,
        name: str,
        annotation: cst.BaseExpression | None,
        value: cst.BaseExpression | None,
        chain: _Chain,
        statement: cst.CSTNode,
    ) -> Callable[[], AssignFact]:
        guards = tuple(self._guards[-1])
        return lambda: AssignFact(
            scope,
            name,
            self._value(annotation, chain) if annotation is not None else None,
            self._value(value, chain) if value is not None else None,
            self._line(statement),
            # a value made here (``x += y``, an item of an unpacked call) ends with its statement
            self._end(value if id(value) in self._ends else statement)
            if value is not None
            else self._line(statement),
            tuple(map(self._guard, guards)),
        )

    def visit_Expr(self, node: cst.Expr) -> None:
        value = node.value.expression if isinstance(node.value, cst.Await) else node.value
        if isinstance(value, cst.Tuple):  # ``app.include_router(r),``: a stray comma
            for element in value.elements:
                if isinstance(element.value, cst.Call):
                    self._statement(element.value, "call")
        elif isinstance(value, cst.Call):  # ``await startup(app)`` passes ``app`` on too
            self._statement(value, "call")
        elif isinstance(value, (cst.ListComp, cst.SetComp)) and isinstance(value.elt, cst.Call):
            # ``[app.include_router(r) for r in routers]``: the call, once per item
            self._statement(value.elt, "call", _comprehension_guards(value.for_in, self._chain()))

    def _statement(
        self, expression: cst.BaseExpression, role: str, inner: tuple[_RawGuard, ...] = ()
    ) -> None:
        scope, chain = self.scopes[-1].qualname, self._chain()
        guards = (*self._guards[-1], *inner)
        self._calls.append(
            lambda: CallFact(
                scope,
                self._value(expression, chain),
                self._line(expression),
                role,
                tuple(map(self._guard, guards)),
            )
        )

    def visit_Raise(self, node: cst.Raise) -> None:
        if node.exc is not None:
            self._statement(node.exc, "raise")

    def _stored(
        self, target: cst.BaseExpression, value: cst.BaseExpression | None, role: str
    ) -> None:
        """``a[k] = v`` (role "setitem": ``app.dependency_overrides[dep] = fake``), ``a.b = v``
        (role "setattr": ``app.router.routes = other.routes``) or ``del a[k]`` (role
        "delitem", no value), kept as a statement fact."""
        scope, chain, guards = self.scopes[-1].qualname, self._chain(), tuple(self._guards[-1])
        parts = (target,) if value is None else (target, value)
        self._calls.append(
            lambda: CallFact(
                scope,
                Value("other", _text(target), items=tuple(self._value(p, chain) for p in parts)),
                self._line(target),
                role,
                tuple(map(self._guard, guards)),
            )
        )

    # -- imports --------------------------------------------------------------------------

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        # What an ``except`` block defines replaces the ``try`` block's only when it fails:
        # a guard of its own kind, which no route condition reads.
        caught = _text(node.type) if node.type is not None else ""
        guard = _RawGuard("except", f"except {caught}".strip(), self._chain())
        self._block_guards[id(node.body)] = (guard,)

    def visit_If(self, node: cst.If) -> None:
        test = node.test
        name = test.attr.value if isinstance(test, cst.Attribute) else getattr(test, "value", None)
        if name == "TYPE_CHECKING":
            self._tc_blocks.add(id(node.body))
        # Each branch runs when its test holds and every earlier branch's did not.
        earlier = self._earlier_branches.pop(id(node), ())
        text, chain = _condition(node.test), self._chain()
        self._block_guards[id(node.body)] = (*earlier, _RawGuard("if", text, chain))
        later = (*earlier, _RawGuard("if", f"not ({text})", chain))
        if isinstance(node.orelse, cst.Else):
            self._block_guards[id(node.orelse.body)] = later
        elif isinstance(node.orelse, cst.If):
            self._earlier_branches[id(node.orelse)] = later
            self._elifs.add(id(node.orelse))

    def visit_Match(self, node: cst.Match) -> None:
        """Each ``case`` runs when its pattern matches and no earlier one did: a value
        pattern reads as an ``if`` test (``case "GET":`` is ``method == "GET"``), any other
        as the pattern written, which no test decides."""
        subject, chain = _condition(node.subject), self._chain()
        earlier: list[_RawGuard] = []
        for case in node.cases:
            test = _case_test(subject, case.pattern)
            if case.guard is not None:
                test = f"({test or 'True'}) and ({_condition(case.guard)})"
            own = (_RawGuard("if", test, chain),) if test is not None else ()
            self._block_guards[id(case.body)] = (*earlier, *own)
            if test is not None:
                earlier.append(_RawGuard("if", f"not ({test})", chain))

    def leave_If(self, original_node: cst.If) -> None:
        """``if not enabled: return``: the rest of the block runs only when the test failed."""
        node = original_node
        if node.orelse is None and id(node) not in self._elifs and _exits(node.body):
            text = f"not ({_condition(node.test)})"
            self._guards[-1].append(_RawGuard("if", text, self._chain()))
            self._exits[-1] += 1

    def leave_SimpleStatementLine(self, original_node: cst.SimpleStatementLine) -> None:
        """What follows ``return``, ``raise``, ``continue`` or ``break`` in its block never
        runs: it stays, under a test that never holds."""
        if original_node.body and isinstance(original_node.body[-1], _LEAVING):
            self._guards[-1].append(_RawGuard("if", "False", self._chain()))
            self._exits[-1] += 1

    def visit_IndentedBlock(self, node: cst.IndentedBlock) -> None:
        self._enter_block(node)

    def leave_IndentedBlock(self, original_node: cst.IndentedBlock) -> None:
        self._leave_block(original_node)

    def visit_SimpleStatementSuite(self, node: cst.SimpleStatementSuite) -> None:
        self._enter_block(node)

    def leave_SimpleStatementSuite(self, original_node: cst.SimpleStatementSuite) -> None:
        self._leave_block(original_node)

    def _enter_block(self, node: cst.BaseSuite) -> None:
        self._tc_depth += id(node) in self._tc_blocks
        self._guards[-1].extend(self._block_guards.get(id(node), ()))
        self._exits.append(0)

    def _leave_block(self, node: cst.BaseSuite) -> None:
        self._tc_depth -= id(node) in self._tc_blocks
        # the early exits' guards were added last, after the block's own
        if exits := self._exits.pop():
            del self._guards[-1][-exits:]
        if guards := self._block_guards.pop(id(node), ()):
            del self._guards[-1][-len(guards) :]

    def visit_Import(self, node: cst.Import) -> bool:
        for alias in node.names:
            target = code(alias.name)
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                bound, binds_to = alias.asname.name.value, target
            else:
                bound = binds_to = target.partition(".")[0]
            self._import(ImportFact(target, bound, binds_to, 0, self._scope_name()), node)
            self._record_import_ref(node, target)
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        level = len(node.relative)
        written = code(node.module) if node.module is not None else ""
        base = self._absolute(written, level)
        if isinstance(node.names, cst.ImportStar):
            self.star_import = True
            fact = ImportFact(base, None, None, 0, self._scope_name(), base, level, True)
            self._import(fact, node)
            return False
        for alias in node.names:
            name = code(alias.name)
            target = f"{base}.{name}" if base else name
            bound = name
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                bound = alias.asname.name.value
            self._import(
                ImportFact(target, bound, target, 0, self._scope_name(), base, level), node
            )
            self._record_import_ref(node, target)
        return False

    def _import(self, fact: ImportFact, node: cst.CSTNode) -> None:
        """``fact`` gets its line after the walk."""
        self.imports.append((replace(fact, type_checking=self._tc_depth > 0), node))
        scope = self.scopes[-1]
        if fact.bound is not None and fact.binds_to is not None:
            if scope.kind == "function":
                scope.imports[fact.bound] = fact.binds_to
            else:
                scope.locals.add(fact.bound)
                self._imported[id(scope), fact.bound] = fact.binds_to

    def _record_import_ref(self, node: cst.CSTNode, target: str) -> None:
        self.import_refs.append((RefFact(self._scope_name(), target, target, 0, "import"), node))

    def _absolute(self, written: str, level: int) -> str:
        if level == 0:
            return written
        parts = self.package.split(".") if self.package else []
        if level - 1 > len(parts):
            return written  # beyond the top-level package; left as written, never guessed
        base = parts[: len(parts) - (level - 1)]
        return ".".join([*base, written] if written else base)

    def _scope_name(self) -> str:
        return self.scopes[-1].qualname

    # -- uses -----------------------------------------------------------------------------

    def visit_Call(self, node: cst.Call) -> None:
        parts = _dotted(node.func)
        if parts is not None:
            self._skip.add(id(node.func))
            self._ref(node.func, parts[0], parts[1], "call")

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        self._skip.add(id(node.attr))
        if id(node) in self._skip:
            return _dotted(node) is None
        parts = _dotted(node)
        if parts is None:
            return True
        self._ref(node, parts[0], parts[1], "ref")
        return False

    def visit_Name(self, node: cst.Name) -> None:
        if id(node) not in self._skip:
            self._ref(node, node.value, "", "ref")

    # -- names, resolved within the module ------------------------------------------------

    def _resolve_refs(self) -> list[RefFact]:
        refs = [replace(ref, line=self._line(node)) for ref, node in self.import_refs]
        for raw in self.raw:
            imported = self._import_read(raw.node)
            candidate = (
                imported + raw.rest
                if imported
                else self._candidate(raw.head, raw.rest, raw.chain, local_ids=False)
            )
            if candidate is None:
                continue
            scope = raw.chain[-1].qualname if raw.owner is None else raw.owner
            refs.append(
                RefFact(scope, raw.head + raw.rest, candidate, self._line(raw.node), raw.role)
            )
        return refs

    def _candidate(self, head: str, rest: str, chain: _Chain, *, local_ids: bool) -> str | None:
        """The qualified name ``head.rest`` may refer to. A function's locals give None, or with
        ``local_ids`` an id of their own (``module.func.<locals>.name``); builtins give None.
        An empty chain is a module-level definition's own name read before it is bound
        (``@app.get("/", response_model=list[int])`` on ``def list()``): no scope binds it
        yet, so a builtin's name is the builtin."""
        if not chain:
            global_name = self.star_import or head not in _BUILTINS
            return (
                (f"{self.module}.{head}{rest}" if self.module else head + rest)
                if global_name
                else None
            )
        innermost = chain[-1]
        for scope in reversed(chain):
            if scope.kind == "function":
                # a function nested in a method reads the method's ``self`` unless it binds
                # one of its own (NAT's lifespan closure calling ``self.configure(app)``)
                if (
                    head in ("self", "cls")
                    and head == scope.receiver
                    and not scope.receiver_rebound
                ):
                    owner = scope.qualname.rpartition(".")[0]
                    return f"{self.module}.{owner}{rest}"
                if head in scope.globals:
                    break
                if head in scope.imports:
                    return scope.imports[head] + rest
                if head in scope.locals:
                    return (
                        f"{self.module}.{scope.qualname}.<locals>.{head}{rest}"
                        if local_ids
                        else None
                    )
            elif scope.kind == "class" and scope is innermost:
                if head in scope.imports:
                    return scope.imports[head] + rest
                if head in scope.locals and head not in scope.globals:
                    return f"{self.module}.{scope.qualname}.{head}{rest}"
        if head in chain[0].locals or self.star_import or head not in _BUILTINS:
            return f"{self.module}.{head}{rest}" if self.module else head + rest
        return None

    def _value(self, node: cst.BaseExpression, chain: _Chain, depth: int = 0) -> Value:
        return self._shared(self._made(node, chain, depth))

    def _shared(self, value: Value) -> Value:
        """The one value equal to ``value`` made so far in this module. Its parts are
        compared by identity once shared themselves, so no value is hashed in depth."""
        if id(value) in self._kept:
            return value
        key: tuple[object, ...] = (value.kind, value.text, value.ref)
        if value.func is not None or value.items or value.keywords:
            key += (
                None if value.func is None else id(self._shared(value.func)),
                *[id(self._shared(item)) for item in value.items],
                *[(name, id(self._shared(v))) for name, v in value.keywords],
            )
        kept = self._values.setdefault(key, value)
        self._kept.add(id(kept))
        return kept

    def _made(self, node: cst.BaseExpression, chain: _Chain, depth: int) -> Value:
        if depth > _MAX_DEPTH:
            return Value("other", _text(node))
        if type(node) is cst.SimpleString or type(node) is cst.ConcatenatedString:
            evaluated = string_value(node)
            if isinstance(evaluated, str):
                return Value("str", evaluated)
            return Value("other", _text(node))
        if type(node) is cst.Integer:
            return Value("int", node.value)
        if type(node) is cst.Name and node.value in ("True", "False", "None"):
            return Value("const", node.value)
        if (parts := _dotted(node)) is not None:
            imported = self._import_read(node)
            ref = imported + parts[1] if imported else None
            ref = ref or self._candidate(parts[0], parts[1], chain, local_ids=True)
            return Value("name", parts[0] + parts[1], ref=ref)
        return self._compound(node, chain, depth + 1)

    def _unpiped(self, call: Value, chain: _Chain) -> Value:
        """``pipe(settings, create_app, add_routers)`` is the call ``add_routers(create_app(
        settings))`` it makes (python-fastapi-hex-todo builds its app so): read as those
        calls, so an app one function makes is the one the next receives. Kept as written
        when an argument is spread or named."""
        func = call.func
        if func is None or func.kind != "name" or not call.items or call.keywords:
            return call
        head, dot, rest = func.text.partition(".")
        imported = self._imported.get((id(chain[0]), head))
        if func.ref not in _PIPES and (imported is None or imported + dot + rest not in _PIPES):
            return call
        if any(item.kind == "star" for item in call.items):
            return call
        value = call.items[0]
        for piped in call.items[1:]:
            value = Value("call", f"{piped.text}({value.text})", func=piped, items=(value,))
        return value

    def _compound(self, node: cst.BaseExpression, chain: _Chain, depth: int) -> Value:
        def sub(n: cst.BaseExpression) -> Value:
            return self._value(n, chain, depth)

        if isinstance(node, cst.Call) and len(node.args) <= _MAX_ITEMS:
            call = Value(
                "call",
                _text(node),
                func=sub(node.func),
                items=tuple(_positional(a, sub) for a in node.args if _is_positional(a)),
                keywords=tuple(
                    (a.keyword.value if a.keyword else "**", sub(a.value))
                    for a in node.args
                    if a.keyword or a.star == "**"
                ),
            )
            return self._unpiped(call, chain)
        if isinstance(node, cst.Await):  # what ``await make()`` binds is what ``make`` returns
            return sub(node.expression)
        if isinstance(node, cst.Dict) and len(node.elements) <= _MAX_ITEMS:
            return _dict(node, sub)
        if isinstance(node, cst.Attribute):  # ``Router().get_router``: an attribute of a call
            name = Value("str", node.attr.value)
            return Value("getattr", _text(node), func=sub(node.value), items=(name,))
        if isinstance(node, (cst.List, cst.Tuple, cst.Set)) and _listed(node.elements):
            return Value("list", _text(node), items=tuple(_element(e, sub) for e in node.elements))
        if isinstance(node, cst.FormattedString):
            return Value("fstring", _text(node), items=tuple(_fstring_parts(node.parts, sub)))
        if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
            return Value("add", _text(node), items=(sub(node.left), sub(node.right)))
        if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Divide):
            # ``Path(__file__).parent / "routers"``: a folder a loop lists
            return Value("div", _text(node), items=(sub(node.left), sub(node.right)))
        if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Modulo):
            # ``".%s" % name[:-3]``: the string ``f".{name[:-3]}"`` would make
            formatted = _percent_parts(node, sub)
            if formatted is not None:
                return Value("fstring", _text(node), items=formatted)
        if isinstance(node, cst.BooleanOperation) and isinstance(node.operator, cst.Or):
            return Value("or", _text(node), items=(sub(node.left), sub(node.right)))
        if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.BitOr):
            return Value("union", _text(node), items=(sub(node.left), sub(node.right)))
        if isinstance(node, cst.IfExp):  # ``a if flag else b``: kept so a flag can pick one
            return Value(
                "ifexp", _text(node), items=tuple(map(sub, (node.test, node.body, node.orelse)))
            )
        if isinstance(node, cst.Lambda):  # named as Python names it: ``f.<locals>.<lambda>``
            named = chain[-1].child_qualname("<lambda>")
            qualname = f"{self.module}.{named}" if self.module else named
            return Value("lambda", _text(node), ref=qualname)
        if isinstance(node, _COMPREHENSIONS) and _one_for(node.for_in):
            # ``[m.name for m in pkgutil.iter_modules(__path__) if m.ispkg]``: an item per item
            # its tests keep
            parts = (node.elt, node.for_in.target, node.for_in.iter)
            tests = (test.test for test in node.for_in.ifs)
            return Value("comp", _text(node), items=tuple(map(sub, (*parts, *tests))))
        if isinstance(node, cst.Subscript):
            indices = tuple(
                sub(e.slice.value) for e in node.slice if isinstance(e.slice, cst.Index)
            )
            return Value("subscript", _text(node), items=(sub(node.value), *indices))
        return Value("other", _text(node))


def _percent_parts(
    node: cst.BinaryOperation, sub: Callable[[cst.BaseExpression], Value]
) -> tuple[Value, ...] | None:
    """The parts of ``"fmt %s" % value`` (or a tuple of values) formatting each value with
    ``%s`` alone; None for any other format or operand."""
    fmt = string_value(node.left) if isinstance(node.left, cst.SimpleString) else None
    if not isinstance(fmt, str) or fmt.count("%") != fmt.count("%s"):
        return None
    right = node.right
    given = [e.value for e in right.elements] if isinstance(right, cst.Tuple) else [right]
    texts = fmt.split("%s")
    if len(texts) != len(given) + 1 or any(isinstance(g, cst.StarredElement) for g in given):
        return None
    parts = [Value("str", texts[0])]
    for value, text in zip(given, texts[1:], strict=True):
        parts += [sub(value), Value("str", text)]
    return tuple(parts)


def _listed(elements: Sequence[cst.BaseElement]) -> bool:
    """Whether a literal's items are kept: a few, or many that are all names."""
    if len(elements) <= _MAX_ITEMS:
        return True
    return len(elements) <= _MAX_NAMES and all(_dotted(e.value) is not None for e in elements)


_COMPREHENSIONS = (cst.ListComp, cst.SetComp, cst.GeneratorExp)


def _one_for(comp: cst.CompFor) -> bool:
    """One ``for``: each item of what it runs over makes one, if its ``if`` tests hold."""
    return comp.inner_for_in is None and comp.asynchronous is None


def _fstring_parts(
    parts: Sequence[cst.BaseFormattedStringContent], sub: Callable[[cst.BaseExpression], Value]
) -> list[Value]:
    values = []
    for part in parts:
        if isinstance(part, cst.FormattedStringText):
            # "{{" in an f-string is a literal brace
            values.append(Value("str", part.value.replace("{{", "{").replace("}}", "}")))
        elif isinstance(part, cst.FormattedStringExpression):
            values.append(sub(part.expression))
    return values


def _element(element: cst.BaseElement, sub: Callable[[cst.BaseExpression], Value]) -> Value:
    """An item of a list, tuple or set display; ``*routers`` spreads the items of another."""
    inner = sub(element.value)
    return _star(inner) if isinstance(element, cst.StarredElement) else inner


# toolz's ``pipe(data, *funcs)`` calls each function on what the one before returned
_PIPES = frozenset(
    f"{package}{module}.pipe"
    for package in ("toolz", "cytoolz")
    for module in ("", ".functoolz", ".curried")
)


def _positional(arg: cst.Arg, sub: Callable[[cst.BaseExpression], Value]) -> Value:
    """A call's positional argument; ``*names`` spreads the items of another, as in a display
    (``usefixtures(*NEEDED)``)."""
    inner = sub(arg.value)
    return _star(inner) if arg.star == "*" else inner


def _is_positional(arg: cst.Arg) -> bool:
    return arg.keyword is None and arg.star != "**"


def _star(inner: Value) -> Value:
    return Value("star", f"*{inner.text}", items=(inner,))


def _dict(node: cst.Dict, sub: Callable[[cst.BaseExpression], Value]) -> Value:
    """A dict whose keys are all string literals (what ``f(**routers)`` passes by name); or
    one keyed by names or f-strings too (``{Action.CHAT: "/chat"}``, read by subscripts;
    ``{f"{base}/config": self.config}``, a route table), as a "map" of its keys and values
    in turn."""
    keywords = []
    pairs: list[Value] = []
    for element in node.elements:
        key = element.key if isinstance(element, cst.DictElement) else None
        name = string_value(key) if isinstance(key, cst.SimpleString) else None
        named = isinstance(name, str) or isinstance(key, cst.FormattedString)
        if key is None or not (named or _dotted(key) is not None):
            return Value("other", _text(node))
        # each value read once: twice made nested dicts (JSON schemas, skypilot) cost 2^depth
        value = sub(element.value)
        if isinstance(name, str):
            keywords.append((name, value))
        pairs += (sub(key), value)
    if len(keywords) == len(node.elements):
        return Value("dict", _text(node), keywords=tuple(keywords))
    return Value("map", _text(node), items=tuple(pairs))


def _paired(
    target: cst.BaseExpression, value: cst.BaseExpression | None
) -> dict[int, cst.BaseExpression]:
    """``app, instance = create(), None`` (txtai): each name with the value it gets;
    ``public, private = get_routers()`` (openreplay), ``router, prefix = item``: each name
    with its item of the result."""
    sequences = (cst.Tuple, cst.List)
    if not isinstance(target, sequences):
        return {}
    held = (cst.Call, cst.Name, cst.Attribute, cst.Subscript)  # ``router, prefix = item``
    if isinstance(value, held) and not any(
        isinstance(e, cst.StarredElement) for e in target.elements
    ):
        return {
            id(element.value): cst.Subscript(
                value, [cst.SubscriptElement(cst.Index(cst.Integer(str(index))))]
            )
            for index, element in enumerate(target.elements)
            if isinstance(element.value, cst.Name)
        }
    if not isinstance(value, sequences) or len(target.elements) != len(value.elements):
        return {}
    pairs = list(zip(target.elements, value.elements, strict=True))
    if any(isinstance(e, cst.StarredElement) for pair in pairs for e in pair):
        return {}
    return {id(t.value): v.value for t, v in pairs if isinstance(t.value, cst.Name)}


def _chained_owner(node: cst.Assign) -> cst.Name | None:
    """The first plain name of a chained assignment of a call (``a = b = APIRouter()``):
    the call runs once, so the other targets hold what this one does."""
    if len(node.targets) < 2 or not isinstance(node.value, cst.Call):
        return None
    return next((t.target for t in node.targets if isinstance(t.target, cst.Name)), None)


def _is_self_attribute(target: cst.BaseExpression) -> bool:
    return (
        isinstance(target, cst.Attribute)
        and isinstance(target.value, cst.Name)
        and target.value.value == "self"
    )


def _comprehension_guards(clause: cst.CompFor | None, chain: _Chain) -> tuple[_RawGuard, ...]:
    """A comprehension's ``for`` clauses and their ``if`` filters, as the loops and tests of
    a statement written in it."""
    guards: list[_RawGuard] = []
    while clause is not None:
        text = f"for {_text(clause.target)} in {_text(clause.iter)}"
        guards.append(_RawGuard("for", text, chain, clause.target, clause.iter))
        guards.extend(_RawGuard("if", _condition(test.test), chain) for test in clause.ifs)
        clause = clause.inner_for_in
    return tuple(guards)


#: FastAPI's registering methods, whose result a helper may return: no factory's, so the
#: call is read as a statement without being a second call site of anything.
_REGISTERING_RETURNS = frozenset(
    {"add_api_route", "add_api_websocket_route", "include_router", "mount", "add_route"}
)


#: The route decorators of FastAPI's routers and apps (``router.get(path)``).
_ROUTE_DECORATORS = frozenset(
    {"get", "post", "put", "patch", "delete", "options", "head", "trace", "websocket", "api_route"}
)


def _applies_route_decorator(call: cst.Call) -> bool:
    """``router.get(path)(fn)``: a route decorator applied to a value."""
    made = call.func
    func = made.func if isinstance(made, cst.Call) else None
    return isinstance(func, cst.Attribute) and func.attr.value in _ROUTE_DECORATORS


def _worth_keeping(value: cst.BaseExpression | None) -> bool:
    """A function's assignments matter when they build objects or strings (app factories),
    or name one by a dotted path (``router = api._router``, xinference's helpers), or by an
    attribute of what a call returns (OpenHands' ``injector = get_global_config().event``)."""
    if isinstance(value, cst.Attribute):
        base = value.value
        while isinstance(base, cst.Attribute):
            base = base.value
        return _dotted(value) is not None or isinstance(base, cst.Call)
    return isinstance(
        value,
        (
            cst.Call,
            cst.Await,
            cst.SimpleString,
            cst.FormattedString,
            cst.BinaryOperation,
            cst.BooleanOperation,  # ``namespace = path or ""`` (langserve's add_routes)
            cst.Name,
            cst.Dict,
            cst.List,  # ``routes = [APIRoute(...)]`` then ``FastAPI(routes=routes)`` (MLServer)
            cst.Tuple,
            cst.Subscript,  # ``selected = router_mapping[server]`` in a loop (tabbyAPI)
            cst.IfExp,  # ``dependencies = [Depends(check)] if guard else []`` (langflow)
            cst.Lambda,  # ``check = lambda: "ok"``, then served as an endpoint
            # ``index = not index``: a parameter bound again is no longer what a call passed
            cst.UnaryOperation,
            cst.Comparison,
            # ``names = [f[:-3] for f in os.listdir(folder) if ...]``, then a loop over it
            cst.ListComp,
            cst.SetComp,
            cst.GeneratorExp,
        ),
    )


def _case_test(subject: str, pattern: cst.MatchPattern) -> str | None:
    """A ``case`` pattern as a test of the subject; None for one that matches anything."""
    if isinstance(pattern, cst.MatchValue):
        return f"{subject} == {_text(pattern.value)}"
    if isinstance(pattern, cst.MatchSingleton):
        return f"{subject} is {_text(pattern.value)}"
    alternatives = [p.pattern for p in pattern.patterns] if isinstance(pattern, cst.MatchOr) else []
    values = [_text(p.value) for p in alternatives if isinstance(p, cst.MatchValue)]
    if alternatives and len(values) == len(alternatives):
        return f"{subject} in ({', '.join(values)},)"
    if isinstance(pattern, cst.MatchAs) and pattern.pattern is None:
        return None  # ``case _:`` or ``case name:``
    return f"match {subject}: case {_text(pattern)}"


_LEAVING = (cst.Return, cst.Raise, cst.Continue, cst.Break)


def _exits(body: cst.BaseSuite, leaving: tuple[type[cst.CSTNode], ...] = _LEAVING) -> bool:
    """Whether a block always leaves: it ends in ``return``, ``raise``, ``continue`` or
    ``break`` (of ``leaving``)."""
    last: cst.CSTNode | None = body.body[-1] if body.body else None
    if isinstance(last, cst.SimpleStatementLine):
        last = last.body[-1] if last.body else None
    return isinstance(last, leaving)


def _is_exit(statement: cst.CSTNode) -> bool:
    """An ``if test: break`` (or ``return``) with no ``else``: the loop around it ends there."""
    return (
        isinstance(statement, cst.If)
        and statement.orelse is None
        and _exits(statement.body, (cst.Break, cst.Return))
    )


def _leaves(node: cst.CSTNode, inner_loop: bool = False) -> bool:
    """Whether ``node`` holds a ``return``, or a ``break`` of the loop around it (not one
    of a loop inside it); a function inside it is not looked into, nor an ``except``
    block: what runs when a ``try`` fails is no path we take (its routes are conditions)."""
    for child in _children(node):
        kind = type(child)  # libcst's node classes are ABCs: ``isinstance`` on them is slow
        if kind is cst.Return or (kind is cst.Break and not inner_loop):
            return True
        if kind in _NOT_ENTERED or kind in _INERT:
            continue
        if _leaves(child, inner_loop or kind in _LOOPS):
            return True
    return False


#: What ``_leaves`` does not look into: code that runs elsewhere, or when a ``try`` failed.
_NOT_ENTERED = frozenset({cst.FunctionDef, cst.ClassDef, cst.Lambda, cst.ExceptHandler})
_LOOPS = frozenset({cst.For, cst.While})


def _names_read(node: cst.CSTNode) -> Iterator[cst.Name]:
    """The names an expression reads as it runs (of ``a.b``, ``a``): not those of a lambda
    inside it, which reads them when called."""
    if isinstance(node, cst.Name):
        yield node
    elif isinstance(node, cst.Attribute):
        yield from _names_read(node.value)
    elif not isinstance(node, cst.Lambda):
        for child in _children(node):
            yield from _names_read(child)


def _condition(test: cst.BaseExpression) -> str:
    """An ``if`` test as written, on one line and without the parentheses around it."""
    text = _text(test.with_changes(lpar=(), rpar=()))
    return " ".join(filter(None, (line.strip() for line in text.splitlines())))


def _text(node: cst.CSTNode) -> str:
    text = code(node)
    return text if len(text) <= _MAX_TEXT else text[: _MAX_TEXT - 3] + "..."


def _walk(collector: _Collector, root: cst.CSTNode) -> None:
    """Visit ``root`` and everything under it in source order, as ``root.visit`` would, but
    without rebuilding every node on the way back up (a read-only walk does not need it, and
    it cost a fifth of the extraction), and without recursion: a 1,500-branch ``elif`` chain
    nests that deep. Whitespace and punctuation, two thirds of a tree's nodes, are not
    visited: only their newlines are counted, and where they start kept."""
    stack: list[tuple[cst.CSTNode, bool]] = [(root, False)]
    starts = collector._starts
    while stack:
        node, leaving = stack.pop()
        kind = type(node)
        if leaving:
            collector.on_leave(node)
        elif kind in _INERT:
            starts[id(node)] = collector._now
            count = _INERT_NEWLINES.get(kind)
            collector._now += count(node) if count is not None else _newlines(node)
        elif collector.on_visit(node):
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(_children(node)))
        else:
            collector.on_leave(node)


_OPERATORS = (cst.BaseBinaryOp, cst.BaseUnaryOp, cst.BaseBooleanOp, cst.BaseCompOp, cst.BaseAugOp)
#: Whitespace, punctuation and operators: no hook reads them, nor anything inside them.
_INERT = frozenset(
    {
        *(cst.SimpleWhitespace, cst.ParenthesizedWhitespace, cst.TrailingWhitespace),
        *(cst.EmptyLine, cst.Newline, cst.Comment, cst.Dot, cst.Comma, cst.Colon),
        *(cst.Semicolon, cst.AssignEqual, cst.LeftParen, cst.RightParen),
        *(cst.LeftSquareBracket, cst.RightSquareBracket),
        *(cst.LeftCurlyBrace, cst.RightCurlyBrace),
        *(
            kind
            for name in dir(cst)
            if isinstance(kind := getattr(cst, name), type)
            and issubclass(kind, _OPERATORS)
            and not getattr(kind, "__abstractmethods__", None)
        ),
    }
)


def _spaces(node: cst.CSTNode) -> int:
    if type(node) is cst.SimpleWhitespace:
        return node.value.count("\n")
    return _newlines(node)


_INERT_NEWLINES: dict[type[cst.CSTNode], Callable[[Any], int]] = {
    cst.SimpleWhitespace: _spaces,
    cst.Newline: lambda node: 1,
    cst.Comment: lambda node: 0,
    cst.TrailingWhitespace: lambda node: 1 + node.whitespace.value.count("\n"),
    cst.EmptyLine: lambda node: 1 + node.whitespace.value.count("\n"),
    cst.LeftParen: lambda node: _spaces(node.whitespace_after),
    cst.LeftSquareBracket: lambda node: _spaces(node.whitespace_after),
    cst.RightParen: lambda node: _spaces(node.whitespace_before),
    cst.RightSquareBracket: lambda node: _spaces(node.whitespace_before),
    **{
        kind: lambda node: _spaces(node.whitespace_before) + _spaces(node.whitespace_after)
        for kind in ONE_TOKEN_OPERATORS
    },
}


class _NodeTypes(dict[type, bool]):
    """Whether a type is a libcst node, asked once per type: ``CSTNode`` is an ABC, and
    ``isinstance`` against it cost a tenth of the extraction."""

    def __missing__(self, kind: type) -> bool:
        self[kind] = found = issubclass(kind, cst.CSTNode)
        return found


_IS_NODE = _NodeTypes()


def _children(node: cst.CSTNode) -> list[cst.CSTNode]:
    children: list[cst.CSTNode] = []
    for name in _source_order(node):
        value = getattr(node, name)
        kind = type(value)
        if kind is tuple or kind is list:
            children.extend(child for child in value if _IS_NODE[type(child)])
        elif _IS_NODE[kind]:
            children.append(value)
    return children


class _FieldOrder(cst.CSTVisitor):
    """Records the fields a node's own traversal visits, in the order it visits them."""

    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []

    def on_visit(self, node: cst.CSTNode) -> bool:
        return False

    def on_visit_attribute(self, node: cst.CSTNode, attribute: str) -> None:
        self.names.append(attribute)


#: A node type's fields in source order, and those of its other fields that may hold nodes.
_ORDER: dict[type[cst.CSTNode], tuple[tuple[str, ...], tuple[str, ...]]] = {}


def _source_order(node: cst.CSTNode) -> tuple[str, ...]:
    """A node type's fields in source order, learnt from libcst's own traversal of the first
    node of the type met. A few fields are visited only when set (an f-string expression's
    ``format_spec``); a node that sets one the order lacks teaches it again."""
    kind = type(node)
    known = _ORDER.get(kind)
    if known is None or any(_holds_nodes(getattr(node, n)) for n in known[1]):
        recorder = _FieldOrder()
        node._visit_and_replace_children(recorder)
        order = tuple(recorder.names)
        known = _ORDER[kind] = order, _unvisited(kind, order)
    return known[0]


@cache
def _unvisited(kind: type[cst.CSTNode], order: tuple[str, ...]) -> tuple[str, ...]:
    """Fields the order lacks that are not plain text (``Name.value``)."""
    return tuple(
        f.name for f in dataclasses.fields(kind) if f.name not in order and f.type is not str
    )


def _holds_nodes(value: object) -> bool:
    if type(value) in (list, tuple):
        return any(_IS_NODE[type(v)] for v in value)  # type: ignore[attr-defined]
    return _IS_NODE[type(value)]


@cache
def _hook(kind: type[cst.CSTNode], when: str) -> Callable[..., Any] | None:
    """``_Collector.visit_Name`` for ``Name``: looked up once per node type, not once per node
    as libcst's default dispatch does."""
    hook: Callable[..., Any] | None = getattr(_Collector, f"{when}_{kind.__name__}", None)
    return hook


def _last_part(node: cst.CSTNode) -> cst.CSTNode | None:
    """The statement or clause a block-like node ends with (``else:`` after ``if``, the last
    handler of a ``try``...), or None for an empty block."""
    if isinstance(node, (cst.SimpleStatementLine, cst.SimpleStatementSuite, cst.IndentedBlock)):
        return node.body[-1] if node.body else None
    for clause in ("finalbody", "orelse"):
        if (part := getattr(node, clause, None)) is not None:
            return part  # type: ignore[no-any-return]
    for clauses in ("handlers", "cases"):
        if parts := getattr(node, clauses, ()):
            return parts[-1]  # type: ignore[no-any-return]
    return getattr(node, "body", None)


def _receiver(node: cst.FunctionDef, method: bool) -> str | None:
    """The instance or class a method is called with: its first parameter, unless it is a
    ``staticmethod`` (whose ``cls`` is a local like any other)."""
    params = [*node.params.posonly_params, *node.params.params]
    dotted = [_dotted(d.decorator) for d in node.decorators]
    static = any(d is not None and (d[1] or f".{d[0]}").endswith(".staticmethod") for d in dotted)
    return params[0].name.value if method and params and not static else None


def _param_parts(params: cst.Parameters) -> list[cst.CSTNode | None]:
    """The annotations and defaults of a parameter list."""
    every = [*params.posonly_params, *params.params, *params.kwonly_params]
    every += [p for p in (params.star_arg, params.star_kwarg) if isinstance(p, cst.Param)]
    return [part for p in every for part in (p.annotation, p.default)]


def _newlines(node: cst.CSTNode) -> int:
    """Newlines inside ``node``'s children, as the walk would have counted them. Reads the
    fields directly: libcst's ``children`` rebuilds the node to list them, which cost more
    than the whole walk."""
    count = 0
    for name in _fields(type(node)):
        value = getattr(node, name)
        for child in value if type(value) in (list, tuple) else (value,):
            if not _IS_NODE[type(child)]:
                continue
            if type(child) is cst.Newline:
                count += 1
            elif type(child) in _TEXT_LEAVES:
                count += child.value.count("\n")
            count += _newlines(child)
    return count


@cache
def _fields(kind: type[cst.CSTNode]) -> tuple[str, ...]:
    return tuple(field.name for field in dataclasses.fields(kind))


def _signature(node: cst.FunctionDef) -> str:
    returns = f" -> {_text(node.returns.annotation)}" if node.returns else ""
    return f"({code(node.params)}){returns}"


def _dotted(node: cst.BaseExpression) -> tuple[str, str] | None:
    """``a.b.c`` -> ("a", ".b.c"); None unless the expression is a plain dotted name."""
    parts: list[str] = []
    while type(node) is cst.Attribute:  # not ``isinstance``: libcst's classes are slow ABCs
        parts.append(node.attr.value)
        node = node.value
    if type(node) is not cst.Name:
        return None
    return node.value, "".join(f".{p}" for p in reversed(parts))


def _target_names(target: cst.BaseExpression) -> list[cst.Name]:
    if isinstance(target, cst.Name):
        return [target]
    if isinstance(target, (cst.Tuple, cst.List)):
        names: list[cst.Name] = []
        for element in target.elements:
            names.extend(_target_names(element.value))
        return names
    if isinstance(target, cst.StarredElement):
        return _target_names(target.value)
    return []
