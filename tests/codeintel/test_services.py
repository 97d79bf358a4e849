from __future__ import annotations

import codeintel


def test_services_with_wiring_uses_and_routes(registry: codeintel.CodeGraph) -> None:
    services = {s.name: s for s in registry.services()}
    assert sorted(services) == ["AgentService", "ServerService"]
    server = services["ServerService"]
    assert (server.file, server.line, server.end_line) == (
        "registry/services/server_service.py",
        14,
        41,
    )
    assert [m.name for m in server.methods] == [
        "list_servers",
        "get_server",
        "create_server",
        "delete_server",
    ]
    assert all(m.is_async for m in server.methods)
    assert [(w.kind, w.file, w.line, w.via) for w in server.wiring] == [
        (
            "provider",
            "registry/api/dependencies.py",
            10,
            "registry.api.dependencies.get_server_service",
        ),
        (
            "singleton",
            "registry/services/server_service.py",
            44,
            "registry.services.server_service.server_service",
        ),
    ]
    assert "registry.repositories.server_repository.ServerRepository" in server.uses
    assert server.routes == (
        "registry.api.servers.create_server",
        "registry.api.servers.delete_server",
        "registry.api.servers.get_server",
        "registry.api.servers.list_servers",
    )


def test_repositories(registry: codeintel.CodeGraph) -> None:
    repositories = {r.name: r for r in registry.repositories()}
    assert sorted(repositories) == ["AgentRepository", "InMemoryRepository", "ServerRepository"]
    server = repositories["ServerRepository"]
    assert [(w.kind, w.via) for w in server.wiring] == [
        ("constructor", "registry.services.server_service.ServerService")
    ]
    assert server.uses == (
        "registry.repositories.base.InMemoryRepository",
        "registry.schemas.server.ServerRead",
    )


def test_errors(registry: codeintel.CodeGraph) -> None:
    errors = registry.errors()
    assert [e.qualname.rpartition(".")[2] for e in errors.exceptions] == [
        "RegistryError",
        "NotFoundError",
        "DuplicateError",
    ]
    http = [r for r in errors.raises if r.status_code is not None]
    assert [(r.file, r.line, r.status_code, r.detail) for r in http] == [
        ("registry/api/dependencies.py", 20, 401, "bad API key")
    ]
    assert [(h.file, h.line, h.exception, h.handler) for h in errors.handlers] == [
        (
            "registry/main.py",
            21,
            "registry.exceptions.NotFoundError",
            "registry.main.not_found_handler",
        ),
        (
            "registry/main.py",
            26,
            "registry.exceptions.DuplicateError",
            "registry.main.duplicate_handler",
        ),
    ]


def test_docs(registry: codeintel.CodeGraph) -> None:
    docs = {d.file: d for d in registry.docs()}
    assert sorted(docs) == [
        "CLAUDE.md",
        "README.md",
        "docs/api/servers.md",
        "docs/auth.md",
        "docs/llms.txt",
    ]
    claude = docs["CLAUDE.md"]
    assert claude.kind == "agents" and len(claude.rules) == 6
    assert claude.rules[3].text == "Use `logging.getLogger(__name__)`; never `print`."
    llms = docs["docs/llms.txt"]
    assert llms.kind == "llms" and llms.title == "MCP Registry"
    assert "api/servers.md" in {link.target for link in llms.links}


def test_distributions_imported(registry: codeintel.CodeGraph) -> None:
    assert registry.distributions_imported_by(["registry/main.py"]) == ("fastapi",)
    assert registry.distributions_imported_by(["registry/config/settings.py"]) == (
        "pydantic-settings",
    )
