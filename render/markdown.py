"""Markdown output: the packaged jinja2 template and filters that keep any content inert."""

from __future__ import annotations

import re

import jinja2

from render.context import PlanContext

_BACKTICKS = re.compile(r"`+")
_FENCE = re.compile(r"^(`{3,})")


def code(text: object) -> str:
    """An inline code span that survives backticks inside ``text``."""
    value = str(text)
    longest = max((len(m) for m in _BACKTICKS.findall(value)), default=0)
    ticks = "`" * (longest + 1)
    pad = " " if value.startswith("`") or value.endswith("`") else ""
    return f"{ticks}{pad}{value}{pad}{ticks}"


def fenced(text: str, language: str) -> str:
    """A fenced block whose fence is longer than any backtick run inside ``text``."""
    longest = max((len(m) for m in _BACKTICKS.findall(text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{language}\n{text.rstrip()}\n{fence}"


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("render", "templates"),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # markdown, not HTML; content is made inert by the filters instead
    )
    env.filters["code"] = code
    env.filters["fenced"] = fenced
    return env


def render_markdown(context: PlanContext) -> str:
    """The plan as markdown; single blank lines between blocks, one newline at the end."""
    text = environment().get_template("plan.md.j2").render(p=context)
    return _tidy(text)


def _tidy(text: str) -> str:
    """Collapse runs of blank lines the template's loops leave, except inside code fences."""
    lines: list[str] = []
    fence: str | None = None
    for line in text.rstrip("\n").split("\n"):
        marker = _FENCE.match(line)
        if fence is None and marker:
            fence = marker.group(1)
        elif fence is not None and line.strip() == fence:
            fence = None
        elif fence is None and not line.strip() and (not lines or not lines[-1].strip()):
            continue
        lines.append(line if fence is not None or line.strip() else "")
    return "\n".join(lines) + "\n"
