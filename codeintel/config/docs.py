"""Documentation files: titles, headings, links, llms.txt sections, CLAUDE.md/AGENTS.md rules."""

from __future__ import annotations

import re
from pathlib import Path

from codeintel.diagnostics import Diagnostic
from codeintel.facts.docs import DocFile, DocKind, Heading, Link, Rule
from codeintel.pipeline.discover import SourceFile
from codeintel.pipeline.read import read_text

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_AGENT_FILES = frozenset({"CLAUDE.md", "AGENTS.md"})


def extract_docs(root: Path, files: list[SourceFile]) -> tuple[list[DocFile], list[Diagnostic]]:
    """Every doc file, sorted by path; unreadable or undecodable ones become diagnostics."""
    docs: list[DocFile] = []
    diagnostics: list[Diagnostic] = []
    for source in sorted(files, key=lambda f: f.path):
        if source.kind != "doc":
            continue
        text = read_text(root, source.path, diagnostics)
        if text is not None:
            docs.append(parse_doc(source.path, text))
    return docs, diagnostics


def parse_doc(path: str, text: str) -> DocFile:
    """Headings, links and bullets of a markdown (or llms.txt) text; code fences skipped."""
    headings: list[Heading] = []
    links: list[Link] = []
    rules: list[Rule] = []
    kind = _kind(path)
    section = ""
    fence: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        marker = _FENCE.match(line)
        if marker:
            fence = None if fence == marker[1] else (fence or marker[1])
            continue
        if fence is not None:
            continue
        if heading := _HEADING.match(line):
            section = heading[2]
            headings.append(Heading(level=len(heading[1]), text=section, line=number))
            continue
        for text_, target in _LINK.findall(line):
            links.append(Link(text=text_, target=target, line=number, section=section))
        if kind == "agents" and (bullet := _BULLET.match(line)):
            rules.append(Rule(text=bullet[1].strip(), line=number, section=section))
    title = next((h.text for h in headings if h.level == 1), None)
    return DocFile(
        file=path,
        kind=kind,
        title=title,
        headings=tuple(headings),
        links=tuple(links),
        rules=tuple(rules),
    )


def _kind(path: str) -> DocKind:
    name = path.rsplit("/", 1)[-1]
    if name in _AGENT_FILES:
        return "agents"
    if name == "llms.txt":
        return "llms"
    return "readme" if name.startswith("README") else "doc"
