"""Print pydantic's view of model fields, as JSON: run in a subprocess per project.

Usage: python runtime_fields.py PROJECT_DIR MODULE:CLASS [MODULE:CLASS ...]
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

# Python put this folder first on sys.path: a project's own module named like one here
# (a top-level ``helpers``) must not be hidden by it.
if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    del sys.path[0]


def fields(spec: str) -> list[tuple[str, bool]]:
    module, _, name = spec.partition(":")
    model = getattr(importlib.import_module(module), name)
    if not hasattr(model, "model_fields"):  # pydantic 1's model (``pydantic.v1``)
        return [(field, bool(info.required)) for field, info in model.__fields__.items()]
    return [(field, info.is_required()) for field, info in model.model_fields.items()]


def main(project: str, *specs: str) -> None:
    sys.path.insert(0, project)
    print(json.dumps({spec: fields(spec) for spec in specs}))


if __name__ == "__main__":
    main(*sys.argv[1:])
