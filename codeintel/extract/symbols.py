"""Symbols, imports and name uses of one module, in a single pass over its tree."""

from __future__ import annotations

import builtins
from dataclasses import dataclass, field, replace

import libcst as cst
from libcst.metadata import CodeRange, PositionProvider

from codeintel.models import ImportFact, ModuleFacts, RefFact, SymbolFact
from codeintel.parse import Parsed

_BUILTINS = frozenset(dir(builtins))


def extract_module(parsed: Parsed, path: str, module: str, is_package: bool) -> ModuleFacts:
    """Extract symbols, imports and references from a parsed module."""
    collector = _Collector(module, is_package)
    parsed.wrapper.visit(collector)
    return ModuleFacts(
        file=path,
        module=module,
        is_package=is_package,
        line_count=parsed.text.count("\n") + (0 if parsed.text.endswith("\n") else 1),
        docstring=parsed.module.get_docstring(),
        symbols=tuple(collector.symbols),
        imports=tuple(collector.imports),
        refs=tuple(collector.resolve_refs()),
    )


@dataclass
class _Scope:
    kind: str  # "module" | "class" | "function"
    qualname: str
    locals: set[str] = field(default_factory=set)
    imports: dict[str, str] = field(default_factory=dict)
    globals: set[str] = field(default_factory=set)
    is_method: bool = False

    def child_qualname(self, name: str) -> str:
        if self.kind == "module":
            return name
        if self.kind == "function":
            return f"{self.qualname}.<locals>.{name}"
        return f"{self.qualname}.{name}"


@dataclass(frozen=True)
class _RawRef:
    chain: tuple[_Scope, ...]
    head: str
    rest: str
    line: int
    role: str
    owner: str | None = None  # the scope to attribute the use to, when not the innermost


class _Collector(cst.CSTVisitor):
    METADATA_DEPENDENCIES = (PositionProvider,)

    def __init__(self, module: str, is_package: bool) -> None:
        super().__init__()
        self.module = module
        self.package = module if is_package else module.rpartition(".")[0]
        self.symbols: list[SymbolFact] = []
        self.imports: list[ImportFact] = []
        self.scopes: list[_Scope] = [_Scope("module", "")]
        self.raw: list[_RawRef] = []
        self.import_refs: list[RefFact] = []
        self.star_import = False
        self._seen: set[str] = set()
        self._skip: set[int] = set()
        self._tc_blocks: set[int] = set()
        self._tc_depth = 0

    # -- helpers --------------------------------------------------------------------------

    def _range(self, node: cst.CSTNode) -> CodeRange:
        return self.get_metadata(PositionProvider, node)

    def _line(self, node: cst.CSTNode) -> int:
        return self._range(node).start.line

    def _code(self, node: cst.CSTNode) -> str:
        return cst.Module([]).code_for_node(node)

    def _add_symbol(self, fact: SymbolFact) -> None:
        if fact.qualname not in self._seen:  # the first definition of a name is the one we keep
            self._seen.add(fact.qualname)
            self.symbols.append(fact)

    def _ref(
        self, node: cst.CSTNode, head: str, rest: str, role: str, owner: str | None = None
    ) -> None:
        self.raw.append(_RawRef(tuple(self.scopes), head, rest, self._line(node), role, owner))

    def _bind(self, name: str) -> None:
        self.scopes[-1].locals.add(name)

    # -- definitions ----------------------------------------------------------------------

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        scope = self.scopes[-1]
        qualname = scope.child_qualname(node.name.value)
        self._skip.add(id(node.name))
        self._bind(node.name.value)
        self._add_symbol(
            SymbolFact(
                kind="class",
                qualname=qualname,
                name=node.name.value,
                start_line=self._start_line(node),
                end_line=self._range(node).end.line,
                decorators=tuple(self._code(d.decorator) for d in node.decorators),
                docstring=node.get_docstring(),
            )
        )
        for arg in node.bases:
            # ``Repository[Item]`` inherits from ``Repository``.
            base = arg.value.value if isinstance(arg.value, cst.Subscript) else arg.value
            if arg.keyword is None and (chain := _chain(base)) is not None:
                self._skip.add(id(base))
                self._ref(base, chain[0], chain[1], "base", owner=qualname)
        self.scopes.append(_Scope("class", qualname))

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self.scopes.pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        scope = self.scopes[-1]
        qualname = scope.child_qualname(node.name.value)
        self._skip.add(id(node.name))
        self._bind(node.name.value)
        returns = f" -> {self._code(node.returns.annotation)}" if node.returns else ""
        self._add_symbol(
            SymbolFact(
                kind="method" if scope.kind == "class" else "function",
                qualname=qualname,
                name=node.name.value,
                start_line=self._start_line(node),
                end_line=self._range(node).end.line,
                is_async=node.asynchronous is not None,
                decorators=tuple(self._code(d.decorator) for d in node.decorators),
                docstring=node.get_docstring(),
                signature=f"({self._code(node.params)}){returns}",
            )
        )
        self.scopes.append(_Scope("function", qualname, is_method=scope.kind == "class"))

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self.scopes.pop()

    def _start_line(self, node: cst.FunctionDef | cst.ClassDef) -> int:
        lines = [self._line(d) for d in node.decorators]
        return min([*lines, self._line(node)])

    def visit_Param(self, node: cst.Param) -> None:
        self._skip.add(id(node.name))
        self._bind(node.name.value)

    def visit_Lambda(self, node: cst.Lambda) -> None:
        # Uses inside a lambda are attributed to the definition that holds it.
        self.scopes.append(_Scope("function", self.scopes[-1].qualname))

    def leave_Lambda(self, original_node: cst.Lambda) -> None:
        self.scopes.pop()

    def visit_Global(self, node: cst.Global) -> None:
        for item in node.names:
            self._skip.add(id(item.name))
            self.scopes[-1].globals.add(item.name.value)

    def visit_Nonlocal(self, node: cst.Nonlocal) -> None:
        for item in node.names:
            self._skip.add(id(item.name))
            self.scopes[-1].globals.add(item.name.value)

    def visit_Arg(self, node: cst.Arg) -> None:
        if node.keyword is not None:
            self._skip.add(id(node.keyword))

    # -- assignments ----------------------------------------------------------------------

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            self._store(target.target, node)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._store(node.target, node)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self._store(node.target, None)

    def visit_For(self, node: cst.For) -> None:
        self._store(node.target, None)

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self._store(node.target, None)

    def visit_AsName(self, node: cst.AsName) -> None:
        self._store(node.name, None)

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self._store(node.target, None)

    def _store(self, target: cst.BaseExpression, statement: cst.CSTNode | None) -> None:
        scope = self.scopes[-1]
        for name in _target_names(target):
            self._skip.add(id(name))
            self._bind(name.value)
            if statement is not None and scope.kind in ("module", "class"):
                self._add_symbol(
                    SymbolFact(
                        kind="variable" if scope.kind == "module" else "attribute",
                        qualname=scope.child_qualname(name.value),
                        name=name.value,
                        start_line=self._line(statement),
                        end_line=self._range(statement).end.line,
                    )
                )

    # -- imports --------------------------------------------------------------------------

    def visit_If(self, node: cst.If) -> None:
        test = node.test
        name = test.attr.value if isinstance(test, cst.Attribute) else getattr(test, "value", None)
        if name == "TYPE_CHECKING":
            self._tc_blocks.add(id(node.body))

    def visit_IndentedBlock(self, node: cst.IndentedBlock) -> None:
        self._tc_depth += id(node) in self._tc_blocks

    def leave_IndentedBlock(self, original_node: cst.IndentedBlock) -> None:
        self._tc_depth -= id(original_node) in self._tc_blocks

    def visit_SimpleStatementSuite(self, node: cst.SimpleStatementSuite) -> None:
        self._tc_depth += id(node) in self._tc_blocks

    def leave_SimpleStatementSuite(self, original_node: cst.SimpleStatementSuite) -> None:
        self._tc_depth -= id(original_node) in self._tc_blocks

    def visit_Import(self, node: cst.Import) -> bool:
        line = self._line(node)
        for alias in node.names:
            target = self._code(alias.name)
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                bound = binds_to = alias.asname.name.value
                binds_to = target
            else:
                bound = binds_to = target.partition(".")[0]
            self._import(ImportFact(target, bound, binds_to, line, self._scope_name()))
            self._record_import_ref(node, target)
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        line = self._line(node)
        level = len(node.relative)
        written = self._code(node.module) if node.module is not None else ""
        base = self._absolute(written, level)
        if isinstance(node.names, cst.ImportStar):
            self.star_import = True
            self._import(ImportFact(base, None, None, line, self._scope_name(), base, level, True))
            return False
        for alias in node.names:
            name = self._code(alias.name)
            target = f"{base}.{name}" if base else name
            bound = name
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                bound = alias.asname.name.value
            self._import(ImportFact(target, bound, target, line, self._scope_name(), base, level))
            self._record_import_ref(node, target)
        return False

    def _import(self, fact: ImportFact) -> None:
        self.imports.append(replace(fact, type_checking=self._tc_depth > 0))
        scope = self.scopes[-1]
        if fact.bound is not None and fact.binds_to is not None:
            if scope.kind == "function":
                scope.imports[fact.bound] = fact.binds_to
            else:
                scope.locals.add(fact.bound)

    def _record_import_ref(self, node: cst.CSTNode, target: str) -> None:
        self.import_refs.append(
            RefFact(self._scope_name(), target, target, self._line(node), "import")
        )

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
        chain = _chain(node.func)
        if chain is not None:
            self._skip.add(id(node.func))
            self._ref(node.func, chain[0], chain[1], "call")

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        self._skip.add(id(node.attr))
        if id(node) in self._skip:
            return _chain(node) is None
        chain = _chain(node)
        if chain is None:
            return True
        self._ref(node, chain[0], chain[1], "ref")
        return False

    def visit_Name(self, node: cst.Name) -> None:
        if id(node) not in self._skip:
            self._ref(node, node.value, "", "ref")

    # -- resolution of names within the module ---------------------------------------------

    def resolve_refs(self) -> list[RefFact]:
        module_names = self.scopes[0].locals
        refs = list(self.import_refs)
        for raw in self.raw:
            candidate = self._candidate(raw, module_names)
            if candidate is None:
                continue
            text = raw.head + raw.rest
            scope = raw.chain[-1].qualname if raw.owner is None else raw.owner
            refs.append(RefFact(scope, text, candidate, raw.line, raw.role))
        return refs

    def _candidate(self, raw: _RawRef, module_names: set[str]) -> str | None:
        """The qualified name a use may refer to; None for locals and builtins."""
        innermost = raw.chain[-1]
        for scope in reversed(raw.chain):
            if scope.kind == "function":
                if raw.head in ("self", "cls") and scope.is_method and scope is innermost:
                    owner = scope.qualname.rpartition(".")[0]
                    return f"{self.module}.{owner}{raw.rest}"
                if raw.head in scope.globals:
                    break
                if raw.head in scope.imports:
                    return scope.imports[raw.head] + raw.rest
                if raw.head in scope.locals:
                    return None
            elif scope.kind == "class" and scope is innermost and raw.head in scope.locals:
                return f"{self.module}.{scope.qualname}.{raw.head}{raw.rest}"
        if raw.head in module_names or self.star_import or raw.head not in _BUILTINS:
            return f"{self.module}.{raw.head}{raw.rest}" if self.module else raw.head + raw.rest
        return None  # a builtin


def _chain(node: cst.BaseExpression) -> tuple[str, str] | None:
    """``a.b.c`` -> ("a", ".b.c"); None unless the expression is a plain dotted name."""
    parts: list[str] = []
    while isinstance(node, cst.Attribute):
        parts.append(node.attr.value)
        node = node.value
    if not isinstance(node, cst.Name):
        return None
    rest = "".join(f".{p}" for p in reversed(parts))
    return node.value, rest


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
