"""The plan template's structure as data: sections in order, task fields, validation levels."""

from __future__ import annotations

import re

#: Top-level sections of ``../shared/plan-feature-command.md``'s plan template, in order.
SECTIONS = (
    "Feature Description",
    "User Story",
    "Problem Statement",
    "Solution Statement",
    "Feature Metadata",
    "Context References",
    "Implementation Plan",
    "Step-by-Step Tasks",
    "Testing Strategy",
    "Validation Commands",
    "Acceptance Criteria",
    "Completion Checklist",
    "Notes",
)
TASK_FIELDS = ("IMPLEMENT", "PATTERN", "IMPORTS", "VALIDATE")
LEVELS = (1, 2, 3, 4, 5)
NEW_FILES = "New Files to Create"


def normalise(heading: str) -> str:
    """Heading text compared loosely: case, punctuation and spacing do not matter."""
    return re.sub(r"[^a-z0-9]+", " ", heading.lower()).strip()
