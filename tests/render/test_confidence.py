"""The confidence rule on hand-made signals: what costs points, how many, and what does not."""

from __future__ import annotations

from dataclasses import replace

import pytest

from render.confidence import Signals, confidence

CLEAR = Signals(
    files=80, as_good=1, unresolved_routes=0, unserved_routes=0, unanalysed_files=0, unclear=False
)


def _codes(found: Signals) -> dict[str, int]:
    return {d.code: d.points for d in confidence(found).deductions}


def test_a_small_project_with_one_best_match_and_every_fact_resolved_is_certain() -> None:
    assert confidence(CLEAR).score == 10
    assert confidence(CLEAR).deductions == ()


@pytest.mark.parametrize(
    ("files", "points"), [(199, 0), (200, 1), (399, 1), (400, 2), (800, 3), (1600, 4)]
)
def test_each_doubling_of_the_project_beyond_200_files_costs_a_point(
    files: int, points: int
) -> None:
    assert _codes(replace(CLEAR, files=files)).get("large_project", 0) == points


@pytest.mark.parametrize(("as_good", "points"), [(0, 0), (4, 0), (5, 1), (9, 1), (10, 2), (40, 2)])
def test_files_matching_as_well_as_the_best_cost_a_point_per_five_at_most_two(
    as_good: int, points: int
) -> None:
    assert _codes(replace(CLEAR, as_good=as_good)).get("ambiguous_words", 0) == points


def test_each_kind_of_unresolved_fact_costs_one_point_however_many() -> None:
    found = replace(CLEAR, unresolved_routes=3, unserved_routes=7, unanalysed_files=1)
    assert _codes(found) == {"unresolved_routes": 1, "unserved_routes": 1, "unanalysed_files": 1}
    assert confidence(found).score == 7


def test_the_score_adds_the_deductions_and_never_falls_below_one() -> None:
    found = Signals(
        files=3200,
        as_good=30,
        unresolved_routes=1,
        unserved_routes=1,
        unanalysed_files=1,
        unclear=False,
    )
    assert sum(_codes(found).values()) == 5 + 2 + 3
    assert confidence(found).score == 1
    mid = replace(CLEAR, files=450, as_good=6)
    assert confidence(mid).score == 10 - 2 - 1


def test_a_request_saying_no_change_costs_three_points() -> None:
    assert _codes(replace(CLEAR, unclear=True)) == {"unclear_request": 3}
    assert confidence(replace(CLEAR, unclear=True)).score == 7
