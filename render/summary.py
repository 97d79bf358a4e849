"""The summary the template asks for after a plan is written."""

from __future__ import annotations

from pathlib import Path

from render.context import PlanContext


def summary_text(context: PlanContext, path: Path) -> str:
    s = context.summary
    lines = [
        f"Feature: {context.feature_name} ({context.feature_type})",
        f"Approach: {s.approach}",
        f"Plan: {path.as_posix()}",
        f"Complexity: {s.complexity}",
        "Key risks:",
        *(f"  - {risk}" for risk in s.risks),
        f"Confidence: {s.confidence}/10",
        *(f"  - {fact}" for fact in s.confidence_facts),
    ]
    return "\n".join(lines)
