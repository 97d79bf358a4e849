"""``python -m render``: write a plan for a feature request, or check plans (``render check``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import codeintel
from render.check_output import emit
from render.errors import PlanError
from render.markdown import render_markdown
from render.plan import build_plan, one_line
from render.summary import summary_text
from render.writer import PLANS_DIR, plan_path, write_plan


def main(argv: list[str] | None = None, prog: str = "codeintel-plan") -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["check"]:
        from render.check import main as check_main

        return check_main(args[1:], prog=f"{prog} check")
    options = _parser(prog).parse_args(args)
    try:
        return _run(options, prog)
    except (PlanError, codeintel.CodeIntelError) as exc:
        print(f"{prog}: error: {' '.join(str(exc).split())}", file=sys.stderr)
        return 2
    except Exception as exc:  # never a traceback: one line, the caller sees exit 2
        print(f"{prog}: error: internal error: {one_line(exc)}", file=sys.stderr)
        return 2


def _parser(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Write an implementation plan for a feature request, from the code graph. "
        f"`{prog} check [PLAN ...]` checks plans instead.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {codeintel.__version__}")
    parser.add_argument("request", help="the feature request, in words")
    parser.add_argument("--repo", default=".", help="the project to plan in (default: .)")
    parser.add_argument(
        "--out", help=f"write here instead of {PLANS_DIR.as_posix()}/<slug>.md; - prints the plan"
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing plan")
    parser.add_argument(
        "--format",
        choices=("md", "json"),
        default="md",
        help="md: write the plan and print a summary; json: print the plan's content only",
    )
    return parser


def _run(options: argparse.Namespace, prog: str) -> int:
    repo = Path(options.repo)
    graph = codeintel.analyze(repo)
    if not any(graph.modules()):
        raise PlanError(f"no Python modules found in {repo}")
    to_stdout = options.out == "-"
    shown = Path(options.out) if options.out and not to_stdout else None
    context = build_plan(graph, options.request, out=shown.as_posix() if shown else None)
    if options.format == "json":
        emit(context.model_dump_json(indent=2))
        return 0
    if to_stdout:
        emit(render_markdown(context))
        return 0
    target = shown if shown else plan_path(repo, context.slug)
    write_plan(target, render_markdown(context), force=options.force)
    emit(summary_text(context, target))
    for failure in context.failures:
        print(f"{prog}: error: {failure}", file=sys.stderr)
    return 0
