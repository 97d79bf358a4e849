"""Deterministic JSON and Serena's answer-length limit."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from codeintel_mcp.errors import ToolInputError

#: Serena's ``default_max_tool_answer_chars``, so ``-1`` means the same budget as there.
DEFAULT_MAX_ANSWER_CHARS = 150_000


def to_json(value: Any) -> str:
    """Sorted keys, so the same facts are the same bytes; non-ASCII kept as Serena does."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def limit_length(
    result: str, max_answer_chars: int, shorter: Sequence[Callable[[], str]] = ()
) -> str:
    """Serena's rule: past the limit, the first shortened form that fits after a note saying
    the answer was too long, else the note alone."""
    if max_answer_chars == -1:
        max_answer_chars = DEFAULT_MAX_ANSWER_CHARS
    if max_answer_chars <= 0:
        raise ToolInputError(f"max_answer_chars must be positive or -1, got {max_answer_chars}")
    if len(result) <= max_answer_chars:
        return result
    note = (
        f"The answer is too long ({len(result)} characters). "
        "You can adjust your query or raise the max_answer_chars parameter."
    )
    for make in shorter:
        candidate = f"{note}\n{make()}"
        if len(candidate) <= max_answer_chars:
            return candidate
    return note
