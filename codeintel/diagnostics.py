"""Diagnostics: problems met while analysing, as data with stable codes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

#: Every code codeintel emits, with what it means. The README's table is generated from this.
CODES: Final[dict[str, str]] = {
    "CI101": "file could not be read (or is not a regular file: a pipe, socket or device)",
    "CI102": "file is not valid text in its declared encoding",
    "CI103": "Python file does not parse",
    "CI104": "file is larger than the size cap and was skipped",
    "CI105": "symbolic link not followed (outside the repo, dangling, a loop, a directory)",
    "CI106": "file contains NUL bytes",
    "CI107": "analysis of a file failed unexpectedly",
    "CI110": "pyproject.toml (or other config) is malformed",
    "CI201": "part of a route's path cannot be known statically",
    "CI202": "include_router names a router that cannot be resolved",
}


@dataclass(frozen=True)
class Diagnostic:
    """One problem found at a place; sorts by (file, line, code) so output is stable."""

    code: str
    file: str
    line: int
    message: str

    def __lt__(self, other: Diagnostic) -> bool:
        return (self.file, self.line, self.code, self.message) < (
            other.file,
            other.line,
            other.code,
            other.message,
        )

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.code} {self.message}"
