"""Reading the project's own text: line ranges of symbols, import lines, snippets."""

from __future__ import annotations

from codeintel import CodeGraph
from render.context import Snippet


class Source:
    """Line-level access to the analysed files, read once each."""

    def __init__(self, graph: CodeGraph) -> None:
        self.graph = graph
        self._lines: dict[str, list[str]] = {}

    def lines(self, file: str) -> list[str]:
        if file not in self._lines:
            self._lines[file] = [line.rstrip("\r\n") for line in self.graph.read_lines(file)]
        return self._lines[file]

    def span(self, qualname: str) -> tuple[str, int, int] | None:
        """(file, first line, last line) of a symbol, decorators included."""
        data = self.graph.graph.nodes.get(f"symbol:{qualname}")
        if data is None:
            return None
        return data["file"], data["start_line"], data["end_line"]

    def snippet(self, title: str, qualname: str) -> Snippet | None:
        span = self.span(qualname)
        if span is None:
            return None
        file, start, end = span
        code = "\n".join(self.lines(file)[start - 1 : end])
        return Snippet(title=title, path=file, start=start, end=end, code=code)

    def imports(self, file: str) -> list[str]:
        """Top-level import statements, each on one line, in file order."""
        found: list[str] = []
        lines = self.lines(file)
        index = 0
        while index < len(lines):
            line = lines[index]
            index += 1
            if not line.startswith(("import ", "from ")):
                continue
            statement = line.strip()
            while "(" in statement and ")" not in statement and index < len(lines):
                statement += " " + lines[index].strip()
                index += 1
            found.append(_one_line(statement))
        return found


def _one_line(statement: str) -> str:
    """``from x import (a, b,)`` -> ``from x import a, b``."""
    if "(" not in statement:
        return statement
    head, _, rest = statement.partition("(")
    names = [n.strip() for n in rest.rstrip(")").split(",") if n.strip()]
    return head.rstrip() + " " + ", ".join(names)
