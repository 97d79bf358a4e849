from __future__ import annotations

from pathlib import Path

import codeintel
from codeintel.facts.conventions import Convention


def _by_topic(graph: codeintel.CodeGraph) -> dict[str, Convention]:
    return {c.topic: c for c in graph.conventions()}


def test_conventions_of_the_layered_app(registry: codeintel.CodeGraph) -> None:
    found = _by_topic(registry)
    assert [c.topic for c in registry.conventions()] == [
        "function names",
        "class names",
        "async endpoints",
        "type hints",
        "docstrings",
        "logging",
        "errors",
    ]
    endpoints = found["async endpoints"]
    assert (endpoints.count, endpoints.total) == (6, 7)
    assert (endpoints.file, endpoints.line) == ("registry/api/agents.py", 12)
    assert found["logging"].finding == "logging, configured by a call"
    assert (found["logging"].file, found["logging"].line) == ("registry/main.py", 12)
    errors = found["errors"]
    assert errors.finding == (
        "HTTPException raised directly at 1, project exceptions at 3; "
        "exception handlers for DuplicateError, NotFoundError"
    )
    assert found["function names"].count == found["function names"].total


def test_conventions_count_what_the_code_does(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(
        "import structlog\n"
        "from fastapi import FastAPI\n\n"
        "app = FastAPI()\n\n\n"
        "@app.get('/a')\n"
        "def a(x):\n    return x\n\n\n"
        "@app.get('/b')\n"
        "async def b(x: int) -> int:\n    '''Doc.'''\n    return x\n\n\n"
        "def camelCase() -> None:\n    pass\n"
    )
    found = _by_topic(codeintel.analyze(tmp_path))
    assert (found["async endpoints"].count, found["async endpoints"].total) == (1, 2)
    assert (found["async endpoints"].file, found["async endpoints"].line) == ("app.py", 12)
    assert (found["function names"].count, found["function names"].total) == (2, 3)
    assert (found["type hints"].count, found["type hints"].total) == (2, 3)
    assert (found["docstrings"].count, found["docstrings"].total) == (1, 3)
    assert found["logging"].finding == "structlog, no configuration call found"
    assert "errors" not in found
