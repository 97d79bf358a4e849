"""Errors: the project's exception classes, where exceptions are raised, and their handlers."""

from __future__ import annotations

import builtins

from codeintel.facts.exceptions import ErrorFacts, ExceptionClass, Handler, RaiseSite
from codeintel.facts.models import ModuleFacts, Value
from codeintel.pipeline.layout import is_test_path
from codeintel.resolve.evaluate import Evaluator
from codeintel.resolve.framework_names import HTTP_EXCEPTIONS

_BUILTIN_EXCEPTIONS = frozenset(
    name
    for name in dir(builtins)
    if isinstance(getattr(builtins, name), type)
    and issubclass(getattr(builtins, name), BaseException)
)


def extract_errors(evaluator: Evaluator) -> ErrorFacts:
    modules = sorted(evaluator.resolver.modules.values(), key=lambda m: m.file)
    raises: list[RaiseSite] = []
    handlers: list[Handler] = []
    for module in modules:
        if is_test_path(module.file):
            continue
        raises += _raises(module, evaluator)
        handlers += _handlers(module, evaluator)
    return ErrorFacts(
        exceptions=_exception_classes(modules, evaluator),
        raises=tuple(raises),
        handlers=tuple(sorted(handlers, key=lambda h: (h.file, h.line))),
    )


def _exception_classes(
    modules: list[ModuleFacts], evaluator: Evaluator
) -> tuple[ExceptionClass, ...]:
    resolver = evaluator.resolver
    roots = {
        f"{module.module}.{fact.qualname}"
        for module in modules
        for fact in module.symbols
        if any(base.text.rpartition(".")[2] in _BUILTIN_EXCEPTIONS for base in fact.bases)
    }
    found = []
    for qualname, fact in resolver.symbols.items():
        if fact.kind == "class" and roots & set(resolver.mro(qualname)):
            module = resolver.modules[resolver.symbol_module[qualname]]
            if not is_test_path(module.file):
                found.append(
                    ExceptionClass(
                        qualname=qualname,
                        file=module.file,
                        line=fact.start_line,
                        bases=resolver.class_bases(qualname),
                    )
                )
    return tuple(sorted(found, key=lambda e: (e.file, e.line)))


def _raises(module: ModuleFacts, evaluator: Evaluator) -> list[RaiseSite]:
    found = []
    for call in module.calls:
        if call.role != "raise":
            continue
        value = call.value
        target = value.func if value.kind == "call" else value
        exception = evaluator.qualified(target) or (target.text if target else value.text)
        status = detail = None
        if exception in HTTP_EXCEPTIONS and value.kind == "call":
            status = evaluator.status_code(value.keyword("status_code") or _first(value))
            detail_value = value.keyword("detail") or (
                value.items[1] if len(value.items) > 1 else None
            )
            detail = detail_value.text if detail_value is not None else None
        function = f"{module.module}.{call.scope}" if call.scope else ""
        found.append(
            RaiseSite(
                file=module.file,
                line=call.line,
                exception=exception,
                status_code=status,
                detail=detail,
                function=function,
            )
        )
    return found


def _first(value: Value) -> Value | None:
    return value.items[0] if value.items else None


def _handlers(module: ModuleFacts, evaluator: Evaluator) -> list[Handler]:
    found = []
    for fact in module.symbols:
        for decorator, line in zip(fact.decorators, fact.decorator_lines, strict=False):
            if _calls(decorator, ".exception_handler") and decorator.items:
                found.append(
                    Handler(
                        file=module.file,
                        line=line,
                        exception=_name(decorator.items[0], evaluator),
                        handler=f"{module.module}.{fact.qualname}",
                    )
                )
    for call in module.calls:
        value = call.value
        if call.role == "call" and _calls(value, ".add_exception_handler") and len(value.items) > 1:
            found.append(
                Handler(
                    file=module.file,
                    line=call.line,
                    exception=_name(value.items[0], evaluator),
                    handler=_name(value.items[1], evaluator),
                )
            )
    return found


def _calls(value: Value, suffix: str) -> bool:
    return value.kind == "call" and value.func is not None and value.func.text.endswith(suffix)


def _name(value: Value, evaluator: Evaluator) -> str:
    return evaluator.qualified(value) or value.text
