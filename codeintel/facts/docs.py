"""Docs: headings, links and agent rules of README, docs/, llms.txt, CLAUDE.md, AGENTS.md."""

from __future__ import annotations

from typing import Literal

from codeintel.facts.base import Frozen

DocKind = Literal["readme", "doc", "llms", "agents"]


class Heading(Frozen):
    level: int
    text: str
    line: int


class Link(Frozen):
    text: str
    target: str
    line: int
    section: str  # the heading it is under ("" before the first)


class Rule(Frozen):
    """A bullet of an agent instructions file: one convention the project asks for."""

    text: str
    line: int
    section: str


class DocFile(Frozen):
    file: str
    kind: DocKind
    title: str | None
    headings: tuple[Heading, ...]
    links: tuple[Link, ...]
    rules: tuple[Rule, ...]
