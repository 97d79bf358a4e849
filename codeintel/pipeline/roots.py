"""Import roots: the folders a project's code is imported from, decided from evidence."""

from __future__ import annotations

import configparser
import dataclasses
import fnmatch
import keyword
import re
import shlex
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

from codeintel.facts.project import ImportRoot
from codeintel.pipeline.discover import SourceFile
from codeintel.pipeline.layout import PYTEST_FILES, is_test_path
from codeintel.pipeline.modnames import (
    chain_names,
    is_package,
    package_of,
    path_name,
    unique_names,
)
from codeintel.pipeline.read import Job

#: Absolute imports at the start of a line: a cheap scan, before any file is parsed.
_IMPORT = re.compile(
    rb"^[ \t]*(?:from[ \t]+([A-Za-z_][\w.]*)[ \t]+import(?:[ \t(]+([A-Za-z_]\w*))?"
    rb"|import[ \t]+([A-Za-z_][\w.]*))",
    re.MULTILINE,
)
_COMMENT = re.compile(rb"#[^\n]*")
#: What may bind any name in a module: a star import, a module ``__getattr__``.
_OPEN_NAMESPACE = re.compile(rb"import[ \t]+\*|^def __getattr__", re.MULTILINE)
#: The modules pytest imports itself (its default ``python_files``).
_PYTEST_FILE = re.compile(r"^(test_.*|.*_test)\.py$")

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


_PYTEST_PATH = "tool.pytest.ini_options.pythonpath"
_HATCH_PACKAGES = "tool.hatch.build.targets.wheel.packages"
_PACKAGE_DIR = "tool.setuptools.package-dir"
#: Where hatch's path rewrites are read from, ranked as its ``packages`` are.
_HATCH_SOURCES = ("tool.hatch.build.targets.wheel.sources", "tool.hatch.build.sources")
_FIND_WHERE = "tool.setuptools.packages.find.where"
#: pytest's ``pythonpath`` in its other files, by file name, with the table or section it is
#: read from (``[tool.pytest]``, pytest 9's own table, first).
_PYTEST_PATHS = {
    "pytest.toml": "pytest",
    ".pytest.toml": "pytest",
    "pytest.ini": "pytest",
    ".pytest.ini": "pytest",
    "pyproject.toml": "tool.pytest",
    "tox.ini": "pytest",
    "setup.cfg": "tool:pytest",
}
#: Settings that put folders on ``sys.path`` beside others, declaring no package: mavedb's
#: ``pythonpath = "."`` for pytest over a ``src/mavedb`` its code imports as ``mavedb``.
_SEARCH_PATHS = frozenset(
    {_PYTEST_PATH, "tool.mypy.mypy_path", *(f"{t}.pythonpath" for t in _PYTEST_PATHS.values())}
)


@dataclass(frozen=True)
class Naming:
    """Every Python file's module name, the other spellings that reach it, and the roots."""

    names: dict[str, str]  # path -> canonical module name
    aliases: dict[str, str]  # another importable spelling -> canonical module name
    roots: tuple[ImportRoot, ...]
    #: spellings that reach several modules (two services that both hold ``app/``), by the
    #: root folder whose code imports them: what they mean for the code under that folder
    scoped: dict[str, dict[str, str]] = dataclasses.field(default_factory=dict)


def name_jobs(root: Path, files: list[SourceFile], jobs: list[Job]) -> tuple[list[Job], Naming]:
    """The jobs with their module names. Names need every file's imports and the packaging
    settings, so they are decided after reading and before parsing (a file's facts depend on
    its module name)."""
    configs: dict[str, bytes] = {}
    for source in files:
        if source.path.rpartition("/")[2] in PYTEST_FILES:
            try:
                configs[source.path] = (root / source.path).read_bytes()
            except OSError:
                continue  # reported by the configuration reader
    sources = {j.path: j.data for j in jobs}
    package = root.name if _imports_itself(root.name, sources) else None
    if package is None:
        naming = name_modules(sources, configs)
    else:
        naming = _within(package, name_modules(_under(package, sources), _under(package, configs)))
    return [dataclasses.replace(j, module=naming.names[j.path]) for j in jobs], naming


def _imports_itself(name: str, sources: Mapping[str, bytes]) -> bool:
    """Whether the project folder is a package its code imports by the folder's own name
    (``backend/__init__.py`` and ``from backend.routers import items`` in ``backend/``):
    Python runs it from the folder above, so each module's name starts with that name. Not
    when the project holds a top-level module or package of that name itself."""
    if "__init__.py" not in sources or not name.isidentifier() or keyword.iskeyword(name):
        return False
    if any(path_name(p).partition(".")[0] == name for p in sources):
        return False
    spelled = name.encode()
    return any(
        (m.group(1) or m.group(3) or b"").partition(b".")[0] == spelled
        for data in sources.values()
        for m in _IMPORT.finditer(data)
    )


def _under(package: str, files: Mapping[str, bytes]) -> dict[str, bytes]:
    return {f"{package}/{path}": data for path, data in files.items()}


def _within(package: str, naming: Naming) -> Naming:
    """``naming`` of the files placed under ``package/``, back at their own paths; the
    folder above the project, which Python imports it from, is ``..``."""

    def back(folder: str) -> str:
        return ".." if folder == "" else folder.removeprefix(package).removeprefix("/")

    roots = tuple(
        r.model_copy(update={"folder": back(r.folder), "file": back(r.file)}) for r in naming.roots
    )
    return Naming(
        {back(path): name for path, name in naming.names.items()},
        naming.aliases,
        roots,
        {back(folder).removeprefix(".."): names for folder, names in naming.scoped.items()},
    )


def name_modules(sources: Mapping[str, bytes], configs: Mapping[str, bytes]) -> Naming:
    """Name each Python file (``sources``: path -> bytes) as the project's own code imports
    it. Roots come from packaging and tool settings in ``configs`` (path of each
    ``pyproject.toml`` or other file pytest reads -> bytes) first, then from where the
    code's absolute imports resolve; a file no evidence covers keeps the name its chain of
    packages gives it."""
    paths = sorted(sources)
    chain = chain_names(paths)
    fallback = unique_names(chain)
    declared = _configured_roots(configs)
    packages = {p.rpartition("/")[0] for p in paths if p.endswith("__init__.py")}
    searched: dict[str, set[str]] = defaultdict(set)  # folder on the path -> whose settings
    for d in declared:
        if d.key in _SEARCH_PATHS:
            searched[d.folder].add(d.file.rpartition("/")[0])
    votes, first_site, code_votes = _votes(sources, _provided_names(paths), packages, searched)
    chosen: dict[str, tuple[str, str, str, int]] = {}  # path -> (root, evidence, file, line)
    levels = {path: _relative_level(sources[path]) for path in paths}
    if declared:  # only a setting's root can be contradicted by relative imports
        # a renamed folder's files sit deeper in their package than their path shows
        declared = [d for d in declared if d.as_name or not _contradicted(d.folder, levels)]
    renames = [d for d in declared if d.as_name]
    declared = [d for d in declared if not d.as_name]
    beside = _import_folders(votes, first_site, packages)
    imported_from = {folder for (folder, _), count in votes.items() if count > 0}
    renamed_to: dict[str, str] = {}
    for path in paths:
        rename = next((d for d in renames if _renames(d, path, declared)), None)
        if rename is not None and rename.as_name is not None:
            inside = (
                _name_under(path, rename.folder) if path != f"{rename.folder}/__init__.py" else ""
            )
            renamed_to[path] = ".".join(n for n in (rename.as_name, inside) if n)
            chosen[path] = (rename.folder, rename.key, rename.file, rename.line)
            continue
        pick = _pick(path, declared, votes, fallback[path], code_votes, imported_from)
        folder = path.rpartition("/")[0]
        renamed = _name_under(path, folder) != fallback[path]
        own = not is_package(path) and not is_test_path(path)  # pytest names tests itself
        if pick is None and folder in beside and renamed and own:
            pick = beside[folder]  # named from the folder still; a package from above it
        if pick is not None:
            root, evidence, file, line = pick
            if evidence == "imports" and not file:
                file, line = first_site[root, _top(path, root)]
            chosen[path] = (root, evidence, file, line)
    short = {p: _name_under(p, chosen[p][0]) if p in chosen else fallback[p] for p in paths}
    short |= renamed_to
    # only files no evidence named, by the chain's own names (before shared ones fall back
    # to whole paths)
    spelled = {p: n for p, n in chain.items() if p not in chosen}
    for path, site in _namespace_roots(spelled, sources, levels, packages).items():
        short[path] = _name_under(path, site[0])
        chosen[path] = site
    names = unique_names(_evidence_first(short, chosen))
    aliases, scoped = _aliases(names, votes)
    return Naming(names, aliases, _roots(chosen, names, short), scoped)


def _evidence_first(short: dict[str, str], chosen: Mapping[str, object]) -> dict[str, str]:
    """``short`` where a name evidence gave one file is also the package chain's name of a
    file no evidence named: the latter's package takes its whole path, so the evidenced
    one keeps its name. With ``backend/app`` on ``sys.path`` (``cd backend/app && uvicorn
    app.main:app``), ``app`` is ``backend/app/app/``; a stray ``backend/app/__init__.py``
    above it, whose chain also says ``app``, is never imported by that name (its folder is
    the one on the path). Two files that evidence both named alike still share it and both
    fall back, as before."""
    evidenced = {short[path] for path in chosen}
    losing = {
        package_of(path, name)
        for path, name in short.items()
        if path not in chosen and name in evidenced
    }
    return {
        path: path_name(path) if path not in chosen and package_of(path, name) in losing else name
        for path, name in short.items()
    }


def _namespace_roots(
    short: dict[str, str],
    sources: Mapping[str, bytes],
    levels: dict[str, int],
    packages: set[str],
) -> dict[str, tuple[str, str, str, int]]:
    """Files named from further up, as a namespace package's modules: a module whose
    relative imports climb above the packages its name holds runs inside a folder with no
    ``__init__.py`` that Python 3 imports as a package all the same (FrontDrago's
    ``src/app/main.py`` doing ``from .domain import routers``, served by ``cd src && uvicorn
    app.main:app``: ``main`` would fail with "attempted relative import with no known
    parent package"). The fewest such folders that let every relative import resolve are
    taken, and so is every module named from inside the outermost of them, with the root
    above it. ``short`` holds the files no other evidence named: a module the code imports
    by a name of its own keeps it (``from main import app`` in a test beside ``main.py``,
    pytest's spelling). Tests are left to pytest's naming; only identifier folders can be
    packages."""
    found: dict[str, tuple[str, str, int]] = {}  # namespace folder -> (root, file, line)
    for path in sorted(short):
        name, level = short[path], levels.get(path, 0)
        if not level or is_test_path(path):
            continue
        root = _root_of(path, name)
        climb = level - _package_depth(path, root) if root is not None else 0
        if root is None or climb <= 0:
            continue
        folders = root.split("/") if root else []
        outer = folders[: len(folders) - climb]
        namespaces = ["/".join(folders[:i]) for i in range(len(outer) + 1, len(folders) + 1)]
        if len(outer) + climb != len(folders) or any(
            f in packages or not f.rpartition("/")[2].isidentifier() for f in namespaces
        ):
            continue  # it climbs above the project, or through a folder no package can be
        climbing = next(m for m in _RELATIVE.finditer(sources[path]) if len(m[1]) == level)
        line = sources[path].count(b"\n", 0, climbing.start()) + 1
        found.setdefault(namespaces[0], ("/".join(outer), path, line))  # the first file's
    chosen: dict[str, tuple[str, str, str, int]] = {}
    triggers = {file for _, file, _ in found.values()}
    imported = _absolute_names(sources) if found else set()
    for top, (root, file, line) in sorted(found.items(), key=lambda t: (t[0].count("/"), t[0])):
        for path in sorted(short):
            own = _root_of(path, short[path])
            if path in chosen or is_test_path(path) or own is None:
                continue
            if short[path] in imported and path not in triggers:
                continue  # the code imports it by this name (a script's ``from reddit import``)
            if path.startswith(f"{top}/") and (own == top or own.startswith(f"{top}/")):
                chosen[path] = (root, "relative imports", file, line)
    return chosen


def _absolute_names(sources: Mapping[str, bytes]) -> set[str]:
    """Every module name an absolute import of the code spells (``from a import b`` spells
    ``a`` and ``a.b``)."""
    names: set[str] = set()
    for data in sources.values():
        for _, name, member, _ in _imported(data):
            names.add(name)
            if member is not None:
                names.add(f"{name}.{member.decode()}")
    return names


def _root_of(path: str, name: str) -> str | None:
    """The folder ``path`` is named ``name`` from; None when the name is not its path's."""
    parts = path.removesuffix(".py").split("/")
    if parts[-1] == "__init__":
        parts.pop()
    count = name.count(".") + 1
    if ".".join(parts[len(parts) - count :]) != name or count > len(parts):
        return None
    return "/".join(parts[: len(parts) - count])


def _renames(rename: _Declared, path: str, declared: list[_Declared]) -> bool:
    """Whether ``rename`` names ``path``: a file under its folder, no test (pytest names
    those by their own folders), and no nearer setting's root in between."""
    if not path.startswith(f"{rename.folder}/") or is_test_path(path):
        return False
    return not any(
        d.folder != rename.folder and _holds(rename.folder, d.folder) and _holds(d.folder, path)
        for d in declared
    )


def _import_folders(
    votes: Counter[tuple[str, str]],
    first_site: dict[tuple[str, str], tuple[str, int]],
    packages: set[str],
) -> dict[str, tuple[str, str, str, int]]:
    """Each folder the code imports from, with its first import, where it is no package or
    a package nothing imports by its name: a file in it that nothing imports (the entry
    ``main.py`` of ``cd server && uvicorn main:app``, beside the ``routers/`` it imports)
    is named from it too, as its neighbours are, though a ``db/main.py`` shares its file
    name, or a stray ``src/__init__.py`` makes ``src`` a package its code never imports."""
    found: dict[str, tuple[str, str, str, int]] = {}
    for (folder, top), count in sorted(votes.items()):
        parent, _, name = folder.rpartition("/")
        imported = folder in packages and votes[parent, name] > 0
        if count > 0 and not imported and folder not in found:
            file, line = first_site[folder, top]
            found[folder] = (folder, "imports", file, line)
    return found


@dataclass(frozen=True)
class _Declared:
    """A root a setting declares: for every package under it, or only for those it names."""

    folder: str
    packages: frozenset[str] | None
    key: str
    file: str
    line: int
    #: the package the folder itself is imported as, where a setting renames it
    #: (setuptools' ``package-dir = {myapp = "src"}``: ``src/api.py`` is ``myapp.api``)
    as_name: str | None = None


#: A root as a setting reads: its folder, the packages it takes there (None: all), the key
#: that says so, and the package the folder itself is imported as where it renames it.
_Setting = tuple[str, frozenset[str] | None, str, str | None]


def _configured_roots(configs: Mapping[str, bytes]) -> list[_Declared]:
    """Each root a ``pyproject.toml`` declares, or the pytest settings of a folder put on the
    path, nearest settings first (a sub-project's own pyproject speaks for its files before
    the repository's), then by strength of evidence."""
    found = set(_pytest_paths(configs))
    for file in sorted(configs):
        if file.rpartition("/")[2] != "pyproject.toml":
            continue
        text = configs[file].decode("utf-8", "replace")
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError:
            continue  # reported as CI110 by the configuration reader
        base = file.rpartition("/")[0]
        for key in (k for k in _CONFIG_KEYS if k != _PYTEST_PATH):
            if key == _PACKAGE_DIR and _get(data, _FIND_WHERE) is not None:
                continue  # setuptools maps what ``find`` finds to where it found it
            read: list[_Setting]
            if key == _HATCH_PACKAGES:
                read = [(*root, None) for root in _hatch_roots(data)]
            elif key == _PACKAGE_DIR:
                read = _package_dirs(_get(data, key), key)
            else:
                read = [(f, named, key, None) for f, named in _folders(key, _get(data, key))]
            for folder, named, evidence, as_name in read:
                if key == _FIND_WHERE:
                    named = _included(_get(data, "tool.setuptools.packages.find.include"))
                joined = _join(base, folder)
                if joined is not None:
                    line = _line_of(text, evidence)
                    found.add(_Declared(joined, named, evidence, file, line, as_name))
    order = {key: i for i, key in enumerate(_CONFIG_KEYS)}
    order.update(dict.fromkeys(_HATCH_SOURCES, order[_HATCH_PACKAGES]))

    def strength(d: _Declared) -> tuple[int, int, int, str, str]:
        rank = order.get(d.key, order[_PYTEST_PATH])  # pytest's other files rank as pyproject's
        return -d.file.count("/"), rank, -d.folder.count("/"), d.folder, d.file

    return sorted(found, key=strength)


def _hatch_roots(data: dict[str, Any]) -> list[tuple[str, frozenset[str] | None, str]]:
    """The folders hatchling builds the wheel's top level from, each with the packages it
    takes there (None: all) and the setting that says so. Hatch ships each file at its path
    with the first of its ``sources`` prefixes (sorted) that matches rewritten, and adds each
    of ``packages``' parent folders as a prefix it removes; both are read from the wheel's
    table, else from ``tool.hatch.build``. So ``packages = ["src"]`` with ``sources = {"src"
    = ""}`` ships ``src/api/`` as ``api``, not ``src.api``. A prefix replaced by another
    name (a rename, which hatch's editable installs refuse) names no folder."""
    packages_key, packages = _hatch_setting(data, "packages")
    sources_key, sources = _hatch_setting(data, "sources")
    wanted = [p.strip("/") for p in packages if isinstance(p, str)] if packages else []
    prefixes: dict[str, str] = {}  # "src/" -> what replaces it: "" or "pkg/"
    if isinstance(sources, list):
        prefixes = {_prefix(s): "" for s in sources if isinstance(s, str) and _prefix(s)}
    elif isinstance(sources, dict):
        prefixes = {_prefix(s): _prefix(r) for s, r in sources.items() if isinstance(r, str)}
    explicit = set(prefixes)
    for package in (p for p in wanted if p):
        parent = package.rpartition("/")[0]
        if parent and f"{package}/" not in prefixes:
            prefixes[f"{parent}/"] = ""
    ordered = sorted(prefixes.items())
    found: list[tuple[str, frozenset[str] | None, str]] = []
    if wanted:
        for package in (p for p in wanted if p):
            path = f"{package}/"
            prefix, replacement = next(((s, r) for s, r in ordered if path.startswith(s)), ("", ""))
            shipped = replacement + path[len(prefix) :]
            if path.endswith(shipped):
                key = sources_key if prefix in explicit else packages_key
                folder = path[: len(path) - len(shipped)].strip("/") or "."
                named = frozenset([shipped.partition("/")[0]]) if shipped else None
                found.append((folder, named, key))
        return found
    for i, (prefix, replacement) in enumerate(ordered):
        shadowed = any(prefix.startswith(earlier) for earlier, _ in ordered[:i])
        if prefix and prefix.endswith(replacement) and not shadowed:
            folder = prefix[: len(prefix) - len(replacement)].strip("/") or "."
            named = frozenset([replacement.partition("/")[0]]) if replacement else None
            found.append((folder, named, sources_key))
    return found


def _package_dirs(value: Any, key: str) -> list[_Setting]:
    """setuptools' ``package-dir``: ``"" = "src"`` roots every package in ``src``; ``app =
    "src/app"`` roots ``app`` in ``src``; ``myapp = "src"`` renames: the folder is the
    package ``myapp`` (its editable install maps the name to the folder). The project's own
    folder as a renamed package is left to the package chain: it holds its tests too."""
    if not isinstance(value, dict):
        return []
    found: list[_Setting] = []
    for package, folder in value.items():
        if not isinstance(folder, str) or not isinstance(package, str):
            continue
        where = _prefix(folder).rstrip("/")
        inner = package.replace(".", "/")
        if not package:
            found.append((folder, None, key, None))
        elif where == inner or where.endswith(f"/{inner}"):
            top = frozenset([package.partition(".")[0]])
            found.append((where[: len(where) - len(inner)].rstrip("/") or ".", top, key, None))
        elif where and all(p.isidentifier() for p in package.split(".")):
            found.append((where, None, key, package))
    return found


def _hatch_setting(data: dict[str, Any], name: str) -> tuple[str, Any]:
    """A hatch build setting and where it is read from: the wheel target's, else the
    build's (hatch's own precedence)."""
    for where in ("tool.hatch.build.targets.wheel", "tool.hatch.build"):
        block = _get(data, where)
        if isinstance(block, dict) and name in block:
            return f"{where}.{name}", block[name]
    return "", None


def _prefix(folder: str) -> str:
    """A folder as hatch compares paths with it: ``src`` and ``./src/`` are ``src/``; the
    project's own folder is ""."""
    cleaned = "/".join(p for p in folder.strip().split("/") if p not in ("", "."))
    return f"{cleaned}/" if cleaned else ""


def _pytest_paths(configs: Mapping[str, bytes]) -> Iterable[_Declared]:
    """The folders pytest's ``pythonpath`` puts on ``sys.path``, from the one file pytest
    takes its settings from in each folder (the first of ``PYTEST_FILES`` that configures
    it: a ``pytest.ini`` beside a ``pyproject.toml`` silences the pyproject's)."""
    folders = sorted({file.rpartition("/")[0] for file in configs})
    for folder in folders:
        for name in PYTEST_FILES:
            file = f"{folder}/{name}" if folder else name
            found = _pytest_setting(name, configs[file]) if file in configs else None
            if found is not None:
                key, paths, line = found
                for path in paths:
                    joined = _join(folder, path)
                    if joined is not None:
                        yield _Declared(joined, None, key, file, line)
                break


def _pytest_setting(name: str, data: bytes) -> tuple[str, list[str], int] | None:
    """``pythonpath`` in a file pytest may read, with the key it is read under and its
    line; None when the file does not configure pytest (no table or section of its own:
    any ``pytest.ini`` or ``pytest.toml`` does)."""
    text = data.decode("utf-8", "replace")
    table = _PYTEST_PATHS[name]
    if name.endswith(".toml"):
        try:
            settings = _get(tomllib.loads(text), table)
        except tomllib.TOMLDecodeError:
            return None
        if name == "pyproject.toml" and isinstance(settings, dict) and "ini_options" in settings:
            table, settings = _PYTEST_PATH.rpartition(".")[0], settings["ini_options"]
        if not isinstance(settings, dict):
            return ("pytest.pythonpath", [], 1) if name != "pyproject.toml" else None
        key = f"{table}.pythonpath"
        paths = [folder for folder, _ in _folders(_PYTEST_PATH, settings.get("pythonpath"))]
        return key, paths, _line_of(text, key)
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(text)
    except configparser.Error:
        return None
    if not parser.has_section(table):
        return (f"{table}.pythonpath", [], 1) if name in ("pytest.ini", ".pytest.ini") else None
    value = parser.get(table, "pythonpath", fallback="")
    return f"{table}.pythonpath", shlex.split(value), _ini_line(text, table, "pythonpath")


def _ini_line(text: str, section: str, key: str) -> int:
    """The line setting ``key`` in ``[section]`` of an ini file; else the section's header."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip() == f"[{section}]"), None)
    if start is None:
        return 1
    for number in range(start + 1, len(lines)):
        if lines[number].lstrip().startswith("["):
            break
        if re.match(rf"\s*{re.escape(key)}\s*[=:]", lines[number]):
            return number + 1
    return start + 1


def _included(patterns: Any) -> frozenset[str] | None:
    """The packages setuptools' ``find`` takes under its folders: its ``include`` patterns
    (``["crawl4ai*"]``: not the loose modules of crawl4ai's ``deploy/docker/`` server), or
    None for every package."""
    if not isinstance(patterns, list) or not patterns:
        return None
    return frozenset(p for p in patterns if isinstance(p, str))


def _declares(packages: frozenset[str] | None, top: str) -> bool:
    """Whether a setting's packages (names, or ``find``'s glob patterns) take ``top``."""
    return packages is None or any(
        fnmatch.fnmatchcase(top, p) or p.startswith(f"{top}.") for p in packages
    )


def _get(data: dict[str, Any], key: str) -> Any:
    value: Any = data
    for part in key.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _folders(key: str, value: Any) -> list[tuple[str, frozenset[str] | None]]:
    """The folders a setting names as roots, relative to its ``pyproject.toml``, each with
    the packages it declares there (None: every package under it). Strings are split as each
    tool splits them."""
    if key == "tool.poetry.packages" and isinstance(value, list):
        return [
            (str(p.get("from", ".")), frozenset([str(p["include"]).partition("/")[0]]))
            for p in value
            if isinstance(p, dict) and "include" in p
        ]
    if key == "tool.mypy.mypy_path" and isinstance(value, str):
        value = re.split(r"[,:]", value.replace("$MYPY_CONFIG_FILE_DIR", "."))
    elif key == "tool.pytest.ini_options.pythonpath" and isinstance(value, str):
        value = shlex.split(value)
    if key == "tool.pdm.build.package-dir" and value == "":
        return []
    if isinstance(value, str):
        value = [value]
    if isinstance(value, list):
        return [(v, None) for v in value if isinstance(v, str) and v.strip()]
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
    """The line that sets ``key``: under the longest of its tables that the file opens, the
    first line setting the next part of the key (``packages = { find = ... }`` sets
    ``packages.find.where``); else that table's header; else 1. A key that is a table of
    its own (``[tool.hatch.build.targets.wheel.sources]``) is set by its header."""
    lines = text.splitlines()
    own = f"[{key}]"
    header_line = next((i for i, line in enumerate(lines) if line.strip() == own), None)
    if header_line is not None:
        return header_line + 1
    parts = key.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        header = "[" + ".".join(parts[:cut]) + "]"
        start = next((i for i, line in enumerate(lines) if line.strip() == header), None)
        if start is None:
            continue
        setting = re.compile(rf"\s*\"?{re.escape(parts[cut])}\"?\s*[=.]")
        for number in range(start + 1, len(lines)):
            if lines[number].lstrip().startswith("["):
                break
            if setting.match(lines[number]):
                return number + 1
        return start + 1
    return 1


def _provided_names(paths: Iterable[str]) -> dict[str, set[str]]:
    """Dotted name -> the folders under which it names a module or a package's
    ``__init__`` (a bare folder proves nothing: any tree has folders named like packages)."""
    provides: dict[str, set[str]] = defaultdict(set)
    for path in paths:
        parts = path_name(path).split(".")
        folders = path.split("/")[:-1]
        for start in range(len(folders) + 1):
            provides[".".join(parts[start:])].add("/".join(folders[:start]))
    return provides


def _votes(
    sources: Mapping[str, bytes],
    provides: dict[str, set[str]],
    packages: set[str],
    searched: Mapping[str, set[str]],
) -> tuple[
    Counter[tuple[str, str]], dict[tuple[str, str], tuple[str, int]], Counter[tuple[str, str]]
]:
    """How many of the code's absolute imports reach each (folder, top-level name) -- the
    spelling ``app.core.config`` counts for ``app`` under the folder that holds ``app/`` --
    and the first import of each. A package folder that only code inside it can import
    from loses its votes for a name as many imports elsewhere take from outside the project
    (``import pytest`` in a suite of thousands of tests, against one plugin module inside
    phoenix's ``client/`` package, which holds a ``pytest/`` subpackage). Last, the votes of
    the code alone, not its tests: how the app itself spells its imports. A folder a
    setting puts on the search path (``searched``, with the folders of the settings that do)
    is on it only for the code under those settings: a service's ``pytest.ini`` is read by
    the pytest runs of that service, never by its sibling's code, which imports its own
    ``src`` package though the service holds one too."""
    votes: Counter[tuple[str, str]] = Counter()
    code_votes: Counter[tuple[str, str]] = Counter()
    outside: Counter[str] = Counter()
    first: dict[tuple[str, str], tuple[str, int]] = {}
    code: dict[str, bytes | None] = {}  # modules' code without comments, read once each
    migrations = _alembic_scripts(sources)
    for path in sorted(sources):
        if path in migrations:
            continue
        data = sources[path]
        tests = is_test_path(path)
        on_path = {f for f, by in searched.items() if any(_holds(b, path) for b in by)}
        folder = path.rpartition("/")[0]
        for match, name, member, alias in _imported(data):
            top = name.partition(".")[0]
            if top in sys.stdlib_module_names:
                continue
            found = set(provides.get(name, ()))
            nested = "." in name and bool(found)
            if member is not None:
                deeper = provides.get(f"{name}.{member.decode()}", set())
                bound = {
                    r for r in found if r not in packages or _binds(sources, code, r, name, member)
                }
                found, nested = bound | deeper, nested or bool(deeper)
            sibling = not tests and not _own(path, name)
            if sibling and member is not None and folder not in packages:
                # a namespace folder's ``from users import router``: its folder is on
                # ``sys.path`` (``cd svc && uvicorn main:app``) where ``users.py`` beside
                # it names ``router``; a ``redis.py`` naming no ``Redis`` is the library
                sibling = folder in found and _binds(sources, code, folder, name, member)
            elif sibling and member is None:
                # ``import users`` then ``users.router``: evidence as ``from users import
                # router`` is, where the module beside it binds what the code reads off it
                sibling = not nested and folder in found and folder in packages
                if sibling:  # a search of the file, only where it can tell
                    read = re.findall(rb"(?<![\w.])" + re.escape(alias) + rb"\.(\w+)", data)
                    sibling = any(_binds(sources, code, folder, name, m) for m in set(read))
            possible = _possible(path, found, packages, nested, on_path, sibling)
            # a module the project holds, named to the submodule, is its own even from
            # outside (tests of ``src/myapp`` under a stray ``src/__init__.py``)
            outside[top] += not possible and not nested
            for root in possible:
                votes[root, top] += 1
                code_votes[root, top] += not tests
                first.setdefault((root, top), (path, data.count(b"\n", 0, match.start()) + 1))
    for root, top in [k for k in votes if k[0] in packages and outside[k[1]] >= votes[k]]:
        del votes[root, top]
    return votes, first, code_votes


#: One module an ``import`` statement names after the first: ``, b`` or ``, b as c``.
_MORE = re.compile(rb"[ \t]*,[ \t]*([A-Za-z_][\w.]*)(?:[ \t]+as[ \t]+([A-Za-z_]\w*))?")
_ALIAS = re.compile(rb"[ \t]+as[ \t]+([A-Za-z_]\w*)")


#: ``if TYPE_CHECKING:`` (or ``typing.TYPE_CHECKING``) opening a block, with its indentation.
_TYPE_CHECKING = re.compile(
    rb"^([ \t]*)if[ \t]+(?:typing\.|t\.)?TYPE_CHECKING[ \t]*:[ \t]*(?:#[^\n]*)?$", re.MULTILINE
)


def _type_only(data: bytes) -> list[tuple[int, int]]:
    """The byte spans of ``if TYPE_CHECKING:`` blocks: imports Python never runs, read by
    type checkers alone (wahoo_hook's ``from app.core import WahooApp`` there, as mypy
    resolves the poetry package, while the app runs from inside ``app/`` with bare
    imports). A block ends at the first line indented no deeper than its ``if``."""
    spans: list[tuple[int, int]] = []
    for match in _TYPE_CHECKING.finditer(data):
        indent, end = len(match[1]), match.end()
        for line in re.finditer(rb"\n([ \t]*)(\S?)", data[match.end() :]):
            if line[2] and len(line[1]) <= indent:
                break
            end = match.end() + line.end()
        else:
            end = len(data)
        spans.append((match.end(), end))
    return spans


def _imported(data: bytes) -> Iterator[tuple[re.Match[bytes], str, bytes | None, bytes]]:
    """Each absolute import of a module's code that Python runs: its match, the module it
    names, the member a ``from`` import takes first (else None), and the name it binds.
    ``import crud, models as m`` names each of its modules; ``import a.b`` binds ``a``.
    Imports under ``if TYPE_CHECKING:`` are left out: they say how a type checker finds a
    module, not which folder the code runs from."""
    skipped = _type_only(data) if b"TYPE_CHECKING" in data else []
    for match in _IMPORT.finditer(data):
        if any(start <= match.start() < end for start, end in skipped):
            continue
        module, member, plain = match.groups()
        if module is not None:
            yield match, module.decode(), member, member or b""
            continue
        alias = _ALIAS.match(data, match.end())
        yield match, plain.decode(), None, alias[1] if alias else plain.partition(b".")[0]
        end = alias.end() if alias else match.end()
        while more := _MORE.match(data, end):
            name, bound = more.groups()
            yield match, name.decode(), None, bound or name.partition(b".")[0]
            end = more.end()


def _alembic_scripts(paths: Iterable[str]) -> set[str]:
    """Alembic's ``env.py`` and its ``versions/`` scripts: alembic runs them with the folders
    its ``alembic.ini`` prepends on ``sys.path`` (``prepend_sys_path = ../``), never the app;
    how they spell the app's modules (``from src.data.models import *``, one folder above the
    ``cd src && uvicorn main:app`` the app is served by) says nothing of the app's names."""
    found = set(paths)
    envs = {p.rpartition("/")[0] for p in found if p.rpartition("/")[2] == "env.py"}
    scripts = set()
    for path in found:
        folder = path.rpartition("/")[0]
        home, _, last = folder.rpartition("/")
        if last == "versions" and home in envs:
            scripts |= {path, f"{home}/env.py" if home else "env.py"}
    return scripts


def _binds(
    sources: Mapping[str, bytes],
    code: dict[str, bytes | None],
    root: str,
    module: str,
    member: bytes,
) -> bool:
    """Whether ``from module import member`` may be served by ``module`` under ``root``: its
    code names ``member`` (or imports ``*``, or has a module ``__getattr__``). NAT's
    ``nat/front_ends/fastapi/`` package names no ``FastAPI``: its own modules' ``from fastapi
    import FastAPI`` is the library, never a vote for that package's parent as a root."""
    base = f"{root}/{module.replace('.', '/')}" if root else module.replace(".", "/")
    if base not in code:
        source = sources.get(f"{base}/__init__.py", sources.get(f"{base}.py"))
        code[base] = _COMMENT.sub(b"", source) if source is not None else None
    text = code[base]
    if text is None:
        return True  # a namespace package, or not read: nothing tells
    named = re.search(rb"\b" + re.escape(member) + rb"\b", text)
    return named is not None or _OPEN_NAMESPACE.search(text) is not None


def _own(importer: str, name: str) -> bool:
    """Whether ``importer`` is the module ``name`` names beside it (``celery.py``'s own
    ``from celery import Celery``: the library, whatever the folder)."""
    stem = importer.rpartition("/")[2].removesuffix(".py")
    if stem == "__init__":
        stem = importer.rpartition("/")[0].rpartition("/")[2]
    return stem == name.partition(".")[0]


def _possible(
    importer: str,
    roots: set[str],
    packages: set[str],
    nested: bool,
    searched: set[str],
    sibling: bool = False,
) -> list[str]:
    """The folders an import in ``importer`` can really be resolved from. Python 3 never
    imports a file beside the importer by its bare name (one named like a library proves
    nothing); but a module in no package is imported with its folder on ``sys.path``, so
    a folder beside it is importable (``nested``: the import names a module inside one;
    ``cd server && uvicorn main:app`` imports ``routers/users.py`` as ``routers.users``,
    mem0's server, ``routers/`` without an ``__init__.py``). A package's folder is on
    ``sys.path`` only for code inside it (``src/__init__.py`` beside code importing
    ``app.*``): so a ``fastapi.py`` deep in the tree never stands for ``fastapi``. A root
    holding the importer wins over others (a sub-project imports its own ``app``). A folder
    inside a package is part of that package, never on ``sys.path`` itself: zenml's
    ``deployers/server/fastapi/`` subpackage does not make ``fastapi`` the project's. Nor is
    a test suite's package folder ever on ``sys.path``: pytest imports its files by their
    package chain (WrenAI's ``tests/pytest/`` package is no ``pytest`` to its own tests).
    A folder a setting puts on the search path (``searched``: pytest's ``pythonpath``) is
    on it, in a package or not, for the code inside it as for any other (monarch's ``src``
    under a stray ``__init__.py``; arthur's ``src`` package, whose modules import each
    other by their bare names). ``sibling``: ``from database import get_db`` in a module of
    the code, where a module beside it (not itself) names ``get_db``: with nothing else to
    serve it, its folder is on ``sys.path`` though a stray ``__init__`` makes it a package
    (``WORKDIR /app`` and ``uvicorn main:app`` over ``app/__init__.py``)."""
    folder = importer.rpartition("/")[0]
    basedir = _pytest_basedir(importer, packages)
    usable = [
        r
        for r in roots
        if r == basedir
        or (
            (r != folder or r in searched or (nested and r not in packages))
            and (r not in packages or r in searched or (_holds(r, importer) and not _is_tests(r)))
            and (r in searched or not (r and r.rpartition("/")[0] in packages))
        )
    ]
    own = [r for r in usable if _holds(r, importer)]
    if not usable and nested:
        # only the folders holding the importer serve the submodule it names: one is on
        # ``sys.path`` though a stray ``__init__`` makes it a package (``cd src/backend &&
        # uvicorn app:app`` importing ``api.router``)
        return [r for r in roots if _holds(r, importer) and not _is_tests(r)]
    if not usable and sibling and folder in roots:
        return [] if _is_tests(folder) else [folder]
    return own or usable


def _holds(folder: str, path: str) -> bool:
    """Whether ``folder`` holds ``path``; the project's own folder ("") holds every file."""
    return not folder or path.startswith(f"{folder}/")


def _is_tests(folder: str) -> bool:
    return is_test_path(f"{folder}/__init__.py")


def _pytest_basedir(importer: str, packages: set[str]) -> str | None:
    """The folder pytest puts first on ``sys.path`` before importing a conftest or test
    module (its default "prepend" mode): the nearest one holding it that is no package. So
    ``from utils.env import ...`` in a conftest beside ``utils/`` works under pytest
    (agenta's tests, whose folder lacks an ``__init__.py``)."""
    name = importer.rpartition("/")[2]
    if name != "conftest.py" and not _PYTEST_FILE.match(name):
        return None
    folder = importer.rpartition("/")[0]
    while folder and folder in packages:
        folder = folder.rpartition("/")[0]
    return None if folder in packages else folder


def _outvoted(declared: int, other: int) -> bool:
    """Whether the app's own imports spell a declared package another way nearly always:
    more than a stray import or two, and four times as often as the declared way."""
    return other >= _OUTVOTING and declared * 4 < other


_OUTVOTING = 3


def _contradicted(folder: str, levels: dict[str, int]) -> bool:
    """Whether a setting's root cannot be where the code is imported from: a file under it
    would climb above its top package with its relative imports (Kokoro-FastAPI's
    ``package-dir = api/src`` over a ``main.py`` doing ``from .routers import ...``, served
    as ``api.src.main``)."""
    return any(
        level > _package_depth(path, folder)
        for path, level in levels.items()
        if level and (not folder or path.startswith(f"{folder}/"))
    )


def _pick(
    path: str,
    declared: list[_Declared],
    votes: Counter[tuple[str, str]],
    fallback_name: str,
    code_votes: Counter[tuple[str, str]],
    imported_from: set[str],
) -> tuple[str, str, str, int] | None:
    """The root ``path`` is named from: the nearest, strongest setting that covers it, else
    the folder under which the code imports this file's top-level package most often (ties
    keep the package chain), else None."""
    folders = path.split("/")[:-1]
    ancestors = ["/".join(folders[:i]) for i in range(len(folders) + 1)]
    if path.endswith("/__init__.py"):
        ancestors.pop()  # a package is named from above its own folder
    score = {a: votes[a, _top(path, a)] for a in ancestors}
    # how the app's own code imports the file; its tests may spell it otherwise too
    own = {a: code_votes[a, _top(path, a)] for a in ancestors}
    own = own if any(own.values()) else score
    searched = [d.folder for d in declared if d.key in _SEARCH_PATHS and d.folder in ancestors]
    for root in declared:
        if root.folder in ancestors and (_declares(root.packages, _top(path, root.folder))):
            named = root.packages is not None  # a wheel's own packages, not all under it
            inner = [f for f in searched if _holds(root.folder, f) and f != root.folder]
            within = [a for a in ancestors if a != root.folder and _holds(root.folder, a)]
            if named and score[root.folder] == 0 and any(a in imported_from for a in within):
                # a package the wheel is built of that no code imports by its name, while
                # the code imports from a folder inside it: it runs from there (poetry's
                # ``include = "src"`` over ``cd src && uvicorn main:app`` and bare imports)
                continue
            if own[root.folder] < max(own.values()) and (
                root.key in _SEARCH_PATHS
                or (named and any(own[f] > own[root.folder] for f in inner))
                or _outvoted(own[root.folder], max(own.values()))
            ):
                # the app's code imports this file from elsewhere: a folder only on the path;
                # or a package a wheel is built of that the code runs from inside, as another
                # setting puts a folder inside it on the path (arthur's ``packages =
                # ["src"]``, its code importing ``routers.*`` with ``src`` on pytest's path);
                # or one the code imports by another name nearly always (``packages =
                # ["src/app"]``, the code importing ``src.app.*`` 304 times, ``app`` once,
                # served as ``src.app.main``)
                continue
            return root.folder, root.key, root.file, root.line
    best = max(score.values())
    if best == 0:
        return None
    # ties go to how the app's own code spells it (``uvicorn app:app`` in ``src/backend``
    # importing ``api.router``, its tests ``backend.api.router``), then to the package chain
    tied = [a for a in ancestors if score[a] == best]
    tied = [a for a in tied if own[a] == max(own[t] for t in tied)]
    chain_root = next((a for a in ancestors if _name_under(path, a) == fallback_name), None)
    return (chain_root if chain_root in tied else tied[0]), "imports", "", 0


#: ``from .x import y``, ``from .. import z`` at a module's top level: the dots of a
#: relative import (an indented one may be a docstring's example).
_RELATIVE = re.compile(rb"^from[ \t]+(\.+)", re.MULTILINE)


def _relative_level(source: bytes) -> int:
    """The most dots any relative import of the file climbs (0 without one)."""
    return max((len(m.group(1)) for m in _RELATIVE.finditer(source)), default=0)


def _package_depth(path: str, root: str) -> int:
    """How many packages hold the file named under ``root``: what its relative imports may
    climb (``a/b/c.py`` is ``a.b.c``: 2; a package's ``__init__`` counts itself)."""
    parts = _name_under(path, root).count(".") + 1
    return parts if path.endswith("__init__.py") else parts - 1


def _top(path: str, root: str) -> str:
    return _name_under(path, root).partition(".")[0]


def _name_under(path: str, root: str) -> str:
    full = path_name(path)
    if not root:
        return full
    prefix = root.replace("/", ".") + "."
    return full[len(prefix) :] if full.startswith(prefix) else full


def _aliases(
    names: dict[str, str], votes: Counter[tuple[str, str]]
) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """Each module's whole-path name, and its name under every other folder that the code
    imports from, lead to the canonical name. A spelling that would lead to two modules (two
    services that both hold ``app/``) leads to neither globally; it leads to each only from
    the code under the folder it is spelled from (each service runs with its own folder on
    ``sys.path``), never guessed elsewhere."""
    aliases = {name: name for name in names.values()}
    for path, name in sorted(names.items()):
        aliases.setdefault(path_name(path), name)
    spellings: dict[str, dict[str, str]] = defaultdict(dict)  # spelling -> root -> name
    for path, name in names.items():
        folders = path.split("/")[:-1]
        for i in range(len(folders) + 1):
            root = "/".join(folders[:i])
            if votes[root, _top(path, root)] > 0:
                spellings[_name_under(path, root)][root] = name
    scoped: dict[str, dict[str, str]] = defaultdict(dict)
    for spelling, targets in sorted(spellings.items()):
        if spelling in aliases:
            continue
        if len(set(targets.values())) == 1:
            aliases[spelling] = next(iter(targets.values()))
        else:
            for root, name in targets.items():
                scoped[root][spelling] = name
    return aliases, dict(scoped)


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
