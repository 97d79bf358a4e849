"""PlanContext: every section of the plan template as typed data, before any markdown."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class FileRef(_Frozen):
    """A file to read, with the lines that matter and why."""

    path: str
    start: int | None
    end: int | None
    reason: str


class DocRef(_Frozen):
    title: str
    target: str  # a repo path (with #anchor) or a URL
    reason: str


class NewFile(_Frozen):
    path: str
    purpose: str
    mirrors: str | None  # the existing file it is modelled on


class ConventionRef(_Frozen):
    """A habit measured from the code, to keep: what, how many follow it, and an example."""

    topic: str
    finding: str
    count: int
    total: int
    unit: str
    path: str | None
    line: int | None


class Snippet(_Frozen):
    """Real code from the project, cited by file and lines."""

    title: str
    path: str
    start: int
    end: int
    code: str


class Task(_Frozen):
    keyword: str  # CREATE | UPDATE | ADD | MIRROR
    target: str
    implement: str
    pattern: str
    imports: tuple[str, ...]
    validate_command: str
    phase: str


class Phase(_Frozen):
    name: str
    summary: str
    tasks: tuple[str, ...]


class FixtureRef(_Frozen):
    name: str
    scope: str
    autouse: bool
    path: str
    line: int


class ValidationLevel(_Frozen):
    number: int
    name: str
    commands: tuple[str, ...]
    note: str  # why these commands, or why none


class Complexity(_Frozen):
    """How big the change is, measured from what the tasks touch; the template words it."""

    level: Literal["Low", "Medium", "High"]
    files: int  # distinct files the tasks create or change
    folders: int  # the folders those files are in
    importers: int  # modules importing the files the tasks update


#: Why a plan may be wrong, one code per reason; the template words each.
DeductionCode = Literal[
    "large_project",  # count: files the analysis read
    "ambiguous_words",  # count: files matching the request as well as the best one
    "unresolved_routes",  # count: route paths not resolved statically
    "unserved_routes",  # count: routes on a router no app includes
    "unanalysed_files",  # count: files of the plan with analysis diagnostics
    "unclear_request",  # the request says no change, only that something be better
    "not_computed",  # the summary failed; nothing was measured
]


class Deduction(_Frozen):
    """One reason for less confidence: its code, the points it costs and the facts behind it."""

    code: DeductionCode
    points: int
    count: int = 0


class Confidence(_Frozen):
    """How likely the plan found the right files, 1-10: 10 minus its deductions."""

    score: int
    deductions: tuple[Deduction, ...]


class Summary(_Frozen):
    approach: str
    complexity: Complexity | None  # None when it could not be measured
    risks: tuple[str, ...]
    confidence: Confidence


class PlanContext(_Frozen):
    """Everything the template prints; built from the request and the code graph only."""

    request: str
    feature_name: str
    slug: str
    plan_path: str
    feature_type: str
    type_reason: str
    affected_systems: tuple[str, ...]
    dependencies: tuple[str, ...]
    description: tuple[str, ...]  # paragraphs
    user_type: str
    user_action: str
    user_benefit: str
    problem: str
    solution: str
    files_to_read: tuple[FileRef, ...]
    docs: tuple[DocRef, ...]
    new_files: tuple[NewFile, ...]
    patterns: tuple[Snippet, ...]
    conventions: tuple[ConventionRef, ...]
    phases: tuple[Phase, ...]
    tasks: tuple[Task, ...]
    unit_test_location: str
    integration_test_location: str
    fixtures: tuple[FixtureRef, ...]
    mocking: str
    unit_test_example: Snippet | None
    edge_cases: tuple[str, ...]
    validation: tuple[ValidationLevel, ...]
    acceptance: tuple[str, ...]
    checklist: tuple[str, ...]
    notes: tuple[str, ...]
    diagram: str
    summary: Summary
    failures: tuple[str, ...] = ()  # sections that could not be built, one line each
