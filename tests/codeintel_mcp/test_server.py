"""The MCP server, driven over stdio by the SDK's own client, on a copy of registry_app."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import codeintel
from render.check import check_plan, severity
from render.markdown import render_markdown
from render.plan import build_plan
from tests.codeintel_mcp.client import Server, running
from tests.conftest import FIXTURES

pytestmark = pytest.mark.slow

SERVICE = "registry/services/server_service.py"
DEPS = "registry/api/dependencies.py"
REQUEST = "Add tag management to servers"


def _copy(tmp: Path) -> Path:
    repo = tmp / "registry_app"
    shutil.copytree(FIXTURES / "registry_app", repo)
    return repo


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _copy(tmp_path_factory.mktemp("served"))


@pytest.fixture(scope="module")
def server(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running(repo, tmp_path_factory.mktemp("cache")) as started:
        yield started


def ok(server: Server, tool: str, **arguments: Any) -> Any:
    answer = server.call(tool, **arguments)
    assert not answer.is_error, answer.text
    return json.loads(answer.text)


# -- Serena's tools ---------------------------------------------------------------------------


def test_tools_are_serenas_and_ours(server: Server) -> None:
    assert server.tool_names() == [
        "check_plan",
        "conventions",
        "find_referencing_symbols",
        "find_symbol",
        "get_symbols_overview",
        "import_chain",
        "layers",
        "plan_feature",
        "project_config",
        "repositories",
        "route_dependencies",
        "routes",
        "routes_using_provider",
        "schemas",
        "search_for_pattern",
        "services",
        "visible_fixtures",
    ]


def test_find_symbol_with_children_and_0_based_lines(server: Server) -> None:
    assert ok(server, "find_symbol", name_path_pattern="ServerService", depth=1) == [
        {
            "name_path": "ServerService",
            "kind": "Class",
            "relative_path": SERVICE,
            "body_location": {"start_line": 13, "end_line": 40},
            "children": {
                "Method": [
                    {"name": "__init__", "body_location": {"start_line": 14, "end_line": 15}},
                    {"name": "list_servers", "body_location": {"start_line": 17, "end_line": 18}},
                    {"name": "get_server", "body_location": {"start_line": 20, "end_line": 24}},
                    {"name": "create_server", "body_location": {"start_line": 26, "end_line": 36}},
                    {"name": "delete_server", "body_location": {"start_line": 38, "end_line": 40}},
                ]
            },
        }
    ]


def test_find_symbol_substring_with_body(server: Server) -> None:
    found = ok(
        server,
        "find_symbol",
        name_path_pattern="ServerService/get",
        substring_matching=True,
        include_body=True,
        depth=1,  # ignored with a body, as in Serena
    )
    body = "".join((FIXTURES / "registry_app" / SERVICE).read_text().splitlines(True)[20:25])
    assert found == [
        {
            "name_path": "ServerService/get_server",
            "kind": "Method",
            "relative_path": SERVICE,
            "body_location": {"start_line": 20, "end_line": 24},
            "body": body,
        }
    ]
    assert body.startswith("    async def get_server(")


def test_find_symbol_info_kinds_and_path(server: Server) -> None:
    assert ok(server, "find_symbol", name_path_pattern="get_server_service", include_info=True) == [
        {
            "name_path": "get_server_service",
            "kind": "Function",
            "relative_path": DEPS,
            "body_location": {"start_line": 9, "end_line": 10},
            "info": "() -> ServerService",
        }
    ]
    # 12 is LSP's Function: the endpoint get_server is one, the method get_server is not
    functions = ok(server, "find_symbol", name_path_pattern="get_server", include_kinds=[12])
    assert [(f["relative_path"], f["kind"]) for f in functions] == [
        ("registry/api/servers.py", "Function")
    ]
    assert ok(server, "find_symbol", name_path_pattern="get_server", relative_path="tests") == []
    assert ok(server, "find_symbol", name_path_pattern="server_service", include_info=True) == [
        {
            "name_path": "server_service",
            "kind": "Variable",
            "relative_path": SERVICE,
            "body_location": {"start_line": 43, "end_line": 43},
        }
    ]


def test_find_symbol_max_matches(server: Server) -> None:
    answer = server.call("find_symbol", name_path_pattern="get_server", max_matches=1)
    assert answer.text == (
        "Matched 2>max_matches=1 symbols.\nShortened result:\n"
        '{"registry/api/servers.py": ["get_server"], '
        f'"{SERVICE}": ["ServerService/get_server"]}}'
    )


def test_symbols_overview(server: Server) -> None:
    assert ok(server, "get_symbols_overview", relative_path=DEPS) == {
        "Function": ["get_server_service", "get_agent_service", "require_api_key"]
    }
    assert ok(server, "get_symbols_overview", relative_path=SERVICE, depth=1) == {
        "Class": [
            {
                "ServerService": {
                    "Method": [
                        "__init__",
                        "list_servers",
                        "get_server",
                        "create_server",
                        "delete_server",
                    ]
                }
            }
        ],
        "Variable": ["logger", "server_service"],
    }


def test_referencing_symbols_skip_imports(server: Server) -> None:
    found = ok(
        server, "find_referencing_symbols", name_path="get_server_service", relative_path=DEPS
    )
    api = found["registry/api/servers.py"]["Function"]
    assert [(r["name_path"], r["body_location"]["start_line"]) for r in api] == [
        ("list_servers", 11),
        ("get_server", 19),
        ("create_server", 32),
        ("delete_server", 41),
    ]
    assert api[0]["content_around_reference"] == (
        "...  12:async def list_servers(\n"
        "  >  13:    service: ServerService = Depends(get_server_service),\n"
        "...  14:) -> list[ServerRead]:"
    )
    tests = found["tests/integration/test_servers_api.py"]["Function"]
    assert [r["name_path"] for r in tests] == ["test_missing_server_is_404"]
    assert sorted(found) == ["registry/api/servers.py", "tests/integration/test_servers_api.py"]


def test_search_for_pattern(server: Server) -> None:
    assert ok(
        server,
        "search_for_pattern",
        substring_pattern=r"def get_\w+_service",
        paths_include_glob="registry/**",
    ) == {
        DEPS: [
            "  >   9:def get_server_service() -> ServerService:",
            "  >  13:def get_agent_service() -> AgentService:",
        ]
    }
    assert ok(
        server,
        "search_for_pattern",
        substring_pattern=r"raise HTTPException\(.*?\)\n",
        context_lines_before=1,
        context_lines_after=1,
        relative_path="registry/api",
        paths_exclude_glob="**/servers.py",
    ) == {
        DEPS: [
            "...  18:    if x_api_key != settings.api_key:\n"
            "  >  19:        raise HTTPException("
            'status_code=status.HTTP_401_UNAUTHORIZED, detail="bad API key")\n'
            "...  20:    return x_api_key"
        ]
    }


def test_too_long_answers_say_so_and_shorten(server: Server) -> None:
    full = server.call("find_symbol", name_path_pattern="ServerService", depth=1).text
    answer = server.call(
        "find_symbol", name_path_pattern="ServerService", depth=1, max_answer_chars=200
    )
    assert answer.text == (
        f"The answer is too long ({len(full)} characters). You can adjust your query or raise "
        "the max_answer_chars parameter.\nShortened result:\n"
        f'{{"{SERVICE}": ["ServerService"]}}'
    )
    tiny = server.call("search_for_pattern", substring_pattern="import", max_answer_chars=20)
    assert tiny.text.startswith("The answer is too long (")
    assert "\n" not in tiny.text


# -- FastAPI and pytest ------------------------------------------------------------------------


def test_routes_filters(server: Server) -> None:
    by_tag = ok(server, "routes", tag="agents")
    assert [(r["method"], r["path"], r["line"]) for r in by_tag] == [
        ("GET", "/api/v1/agents/", 12),
        ("POST", "/api/v1/agents/", 17),
    ]
    assert by_tag[1]["body"] == "registry.schemas.agent.AgentCreate"
    deletes = ok(server, "routes", path_prefix="/api/v1/servers", method="delete")
    assert [(r["method"], r["path"]) for r in deletes] == [
        ("DELETE", "/api/v1/servers/{server_id}")
    ]
    assert ok(server, "routes", relative_path="registry/api/health.py") == ok(
        server, "routes", path_prefix="/health"
    )


def test_route_dependencies(server: Server) -> None:
    assert ok(server, "route_dependencies", path="/api/v1/agents/", method="post") == [
        {
            "method": "POST",
            "path": "/api/v1/agents/",
            "endpoint": "registry.api.agents.create_agent",
            "file": "registry/api/agents.py",
            "line": 17,
            "providers": [
                {
                    "provider": "registry.api.dependencies.require_api_key",
                    "direct": True,
                    "depends_on": [],
                    "file": DEPS,
                    "start_line": 18,
                    "end_line": 21,
                },
                {
                    "provider": "registry.api.dependencies.get_agent_service",
                    "direct": True,
                    "depends_on": [],
                    "file": DEPS,
                    "start_line": 14,
                    "end_line": 15,
                },
            ],
        }
    ]


def test_routes_using_provider(server: Server) -> None:
    found = ok(
        server, "routes_using_provider", provider="registry.api.dependencies.require_api_key"
    )
    assert [(r["method"], r["path"]) for r in found] == [
        ("GET", "/api/v1/agents/"),
        ("POST", "/api/v1/agents/"),
    ]


def test_schemas_components_fixtures_layers_chain(server: Server) -> None:
    [create] = ok(server, "schemas", name_contains="servercreate")
    assert (create["qualname"], create["file"], create["line"]) == (
        "registry.schemas.server.ServerCreate",
        "registry/schemas/server.py",
        14,
    )
    assert [f["name"] for f in create["all_fields"]] == ["name", "url", "description", "tags"]
    assert [s["name"] for s in ok(server, "services")] == ["AgentService", "ServerService"]
    assert [r["name"] for r in ok(server, "repositories")] == [
        "AgentRepository",
        "InMemoryRepository",
        "ServerRepository",
    ]
    fixtures = ok(server, "visible_fixtures", test_file="tests/unit/services/test_new.py")
    assert {name: (f["file"], f["line"]) for name, f in fixtures.items()} == {
        "api_key_headers": ("tests/conftest.py", 26),
        "client": ("tests/conftest.py", 19),
        "reset_repositories": ("tests/conftest.py", 11),
    }
    assert [m["module"] for m in ok(server, "layers", layer="service")] == [
        "registry.services",
        "registry.services.agent_service",
        "registry.services.server_service",
    ]
    assert ok(
        server, "import_chain", importer="registry.main", imported="registry.schemas.server"
    ) == [
        "registry.main",
        "registry.api",
        "registry.api.servers",
        "registry.schemas.server",
    ]


def test_project_and_conventions_are_the_graphs(server: Server, repo: Path) -> None:
    graph = codeintel.analyze(repo)
    assert ok(server, "project_config") == graph.project().model_dump(mode="json")
    assert ok(server, "conventions") == [c.model_dump(mode="json") for c in graph.conventions()]
    assert any(d["name"] == "fastapi" for d in ok(server, "project_config")["dependencies"])


# -- the planner -------------------------------------------------------------------------------


def test_plan_is_returned_then_written_only_when_asked(server: Server, repo: Path) -> None:
    expected = render_markdown(build_plan(codeintel.analyze(repo), REQUEST))
    path = ".claude/output/plans/add-tag-management-to-servers.md"
    assert ok(server, "plan_feature", request=REQUEST) == {
        "markdown": expected,
        "path": path,
        "written": False,
    }
    assert not (repo / path).exists()
    assert ok(server, "plan_feature", request=REQUEST, write=True)["written"] is True
    assert (repo / path).read_text(encoding="utf-8") == expected
    (repo / path).write_text("kept", encoding="utf-8")
    again = server.call("plan_feature", request=REQUEST, write=True)
    assert again.is_error
    assert "exists; pass --force to overwrite it" in again.text
    assert (repo / path).read_text(encoding="utf-8") == "kept"
    ok(server, "plan_feature", request=REQUEST, write=True, force=True)
    assert (repo / path).read_text(encoding="utf-8") == expected
    findings = check_plan(expected, path, repo)
    assert ok(server, "check_plan", path=path) == [
        {
            "path": f.file,
            "line": f.line,
            "code": f.code,
            "message": f.message,
            "severity": severity(f),
        }
        for f in findings
    ]


def test_check_plan_reports_findings(server: Server, repo: Path) -> None:
    (repo / "notes").mkdir()
    text = "# Feature: x\n\nTODO\n"
    (repo / "notes" / "plan.md").write_text(text, encoding="utf-8")
    found = ok(server, "check_plan", path="notes/plan.md")
    assert found == [
        {
            "path": f.file,
            "line": f.line,
            "code": f.code,
            "message": f.message,
            "severity": severity(f),
        }
        for f in check_plan(text, "notes/plan.md", repo)
    ]
    assert [f["line"] for f in found if f["code"] == "PLAN011"] == [3]


# -- bad input, and edits between calls --------------------------------------------------------


@pytest.mark.parametrize(
    ("tool", "arguments", "message"),
    [
        (
            "get_symbols_overview",
            {"relative_path": "../outside.py"},
            "path leads outside the repository: ../outside.py",
        ),
        (
            "get_symbols_overview",
            {"relative_path": "/etc/passwd"},
            "path leads outside the repository: /etc/passwd",
        ),
        (
            "get_symbols_overview",
            {"relative_path": "nope.py"},
            "no such file or folder in the repository: nope.py",
        ),
        (
            "get_symbols_overview",
            {"relative_path": "registry"},
            "expected a file path, but got a directory path: registry",
        ),
        (
            "get_symbols_overview",
            {"relative_path": "README.md"},
            "cannot extract symbols from file README.md",
        ),
        ("find_symbol", {"name_path_pattern": "/"}, "empty name path: '/'"),
        (
            "find_symbol",
            {"name_path_pattern": "x", "max_matches": 0},
            "max_matches must be > 0 or equal to -1",
        ),
        (
            "find_referencing_symbols",
            {"name_path": "Nope", "relative_path": DEPS},
            f"no symbol matching 'Nope' in '{DEPS}'",
        ),
        (
            "search_for_pattern",
            {"substring_pattern": "("},
            "bad regular expression '(': missing ), unterminated subpattern at position 0",
        ),
        (
            "search_for_pattern",
            {"substring_pattern": "x", "max_answer_chars": 0},
            "max_answer_chars must be positive or -1, got 0",
        ),
        (
            "route_dependencies",
            {"path": "/nope", "method": "GET"},
            "no route GET /nope; list them with the routes tool",
        ),
        (
            "routes_using_provider",
            {"provider": "nope"},
            "no such provider: nope (give its qualified name)",
        ),
        ("import_chain", {"importer": "registry.main", "imported": "nope"}, "no such module: nope"),
        (
            "check_plan",
            {"path": "../../etc/passwd"},
            "path leads outside the repository: ../../etc/passwd",
        ),
        ("plan_feature", {"request": "  "}, "the feature request is empty"),
    ],
)
def test_bad_input_is_a_one_line_tool_error(
    server: Server, tool: str, arguments: dict[str, Any], message: str
) -> None:
    answer = server.call(tool, **arguments)
    assert answer.is_error
    assert answer.text == f"Error executing tool {tool}: {message}"
    assert ok(server, "import_chain", importer="registry.main", imported="registry.api")


def test_arguments_of_the_wrong_type_are_tool_errors(server: Server) -> None:
    answer = server.call("find_symbol", name_path_pattern="x", depth="deep")
    assert answer.is_error
    assert ok(server, "find_symbol", name_path_pattern="ServerService")


def test_an_edit_between_two_calls_is_seen_by_the_second(server: Server, repo: Path) -> None:
    added = repo / "registry" / "services" / "audit_service.py"
    assert ok(server, "find_symbol", name_path_pattern="AuditService") == []
    added.write_text("class AuditService:\n    pass\n", encoding="utf-8")
    [found] = ok(server, "find_symbol", name_path_pattern="AuditService")
    assert found["body_location"] == {"start_line": 0, "end_line": 1}
    added.write_text('"""Audit."""\n\n\nclass AuditService:\n    pass\n', encoding="utf-8")
    [found] = ok(server, "find_symbol", name_path_pattern="AuditService")
    assert found["body_location"] == {"start_line": 3, "end_line": 4}
    added.unlink()
    assert ok(server, "find_symbol", name_path_pattern="AuditService") == []
