"""The README's tables of codes are the code's own tables, row for row."""

from __future__ import annotations

import re
import typing
from pathlib import Path

from codeintel.diagnostics import CODES as CODEINTEL_CODES
from codeintel.facts.ids import EdgeKind
from render.check import CODES as PLAN_CODES

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
_ROW = re.compile(r"^\| ([A-Z]+\d{3}) \| (.*) \|$")


def _table(heading: str) -> dict[str, tuple[str, ...]]:
    """code -> the row's other cells, from the table under ``heading``."""
    section = README.split(f"\n{heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = (_ROW.match(line) for line in section.splitlines())
    return {row[1]: tuple(row[2].split(" | ")) for row in rows if row}


def test_the_diagnostics_table_is_codeintels() -> None:
    expected = {code: (meaning,) for code, meaning in CODEINTEL_CODES.items()}
    assert _table("## Diagnostics") == expected


def test_the_plan_check_table_is_renders() -> None:
    assert _table("## Checking plans, and the pre-commit hooks") == PLAN_CODES


def test_every_code_the_source_emits_is_in_a_table() -> None:
    """A code used in codeintel's source but missing from its table would be undocumented."""
    root = Path(__file__).resolve().parent.parent
    emitted = {
        code
        for path in sorted((root / "codeintel").rglob("*.py"))
        if path.name != "diagnostics.py"
        for code in re.findall(r"\"(CI\d{3})\"", path.read_text(encoding="utf-8"))
    }
    assert emitted == set(CODEINTEL_CODES)


def test_the_graph_section_names_every_edge_kind() -> None:
    section = README.split("\n## The graph\n", 1)[1].split("\n## ", 1)[0]
    missing = [kind for kind in typing.get_args(EdgeKind) if f"`{kind}`" not in section]
    assert missing == []


def test_every_subcommand_is_in_the_command_table() -> None:
    from codeintel.cli import COMMANDS

    section = README.split("\n## The `codeintel` command\n", 1)[1].split("\n## ", 1)[0]
    listed = set(re.findall(r"^\| `codeintel (\w+)", section, re.M))
    assert listed == set(COMMANDS)
