"""FastAPI dependency injection: which providers a parameter list or ``dependencies=`` asks for."""

from __future__ import annotations

from codeintel.evaluate import Evaluator
from codeintel.frameworks import ANNOTATED, DEPENDS
from codeintel.models import Param, Value

_MAX_HOPS = 8


def param_providers(params: tuple[Param, ...], evaluator: Evaluator) -> list[str]:
    """Providers named by ``Depends``/``Security`` in defaults or ``Annotated`` metadata,
    including aliases such as ``SessionDep = Annotated[Session, Depends(get_db)]``."""
    found: list[str] = []
    for param in params:
        if _is_depends(param.default, evaluator):
            assert param.default is not None
            found.extend(_provider(param.default, param.annotation, evaluator))
        else:
            found.extend(_annotated(param.annotation, evaluator, 0))
    return found


def list_providers(value: Value | None, evaluator: Evaluator) -> list[str]:
    """Providers in a ``dependencies=[Depends(a), Security(b)]`` list."""
    if value is None or value.kind != "list":
        return []
    found: list[str] = []
    for item in value.items:
        if _is_depends(item, evaluator):
            found.extend(_provider(item, None, evaluator))
    return found


def _is_depends(value: Value | None, evaluator: Evaluator) -> bool:
    return value is not None and evaluator.called_class(value) in DEPENDS


def _provider(call: Value, annotation: Value | None, evaluator: Evaluator) -> list[str]:
    target = call.keyword("dependency") or (call.items[0] if call.items else None)
    if target is None:  # ``x: Pagination = Depends()`` depends on the annotated class
        target = annotation
    name = evaluator.qualified(target)
    return [name] if name is not None else []


def _annotated(annotation: Value | None, evaluator: Evaluator, hops: int) -> list[str]:
    if annotation is None or hops > _MAX_HOPS:
        return []
    if annotation.kind == "name":
        key = evaluator.variable(annotation.ref)
        return _annotated(evaluator.binding(key), evaluator, hops + 1) if key else []
    if annotation.kind != "subscript" or not annotation.items:
        return []
    if evaluator.qualified(annotation.items[0]) not in ANNOTATED:
        return []
    base = annotation.items[1] if len(annotation.items) > 1 else None
    found: list[str] = []
    for meta in annotation.items[2:]:
        if _is_depends(meta, evaluator):
            found.extend(_provider(meta, base, evaluator))
    return found
