"""``serve [--repo PATH]``: run the MCP server over stdio."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from codeintel_mcp.errors import ToolInputError
from codeintel_mcp.server import serve


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m codeintel serve",
        description="Serve codeintel's queries, views and planner as MCP tools over stdio.",
    )
    parser.add_argument("--repo", default=".", help="the project to serve (default: .)")
    options = parser.parse_args(argv)
    try:
        serve(Path(options.repo))
    except ToolInputError as exc:
        print(f"codeintel serve: error: {exc}", file=sys.stderr)
        return 2
    return 0
