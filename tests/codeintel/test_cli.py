from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from codeintel.cli import main


def test_summary(fixtures: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(fixtures / "broken_repo")]) == 0
    out = capsys.readouterr().out
    assert "modules: 4" in out
    assert "diagnostics: 6" in out
    assert "pkg/syntax_error.py:1: CI103" in out


def test_json_output(fixtures: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(fixtures / "import_shapes"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"nodes", "edges", "graph"} <= set(data)


@pytest.mark.slow
def test_missing_path_is_a_one_line_error(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "codeintel", str(tmp_path / "nope")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("codeintel: not a directory:")
