"""Imports against declarations: third-party imports no dependency declares, and declared
dependencies nothing imports."""

from __future__ import annotations

import sys
from collections import defaultdict

from codeintel.config.dependencies import Declared
from codeintel.config.distributions import import_names, likely_import_names
from codeintel.config.projects import Layout, encloses
from codeintel.facts.project import Dependency, ImportUse
from codeintel.resolve.evaluate import Evaluator

#: Distributions used by running them, never by importing them.
_NOT_IMPORTED = frozenset(
    {"uvicorn", "gunicorn", "hypercorn", "alembic", "pre-commit", "ruff", "black", "mypy"}
    | {"flake8", "isort", "pyright", "pylint", "coverage", "tox", "nox", "ipython", "psycopg"}
    | {"psycopg2", "psycopg2-binary", "asyncpg", "email-validator", "python-multipart"}
)


class ImportCheck:
    """Third-party imports of every file, checked against the dependencies that apply to it:
    its project's and its enclosing projects'."""

    def __init__(self, evaluator: Evaluator, layout: Layout, declared: Declared) -> None:
        self.layout = layout
        self.declared = declared
        self.names = {f: _Names(declared.applying[f]) for f in layout.folders}
        self.uses = _third_party_imports(evaluator)

    def undeclared(self, folder: str) -> tuple[ImportUse, ...]:
        first: dict[str, ImportUse] = {}
        names = self.names[folder]
        for use, type_checking in self.uses:
            if self.layout.nearest(use.file) != folder or type_checking:
                continue
            if not names.declares(use.module) and use.module not in first:
                first[use.module] = use
        return tuple(first[k] for k in sorted(first))

    def unused(self, folder: str) -> tuple[Dependency, ...]:
        used: set[str] = set()
        for use, _ in self.uses:
            if encloses(folder, use.file):
                used |= self.names[self.layout.nearest(use.file)].provided_by(use.module)
        return tuple(
            d
            for d in self.declared.own[folder]
            if d.group == "main" and d.name not in _NOT_IMPORTED and d.name not in used
        )


class _Names:
    """Import names -> the distributions that provide them: by their exact names first; by
    ``likely_import_names`` only for names no distribution provides exactly."""

    def __init__(self, dependencies: tuple[Dependency, ...]) -> None:
        self.exact: dict[str, set[str]] = defaultdict(set)
        self.likely: dict[str, set[str]] = defaultdict(set)
        for dependency in dependencies:
            for name in import_names(dependency.name):
                self.exact[name].add(dependency.name)
        for dependency in dependencies:
            for name in likely_import_names(dependency.name):
                if name not in self.exact:
                    self.likely[name].add(dependency.name)

    def declares(self, module: str) -> bool:
        return module in self.exact or module in self.likely

    def provided_by(self, module: str) -> set[str]:
        return self.exact.get(module) or self.likely.get(module) or set()


def _third_party_imports(evaluator: Evaluator) -> list[tuple[ImportUse, bool]]:
    """(top-level name, file, line) of each absolute import that is neither the project's own
    nor the standard library's, with whether it is only for type checking."""
    resolver = evaluator.resolver
    own = {name.split(".")[0] for name in resolver.modules}
    found = []
    for module in sorted(resolver.modules.values(), key=lambda m: m.file):
        for fact in module.imports:
            top = (fact.target or "").split(".")[0]
            if fact.level or not top or top in own or top in sys.stdlib_module_names:
                continue
            found.append(
                (ImportUse(module=top, file=module.file, line=fact.line), fact.type_checking)
            )
    return found
