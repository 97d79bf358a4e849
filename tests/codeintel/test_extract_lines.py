"""Line numbers counted during our own walk agree with Python's parser on tricky layouts."""

from __future__ import annotations

import ast

from codeintel.extract.symbols import extract_module
from codeintel.facts.models import ModuleFacts
from codeintel.pipeline.parse import Parsed, parse_python

SOURCE = '''\
"""Module docstring
over two lines."""
import os, \\
    sys
from typing import (
    Any,
    TypeVar,
)

T = TypeVar("T")
TEXT = """
many
lines
"""


@decorator(
    option=True,
)
# a comment between decorator and def
@other
async def handler(
    value: Any,  # trailing comment
    other: int = (
        1
    ),
) -> dict[str, Any]:
    label = f"{value!r:>{width}} and {other}"
    if value:
        return {"a": os.sep}
    elif other:
        pass
    else:
        try:
            sys.exit(
                other
            )
        except ValueError:
            raise
        finally:
            print(label)
    # a comment that ends the function's block


class Outer:
    class Inner:
        x: int = 1

    def method(self) -> None: return None
    y = [
        TEXT,
    ]


def last(): return (
    TEXT
)
'''


def _facts() -> ModuleFacts:
    parsed = parse_python("m.py", SOURCE.encode())
    assert isinstance(parsed, Parsed)
    return extract_module(parsed, "m.py", "m", False)


def test_definitions_span_what_pythons_parser_says() -> None:
    expected = {}
    for node in ast.walk(ast.parse(SOURCE)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            expected[node.name] = (first, node.end_lineno)
    found = {s.name: (s.start_line, s.end_line) for s in _facts().symbols if s.name in expected}
    assert found == expected
    decorated = next(s for s in _facts().symbols if s.name == "handler")
    assert decorated.decorator_lines == (17, 21)


def test_name_uses_are_on_the_lines_pythons_parser_says() -> None:
    found = {(r.text, r.line) for r in _facts().refs}
    loads = {
        (node.id, node.lineno)
        for node in ast.walk(ast.parse(SOURCE))
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)
    }
    module_level = {"Any", "TEXT", "TypeVar", "decorator", "width"}
    assert {(n, line) for n, line in loads if n in module_level} <= found
    assert {("os.sep", 30), ("sys.exit", 35), ("os", 3), ("sys", 3), ("typing.Any", 5)} <= found
    # ``@other`` runs before ``handler`` exists, so it is not the parameter named ``other``
    assert ("other", 21) in found
    assert not {("other", 31), ("other", 36), ("label", 41)} & found  # locals of handler


def test_assignments_end_where_their_value_ends() -> None:
    expected = {
        (_target(node), node.lineno, node.end_lineno)
        for node in ast.walk(ast.parse(SOURCE))
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None
    }
    assert {(a.name, a.line, a.end_line) for a in _facts().assigns} == expected


def _target(node: ast.Assign | ast.AnnAssign) -> str:
    target = node.targets[0] if isinstance(node, ast.Assign) else node.target
    assert isinstance(target, ast.Name)
    return target.id


def test_a_long_elif_chain_is_analysed_not_refused() -> None:
    """Generated dispatchers nest one ``If`` per ``elif``: deeper than Python's recursion."""
    branches = "".join(f"    elif x == {n}:\n        return {n}\n" for n in range(1, 1500))
    source = f"def f(x):\n    if x == 0:\n        return 0\n{branches}"
    parsed = parse_python("m.py", source.encode())
    assert isinstance(parsed, Parsed)
    [f] = extract_module(parsed, "m.py", "m", False).symbols
    assert (f.start_line, f.end_line) == (1, 3001)
