"""PlanContext: every section of the plan template as typed data, before any markdown."""

from __future__ import annotations

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


class Summary(_Frozen):
    approach: str
    complexity: str
    risks: tuple[str, ...]
    confidence: int
    confidence_facts: tuple[str, ...]


class PlanContext(_Frozen):
    """Everything the template prints; built from the request and the code graph only."""

    request: str
    feature_name: str
    slug: str
    plan_path: str
    feature_type: str
    type_reason: str
    complexity: str
    complexity_reason: str
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
