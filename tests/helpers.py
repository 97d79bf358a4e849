"""Test helpers: the inputs a fact extractor receives, built the way ``analyze`` builds them,
and the runtime oracles (FastAPI, pydantic) run on a project."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from codeintel.analysis import DEFAULT_MAX_FILE_SIZE
from codeintel.extract.workers import extract_all
from codeintel.facts.models import ModuleFacts
from codeintel.pipeline.discover import SourceFile, discover
from codeintel.pipeline.read import read_python
from codeintel.pipeline.roots import name_jobs
from codeintel.resolve.evaluate import Evaluator
from codeintel.resolve.resolver import Resolver


@dataclass(frozen=True)
class ExtractorInput:
    root: Path
    files: list[SourceFile]
    evaluator: Evaluator


def extractor_input(root: Path) -> ExtractorInput:
    """What ``add_semantics`` is given for the project at ``root`` (parsed here, uncached)."""
    files, _ = discover(root)
    jobs, _ = read_python(root, files, DEFAULT_MAX_FILE_SIZE)
    jobs, naming = name_jobs(root, files, jobs)
    results = extract_all(jobs, workers=1, executor=None)
    facts = [r for r in results if isinstance(r, ModuleFacts)]
    return ExtractorInput(root, files, Evaluator(Resolver(facts, naming.aliases, naming.scoped)))


def oracle(script: str, project: Path, *args: str, env: dict[str, str] | None = None) -> Any:
    """What ``tests/<script>`` prints as JSON for ``project``, run from it in a process of its
    own (so the project's modules are imported fresh), with ``env`` added to the environment."""
    result = subprocess.run(
        [sys.executable, str(Path(__file__).resolve().parent / script), str(project), *args],
        cwd=project,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **(env or {})},
    )
    return json.loads(result.stdout)
