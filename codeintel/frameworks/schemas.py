"""Pydantic models (BaseModel, BaseSettings, SQLModel and project subclasses) and their fields."""

from __future__ import annotations

import ast
import re
from collections.abc import Collection, Sequence

from codeintel.diagnostics import Diagnostic
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
#: as ``Field(...)`` is (the default first, or ``default=``); so does pydantic 1's ``Schema``,
#: ``Field``'s name before 1.0 (kept as a deprecated alias through 1.x).
_FIELDS = FIELD | PARAMETER_MARKERS | {"pydantic.Schema", "pydantic.fields.Schema"}
_CLASS_VARS = frozenset({"typing.ClassVar", "typing_extensions.ClassVar"})
_CHECKING = frozenset({"typing.TYPE_CHECKING", "typing_extensions.TYPE_CHECKING"})
#: pydantic's own test of a quoted annotation (``x: "ClassVar[int]"``), made before it is
#: evaluated: a name ending in ``ClassVar``, perhaps inside ``Annotated[``, whatever imports it.
_QUOTED_CLASS_VAR = re.compile(r"((\w+\.)?Annotated\[)?(\w+\.)?ClassVar\[")
_CONFIG_NAMES = frozenset({"model_config", "Config"})
_NOT_FIELDS = frozenset({"sqlmodel.Relationship", "sqlmodel.main.Relationship"})
#: pydantic 1's generic model, a model root only pydantic 1 has (pydantic 2 refuses the import):
#: read with pydantic 1's rules wherever it runs.
_GENERIC_1 = frozenset({"pydantic.generics.GenericModel", "pydantic.v1.generics.GenericModel"})
_MODEL_ROOTS = MODEL_ROOTS | _GENERIC_1
_V1_ROOTS = V1_MODEL_ROOTS | _GENERIC_1
#: What pydantic 1 leaves alone among a model's unannotated class attributes (its
#: ``UNTOUCHED_TYPES``: functions, properties, classes, class and static methods); any other
#: value makes a field whose type is the value's.
_UNTOUCHED_CALLS = frozenset({"property", "classmethod", "staticmethod"})


def extract_schemas(
    evaluator: Evaluator,
    known: Sequence[Schema] = (),
    read: Collection[str] = (),
    pydantic_1: Collection[str] = (),
    pydantic_0: Collection[str] = (),
) -> list[Schema]:
    """Every class whose bases reach a pydantic model root, sorted by qualified name.
    ``known``: the schemas of the modules ``read`` already (those serving the app, read alone
    and kept from run to run), returned as they are; a class elsewhere inherits their fields.
    ``pydantic_1``: the modules whose project pins pydantic 1, whose models are read with
    pydantic 1's rules, as those deriving from ``pydantic.v1`` are everywhere; ``pydantic_0``:
    those of them pinned before 1.0, where a field admitting None is never required."""
    resolver = evaluator.resolver
    schemas = [
        qualname
        for qualname, fact in resolver.symbols.items()
        if fact.kind == "class" and resolver.symbol_module[qualname] not in read
        if evaluator.is_subclass(qualname, _MODEL_ROOTS)
    ]
    v1 = {
        q
        for q in schemas
        if resolver.symbol_module[q] in pydantic_1 or evaluator.is_subclass(q, _V1_ROOTS)
    }
    declared = {s.qualname: s.fields for s in known}
    rules = {
        q: (0 if resolver.symbol_module[q] in pydantic_0 else 1) if q in v1 else 2 for q in schemas
    }
    declared.update((q, _declared_fields(q, evaluator, rules[q])) for q in schemas)
    # pydantic 2 reads the annotations of every class in a model's MRO: a plain mixin's
    # (``class Item(BaseModel, Timestamped)``) are fields too; pydantic.v1 reads models' only.
    models = dict(declared)
    declared.update(
        (c, _declared_fields(c, evaluator, 2))
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
            models if q in v1 else declared,
            methods[q],
            evaluator,
        )
        for q in schemas
    ]
    return sorted([*known, *found], key=lambda s: s.qualname)


_CREATE_MODEL = frozenset({"pydantic.create_model", "pydantic.main.create_model"})


def schema_diagnostics(schemas: Sequence[Schema], evaluator: Evaluator) -> list[Diagnostic]:
    """A CI301 for each model a project class decorator may change: one building it anew
    with pydantic's ``create_model`` (returned, or bound in its body), or one writing into
    its fields (``cls.__fields__[f].required = False``, ``field.default = None`` in a loop
    over ``cls.model_fields``, the partial-model recipes of pydantic 1 and 2): pydantic's
    fields are then what that code makes, which we do not follow; the class body's fields
    are kept. A model deriving from one gets a CI301 too: Python binds the base's name to
    what the decorator returned (pydantic 1 copies the changed fields on), so the subclass
    inherits those fields (``class UpdateInternal(Update)`` under an all-optional
    ``@optional`` Update)."""
    resolver = evaluator.resolver
    found = []
    changes: dict[str, str | None] = {}  # one decorator serves many models: read it once
    rebuilt: dict[str, str] = {}  # model -> the decorator changing it
    for schema in schemas:
        fact = resolver.symbols.get(schema.qualname)
        for decorator in fact.decorators if fact is not None else ():
            func = decorator.func if decorator.kind == "call" else decorator
            name = evaluator.qualified(func)
            if name is not None and name not in changes:
                changes[name] = _changes_model(name, evaluator)
            if name is not None and changes[name]:
                rebuilt.setdefault(schema.qualname, name)
                message = (
                    f"{schema.name} is decorated with {name}, which {changes[name]}: "
                    "its fields may differ from the class body's"
                )
                found.append(Diagnostic("CI301", schema.file, schema.line, message))
    for schema in schemas if rebuilt else ():
        if schema.qualname in rebuilt:
            continue
        base = next((c for c in resolver.mro(schema.qualname) if c in rebuilt), None)
        if base is not None:
            message = (
                f"{schema.name} derives from {base}, which {rebuilt[base]} "
                f"{changes[rebuilt[base]]}: its inherited fields may differ from the base's body"
            )
            found.append(Diagnostic("CI301", schema.file, schema.line, message))
    return found + _undecided_bases({s.qualname for s in schemas}, evaluator)


def _undecided_bases(models: set[str], evaluator: Evaluator) -> list[Diagnostic]:
    """A CI301 for each class not read as a model whose bases run through a module variable
    bound more than once, or under a test (``Base = ProdSettings`` if an environment variable
    says so, else ``DevSettings``; ``Model = BaseModel`` in a ``try`` with ``object`` in its
    ``except``), some binding naming a model: pydantic makes a model of it in the runs that
    bind one, with that binding's fields; we cannot say which run, so its fields are not
    read."""
    resolver = evaluator.resolver
    found = []
    for qualname, fact in resolver.symbols.items():
        if fact.kind != "class" or qualname in models:
            continue
        for base in resolver.mro(qualname)[1:]:
            held = resolver.symbols.get(base)
            module = resolver.symbol_module.get(base)
            if held is None or held.kind != "variable" or module is None:
                continue
            short = base[len(module) + 1 :]
            bound = [
                a for a in resolver.modules[module].assigns if a.scope == "" and a.name == short
            ]
            if len(bound) < 2 and not any(a.guards for a in bound):
                continue
            named = [_bound_class(a.value, evaluator) for a in bound]
            if any(n is not None and _is_model(n, evaluator) for n in named):
                spelled = (
                    n or (a.value.text if a.value else "?")
                    for n, a in zip(named, bound, strict=True)
                )
                choices = " or ".join(dict.fromkeys(spelled))
                message = (
                    f"{fact.name} derives from {base}, bound to {choices} as the run goes: "
                    "not read as a model, though pydantic makes one of it where a model is bound"
                )
                file = resolver.modules[resolver.symbol_module[qualname]].file
                found.append(Diagnostic("CI301", file, fact.start_line, message))
                break
    return found


def _bound_class(value: Value | None, evaluator: Evaluator) -> str | None:
    """The class a binding names: ``Base = Dev``, ``Base = Page[int]``."""
    if value is not None and value.kind == "subscript" and value.items:
        value = value.items[0]
    return evaluator.qualified(value) if value is not None and value.kind == "name" else None


def _is_model(name: str, evaluator: Evaluator) -> bool:
    return name in _MODEL_ROOTS or evaluator.is_subclass(name, _MODEL_ROOTS)


#: A model's field table: pydantic 2's ``model_fields``, pydantic 1's ``__fields__``.
_FIELD_TABLES = frozenset({"model_fields", "__fields__"})
_STORES = frozenset({"setitem", "setattr", "delitem"})


def _changes_model(function: str, evaluator: Evaluator) -> str | None:
    """What a project function (a decorator factory's inner function included) does to the
    model it is given, in words, if it may change its fields: returns or binds a
    ``create_model(...)``, or stores into a field table (``x.__fields__[f].required = ...``),
    directly or through a loop variable running over one (``for f in
    cls.model_fields.values(): f.default = None``); None when it does neither."""
    resolver = evaluator.resolver
    module = resolver.symbol_module.get(function)
    if module is None:
        return None
    scopes = {function[len(module) + 1 :]}
    scopes |= {q[len(module) + 1 :] for q in resolver.symbols if q.startswith(f"{function}.")}
    returned = (
        v for q in scopes if (f := resolver.symbols.get(f"{module}.{q}")) for v in f.returned
    )
    bound = (a.value for a in resolver.modules[module].assigns if a.scope in scopes)
    if any(evaluator.called_class(v) in _CREATE_MODEL for v in (*returned, *bound)):
        return "calls pydantic's create_model"
    for call in resolver.modules[module].calls:
        if call.scope not in scopes or call.role not in _STORES or not call.value.items:
            continue
        target = call.value.items[0]
        # the loop variables running over a field table, in the loops around the store
        loops = {
            g.target.text
            for g in call.guards
            if g.kind == "for" and g.target is not None and _names_field_table(g.iterable)
        }
        if _names_field_table(target) or _root_name(target) in loops:
            return "writes into the model's fields"
    return None


def _names_field_table(value: Value | None) -> bool:
    """Whether an expression reads a field table: a dotted name with a part ``model_fields``
    or ``__fields__``, anywhere inside (a subscript's base, a call's function...)."""
    if value is None:
        return False
    if value.kind == "name" and _FIELD_TABLES & set(value.text.split(".")):
        return True
    if value.kind == "getattr" and value.items and value.items[0].text in _FIELD_TABLES:
        return True
    inner = (value.func, *value.items, *(v for _, v in value.keywords))
    return any(_names_field_table(v) for v in inner)


def _root_name(value: Value) -> str | None:
    """The name an attribute or item store starts from: ``f`` of ``f.default``,
    ``f.json_schema_extra["x"]``."""
    while value.kind in ("getattr", "subscript", "call"):
        inner = value.func if value.kind != "subscript" else (value.items or (None,))[0]
        if inner is None:
            return None
        value = inner
    return value.text.split(".")[0] if value.kind == "name" else None


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


def _declared_fields(qualname: str, evaluator: Evaluator, major: int) -> tuple[SchemaField, ...]:
    """The fields a class body declares, by the rules of pydantic ``major`` (0: before 1.0)."""
    v1 = major < 2
    fields = []
    inferred = []  # pydantic 1's fields of unannotated attributes, after the annotated ones
    valued = set()  # before 1.0, fields with a value come after those without, in their order
    for assign in _class_assigns(qualname, evaluator):
        if major == 0 and assign.value is not None:
            valued.add(assign.name)
        if assign.name.startswith("_") and not (v1 and assign.name == "__root__"):
            continue  # pydantic ignores private attributes; 1 has a custom root, ``__root__``
        if assign.annotation is None:
            if v1 and _inferred_field(assign, evaluator):
                inferred.append(_field(assign, qualname, evaluator, major))
            continue  # pydantic 2 ignores unannotated attributes (or refuses the class)
        if assign.name in _CONFIG_NAMES or _is_class_var(assign.annotation, evaluator):
            continue
        if any(_type_checking(g, qualname, evaluator) for g in assign.guards):
            continue  # ``if TYPE_CHECKING:`` in a class body: only type checkers see it
        if evaluator.called_class(assign.value) in _NOT_FIELDS:
            continue  # an ORM relationship lives on the table class, not among the fields
        field = _field(assign, qualname, evaluator, major)
        if assign.value is not None and _is_final(assign.annotation, evaluator):
            # ``KIND: Final = "item"`` is a class variable: pydantic 1 for any value but a
            # ``Field(...)``, pydantic 2 (from 2.11, deprecated for 3) for one giving a default
            by_field = evaluator.called_class(assign.value) in _FIELDS
            if (v1 and not by_field) or (not v1 and not field.required):
                continue
        fields.append(field)
    named = {f.name for f in fields}
    fields += (f for f in inferred if f.name not in named)
    if valued:
        fields.sort(key=lambda f: (f.name in valued, f.line if f.name in valued else 0))
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


def _inferred_field(assign: AssignFact, evaluator: Evaluator) -> bool:
    """Whether pydantic 1 makes a field of an unannotated class attribute: any value but a
    function, property, class, class or static method (a name bound to one of those included),
    and but ``None`` (whose type it cannot infer: it refuses the class)."""
    value = assign.value
    if (
        value is None
        or assign.name in _CONFIG_NAMES
        or (value.kind == "const" and value.text == "None")
    ):
        return False
    if value.kind == "lambda":
        return False
    if value.kind == "call":  # a builtin's name is bound nowhere: no ``ref``
        func = value.func
        return func is None or func.ref is not None or func.text not in _UNTOUCHED_CALLS
    if value.kind == "name":
        fact = evaluator.resolver.symbols.get(evaluator.qualified(value) or "")
        return fact is not None and fact.kind in ("variable", "attribute")
    return True


def _field(assign: AssignFact, owner: str, evaluator: Evaluator, major: int) -> SchemaField:
    value = assign.value
    constraints: tuple[tuple[str, str], ...] = ()
    default = value
    # ``x: Annotated[str | None, Field(max_length=5, default=None)]`` says the same as
    # ``x: str | None = Field(max_length=5, default=None)``.
    annotation = assign.annotation
    metadata = _annotated_field(annotation, evaluator) if annotation is not None else None
    called = evaluator.called_class(value)
    field = value if called in _FIELDS or _forwards_to_field(called, evaluator) else metadata
    if field is not None:
        if field is value or value is None:
            default = field.keyword("default") or (field.items[0] if field.items else None)
        constraints = tuple((k, _source(v)) for k, v in field.keywords if k != "default")
    has_factory = any(k == "default_factory" for k, _ in constraints)
    admits_none = major < 2 and annotation is not None and _admits_none(annotation, evaluator)
    if admits_none and (default is None or (major == 0 and default.text == "...")):
        # pydantic 1: ``x: Optional[int]`` defaults to None; before 1.0, ``= Schema(...)`` too
        default = Value("const", "None")
    missing = default is None or default.text == "..."
    return SchemaField(
        name=assign.name,
        annotation=annotation.text if annotation is not None else "",
        required=missing and not has_factory,
        default=None if default is None or missing else _source(default),
        constraints=constraints,
        line=assign.line,
        declared_in=owner,
    )


def _admits_none(annotation: Value, evaluator: Evaluator, hops: int = 0) -> bool:
    """Whether pydantic 1 lets the field be None, and so gives it None when no default is
    written: ``Optional[T]``, a union with None (``T | None``, ``Union[T, None]``), ``Any``,
    ``object``; inside ``Annotated[...]``, through an alias bound once, or quoted (pydantic 1
    evaluates a quoted annotation as the class is made)."""
    if annotation.kind == "str":
        return _quoted_admits_none(annotation.text)
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
        if name in ANNOTATED and rest:
            return _admits_none(rest[0], evaluator, hops)
        return False
    if annotation.kind == "name" and hops < _MAX_ALIAS_HOPS:
        bound = evaluator.once(evaluator.variable(annotation.ref))
        if bound is not None and bound.value is not None:
            return _admits_none(bound.value, evaluator, hops + 1)
    if annotation.kind == "name" and annotation.ref is None:  # a builtin, bound nowhere
        return annotation.text == "object"
    return evaluator.qualified(annotation) in _ANY


def _quoted_admits_none(text: str) -> bool:
    """``_admits_none`` for a quoted annotation, its names read by their last part."""
    try:
        tree = ast.parse(text.strip(), mode="eval").body
    except SyntaxError:
        return False
    return _tree_admits_none(tree)


def _tree_admits_none(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return node.value is None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _tree_admits_none(node.left) or _tree_admits_none(node.right)
    name = node.value if isinstance(node, ast.Subscript) else node
    last = name.attr if isinstance(name, ast.Attribute) else getattr(name, "id", "")
    if not isinstance(node, ast.Subscript):
        return last in ("Any", "object")
    args = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
    if last == "Optional":
        return True
    if last == "Union":
        return any(_tree_admits_none(a) for a in args)
    return last == "Annotated" and _tree_admits_none(args[0])


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


_FINAL = frozenset({"typing.Final", "typing_extensions.Final"})


def _is_final(annotation: Value, evaluator: Evaluator) -> bool:
    """``Final`` or ``Final[T]`` (``typing`` or ``typing_extensions``)."""
    base = (
        annotation.items[0] if annotation.kind == "subscript" and annotation.items else annotation
    )
    return evaluator.qualified(base) in _FINAL


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
