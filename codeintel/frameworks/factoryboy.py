"""Fixtures pytest-factoryboy's ``register(Factory)`` makes in the module that calls it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from codeintel.diagnostics import Diagnostic
from codeintel.facts.fixtures import Fixture
from codeintel.facts.models import Guard, ModuleFacts, SymbolFact, Value
from codeintel.resolve.evaluate import Evaluator

_REGISTER = frozenset({"pytest_factoryboy.register", "pytest_factoryboy.fixture.register"})
_SUB_FACTORIES = frozenset({"factory.SubFactory", "factory.declarations.SubFactory"})
_RELATED = frozenset(
    {
        "factory.RelatedFactory",
        "factory.RelatedFactoryList",
        "factory.declarations.RelatedFactory",
        "factory.declarations.RelatedFactoryList",
    }
)
_TRAITS = frozenset({"factory.Trait", "factory.declarations.Trait"})
_LAZY_FIXTURES = frozenset(
    {"pytest_factoryboy.LazyFixture", "pytest_factoryboy.fixture.LazyFixture"}
)
_NOT_DECLARED = frozenset({"classmethod", "staticmethod"})
#: ``register``'s own keywords; the others override the factory's declarations.
_REGISTER_OPTIONS = frozenset({"factory_class", "_name", "_caller_locals", "**"})


@dataclass(frozen=True, slots=True)
class _Registration:
    factory: Value  # the factory class as the call or decorator names it
    name: Value | None  # ``_name``: the model fixture's name, when given
    line: int
    overrides: tuple[tuple[str, Value], ...] = ()  # ``register(F, title=LazyFixture(...))``


def registered_fixtures(
    module: ModuleFacts, evaluator: Evaluator, where: str
) -> tuple[list[Fixture], list[Diagnostic]]:
    """The fixtures each ``register(UserFactory)`` (or ``@register`` on the class) of
    ``module`` makes, seen from ``where``: ``user_factory``, the model fixture ``user`` (or
    ``_name``) asking for one ``user__<field>`` fixture per declaration of the factory. A
    factory or model we cannot read is a CI205: its fixtures would be missing unreported."""
    found: list[Fixture] = []
    unread: list[Diagnostic] = []
    made: set[str] = set()
    for registration in _registrations(module, evaluator):
        fixtures = _fixtures(registration, module, evaluator, where, made)
        if fixtures is None:
            text = registration.factory.text
            message = f"register({text}) adds fixtures at run time: they are not seen"
            unread.append(Diagnostic("CI205", module.file, registration.line, message))
            continue
        made.update(f.name for f in fixtures)
        found += fixtures
    return found, unread


def _registrations(module: ModuleFacts, evaluator: Evaluator) -> list[_Registration]:
    found = []
    for call in module.calls:
        value = call.value
        if call.scope or call.role != "call" or evaluator.qualified(value.func) not in _REGISTER:
            continue
        factory = value.keyword("factory_class") or (value.items[0] if value.items else None)
        name = value.keyword("_name") or (value.items[1] if len(value.items) > 1 else None)
        overrides = tuple((k, v) for k, v in value.keywords if k not in _REGISTER_OPTIONS)
        for each in _looped(factory, call.guards):
            found.append(_Registration(each, name, call.line, overrides))
    for sym in module.symbols:
        for decorator, line in zip(sym.decorators, sym.decorator_lines, strict=True):
            func = decorator.func if decorator.kind == "call" else decorator
            if sym.kind == "class" and evaluator.qualified(func) in _REGISTER:
                name = decorator.keyword("_name") if decorator.kind == "call" else None
                factory = Value("name", sym.name, ref=f"{module.module}.{sym.qualname}")
                found.append(_Registration(factory, name, line))
    return sorted(found, key=lambda r: r.line)


def _looped(factory: Value | None, guards: tuple[Guard, ...]) -> tuple[Value, ...]:
    """``register(factory)`` in ``for factory in [TeamFactory, UserFactory]:``: each item the
    loop's list literal gives; the factory as written otherwise."""
    if factory is None:
        return ()
    loop = guards[0] if len(guards) == 1 and guards[0].kind == "for" else None
    target, listed = (loop.target, loop.iterable) if loop is not None else (None, None)
    if target is None or listed is None or listed.kind != "list" or target.ref != factory.ref:
        return (factory,)
    return listed.items if all(item.kind == "name" for item in listed.items) else (factory,)


def _fixtures(
    registration: _Registration,
    module: ModuleFacts,
    evaluator: Evaluator,
    where: str,
    made: set[str],
) -> list[Fixture] | None:
    factory = evaluator.qualified(registration.factory)
    fact = evaluator.resolver.symbols.get(factory) if factory else None
    default = _model_name(factory, evaluator) if factory else None
    model = default
    if registration.name is not None:
        given = evaluator.text(registration.name)
        model = None if given.unknown else given.value
    if factory is None or fact is None or fact.kind != "class" or model is None:
        return None
    declared = _declarations(factory, evaluator)
    declared.update((k, v) for k, v in registration.overrides if k in declared)

    def fixture(name: str, requests: tuple[str, ...]) -> Fixture:
        return Fixture(
            name=name,
            function=f"{module.module}.{name}",
            file=module.file,
            line=registration.line,
            end_line=registration.line,
            scope="function",
            autouse=False,
            params=False,
            requests=("request", *requests),
            visible_from=where,
        )

    found = [  # sub-factories' references back to this model go by its default name
        fixture(f"{model}__{attr}", _attribute_requests(value, default, evaluator))
        for attr, value in declared.items()
    ]
    factory_name = _underscore(fact.name)
    if factory_name not in made:  # registered again under another model name
        found.append(fixture(factory_name, ()))
    deps = _dependencies(declared, model, None, evaluator)
    return [*found, fixture(model, deps)]


def _attribute_requests(
    value: Value | None, parent: str | None, evaluator: Evaluator
) -> tuple[str, ...]:
    """What an attribute fixture asks for: a sub-factory's (or related factory's) model and
    that model's own attribute fixtures, but those back to the ``parent`` model; a
    ``LazyFixture``'s fixture; nothing for a plain value."""
    func = _called(value, evaluator)
    if value is not None and func in _LAZY_FIXTURES:  # ``LazyFixture("author")``
        named = evaluator.text(value.items[0]) if value.items else None
        return (named.value,) if named is not None and not named.unknown else ()
    sub = _sub_factory(value, evaluator) if func in _SUB_FACTORIES | _RELATED else None
    sub_model = _model_name(sub, evaluator) if sub else None
    if sub is None or sub_model is None:
        return ()
    deps = _dependencies(_declarations(sub, evaluator), sub_model, parent, evaluator)
    return (*deps, sub_model)


def _dependencies(
    declared: dict[str, Value | None], model: str, parent: str | None, evaluator: Evaluator
) -> tuple[str, ...]:
    """The attribute fixtures a model fixture asks for (pytest-factoryboy's ``get_deps``):
    all but related factories, and a sub-factory back to the ``parent`` model."""
    found = []
    for attr, value in declared.items():
        func = _called(value, evaluator)
        if func in _RELATED:
            continue
        sub = _sub_factory(value, evaluator) if func in _SUB_FACTORIES else None
        if sub is not None and parent is not None and _model_name(sub, evaluator) == parent:
            continue
        found.append(f"{model}__{attr}")
    return tuple(found)


def _sub_factory(value: Value | None, evaluator: Evaluator) -> str | None:
    """The project factory class a ``SubFactory(UserFactory)`` names."""
    target = value.items[0] if value is not None and value.items else None
    if target is not None and target.kind == "str":  # ``SubFactory("app.factories.User")``
        found = evaluator.resolver.resolve(target.text)
        name = found.qualname if found is not None and not found.remainder else None
    else:
        name = evaluator.qualified(target) if target is not None else None
    fact = evaluator.resolver.symbols.get(name) if name else None
    return name if fact is not None and fact.kind == "class" else None


def _model_name(factory: str, evaluator: Evaluator) -> str | None:
    """The model fixture's default name: ``class Meta: model = User`` (the factory's or the
    nearest base's) in snake case; a string model as written."""
    for cls in evaluator.resolver.mro(factory):
        key = evaluator.variable(f"{cls}.Meta.model")
        value = evaluator.binding(key) if key else None
        if value is not None and value.kind == "str":
            return value.text
        named = evaluator.class_held(evaluator.qualified(value)) if value is not None else None
        if named:  # ``Account = Author`` then ``model = Account``: the class's own name
            return _underscore(named.rpartition(".")[2])
    return None


def _declarations(factory: str, evaluator: Evaluator) -> dict[str, Value | None]:
    """factory_boy's declarations of a factory class, its bases' first: each public class
    attribute and method that is no ``classmethod`` or ``staticmethod``, and its ``Params``
    (traits aside)."""
    resolver = evaluator.resolver
    found: dict[str, Value | None] = {}
    params: dict[str, Value | None] = {}
    for cls in reversed(resolver.mro(factory)):
        home = resolver.modules.get(resolver.symbol_module.get(cls, ""))
        if home is None:
            continue
        local = cls[len(home.module) + 1 :]
        own: list[tuple[int, str, Value | None]] = [
            (a.line, a.name, a.value) for a in home.assigns if a.scope == local
        ]
        own += [(s.start_line, s.name, None) for s in home.symbols if _declared_method(s, local)]
        for _, name, value in sorted(own, key=lambda item: item[0]):
            if not name.startswith("_"):
                found[name] = value
        for a in home.assigns:  # parameters come after the declarations
            if a.scope == f"{local}.Params" and not _traits(a.value, evaluator):
                params[a.name] = a.value
    return {**found, **{k: v for k, v in params.items() if k not in found}}


def _called(value: Value | None, evaluator: Evaluator) -> str | None:
    """What ``value`` calls, qualified (``factory.SubFactory``), when it is a call."""
    return evaluator.qualified(value.func) if value is not None and value.kind == "call" else None


def _traits(value: Value | None, evaluator: Evaluator) -> bool:
    return _called(value, evaluator) in _TRAITS


def _declared_method(sym: SymbolFact, cls: str) -> bool:
    return (
        sym.kind == "method"
        and sym.qualname == f"{cls}.{sym.name}"
        and not any(d.text in _NOT_DECLARED for d in sym.decorators)
    )


def _underscore(word: str) -> str:
    """``inflection.underscore``, as pytest-factoryboy names fixtures: ``APIClient`` is
    ``api_client``."""
    word = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", word)
    word = re.sub(r"([a-z\d])([A-Z])", r"\1_\2", word)
    return word.replace("-", "_").lower()
