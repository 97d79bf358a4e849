"""Whether an ``if`` test holds once the names in it are bound to known values: a loop over a
folder's files that keeps ``if name.endswith(".py") and name != "__init__.py"``."""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable
from pathlib import PurePosixPath

from codeintel.facts.models import Value

#: str methods a path or prefix is trimmed or cased with, evaluated on known strings.
STR_METHODS = frozenset(
    {"strip", "lstrip", "rstrip", "removeprefix", "removesuffix", "lower", "upper", "replace"}
)
#: ...and those that cut one into parts (``filename.split(".")[0]``).
SPLIT_METHODS = frozenset({"split", "rsplit", "partition", "rpartition"})
#: str methods a file name is tested or cut with: the evaluator's, and the predicates.
_METHODS = (
    STR_METHODS | SPLIT_METHODS | {"endswith", "startswith", "isidentifier", "islower", "isupper"}
)
_COMPARE: dict[type[ast.cmpop], Callable[[object, object], object]] = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.In: lambda a, b: operator.contains(b, a),  # type: ignore[arg-type]
    ast.NotIn: lambda a, b: not operator.contains(b, a),  # type: ignore[arg-type]
    # ordering of what the test knows; a mixed pair raises TypeError, read as not known
    ast.Lt: lambda a, b: a < b,  # type: ignore[operator]
    ast.LtE: lambda a, b: a <= b,  # type: ignore[operator]
    ast.Gt: lambda a, b: a > b,  # type: ignore[operator]
    ast.GtE: lambda a, b: a >= b,  # type: ignore[operator]
    # on the values a test can know (strings, numbers, True/False/None): ``x is None``
    ast.Is: lambda a, b: a == b and type(a) is type(b),
    ast.IsNot: lambda a, b: not (a == b and type(a) is type(b)),
}
_CONSTANTS = {"True": True, "False": False, "None": None}
#: ``pathlib``'s path classes, and what a path is read and cut with, as on POSIX (CI, servers).
PATH_CLASSES = frozenset({"pathlib.Path", "pathlib.PurePath", "pathlib.PurePosixPath"})
_PATH_ATTRIBUTES = frozenset({"stem", "name", "parent", "suffix"})
_PATH_METHODS = frozenset({"relative_to", "with_suffix", "as_posix"})

Bound = Callable[[str], Value | None]


class _Unknown(Exception):
    """A part of the test whose value is not known."""


def holds(test: str, bound: Bound) -> bool | None:
    """Whether ``test``, Python as written, holds with the names ``bound`` gives; None when
    some part of it is not a known string, number, constant or a field of a known record
    (``path.stem`` of a listed path, ``info.ispkg`` of a package walk's item)."""
    found = evaluated(test, bound)
    return bool(found[0]) if found is not None else None


def evaluated(expression: str, bound: Bound) -> tuple[object] | None:
    """``(value,)`` of ``expression`` read as ``holds`` reads a test; None when not known."""
    try:
        # parenthesised, as the ``if`` holds it: a bare ``name := value`` does not parse alone
        return (_evaluated(ast.parse(f"(\n{expression.strip()}\n)", mode="eval").body, bound),)
    except (SyntaxError, _Unknown, TypeError, ValueError, IndexError, RecursionError):
        return None


def _evaluated(node: ast.expr, bound: Bound) -> object:
    if isinstance(node, ast.Constant) and isinstance(node.value, str | int | bool | None):
        return node.value
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return tuple(_evaluated(item, bound) for item in node.elts)
    if isinstance(node, ast.Name):
        return _known(bound(node.id))
    if isinstance(node, ast.NamedExpr):  # ``if prefix := os.environ.get(...)``: its binding
        return _known(bound(node.target.id))
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        record = bound(node.value.id)
        if record is not None and record.kind == "path":
            return _path_attribute(_known(record), node.attr)
        field = record.keyword(node.attr) if record is not None and record.kind == "list" else None
        return _known(field or bound(f"{node.value.id}.{node.attr}"))
    if isinstance(node, ast.Attribute):  # ``Path(__file__).parent``
        return _path_attribute(_evaluated(node.value, bound), node.attr)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return not _evaluated(node.operand, bound)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        number = _evaluated(node.operand, bound)
        if type(number) is not int:
            raise _Unknown
        return -number
    if isinstance(node, ast.BoolOp):
        return _either(node, bound)
    if isinstance(node, ast.Compare):
        return _compared(node, bound)
    if isinstance(node, ast.Call):
        return _called(node, bound)
    if isinstance(node, ast.Subscript):
        return _evaluated(node.value, bound)[_index(node.slice, bound)]  # type: ignore[index]
    if isinstance(node, ast.JoinedStr):
        return "".join(_formatted(part, bound) for part in node.values)
    raise _Unknown


def _formatted(part: ast.expr, bound: Bound) -> str:
    """A part of an f-string: its text, or a string it formats as written (``{name}``)."""
    if isinstance(part, ast.FormattedValue):
        if part.conversion != -1 or part.format_spec is not None:
            raise _Unknown
        part = part.value
    text = _evaluated(part, bound)
    if not isinstance(text, str):
        raise _Unknown
    return text


def _known(value: Value | None) -> object:
    if value is None:
        raise _Unknown
    if value.kind == "str":
        return value.text
    if value.kind == "int":
        return int(value.text)
    if value.kind == "const" and value.text in _CONSTANTS:
        return _CONSTANTS[value.text]
    if value.kind == "list" and not value.keywords:  # a list, tuple or set of literals
        return tuple(_known(item) for item in value.items)
    if value.kind == "path":  # a file a ``Path.glob`` lists
        return PurePosixPath(value.text)
    raise _Unknown


def _either(node: ast.BoolOp, bound: Bound) -> object:
    """``a and b`` / ``a or b``, read left to right as Python does."""
    result: object = None
    for part in node.values:
        result = _evaluated(part, bound)
        if bool(result) != isinstance(node.op, ast.And):
            return result
    return result


def _compared(node: ast.Compare, bound: Bound) -> bool:
    left = _evaluated(node.left, bound)
    for op, written in zip(node.ops, node.comparators, strict=True):
        compare = _COMPARE.get(type(op))
        if compare is None:
            raise _Unknown
        right = _evaluated(written, bound)
        if not compare(left, right):
            return False
        left = right
    return True


def _called(node: ast.Call, bound: Bound) -> object:
    """``name.endswith(".py")``: a str method with literal arguments; ``len(path)``; and
    on the paths ``pathlib`` makes of known strings, ``str``, ``relative_to``,
    ``with_suffix``, ``as_posix``."""
    func = node.func
    made = _path_made(node, bound)
    if made is not None:
        return made
    if isinstance(func, ast.Name) and func.id == "len" and len(node.args) == 1:
        sized = _evaluated(node.args[0], bound)
        if not isinstance(sized, str | tuple) or node.keywords or bound("len") is not None:
            raise _Unknown
        return len(sized)
    if not isinstance(func, ast.Attribute) or func.attr not in _METHODS or node.keywords:
        raise _Unknown
    receiver = _evaluated(func.value, bound)
    if not isinstance(receiver, str):
        raise _Unknown
    return getattr(receiver, func.attr)(*(_evaluated(arg, bound) for arg in node.args))


def _path_made(node: ast.Call, bound: Bound) -> object:
    """``Path(x)``, ``str(path)`` and a path's methods; None for any other call."""
    func = node.func
    if node.keywords:
        return None
    if _names(func, bound, PATH_CLASSES) and len(node.args) == 1:
        made = _evaluated(node.args[0], bound)
        return PurePosixPath(made) if isinstance(made, str | PurePosixPath) else None
    if isinstance(func, ast.Name) and func.id == "str" and len(node.args) == 1:
        made = _evaluated(node.args[0], bound) if bound("str") is None else None
        return str(made) if isinstance(made, PurePosixPath) else None
    if not isinstance(func, ast.Attribute) or func.attr not in _PATH_METHODS:
        return None
    receiver = _evaluated(func.value, bound)
    if not isinstance(receiver, PurePosixPath):
        return None
    return getattr(receiver, func.attr)(*(_evaluated(arg, bound) for arg in node.args))


def _names(func: ast.expr, bound: Bound, qualified: frozenset[str]) -> bool:
    """Whether ``func`` (``Path``, ``pathlib.Path``) names one of the ``qualified`` names."""
    held = bound(ast.unparse(func)) if isinstance(func, ast.Name | ast.Attribute) else None
    return held is not None and held.kind == "other" and held.text in qualified


def _path_attribute(path: object, attribute: str) -> object:
    """``path.stem``, ``.name``, ``.parent``, ``.suffix`` of a path ``pathlib`` makes."""
    if not isinstance(path, PurePosixPath) or attribute not in _PATH_ATTRIBUTES:
        raise _Unknown
    return getattr(path, attribute)


def _index(node: ast.expr, bound: Bound) -> object:
    if isinstance(node, ast.Slice):
        parts = (node.lower, node.upper, node.step)
        return slice(*(_evaluated(p, bound) if p is not None else None for p in parts))
    return _evaluated(node, bound)
