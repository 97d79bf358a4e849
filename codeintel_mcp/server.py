"""The MCP server: one workspace, its tools, stdio transport."""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError

import codeintel
from codeintel_mcp import planning, serena, views
from codeintel_mcp.errors import ToolInputError
from codeintel_mcp.workspace import Workspace
from render.errors import PlanError

_Tool = TypeVar("_Tool", bound=Callable[..., str])

_INSTRUCTIONS = (
    "Static code intelligence for a FastAPI/pytest project: Serena-compatible symbol and search "
    "tools (0-based lines, as Serena's), plus routes, Depends chains, schemas, services, "
    "fixtures, layers, conventions (1-based lines), and a deterministic implementation planner."
)


def serve(repo: Path) -> None:
    """Serve ``repo`` over stdio until the client closes the connection. The first analysis
    starts at once, beside the handshake: a cold 1,000-file repository takes a minute, longer
    than clients wait for a server to start."""
    ws = Workspace(repo)
    threading.Thread(target=_warm, args=(ws,), daemon=True).start()
    build_server(ws).run("stdio")


def _warm(ws: Workspace) -> None:
    with contextlib.suppress(codeintel.CodeIntelError):  # the first tool call reports it
        ws.graph()


def build_server(ws: Workspace) -> MCPServer:
    server = MCPServer("codeintel", instructions=_INSTRUCTIONS, version=codeintel.__version__)
    for tool in _serena_tools(ws) + _framework_tools(ws) + _planner_tools(ws):
        server.add_tool(_guarded(tool), structured_output=False)
    return server


def _guarded(tool: _Tool) -> _Tool:
    """Bad input becomes a tool error with a one-line message; the server keeps serving."""

    @functools.wraps(tool)
    def run(*args: Any, **kwargs: Any) -> str:
        try:
            return tool(*args, **kwargs)
        except (ToolInputError, codeintel.CodeIntelError, PlanError, OSError) as exc:
            raise ToolError(" ".join(str(exc).split())) from None

    return run  # type: ignore[return-value]


def _serena_tools(ws: Workspace) -> list[Callable[..., str]]:
    def find_symbol(
        name_path_pattern: str,
        depth: int = 0,
        relative_path: str = "",
        include_body: bool = False,
        include_info: bool = False,
        include_kinds: list[int] | None = None,
        exclude_kinds: list[int] | None = None,
        substring_matching: bool = False,
        max_matches: int = -1,
        max_answer_chars: int = -1,
    ) -> str:
        """Finds symbols (classes, functions, methods, variables) by name path, as Serena's
        find_symbol: "name", "Class/method" (a suffix of the path) or "/Class/method" (the whole
        path within its file). depth > 0 adds children (ignored with include_body);
        relative_path restricts to a file or folder; include_kinds/exclude_kinds take LSP
        SymbolKind numbers (5 class, 6 method, 8 field, 12 function, 13 variable);
        substring_matching lets the last part match anywhere in a name; past max_matches only
        the name paths per file are returned. Lines are 0-based."""
        return serena.find_symbol(
            ws,
            name_path_pattern,
            depth,
            relative_path,
            include_body,
            include_info,
            include_kinds,
            exclude_kinds,
            substring_matching,
            max_matches,
            max_answer_chars,
        )

    def get_symbols_overview(
        relative_path: str, depth: int = -1, max_answer_chars: int = -1
    ) -> str:
        """The top-level symbols of a file grouped by kind, as Serena's get_symbols_overview;
        depth > 0 adds classes' methods (data members are left out, as there)."""
        return serena.get_symbols_overview(ws, relative_path, depth, max_answer_chars)

    def find_referencing_symbols(
        name_path: str,
        relative_path: str,
        include_kinds: list[int] | None = None,
        exclude_kinds: list[int] | None = None,
        max_answer_chars: int = -1,
    ) -> str:
        """The symbols that use the symbol at name_path defined in relative_path, grouped by file
        and kind, with the lines around each use (0-based), as Serena's
        find_referencing_symbols; import statements are not counted as uses."""
        return serena.find_referencing_symbols(
            ws, name_path, relative_path, include_kinds, exclude_kinds, max_answer_chars
        )

    def search_for_pattern(
        substring_pattern: str,
        context_lines_before: int = 0,
        context_lines_after: int = 0,
        paths_include_glob: str = "",
        paths_exclude_glob: str = "",
        relative_path: str = "",
        restrict_search_to_code_files: bool = False,
        skip_ignored_files: bool = True,
        multiline: bool = True,
        max_answer_chars: int = -1,
    ) -> str:
        """A regex search over the project's analysed files (ignored files are never searched),
        as Serena's search_for_pattern: matched lines with context per file, 0-based line
        numbers, "  >" marking matched lines; multiline applies DOTALL and MULTILINE.
        skip_ignored_files is accepted for Serena's prompts; ignored files are never analysed,
        so they are never searched."""
        return serena.search_for_pattern(
            ws,
            substring_pattern,
            context_lines_before,
            context_lines_after,
            paths_include_glob,
            paths_exclude_glob,
            relative_path,
            restrict_search_to_code_files,
            multiline,
            max_answer_chars,
        )

    return [find_symbol, get_symbols_overview, find_referencing_symbols, search_for_pattern]


def _framework_tools(ws: Workspace) -> list[Callable[..., str]]:
    def routes(
        path_prefix: str = "",
        method: str = "",
        tag: str = "",
        relative_path: str = "",
        max_answer_chars: int = -1,
    ) -> str:
        """FastAPI operations with their full paths (prefixes of every include applied):
        method, endpoint, file and line, response model, status code, tags, body schema,
        include sites, direct and all Depends providers. Filters: a path prefix, a method, a
        tag, the endpoint's file or folder."""
        return views.routes(ws, path_prefix, method, tag, relative_path, max_answer_chars)

    def route_dependencies(path: str, method: str) -> str:
        """One route's whole Depends chain as FastAPI solves it (app, include, router, route
        and parameter dependencies, sub-dependencies first), with each provider's file and
        lines and the providers it depends on itself."""
        return views.route_dependencies(ws, path, method)

    def routes_using_provider(provider: str, max_answer_chars: int = -1) -> str:
        """The routes that reach a Depends provider (a qualified name, such as
        app.api.deps.get_db), directly or through other providers."""
        return views.routes_using_provider(ws, provider, max_answer_chars)

    def schemas(
        name_contains: str = "", relative_path: str = "", max_answer_chars: int = -1
    ) -> str:
        """Pydantic, pydantic-settings and SQLModel models with their declared and inherited
        fields, constraints, config and validators."""
        return views.schemas(ws, name_contains, relative_path, max_answer_chars)

    def services(max_answer_chars: int = -1) -> str:
        """Service classes (and modules of service functions): public methods, how each is
        wired (constructor, singleton, factory, Depends provider) and what it uses."""
        return views.components(ws, "service", max_answer_chars)

    def repositories(max_answer_chars: int = -1) -> str:
        """Repository classes (and crud-style modules): public methods, wiring, what they use."""
        return views.components(ws, "repository", max_answer_chars)

    def visible_fixtures(test_file: str, test_class: str = "") -> str:
        """The pytest fixtures a test in test_file (which need not exist yet) can request, by
        name, as pytest resolves them: the closest definition wins; scope, autouse, requests."""
        return views.visible_fixtures(ws, test_file, test_class)

    def project_config() -> str:
        """Dependencies (PEP 621/735, Poetry, uv, PDM, requirements) with where each is
        declared, tool settings, the runner, pytest and coverage settings, Makefile targets."""
        return views.project(ws)

    def layers(layer: str = "", max_answer_chars: int = -1) -> str:
        """Every module's layer (api, service, repository, schema, model, core, test, other)
        and the evidence for it; filter by one layer."""
        return views.layers(ws, layer, max_answer_chars)

    def conventions() -> str:
        """The project's habits measured from the code (naming, async endpoints, type hints,
        docstrings, logging, error style), with counts and an example file and line each."""
        return views.conventions(ws)

    def import_chain(importer: str, imported: str) -> str:
        """The shortest chain of imports from one module to another (dotted names), or null."""
        return views.import_chain(ws, importer, imported)

    return [
        routes,
        route_dependencies,
        routes_using_provider,
        schemas,
        services,
        repositories,
        visible_fixtures,
        project_config,
        layers,
        conventions,
        import_chain,
    ]


def _planner_tools(ws: Workspace) -> list[Callable[..., str]]:
    def plan_feature(request: str, write: bool = False, force: bool = False) -> str:
        """A deterministic implementation plan for a feature request, built from the graph: the
        analogue to mirror, files to read with lines, new files, patterns, ordered tasks,
        fixtures and validation commands. Returns the markdown and its path under
        .claude/output/plans/; write=True writes it there, never over an existing plan unless
        force=True."""
        return planning.plan_feature(ws, request, write, force)

    def check_plan(path: str) -> str:
        """Completeness findings (PLAN001-PLAN014: missing sections, placeholders, tasks
        without fields, citations of files or lines that do not exist) for a plan file in the
        repository."""
        return planning.check_plan(ws, path)

    return [plan_feature, check_plan]
