from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import codeintel

RUNTIME = Path(__file__).resolve().parent.parent / "runtime_routes.py"

APPS = [
    ("registry_app", "registry.main:app"),
    ("single_file_app", "main:app"),
    ("fullstack_app", "app.main:app"),
]


def runtime_routes(project: Path, spec: str) -> set[tuple[str, str, str]]:
    result = subprocess.run(
        [sys.executable, str(RUNTIME), str(project), spec],
        cwd=project,
        capture_output=True,
        text=True,
        check=True,
    )
    return {tuple(r) for r in json.loads(result.stdout)}


@pytest.mark.parametrize(("name", "spec"), APPS)
def test_static_routes_equal_runtime_routes(fixtures: Path, name: str, spec: str) -> None:
    project = fixtures / name
    app_key = spec.replace(":", ".")
    static = {
        (r.method, r.path, r.endpoint)
        for r in codeintel.analyze(project).routes()
        if r.app == app_key
    }
    assert static == runtime_routes(project, spec)


def test_route_details(registry: codeintel.CodeGraph) -> None:
    routes = {(r.method, r.path): r for r in registry.routes()}
    create = routes["POST", "/api/v1/agents/"]
    assert create.file == "registry/api/agents.py"
    assert create.line == 17
    assert create.status_code == 201
    assert create.tags == ("agents",)
    assert create.body == "registry.schemas.agent.AgentCreate"
    assert create.response_model == "registry.schemas.agent.AgentRead"
    # router-level dependencies come before the endpoint's own, as FastAPI runs them
    assert create.dependencies == (
        "registry.api.dependencies.require_api_key",
        "registry.api.dependencies.get_agent_service",
    )
    assert create.includes == ("registry/main.py:18",)
    listing = routes["GET", "/api/v1/servers"]
    assert listing.response_model == "list[registry.schemas.server.ServerRead]"
    assert listing.body is None
    assert routes["DELETE", "/api/v1/servers/{server_id}"].status_code == 204


def test_route_graph_edges(registry: codeintel.CodeGraph) -> None:
    graph = registry.graph
    node = "route:GET /api/v1/servers/{server_id}"
    out = {(v, k) for _, v, k in graph.out_edges(node, keys=True)}
    assert out == {
        ("symbol:registry.api.servers.get_server", "handles"),
        ("symbol:registry.api.dependencies.get_server_service", "depends_on"),
        ("symbol:registry.schemas.server.ServerRead", "uses_schema"),
    }


def test_a_factory_app_is_served_under_the_name_bound_to_the_factory(tmp_path: Path) -> None:
    (tmp_path / "main.py").write_text(
        "from fastapi import APIRouter, FastAPI\n\n"
        "router = APIRouter(prefix='/items')\n\n\n"
        "@router.get('/')\n"
        "def list_items() -> list[int]:\n    return []\n\n\n"
        "def create_app() -> FastAPI:\n"
        "    application = FastAPI()\n"
        "    application.include_router(router, prefix='/api')\n"
        "    return application\n\n\n"
        "app = create_app()\n"
    )
    [route] = codeintel.analyze(tmp_path).routes()
    assert route.app == "main.app"
    assert {(route.method, route.path, route.endpoint)} == runtime_routes(tmp_path, "main:app")
