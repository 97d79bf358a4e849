"""How ``render check`` reports: text for people, JSON, SARIF 2.1.0 for code scanning, GitHub
workflow annotations; and what each code means, for ``--explain``."""

from __future__ import annotations

import json
import os
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import codeintel
from codeintel import Diagnostic

FORMATS = ("text", "json", "sarif", "github")
TOOL = "codeintel-check-plans"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"

#: code -> why it matters and how to fix it, for ``--explain`` and SARIF's rule help.
EXPLAIN = {
    "PLAN001": "Every section of the plan template is there so the implementer does not have to "
    "guess. Add the missing section as a `##` heading (any case, punctuation ignored).",
    "PLAN002": "An empty section reads as done but says nothing. Write its content, or say in "
    "a sentence why there is none.",
    "PLAN003": "Sections are read in the template's order, each building on the last. Move the "
    "section to its place.",
    "PLAN004": "A placeholder means the plan was not filled in. Replace it with the real value.",
    "PLAN005": "Each task needs IMPLEMENT (what), PATTERN (the code to copy), IMPORTS and "
    "VALIDATE (the command that proves it). Add the missing field lines to the task.",
    "PLAN006": "The plan cites a file (to read, to mirror, a pattern's source, a task's target) "
    "that is not in the repository: it was moved, deleted or invented. Cite the file as it is "
    "now, list it under New Files to Create, or write the plan again.",
    "PLAN007": "The cited lines are past the end of the file, so they point at code that is "
    "gone. Cite the lines the code has now, or write the plan again.",
    "PLAN008": "A file listed as new exists already: creating it would overwrite work. Cite it "
    "as a file to update instead; once a plan is carried out, move it out of the plans folder.",
    "PLAN009": "The snippet under a `file:lines` citation differs from those lines now: the code "
    "changed under the plan. Copy the snippet again from the file, or write the plan again.",
    "PLAN010": "Each of the five validation levels (style, types, unit, integration, the whole "
    "suite) needs a `### Level N` heading and its commands; write 'no tool configured' where "
    "the project has none.",
    "PLAN011": "A TODO, TBD, ??? or [NEEDS CLARIFICATION] is a question the plan leaves to the "
    "implementer. Answer it in the plan.",
    "PLAN012": "The first heading names the feature: `# Feature: <name>`.",
    "PLAN013": "The Step-by-Step Tasks section must hold tasks: `### Task 1: CREATE ...` or a "
    "numbered `1. CREATE ...` list.",
    "PLAN014": "The repository's pyproject.toml could not be read, `[tool.codeintel] disable` is "
    "not a list of strings, or it names a code that does not exist. Fix the setting: the check "
    "ran with no code switched off.",
}


def emit(text: str) -> None:
    """Print ``text``; a reader that went away (``| head``) ends the output quietly, the rest
    going to /dev/null so nothing fails as the interpreter flushes stdout at exit."""
    try:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def report(
    fmt: str, findings: Sequence[Diagnostic], codes: dict[str, tuple[str, str]], plans: int
) -> str:
    if fmt == "json":
        return json.dumps([finding_json(f, codes) for f in findings], indent=2)
    if fmt == "sarif":
        return json.dumps(sarif(findings, codes), indent=2)
    if fmt == "github":
        return "\n".join(_annotation(f, codes) for f in findings)
    return "\n".join([*(str(f) for f in findings), summary(findings, codes, plans)])


def summary(findings: Sequence[Diagnostic], codes: dict[str, tuple[str, str]], plans: int) -> str:
    if not findings:
        return "All plans complete." if plans else "No plans to check."
    errors = sum(codes[f.code][0] == "error" for f in findings)
    warnings = len(findings) - errors
    return f"{_count(errors, 'error')}, {_count(warnings, 'warning')} in {_count(plans, 'plan')}"


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def finding_json(finding: Diagnostic, codes: dict[str, tuple[str, str]]) -> dict[str, str | int]:
    """The plan checker's JSON names the file ``path``."""
    return {
        "path": finding.file,
        "line": finding.line,
        "code": finding.code,
        "message": finding.message,
        "severity": codes[finding.code][0],
    }


def explain(code: str, codes: dict[str, tuple[str, str]]) -> str:
    severity, meaning = codes[code]
    return f"{code} ({severity}): {meaning}\n\n{textwrap.fill(EXPLAIN[code], 79)}"


# -- SARIF and GitHub annotations ---------------------------------------------------------


def sarif(findings: Sequence[Diagnostic], codes: dict[str, tuple[str, str]]) -> dict[str, Any]:
    """One run of this tool; every code is a rule, so a viewer can show its help."""
    order = sorted(codes)
    rules = [
        {
            "id": code,
            "shortDescription": {"text": codes[code][1]},
            "fullDescription": {"text": EXPLAIN[code]},
            "help": {"text": EXPLAIN[code]},
            "defaultConfiguration": {"level": codes[code][0]},
        }
        for code in order
    ]
    results = [
        {
            "ruleId": f.code,
            "ruleIndex": order.index(f.code),
            "level": codes[f.code][0],
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(f.file)},
                        "region": {"startLine": max(f.line, 1)},
                    }
                }
            ],
        }
        for f in findings
    ]
    driver = {"name": TOOL, "version": codeintel.__version__, "rules": rules}
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "results": results}],
    }


def _uri(file: str) -> str:
    """A relative path stays relative (code scanning resolves it against the checkout)."""
    path = Path(file)
    return path.as_uri() if path.is_absolute() else path.as_posix()


def _annotation(finding: Diagnostic, codes: dict[str, tuple[str, str]]) -> str:
    """A workflow command: GitHub shows it on the plan's line in the pull request."""
    severity = codes[finding.code][0]
    where = f"file={_escape(finding.file, True)},line={finding.line},title={finding.code}"
    return f"::{severity} {where}::{_escape(finding.message, False)}"


def _escape(text: str, property_: bool) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_ else text
