"""Incremental analysis: after any sequence of edits, a run from the cache gives the same bytes
as a cold run, and a change to one module assembles only what can see it."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import codeintel
from codeintel.frameworks import semantics
from codeintel.graph import assemble

Edit = Callable[[Path], None]


def _sources(root: Path) -> list[Path]:
    return sorted(root.rglob("*.py"))


def _top_names(text: str) -> list[str]:
    return re.findall(r"^(?:async def|def|class) (\w+)", text, re.MULTILINE)


def _rename(index: int, everywhere: bool) -> Edit:
    """Rename a top-level function or class, in its own file alone (its importers now name
    nothing) or in every file."""

    def edit(root: Path) -> None:
        files = [f for f in _sources(root) if _top_names(f.read_text())]
        home = files[index % len(files)]
        names = _top_names(home.read_text())
        old = names[index % len(names)]
        for path in _sources(root) if everywhere else [home]:
            path.write_text(re.sub(rf"\b{old}\b", f"{old}_renamed", path.read_text()))

    return edit


def _drop_import(index: int) -> Edit:
    def edit(root: Path) -> None:
        files = [f for f in _sources(root) if "import " in f.read_text()]
        path = files[index % len(files)]
        lines = path.read_text().splitlines(keepends=True)
        imports = [n for n, line in enumerate(lines) if line.startswith(("import ", "from "))]
        if imports and not lines[imports[-1]].rstrip().endswith("("):
            del lines[imports[index % len(imports)]]
        path.write_text("".join(lines))

    return edit


def _use_elsewhere(index: int) -> Edit:
    """Import a name one module defines into another, use it, and subclass it when a class."""

    def edit(root: Path) -> None:
        files = _sources(root)
        home = [f for f in files if _top_names(f.read_text()) and f.name != "__init__.py"]
        source = home[index % len(home)]
        name = _top_names(source.read_text())[0]
        module = ".".join(source.relative_to(root).with_suffix("").parts)
        target = files[(index * 7 + 3) % len(files)]
        text = target.read_text()
        extra = f"\n\nfrom {module} import {name}\n\n\ndef uses_{index}():\n    return {name}()\n"
        if re.search(rf"^class {name}\b", source.read_text(), re.MULTILINE):
            extra += f"\n\nclass Sub{index}({name}):\n    pass\n"
        target.write_text(text + extra)

    return edit


def _add_module(index: int) -> Edit:
    def edit(root: Path) -> None:
        folder = sorted({f.parent for f in _sources(root)})[index % 4]
        (folder / f"added_{index}.py").write_text("from registry.main import app\n\n\nX = app\n")

    return edit


def _delete_module(index: int) -> Edit:
    def edit(root: Path) -> None:
        files = [f for f in _sources(root) if f.name != "__init__.py"]
        files[index % len(files)].unlink()

    return edit


def _break_module(index: int) -> Edit:
    def edit(root: Path) -> None:
        files = _sources(root)
        path = files[index % len(files)]
        path.write_text(path.read_text() + "\ndef broken(:\n")

    return edit


def _edit_config(index: int) -> Edit:
    def edit(root: Path) -> None:
        path = root / "pyproject.toml"
        path.write_text(path.read_text() + f"\n# edited {index}\n")

    return edit


EDITS = st.one_of(
    st.builds(_rename, st.integers(0, 200), st.booleans()),
    st.builds(_drop_import, st.integers(0, 200)),
    st.builds(_use_elsewhere, st.integers(0, 200)),
    st.builds(_add_module, st.integers(0, 200)),
    st.builds(_delete_module, st.integers(0, 200)),
    st.builds(_break_module, st.integers(0, 200)),
    st.builds(_edit_config, st.integers(0, 200)),
)


@pytest.fixture
def project(tmp_path: Path, fixtures: Path) -> Path:
    root = tmp_path / "registry_app"
    shutil.copytree(fixtures / "registry_app", root, ignore=shutil.ignore_patterns(".*"))
    return root


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(edits=st.lists(EDITS, min_size=1, max_size=4))
def test_runs_after_edits_equal_a_cold_run(
    edits: list[Edit], tmp_path_factory: pytest.TempPathFactory, fixtures: Path
) -> None:
    scratch = tmp_path_factory.mktemp("incremental")
    root, cache = scratch / "registry_app", scratch / "cache"
    shutil.copytree(fixtures / "registry_app", root, ignore=shutil.ignore_patterns(".*"))
    codeintel.analyze(root, cache=cache, workers=1)
    for edit in edits:
        edit(root)
        incremental = codeintel.analyze(root, cache=cache, workers=1).to_json()
        assert incremental == codeintel.analyze(root, cache=False, workers=1).to_json()


def test_a_changed_module_is_patched_not_assembled_again(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    codeintel.analyze(project, cache=cache, workers=1)
    patched: list[set[str]] = []
    real = assemble._patch

    def spy(graph: object, resolver: object, changed: set[str], reads: object) -> object:
        patched.append(changed)
        return real(graph, resolver, changed, reads)  # type: ignore[arg-type]

    monkeypatch.setattr(assemble, "_patch", spy)
    monkeypatch.setattr(assemble, "_assembled", _forbidden)
    service = project / "registry/services/agent_service.py"
    service.write_text(service.read_text().replace("list_agents", "all_agents"))

    graph = codeintel.analyze(project, cache=cache, workers=1)

    assert patched == [{"registry.services.agent_service"}]
    assert graph.find_symbol("AgentService/all_agents")
    assert not graph.find_symbol("AgentService/list_agents")


def test_modules_resolved_in_a_changed_module_are_assembled_again(
    project: Path, tmp_path: Path
) -> None:
    """The route module imports the service class by name: renaming the class in its own
    module leaves that import naming nothing, though the route module's bytes did not change."""
    cache = tmp_path / "cache"
    before = codeintel.analyze(project, cache=cache, workers=1)
    service_class = "registry.services.agent_service.AgentService"
    assert service_class in _uses(before, "registry.api.agents")
    service = project / "registry/services/agent_service.py"
    service.write_text(service.read_text().replace("class AgentService", "class AgentLogic"))

    after = codeintel.analyze(project, cache=cache, workers=1)

    assert service_class not in _uses(after, "registry.api.agents")
    assert "unresolved:registry.services.agent_service.AgentService" in _uses(
        after, "registry.api.agents"
    )
    assert after.to_json() == codeintel.analyze(project, cache=False, workers=1).to_json()


def test_a_broken_module_no_import_reaches_any_more_leaves_the_graph(
    project: Path, tmp_path: Path
) -> None:
    """A module that fails to parse has a node only for the imports reaching it: once its
    one importer drops the import, a patched graph drops the node as a cold run never
    makes it (hypothesis found it: a break, then the import dropped)."""
    cache = tmp_path / "cache"
    codeintel.analyze(project, cache=cache, workers=1)
    broken = project / "registry/repositories/agent_repository.py"
    broken.write_text(broken.read_text() + "\ndef broken(:\n")
    codeintel.analyze(project, cache=cache, workers=1)
    service = project / "registry/services/agent_service.py"
    lines = service.read_text().splitlines(keepends=True)
    service.write_text("".join(line for line in lines if "agent_repository import" not in line))

    after = codeintel.analyze(project, cache=cache, workers=1)

    assert "module:registry.repositories.agent_repository" not in after.graph
    assert after.to_json() == codeintel.analyze(project, cache=False, workers=1).to_json()


def test_an_edited_test_reads_nothing_serving_decides_again(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Routes, services, errors, conventions and the code's schemas are read from what
    serving the app loads: a test no served module imports changes none of them, so its edit
    reuses them; a served module's edit reads them anew."""
    cache = tmp_path / "cache"
    before = codeintel.analyze(project, cache=cache, workers=1)
    read: list[str] = []
    for name in ("extract_routes", "extract_components", "extract_errors", "measure_conventions"):
        monkeypatch.setattr(semantics, name, _recorded(getattr(semantics, name), read))
    test = project / "tests/unit/services/test_server_service.py"
    test.write_text(test.read_text() + "\n\ndef test_added() -> None:\n    assert True\n")

    after = codeintel.analyze(project, cache=cache, workers=1)

    assert read == []
    assert after.routes() == before.routes()
    assert any(t.name == "test_added" for t in after.tests())
    assert after.to_json() == codeintel.analyze(project, cache=False, workers=1).to_json()
    read.clear()
    service = project / "registry/services/agent_service.py"
    service.write_text(service.read_text() + "\n\ndef added() -> None:\n    pass\n")
    codeintel.analyze(project, cache=cache, workers=1)
    assert read == ["extract_routes", "extract_components", "extract_errors", "measure_conventions"]


def test_a_tests_schema_inherits_the_fields_of_the_codes_schema(tmp_path: Path) -> None:
    """The code's schemas are read alone and kept; a test's schema built on one still has its
    base's fields, as pydantic collects them, and an edit to the test keeps that."""
    (tmp_path / "app").mkdir()
    (tmp_path / "app/__init__.py").write_text("")
    (tmp_path / "app/schemas.py").write_text(
        "from pydantic import BaseModel\n\n\nclass Item(BaseModel):\n    name: str\n"
    )
    (tmp_path / "tests").mkdir()
    test = tmp_path / "tests/test_items.py"
    test.write_text(
        "from app.schemas import Item\n\n\nclass Priced(Item):\n    price: int\n\n\n"
        "def test_priced() -> None:\n    assert Priced(name='a', price=1)\n"
    )
    cache = tmp_path.parent / f"{tmp_path.name}-cache"
    codeintel.analyze(tmp_path, cache=cache, workers=1)
    test.write_text(test.read_text() + "\n\ndef test_more() -> None:\n    assert True\n")

    graph = codeintel.analyze(tmp_path, cache=cache, workers=1)

    schemas = {s.qualname: s for s in graph.schemas()}
    assert sorted(schemas) == ["app.schemas.Item", "test_items.Priced"]
    assert [f.name for f in schemas["test_items.Priced"].all_fields] == ["name", "price"]
    assert graph.to_json() == codeintel.analyze(tmp_path, cache=False, workers=1).to_json()


def _recorded(step: Callable[..., object], read: list[str]) -> Callable[..., object]:
    def recording(*args: object) -> object:
        read.append(step.__name__)
        return step(*args)

    return recording


def _uses(graph: codeintel.CodeGraph, module: str) -> set[str]:
    return {
        target.removeprefix("symbol:")
        for source, target, kind in graph.graph.edges(keys=True)
        if kind == "references" and graph.graph.nodes[source].get("file") == _file(module)
    }


def _file(module: str) -> str:
    return module.replace(".", "/") + ".py"


def _forbidden(*args: object) -> object:
    raise AssertionError("the whole graph was assembled again")
