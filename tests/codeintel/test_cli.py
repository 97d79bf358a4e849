from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

import codeintel
from codeintel.cli import main
from codeintel.query.export import export

OUTPUT = Path(__file__).resolve().parent / "cli_output"
REGISTRY = Path(__file__).resolve().parents[2] / "fixtures_repos" / "registry_app"

R = str(REGISTRY)
#: (arguments, the file holding the exact output, as reviewed)
VIEWS = [
    (["summary", R], "summary.txt"),
    (["routes", R], "routes.txt"),
    (["fixtures", R], "fixtures.txt"),
    (["deps", R], "deps.txt"),
    (["deps", R, "--module", "registry.main"], "deps-module.txt"),
    (["layers", R], "layers.txt"),
    (["find", "get_server", R], "find.txt"),
    (["symbols", "registry/services/server_service.py", R], "symbols.txt"),
    (["refs", "registry.repositories.base.InMemoryRepository.list", R], "refs.txt"),
    (["export", R, "--format", "mermaid", "--level", "component"], "export-component.mmd"),
    (["export", R, "--format", "dot"], "export-module.dot"),
]


@pytest.fixture(scope="module")
def registry() -> codeintel.CodeGraph:
    return codeintel.analyze(REGISTRY)


@pytest.mark.parametrize(("args", "expected"), VIEWS, ids=[v[1] for v in VIEWS])
def test_each_view_prints_its_table(
    args: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(args) == 0
    assert capsys.readouterr().out == (OUTPUT / expected).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "api"),
    [
        (["routes"], lambda g: g.routes()),
        (["fixtures"], lambda g: g.fixtures()),
        (["layers"], lambda g: g.layers()),
        (["find", "ServerService"], lambda g: g.find_symbol("ServerService")),
        (["refs", "registry.main.app"], lambda g: g.find_references("registry.main.app")),
        (
            ["deps", "--module", "registry.exceptions", "--importers", "--transitive"],
            lambda g: g.modules_importing("registry.exceptions", transitive=True),
        ),
    ],
)
def test_json_is_what_the_api_returns(
    args: list[str], api: object, registry: codeintel.CodeGraph, capsys: pytest.CaptureFixture[str]
) -> None:
    from codeintel.views import plain

    assert main([*args, str(REGISTRY), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == plain(api(registry))  # type: ignore[operator]


def test_summary_json_counts_and_diagnostics(
    fixtures: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["summary", str(fixtures / "broken_repo"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["modules"] == 4
    assert [d["code"] for d in data["diagnostics"]].count("CI103") == 2


def test_bare_path_is_still_the_summary(fixtures: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(fixtures / "broken_repo")]) == 0
    out = capsys.readouterr().out
    assert "modules: 4" in out
    assert "diagnostics: 6" in out
    assert "pkg/syntax_error.py:1: CI103" in out


def test_bare_path_with_json_is_still_the_whole_graph(
    fixtures: Path, capsys: pytest.CaptureFixture[str], shapes: codeintel.CodeGraph
) -> None:
    assert main([str(fixtures / "import_shapes"), "--json"]) == 0
    assert capsys.readouterr().out == shapes.to_json() + "\n"


@pytest.mark.parametrize(
    ("tty", "no_color", "coloured"), [(True, None, True), (True, "1", False), (False, None, False)]
)
def test_colour_only_on_a_terminal_and_never_with_no_color(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tty: bool,
    no_color: str | None,
    coloured: bool,
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    if no_color is not None:
        monkeypatch.setenv("NO_COLOR", no_color)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: tty)
    assert main(["routes", str(REGISTRY)]) == 0
    out = capsys.readouterr().out
    assert ("\033[" in out) is coloured
    plain_text = (OUTPUT / "routes.txt").read_text(encoding="utf-8")
    assert out.replace("\033[1m", "").replace("\033[36m", "").replace("\033[0m", "") == plain_text


@pytest.mark.parametrize("level", ["full", "module", "component"])
def test_graphml_reads_back_with_networkx(registry: codeintel.CodeGraph, level: str) -> None:
    text = export(registry, "graphml", level)  # type: ignore[arg-type]
    back = nx.read_graphml(io.BytesIO(text.encode("utf-8")), force_multigraph=True)
    if level == "full":
        source = registry.graph
        route = "route:GET /api/v1/servers/{server_id}"
        assert json.loads(back.nodes[route]["all_dependencies"]) == list(
            source.nodes[route]["all_dependencies"]
        )
    else:
        from codeintel.query.export import view

        source = view(registry, level)  # type: ignore[arg-type]
    assert sorted(back.nodes) == sorted(source.nodes)
    assert sorted(back.edges(keys=True)) == sorted(source.edges(keys=True))


def test_module_and_component_views_fold_the_imports(registry: codeintel.CodeGraph) -> None:
    module = json.loads(export(registry, "json", "module"))
    component = json.loads(export(registry, "json", "component", depth=2))
    assert {n["id"] for n in module["nodes"]} == {f"module:{m}" for m in registry.modules()}
    edges = {(e["source"], e["target"]) for e in component["edges"]}
    assert ("component:registry.api", "component:registry.services") in edges
    assert sum(n["modules"] for n in component["nodes"]) == len(module["nodes"])


def test_serve_without_its_package_is_a_one_line_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "codeintel_mcp.cli", None)
    assert main(["serve"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "codeintel_mcp" in err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == f"codeintel {codeintel.__version__}\n"


@pytest.mark.slow
def test_missing_path_is_a_one_line_error(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "codeintel", str(tmp_path / "nope")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("codeintel: not a directory:")


@pytest.mark.slow
@pytest.mark.parametrize(
    "command",
    [
        [
            str(Path(sys.executable).parent / "codeintel"),
            "export",
            str(REGISTRY),
            "--level",
            "full",
        ],
        [sys.executable, "-m", "codeintel", "routes", str(REGISTRY)],
    ],
)
def test_a_closed_pipe_ends_quietly(command: list[str]) -> None:
    """``codeintel ... | head -1``: status 0, no traceback."""
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.readline()
        process.stdout.close()
        assert process.wait(timeout=120) == 0
        assert process.stderr.read() == b""


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz")
@pytest.mark.parametrize("level", ["full", "module", "component"])
def test_graphviz_reads_the_dot(registry: codeintel.CodeGraph, level: str) -> None:
    from codeintel.query.export import view

    text = export(registry, "dot", level)  # type: ignore[arg-type]
    plain_ = subprocess.run(
        ["dot", "-Tplain"], input=text, capture_output=True, text=True, check=True
    ).stdout
    drawn = [line for line in plain_.splitlines() if line.startswith("node ")]
    assert len(drawn) == view(registry, level).number_of_nodes()  # type: ignore[arg-type]


@pytest.mark.slow
@pytest.mark.parametrize("command", ["codeintel", "codeintel-plan", "codeintel-check-plans"])
def test_installed_commands_tell_their_version(command: str) -> None:
    """pyproject's [project.scripts] installs each command next to the interpreter."""
    path = Path(sys.executable).parent / command
    result = subprocess.run([str(path), "--version"], capture_output=True, text=True, check=True)
    assert result.stdout == f"{command} {codeintel.__version__}\n"
