from typing import Any

import pytest


def cases(*values: Any, name: str = "case", indirect: bool = False) -> Any:
    return pytest.mark.parametrize(name, values, indirect=indirect)


MODELS = ["small", "large"]
CLASS_MARKS = [pytest.mark.slow, pytest.mark.parametrize("model", MODELS)]
STREAM_MARKS = CLASS_MARKS + [pytest.mark.parametrize("stream", [False, True])]


def apply_marks(cls: Any) -> Any:
    """Applies a list of marks to a test class in a loop (lmdeploy's `_apply_marks`)."""
    for mark in STREAM_MARKS:
        cls = mark(cls)
    return cls


def pipeline_params(models: list[str] = MODELS, argname: str = "engine") -> Any:
    """Returns a decorator applying parametrize marks in its body (lmdeploy's)."""

    def deco(fn: Any) -> Any:
        fn = pytest.mark.parametrize("model", models)(fn)
        fn = pytest.mark.parametrize(argname, ["pt", "tm"])(fn)
        return fn

    return deco


def maybe_db(enabled: bool) -> Any:
    """Parametrizes `db` only when asked to: under `if enabled:` the mark may not run."""

    def deco(fn: Any) -> Any:
        if enabled:
            fn = pytest.mark.parametrize("db", ["fake"])(fn)
        return fn

    return deco
