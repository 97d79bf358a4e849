"""Test helpers: the inputs a fact extractor receives, built the way ``analyze`` builds them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

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
