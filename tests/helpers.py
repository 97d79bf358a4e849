"""Test helpers: the inputs a fact extractor receives, built the way ``analyze`` builds them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from codeintel.analysis import resolve_project
from codeintel.pipeline.discover import SourceFile
from codeintel.resolve.evaluate import Evaluator


@dataclass(frozen=True)
class ExtractorInput:
    root: Path
    files: list[SourceFile]
    evaluator: Evaluator


def extractor_input(root: Path) -> ExtractorInput:
    """What ``add_semantics`` is given for the project at ``root``."""
    files, resolver, _ = resolve_project(root)
    return ExtractorInput(root, files, Evaluator(resolver))
