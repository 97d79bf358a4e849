from __future__ import annotations

from typing import get_args

import pytest

from render.context import Complexity, Deduction, DeductionCode
from render.markdown import _tidy, code, environment, fenced


def test_inline_code_survives_backticks() -> None:
    assert code("a.py") == "`a.py`"
    assert code("x `y` z") == "``x `y` z``"
    assert code("`edge`") == "`` `edge` ``"


def test_fence_is_longer_than_any_fence_inside() -> None:
    text = "before\n````python\ncode\n````\nafter"
    block = fenced(text, "markdown")
    assert block.startswith("`````markdown\n") and block.endswith("\n`````")
    assert fenced("x = 1\n", "python") == "```python\nx = 1\n```"


def test_tidy_collapses_blank_runs_but_not_inside_code() -> None:
    text = "a\n\n\n\nb\n```python\nx\n\n\ny\n```\n\n\n"
    assert _tidy(text) == "a\n\nb\n```python\nx\n\n\ny\n```\n"


def _say(macro: str, *args: object) -> str:
    module = environment().get_template("decisions.j2").module
    return str(getattr(module, macro)(*args))


@pytest.mark.parametrize("code_", get_args(DeductionCode))
def test_every_deduction_code_has_its_own_sentence(code_: DeductionCode) -> None:
    sentence = _say("deduction", Deduction(code=code_, points=2, count=7, subject="item"))
    assert sentence.startswith("-2: ")
    others = {
        _say("deduction", Deduction(code=c, points=2, count=7, subject="item"))
        for c in get_args(DeductionCode)
        if c != code_
    }
    assert len(sentence) > len("-2: ") and sentence not in others


def test_complexity_is_worded_from_its_numbers() -> None:
    measured = Complexity(level="Low", files=2, folders=1, importers=3)
    assert _say("complexity", measured) == (
        "Low (2 files in 1 folders; 3 modules import the files to update)"
    )
    assert _say("complexity", None) == "not measured"
