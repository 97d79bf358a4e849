"""ProjectFacts: the code graph's views the plan needs, computed once and indexed."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property

from codeintel import (
    CodeGraph,
    CodeIntelError,
    Convention,
    DocFile,
    ErrorFacts,
    Fixture,
    Project,
    TestFunction,
)
from render.rank import FileScore, index, rank


class ProjectFacts:
    def __init__(self, graph: CodeGraph) -> None:
        self.graph = graph
        self._ranked: dict[tuple[str, ...], list[FileScore]] = {}
        self._users: dict[tuple[str, ...], dict[str, int]] = {}

    def ranked(self, terms: tuple[str, ...]) -> list[FileScore]:
        """Files ranked against a request's terms; several parts of a plan ask for the same
        ranking, so it is computed once per request."""
        if terms not in self._ranked:
            self._ranked[terms] = rank(self.documents, terms)
        return self._ranked[terms]

    @cached_property
    def project(self) -> Project:
        return self.graph.project()

    @cached_property
    def tests(self) -> list[TestFunction]:
        return self.graph.tests()

    @cached_property
    def errors(self) -> ErrorFacts:
        return self.graph.errors()

    @cached_property
    def docs(self) -> list[DocFile]:
        return self.graph.docs()

    @cached_property
    def documents(self) -> dict[str, dict[str, float]]:
        """The relevance index (file -> term -> weight), built once per plan."""
        return index(self.graph)

    @cached_property
    def layer_of_file(self) -> dict[str, str]:
        return {m.file: m.layer for m in self.graph.layers()}

    def layer_of_folder(self, folder: str) -> str | None:
        """The layer most of a folder's modules are in (ties: alphabetical), for files that
        do not exist yet."""
        counts: dict[str, int] = {}
        for file, layer in self.layer_of_file.items():
            if file.rpartition("/")[0] == folder and not file.endswith("__init__.py"):
                counts[layer] = counts.get(layer, 0) + 1
        return min(counts, key=lambda layer: (-counts[layer], layer)) if counts else None

    @cached_property
    def conventions(self) -> list[Convention]:
        return self.graph.conventions()

    @cached_property
    def module_of_file(self) -> dict[str, str]:
        nodes = self.graph.graph.nodes(data=True)
        return {d["file"]: d["name"] for _, d in nodes if d.get("kind") in {"module", "package"}}

    @cached_property
    def file_of_module(self) -> dict[str, str]:
        return {module: file for file, module in self.module_of_file.items()}

    def visible_fixtures(self, test_file: str) -> list[Fixture]:
        return sorted(self.graph.visible_fixtures(test_file).values(), key=lambda f: f.name)

    def dependents(self, files: Iterable[str]) -> int:
        """How many modules import any of ``files`` (directly)."""
        importers: set[str] = set()
        for file in files:
            module = self.module_of_file.get(file)
            if module is not None:
                importers.update(self.graph.modules_importing(module))
        return len(importers)

    def distributions_used(self, files: Iterable[str]) -> tuple[str, ...]:
        """Declared distributions the given files import, sorted."""
        return self.graph.distributions_imported_by(list(files))

    def code_users(self, words: Iterable[str]) -> dict[str, int]:
        """Python files whose text uses any of ``words`` as a whole identifier, with how many
        times: a request naming ``TemplateResponse`` is about the code that calls it. Scanned
        once per set of words."""
        wanted = tuple(sorted(set(words)))
        if not wanted:
            return {}
        if wanted not in self._users:
            self._users[wanted] = self._scan(wanted)
        return self._users[wanted]

    def _scan(self, wanted: tuple[str, ...]) -> dict[str, int]:
        pattern = re.compile(
            r"(?<![\w])(?:" + "|".join(re.escape(w) for w in wanted) + r")(?![\w])"
        )
        found = {}
        for file, text in self.texts.items():
            count = len(pattern.findall(text))
            if count:
                found[file] = count
        return found

    @cached_property
    def texts(self) -> dict[str, str]:
        """Each analysed Python file's text, read once (unreadable ones are left out)."""
        found = {}
        for file in self.graph.files():
            if file.endswith(".py"):
                try:
                    found[file] = "".join(self.graph.read_lines(file))
                except CodeIntelError:
                    continue  # the analysis already reported it
        return found

    def exists(self, path: str) -> bool:
        try:
            return self.graph.root is not None and (self.graph.root / path).exists()
        except OSError:  # a name the file system refuses (too long) cannot exist there
            return False
