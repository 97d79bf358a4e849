"""Compare codeintel's import edges with grimp's for one package (needs ``pip install grimp``).

Usage: python -m benchmarks.compare_grimp REPO_ROOT PACKAGE
Run from anywhere; REPO_ROOT is put first on sys.path so grimp imports the package from there.
"""

from __future__ import annotations

import sys
from pathlib import Path

import codeintel
from codeintel.pipeline.modnames import path_name


def grimp_edges(root: Path, package: str) -> set[tuple[str, str]]:
    import grimp  # type: ignore[import-not-found]

    sys.path.insert(0, str(root))
    graph = grimp.build_graph(package, include_external_packages=True, cache_dir=None)
    return {
        (module, imported)
        for module in graph.modules
        if not graph.is_module_squashed(module)
        for imported in graph.find_modules_directly_imported_by(module)
    }


def our_edges(root: Path, package: str) -> set[tuple[str, str]]:
    """Our import edges in grimp's terms: modules named by path (grimp sees namespace packages
    from the root), and everything outside ``package`` squashed to its top-level name."""
    graph = codeintel.analyze(root).graph
    found = set()
    for source, target, kind in graph.edges(keys=True):
        if kind != "imports":
            continue
        importer = _grimp_name(graph.nodes[source])
        if not _inside(importer, package):
            continue
        imported = _grimp_name(graph.nodes[target])
        found.add((importer, imported if _inside(imported, package) else imported.split(".")[0]))
    return found


def _grimp_name(data: dict[str, str]) -> str:
    return path_name(data["file"]) if "file" in data else data["name"]


def _inside(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def main(argv: list[str]) -> int:
    root, package = Path(argv[0]).resolve(), argv[1]
    theirs, ours = grimp_edges(root, package), our_edges(root, package)
    both = theirs & ours
    print(f"grimp {len(theirs)} edges, codeintel {len(ours)}, shared {len(both)}")
    print(f"agreement: {len(both) / max(len(theirs | ours), 1):.1%} (shared / union)")
    for label, edges in (("only grimp", theirs - ours), ("only codeintel", ours - theirs)):
        for importer, imported in sorted(edges):
            print(f"{label}: {importer} -> {imported}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
