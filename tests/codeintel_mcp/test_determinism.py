"""Two servers, on copies of the project in different folders and with different hash seeds,
give the same bytes for every tool."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.codeintel_mcp.client import running
from tests.conftest import FIXTURES

pytestmark = pytest.mark.slow

CALLS: list[tuple[str, dict[str, object]]] = [
    ("find_symbol", {"name_path_pattern": "Server", "substring_matching": True, "depth": 1}),
    ("get_symbols_overview", {"relative_path": "registry/services/server_service.py", "depth": 1}),
    (
        "find_referencing_symbols",
        {"name_path": "ServerRead", "relative_path": "registry/schemas/server.py"},
    ),
    ("search_for_pattern", {"substring_pattern": "import", "context_lines_after": 1}),
    ("routes", {}),
    ("route_dependencies", {"path": "/api/v1/servers", "method": "GET"}),
    ("routes_using_provider", {"provider": "registry.api.dependencies.get_server_service"}),
    ("schemas", {}),
    ("services", {}),
    ("repositories", {}),
    ("visible_fixtures", {"test_file": "tests/unit/test_x.py"}),
    ("project_config", {}),
    ("layers", {}),
    ("conventions", {}),
    ("import_chain", {"importer": "registry.main", "imported": "registry.schemas.server"}),
    ("plan_feature", {"request": "Add tag management to servers"}),
]


def _answers(folder: Path, seed: str) -> list[str]:
    repo = folder / "nested" / "registry_app"
    shutil.copytree(FIXTURES / "registry_app", repo)
    (folder / "cache").mkdir()
    with running(repo, folder / "cache", hash_seed=seed) as server:
        answers = [server.call(tool, **arguments) for tool, arguments in CALLS]
    assert not any(a.is_error for a in answers)
    return [a.text for a in answers]


def test_same_bytes_across_runs(tmp_path: Path) -> None:
    first = _answers(tmp_path / "a", "1")
    second = _answers(tmp_path / "b", "2")
    assert first == second
    assert all(first)
    assert str(tmp_path) not in "".join(first)
