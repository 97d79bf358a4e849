"""The server sits above codeintel and render and leans only on their public API, so their
internals can move without breaking it; codeintel never pulls the server (or render) in."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import codeintel_mcp

#: What codeintel_mcp may import from the packages below it.
PUBLIC = {
    "codeintel",
    "render.plan",
    "render.markdown",
    "render.writer",
    "render.check",
    "render.check_output",
    "render.errors",
}


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def test_the_server_uses_only_public_modules() -> None:
    package = Path(codeintel_mcp.__file__).parent
    used = set().union(*(_imports(p) for p in sorted(package.glob("*.py"))))
    below = {m for m in used if m.split(".")[0] in {"codeintel", "render"}}
    assert below <= PUBLIC, below - PUBLIC
    assert {"codeintel", "render.plan", "render.check"} <= below


@pytest.mark.slow
def test_importing_codeintel_imports_neither_render_nor_the_server() -> None:
    code = (
        "import sys, codeintel, codeintel.cli\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'render', 'codeintel_mcp', 'mcp'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout == "[]\n"
