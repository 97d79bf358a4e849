"""The pipeline: discover files, parse and extract each one, assemble the graph."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from codeintel.assemble import Resolver, assemble
from codeintel.codegraph import CodeGraph
from codeintel.diagnostics import Diagnostic
from codeintel.discover import SourceFile, discover
from codeintel.errors import CodeIntelError
from codeintel.evaluate import Evaluator
from codeintel.extract.symbols import extract_module
from codeintel.models import ModuleFacts
from codeintel.modnames import is_package, module_names, path_name
from codeintel.parse import parse_python
from codeintel.semantics import add_semantics

#: Larger files are almost always generated; parsing them costs much and tells little.
DEFAULT_MAX_FILE_SIZE = 2_000_000


def analyze(path: str | Path, *, max_file_size: int = DEFAULT_MAX_FILE_SIZE) -> CodeGraph:
    """Analyse the project at ``path`` without running it. Bad files become diagnostics."""
    root = Path(path)
    files, resolver, diagnostics = resolve_project(root, max_file_size=max_file_size)
    graph = assemble(files, resolver)
    diagnostics.extend(add_semantics(graph, Evaluator(resolver), files, root))
    graph.graph["diagnostics"] = tuple(dataclasses.asdict(d) for d in sorted(diagnostics))
    return CodeGraph(graph, root)


def resolve_project(
    root: Path, *, max_file_size: int = DEFAULT_MAX_FILE_SIZE
) -> tuple[list[SourceFile], Resolver, list[Diagnostic]]:
    """Discover, parse and extract every file, and index the facts for name resolution."""
    if not root.is_dir():
        raise CodeIntelError(f"not a directory: {root}")
    files, diagnostics = discover(root)
    python = [f.path for f in files if f.kind == "python"]
    names = module_names(python)
    facts: list[ModuleFacts] = []
    for source in files:
        if source.kind != "python":
            continue
        result = analyze_file(root, source, names[source.path], max_file_size)
        if isinstance(result, Diagnostic):
            diagnostics.append(result)
        else:
            facts.append(result)
    aliases = {name: name for name in names.values()}
    for file, name in names.items():
        aliases.setdefault(path_name(file), name)
    return files, Resolver(facts, aliases), diagnostics


def analyze_file(
    root: Path, source: SourceFile, module: str, max_file_size: int
) -> ModuleFacts | Diagnostic:
    """Read, parse and extract one Python file; a bad file is a diagnostic, never an error."""
    try:
        size = (root / source.path).stat().st_size
        if size > max_file_size:
            return Diagnostic(
                "CI104", source.path, 0, f"{size} bytes is over the {max_file_size} byte cap"
            )
        data = (root / source.path).read_bytes()
    except OSError as exc:
        return Diagnostic("CI101", source.path, 0, f"cannot read: {exc.strerror or exc}")
    parsed = parse_python(source.path, data)
    if isinstance(parsed, Diagnostic):
        return parsed
    try:
        return extract_module(parsed, source.path, module, is_package(source.path))
    except RecursionError:
        return Diagnostic("CI107", source.path, 0, "nesting too deep to analyse")
