"""Any request gives a one-line error or a plan that passes ``render check`` with no finding."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import codeintel
from render.check import check_plan
from render.errors import PlanError
from render.markdown import render_markdown
from render.plan import build_plan

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures_repos"
_WORDS = [
    "add", "fix", "refactor", "update", "remove", "improve", "support", "the", "to", "for",
    "servers", "server", "agents", "items", "tags", "notes", "users", "endpoint", "list",
    "pagination", "404", "bug", "delete", "search", "health", "ServerService", "`code`",
]  # fmt: skip
_REQUESTS = st.one_of(
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=8).map(" ".join),
    st.text(max_size=120),
    st.tuples(st.sampled_from(_WORDS), st.text(max_size=40)).map(" ".join),
)
_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


@pytest.fixture(scope="module")
def graphs() -> dict[str, codeintel.CodeGraph]:
    names = ("registry_app", "fullstack_app", "single_file_app")
    return {name: codeintel.analyze(FIXTURES / name) for name in names}


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    request=_REQUESTS, repo=st.sampled_from(["registry_app", "fullstack_app", "single_file_app"])
)
def test_every_request_gives_an_error_or_a_plan_that_passes_check(
    graphs: dict[str, codeintel.CodeGraph], request: str, repo: str
) -> None:
    try:
        context = build_plan(graphs[repo], request)
    except PlanError as error:
        assert "\n" not in str(error) and str(error)
        return
    assert _SLUG.fullmatch(context.slug) and len(context.slug) <= 60
    assert context.plan_path == f".claude/output/plans/{context.slug}.md"
    findings = check_plan(render_markdown(context), "plan.md", FIXTURES / repo)
    assert [str(f) for f in findings] == []


def test_a_backtick_in_the_request_pairs_with_no_code_span_of_the_plan(
    graphs: dict[str, codeintel.CodeGraph],
) -> None:
    """``FIX`PY`` quoted in a line that cites ``GET /api/v1/servers/{server_id}``: its lone
    backtick paired with the span's, leaving ``{server_id}`` as prose (a PLAN004); it is
    escaped, as CommonMark reads ``\\```."""
    context = build_plan(graphs["registry_app"], "FIX`PY")
    text = render_markdown(context)
    assert "FIX\\`PY" in text
    assert check_plan(text, "plan.md", FIXTURES / "registry_app") == []
