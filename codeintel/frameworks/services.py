"""Services and repositories: their public methods, how they are wired, what they use."""

from __future__ import annotations

from typing import Literal

from codeintel.facts.models import ModuleFacts, SymbolFact
from codeintel.facts.routes import Route
from codeintel.facts.services import Component, ComponentKind, Method, Wiring, WiringKind
from codeintel.frameworks.depends import param_providers
from codeintel.pipeline.layout import is_test_path
from codeintel.resolve.evaluate import Evaluator

_KINDS: tuple[ComponentKind, ...] = ("service", "repository")
_LAYER_FOLDERS = {
    "service": frozenset({"services", "service"}),
    "repository": frozenset({"repositories", "repository", "repos", "repo", "crud", "dal"}),
}
_SUFFIXES = {"service": ("Service",), "repository": ("Repository", "Repo", "DAO")}


def extract_components(evaluator: Evaluator, routes: list[Route]) -> list[Component]:
    """Services and repositories, sorted by kind then qualified name."""
    resolver = evaluator.resolver
    found: dict[str, tuple[ComponentKind, ModuleFacts, SymbolFact | None]] = {}
    for module in resolver.modules.values():
        if is_test_path(module.file):
            continue
        folders = set(module.file.split("/")[:-1]) | {module.module.rpartition(".")[2]}
        classes = [s for s in module.symbols if s.kind == "class" and "." not in s.qualname]
        for kind in _KINDS:
            in_layer = bool(folders & _LAYER_FOLDERS[kind])
            for fact in classes:
                if fact.name.endswith(_SUFFIXES[kind]) or (in_layer and _has_methods(module, fact)):
                    found.setdefault(f"{module.module}.{fact.qualname}", (kind, module, fact))
            if in_layer and not classes and _functions(module):
                found.setdefault(module.module, (kind, module, None))
    providers = _providers(evaluator, routes)
    wiring = _wiring_index(evaluator)
    components = [
        _component(q, kind, module, fact, evaluator, providers, wiring, set(found))
        for q, (kind, module, fact) in found.items()
    ]
    return sorted(components, key=lambda c: (c.kind, c.qualname))


def _has_methods(module: ModuleFacts, fact: SymbolFact) -> bool:
    prefix = fact.qualname + "."
    return any(s.kind == "method" and s.qualname.startswith(prefix) for s in module.symbols)


def _functions(module: ModuleFacts) -> list[SymbolFact]:
    return [s for s in module.symbols if s.kind == "function" and not s.name.startswith("_")]


def _component(
    qualname: str,
    kind: ComponentKind,
    module: ModuleFacts,
    fact: SymbolFact | None,
    evaluator: Evaluator,
    providers: dict[str, list[tuple[str, str]]],
    wiring: dict[str, list[_Site]],
    components: set[str],
) -> Component:
    if fact is None:
        members = _functions(module)
        name, line, end = module.module.rpartition(".")[2], 1, module.line_count
        scope_prefix = ""
    else:
        prefix = fact.qualname + "."
        members = [
            s
            for s in module.symbols
            if s.kind == "method"
            and s.qualname.startswith(prefix)
            and "." not in s.qualname[len(prefix) :]
            and not s.name.startswith("_")
        ]
        name, line, end = fact.name, fact.start_line, fact.end_line
        scope_prefix = fact.qualname
    return Component(
        kind=kind,
        name=name,
        qualname=qualname,
        file=module.file,
        line=line,
        end_line=end,
        methods=tuple(
            Method(
                name=m.name,
                line=m.start_line,
                end_line=m.end_line,
                is_async=m.is_async,
                signature=m.signature or "",
            )
            for m in sorted(members, key=lambda m: m.start_line)
        ),
        wiring=_wiring(qualname, wiring, providers),
        uses=_uses(module, scope_prefix, qualname, evaluator, components),
        routes=tuple(sorted({endpoint for endpoint, _ in providers.get(qualname, [])})),
    )


def _uses(
    module: ModuleFacts, scope: str, qualname: str, evaluator: Evaluator, components: set[str]
) -> tuple[str, ...]:
    """Project classes referred to inside the component (annotations, calls, bases)."""
    resolver = evaluator.resolver
    found = set()
    for ref in module.refs:
        if scope and not (ref.scope == scope or ref.scope.startswith(scope + ".")):
            continue
        target = resolver.resolve(ref.candidate)
        if target is None or target.remainder:
            continue
        fact = resolver.symbols.get(target.qualname)
        if fact is not None and fact.kind == "class" and target.qualname != qualname:
            found.add(target.qualname)
    return tuple(sorted(found))


def _providers(evaluator: Evaluator, routes: list[Route]) -> dict[str, list[tuple[str, str]]]:
    """Component class -> (endpoint, provider) for every Depends provider that returns it."""
    resolver = evaluator.resolver
    found: dict[str, list[tuple[str, str]]] = {}
    for route in routes:
        for provider in route.dependencies:
            fact = resolver.symbols.get(provider)
            if fact is None:
                continue
            returned: str | None = provider
            if fact.kind != "class":
                returned = evaluator.qualified(fact.returns) or _returned_instance(
                    fact, provider, evaluator
                )
            if returned:
                found.setdefault(returned, []).append((route.endpoint, provider))
        endpoint = resolver.symbols.get(route.endpoint)
        for param in endpoint.params if endpoint is not None else ():
            # ``repo: ArticlesRepository = Depends(get_repository(ArticlesRepository))``: the
            # provider is made by a factory, but the parameter says what it gives.
            providers = param_providers((param,), evaluator)
            declared = evaluator.qualified(param.annotation)
            if providers and declared in resolver.symbols:
                found.setdefault(declared, []).append((route.endpoint, providers[0]))
    return found


def _returned_instance(fact: SymbolFact, provider: str, evaluator: Evaluator) -> str | None:
    for value in fact.returned:
        cls = evaluator.instance_class(value) or _variable_class(value.ref, evaluator)
        if cls:
            return cls
    return None


def _variable_class(ref: str | None, evaluator: Evaluator) -> str | None:
    key = evaluator.variable(ref)
    return evaluator.instance_class(evaluator.binding(key)) if key else None


#: (kind, file, line, via) of one way a class gets built; "returns" becomes "provider" or
#: "factory" once it is known whether a route depends on the function.
_Site = tuple[WiringKind | Literal["returns"], str, int, str]


def _wiring_index(evaluator: Evaluator) -> dict[str, list[_Site]]:
    """Class -> the places that build it, from one pass over the project (not one per class)."""
    index: dict[str, list[_Site]] = {}
    for module in evaluator.resolver.modules.values():
        if is_test_path(module.file):
            continue
        for assign in module.assigns:
            if assign.scope == "" and (cls := evaluator.instance_class(assign.value)):
                site: _Site = (
                    "singleton",
                    module.file,
                    assign.line,
                    f"{module.module}.{assign.name}",
                )
                index.setdefault(cls, []).append(site)
        for fact in module.symbols:
            full = f"{module.module}.{fact.qualname}"
            if fact.kind in {"function", "method"} and (cls := evaluator.qualified(fact.returns)):
                index.setdefault(cls, []).append(("returns", module.file, fact.start_line, full))
            if fact.kind == "method" and fact.name == "__init__":
                owner = full.rpartition(".")[0]
                for taken in {evaluator.qualified(p.annotation) for p in fact.params} - {None}:
                    site = ("constructor", module.file, fact.start_line, owner)
                    index.setdefault(str(taken), []).append(site)
    return index


def _wiring(
    qualname: str, index: dict[str, list[_Site]], providers: dict[str, list[tuple[str, str]]]
) -> tuple[Wiring, ...]:
    provider_names = {p for _, p in providers.get(qualname, [])}
    found: set[tuple[WiringKind, str, int, str]] = set()
    for site, file, line, via in index.get(qualname, ()):
        kind: WiringKind = (
            site if site != "returns" else ("provider" if via in provider_names else "factory")
        )
        found.add((kind, file, line, via))
    return tuple(
        Wiring(kind=k, file=f, line=n, via=v)
        for k, f, n, v in sorted(found, key=lambda w: (w[1], w[2], w[0]))
    )
