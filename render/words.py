"""Words: identifiers and request text split into comparable, singular, lower-case terms."""

from __future__ import annotations

import re

_PARTS = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+")

#: English function words and words every feature request uses; they say nothing about where.
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "by",
        "can",
        "could",
        "do",
        "does",
        "for",
        "from",
        "has",
        "have",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "let",
        "make",
        "me",
        "my",
        "new",
        "of",
        "on",
        "or",
        "our",
        "should",
        "so",
        "some",
        "that",
        "the",
        "their",
        "them",
        "then",
        "this",
        "to",
        "us",
        "use",
        "we",
        "when",
        "where",
        "which",
        "while",
        "will",
        "with",
        "without",
        "would",
        "all",
        "also",
        "able",
        "allow",
        "allows",
        "need",
        "needs",
        "want",
        "support",
        "supports",
        "add",
        "adds",
        "adding",
        "added",
        "implement",
        "implementing",
        "create",
        "creating",
        "update",
        "updating",
        "feature",
        "features",
        "endpoint",
        "endpoints",
        "api",
        "apis",
        "ability",
        "way",
        "via",
        "per",
        "each",
        "every",
        "existing",
        "new",
        "please",
        "currently",
        "instead",
    ]
)

_IRREGULAR = {"people": "person", "children": "child", "data": "data", "status": "status"}


def split_identifier(text: str) -> list[str]:
    """``ServerRepository`` / ``get_server`` / ``api-keys`` -> lower-case word parts."""
    return [part.lower() for part in _PARTS.findall(text)]


def singular(word: str) -> str:
    """A cheap, deterministic singular: enough to match ``servers`` with ``Server``."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "xes", "ches", "shes", "zes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def terms(text: str) -> list[str]:
    """Distinct singular terms of ``text`` in first-seen order, without stop words."""
    seen: dict[str, None] = {}
    for part in split_identifier(text):
        term = singular(part)
        if len(term) > 1 and term not in STOPWORDS and not term.isdigit():
            seen.setdefault(term, None)
    return list(seen)


def joined_terms(text: str) -> list[str]:
    """Identifiers of ``text`` written as one word (``well-known`` -> ``wellknown``,
    ``A2AServer`` -> ``a2aserver``, ``log_out`` -> ``logout``), so a request writing them
    together or apart matches; single-part names are left to ``terms``."""
    found = []
    for chunk in re.split(r"[\s/.:()\[\]{},]+", text):
        parts = split_identifier(chunk)
        if len(parts) > 1:
            found.append(singular("".join(parts)))
        found += _acronyms(parts)
    return found


def _acronyms(parts: list[str]) -> list[str]:
    """Runs of letters and digits an identifier splits apart: ``A2AServer`` -> ``a2a``."""
    runs: list[list[str]] = [[]]
    for part in parts:
        if len(part) == 1 or part.isdigit():
            runs[-1].append(part)
        elif runs[-1]:
            runs.append([])
    return ["".join(run) for run in runs if len(run) > 1 and not "".join(run).isdigit()]
