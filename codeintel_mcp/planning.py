"""The planner and the plan checker as tools, with the CLI's rules for writing."""

from __future__ import annotations

from codeintel_mcp.errors import ToolInputError
from codeintel_mcp.jsonout import to_json
from codeintel_mcp.workspace import Workspace
from render.check import CODES, disabled_codes
from render.check import check_plan as check_plan_text
from render.check_output import finding_json
from render.markdown import render_markdown
from render.plan import build_plan
from render.writer import plan_path, write_plan


def plan_feature(ws: Workspace, request: str, write: bool = False, force: bool = False) -> str:
    """The plan as markdown, and where it goes; written only when asked, and over an existing
    plan only with ``force`` (render's writer refuses otherwise)."""
    if not request.strip():
        raise ToolInputError("the feature request is empty")
    graph = ws.graph()
    if not any(graph.modules()):
        raise ToolInputError(f"no Python modules found in {ws.root}")
    context = build_plan(graph, request)
    markdown = render_markdown(context)
    target = plan_path(ws.root, context.slug)
    if write:
        write_plan(target, markdown, force=force)
    relative = target.relative_to(ws.root).as_posix()
    return to_json({"markdown": markdown, "path": relative, "written": write})


def check_plan(ws: Workspace, path: str) -> str:
    """Findings for one plan inside the repository, without the codes its pyproject disables."""
    relative = ws.relative(path)
    plan = ws.root / relative
    if not plan.is_file():
        raise ToolInputError(f"not a file: {path}")
    text = plan.read_text(encoding="utf-8", errors="replace")
    disabled, settings = disabled_codes(ws.root)
    found = [f for f in check_plan_text(text, relative, ws.root) if f.code not in disabled]
    return to_json([finding_json(f, CODES) for f in sorted([*settings, *found])])
