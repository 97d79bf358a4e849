"""The summary the template asks for after a plan is written."""

from __future__ import annotations

from pathlib import Path

from render.context import PlanContext
from render.markdown import environment


def summary_text(context: PlanContext, path: Path) -> str:
    template = environment().get_template("summary.txt.j2")
    return template.render(p=context, path=path.as_posix()).rstrip("\n")
