"""What a ``pytest_plugins`` comprehension names, over ``glob()`` or a literal list."""

from __future__ import annotations

import ast
import fnmatch
import posixpath
from collections.abc import Iterator
from pathlib import PurePosixPath

from codeintel.facts.models import ModuleFacts, SymbolFact, Value
from codeintel.resolve.evaluate import Evaluator
from codeintel.resolve.truth import PATH_CLASSES, Bound, evaluated, holds

#: Functions that list paths matching a pattern; ``recursive=True`` lets ``**`` span folders.
_GLOBS = frozenset({"glob.glob", "glob.iglob"})
#: The path separator, as servers and CI (POSIX) have it.
_SEPARATORS = frozenset({"os.sep", "os.path.sep"})
_MAX_CALLS = 4  # project functions followed inside one another


def plugin_names(
    text: str, module: ModuleFacts, evaluator: Evaluator, files: list[str], cwd: str
) -> tuple[str, ...] | None:
    """The plugin names of ``[as_module(f) for f in glob("tests/fixtures/*.py") if "__" not
    in f]`` (a common conftest idiom), with ``glob`` matched against the project's ``files``
    (sorted) from ``cwd`` (the folder pytest runs in), in that order; or of a comprehension
    over a literal tuple. None when the expression is any other shape, or a part of it is
    not known."""
    try:
        tree = ast.parse(text.strip(), mode="eval").body
    except (SyntaxError, ValueError, RecursionError):
        return None
    found = _comprehension(tree, _Names(module, evaluator), files, cwd)
    return tuple(found) if found is not None else None


def _comprehension(tree: ast.expr, names: _Names, files: list[str], cwd: str) -> list[str] | None:
    """The strings a one-loop comprehension makes, or None."""
    if not isinstance(tree, ast.ListComp | ast.GeneratorExp | ast.SetComp):
        return None
    if len(tree.generators) != 1 or tree.generators[0].is_async:
        return None
    loop = tree.generators[0]
    if not isinstance(loop.target, ast.Name):
        return None
    items = _items(loop.iter, names, files, cwd)
    if items is None:
        return None
    found = []
    for item in items:
        bound = names.binding({loop.target.id: item})
        tests = [holds(ast.unparse(test), bound) for test in loop.ifs]
        if None in tests:
            return None
        if all(tests):
            name = _string(tree.elt, bound, names)
            if name is None:
                return None
            found.append(name)
    return found


class _Names:
    """The names a module's expression reads: its imports, its constants, ``os.sep``."""

    def __init__(self, module: ModuleFacts, evaluator: Evaluator) -> None:
        self.module = module
        self.evaluator = evaluator

    def binding(self, local: dict[str, str]) -> Bound:
        def bound(name: str) -> Value | None:
            if name in local:
                return Value("path" if isinstance(local[name], _Path) else "str", local[name])
            if name == "__file__":  # the module's file, from the project's root as ``/``
                return Value("str", f"/{self.module.file}")
            qualified = self.qualified(name)
            if qualified in _SEPARATORS:
                return Value("str", "/")
            if qualified in PATH_CLASSES:
                return Value("other", qualified)
            text = self.evaluator.text(Value("name", name, ref=qualified))
            return None if qualified is None or text.unknown else Value("str", text.value)

        return bound

    def comprehension(self, name: str) -> ast.expr | None:
        """The comprehension a module-level variable of this module is bound to, as written."""
        key = self.evaluator.variable(f"{self.module.module}.{name}")
        value = self.evaluator.binding(key) if key else None
        if value is None or value.kind not in ("comp", "other"):
            return None
        try:
            return ast.parse(value.text.strip(), mode="eval").body
        except (SyntaxError, ValueError, RecursionError):
            return None

    def qualified(self, dotted: str) -> str | None:
        """``dotted`` as the module's imports and definitions make it: ``glob`` of
        ``from glob import glob`` is ``glob.glob``."""
        target = self.evaluator.resolver.resolve(f"{self.module.module}.{dotted}")
        if target is None:
            return None
        return f"{target.qualname}.{target.remainder}" if target.remainder else target.qualname


def _items(node: ast.expr, names: _Names, files: list[str], cwd: str) -> list[str] | None:
    """What ``glob(...)``, a literal list or tuple of strings, or a sum of them, lists."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _items(node.left, names, files, cwd), _items(node.right, names, files, cwd)
        return None if left is None or right is None else left + right
    bound = names.binding({})
    if isinstance(node, ast.List | ast.Tuple):  # ``for name in ("db", "users")``
        items = [_string(item, bound, names) for item in node.elts]
        return None if None in items else [i for i in items if i is not None]
    if isinstance(node, ast.Name):  # ``factory_modules = [f[:-3] for f in os.listdir(...)]``
        written = names.comprehension(node.id)
        return _comprehension(written, names, files, cwd) if written is not None else None
    func = names.qualified(ast.unparse(node.func)) if isinstance(node, ast.Call) else None
    globbed = _path_glob(node, bound, files, cwd)
    if globbed is not None:
        return globbed
    if func == "os.listdir" and isinstance(node, ast.Call) and len(node.args) == 1:
        folder = _string(node.args[0], bound, names)
        return _listed(folder, files, cwd) if folder is not None else None
    if not isinstance(node, ast.Call) or func not in _GLOBS:
        return None
    if len(node.args) != 1 or any(k.arg != "recursive" for k in node.keywords):
        return None
    pattern = _string(node.args[0], bound, names)
    recursive = [evaluated(ast.unparse(k.value), bound) for k in node.keywords]
    if pattern is None or any(r is None or not isinstance(r[0], bool) for r in recursive):
        return None
    return _glob(pattern, files, cwd, any(r is not None and r[0] for r in recursive))


class _Path(str):
    """A file ``Path.glob`` lists: a ``pathlib`` path to the expression reading it."""


def _path_glob(node: ast.expr, bound: Bound, files: list[str], cwd: str) -> list[str] | None:
    """What ``folder.glob(pattern)`` or ``.rglob(pattern)`` lists, ``folder`` a path of a
    known string (``Path("tests/fixtures")``, from ``cwd``) or of the module's own file
    (``Path(__file__).parent``, the project's own path), in sorted order (the file
    system's order is no one's to know)."""
    func = node.func if isinstance(node, ast.Call) else None
    if not isinstance(func, ast.Attribute) or func.attr not in ("glob", "rglob"):
        return None
    assert isinstance(node, ast.Call)
    if len(node.args) != 1 or node.keywords:
        return None
    folder = evaluated(ast.unparse(func.value), bound)
    pattern = evaluated(ast.unparse(node.args[0]), bound)
    if folder is None or not isinstance(folder[0], PurePosixPath) or pattern is None:
        return None
    if not isinstance(pattern[0], str) or pattern[0].startswith("/"):
        return None
    deep = "**/" if func.attr == "rglob" else ""
    base = str(folder[0])
    own = base.startswith("/")  # from the module's own ``__file__``: the project's root
    if own and ".." in folder[0].parts:
        return None
    written = f"{base.lstrip('/') or '.'}/{deep}{pattern[0]}"
    listed = _glob(written, files, "" if own else cwd, bool(deep))
    return [_Path(f"/{path}" if own else path) for path in listed or ()] or None


def _string(node: ast.expr, bound: Bound, names: _Names, depth: int = 0) -> str | None:
    """The string ``node`` makes: an expression of known strings, or a call of a project
    function, undecorated, whose one ``return`` is such an expression of its parameters."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and depth < _MAX_CALLS:
        found = _function(names.qualified(node.func.id), names.evaluator, len(node.args))
        if found is None or node.keywords:
            return None
        fact, home = found
        args = [_argument(arg, bound, names, depth) for arg in node.args]
        try:
            returned = ast.parse(fact.returned[0].text.strip(), mode="eval").body
        except (SyntaxError, ValueError, RecursionError):
            return None
        local = {p.name: a for p, a in zip(fact.params, args, strict=True) if a is not None}
        if len(local) != len(args):
            return None
        inner = _Names(home, names.evaluator)
        return _string(returned, inner.binding(local), inner, depth + 1)
    value = evaluated(ast.unparse(node), bound)
    return value[0] if value is not None and isinstance(value[0], str) else None


def _argument(node: ast.expr, bound: Bound, names: _Names, depth: int) -> str | None:
    """What a call passes: a string, or a path ``pathlib`` makes (kept a path)."""
    if isinstance(node, ast.Name):
        value = evaluated(node.id, bound)
        if value is not None and isinstance(value[0], PurePosixPath):
            return _Path(value[0])
    return _string(node, bound, names, depth)


def _function(
    qualified: str | None, evaluator: Evaluator, passed: int
) -> tuple[SymbolFact, ModuleFacts] | None:
    """The project function ``qualified`` names, with its module, when it takes ``passed``
    positional parameters, has no decorator and returns once, outside any block."""
    resolver = evaluator.resolver
    target = resolver.resolve(qualified) if qualified else None
    fact = resolver.symbols.get(target.qualname) if target and not target.remainder else None
    if target is None or fact is None or fact.kind != "function" or fact.decorators:
        return None
    if len(fact.returned) != 1 or fact.returned_guards != ((),) or len(fact.params) != passed:
        return None
    if any(p.kind != "positional" or p.default is not None for p in fact.params):
        return None
    params = {p.name for p in fact.params}
    local = f"{target.qualname}.<locals>."
    heads = {
        r[len(local) :].partition(".")[0] for r in _refs(fact.returned[0]) if r.startswith(local)
    }
    if not heads <= params:
        return None  # ``name = path.replace(...)`` then ``return name...``: a local we do not read
    home = resolver.modules.get(target.qualname.rpartition(".")[0])
    return (fact, home) if home is not None else None


def _refs(value: Value) -> Iterator[str]:
    """The names ``value`` reads, as refs."""
    if value.ref is not None:
        yield value.ref
    for inner in (value.func, *value.items, *(v for _, v in value.keywords)):
        if inner is not None:
            yield from _refs(inner)


def _listed(folder: str, files: list[str], cwd: str) -> list[str] | None:
    """What ``os.listdir(folder)`` lists, run in ``cwd``, of the project's files: the names
    of the files and folders right inside it; None when it holds none of them."""
    base = posixpath.normpath(posixpath.join(cwd, folder))
    inside = "" if base == "." else base + "/"
    names = {path[len(inside) :].partition("/")[0] for path in files if path.startswith(inside)}
    return sorted(names) or None


def _glob(pattern: str, files: list[str], cwd: str, recursive: bool) -> list[str] | None:
    """The files and folders ``glob.glob(pattern)`` lists when run in ``cwd``, as it spells
    them (relative to ``cwd``), of the project's files; a relative pattern only.
    None when it matches no file: pytest then more likely runs elsewhere than loads nothing."""
    if pattern.startswith("/") or not pattern:
        return None
    written = pattern.removeprefix("./")
    parts = written.split("/")
    folders: set[str] = set()
    for path in files:
        folder = path.rpartition("/")[0]
        while folder and folder not in folders:
            folders.add(folder)
            folder = folder.rpartition("/")[0]
    found = []
    for path in sorted({*files, *folders}):  # ``*`` lists packages' folders too
        relative = posixpath.relpath(path, cwd) if cwd else path
        if not relative.startswith("../") and _matches(parts, relative.split("/"), recursive):
            found.append(pattern[: len(pattern) - len(written)] + relative)
    return found or None


def _matches(pattern: list[str], path: list[str], recursive: bool) -> bool:
    """Whether the path's parts match the pattern's as ``glob`` does: ``*`` never spans a
    folder nor starts a hidden name, and ``**`` (when recursive) spans any folders."""
    if not pattern:
        return not path
    head, rest = pattern[0], pattern[1:]
    if head == "**" and recursive:
        return any(
            _matches(rest, path[skip:], recursive)
            for skip in range(len(path))
            if not any(p.startswith(".") for p in path[:skip])
        )
    if not path or (path[0].startswith(".") and not head.startswith(".")):
        return False
    return fnmatch.fnmatchcase(path[0], head) and _matches(rest, path[1:], recursive)
