"""Import roots: the folders a project's code is imported from, decided from evidence."""

from __future__ import annotations

import dataclasses
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

from codeintel.facts.project import ImportRoot
from codeintel.pipeline.discover import SourceFile
from codeintel.pipeline.modnames import module_names, path_name
from codeintel.pipeline.read import Job

#: Absolute imports at the start of a line: a cheap scan, before any file is parsed.
_IMPORT = re.compile(
    rb"^[ \t]*(?:from[ \t]+([A-Za-z_][\w.]*)[ \t]+import(?:[ \t(]+([A-Za-z_]\w*))?"
    rb"|import[ \t]+([A-Za-z_][\w.]*))",
    re.MULTILINE,
)

#: Packaging and tool settings that name import roots, strongest evidence first.
_CONFIG_KEYS = (
    "tool.setuptools.package-dir",
    "tool.setuptools.packages.find.where",
    "tool.poetry.packages",
    "tool.hatch.build.targets.wheel.packages",
    "tool.pdm.build.package-dir",
    "tool.pytest.ini_options.pythonpath",
    "tool.mypy.mypy_path",
)


@dataclass(frozen=True)
class Naming:
    """Every Python file's module name, the other spellings that reach it, and the roots."""

    names: dict[str, str]  # path -> canonical module name
    aliases: dict[str, str]  # another importable spelling -> canonical module name
    roots: tuple[ImportRoot, ...]


def name_jobs(root: Path, files: list[SourceFile], jobs: list[Job]) -> tuple[list[Job], Naming]:
    """The jobs with their module names. Names need every file's imports and the packaging
    settings, so they are decided after reading and before parsing (a file's facts depend on
    its module name)."""
    configs: dict[str, bytes] = {}
    for source in files:
        if source.path.rpartition("/")[2] == "pyproject.toml":
            try:
                configs[source.path] = (root / source.path).read_bytes()
            except OSError:
                continue  # reported by the configuration reader
    naming = name_modules({j.path: j.data for j in jobs}, configs)
    return [dataclasses.replace(j, module=naming.names[j.path]) for j in jobs], naming


def name_modules(sources: Mapping[str, bytes], configs: Mapping[str, bytes]) -> Naming:
    """Name each Python file (``sources``: path -> bytes) as the project's own code imports
    it. Roots come from packaging and tool settings in ``configs`` (path of each
    ``pyproject.toml`` -> bytes) first, then from where the code's absolute imports resolve;
    a file no evidence covers keeps the name its chain of packages gives it."""
    paths = sorted(sources)
    fallback = module_names(paths)
    declared = _configured_roots(configs)
    provides = _provided_names(paths)
    votes, first_site = _votes(sources, provides)
    chosen: dict[str, tuple[str, str, str, int]] = {}  # path -> (root, evidence, file, line)
    for path in paths:
        pick = _pick(path, declared, votes, fallback[path])
        if pick is not None:
            root, evidence, file, line = pick
            if evidence == "imports":
                file, line = first_site[root, _top(path, root)]
            chosen[path] = (root, evidence, file, line)
    short = {p: _name_under(p, chosen[p][0]) if p in chosen else fallback[p] for p in paths}
    counts = Counter(short.values())
    names = {p: (n if counts[n] == 1 else path_name(p)) for p, n in short.items()}
    return Naming(names, _aliases(names, votes), _roots(chosen, names, short))


def _configured_roots(configs: Mapping[str, bytes]) -> list[tuple[str, str, str, int]]:
    """``(folder, key, file, line)`` for each root a ``pyproject.toml`` declares."""
    found: list[tuple[str, str, str, int]] = []
    for file in sorted(configs):
        text = configs[file].decode("utf-8", "replace")
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError:
            continue  # reported as CI110 by the configuration reader
        base = file.rpartition("/")[0]
        for key in _CONFIG_KEYS:
            for folder in _folders(key, _get(data, key)):
                joined = _join(base, folder)
                if joined is not None:
                    found.append((joined, key, file, _line_of(text, key)))
    order = {key: i for i, key in enumerate(_CONFIG_KEYS)}
    return sorted(set(found), key=lambda r: (order[r[1]], -r[0].count("/"), r))


def _get(data: dict[str, Any], key: str) -> Any:
    value: Any = data
    for part in key.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _folders(key: str, value: Any) -> list[str]:
    """The folders a setting names as roots, relative to its ``pyproject.toml``."""
    if key == "tool.setuptools.package-dir" and isinstance(value, dict):
        return [v for k, v in value.items() if k == "" and isinstance(v, str)]
    if key == "tool.poetry.packages" and isinstance(value, list):
        return [str(p.get("from", ".")) for p in value if isinstance(p, dict) and "include" in p]
    if key == "tool.hatch.build.targets.wheel.packages" and isinstance(value, list):
        return [p.rpartition("/")[0] or "." for p in value if isinstance(p, str)]
    if isinstance(value, str):
        return [] if key == "tool.pdm.build.package-dir" and value == "" else value.split(",")
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def _join(base: str, folder: str) -> str | None:
    """A setting's folder as a repository-relative path; None when it leaves the repository."""
    parts = [p for p in f"{base}/{folder.strip()}".split("/") if p not in ("", ".")]
    out: list[str] = []
    for part in parts:
        if part == "..":
            if not out:
                return None
            out.pop()
        else:
            out.append(part)
    return "/".join(out)


def _line_of(text: str, key: str) -> int:
    """The line that sets ``key`` (its last part), or that opens its table."""
    table, _, last = key.rpartition(".")
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith(last) and "=" in stripped:
            return number
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip().strip("[]") == table:
            return number
    return 1


def _provided_names(paths: Iterable[str]) -> dict[str, dict[str, bool]]:
    """Dotted name -> the folders under which it names something -> whether that is a file (a
    module or a package's ``__init__``) rather than a folder without one."""
    provides: dict[str, dict[str, bool]] = defaultdict(dict)
    for path in paths:
        parts = path_name(path).split(".")
        folders = path.split("/")[:-1]
        for start in range(len(folders) + 1):
            root = "/".join(folders[:start])
            for end in range(start + 1, len(parts) + 1):
                named = provides[".".join(parts[start:end])]
                named[root] = named.get(root, False) or end == len(parts)
    return provides


def _votes(
    sources: Mapping[str, bytes], provides: dict[str, dict[str, bool]]
) -> tuple[Counter[tuple[str, str]], dict[tuple[str, str], tuple[str, int]]]:
    """How many of the code's absolute imports reach each (folder, top-level name) -- the
    spelling ``app.core.config`` counts for ``app`` under the folder that holds ``app/`` --
    and the first import of each."""
    votes: Counter[tuple[str, str]] = Counter()
    first: dict[tuple[str, str], tuple[str, int]] = {}
    for path in sorted(sources):
        data = sources[path]
        for match in _IMPORT.finditer(data):
            module, member, plain = match.groups()
            name = (module or plain).decode()
            top = name.partition(".")[0]
            if top in sys.stdlib_module_names:
                continue
            found = dict(provides.get(name, {}))
            if member is not None:
                for root, is_file in provides.get(f"{name}.{member.decode()}", {}).items():
                    found[root] = found.get(root, False) or is_file
            # A name that is a real module under one folder and a bare folder under another
            # is imported from the first.
            files = [root for root, is_file in found.items() if is_file]
            for root in files or found:
                votes[root, top] += 1
                first.setdefault((root, top), (path, data.count(b"\n", 0, match.start()) + 1))
    return votes, first


def _pick(
    path: str,
    declared: list[tuple[str, str, str, int]],
    votes: Counter[tuple[str, str]],
    fallback_name: str,
) -> tuple[str, str, str, int] | None:
    """The root ``path`` is named from: the strongest setting that covers it, else the
    folder under which the code imports this file's top-level package most often (ties keep
    the package chain), else None."""
    folders = path.split("/")[:-1]
    ancestors = ["/".join(folders[:i]) for i in range(len(folders) + 1)]
    if path.endswith("/__init__.py"):
        ancestors.pop()  # a package is named from above its own folder
    for root, key, file, line in declared:
        if root in ancestors:
            return root, key, file, line
    score = {a: votes[a, _top(path, a)] for a in ancestors}
    best = max(score.values())
    if best == 0:
        return None
    chain_root = next((a for a in ancestors if _name_under(path, a) == fallback_name), None)
    if chain_root is not None and score[chain_root] == best:
        return chain_root, "imports", "", 0
    return next(a for a in ancestors if score[a] == best), "imports", "", 0


def _top(path: str, root: str) -> str:
    return _name_under(path, root).partition(".")[0]


def _name_under(path: str, root: str) -> str:
    full = path_name(path)
    if not root:
        return full
    prefix = root.replace("/", ".") + "."
    return full[len(prefix) :] if full.startswith(prefix) else full


def _aliases(names: dict[str, str], votes: Counter[tuple[str, str]]) -> dict[str, str]:
    """Each module's whole-path name, and its name under every other folder that the code
    imports from, lead to the canonical name."""
    aliases = {name: name for name in names.values()}
    for path, name in sorted(names.items()):
        aliases.setdefault(path_name(path), name)
    for path, name in sorted(names.items()):
        folders = path.split("/")[:-1]
        for i in range(len(folders) + 1):
            root = "/".join(folders[:i])
            if votes[root, _top(path, root)] > 0:
                aliases.setdefault(_name_under(path, root), name)
    return aliases


def _roots(
    chosen: dict[str, tuple[str, str, str, int]], names: dict[str, str], short: dict[str, str]
) -> tuple[ImportRoot, ...]:
    """One root per (folder, evidence): its first evidence site, and the modules it names."""
    sites: dict[tuple[str, str], tuple[str, int]] = {}
    counts: Counter[tuple[str, str]] = Counter()
    for path, (root, evidence, file, line) in sorted(chosen.items()):
        if names[path] == short[path]:
            counts[root, evidence] += 1
            sites[root, evidence] = min(sites.get((root, evidence), (file, line)), (file, line))
    return tuple(
        ImportRoot(
            folder=root,
            evidence=evidence,
            file=sites[root, evidence][0],
            line=sites[root, evidence][1],
            modules=n,
        )
        for (root, evidence), n in sorted(counts.items())
    )
