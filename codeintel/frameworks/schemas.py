"""Pydantic models (BaseModel, BaseSettings, SQLModel and project subclasses) and their fields."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from codeintel.facts.models import AssignFact, Guard, SymbolFact, Value
from codeintel.facts.schemas import Schema, SchemaField, SchemaKind
from codeintel.resolve.evaluate import Evaluator
from codeintel.resolve.framework_names import (
    ANNOTATED,
    FIELD,
    MODEL_ROOTS,
    PARAMETER_MARKERS,
    ROOT_MODELS,
    SETTINGS_ROOTS,
    V1_MODEL_ROOTS,
    VALIDATORS,
)

#: FastAPI's ``Query(...)``, ``Body(...)``... build pydantic ``FieldInfo``s, read in a model
#: as ``Field(...)`` is (the default first, or ``default=``).
_FIELDS = FIELD | PARAMETER_MARKERS
_CLASS_VARS = frozenset({"typing.ClassVar", "typing_extensions.ClassVar"})
_CHECKING = frozenset({"typing.TYPE_CHECKING", "typing_extensions.TYPE_CHECKING"})
#: pydantic's own test of a quoted annotation (``x: "ClassVar[int]"``), made before it is
#: evaluated: a name ending in ``ClassVar``, perhaps inside ``Annotated[``, whatever imports it.
_QUOTED_CLASS_VAR = re.compile(r"((\w+\.)?Annotated\[)?(\w+\.)?ClassVar\[")
_CONFIG_NAMES = frozenset({"model_config", "Config"})
_NOT_FIELDS = frozenset({"sqlmodel.Relationship", "sqlmodel.main.Relationship"})


def extract_schemas(
    evaluator: Evaluator, known: Sequence[Schema] = (), read: Collection[str] = ()
) -> list[Schema]:
    """Every class whose bases reach a pydantic model root, sorted by qualified name.
    ``known``: the schemas of the modules ``read`` already (those serving the app, read alone
    and kept from run to run), returned as they are; a class elsewhere inherits their fields."""
    resolver = evaluator.resolver
    schemas = [
        qualname
        for qualname, fact in resolver.symbols.items()
        if fact.kind == "class" and resolver.symbol_module[qualname] not in read
        if evaluator.is_subclass(qualname, MODEL_ROOTS)
    ]
    declared = {s.qualname: s.fields for s in known}
    declared.update((q, _declared_fields(q, evaluator)) for q in schemas)
    # pydantic 2 reads the annotations of every class in a model's MRO: a plain mixin's
    # (``class Item(BaseModel, Timestamped)``) are fields too; pydantic.v1 reads models' only.
    models = dict(declared)
    declared.update(
        (c, _declared_fields(c, evaluator))
        for q in schemas
        for c in resolver.mro(q)
        if c not in models and c in resolver.symbols and resolver.symbols[c].kind == "class"
    )
    methods: dict[str, list[SymbolFact]] = {q: [] for q in schemas}
    for name, fact in resolver.symbols.items():
        owner = name.rpartition(".")[0]
        if fact.kind == "method" and owner in methods:
            methods[owner].append(fact)
    found = [
        _schema(
            q,
            models if evaluator.is_subclass(q, V1_MODEL_ROOTS) else declared,
            methods[q],
            evaluator,
        )
        for q in schemas
    ]
    return sorted([*known, *found], key=lambda s: s.qualname)


def _schema(
    qualname: str,
    declared: dict[str, tuple[SchemaField, ...]],
    methods: list[SymbolFact],
    evaluator: Evaluator,
) -> Schema:
    resolver = evaluator.resolver
    fact = resolver.symbols[qualname]
    module = resolver.symbol_module[qualname]
    return Schema(
        name=fact.name,
        qualname=qualname,
        kind=_kind(qualname, fact, evaluator),
        file=resolver.modules[module].file,
        line=fact.start_line,
        end_line=fact.end_line,
        bases=resolver.class_bases(qualname),
        fields=declared[qualname],
        all_fields=_all_fields(qualname, declared, evaluator),
        config=_config(qualname, evaluator),
        validators=_validators(methods, evaluator),
    )


def _all_fields(
    qualname: str, declared: dict[str, tuple[SchemaField, ...]], evaluator: Evaluator
) -> tuple[SchemaField, ...]:
    """A model's fields as pydantic collects them: named in the order of the reversed MRO
    (each where first annotated), each taken from the class itself, else from the first
    direct base that has it, as that base has it: a diamond's ``a`` comes through the first
    branch, even where the MRO puts the other branch's override first."""
    order = dict.fromkeys(
        f.name
        for owner in reversed(evaluator.resolver.mro(qualname))
        for f in declared.get(owner, ())
    )
    found = _inherited_fields(qualname, declared, evaluator, set())
    return tuple(found[name] for name in order if name in found)


def _inherited_fields(
    cls: str, declared: dict[str, tuple[SchemaField, ...]], evaluator: Evaluator, seen: set[str]
) -> dict[str, SchemaField]:
    """pydantic's ``collect_model_fields``: the direct bases' fields, the first base's
    winning, then the class's own."""
    found: dict[str, SchemaField] = {}
    if cls in seen:
        return found  # a cycle of bases: Python itself would refuse it
    for base in reversed(evaluator.resolver.class_bases(cls)):
        found.update(_inherited_fields(base, declared, evaluator, seen | {cls}))
    found.update((f.name, f) for f in declared.get(cls, ()))
    return found


def _kind(qualname: str, fact: SymbolFact, evaluator: Evaluator) -> SchemaKind:
    if evaluator.is_subclass(qualname, SETTINGS_ROOTS):
        return "settings"
    table = dict(fact.keywords).get("table")
    return "table" if table is not None and table.text == "True" else "model"


def _class_assigns(qualname: str, evaluator: Evaluator) -> list[AssignFact]:
    module = evaluator.resolver.symbol_module[qualname]
    scope = qualname[len(module) + 1 :]
    return [a for a in evaluator.resolver.modules[module].assigns if a.scope == scope]


def _declared_fields(qualname: str, evaluator: Evaluator) -> tuple[SchemaField, ...]:
    fields = []
    v1 = evaluator.is_subclass(qualname, V1_MODEL_ROOTS)
    for assign in _class_assigns(qualname, evaluator):
        if assign.annotation is None or assign.name.startswith("_"):
            continue  # pydantic ignores unannotated and private attributes
        if assign.name in _CONFIG_NAMES or _is_class_var(assign.annotation, evaluator):
            continue
        if any(_type_checking(g, qualname, evaluator) for g in assign.guards):
            continue  # ``if TYPE_CHECKING:`` in a class body: only type checkers see it
        if evaluator.called_class(assign.value) in _NOT_FIELDS:
            continue  # an ORM relationship lives on the table class, not among the fields
        fields.append(_field(assign, qualname, evaluator, v1))
    root = _root_field(qualname, evaluator)
    if root is not None and all(f.name != "root" for f in fields):
        fields.insert(0, root)
    return tuple(fields)


def _root_field(qualname: str, evaluator: Evaluator) -> SchemaField | None:
    """The ``root`` field a class deriving from ``RootModel`` itself has, of the type its base
    names (``RootModel[list[str]]``; unparameterised, any), required: pydantic's RootModel
    annotates ``root`` and gives no default."""
    fact = evaluator.resolver.symbols[qualname]
    for base in fact.bases:
        name = base.items[0] if base.kind == "subscript" and base.items else base
        if evaluator.qualified(name) in ROOT_MODELS:
            annotation = base.items[1].text if len(base.items) > 1 else "Any"
            return SchemaField(
                name="root",
                annotation=annotation,
                required=True,
                default=None,
                constraints=(),
                line=fact.start_line,
                declared_in=qualname,
            )
    return None


def _field(assign: AssignFact, owner: str, evaluator: Evaluator, v1: bool) -> SchemaField:
    assert assign.annotation is not None
    value = assign.value
    constraints: tuple[tuple[str, str], ...] = ()
    default = value
    # ``x: Annotated[str | None, Field(max_length=5, default=None)]`` says the same as
    # ``x: str | None = Field(max_length=5, default=None)``.
    metadata = _annotated_field(assign.annotation, evaluator)
    called = evaluator.called_class(value)
    field = value if called in _FIELDS or _forwards_to_field(called, evaluator) else metadata
    if field is not None:
        if field is value or value is None:
            default = field.keyword("default") or (field.items[0] if field.items else None)
        constraints = tuple((k, _source(v)) for k, v in field.keywords if k != "default")
    has_factory = any(k == "default_factory" for k, _ in constraints)
    if default is None and v1 and _admits_none(assign.annotation, evaluator):
        default = Value("const", "None")  # pydantic 1: ``x: Optional[int]`` defaults to None
    missing = default is None or default.text == "..."
    return SchemaField(
        name=assign.name,
        annotation=assign.annotation.text,
        required=missing and not has_factory,
        default=None if default is None or missing else _source(default),
        constraints=constraints,
        line=assign.line,
        declared_in=owner,
    )


def _admits_none(annotation: Value, evaluator: Evaluator) -> bool:
    """Whether pydantic 1 lets the field be None, and so gives it None when no default is
    written: ``Optional[T]``, a union with None (``T | None``, ``Union[T, None]``), ``Any``."""
    if annotation.kind == "union":
        return any(item.kind == "const" and item.text == "None" for item in annotation.items)
    if annotation.kind == "subscript" and annotation.items:
        name = evaluator.qualified(annotation.items[0])
        rest = annotation.items[1:]
        if name in _OPTIONAL:
            return True
        if name in _UNION:
            args = rest[0].items if len(rest) == 1 and rest[0].kind == "list" else rest
            return any(a.kind == "const" and a.text == "None" for a in args)
        return False
    return evaluator.qualified(annotation) in _ANY


_OPTIONAL = frozenset({"typing.Optional", "typing_extensions.Optional"})
_UNION = frozenset({"typing.Union", "typing_extensions.Union"})
_ANY = frozenset({"typing.Any", "typing_extensions.Any"})


def _forwards_to_field(function: str | None, evaluator: Evaluator) -> bool:
    """Whether ``function`` is a project wrapper returning ``Field(*args, **kwargs)`` of its
    own arguments, other keywords perhaps added (mealie's ``UpdatedAtField``): a call of it
    reads as ``Field``'s, unless the wrapper sets a default of its own
    (``kwargs.setdefault("default", None)``)."""
    fact = evaluator.resolver.symbols.get(function) if function else None
    if function is None or fact is None or fact.kind != "function" or len(fact.returned) != 1:
        return False
    returned = fact.returned[0]
    stars = {p.kind: p.name for p in fact.params if p.kind in ("star", "double_star")}
    passed = dict(returned.keywords)
    spread = returned.items[0] if len(returned.items) == 1 else None
    return (
        evaluator.called_class(returned) in FIELD
        and len(stars) == 2
        and spread is not None
        and spread.kind == "star"
        and spread.items[0].ref == f"{function}.<locals>.{stars['star']}"
        and passed.get("**") is not None
        and passed["**"].ref == f"{function}.<locals>.{stars['double_star']}"
        and not _DEFAULTS & passed.keys()
        and not _sets_default(function, stars["double_star"], evaluator)
    )


def _sets_default(function: str, kwargs: str, evaluator: Evaluator) -> bool:
    """Whether the function may put a default into its ``**kwargs`` before passing them on:
    ``kwargs.setdefault("default", ...)``, ``kwargs["default"] = ...``, ``kwargs.update(...)``."""
    module = evaluator.resolver.symbol_module[function]
    scope = function[len(module) + 1 :]
    local = f"{function}.<locals>.{kwargs}"
    for call in evaluator.resolver.modules[module].calls:
        if call.scope != scope:
            continue
        value = call.value
        if call.role == "setitem" and value.items and value.items[0].kind == "subscript":
            base, *keys = value.items[0].items
            if base.ref == local and not (
                keys and keys[0].kind == "str" and keys[0].text not in _DEFAULTS
            ):
                return True
        ref = value.func.ref if value.func is not None else None
        if ref is not None and ref.startswith(f"{local}."):
            method = ref[len(local) + 1 :]
            key = value.items[0] if value.items else None
            named = key is not None and key.kind == "str" and key.text not in _DEFAULTS
            # ``kwargs.update(json_schema_extra=...)`` names what it sets; a mapping may not
            updated = bool(value.items) or bool({*_DEFAULTS, "**"} & {k for k, _ in value.keywords})
            if method == "__setitem__" or (method == "update" and updated):
                return True
            if method == "setdefault" and not named:
                return True
    return False


_DEFAULTS = frozenset({"default", "default_factory"})
_MAX_ALIAS_HOPS = 5  # an alias of an alias...; a cycle of them is no type at all


def _annotated_field(annotation: Value, evaluator: Evaluator, hops: int = 0) -> Value | None:
    """The ``Field(...)`` in ``Annotated[T, ..., Field(...)]`` metadata, if any; through an
    alias bound once (``MaybeStr = Annotated[str | None, Field(default=None)]``), which
    pydantic reads as if written in place."""
    if annotation.kind == "name" and hops < _MAX_ALIAS_HOPS:
        bound = evaluator.once(evaluator.variable(annotation.ref))
        if bound is not None and bound.value is not None:
            return _annotated_field(bound.value, evaluator, hops + 1)
    if annotation.kind != "subscript" or len(annotation.items) < 3:
        return None
    if evaluator.qualified(annotation.items[0]) not in ANNOTATED:
        return None
    calls = [m for m in annotation.items[2:] if evaluator.called_class(m) in _FIELDS]
    return calls[-1] if calls else None


def _source(value: Value) -> str:
    """Source-like text: a string literal's value is stored unquoted, so quote it back."""
    return repr(value.text) if value.kind == "str" else value.text


def _type_checking(guard: Guard, qualname: str, evaluator: Evaluator) -> bool:
    """Whether the guard is an ``if`` branch of ``TYPE_CHECKING``, False when the code runs."""
    if guard.kind != "if":
        return False
    module = evaluator.resolver.symbol_module[qualname]
    name = Value("name", guard.text, ref=f"{module}.{guard.text}")
    return evaluator.qualified(name) in _CHECKING


def _is_class_var(annotation: Value, evaluator: Evaluator) -> bool:
    if annotation.kind == "str":
        return _QUOTED_CLASS_VAR.match(annotation.text) is not None
    base = (
        annotation.items[0] if annotation.kind == "subscript" and annotation.items else annotation
    )
    return evaluator.qualified(base) in _CLASS_VARS


def _config(qualname: str, evaluator: Evaluator) -> tuple[tuple[str, str], ...]:
    for assign in _class_assigns(qualname, evaluator):
        if assign.name == "model_config" and assign.value is not None:
            return tuple((k, _source(v)) for k, v in assign.value.keywords)
    nested = f"{qualname}.Config"
    if nested in evaluator.resolver.symbols:
        return tuple(
            (a.name, _source(a.value))
            for a in _class_assigns(nested, evaluator)
            if a.value is not None
        )
    return ()


def _validators(methods: list[SymbolFact], evaluator: Evaluator) -> tuple[tuple[str, str], ...]:
    found = []
    for fact in methods:
        for decorator in fact.decorators:
            func = decorator.func if decorator.kind == "call" else decorator
            if evaluator.qualified(func) in VALIDATORS:
                found.append((fact.start_line, fact.name, decorator.text))
    return tuple((name, text) for _, name, text in sorted(found))
