"""Diagnostics: problems met while analysing, as data with stable codes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

#: Every code codeintel emits, with what it means: the README's table (a test keeps them equal).
CODES: Final[dict[str, str]] = {
    "CI101": (
        "file could not be read, or is not a regular file (a pipe, socket or device is never "
        "read: it could block forever)"
    ),
    "CI102": (
        "file is not valid text in its declared encoding (or the declared encoding is unknown); "
        "a Python file is then not analysed, configuration and docs are read anyway, with "
        "replacement characters"
    ),
    "CI103": "Python file does not parse (Python's own message and line where it has one)",
    "CI104": "file is larger than the size cap (`analyze(..., max_file_size=)`, 2 MB by default)",
    "CI105": (
        "symbolic link not followed: it leaves the repository, dangles, loops, or is a "
        "directory link"
    ),
    "CI106": "file contains NUL bytes",
    "CI107": (
        "analysis of a file failed (nesting too deep, or a bug in codeintel meeting an "
        "unforeseen shape: please report the message); the other files are analysed"
    ),
    "CI108": (
        "module not analysed: a package of the same name sits beside it (`x.py` next to "
        "`x/__init__.py`), so Python imports the package and never this file"
    ),
    "CI110": (
        "`pyproject.toml` or other configuration is malformed (also: a bad requirement, an "
        "`include-group` cycle)"
    ),
    "CI201": "part of a route's path cannot be known statically; a `<?...>` placeholder stands in",
    "CI202": "a route's router, app, loop items, handler or copied routes cannot be resolved",
    "CI203": (
        "`pytest_plugins` names plugins that cannot be known statically (built at run time by "
        "a call, or a `glob` whose pattern is computed or matches no file); their fixtures are "
        "not seen"
    ),
    "CI204": (
        "a `Depends`/`Security` provider cannot be resolved; it is kept as written (a `<?...>` "
        "placeholder for an expression) and its own dependencies are unknown; or an endpoint "
        "or provider gets its signature at run time (makefun's `with_signature`), or lives in a "
        "library (a fastapi-users router's endpoints), so the dependencies FastAPI finds there "
        "are unknown"
    ),
    "CI205": (
        "a test module, conftest or plugin adds names to its own namespace at run time "
        "(`globals().update(...)`, or pytest-factoryboy's `register(...)` of a factory or model "
        "we cannot read); the tests and fixtures it adds are not seen"
    ),
    "CI206": (
        "a route or include is declared on a router after an `include_router` of it, lower in "
        "the same module: FastAPI before 0.137 copied the router's routes at the include and "
        "never serves it there; 0.137 on does (its condition: `fastapi >= 0.137`); or a "
        "mount on a router that is included, which `include_router` never serves"
    ),
    "CI301": (
        "a model's fields may read apart from pydantic's: the project's requirements admit "
        "pydantic 1 and 2 (`pydantic>=1.8`), which read fields apart, or pin it both below "
        "and from 2; its models are read with pydantic 2's rules; or a project class decorator "
        "builds the model anew with `create_model` or writes into its fields (`__fields__`, "
        "`model_fields`); the class body's fields are kept; or a class's base is a variable a "
        "run-time test binds to a model or to another class: not read as a model"
    ),
    "CI901": (
        "reading one statement for routes failed (a bug in codeintel meeting an unforeseen "
        "shape: please report the message); the routes it adds are missing, the others stand"
    ),
    "CI900": (
        "a fact family (routes, schemas, tests...) failed on this project: a bug in codeintel, "
        "please report the message; that family's facts are missing, the others stand"
    ),
}


_LINE_BREAKS = re.compile(r"\s*\n\s*")


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem found at a place; sorts by (file, line, code) so output is stable."""

    code: str
    file: str
    line: int
    message: str

    def __post_init__(self) -> None:
        # a message quoting a statement that spans lines (a loop's header) stays one line,
        # as printed and as a plan quotes it
        object.__setattr__(self, "message", _LINE_BREAKS.sub(" ", self.message))

    def __lt__(self, other: Diagnostic) -> bool:
        return (self.file, self.line, self.code, self.message) < (
            other.file,
            other.line,
            other.code,
            other.message,
        )

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.code} {self.message}"
