"""Equal values a module's facts hold are one object: pickled once, built once when loaded."""

from __future__ import annotations

import pickle

from codeintel.extract.symbols import extract_module
from codeintel.facts.models import ModuleFacts, Value
from codeintel.pipeline.parse import Parsed, parse_python

SOURCE = b"""\
from fastapi import APIRouter, Depends

router = APIRouter()


@router.get("/a")
def a(db=Depends(get_db)):
    return db


@router.get("/b")
def b(db=Depends(get_db), user=Depends(get_user)):
    return db
"""


def _facts(source: bytes) -> ModuleFacts:
    parsed = parse_python("app/routes.py", source)
    assert isinstance(parsed, Parsed)
    return extract_module(parsed, "app/routes.py", "app.routes", False)


def _defaults(facts: ModuleFacts) -> dict[str, list[Value]]:
    found: dict[str, list[Value]] = {}
    for symbol in facts.symbols:
        for param in symbol.params:
            if param.default is not None:
                found.setdefault(param.name, []).append(param.default)
    return found


def test_equal_values_of_a_module_are_one_object() -> None:
    facts = _facts(SOURCE)
    db_a, db_b = _defaults(facts)["db"]
    (user,) = _defaults(facts)["user"]
    assert db_a is db_b
    # their parts too: ``Depends`` is read once for all three calls
    assert user.func is db_a.func
    decorators = [s.decorators[0] for s in facts.symbols if s.decorators]
    assert decorators[0].func is decorators[1].func  # ``router.get``


def test_values_stay_what_they_were() -> None:
    facts = _facts(SOURCE)
    db_a, _ = _defaults(facts)["db"]
    (user,) = _defaults(facts)["user"]
    assert db_a != user
    assert db_a.items[0].ref == "app.routes.get_db"
    assert user.items[0].ref == "app.routes.get_user"
    assert pickle.loads(pickle.dumps(facts)) == facts
