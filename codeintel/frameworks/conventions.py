"""Conventions measured from the code: naming, async endpoints, type hints, docstrings, logging
and error handling, each with counts and an example location."""

from __future__ import annotations

import re
from collections.abc import Callable

from codeintel.facts.conventions import Convention
from codeintel.facts.exceptions import ErrorFacts
from codeintel.facts.models import ModuleFacts, SymbolFact
from codeintel.facts.routes import Route
from codeintel.pipeline.layout import is_test_path
from codeintel.resolve.evaluate import Evaluator

_SNAKE = re.compile(r"_*[a-z][a-z0-9_]*")
_PASCAL = re.compile(r"_*[A-Z][A-Za-z0-9]*")
_LOGGING = ("logging", "structlog", "loguru")
#: Calls that configure logging, by the library they belong to.
_LOGGING_SETUP = {
    "logging.basicConfig": "logging",
    "logging.config.dictConfig": "logging",
    "logging.config.fileConfig": "logging",
    "structlog.configure": "structlog",
    "loguru.logger.add": "loguru",
    "loguru.logger.configure": "loguru",
}


def measure_conventions(
    evaluator: Evaluator, routes: list[Route], errors: ErrorFacts
) -> list[Convention]:
    """Conventions of the project's own (non-test) code, in a fixed topic order."""
    modules = sorted(
        (m for m in evaluator.resolver.modules.values() if not is_test_path(m.file)),
        key=lambda m: m.file,
    )
    functions = _symbols(modules, lambda s: s.kind in {"function", "method"})
    classes = _symbols(modules, lambda s: s.kind == "class")
    named = [
        (m, s) for m, s in functions if not (s.name.startswith("__") and s.name.endswith("__"))
    ]
    public = [(m, s) for m, s in functions + classes if not s.name.startswith("_")]
    found = [
        _share("function names", "snake_case", "functions and methods", named, _snake),
        _share("class names", "PascalCase", "classes", classes, _pascal),
        _async_endpoints(evaluator, routes),
        _share("type hints", "fully annotated", "functions and methods", functions, _annotated),
        _share("docstrings", "documented", "public functions and classes", public, _documented),
        _logging(modules, evaluator),
        _errors(errors),
    ]
    return [c for c in found if c is not None]


_Located = tuple[ModuleFacts, SymbolFact]


def _symbols(modules: list[ModuleFacts], wanted: Callable[[SymbolFact], bool]) -> list[_Located]:
    return [(m, s) for m in modules for s in m.symbols if wanted(s)]


def _share(
    topic: str,
    style: str,
    unit: str,
    items: list[_Located],
    follows: Callable[[SymbolFact], bool],
) -> Convention | None:
    if not items:
        return None
    following = [(m, s) for m, s in items if follows(s)]
    example = following[0] if following else items[0]
    return Convention(
        topic=topic,
        finding=style,
        count=len(following),
        total=len(items),
        unit=unit,
        file=example[0].file,
        line=example[1].start_line,
    )


def _snake(symbol: SymbolFact) -> bool:
    return bool(_SNAKE.fullmatch(symbol.name))


def _pascal(symbol: SymbolFact) -> bool:
    return bool(_PASCAL.fullmatch(symbol.name))


def _annotated(symbol: SymbolFact) -> bool:
    params = [p for p in symbol.params if p.name not in {"self", "cls"}]
    has_return = symbol.returns is not None or symbol.name == "__init__"
    return has_return and all(p.annotation is not None for p in params)


def _documented(symbol: SymbolFact) -> bool:
    return bool(symbol.docstring)


def _async_endpoints(evaluator: Evaluator, routes: list[Route]) -> Convention | None:
    endpoints = sorted({(r.file, r.line, r.endpoint) for r in routes})
    facts = [(f, n, evaluator.resolver.symbols.get(e)) for f, n, e in endpoints]
    known = [(f, n, s) for f, n, s in facts if s is not None]
    if not known:
        return None
    asynchronous = [(f, n) for f, n, s in known if s.is_async]
    file, line = asynchronous[0] if asynchronous else known[0][:2]
    return Convention(
        topic="async endpoints",
        finding="async def",
        count=len(asynchronous),
        total=len(known),
        unit="endpoints",
        file=file,
        line=line,
    )


def _logging(modules: list[ModuleFacts], evaluator: Evaluator) -> Convention | None:
    users: dict[str, list[tuple[str, int]]] = {name: [] for name in _LOGGING}
    for module in modules:
        for library in {i.target.partition(".")[0] for i in module.imports} & set(_LOGGING):
            line = min(i.line for i in module.imports if i.target.partition(".")[0] == library)
            users[library].append((module.file, line))
    used = [name for name in _LOGGING if users[name]]
    if not used:
        return None
    library = max(used, key=lambda name: len(users[name]))  # ties: the earlier in _LOGGING
    setup = _logging_setup(modules, evaluator, library)
    how = "configured by a call" if setup else "no configuration call found"
    others = "".join(f"; also {name} in {len(users[name])}" for name in used if name != library)
    file, line = setup or users[library][0]
    return Convention(
        topic="logging",
        finding=f"{library}, {how}{others}",
        count=len(users[library]),
        total=len(modules),
        unit="modules import it",
        file=file,
        line=line,
    )


def _logging_setup(
    modules: list[ModuleFacts], evaluator: Evaluator, library: str
) -> tuple[str, int] | None:
    for module in modules:
        for call in module.calls:
            called = evaluator.qualified(call.value.func) if call.role == "call" else None
            if called is not None and _LOGGING_SETUP.get(called) == library:
                return module.file, call.line
    return None


def _errors(errors: ErrorFacts) -> Convention | None:
    raises = errors.raises
    if not raises and not errors.handlers:
        return None
    http = [r for r in raises if r.status_code is not None or r.exception.endswith("HTTPException")]
    custom = {e.qualname for e in errors.exceptions}
    domain = [r for r in raises if r.exception in custom]
    handled = sorted({h.exception.rpartition(".")[2] for h in errors.handlers})
    finding = (
        f"HTTPException raised directly at {len(http)}, project exceptions at {len(domain)}; "
        f"exception handlers for {', '.join(handled) if handled else 'none'}"
    )
    example = errors.handlers[0] if errors.handlers else raises[0]
    return Convention(
        topic="errors",
        finding=finding,
        count=len(http) + len(domain),
        total=len(raises),
        unit="raise sites",
        file=example.file,
        line=example.line,
    )
