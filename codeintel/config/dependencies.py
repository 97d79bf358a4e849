"""Declared dependencies: pyproject tables (PEP 621, dependency groups, uv, pdm, poetry)
and requirements files."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

from codeintel.config.reader import ConfigReader, as_table, project_table
from codeintel.diagnostics import Diagnostic
from codeintel.facts.project import Dependency


def declared_dependencies(reader: ConfigReader, pyproject: dict[str, Any]) -> Iterable[Dependency]:
    """Every dependency pyproject.toml and the requirements files declare, in file order."""
    path = "pyproject.toml"
    project = project_table(pyproject)
    yield from _requirements(reader, path, project.get("dependencies", []), "main", "[project]")
    for extra, items in sorted(as_table(project.get("optional-dependencies")).items()):
        yield from _requirements(reader, path, items, f"optional:{extra}", "optional-dependencies")
    groups = as_table(pyproject.get("dependency-groups"))
    for group in sorted(groups):
        items = _include_groups(reader, groups, group, ())
        yield from _requirements(reader, path, items, f"group:{group}", "[dependency-groups]")
    tool = as_table(pyproject.get("tool"))
    yield from _requirements(
        reader, path, as_table(tool.get("uv")).get("dev-dependencies", []), "group:dev", "[tool.uv]"
    )
    for group, items in sorted(as_table(as_table(tool.get("pdm")).get("dev-dependencies")).items()):
        yield from _requirements(reader, path, items, f"group:{group}", "[tool.pdm")
    yield from _poetry(reader, as_table(tool.get("poetry")))
    seen: set[str] = set()  # a file included with -r is read once, under its own group
    for requirements in sorted(p for p in reader.paths if _is_requirements(p)):
        yield from _requirements_file(reader, requirements, seen)


def _include_groups(
    reader: ConfigReader, groups: dict[str, Any], name: str, seen: tuple[str, ...]
) -> list[str]:
    """A PEP 735 group with its ``{include-group = ...}`` entries expanded; cycles reported."""
    if name in seen:
        chain = " -> ".join((*seen, name))
        line = reader.line_of("pyproject.toml", f'include-group = "{name}"')
        reader.diagnostics.append(
            Diagnostic("CI110", "pyproject.toml", line, f"dependency group cycle: {chain}")
        )
        return []
    found: list[str] = []
    for item in groups.get(name, []) if isinstance(groups.get(name), list) else []:
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict) and isinstance(item.get("include-group"), str):
            found += _include_groups(reader, groups, item["include-group"], (*seen, name))
    return found


def _requirements(
    reader: ConfigReader, path: str, items: object, group: str, header: str
) -> Iterable[Dependency]:
    if not isinstance(items, list):
        return
    for item in items:
        if not isinstance(item, str):
            continue
        dependency = _parse(reader, path, item, group, reader.line_of(path, item, header))
        if dependency is not None:
            yield dependency


def _parse(reader: ConfigReader, path: str, text: str, group: str, line: int) -> Dependency | None:
    try:
        requirement = Requirement(text)
    except InvalidRequirement as exc:
        message = f"not a valid requirement {text!r}: {str(exc).splitlines()[0]}"
        reader.diagnostics.append(Diagnostic("CI110", path, line, message))
        return None
    return Dependency(
        name=canonicalize_name(requirement.name),
        specifier=str(requirement.specifier),
        extras=tuple(sorted(requirement.extras)),
        marker=str(requirement.marker) if requirement.marker else None,
        group=group,
        source=path,
        line=line,
    )


def _poetry(reader: ConfigReader, poetry: dict[str, Any]) -> Iterable[Dependency]:
    sections = [("main", "tool.poetry.dependencies", as_table(poetry.get("dependencies")))]
    sections.append(
        ("group:dev", "tool.poetry.dev-dependencies", as_table(poetry.get("dev-dependencies")))
    )
    for name, group in sorted(as_table(poetry.get("group")).items()):
        sections.append(
            (
                f"group:{name}",
                f"tool.poetry.group.{name}",
                as_table(as_table(group).get("dependencies")),
            )
        )
    for group, header, table in sections:
        for name, spec in sorted(table.items()):
            if name.lower() == "python":
                continue
            version = spec if isinstance(spec, str) else as_table(spec).get("version", "")
            line = reader.line_of("pyproject.toml", f"{name}", header)
            yield Dependency(
                name=canonicalize_name(name),
                specifier=_poetry_specifier(str(version)),
                extras=tuple(sorted(as_table(spec).get("extras", []))),
                marker=None,
                group=group,
                source="pyproject.toml",
                line=line,
            )


def _poetry_specifier(version: str) -> str:
    """Poetry's ``^1.2`` / ``~1.2`` / ``*`` kept as written, but ``*`` means none."""
    return "" if version in {"*", ""} else version


def _is_requirements(path: str) -> bool:
    name = path.rsplit("/", 1)[-1]
    return "/" not in path and name.startswith("requirements") and name.endswith(".txt")


def _requirements_group(path: str) -> str:
    stem = path.rsplit("/", 1)[-1].removesuffix(".txt").removeprefix("requirements")
    stem = stem.strip("-_.")
    return "main" if stem in {"", "prod", "production", "base"} else f"group:{stem}"


def _requirements_file(reader: ConfigReader, path: str, seen: set[str]) -> Iterable[Dependency]:
    if path in seen:
        return
    seen.add(path)
    group = _requirements_group(path)
    for number, raw in enumerate((reader.text(path) or "").splitlines(), start=1):
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith(("-r ", "--requirement ")):
            included = (Path(path).parent / line.split(None, 1)[1]).as_posix().removeprefix("./")
            yield from _requirements_file(reader, included, seen)
            continue
        if line.startswith("-") or "://" in line or line.startswith((".", "/")):
            continue  # options, URLs and local paths name no distribution we can check
        dependency = _parse(reader, path, line, group, number)
        if dependency is not None:
            yield dependency
