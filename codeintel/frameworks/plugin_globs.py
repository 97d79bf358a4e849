"""What a ``pytest_plugins`` comprehension names, over ``glob()`` or a literal list."""

from __future__ import annotations

import ast
import fnmatch
import posixpath
from collections.abc import Callable, Iterable

from codeintel.facts.models import ModuleFacts, SymbolFact, Value
from codeintel.resolve.evaluate import STR_METHODS, Evaluator

#: Functions that list paths matching a pattern; ``recursive=True`` lets ``**`` span folders.
_GLOBS = frozenset({"glob.glob", "glob.iglob"})
#: Names the path is cut with; servers and CI run on POSIX.
_SEPARATORS = frozenset({"os.sep", "os.path.sep"})
#: str methods whose result is a truth value, for a comprehension's ``if``.
_TESTS = frozenset({"startswith", "endswith"})
_MAX_CALLS = 4  # project functions followed inside one another

Env = dict[str, object]


def plugin_names(
    text: str, module: ModuleFacts, evaluator: Evaluator, files: Iterable[str], cwd: str
) -> tuple[str, ...] | None:
    """The plugin names of ``[as_module(f) for f in glob("tests/fixtures/*.py") if "__" not
    in f]`` (a common conftest idiom), with ``glob`` matched against the project's ``files``
    from ``cwd`` (the folder pytest runs in), in sorted order; None when the expression is
    any other shape, or a part of it cannot be known."""
    try:
        tree = ast.parse(text.strip(), mode="eval").body
    except (SyntaxError, ValueError, RecursionError):
        return None
    if not isinstance(tree, ast.ListComp | ast.GeneratorExp | ast.SetComp):
        return None
    if len(tree.generators) != 1 or tree.generators[0].is_async:
        return None
    loop = tree.generators[0]
    if not isinstance(loop.target, ast.Name):
        return None
    reader = _Reader(module, evaluator, sorted(files), cwd)
    paths = reader.paths(loop.iter)
    if paths is None:
        return None
    names = []
    for path in paths:
        env: Env = {loop.target.id: path}
        tests = [reader.value(test, env) for test in loop.ifs]
        if any(not isinstance(test, bool) for test in tests):
            return None
        if all(tests):
            name = reader.value(tree.elt, env)
            if not isinstance(name, str):
                return None
            names.append(name)
    return tuple(names)


class _Reader:
    """Evaluates the few expressions the idiom is written with: strings, str methods, slices,
    ``in`` tests, ``os.sep``, and project functions returning one such expression."""

    def __init__(self, module: ModuleFacts, evaluator: Evaluator, files: list[str], cwd: str):
        self.module = module
        self.evaluator = evaluator
        self.files = files
        self.cwd = cwd
        self.calls = 0

    def paths(self, node: ast.expr) -> list[str] | None:
        """What ``glob(...)``, a literal list or tuple of strings, or a sum of them, lists."""
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left, right = self.paths(node.left), self.paths(node.right)
            return None if left is None or right is None else left + right
        if isinstance(node, ast.List | ast.Tuple):  # ``for name in ("db", "users")``
            items = [self.value(item, {}) for item in node.elts]
            return [i for i in items if isinstance(i, str)] if all(map(_is_str, items)) else None
        if not isinstance(node, ast.Call) or self._qualified(node.func) not in _GLOBS:
            return None
        if len(node.args) != 1 or any(k.arg not in ("recursive", None) for k in node.keywords):
            return None
        pattern = self.value(node.args[0], {})
        recursive = [self.value(k.value, {}) for k in node.keywords if k.arg == "recursive"]
        if not isinstance(pattern, str) or any(not isinstance(r, bool) for r in recursive):
            return None
        return _glob(pattern, self.files, self.cwd, any(recursive))

    def value(self, node: ast.expr, env: Env) -> object:
        """The str or bool ``node`` evaluates to, or None."""
        if isinstance(node, ast.Constant) and isinstance(node.value, str | bool):
            return node.value
        if isinstance(node, ast.Name) and node.id in env:
            return env[node.id]
        if isinstance(node, ast.JoinedStr):
            parts = [self._formatted(part, env) for part in node.values]
            return None if any(p is None for p in parts) else "".join(map(str, parts))
        if isinstance(node, ast.Attribute | ast.Name):
            return self._named(node)
        if isinstance(node, ast.Compare):
            return self._compared(node, env)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            operand = self.value(node.operand, env)
            return not operand if isinstance(operand, bool) else None
        if isinstance(node, ast.BoolOp):
            values = [self.value(v, env) for v in node.values]
            if any(not isinstance(v, bool) for v in values):
                return None
            return all(values) if isinstance(node.op, ast.And) else any(values)
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Slice):
            return self._sliced(node, env)
        if isinstance(node, ast.Call):
            return self._called(node, env)
        return None

    def _named(self, node: ast.Attribute | ast.Name) -> str | None:
        """``os.sep``, or a string constant of the project (``FIXTURES = "tests/fixtures"``)."""
        qualified = self._qualified(node)
        if qualified in _SEPARATORS:
            return "/"
        text = self.evaluator.text(Value("name", ast.unparse(node), ref=qualified))
        return None if qualified is None or text.unknown else text.value

    def _formatted(self, part: ast.expr, env: Env) -> object:
        if isinstance(part, ast.FormattedValue):
            if part.conversion != -1 or part.format_spec is not None:
                return None
            part = part.value
        found = self.value(part, env)
        return found if isinstance(found, str) else None

    def _compared(self, node: ast.Compare, env: Env) -> bool | None:
        if len(node.ops) != 1:
            return None
        left, right = self.value(node.left, env), self.value(node.comparators[0], env)
        if not isinstance(left, str) or not isinstance(right, str):
            return None
        tests: dict[type[ast.cmpop], Callable[[str, str], bool]] = {
            ast.In: lambda a, b: a in b,
            ast.NotIn: lambda a, b: a not in b,
            ast.Eq: lambda a, b: a == b,
            ast.NotEq: lambda a, b: a != b,
        }
        test = tests.get(type(node.ops[0]))
        return test(left, right) if test is not None else None

    def _sliced(self, node: ast.Subscript, env: Env) -> str | None:
        text = self.value(node.value, env)
        assert isinstance(node.slice, ast.Slice)
        bounds = [_int(b) for b in (node.slice.lower, node.slice.upper, node.slice.step)]
        written = (node.slice.lower, node.slice.upper, node.slice.step)
        unread = any(b is None and w for b, w in zip(bounds, written, strict=True))
        if not isinstance(text, str) or unread:
            return None
        return text[slice(*bounds)] if bounds[2] != 0 else None

    def _called(self, node: ast.Call, env: Env) -> object:
        if node.keywords:
            return None
        args = [self.value(a, env) for a in node.args]
        if any(not isinstance(a, str) for a in args):
            return None
        if isinstance(node.func, ast.Attribute):  # ``fixture.replace("/", ".")``
            receiver = self.value(node.func.value, env)
            method = node.func.attr
            if isinstance(receiver, str) and method in STR_METHODS | _TESTS:
                try:
                    return getattr(receiver, method)(*args)
                except (TypeError, ValueError):
                    return None
        return self._function(node.func, args)

    def _function(self, func: ast.expr, args: list[object]) -> object:
        """A project function called with known strings, whose one ``return``, outside any
        block, is an expression of its parameters: that expression, read with them bound."""
        qualified = self._qualified(func)
        target = self.evaluator.resolver.resolve(qualified) if qualified else None
        fact = self.evaluator.resolver.symbols.get(target.qualname) if target else None
        if target is None or target.remainder or fact is None or not _plain(fact, len(args)):
            return None
        home = self.evaluator.resolver.modules.get(target.qualname.rpartition(".")[0])
        if home is None or self.calls >= _MAX_CALLS:
            return None
        try:
            returned = ast.parse(fact.returned[0].text, mode="eval").body
        except (SyntaxError, ValueError, RecursionError):
            return None
        reader = _Reader(home, self.evaluator, self.files, self.cwd)
        reader.calls = self.calls + 1
        return reader.value(returned, {p.name: a for p, a in zip(fact.params, args, strict=True)})

    def _qualified(self, node: ast.expr) -> str | None:
        """The dotted name ``node`` spells, its head read through the module's imports and
        definitions: ``glob`` of ``from glob import glob`` is ``glob.glob``."""
        parts: list[str] = []
        while isinstance(node, ast.Attribute):
            parts.insert(0, node.attr)
            node = node.value
        if not isinstance(node, ast.Name):
            return None
        head = node.id
        for imp in self.module.imports:
            if imp.bound == head and not imp.scope and imp.binds_to:
                return ".".join((imp.binds_to, *parts))
        if any(s.name == head and "." not in s.qualname for s in self.module.symbols):
            return ".".join((self.module.module, head, *parts))
        return None


def _is_str(item: object) -> bool:
    return isinstance(item, str)


def _plain(fact: SymbolFact, passed: int) -> bool:
    """A function of ``passed`` positional parameters, undecorated, returning once."""
    return (
        fact.kind == "function"
        and not fact.decorators
        and len(fact.returned) == 1
        and fact.returned_guards == ((),)
        and len(fact.params) == passed
        and all(p.kind == "positional" and p.default is None for p in fact.params)
    )


def _int(node: ast.expr | None) -> int | None:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _int(node.operand)
        return -inner if inner is not None else None
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    return None


def _glob(pattern: str, files: list[str], cwd: str, recursive: bool) -> list[str] | None:
    """The files ``glob.glob(pattern)`` lists when run in ``cwd``, as it spells them (relative
    to ``cwd``); only a relative pattern of files is read, not folders or absolute paths.
    None when it matches no file."""
    if pattern.startswith("/") or not pattern:
        return None
    parts = pattern.removeprefix("./").split("/")
    found = []
    for path in files:
        relative = posixpath.relpath(path, cwd) if cwd else path
        if relative.startswith("../"):
            continue
        if _matches(parts, relative.split("/"), recursive):
            found.append(pattern[: len(pattern) - len(pattern.removeprefix("./"))] + relative)
    return found or None  # nothing matched: more likely pytest runs elsewhere than no plugins


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
