"""The text extraction writes for an expression, and the values it reads from string literals,
are libcst's own, on tricky layouts and on every node of our fixture projects."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import libcst as cst

from codeintel.extract.code import _EMPTY, code, string_value
from codeintel.extract.symbols import _children
from codeintel.pipeline.parse import Parsed, parse_python

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures_repos"

TRICKY = '''\
x = call (  a , b=1 ,  # why
    # a comment line

    *rest, ** kw ,
)
y = ((a) . b) [ 1 : 2 , ::3 ] ; z = (1 ,)
t = 1 , ; u = ( ) ; v = [ a , * b ] ; w = [1,2,]
c = not  a is not b and - x in (y) not in z or ~ k
s = ( "a" 'b' ) + r"\\d" + b"\\x00" + """one
two""" + \'\'\'\'\'\' + u"é" + f"{x!r:>{w}}" + "\\\\n"
e = ...; f = 1_000.5 ; g = 1j ; h = a if b else (c)
d = { "k" : [ 1 ] , ** m } ; lam = lambda q , * , r = 2 : q
q = fn(a)(b)[c](d=(e))
'''


def _nodes(module: cst.Module) -> Iterator[cst.CSTNode]:
    stack: list[cst.CSTNode] = [module]
    while stack:
        node = stack.pop()
        stack.extend(_children(node))
        yield node


def _modules() -> Iterator[cst.Module]:
    yield cst.parse_module(TRICKY)
    yield cst.parse_module(TRICKY.replace("\n", "\r\n"))
    for path in sorted(FIXTURES.rglob("*.py")):
        parsed = parse_python(str(path), path.read_bytes())
        if isinstance(parsed, Parsed):  # not broken_repo's deliberately bad files
            yield parsed.module


def test_text_is_what_libcst_writes() -> None:
    checked = 0
    for module in _modules():
        for node in _nodes(module):
            if isinstance(node, cst.BaseExpression | cst.BaseParenthesizableWhitespace):
                assert code(node) == _EMPTY.code_for_node(node)
                checked += 1
    assert checked > 10_000


def test_string_values_are_what_libcst_reads() -> None:
    strings = [
        node
        for module in _modules()
        for node in _nodes(module)
        if isinstance(node, cst.SimpleString | cst.ConcatenatedString)
    ]
    assert len(strings) > 100
    for node in strings:
        assert string_value(node) == node.evaluated_value
