from __future__ import annotations

from render.markdown import _tidy, code, fenced


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
