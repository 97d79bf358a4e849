"""Relevance: files ranked by idf-weighted matches of the request's terms with their names."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from codeintel import CodeGraph
from render.lexicon import lemma, parts_of_speech
from render.words import joined_terms, terms

#: How much a match counts, by where it is: a file named for a term is about it; a docstring
#: mentioning it may be only in passing.
_WEIGHTS = {"path": 3.0, "route": 3.0, "symbol": 2.0, "field": 1.0, "heading": 1.5, "doc": 1.0}


@dataclass(frozen=True)
class FileScore:
    file: str
    score: float
    matched: tuple[str, ...]  # request terms found in the file's names, in request order


def index(graph: CodeGraph) -> dict[str, dict[str, float]]:
    """Per file, each term in its names with the weight of the strongest place it occurs."""
    found: dict[str, dict[str, float]] = defaultdict(dict)
    for file, where, text in _texts(graph):
        weight = _WEIGHTS[where]
        bag = found[file]
        for term in (*terms(text), *joined_terms(text)):
            for form in _forms(term):
                bag[form] = max(bag.get(form, 0.0), weight)
    return dict(found)


@lru_cache(maxsize=65536)
def _forms(term: str) -> tuple[str, ...]:
    """The term and its dictionary forms (``provisioning`` -> ``provision``), so a file named
    for an activity matches a request naming it as a verb or a noun."""
    pos = parts_of_speech(term)
    found = {term}
    found.update(lemma(term, p) for p in ("VERB", "NOUN") if p in pos)
    return tuple(sorted(found))


def rank(documents: dict[str, dict[str, float]], request_terms: Iterable[str]) -> list[FileScore]:
    """Files with at least one match, best first; ties broken by path."""
    wanted = list(request_terms)
    total = len(documents)
    frequency = {t: sum(1 for bag in documents.values() if t in bag) for t in set(wanted)}
    idf = {t: math.log(1 + total / n) for t, n in frequency.items() if n}
    scores = []
    for file, bag in documents.items():
        matched = tuple(t for t in wanted if t in bag)
        if matched:
            score = sum(bag[t] * idf[t] for t in matched)
            scores.append(FileScore(file, round(score, 6), matched))
    return sorted(scores, key=lambda s: (-s.score, s.file))


def _texts(graph: CodeGraph) -> Iterable[tuple[str, str, str]]:
    for file in graph.files():
        yield file, "path", file
    for _, data in sorted(graph.graph.nodes(data=True)):
        kind = data.get("kind")
        if kind in {"class", "function", "method"}:
            yield data["file"], "symbol", data["name"]
            if data.get("docstring"):
                yield data["file"], "doc", data["docstring"]
        elif kind in {"module", "package"} and data.get("docstring"):
            yield data["file"], "doc", data["docstring"]
        elif kind == "route":
            yield data["file"], "route", data["path"]
    for schema in graph.schemas():
        for field in schema.fields:
            yield schema.file, "field", field.name
