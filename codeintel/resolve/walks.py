"""Modules a project finds at run time in its own folders: what a package walk
(``pkgutil.iter_modules``) or a listing of a package's folder (``os.listdir``, ``glob``)
yields, and which module ``importlib.import_module`` imports."""

from __future__ import annotations

import fnmatch
import posixpath
from collections.abc import Callable
from dataclasses import replace

from codeintel.facts.models import AssignFact, CallFact, ModuleFacts, Value
from codeintel.resolve.evaluate import Evaluator, with_parts
from codeintel.resolve.truth import holds

_WALKS = frozenset({"pkgutil.iter_modules", "pkgutil.walk_packages"})
_IMPORTS = frozenset({"importlib.import_module"})
_DIRNAMES = frozenset({"os.path.dirname"})
_ABSOLUTE = frozenset({"os.path.abspath", "os.path.realpath"})
_LISTDIR = frozenset({"os.listdir"})
_GLOB = frozenset({"glob.glob"})
_JOIN = frozenset({"os.path.join"})
_ORDERED = frozenset({"sorted", "list"})  # builtins that keep a listing's items
_PATHS = frozenset({"pathlib.Path"})
_DUNDERS = frozenset({"__name__", "__package__", "__file__"})
_NAMESPACE_UPDATES = frozenset({"globals().update", "vars().update"})


def package_walk(
    value: Value | None, module: str, evaluator: Evaluator
) -> tuple[Value, ...] | None:
    """The ``ModuleInfo`` items ``pkgutil.iter_modules(path, prefix)`` yields in ``module``,
    for a path naming one package of the project (``__path__``, ``pkg.__path__``, or
    ``[os.path.dirname(__file__)]``): each submodule and subpackage with an ``__init__``,
    by name, as pkgutil lists a folder; ``walk_packages`` goes on into the subpackages,
    naming their modules by dotted path. None for any other value."""
    walk = evaluator.qualified(value.func) if value is not None and value.kind == "call" else None
    if value is None or walk not in _WALKS:
        return None
    path = value.keyword("path") or (value.items[0] if value.items else None)
    prefix = value.keyword("prefix") or (value.items[1] if len(value.items) > 1 else None)
    package = _walked(path, module, evaluator)
    named = evaluator.text(with_dunders(prefix, module, evaluator)) if prefix else None
    if package is None or (named is not None and named.unknown):
        return None
    start = named.value if named is not None else ""
    modules = evaluator.resolver.modules
    found = []
    # walk_packages imports each subpackage by the name it yields to go into it: only a
    # prefix naming the package itself makes that name importable
    deep = walk == "pkgutil.walk_packages" and start == f"{package}."
    for name in sorted(modules):
        parent, _, short = name.rpartition(".")
        inside = parent == package or (deep and _below(parent, package, evaluator))
        if inside and short != "__init__":
            ispkg = modules[name].file.endswith("/__init__.py")
            found.append(_module_info(f"{start}{name.removeprefix(package + '.')}", ispkg))
    return tuple(found)


def autoloaded(module: ModuleFacts, evaluator: Evaluator) -> tuple[str, ...] | None:
    """The project modules whose namespaces ``module`` copies into its own as it runs, in
    the order it imports them: a loop over its package's folder importing each module by
    name, then ``for attr in dir(module): globals()[attr] = getattr(module, attr)`` (fides'
    fixture packages). () when it writes no names; None when it writes some another way,
    or its loop is not known."""
    found: list[str] = []
    for write in (c for c in module.calls if not c.scope and namespace_write(c)):
        loaded = next((a for a in module.assigns if _copies(write, a, module.assigns)), None)
        names = _imported_per_item(loaded, module.module, evaluator) if loaded else None
        if names is None:
            return None
        found += (name for name in names if name not in found)
    return tuple(found)


def namespace_write(call: CallFact) -> bool:
    """``globals()[name] = value`` or ``globals().update(...)`` (``vars()`` alike)."""
    if call.role == "setitem":
        return call.value.text.startswith(("globals()[", "vars()["))
    func = call.value.func
    return call.role == "call" and func is not None and func.text in _NAMESPACE_UPDATES


def _copies(write: CallFact, loaded: AssignFact, assigns: tuple[AssignFact, ...]) -> bool:
    """Whether ``write`` is ``globals()[k] = getattr(m, k)`` (or a variable bound to that) in
    a loop ``for k in dir(m)`` inside the loop binding ``m``, a module-level variable,
    under no test but ``callable(...)``: each of ``m``'s names, as it is. (``globals().
    update(vars(m))`` would copy ``__name__`` and ``__file__`` too, breaking the module.)"""
    outer, inner = write.guards[: len(loaded.guards)], write.guards[len(loaded.guards) :]
    loops = [g for g in inner if g.kind == "for"]
    if loaded.scope or not loaded.guards or outer != loaded.guards or len(loops) != 1:
        return False
    loop = loops[0]
    name = loop.target.text if loop.target is not None else ""
    if loop.iterable is None or loop.iterable.text != f"dir({loaded.name})":
        return False
    if any(g.kind != "for" and not g.text.startswith("callable(") for g in inner):
        return False
    if write.role != "setitem" or len(write.value.items) != 2:
        return False
    target, value = write.value.items
    got = f"getattr({loaded.name}, {name})"
    held = [a.value.text for a in assigns if a.name == value.text and a.value and not a.scope]
    # ``attr = getattr(module, name)`` then ``globals()[name] = attr``: bound once, to that
    return target.text == f"globals()[{name}]" and (value.text == got or held == [got])


def _imported_per_item(loaded: AssignFact, module: str, evaluator: Evaluator) -> list[str] | None:
    """What ``loaded``'s ``import_module(...)`` imports for each item of the loop around it
    over a listing of a package's folder, kept by the ``if`` tests inside that loop."""
    loop, *tests = loaded.guards
    target = loop.target
    if loop.kind != "for" or any(g.kind != "if" for g in tests) or loaded.value is None:
        return None
    listed = package_walk(loop.iterable, module, evaluator)
    if listed is None:
        listed = folder_listing(loop.iterable, module, evaluator)
    if listed is None or target is None or target.kind != "name":
        return None
    found = []
    for item in listed:
        kept = [holds(g.text, _naming(target.text, item)) for g in tests]
        named = imported_module(_bound(loaded.value, target, item), module, evaluator)
        if None in kept or (all(kept) and named is None):
            return None
        found += [named] if all(kept) and named else []
    return found


def _naming(name: str, item: Value) -> Callable[[str], Value | None]:
    """What a test reads for each name: the loop's item for its variable."""
    return lambda written: item if written == name else None


def _bound(value: Value, target: Value, item: Value) -> Value:
    """``value`` with the loop variable ``target`` read as ``item``, and a field of it
    (``info.name`` of a package walk's item) as that field."""
    if value.kind == "name" and value.ref == target.ref:
        return item
    head, _, field = (value.ref or "").rpartition(".") if value.kind == "name" else ("", "", "")
    if head == target.ref and item.kind == "list" and (found := item.keyword(field)) is not None:
        return found
    return with_parts(value, lambda part: _bound(part, target, item))


def folder_listing(
    value: Value | None, module: str, evaluator: Evaluator
) -> tuple[Value, ...] | None:
    """What a listing of the folder of one package of the project yields in ``module``, in
    name order: ``os.listdir(folder)`` its entries' names, ``glob.glob(os.path.join(folder,
    pattern))`` the paths of those the pattern matches, ``Path(__file__).parent.glob(pattern)``
    or ``.iterdir()`` path objects (``name``, ``stem``, ``suffix``). The folder is named as
    ``package_walk``'s is. Entries are the project's Python files and the folders holding
    some; the folder's other files are not known. None for any other value."""
    func = value.func if value is not None and value.kind == "call" else None
    if value is None or func is None:
        return None
    if func.ref is None and func.text in _ORDERED and len(value.items) == 1:
        return folder_listing(value.items[0], module, evaluator)  # ``sorted(os.listdir(d))``
    called = evaluator.qualified(func)
    if called in _LISTDIR and len(value.items) == 1:
        folder = _folder_package(value.items[0], module, evaluator)
        return _entries(folder, "*", evaluator, lambda folder, name: Value("str", name))
    if called in _GLOB and len(value.items) == 1:
        joined = value.items[0]
        if joined.kind == "name" and joined.ref:  # ``pattern = os.path.join(...)`` first
            key = evaluator.variable(joined.ref)
            joined = (evaluator.binding(key) if key else None) or joined
        parts = (
            joined.items
            if joined.kind == "call" and evaluator.qualified(joined.func) in _JOIN
            else ()
        )
        if len(parts) < 2 or parts[-1].kind != "str":
            return None
        folder = _folder(parts[0], module, evaluator)
        for part in parts[1:-1]:  # ``os.path.join(here, "routers", "*.py")``
            folder = _subpackage(folder, part, evaluator)
        return _entries(
            folder, parts[-1].text, evaluator, lambda d, name: Value("str", f"{d}/{name}")
        )
    if func.kind == "getattr" and func.items and func.func is not None:
        pattern = _path_pattern(func.items[0].text, value)
        return _path_listing(func.func, pattern, module, evaluator) if pattern else None
    return None


def _path_listing(
    path: Value, pattern: str, module: str, evaluator: Evaluator
) -> tuple[Value, ...] | None:
    """The path objects ``path.glob(pattern)`` yields, its folder segments followed (from
    the import root too: ``glob("routers/*.py")`` beside ``main.py``)."""
    *inner, last = pattern.split("/")
    base = _folder(path, module, evaluator) if inner else None
    base = base if base is not None else _folder_package(path, module, evaluator)
    facts = evaluator.resolver.modules.get(module)
    here = posixpath.dirname(facts.file) if facts is not None else ""
    folders = _descend(base, inner, here, evaluator)
    listed = [_entries(f, last, evaluator, _path) for f in folders or ()]
    if folders is None or any(entries is None for entries in listed):
        return None
    return tuple(entry for entries in listed for entry in entries or ())


def _descend(
    package: str | None, segments: list[str], here: str, evaluator: Evaluator
) -> list[str] | None:
    """The packages ``glob("routers/*.py")`` or ``glob("*/endpoints_*.py")`` lists files in,
    each folder segment a subpackage it names or matches, in name order; ``package`` ""
    is the import root, ``here``. None for a folder we cannot list, or past a ``**``."""
    packages = [package] if package is not None else []
    for segment in segments:
        listed = [(p, _folder_names(p, here, evaluator)) for p in packages]
        if "**" in segment or not packages or any(names is None for _, names in listed):
            return None
        matched = [
            (package, name)
            for package, names in listed
            for name in names or ()
            if fnmatch.fnmatchcase(name, segment) and not name.endswith(".py")
        ]
        packages = [_subpackage(p, Value("str", name), evaluator) or "" for p, name in matched]
        if "" in packages:
            return None  # a folder that is no package of ours: what it holds is not known
    return packages


def _path_pattern(method: str, call: Value) -> str | None:
    """The names ``path.iterdir()`` or ``path.glob("*.py")`` match; None for another call,
    or a pattern that is not a literal."""
    if method == "iterdir" and not call.items and not call.keywords:
        return "*"
    given = call.keyword("pattern") or (call.items[0] if len(call.items) == 1 else None)
    return given.text if method == "glob" and given is not None and given.kind == "str" else None


def _entries(
    package: str | None, pattern: str, evaluator: Evaluator, make: Callable[[str, str], Value]
) -> tuple[Value, ...] | None:
    """The entries of ``package``'s folder whose names match ``pattern``, each made by
    ``make(folder, name)``; None for a pattern that reaches into folders."""
    facts = evaluator.resolver.modules.get(package) if package else None
    if facts is None or "/" in pattern or "**" in pattern:
        return None
    folder = posixpath.dirname(facts.file)
    names = _folder_names(facts.module, folder, evaluator) or ()
    return tuple(make(folder, n) for n in names if fnmatch.fnmatchcase(n, pattern))


def _folder_names(package: str, here: str, evaluator: Evaluator) -> list[str] | None:
    """The names in ``package``'s folder (``here`` for the import root, "") that are the
    project's Python files or folders holding some, in name order; None for a package
    with no ``__init__``, whose folder we do not know."""
    facts = evaluator.resolver.modules.get(package) if package else None
    if facts is None and package:
        return None
    folder = posixpath.dirname(facts.file) if facts is not None else here
    within = f"{folder}/" if folder else ""
    names = set()
    for other in evaluator.resolver.modules.values():
        if other.file.startswith(within):
            names.add(other.file[len(within) :].partition("/")[0])
    return sorted(names)


def _path(folder: str, name: str) -> Value:
    """A ``pathlib.Path`` a listing yields: the parts of its name a loop reads, and its
    folder's name (``glob("*/endpoints.py")`` tells the folders apart by it)."""
    stem, suffix = posixpath.splitext(name)
    parent = posixpath.basename(folder)
    parts = (("name", name), ("stem", stem), ("suffix", suffix), ("parent.name", parent))
    return Value(
        "list",
        f"Path({folder + '/' + name!r})",
        keywords=tuple((part, Value("str", text)) for part, text in parts),
    )


def _below(parent: str, package: str, evaluator: Evaluator) -> bool:
    """Whether ``parent`` is a package inside ``package`` that a walk reaches: every
    package between them has an ``__init__`` (a folder without one is not walked into)."""
    while parent.startswith(package + ".") and _is_package(parent, evaluator):
        parent = parent.rpartition(".")[0]
    return parent == package


def imported_module(value: Value | None, module: str, evaluator: Evaluator) -> str | None:
    """The project module ``importlib.import_module(name, package)`` imports in ``module``,
    once the loop variables in ``value`` are bound; None when it is no such call or the name
    is not known in full."""
    if value is None or value.kind != "call":
        return None
    if builtin_import(value):
        return _builtin_imported(value, module, evaluator)
    if evaluator.qualified(value.func) not in _IMPORTS:
        return None
    name = value.keyword("name") or (value.items[0] if value.items else None)
    anchor = value.keyword("package") or (value.items[1] if len(value.items) > 1 else None)
    text = evaluator.text(with_dunders(name, module, evaluator))
    base = evaluator.text(with_dunders(anchor, module, evaluator)) if anchor else None
    if text.unknown or not text.value or (base is not None and base.unknown):
        return None
    dotted = text.value
    if dotted.startswith("."):
        if base is None:
            return None  # a relative name needs its package, or import_module raises
        level = len(dotted) - len(dotted.lstrip("."))
        parent = base.value.rsplit(".", level - 1)[0] if level > 1 else base.value
        dotted = f"{parent}.{dotted.lstrip('.')}"
    return evaluator.resolver.alias(dotted, module)


def missing_module(value: Value | None, module: str, evaluator: Evaluator) -> bool:
    """Whether ``importlib.import_module(name)`` in ``module`` names, in full, a module of
    one of the project's packages that does not exist: the import raises there."""
    if value is None or value.kind != "call" or evaluator.qualified(value.func) not in _IMPORTS:
        return False
    name = value.keyword("name") or (value.items[0] if value.items else None)
    if value.keyword("package") is not None or len(value.items) > 1:
        return False
    text = evaluator.text(with_dunders(name, module, evaluator))
    modules = evaluator.resolver.modules
    parent = text.value.rpartition(".")[0]
    known = not text.unknown and not text.value.startswith(".")
    return known and text.value not in modules and _is_package(parent, evaluator)


def builtin_import(call: Value) -> bool:
    """Whether ``call`` is of the builtin ``__import__`` (a project's own has a ref)."""
    return call.func is not None and call.func.ref is None and call.func.text == "__import__"


def _builtin_imported(call: Value, module: str, evaluator: Evaluator) -> str | None:
    """``__import__("app.routers.users", fromlist=["router"])`` returns the module named;
    without a ``fromlist``, its top-level package. A relative ``level`` is not read."""
    name = call.keyword("name") or (call.items[0] if call.items else None)
    fromlist = call.keyword("fromlist") or (call.items[3] if len(call.items) > 3 else None)
    level = call.keyword("level") or (call.items[4] if len(call.items) > 4 else None)
    text = evaluator.text(with_dunders(name, module, evaluator))
    if text.unknown or not text.value or text.value.startswith("."):
        return None
    if level is not None and level.text != "0":
        return None
    returned = fromlist is not None and fromlist.text not in ("()", "[]", "None")
    dotted = text.value if returned else text.value.partition(".")[0]
    return evaluator.resolver.alias(dotted, module)


def with_dunders(value: Value | None, module: str, evaluator: Evaluator) -> Value | None:
    """``value`` with ``__name__`` and ``__package__`` read as ``module``'s, and ``__file__``
    as its path from the project's root (its name, stem and suffix are the runtime's)."""
    if value is None:
        return None
    head, dot, rest = value.text.partition(".") if value.kind == "name" else ("", "", "")
    if (
        value.kind == "name"
        and value.ref
        and value.ref.endswith(".__name__")
        and head != "__name__"
    ):
        named = _module_held(value.ref.removesuffix(".__name__"), module, evaluator)
        if named is not None:  # ``pkg.__name__`` of a module: its name
            return Value("str", named)
    facts = evaluator.resolver.modules.get(module) if head in _DUNDERS else None
    if facts is not None and value.ref in (None, f"{module}.{head}"):
        package = facts.file.endswith("__init__.py")
        name = module if head == "__name__" or package else module.rpartition(".")[0]
        read = Value("str", facts.file if head == "__file__" else name)
        for part in rest.split(".") if dot else ():  # ``__name__.split``: a str's method
            read = Value("getattr", f"{read.text}.{part}", func=read, items=(Value("str", part),))
        return read
    if not value.items and value.func is None:
        return value
    return replace(
        value,
        func=with_dunders(value.func, module, evaluator),
        items=tuple(v for v in (with_dunders(i, module, evaluator) for i in value.items) if v),
    )


def _walked(path: Value | None, module: str, evaluator: Evaluator) -> str | None:
    """The package whose folder ``path`` names."""
    if path is not None and path.kind == "list" and len(path.items) == 1:
        return _folder_package(path.items[0], module, evaluator)
    if path is None or path.kind != "name" or path.ref is None:
        return None
    owner, _, attribute = path.ref.rpartition(".")
    if attribute != "__path__":
        key = evaluator.variable(path.ref)  # ``package_path = package.__path__``
        bound = evaluator.binding(key) if key else None
        return _walked(bound, module, evaluator) if bound is not None else None
    name = _module_held(owner, module, evaluator)
    return name if _is_package(name, evaluator) else None


def _module_held(ref: str, module: str, evaluator: Evaluator) -> str | None:
    """The project module a name is, or a variable bound to one holds (``pkg =
    app.plugins``)."""
    target = evaluator.resolver.resolve(ref, importer=module)
    if (
        target is not None
        and not target.remainder
        and target.qualname in evaluator.resolver.modules
    ):
        return target.qualname
    spelled = ref.removeprefix(f"{module}.")  # ``import app.plugins`` of a namespace package
    modules = evaluator.resolver.modules
    if spelled != ref and spelled not in modules and _is_package(spelled, evaluator):
        return spelled
    key = evaluator.variable(ref)
    bound = evaluator.binding(key) if key else None
    if bound is None or bound.kind != "name" or bound.ref is None or bound.ref == ref:
        return None
    target = evaluator.resolver.resolve(bound.ref, importer=module)
    return target.qualname if target is not None and not target.remainder else None


def _folder_package(value: Value, module: str, evaluator: Evaluator) -> str | None:
    """The package of the folder ``os.path.dirname(__file__)``, ``Path(__file__).parent``
    or ``str(...)`` of those name in ``module``, through one variable at most; or of a
    subpackage's folder below it (``... / "routers"``, ``os.path.join(..., "routers")``)."""
    return _folder(value, module, evaluator) or None


def _unstr(value: Value) -> Value:
    """``str(path)``: the path."""
    if value.kind == "call" and value.func is not None and value.func.text == "str":
        return value.items[0] if len(value.items) == 1 else value
    return value


def _folder(value: Value, module: str, evaluator: Evaluator) -> str | None:
    """``_folder_package``, or "" for the folder of a top-level module: an import root,
    whose subfolders are top-level packages (``main.py`` beside ``routers/``)."""
    value = _unstr(value)  # ``str(package_dir)``, ``package_dir = Path(__file__).parent``
    if value.kind == "name" and value.ref is not None and not value.ref.endswith("__file__"):
        key = evaluator.variable(value.ref)
        bound = evaluator.binding(key) if key else None
        value = _unstr(bound) if bound is not None else value
    if value.kind == "subscript" and len(value.items) == 2 and value.items[1].text == "0":
        held = value.items[0].ref or ""  # ``package.__path__[0]``: the package's one folder
        if value.items[0].kind == "name" and held.endswith(".__path__"):
            package = _module_held(held.removesuffix(".__path__"), module, evaluator)
            return package if _is_package(package, evaluator) else None
    joined = value.kind == "call" and evaluator.qualified(value.func) in _JOIN
    if (value.kind == "div" or joined) and len(value.items) >= 2:
        package = _folder(value.items[0], module, evaluator)
        for part in value.items[1:]:
            package = _subpackage(package, part, evaluator)
        return package
    if value.kind == "call" and evaluator.qualified(value.func) in _DIRNAMES:
        here = value.items[0] if len(value.items) == 1 else None
        if here is not None and here.kind == "call" and len(here.items) == 1:
            here = here.items[0] if evaluator.qualified(here.func) in _ABSOLUTE else None
    elif value.kind == "getattr" and value.items and value.items[0].text == "parent":
        here = _path_argument(value.func, evaluator)
    else:
        here = None
    # ``__file__`` of the module itself, or of the one that passed the path in
    # (``discover(Path(__file__).parent / "core")`` from ``app.main``, papermerge)
    owner = (here.ref or "").removesuffix(".__file__") if here is not None else ""
    facts = evaluator.resolver.modules.get(owner)
    if here is None or here.kind != "name" or f"{owner}.__file__" != here.ref or facts is None:
        return None
    own = facts.file.endswith("/__init__.py")
    package = owner if own else owner.rpartition(".")[0]
    if not package:
        return ""
    # a folder without ``__init__`` is a namespace package: its subpackages are reachable
    return package if _is_package(package, evaluator) else None


def _subpackage(package: str | None, part: Value, evaluator: Evaluator) -> str | None:
    """The package of the folder ``part`` names inside ``package``'s, when it is one."""
    name = part.text if part.kind == "str" else ""
    if package is None or not name.isidentifier():
        return None
    dotted = f"{package}.{name}" if package else name
    return dotted if _is_package(dotted, evaluator) else None


def _path_argument(value: Value | None, evaluator: Evaluator) -> Value | None:
    """``x`` of ``Path(x)`` or ``Path(x).resolve()``: a path whose ``.parent`` is ``x``'s
    folder; None for anything else."""
    if value is None or value.kind != "call" or value.func is None:
        return None
    if value.func.kind == "getattr":
        resolved = value.func.items[0].text == "resolve" if value.func.items else False
        return _path_argument(value.func.func, evaluator) if resolved else None
    path = evaluator.qualified(value.func) in _PATHS and len(value.items) == 1
    return value.items[0] if path else None


def _is_package(name: str | None, evaluator: Evaluator) -> bool:
    """A package with an ``__init__``, or a namespace package: a folder of modules."""
    facts = evaluator.resolver.modules.get(name) if name else None
    if facts is None:
        return bool(name) and any(m.startswith(f"{name}.") for m in evaluator.resolver.modules)
    return facts.file.endswith("__init__.py")


def _module_info(name: str, ispkg: bool) -> Value:
    """What pkgutil yields: a ``ModuleInfo(module_finder, name, ispkg)`` named tuple."""
    fields = (Value("other", "module_finder"), Value("str", name), Value("const", str(ispkg)))
    return Value(
        "list",
        f"ModuleInfo(name={name!r}, ispkg={ispkg})",
        items=fields,
        keywords=(("module_finder", fields[0]), ("name", fields[1]), ("ispkg", fields[2])),
    )
