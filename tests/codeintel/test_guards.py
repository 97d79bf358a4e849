"""The if/for guards a statement runs under, as the extractor records them."""

from __future__ import annotations

from codeintel.extract.symbols import extract_module
from codeintel.facts.models import ModuleFacts
from codeintel.pipeline.parse import Parsed, parse_python

SOURCE = """\
import os
if os.environ.get("X"):
    app.include_router(a)
elif flag:
    app.include_router(b)
else:
    app.include_router(c)
for r in (a, b):
    app.include_router(r)
if y:
    def helper(app):
        app.include_router(d)

    @app.get("/")
    def h(): pass
@app.get("/")
def h(): pass
"""


def _facts() -> ModuleFacts:
    parsed = parse_python("m.py", SOURCE.encode())
    assert isinstance(parsed, Parsed)
    return extract_module(parsed, "m.py", "m", False)


def test_each_branch_carries_its_test_and_the_negation_of_earlier_branches() -> None:
    guards = {c.line: [g.text for g in c.guards] for c in _facts().calls}
    assert guards[3] == ['os.environ.get("X")']
    assert guards[5] == ['not (os.environ.get("X"))', "flag"]
    assert guards[7] == ['not (os.environ.get("X"))', "not (flag)"]


def test_a_loop_records_its_variable_and_what_it_runs_over() -> None:
    (guard,) = next(c for c in _facts().calls if c.line == 9).guards
    assert (guard.kind, guard.text) == ("for", "for r in (a, b)")
    assert guard.target is not None and guard.target.ref == "m.r"
    assert guard.iterable is not None and [v.text for v in guard.iterable.items] == ["a", "b"]


def test_a_function_body_does_not_inherit_the_guards_around_its_definition() -> None:
    assert next(c for c in _facts().calls if c.line == 12).guards == ()


def test_a_redefined_decorated_function_is_kept_with_its_own_guards() -> None:
    facts = _facts()
    first = next(s for s in facts.symbols if s.qualname == "h")
    (second,) = facts.redefined
    assert [g.text for g in first.guards] == ["y"]
    assert (second.start_line, second.guards) == (16, ())


def test_a_test_spread_over_lines_is_one_line_without_its_parentheses() -> None:
    parsed = parse_python("m.py", b"if (\n    a\n    and not b\n):\n    f()\n")
    assert isinstance(parsed, Parsed)
    (call,) = extract_module(parsed, "m.py", "m", False).calls
    assert [g.text for g in call.guards] == ["a and not b"]


def test_attributes_set_on_self_are_kept_apart_from_the_class_fields() -> None:
    source = (
        b"class S:\n    x: int = 1\n"
        b"    def __init__(self):\n        self.app = make()\n        self.n = 3\n"
    )
    parsed = parse_python("m.py", source)
    assert isinstance(parsed, Parsed)
    facts = extract_module(parsed, "m.py", "m", False)
    assert [(a.scope, a.name) for a in facts.assigns] == [("S", "x")]
    assert [(a.scope, a.name, a.line) for a in facts.attributes] == [("S", "app", 4)]
