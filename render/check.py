"""``render check``: a plan's completeness, checked against its template and the repository."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import codeintel
from codeintel import Diagnostic
from render.check_output import FORMATS, TOOL, emit, explain, report
from render.sections import LEVELS, NEW_FILES, SECTIONS, TASK_FIELDS, normalise

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

#: code -> (severity, meaning), as the README's table lists them (a test keeps them equal).
#: Stable: users switch codes off by these names.
CODES = {
    "PLAN001": ("error", "a required section is missing"),
    "PLAN002": ("error", "a section is empty"),
    "PLAN003": ("warning", "a section is out of the template's order"),
    "PLAN004": (
        "error",
        "a template placeholder was left in (`{Feature Name}`, `[A / B]`, `$ARGUMENTS`)",
    ),
    "PLAN005": ("error", "a task lacks IMPLEMENT, PATTERN, IMPORTS or VALIDATE"),
    "PLAN006": ("error", "a cited file does not exist"),
    "PLAN007": ("error", "a cited line range is outside the file"),
    "PLAN008": ("warning", "a file listed as new already exists"),
    "PLAN009": ("warning", "a snippet cited at `file:lines` no longer matches the file"),
    "PLAN010": (
        "error",
        'a validation level (1-5) is missing; "no tool configured" counts as present',
    ),
    "PLAN011": ("error", "an unresolved marker: TODO, TBD, ???, `[NEEDS CLARIFICATION]`"),
    "PLAN012": ("error", "no `# Feature: <name>` title"),
    "PLAN013": ("error", "the step-by-step section has no tasks"),
    "PLAN014": ("warning", "the repository's `[tool.codeintel]` settings cannot be read"),
}

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_INLINE = re.compile(r"(?<!\\)(`+)(.+?)(?<!\\)\1")  # an escaped backtick: no span (CommonMark)
_PLACEHOLDER = re.compile(r"\{[A-Za-z][^{}\n]{0,60}\}|\$ARGUMENTS|\[[^\]\n]*\w \/ \w[^\]\n]*\]")
_MARKER = re.compile(r"\bTODO\b|\bTBD\b|\?\?\?|\[NEEDS CLARIFICATION\]")
_TASK = re.compile(r"^(?:#{2,6}\s+)?(?:[-*]\s+|\d+[.)]\s+)?\**task\s*\d+", re.IGNORECASE)
_NUMBERED = re.compile(r"^\d+[.)]\s+\**(CREATE|UPDATE|ADD|MIRROR|REMOVE|REFACTOR)\b")
_FIELD = re.compile(r"^\s*(?:[-*]\s+)?\**\s*(IMPLEMENT|PATTERN|IMPORTS|VALIDATE)\s*\**\s*:", re.I)
_CITATION = re.compile(
    r"^(?P<path>[\w.-]+(?:/[\w.-]+)*\.[A-Za-z0-9]+)(?::(?P<a>\d+)(?:-(?P<b>\d+))?)?$"
)
_LINES = re.compile(r"\(lines?\s+(\d+)(?:\s*-\s*(\d+))?\)")
#: Words after which a bare file name (no folder, no line) is a citation, not prose.
_CITES_BEFORE = re.compile(r"\b(?:mirrors?|CREATE|UPDATE|ADD|REFACTOR|REMOVE)\s*$", re.I)
#: Subsections whose bullets each start with a cited file; in the docs list only a name that
#: looks like a document is one (``docs.python.org`` is not).
_FILES_TO_READ = "Codebase Files to Read"
_DOCS = ("Relevant Documentation", (".md", ".rst", ".txt"))
_CREATE = re.compile(r"\bCREATE\**\s+(`+)(.+?)\1")


Report = Callable[[int, str, str], None]


#: A finding is codeintel's Diagnostic (code, file, line, message; sorted by file, line, code),
#: its file the plan or the repository's pyproject.toml; its severity comes from CODES.
Finding = Diagnostic


def severity(finding: Finding) -> str:
    return CODES[finding.code][0]


@dataclass
class _Line:
    number: int
    text: str  # with inline code removed
    raw: str
    in_fence: bool


def check_plan(text: str, path: str, repo: Path) -> list[Finding]:
    """Every finding for one plan, sorted by line."""
    lines = _lines(text)
    found: list[Finding] = []

    def report(line: int, code: str, message: str) -> None:
        found.append(Finding(code, path, line, message))

    headings = [
        (ln, len(m[1]), m[2]) for ln in lines if not ln.in_fence and (m := _HEADING.match(ln.raw))
    ]
    _title(headings, report)
    spans = _sections(headings, report, len(lines))
    _empty(spans, lines, report)
    _placeholders_and_markers(lines, report)
    _tasks(spans, lines, report)
    _levels(spans, lines, report)
    _citations(spans, lines, repo, report)
    return sorted(found)


def _lines(text: str) -> list[_Line]:
    result = []
    fence: str | None = None
    for number, raw in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        marker = _FENCE.match(raw)
        if marker and (fence is None or marker[1].startswith(fence)):
            opening = fence is None
            fence = marker[1] if opening else None
            result.append(_Line(number, "", raw, True))
            continue
        result.append(_Line(number, _INLINE.sub("", raw), raw, fence is not None))
    return result


def _title(headings: list[tuple[_Line, int, str]], report: Report) -> None:
    first = next(((ln, text) for ln, level, text in headings if level == 1), None)
    if first is None or not re.match(r"feature\s*[:\-]\s*\S", first[1], re.I):
        report(first[0].number if first else 1, "PLAN012", "no '# Feature: <name>' title")


def _sections(
    headings: list[tuple[_Line, int, str]], report: Report, last: int
) -> dict[str, tuple[int, int, int]]:
    """Section name -> (heading line, first body line, last body line)."""
    wanted = {normalise(s): s for s in SECTIONS}
    spans: dict[str, tuple[int, int, int]] = {}
    order: list[tuple[int, str]] = []
    for index, (ln, level, text) in enumerate(headings):
        name = wanted.get(normalise(text))
        if name is None or level < 2 or name in spans:
            continue
        end = next((h.number - 1 for h, lv, _ in headings[index + 1 :] if lv <= level), last)
        spans[name] = (ln.number, ln.number + 1, end)
        order.append((ln.number, name))
    for name in SECTIONS:
        if name not in spans:
            report(1, "PLAN001", f"missing section '{name}'")
    expected = [n for n in SECTIONS if n in spans]
    for (line, name), should in zip(order, expected, strict=True):
        if name != should:
            report(line, "PLAN003", f"'{name}' comes before '{should}' in the template")
            break
    return spans


def _body(span: tuple[int, int, int], lines: list[_Line]) -> list[_Line]:
    return lines[span[1] - 1 : span[2]]


def _empty(spans: dict[str, tuple[int, int, int]], lines: list[_Line], report: Report) -> None:
    for name, span in spans.items():
        content = [ln for ln in _body(span, lines) if ln.raw.strip() not in {"", "---"}]
        if not content:
            report(span[0], "PLAN002", f"section '{name}' is empty")


def _placeholders_and_markers(lines: list[_Line], report: Report) -> None:
    for ln in lines:
        if ln.in_fence:
            continue
        if m := _PLACEHOLDER.search(ln.text):
            report(ln.number, "PLAN004", f"template placeholder left: {m[0]}")
        if m := _MARKER.search(ln.text):
            report(ln.number, "PLAN011", f"unresolved marker: {m[0]}")


def _tasks(spans: dict[str, tuple[int, int, int]], lines: list[_Line], report: Report) -> None:
    span = spans.get("Step-by-Step Tasks")
    if span is None:
        return
    body = [ln for ln in _body(span, lines) if not ln.in_fence]
    starts = [
        i
        for i, ln in enumerate(body)
        if _TASK.match(ln.raw.strip()) or _NUMBERED.match(ln.raw.strip())
    ]
    if not starts:
        report(span[0], "PLAN013", "no tasks ('### Task 1: ...' or numbered CREATE/UPDATE items)")
    for position, start in enumerate(starts):
        stop = starts[position + 1] if position + 1 < len(starts) else len(body)
        block = body[start:stop]
        present = {m[1].upper() for ln in block if (m := _FIELD.match(ln.raw))}
        missing = [f for f in TASK_FIELDS if f not in present]
        if missing:
            report(block[0].number, "PLAN005", f"task without {', '.join(missing)}")


def _levels(spans: dict[str, tuple[int, int, int]], lines: list[_Line], report: Report) -> None:
    span = spans.get("Validation Commands")
    if span is None:
        return
    seen = {
        int(m[1])
        for ln in _body(span, lines)
        if (m := re.match(r"^#{2,6}\s+level\s*(\d)", ln.raw, re.I))
    }
    for level in LEVELS:
        if level not in seen:
            report(span[0], "PLAN010", f"validation level {level} is missing")


def _citations(
    spans: dict[str, tuple[int, int, int]], lines: list[_Line], repo: Path, report: Report
) -> None:
    subsections = _subsections(lines)
    new_span = _find(subsections, NEW_FILES)
    read_span, docs_span = _find(subsections, _FILES_TO_READ), _find(subsections, _DOCS[0])
    created = _created(lines, new_span)
    for index, ln in enumerate(lines):
        if ln.in_fence:
            continue
        bullet = ln.raw.lstrip().startswith(("-", "*"))
        is_new = bullet and _within(new_span, ln.number)
        is_read = bullet and _within(read_span, ln.number)
        is_docs = bullet and _within(docs_span, ln.number)
        for position, match in enumerate(_INLINE.finditer(ln.raw)):
            cite = _CITATION.match(match[2].strip())
            if cite is None:
                continue
            listed = position == 0 and (is_read or (is_docs and cite["path"].endswith(_DOCS[1])))
            if not _is_path(cite, ln.raw, match, first=listed):
                continue
            file = repo / cite["path"]
            if is_new and position == 0:  # "- `new/file.py` - purpose (mirrors `old.py`)"
                if file.exists():
                    report(ln.number, "PLAN008", f"{cite['path']} is listed as new but exists")
                continue
            if not file.is_file():
                if cite["path"] in created:
                    continue
                report(ln.number, "PLAN006", f"cited file {cite['path']} does not exist")
                continue
            bounds = _range(cite, ln.raw)
            if bounds is not None:
                _check_range(file, cite["path"], bounds, lines, index, ln.number, report)


def _is_path(cite: re.Match[str], raw: str, match: re.Match[str], *, first: bool) -> bool:
    """Whether inline code names a file: a bare ``main.py`` could be prose, so it counts only
    where the plan cites it (a line range, "mirrors", a task target or a file to read)."""
    if "/" in cite["path"] or cite["a"] or first:
        return True
    before, after = raw[: match.start()], raw[match.end() :]
    return bool(_LINES.match(after.lstrip()) or _CITES_BEFORE.search(before))


def _find(subsections: dict[str, tuple[int, int]], name: str) -> tuple[int, int] | None:
    """A subsection by the start of its heading: "Files to Read (MANDATORY)" is one."""
    wanted = normalise(name)
    return next((span for key, span in subsections.items() if key.startswith(wanted)), None)


def _within(span: tuple[int, int] | None, number: int) -> bool:
    return span is not None and span[0] < number <= span[1]


def _subsections(lines: list[_Line]) -> dict[str, tuple[int, int]]:
    found: dict[str, tuple[int, int]] = {}
    heads = [
        (ln.number, len(m[1]), m[2])
        for ln in lines
        if not ln.in_fence and (m := _HEADING.match(ln.raw))
    ]
    for i, (number, level, text) in enumerate(heads):
        end = next((n - 1 for n, lv, _ in heads[i + 1 :] if lv <= level), len(lines))
        found.setdefault(normalise(text), (number, end))
    return found


def _created(lines: list[_Line], new_span: tuple[int, int] | None) -> set[str]:
    """Files the plan creates: the first inline code of each New Files bullet, and every
    CREATE task's target. A file they mirror is cited like any other and must exist."""
    created: set[str] = set()
    for ln in lines:
        if ln.in_fence:
            continue
        bullet = _within(new_span, ln.number) and ln.raw.lstrip().startswith(("-", "*"))
        target = _CREATE.search(ln.raw) if not bullet else _INLINE.search(ln.raw)
        if target is not None:
            created.add(target[2].strip())
    return created


def _range(cite: re.Match[str], raw: str) -> tuple[int, int] | None:
    if cite["a"]:
        return int(cite["a"]), int(cite["b"] or cite["a"])
    if m := _LINES.search(raw):
        return int(m[1]), int(m[2] or m[1])
    return None


def _check_range(
    file: Path,
    path: str,
    bounds: tuple[int, int],
    lines: list[_Line],
    index: int,
    number: int,
    report: Report,
) -> None:
    text = file.read_text(encoding="utf-8", errors="replace").splitlines()
    start, end = bounds
    if not 1 <= start <= end <= len(text):
        report(number, "PLAN007", f"{path}:{start}-{end} is outside the file ({len(text)} lines)")
        return
    snippet = _snippet_after(lines, index)
    if snippet is not None and _squash(snippet) != _squash("\n".join(text[start - 1 : end])):
        report(number, "PLAN009", f"the snippet no longer matches {path}:{start}-{end}")


def _snippet_after(lines: list[_Line], index: int) -> str | None:
    """The fenced block right after a citation line, if any."""
    following = lines[index + 1 :]
    if not following or not _FENCE.match(following[0].raw):
        return None
    body: list[str] = []
    for ln in following[1:]:
        if _FENCE.match(ln.raw):
            return "\n".join(body)
        body.append(ln.raw)
    return None


def _squash(text: str) -> str:
    return " ".join(text.split())


# -- command line -----------------------------------------------------------------------------


def main(argv: list[str] | None = None, prog: str = TOOL) -> int:
    options = _parser(prog).parse_args(argv)
    if options.explain:
        return _explain(options.explain.upper(), prog)
    repo = Path(options.repo)
    if not repo.is_dir():
        print(f"{prog}: error: not a directory: {repo}", file=sys.stderr)
        return 2
    plans = [Path(p) for p in options.plans] or sorted((repo / ".claude/output/plans").glob("*.md"))
    missing = [p for p in plans if not p.is_file()]
    if missing:
        print(f"{prog}: error: no such plan: {missing[0]}", file=sys.stderr)
        return 2
    selected = _codes(options.select, "--select", prog)
    ignored = _codes(options.ignore, "--ignore", prog)
    disabled, findings = disabled_codes(repo)
    for plan in plans:
        text = plan.read_text(encoding="utf-8", errors="replace")
        findings += check_plan(text, plan.as_posix(), repo)
    findings = sorted(
        f
        for f in findings
        if f.code not in disabled | ignored and (not selected or f.code in selected)
    )
    emit(report(options.output_format or options.format, findings, CODES, len(plans)))
    failing = [f for f in findings if options.strict or severity(f) == "error"]
    return 1 if failing else 0


def _parser(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog, description="Check implementation plans for completeness."
    )
    parser.add_argument("plans", nargs="*", help="plan files (default: .claude/output/plans/*.md)")
    parser.add_argument("--repo", default=".", help="the repository plans cite (default: .)")
    parser.add_argument(
        "--output-format", choices=FORMATS, help="text (default), json, sarif, github"
    )
    parser.add_argument(
        "--format", choices=FORMATS, default="text", help="the same as --output-format"
    )
    parser.add_argument("--strict", action="store_true", help="warnings fail too")
    parser.add_argument(
        "--select",
        action="append",
        default=[],
        metavar="CODES",
        help="only these codes (PLAN006,PLAN009)",
    )
    parser.add_argument(
        "--ignore", action="append", default=[], metavar="CODES", help="never these codes"
    )
    parser.add_argument("--explain", metavar="CODE", help="what a code means and how to fix it")
    parser.add_argument("--version", action="version", version=f"%(prog)s {codeintel.__version__}")
    return parser


def _explain(code: str, prog: str) -> int:
    if code not in CODES:
        print(f"{prog}: error: unknown code {code}; codes are {', '.join(CODES)}", file=sys.stderr)
        return 2
    emit(explain(code, CODES))
    return 0


def _codes(values: list[str], flag: str, prog: str) -> set[str]:
    """Codes from comma-separated flags; one that does not exist is named, then left out."""
    codes = {c.strip().upper() for value in values for c in value.split(",") if c.strip()}
    for code in sorted(codes - set(CODES)):
        print(f"{prog}: warning: unknown code {code} in {flag}", file=sys.stderr)
    return codes & set(CODES)


def disabled_codes(repo: Path) -> tuple[set[str], list[Finding]]:
    """Codes switched off in ``[tool.codeintel] disable = [...]`` of the repo's pyproject, and a
    PLAN014 for each setting that cannot be read (never an error: a bad setting disables
    nothing)."""
    path = repo / "pyproject.toml"
    shown = path.as_posix()
    if not path.is_file():
        return set(), []
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return set(), [Finding("PLAN014", shown, 1, f"cannot read: {exc}")]
    tool = data.get("tool")
    settings = tool.get("codeintel") if isinstance(tool, dict) else None
    if settings is None:
        return set(), []
    if not isinstance(settings, dict):
        return set(), [Finding("PLAN014", shown, 1, "[tool.codeintel] must be a table")]
    disable = settings.get("disable", [])
    if not isinstance(disable, list) or not all(isinstance(c, str) for c in disable):
        return set(), [Finding("PLAN014", shown, 1, "disable must be a list of codes")]
    unknown = [
        Finding("PLAN014", shown, _line_of(text, code), f"unknown code {code} in disable")
        for code in sorted(set(disable) - set(CODES))
    ]
    return set(disable) & set(CODES), unknown


def _line_of(text: str, word: str) -> int:
    return next((n for n, line in enumerate(text.splitlines(), 1) if word in line), 1)
