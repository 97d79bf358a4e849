"""The source text of libcst nodes, and the values of string literals, as libcst gives them,
at a fraction of the cost."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import libcst as cst

_EMPTY = cst.Module([])

#: Operators written as one token between whitespace: ``.``, ``,``, ``+``, ``==``; not
#: ``is not`` or ``not in``, nor unary operators.
ONE_TOKEN_OPERATORS = tuple(
    kind
    for name in sorted(dir(cst))
    if isinstance(kind := getattr(cst, name), type)
    and issubclass(kind, cst.CSTNode)
    and hasattr(kind, "_get_token")
    and hasattr(kind, "whitespace_before")
)


def string_value(node: cst.SimpleString | cst.ConcatenatedString) -> str | bytes | None:
    """A string literal's value. One without prefix, escapes or carriage returns is what its
    quotes hold; libcst's ``evaluated_value`` compiles every one (a twentieth of extraction)."""
    value = node.value if isinstance(node, cst.SimpleString) else None
    if value is None or value[0] not in "'\"" or "\\" in value or "\r" in value:
        return node.evaluated_value
    quotes = 3 if value[:3] == value[0] * 3 else 1
    return value[quotes:-quotes]


def code(node: cst.CSTNode) -> str:
    """The code of ``node`` as libcst writes it. The nodes most expressions are made of are
    written here, at a fraction of the cost: libcst's code generation, a context manager per
    node, cost a third of the extraction."""
    write = _WRITERS.get(type(node))
    return write(node) if write is not None else _EMPTY.code_for_node(node)


def _parenthesized(node: Any, inner: str) -> str:
    if not node.lpar and not node.rpar:
        return inner
    before = "".join("(" + code(paren.whitespace_after) for paren in node.lpar)
    return before + inner + "".join(code(paren.whitespace_before) + ")" for paren in node.rpar)


def _comma(node: Any, default: bool) -> str:
    """A list item's comma: written, or the one libcst adds between items that have none."""
    if isinstance(node.comma, cst.Comma):
        return code(node.comma)
    return ", " if default else ""


def _call(node: cst.Call) -> str:
    last = len(node.args) - 1
    args = "".join(_arg(arg, i != last) for i, arg in enumerate(node.args))
    opened = f"{code(node.whitespace_after_func)}({code(node.whitespace_before_args)}"
    return _parenthesized(node, f"{code(node.func)}{opened}{args})")


def _arg(node: cst.Arg, default_comma: bool) -> str:
    text = node.star + code(node.whitespace_after_star)
    if node.keyword is not None:
        text += code(node.keyword)
        if isinstance(node.equal, cst.AssignEqual):
            text += code(node.equal)
        else:
            text += " = "
    elif isinstance(node.equal, cst.AssignEqual):
        text += code(node.equal)
    text += code(node.value) + _comma(node, default_comma)
    return text + code(node.whitespace_after_arg)


def _subscript(node: cst.Subscript) -> str:
    last = len(node.slice) - 1
    items = "".join(code(item.slice) + _comma(item, i != last) for i, item in enumerate(node.slice))
    inner = f"{code(node.value)}{code(node.whitespace_after_value)}{code(node.lbracket)}"
    return _parenthesized(node, f"{inner}{items}{code(node.rbracket)}")


def _index(node: cst.Index) -> str:
    star = node.star or ""
    after = code(node.whitespace_after_star) if node.whitespace_after_star is not None else ""
    return star + after + code(node.value)


def _sequence(node: cst.List | cst.Tuple) -> str | None:
    """The items of a list or tuple display, each with its comma; None when one is starred."""
    elements = node.elements
    if any(type(element) is not cst.Element for element in elements):
        return None
    if isinstance(node, cst.Tuple) and len(elements) == 1:
        return code(elements[0].value) + _comma(elements[0], True).rstrip(" ")
    last = len(elements) - 1
    return "".join(code(e.value) + _comma(e, i != last) for i, e in enumerate(elements))


def _list(node: cst.List) -> str:
    items = _sequence(node)
    if items is None:
        return _EMPTY.code_for_node(node)
    return _parenthesized(node, f"{code(node.lbracket)}{items}{code(node.rbracket)}")


def _tuple(node: cst.Tuple) -> str:
    items = _sequence(node)
    return _EMPTY.code_for_node(node) if items is None else _parenthesized(node, items)


def _line_end(node: cst.TrailingWhitespace | cst.EmptyLine) -> str:
    """Trailing whitespace, or a blank line: a blank line's indent is written from the
    surrounding block's, and an expression's text is written outside any block."""
    comment = node.comment.value if node.comment is not None else ""
    return node.whitespace.value + comment + code(node.newline)


def _one_token(node: Any) -> str:
    token: str = node._get_token()
    return code(node.whitespace_before) + token + code(node.whitespace_after)


_WRITERS: dict[type[cst.CSTNode], Callable[[Any], str]] = {
    cst.SimpleWhitespace: lambda node: node.value,
    cst.Newline: lambda node: "\n" if node.value is None else node.value,
    cst.TrailingWhitespace: _line_end,
    cst.EmptyLine: _line_end,
    cst.ParenthesizedWhitespace: lambda node: (
        code(node.first_line)
        + "".join(code(line) for line in node.empty_lines)
        + code(node.last_line)
    ),
    cst.Ellipsis: lambda node: _parenthesized(node, "..."),
    cst.List: _list,
    cst.Tuple: _tuple,
    cst.Comparison: lambda node: _parenthesized(
        node,
        code(node.left) + "".join(code(c.operator) + code(c.comparator) for c in node.comparisons),
    ),
    cst.UnaryOperation: lambda node: _parenthesized(
        node,
        node.operator._get_token() + code(node.operator.whitespace_after) + code(node.expression),
    ),
    cst.Name: lambda node: _parenthesized(node, node.value),
    cst.SimpleString: lambda node: _parenthesized(node, node.value),
    cst.Integer: lambda node: _parenthesized(node, node.value),
    cst.Float: lambda node: _parenthesized(node, node.value),
    cst.Attribute: lambda node: _parenthesized(
        node, code(node.value) + code(node.dot) + code(node.attr)
    ),
    cst.BinaryOperation: lambda node: _parenthesized(
        node, code(node.left) + code(node.operator) + code(node.right)
    ),
    cst.Call: _call,
    cst.Subscript: _subscript,
    cst.Index: _index,
    cst.LeftSquareBracket: lambda node: "[" + code(node.whitespace_after),
    cst.RightSquareBracket: lambda node: code(node.whitespace_before) + "]",
    **{kind: _one_token for kind in ONE_TOKEN_OPERATORS},
}
