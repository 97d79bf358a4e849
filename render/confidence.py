"""Confidence: how likely the plan's files to read hold the files the change will touch.

The score is 10 minus deductions for what makes the right files hard to find, each from a
fact the plan can see: a large project (more places a change can land than ten files show),
request words that rank many files as well as the best one (the words do not single out a
place), and facts the analysis could not establish (route paths, routes no app serves,
files it could not read). Measured on the dev set (``python -m benchmarks.plan_recall``):
words naming nothing, a centre found by words alone, and a bug report rather than a feature
did not predict lower recall, so they cost nothing here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from render.chains import Chain
from render.context import Confidence, Deduction
from render.facts import ProjectFacts
from render.request import FeatureRequest

#: Below this many files a project is small enough that ten listed files cover it well;
#: each doubling beyond it costs a point.
SMALL_PROJECT = 200
#: A file scoring at least this share of the best score matches the request as well as it.
AS_GOOD = 0.75
#: Every this many files matching as well as the best costs a point, up to ``MAX_AMBIGUITY``.
AMBIGUOUS_GROUP = 5
MAX_AMBIGUITY = 2
#: A request saying no change, only that something be better: what to do is a guess.
UNCLEAR = 3


@dataclass(frozen=True)
class Signals:
    """What the confidence rule reads, gathered from the graph, the request and the chain."""

    files: int  # files the analysis read
    as_good: int  # files matching the request's words at least AS_GOOD as well as the best
    unresolved_routes: int  # route paths of the chain not resolved statically
    unserved_routes: int  # routes of the chain on a router no app includes
    unanalysed_files: int  # files of the chain with analysis diagnostics
    unclear: bool  # the request says no change, only that something be better


def signals(facts: ProjectFacts, request: FeatureRequest, chain: Chain) -> Signals:
    ranked = facts.ranked(request.terms)
    best = ranked[0].score if ranked else 0.0
    return Signals(
        files=len(facts.graph.files()),
        as_good=sum(1 for s in ranked if s.score >= best * AS_GOOD),
        unresolved_routes=sum(not r.resolved for r in chain.routes),
        unserved_routes=sum(r.app is None for r in chain.routes),
        unanalysed_files=len({d.file for d in facts.graph.diagnostics} & set(chain.files)),
        unclear=request.unclear is not None,
    )


def confidence(found: Signals) -> Confidence:
    """10 minus one point per doubling of the project beyond ``SMALL_PROJECT`` files, one per
    ``AMBIGUOUS_GROUP`` files matching as well as the best (at most ``MAX_AMBIGUITY``), and one
    for each kind of fact left unresolved; never below 1."""
    deductions = [
        Deduction(code="large_project", points=_doublings(found.files), count=found.files),
        Deduction(
            code="ambiguous_words",
            points=min(MAX_AMBIGUITY, found.as_good // AMBIGUOUS_GROUP),
            count=found.as_good,
        ),
        Deduction(code="unresolved_routes", points=1, count=found.unresolved_routes),
        Deduction(code="unserved_routes", points=1, count=found.unserved_routes),
        Deduction(code="unanalysed_files", points=1, count=found.unanalysed_files),
        # the files may be right, but what to do in them is a guess
        Deduction(code="unclear_request", points=UNCLEAR, count=int(found.unclear)),
    ]
    kept = tuple(d for d in deductions if d.points and d.count)
    return Confidence(score=max(1, 10 - sum(d.points for d in kept)), deductions=kept)


def _doublings(files: int) -> int:
    return math.floor(math.log2(files / SMALL_PROJECT)) + 1 if files >= SMALL_PROJECT else 0
