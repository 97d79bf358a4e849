"""The feature request understood: its type, the resource it is about, its title and slug."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict

from render.errors import PlanError
from render.words import singular, terms

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)?")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+")
_MAX_TITLE_WORDS = 12
_MAX_SLUG = 60
_MAX_TITLE = 80
_MAX_NAME = 40

_BUG = frozenset(
    [
        "fix",
        "fixes",
        "fixed",
        "bug",
        "bugs",
        "broken",
        "crash",
        "crashes",
        "wrong",
        "incorrect",
        "regression",
    ]
)
_BUG |= frozenset(["fail", "fails", "failing", "failure", "typo"])
_REFACTOR = frozenset(
    [
        "refactor",
        "restructure",
        "extract",
        "rename",
        "move",
        "clean",
        "cleanup",
        "simplify",
        "split",
        "consolidate",
    ]
)
_REFACTOR |= frozenset(["deduplicate", "reorganize", "reorganise", "decouple"])
_ENHANCE = frozenset(
    ["improve", "extend", "enable", "change", "expose", "speed", "optimise", "optimize"]
)
#: Words that make a request about a part of a resource, not a resource of its own.
_PARTS = frozenset(
    [
        "field",
        "fields",
        "column",
        "columns",
        "attribute",
        "attributes",
        "property",
        "properties",
        "parameter",
        "parameters",
        "param",
        "params",
        "option",
        "options",
    ]
)
#: Every form the verb sets take after ``terms()`` singularised them.
_VERBS = frozenset(singular(w) for w in _BUG | _REFACTOR | _ENHANCE)
#: Words that describe an operation or a quality, never the resource a request is about.
_GENERIC = frozenset(
    [
        "crud",
        "list",
        "lists",
        "listing",
        "get",
        "read",
        "delete",
        "remove",
        "edit",
        "change",
        "return",
        "returns",
        "filter",
        "filtering",
        "sort",
        "sorting",
        "page",
        "pagination",
        "paginate",
        "search",
        "validation",
        "validate",
        "error",
        "errors",
        "handling",
        "management",
        "manage",
        "resource",
        "resources",
        "model",
        "models",
        "schema",
        "schemas",
        "service",
        "services",
        "test",
        "tests",
        "route",
        "routes",
        "router",
        "endpoint",
        "when",
        "by",
        "id",
        "ids",
        "field",
        "fields",
        "response",
        "request",
        "option",
        "options",
        "unknown",
        "invalid",
        "missing",
        "duplicate",
        "empty",
        "same",
        "other",
        "older",
        "newer",
        "first",
        "last",
        "deleting",
        "creating",
        "updating",
        "removing",
        "getting",
        "reading",
        "fetching",
        "editing",
        "changing",
        "returning",
        "paginating",
        "validating",
        "searching",
    ]
)


class FeatureRequest(BaseModel):
    """What a free-text request asks for, decided from its words and the project's names."""

    model_config = ConfigDict(frozen=True)

    text: str  # whitespace collapsed to single spaces
    title: str
    slug: str
    terms: tuple[str, ...]
    kind: str  # "New Capability" | "Enhancement" | "Refactor" | "Bug Fix"
    kind_reason: str
    resource: str  # singular term naming what the feature is about
    related: tuple[str, ...]  # existing resources the request names, in request order


def understand(text: str, resources: Iterable[str]) -> FeatureRequest:
    """Read ``text`` against the project's existing ``resources`` (singular terms)."""
    flat = " ".join(text.split())
    if not flat:
        raise PlanError("the feature request is empty")
    words = _WORD.findall(flat)
    if not words:
        raise PlanError("the feature request has no words in it")
    found = terms(flat)
    existing = set(resources)
    related = tuple(t for t in found if t in existing)
    # a resource names files and classes: a 10k-character "word" cannot be one
    named = [t for t in found if t not in _GENERIC and t not in _VERBS and len(t) <= _MAX_NAME]
    lowered = {w.lower() for w in words}
    kind, reason = _kind(lowered, named, existing)
    resource = named[0] if named else (related or (*found, "feature"))[0]
    # "Add a severity field to incidents": a part of an existing resource, not a new one.
    if part_of := [n for n in named if n in existing] if lowered & _PARTS else []:
        resource = part_of[0]
        if kind == "New Capability":
            part = sorted(lowered & _PARTS)[0]
            kind, reason = "Enhancement", f'it adds a {part} to the existing "{resource}" resource'

    return FeatureRequest(
        text=flat,
        title=_title(words),
        slug=_slug(flat),
        terms=tuple(found),
        kind=kind,
        kind_reason=reason,
        resource=resource,
        related=related,
    )


def _kind(words: set[str], named: list[str], existing: set[str]) -> tuple[str, str]:
    """Verbs decide bug fixes and refactors; otherwise, whether the first noun exists."""
    if bug := sorted(words & _BUG):
        return "Bug Fix", f"the request says {_quoted(bug)}"
    if refactor := sorted(words & _REFACTOR):
        return "Refactor", f"the request says {_quoted(refactor)}"
    if not named:
        return "Enhancement", "the request names no new resource"
    if named[0] in existing:
        return "Enhancement", f"it changes the existing {_quoted(named[:1])} resource"
    return "New Capability", f"{_quoted(named[:1])} names nothing in the project yet"


def _quoted(words: Iterable[str]) -> str:
    return ", ".join(f'"{w}"' for w in words)


def _title(words: list[str]) -> str:
    title = " ".join(words[:_MAX_TITLE_WORDS])
    if len(title) > _MAX_TITLE:
        title = title[: _MAX_TITLE - 4].rstrip()
    if title != " ".join(words):
        title += " ..."
    return title[:1].upper() + title[1:]


def _slug(text: str) -> str:
    """Kebab case from the ASCII words, bounded; a request with none gets a stable hash name."""
    slug = ""
    for word in _ASCII_WORD.findall(text):
        candidate = f"{slug}-{word.lower()}" if slug else word.lower()
        if len(candidate) > _MAX_SLUG:
            break
        slug = candidate
    if not slug:
        slug = "feature-" + hashlib.sha256(text.encode()).hexdigest()[:8]
    return slug
