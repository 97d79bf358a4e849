"""Name resolution across modules: modules, symbols, re-exports, star imports, class bases."""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from codeintel.facts.ids import external_id, id_kind, module_id, symbol_id
from codeintel.facts.models import AssignFact, ModuleFacts, SymbolFact, Value

_MAX_HOPS = 32  # re-export chains longer than this are cycles in practice


@dataclass(frozen=True, slots=True)
class Target:
    """What a dotted name resolved to: a node, its qualified name, and what was left over."""

    node: str
    qualname: str
    remainder: str = ""


class Resolver:
    """Resolves dotted names against the project: modules, symbols, re-exports, star imports."""

    def __init__(
        self,
        modules: Iterable[ModuleFacts],
        aliases: dict[str, str],
        scoped: dict[str, dict[str, str]] | None = None,
    ) -> None:
        self.modules: dict[str, ModuleFacts] = {}
        self.symbols: dict[str, SymbolFact] = {}
        self.symbol_module: dict[str, str] = {}
        # module -> bound name -> (module imported from, or None for ``import x``; target)
        self.bindings: dict[str, dict[str, tuple[str | None, str]]] = defaultdict(dict)
        self.stars: dict[str, list[str]] = defaultdict(list)
        self.bases: dict[str, list[str]] = defaultdict(list)
        self.aliases = aliases
        self.scoped = scoped or {}
        modules_list = list(modules)
        for facts in modules_list:
            self.modules[facts.module] = facts
            for sym in facts.symbols:
                self.symbols[f"{facts.module}.{sym.qualname}"] = sym
                self.symbol_module[f"{facts.module}.{sym.qualname}"] = facts.module
            for imp in facts.imports:
                if imp.scope:
                    continue
                if imp.star:
                    self.stars[facts.module].append(imp.target)
                elif imp.bound is not None and imp.binds_to is not None:
                    binding = (imp.from_module, imp.binds_to)
                    self.bindings[facts.module].setdefault(imp.bound, binding)
            for ref in facts.refs:
                if ref.role == "base":
                    self.bases[f"{facts.module}.{ref.scope}"].append(ref.candidate)
        self._imported_over_none = {
            f"{facts.module}.{name}" for facts in modules_list for name in _none_only(facts)
        }
        self._renames = {
            f"{facts.module}.{name}": ref
            for facts in modules_list
            for name, ref in _renames(facts).items()
        }
        self.lazy = {f.module: _lazy_exports(f) for f in modules_list if _has_getattr(f)}
        spelled = [s for spellings in self.scoped.values() for s in spellings]
        self.tops = {name.partition(".")[0] for name in (*self.modules, *aliases, *spelled)}
        self._fallbacks = {
            f"{facts.module}.{sym.qualname}"
            for facts in modules_list
            for sym in facts.symbols
            if _in_except(sym) and self._surely_imported(facts.module, sym.qualname)
        } | {
            # ``GraphQLRouter = None`` when its import fails: code using the name needs the
            # import, so what it uses is what the import binds
            f"{facts.module}.{name}"
            for facts in modules_list
            for name in _none_on_failure(facts)
            if name in self.bindings[facts.module]
        }
        self._scopes: dict[str, tuple[str, ...]] = {}
        # each name's target, and the modules whose facts resolving it looked into
        self._cache: dict[str, tuple[Target | None, frozenset[str]]] = {}
        # star-import lookups of the resolution under way: a lookup met again while it runs is
        # a cycle (xinference vendors a package named ``torch`` whose star-imported modules
        # ``import torch.nn``), and each lookup is done once, not once per path to it
        self._stars_seen: dict[tuple[str, tuple[str, ...]], Target | None] = {}
        self._mro: dict[str, tuple[str, ...]] = {}
        self._read: set[str] = set()
        self._tracking = 0

    def _surely_imported(self, module: str, name: str) -> bool:
        """Whether ``module`` imports ``name`` from the standard library or the project:
        an import that cannot fail where the project runs (a third-party one may, and its
        fallback is then what runs)."""
        binding = self.bindings[module].get(name)
        source = (binding[1] or binding[0] or "") if binding is not None else ""
        top = source.partition(".")[0]
        return bool(top) and (top in sys.stdlib_module_names or top in self.tops)

    @contextmanager
    def reads(self) -> Iterator[set[str]]:
        """The modules whose facts the names resolved inside the block depended on: what a
        change to any other module cannot alter (the module set and aliases held fixed)."""
        outer, self._read = self._read, set()
        self._tracking += 1
        try:
            yield self._read
        finally:
            self._tracking -= 1
            outer |= self._read
            self._read = outer

    def resolve(self, dotted: str, hops: int = 0, importer: str | None = None) -> Target | None:
        """The node ``dotted`` names, or None when it names nothing we can see; as code in
        module ``importer`` reads it, when given (a spelling may mean another module there)."""
        if hops:
            return self._resolve(dotted, hops, importer)
        scope = self._scope(importer) if importer is not None and self.scoped else None
        key = dotted if scope is None else f"{scope}/{dotted}"
        cached = self._cache.get(key)
        if cached is None:
            outer, self._read = self._read, set()
            seen, self._stars_seen = self._stars_seen, {}
            self._tracking += 1  # what it resolves on the way belongs to its reads
            try:
                result = self._resolve(dotted, hops, importer)
            finally:
                self._tracking -= 1
                read, self._read = self._read, outer
                self._stars_seen = seen
            cached = self._cache[key] = (result, frozenset(read))
        if self._tracking:  # only a reads() block asks; every other caller would pay for it
            self._read |= cached[1]
        return cached[0]

    def alias(self, spelling: str, importer: str | None = None) -> str | None:
        """The module ``spelling`` imports, from code in module ``importer`` when given."""
        found = self.aliases.get(spelling)
        if found is None and importer is not None and self.scoped:
            # the deepest folder's meaning first; a spelling it does not know may be an
            # outer one's (a service's ``src.routes`` from ``apps/svc/src``, where ``main``
            # alone is scoped: two services hold a ``src/main.py``)
            scopes = self._scopes_of(importer)
            found = next(
                (self.scoped[s][spelling] for s in scopes if spelling in self.scoped[s]), None
            )
        return found

    def _scope(self, module: str) -> str | None:
        """The deepest folder holding the module's file that gives spellings a meaning."""
        scopes = self._scopes_of(module)
        return scopes[0] if scopes else None

    def _scopes_of(self, module: str) -> tuple[str, ...]:
        """The folders holding the module's file that give spellings a meaning, deepest
        first."""
        if module not in self._scopes:
            facts = self.modules.get(module)
            folder = facts.file.rpartition("/")[0] if facts is not None else None
            found = []
            while folder is not None:
                if folder in self.scoped:
                    found.append(folder)
                folder = folder.rpartition("/")[0] if folder else None
            self._scopes[module] = tuple(found)
        return self._scopes[module]

    def _resolve(self, dotted: str, hops: int, importer: str | None = None) -> Target | None:
        if hops > _MAX_HOPS:
            return None
        parts = dotted.split(".")
        for i in range(len(parts), 0, -1):
            module = self.alias(".".join(parts[:i]), importer)
            if module is not None:
                head, rest = parts[:i], parts[i:]
                found = self._walk(*self._shadowing_parent(module, head, rest, importer), hops)
                return found if found is not None else self._parents_name(head, rest, hops)
        if parts[0] in self.tops:
            return None  # a project name that does not exist
        return Target(external_id(parts[0]), dotted)

    def _walk(self, module: str, rest: list[str], hops: int) -> Target | None:
        if hops > _MAX_HOPS:
            return None
        symbol: str | None = None
        self._read.add(module)
        for index, part in enumerate(rest):
            tail = rest[index + 1 :]
            if symbol is None:
                if (
                    f"{module}.{part}" in self.symbols
                    and f"{module}.{part}" not in self._fallbacks
                    and not (
                        tail
                        and f"{module}.{part}" in self._imported_over_none
                        and part in self.bindings[module]
                    )
                ):
                    symbol = part
                elif part in self.bindings[module] and not self._imports_own_submodule(
                    module, part
                ):
                    return self._follow(self.bindings[module][part], tail, hops + 1, module)
                elif f"{module}.{part}" in self.modules:
                    own = None if tail else self._star_of_own(module, part, hops)
                    if own is not None:
                        return own
                    module = f"{module}.{part}"
                    self._read.add(module)
                else:
                    found = self._via_star(module, rest[index:], hops)
                    return found or self._lazy(module, part, tail, hops)
            elif f"{module}.{symbol}.{part}" in self.symbols:
                symbol = f"{symbol}.{part}"
            else:
                inherited = self._inherited(f"{module}.{symbol}", rest[index:], hops)
                renamed = inherited or self._renamed(f"{module}.{symbol}", rest[index:], hops)
                if renamed is not None:
                    return renamed
                qualname = f"{module}.{symbol}"
                return Target(symbol_id(qualname), qualname, ".".join(rest[index:]))
        if symbol is None:
            return Target(module_id(module), module)
        return Target(symbol_id(f"{module}.{symbol}"), f"{module}.{symbol}")

    def _shadowing_parent(
        self, module: str, head: list[str], rest: list[str], importer: str | None
    ) -> tuple[str, list[str]]:
        """``pkg.sub`` is the attribute ``sub`` of ``pkg``: a name ``pkg`` binds by import
        (``from pkg.sub import router as sub`` in ``pkg/__init__.py``) replaces the submodule
        the import system set there first, as at runtime. Only for the name itself: a longer
        name (``pkg.sub.x``) is how facts name the globals of the submodule."""
        spelled = ".".join(head[:-1])
        parent = self.alias(spelled, importer) if len(head) > 1 and not rest else None
        name = head[-1]
        if parent is None:
            return module, rest
        self._read.add(parent)
        if name not in self.bindings[parent]:
            return module, rest
        if self._imports_own_submodule(parent, name) or f"{parent}.{name}" in self.symbols:
            return module, rest
        return parent, [name, *rest]

    def _parents_name(self, head: list[str], rest: list[str], hops: int) -> Target | None:
        """``storage.router`` in ``pkg/__init__.py`` importing ``from pkg.routers import
        storage`` beside a subpackage ``pkg/storage/`` (ClassQuiz): facts name both
        ``pkg.storage.router``; when the subpackage has no such name, it is the attribute of
        what the package's own ``storage`` is bound to, as the package's code reads it."""
        parent, name = ".".join(head[:-1]), head[-1]
        if not rest or parent not in self.modules:
            return None
        self._read.add(parent)  # what it binds decides: a change to it changes the answer
        if name not in self.bindings[parent]:
            return None
        if self._imports_own_submodule(parent, name):
            return None
        return self._follow(self.bindings[parent][name], rest, hops + 1, parent)

    def _imports_own_submodule(self, module: str, name: str) -> bool:
        """``from . import health`` in a package's ``__init__`` binds its own submodule."""
        from_module, target = self.bindings[module][name]
        return (
            from_module is not None
            and self.alias(from_module, module) == module
            and (target == f"{from_module}.{name}")
        )

    def _follow(
        self, binding: tuple[str | None, str], tail: list[str], hops: int, importer: str
    ) -> Target | None:
        """``from pkg import name`` reads the attribute ``name`` of ``pkg``: a name ``pkg``
        binds (a re-export) shadows a submodule of the same name, as at runtime."""
        from_module, target = binding
        source = self.alias(from_module, importer) if from_module else None
        if source is None or from_module is None:
            return self._resolve(".".join([target, *tail]), hops, importer)
        return self._walk(source, [target[len(from_module) + 1 :], *tail], hops)

    def class_bases(self, cls: str) -> tuple[str, ...]:
        """The qualified names of a project class's bases, as written, resolved; a base a
        project function makes (``class Users(RepositoryFactory(User))``) is the class it
        returns, when that is one class of the project."""
        importer = self.symbol_module.get(cls)
        found = [qualified(self.resolve(c, importer=importer), c) for c in self.bases.get(cls, ())]
        found = [self._held_class(base) or base for base in found]
        fact = self.symbols.get(cls)
        for index, base in enumerate(fact.bases if fact is not None else ()):
            made = self._made_class(base, importer) if base.kind == "call" else None
            if made is not None:
                found.insert(index, made)
        return tuple(found)

    def _held_class(self, name: str, hops: int = 0) -> str | None:
        """The class a module variable bound once holds, when a project function made it
        (``ItemBase = RepositoryFactory("item")``), when it names a parameterised generic
        (``IntPage = Page[int]``: a class deriving from it derives from ``Page``), or when it
        is another name for a class (``Base = DevSettings``, ``Model = BaseModel``: Python
        binds the class object itself, so a class deriving from the name derives from it)."""
        fact = self.symbols.get(name)
        module = self.symbol_module.get(name)
        if fact is None or fact.kind != "variable" or module is None:
            return None
        short = name[len(module) + 1 :]
        bound = [a for a in self.modules[module].assigns if a.scope == "" and a.name == short]
        value = bound[0].value if len(bound) == 1 else None
        if value is not None and value.kind == "name":
            if bound[0].guards or hops >= _MAX_ALIASES:
                return None  # bound under a test (or in a cycle of aliases): no one class
            spelled = value.ref or value.text
            aliased = qualified(self.resolve(spelled, importer=module), spelled)
            held = self.symbols.get(aliased)
            if held is None:  # a library's class (``pydantic.BaseModel``), as bases name them
                return aliased if "." in aliased else None
            if held.kind == "variable":
                return self._held_class(aliased, hops + 1)
            return aliased if held.kind == "class" else None
        if value is not None and value.kind == "subscript" and value.items:
            base = value.items[0]
            target = self.resolve(base.ref or base.text, importer=module)
            if target is None or target.remainder:
                return None
            held = self.symbols.get(target.qualname)
            return target.qualname if held is not None and held.kind == "class" else None
        return (
            self._made_class(value, module) if value is not None and value.kind == "call" else None
        )

    def _made_class(self, call: Value, importer: str | None) -> str | None:
        """The project class the project function ``call`` calls returns, when every call
        returns that one (``def RepositoryFactory(model): class Base: ...; return Base``)."""
        func = call.func
        target = self.resolve(func.ref or func.text, importer=importer) if func else None
        fact = self.symbols.get(target.qualname) if target and not target.remainder else None
        if fact is None or fact.kind != "function" or len(fact.returned) != 1:
            return None
        ref = fact.returned[0].ref if fact.returned[0].kind == "name" else None
        if ref is not None and ref not in self.symbols:  # a local class is its own symbol
            made = self.resolve(ref)
            ref = made.qualname if made is not None and not made.remainder else None
        held = self.symbols.get(ref) if ref is not None else None
        return ref if held is not None and held.kind == "class" else None

    def mro(self, cls: str) -> list[str]:
        """Project classes and external bases reachable from ``cls``, nearest first: Python's
        C3 order (a diamond's shared base after every class deriving from it). Where C3 has
        none (a cycle, or bases Python itself would refuse), a depth-first, left-to-right walk.
        Computed once per class: every subclass test of every assignment asks again."""
        if cls not in self._mro:
            self._mro[cls] = ()  # while it runs: a cycle back here finds no bases
            self._mro[cls] = tuple(
                _c3(cls, [self.mro(b) for b in self.class_bases(cls)]) or self._walk_bases(cls)
            )
        return list(self._mro[cls])

    def _walk_bases(self, cls: str) -> list[str]:
        order: list[str] = []
        todo = [cls]
        while todo:
            current = todo.pop(0)
            if current in order:
                continue
            order.append(current)
            todo[0:0] = [b for b in self.class_bases(current) if b not in order]
        return order

    def _via_star(self, module: str, rest: list[str], hops: int) -> Target | None:
        key = (module, tuple(rest))
        if key in self._stars_seen:
            return self._stars_seen[key]
        self._stars_seen[key] = None  # while it runs: a cycle back here finds nothing
        for source in self.stars[module]:
            if self.alias(source, module) is None:
                # not a module of ours (a Cython ``.pyx``, another package): its names are
                # not ours to know; looked up through its parent package instead, each hop
                # would add a part, and two such imports double the work per hop (aim)
                continue
            found = self._resolve(".".join([source, *rest]), hops + 1, module)
            if found is None:
                continue
            # a library's name the source imports is bound too (``from pytest import
            # fixture`` in a fixtures module a conftest star-imports: strana's ``@fixture``)
            imported = rest[0] in self.bindings[source] and not rest[0].startswith("_")
            if id_kind(found.node) != "external" or imported:
                self._stars_seen[key] = found
                return found
        return None

    def _star_of_own(self, module: str, name: str, hops: int) -> Target | None:
        """``from .controller import *`` in a package whose submodule ``controller`` defines
        ``controller``: the star import runs after the submodule is imported, so the package's
        ``controller`` is that submodule's ``controller`` (Marvin's and mealie's ``_base``)."""
        if name.startswith("_") or f"{module}.{name}" not in self.stars[module]:
            return None  # a star import binds no name starting with ``_``
        found = self._resolve(f"{module}.{name}.{name}", hops + 1, module)
        if found is None or id_kind(found.node) != "symbol" or found.remainder:
            return None
        return found

    def _lazy(self, module: str, name: str, tail: list[str], hops: int) -> Target | None:
        """``from pkg import chat_router`` where ``pkg`` has no such name but a module
        ``__getattr__`` (PEP 562) that imports it on first use: what it imports."""
        binding = self.lazy.get(module, {}).get(name)
        if binding is None or (binding[0] is not None and self.alias(binding[0], module) is None):
            return None  # a place outside the project, or no module at all
        return self._follow(binding, tail, hops + 1, module)

    def _renamed(self, name: str, rest: list[str], hops: int) -> Target | None:
        """``Permissions.tomogram`` with ``Permissions = perms.Permissions`` bound once at
        module level: the attribute of what the name is another name for, when that names
        something of the project's (else the variable's own attribute, as before: a
        library's object, ``config = context.config``, is used through the variable)."""
        ref = self._renames.get(name)
        found = self._resolve(".".join([ref, *rest]), hops + 1) if ref else None
        if found is None or found.remainder or id_kind(found.node) != "symbol":
            return None
        return found

    def _inherited(self, cls: str, rest: list[str], hops: int) -> Target | None:
        sym = self.symbols.get(cls)
        if sym is None or sym.kind != "class":
            return None
        for candidate in self.bases[cls]:
            base = self._resolve(candidate, hops + 1, self.symbol_module.get(cls))
            if base is None or id_kind(base.node) != "symbol" or base.remainder:
                continue
            found = self.resolve(".".join([base.qualname, *rest]), hops + 1)
            if found is not None and not found.remainder:
                return found
        return None


def _none_only(facts: ModuleFacts) -> set[str]:
    """Module names only ever assigned ``None``: ``ee = None`` then, when a flag holds,
    ``import ee.src.main as ee`` (agenta), or ``x = None`` when an optional import fails.
    Reading an attribute of such a name means the module the import binds."""
    values: dict[str, set[str]] = defaultdict(set)
    for assign in facts.assigns:
        if not assign.scope and assign.value is not None:
            values[assign.name].add(assign.value.text if assign.value.kind == "const" else "")
    return {name for name, seen in values.items() if seen == {"None"}}


def _none_on_failure(facts: ModuleFacts) -> set[str]:
    """Module names bound only to ``None``, each time in an ``except`` block."""
    failed = {
        a.name for a in facts.assigns if any(g.kind == "except" for g in a.guards) and not a.scope
    }
    plain = {a.name for a in facts.assigns if not any(g.kind == "except" for g in a.guards)}
    return (failed - plain) & _none_only(facts)


def _renames(facts: ModuleFacts) -> dict[str, str]:
    """Module names bound once, to another name (``Permissions = perms.Permissions``), and
    never by an import: the qualified name each stands for. None in a module with a star
    import, which may bind any name again."""
    if any(imp.star and not imp.scope for imp in facts.imports):
        return {}
    bound: dict[str, list[AssignFact]] = defaultdict(list)
    for assign in facts.assigns:
        if not assign.scope:
            bound[assign.name].append(assign)
    imported = {imp.bound for imp in facts.imports if not imp.scope}
    return {
        name: value.ref
        for name, (assign,) in ((n, a) for n, a in bound.items() if len(a) == 1)
        if (value := assign.value) is not None
        and value.kind == "name"
        and value.ref
        and name not in imported
    }


def _has_getattr(facts: ModuleFacts) -> bool:
    return any(s.qualname == "__getattr__" for s in facts.symbols)


def _lazy_exports(facts: ModuleFacts) -> dict[str, tuple[str | None, str]]:
    """What a module's ``__getattr__`` can hand out, as import bindings: the names imports
    inside it bind (``if name == "router": from .api import router``), and the keys of a
    module-level dict of where each name lives (bisheng's ``{"chat_router":
    ("pkg.chat", "router")}``; ``"pkg.chat:router"``; or a module, the attribute being the
    name itself)."""
    found: dict[str, tuple[str | None, str]] = {}
    for assign in facts.assigns:
        value = assign.value
        if assign.scope or value is None or value.kind != "dict":
            continue
        for name, place in value.keywords:
            located = _located(place, facts, name)
            if located is not None and name.isidentifier():
                found.setdefault(name, located)
    for imp in facts.imports:
        if imp.scope == "__getattr__" and imp.bound is not None and imp.binds_to is not None:
            found[imp.bound] = (imp.from_module, imp.binds_to)
    return found


def _located(place: Value, facts: ModuleFacts, name: str) -> tuple[str, str] | None:
    """``("pkg.chat", "router")``, ``"pkg.chat:router"`` or ``".chat"`` -> (module, name)."""
    if place.kind == "list" and len(place.items) == 2 and all(i.kind == "str" for i in place.items):
        module, attribute = place.items[0].text, place.items[1].text
    elif place.kind == "str" and place.text.count(":") == 1:
        module, attribute = place.text.split(":")
    elif place.kind == "str" and place.text.replace(".", "").isidentifier():
        module, attribute = place.text, name
    else:
        return None
    if module.startswith("."):  # ``import_module(".chat", __name__)``
        package = facts.module if facts.is_package else facts.module.rpartition(".")[0]
        level = len(module) - len(module.lstrip("."))
        for _ in range(level - 1):
            package = package.rpartition(".")[0]
        module = f"{package}.{module.lstrip('.')}".rstrip(".")
    if not module or not attribute.replace(".", "").isidentifier():
        return None
    return module, f"{module}.{attribute}"


#: ``A = B``, ``B = C``...: how many plain aliases of a class a base is followed through.
_MAX_ALIASES = 5


def qualified(target: Target | None, text: str) -> str:
    """The qualified name ``text`` resolved to, or ``text`` itself when it resolved to nothing."""
    if target is None:
        return text
    return f"{target.qualname}.{target.remainder}" if target.remainder else target.qualname


def _c3(cls: str, orders: list[list[str]]) -> list[str] | None:
    """``cls`` then the merge of its bases' orders (each ending with the bases as listed),
    or None when no order keeps them all, as ``type()`` raises then."""
    bases = [order[0] for order in orders if order]
    if len(bases) < len(orders) or any(cls in order for order in orders):
        return None  # a cycle: a base's order is unfinished, or reaches back to ``cls``
    pending = [list(order) for order in (*orders, bases) if order]
    merged = [cls]
    while pending:
        head = next((o[0] for o in pending if not any(o[0] in p[1:] for p in pending)), None)
        if head is None:
            return None
        merged.append(head)
        pending = [rest for o in pending if (rest := [c for c in o if c != head])]
    return merged


def _in_except(sym: SymbolFact) -> bool:
    """Whether a definition stands in an ``except`` block: ``class Annotated: ...`` under
    ``except ImportError:`` after ``from typing import Annotated``, a fallback that runs only
    when the import fails; the import is what the module binds."""
    return any(guard.kind == "except" for guard in sym.guards)
