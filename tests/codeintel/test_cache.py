"""The facts cache: content-keyed, self-healing, invisible in results; and parallel parsing."""

from __future__ import annotations

import gc
import io
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

import codeintel
from codeintel import analysis
from codeintel.extract import workers
from codeintel.pipeline import cache as cache_module
from codeintel.pipeline.cache import FactsCache, default_folder
from codeintel.pipeline.fingerprint import Fingerprint
from codeintel.pipeline.read import Job, read_python
from codeintel.pipeline.roots import name_jobs


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths parsed in this process, in order."""
    seen: list[str] = []
    real = workers.extract

    def spy(job: Job) -> workers.Result:
        seen.append(job.path)
        return real(job)

    monkeypatch.setattr(workers, "extract", spy)
    return seen


@pytest.fixture
def project(tmp_path: Path, fixtures: Path) -> Path:
    root = tmp_path / "registry_app"
    shutil.copytree(fixtures / "registry_app", root, ignore=shutil.ignore_patterns(".*"))
    return root


def test_unchanged_files_are_not_parsed_again(
    project: Path, tmp_path: Path, parsed: list[str]
) -> None:
    cache = tmp_path / "cache"
    first = codeintel.analyze(project, cache=cache, workers=1)
    every = sorted(parsed)
    assert "registry/main.py" in every
    parsed.clear()

    assert codeintel.analyze(project, cache=cache, workers=1).to_json() == first.to_json()
    assert parsed == []

    service = project / "registry/services/server_service.py"
    service.write_text(service.read_text() + "\n\ndef added() -> int:\n    return 1\n")
    changed = codeintel.analyze(project, cache=cache, workers=1)
    assert parsed == ["registry/services/server_service.py"]
    assert changed.find_symbol("added")[0].file == "registry/services/server_service.py"
    assert changed.to_json() == codeintel.analyze(project, cache=False).to_json()


def test_a_corrupt_entry_is_ignored_and_rewritten(
    project: Path, tmp_path: Path, parsed: list[str]
) -> None:
    cache = tmp_path / "cache"
    expected = codeintel.analyze(project, cache=cache, workers=1).to_json()
    entries = sorted(p for p in cache.rglob("*") if p.is_file())
    assert len(entries) > len(parsed) + 1  # one per file, the graph and its index
    for number, entry in enumerate(entries):
        entry.write_bytes(b"" if number % 2 else b"\x80\x05not a pickle")
    parsed.clear()

    assert codeintel.analyze(project, cache=cache, workers=1).to_json() == expected
    assert "registry/main.py" in parsed
    parsed.clear()
    assert codeintel.analyze(project, cache=cache, workers=1).to_json() == expected
    assert parsed == []


def test_another_version_of_codeintel_never_reads_these_entries(
    project: Path, tmp_path: Path, parsed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    codeintel.analyze(project, cache=tmp_path / "cache", workers=1)
    parsed.clear()
    monkeypatch.setattr(cache_module, "analyser_version", lambda: "v1-another")
    codeintel.analyze(project, cache=tmp_path / "cache", workers=1)
    assert "registry/main.py" in parsed


def test_results_with_and_without_cache_are_identical(project: Path, tmp_path: Path) -> None:
    uncached = codeintel.analyze(project, cache=False).to_json()
    cold = codeintel.analyze(project, cache=tmp_path / "cache").to_json()
    warm = codeintel.analyze(project, cache=tmp_path / "cache").to_json()
    assert uncached == cold == warm


def test_the_graph_is_not_reused_for_another_max_file_size(project: Path, tmp_path: Path) -> None:
    codeintel.analyze(project, cache=tmp_path / "cache")
    capped = codeintel.analyze(project, cache=tmp_path / "cache", max_file_size=10)
    assert {d.code for d in capped.diagnostics} == {"CI104"}


def test_the_cache_never_goes_inside_the_repository(project: Path) -> None:
    with pytest.raises(codeintel.CodeIntelError, match="inside the analysed repository"):
        codeintel.analyze(project, cache=project / ".cache")
    assert not (project / ".cache").exists()


def test_default_folder_follows_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CODEINTEL_CACHE_DIR", str(tmp_path / "moved"))
    assert default_folder() == tmp_path / "moved"
    monkeypatch.delenv("CODEINTEL_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_folder() == tmp_path / "xdg" / "codeintel"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_folder() == tmp_path / "home" / ".cache" / "codeintel"


def _many_modules(root: Path, count: int) -> None:
    (root / "pkg").mkdir(parents=True)
    (root / "pkg/__init__.py").write_text("")
    for number in range(count):
        (root / f"pkg/m{number:03}.py").write_text(
            f"from pkg.m{(number + 1) % count:03} import f{(number + 1) % count}\n\n\n"
            f"def f{number}() -> int:\n    return 1\n"
        )
    (root / "pkg/broken.py").write_text("def (:\n")


def test_workers_and_executors_give_the_same_graph(tmp_path: Path) -> None:
    _many_modules(tmp_path / "repo", 80)
    alone = codeintel.analyze(tmp_path / "repo", cache=False, workers=1).to_json()
    pooled = codeintel.analyze(tmp_path / "repo", cache=False, workers=2).to_json()
    with ThreadPoolExecutor(3) as executor:
        lent = codeintel.analyze(tmp_path / "repo", cache=False, executor=executor).to_json()
    assert alone == pooled == lent
    assert '"CI103"' in alone


@pytest.mark.slow
def test_a_dask_cluster_parses_what_this_process_would(tmp_path: Path, parsed: list[str]) -> None:
    """The README's claim: a distributed pool can do the parsing, through its executor."""
    distributed = pytest.importorskip("distributed")
    _many_modules(tmp_path / "repo", 80)
    alone = codeintel.analyze(tmp_path / "repo", cache=False, workers=1).to_json()
    parsed.clear()
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        lent = codeintel.analyze(
            tmp_path / "repo", cache=tmp_path / "cache", executor=client.get_executor()
        )
    assert parsed == []  # every file was parsed in the cluster's worker processes
    assert lent.to_json() == alone
    (tmp_path / "repo/pkg/m000.py").write_text("x = 1\n")
    codeintel.analyze(tmp_path / "repo", cache=tmp_path / "cache", workers=1)
    assert parsed == ["pkg/m000.py"]  # the cluster's facts of the other files were cached here


@pytest.mark.slow
def test_two_processes_filling_one_cache_at_once_agree(tmp_path: Path) -> None:
    _many_modules(tmp_path / "repo", 80)
    script = (
        "import codeintel, sys; "
        "sys.stdout.write(codeintel.analyze(sys.argv[1], cache=sys.argv[2], workers=1).to_json())"
    )
    command = [sys.executable, "-c", script, str(tmp_path / "repo"), str(tmp_path / "cache")]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE) for _ in range(2)]
    outputs = [run.communicate()[0] for run in runs]
    assert all(run.returncode == 0 for run in runs)
    expected = codeintel.analyze(tmp_path / "repo", cache=False).to_json().encode()
    assert outputs == [expected, expected]
    assert not list((tmp_path / "cache").rglob(".tmp-*"))


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_long_runs_report_progress_only_to_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    jobs = [Job(f"m{n}.py", f"m{n}", b"x = 1\n") for n in range(70)]
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    workers.extract_all(jobs, workers=1, executor=None)
    assert terminal.getvalue().endswith("\rcodeintel: parsed 70/70 files\n")
    piped = io.StringIO()
    monkeypatch.setattr(sys, "stderr", piped)
    workers.extract_all(jobs, workers=1, executor=None)
    assert piped.getvalue() == ""


def test_a_lent_executor_fills_the_cache_from_this_process(
    tmp_path: Path, parsed: list[str]
) -> None:
    _many_modules(tmp_path / "repo", 80)
    with ThreadPoolExecutor(2) as executor:
        first = codeintel.analyze(tmp_path / "repo", cache=tmp_path / "cache", executor=executor)
    assert len(parsed) == 82
    parsed.clear()
    (tmp_path / "repo/pkg/m000.py").write_text("x = 1\n")
    again = codeintel.analyze(tmp_path / "repo", cache=tmp_path / "cache", workers=1)
    assert parsed == ["pkg/m000.py"]
    assert again.to_json() != first.to_json()


def test_pool_workers_fill_the_cache_themselves(tmp_path: Path, parsed: list[str]) -> None:
    _many_modules(tmp_path / "repo", 80)
    pooled = codeintel.analyze(tmp_path / "repo", cache=tmp_path / "cache", workers=2)
    assert parsed == []  # the parsing happened in the worker processes
    (tmp_path / "repo/pkg/m001.py").write_text("y = 2\n")
    again = codeintel.analyze(tmp_path / "repo", cache=tmp_path / "cache", workers=1)
    assert parsed == ["pkg/m001.py"]
    assert again.find_symbol("y")[0].file == "pkg/m001.py"
    assert pooled.to_json() != again.to_json()


def test_what_analysis_leaves_alive_is_frozen_and_the_collector_back_on(project: Path) -> None:
    gc.unfreeze()
    graph = codeintel.analyze(project, cache=False, workers=1)
    assert gc.isenabled()
    assert gc.get_freeze_count() > 10 * graph.graph.number_of_nodes()
    gc.unfreeze()


def test_a_collector_the_caller_switched_off_stays_off_and_nothing_is_frozen(
    project: Path,
) -> None:
    gc.unfreeze()
    gc.disable()
    try:
        codeintel.analyze(project, cache=False, workers=1)
        assert not gc.isenabled()
        assert gc.get_freeze_count() == 0
    finally:
        gc.enable()


_UNPICKLED: list[str] = []


class _Tripwire:
    """Records every time it is unpickled."""

    def __reduce__(self) -> tuple[object, tuple[()]]:
        return _tripped, ()


def _tripped() -> _Tripwire:
    _UNPICKLED.append("graph")
    return _Tripwire()


def test_a_stale_graph_is_never_unpickled(tmp_path: Path) -> None:
    store = FactsCache(tmp_path / "cache")
    graph = nx.MultiDiGraph(tripwire=_Tripwire())
    store.put_graph(tmp_path, Fingerprint("key-before", {}), graph, None)
    _UNPICKLED.clear()
    assert store.get_fingerprint(tmp_path) == Fingerprint("key-before", {})
    assert store.get_graph(tmp_path, "key-after") is None
    assert _UNPICKLED == []
    loaded = store.get_graph(tmp_path, "key-before")
    assert loaded is not None and isinstance(loaded.graph["tripwire"], _Tripwire)
    assert _UNPICKLED == ["graph"]


def test_a_warm_run_does_not_name_modules_again(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    named: list[int] = []

    def spy(*args: Any) -> Any:
        named.append(1)
        return name_jobs(*args)

    monkeypatch.setattr(analysis, "name_jobs", spy)
    cold = codeintel.analyze(project, cache=tmp_path / "cache", workers=1).to_json()
    assert codeintel.analyze(project, cache=tmp_path / "cache", workers=1).to_json() == cold
    assert named == [1]


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry per time analysis read the project's Python files."""
    seen: list[int] = []

    def spy(*args: Any) -> Any:
        seen.append(1)
        return read_python(*args)

    monkeypatch.setattr(analysis, "read_python", spy)
    return seen


def _age(root: Path, seconds: int = 3600) -> None:
    """Every file and folder last written an hour ago: not 'racily clean', so its metadata
    is trusted."""
    for path in [root, *root.rglob("*")]:
        then = path.stat().st_mtime - seconds
        os.utime(path, (then, then))


def test_a_warm_run_reads_no_file_when_no_metadata_changed(
    project: Path, tmp_path: Path, reads: list[int]
) -> None:
    _age(project)
    cold = codeintel.analyze(project, cache=tmp_path / "cache", workers=1).to_json()
    assert reads == [1]
    assert codeintel.analyze(project, cache=tmp_path / "cache", workers=1).to_json() == cold
    assert reads == [1]


def test_a_file_rewritten_with_its_old_size_and_mtime_is_still_seen(
    project: Path, tmp_path: Path
) -> None:
    _age(project)
    cache = tmp_path / "cache"
    codeintel.analyze(project, cache=cache, workers=1)
    main = project / "registry/main.py"
    before = main.stat()
    text = main.read_text()
    main.write_text(text.replace("app", "qpq", 1))
    os.utime(main, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert main.stat().st_size == before.st_size
    expected = codeintel.analyze(project, cache=False).to_json()
    assert codeintel.analyze(project, cache=cache, workers=1).to_json() == expected


def test_after_a_touch_the_bytes_decide_and_the_index_learns_the_new_metadata(
    project: Path, tmp_path: Path, parsed: list[str], reads: list[int]
) -> None:
    _age(project)
    cache = tmp_path / "cache"
    cold = codeintel.analyze(project, cache=cache, workers=1).to_json()
    _age(project, 60)  # like a checkout: every mtime changes, no byte does
    parsed.clear()
    reads.clear()
    assert codeintel.analyze(project, cache=cache, workers=1).to_json() == cold
    assert (parsed, reads) == ([], [1])
    assert codeintel.analyze(project, cache=cache, workers=1).to_json() == cold
    assert reads == [1]


def test_a_file_written_just_now_is_read_again(
    project: Path, tmp_path: Path, reads: list[int]
) -> None:
    _age(project)
    (project / "registry/fresh.py").write_text("x = 1\n")
    cache = tmp_path / "cache"
    cold = codeintel.analyze(project, cache=cache, workers=1).to_json()
    assert codeintel.analyze(project, cache=cache, workers=1).to_json() == cold
    assert reads == [1, 1]


def test_frozen_garbage_is_swept_once_the_memory_in_use_doubles(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gc.unfreeze()
    gc.collect()
    codeintel.analyze(project, cache=False, workers=1)
    gc.unfreeze()
    assert gc.collect() > 0  # analysis does leave garbage cycles behind, frozen
    codeintel.analyze(project, cache=False, workers=1)
    monkeypatch.setattr(analysis._Sweeps, "blocks", 1)
    codeintel.analyze(project, cache=False, workers=1)
    assert (analysis._Sweeps.blocks or 0) > 1  # a sweep measured what survived it
    gc.unfreeze()
    assert gc.collect() == 0


def test_a_warm_run_lists_no_folder_until_one_changes(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    _age(project)
    codeintel.analyze(project, cache=cache, workers=1)
    listed: list[Path] = []
    real = analysis.list_files

    def spy(root: Path) -> object:
        listed.append(root)
        return real(root)

    monkeypatch.setattr(analysis, "list_files", spy)
    codeintel.analyze(project, cache=cache, workers=1)
    assert listed == []

    (project / "registry" / "api" / "tags.py").write_text("TAGS = []\n")
    graph = codeintel.analyze(project, cache=cache, workers=1)
    assert listed == [project] and "registry/api/tags.py" in graph.files()

    _age(project)
    codeintel.analyze(project, cache=cache, workers=1)
    (project / ".gitignore").write_text("registry/api/tags.py\n")
    graph = codeintel.analyze(project, cache=cache, workers=1)
    assert "registry/api/tags.py" not in graph.files()


def test_a_listing_with_a_folder_link_is_never_reused(tmp_path: Path) -> None:
    """Found in review: whether a link is a folder link depends on its target, which no
    folder's mtime shows."""
    root, outside, cache = tmp_path / "repo", tmp_path / "outside", tmp_path / "cache"
    root.mkdir()
    outside.mkdir()
    (root / "main.py").write_text("x = 1\n")
    (root / "vendor").symlink_to(outside, target_is_directory=True)
    _age(root)
    codeintel.analyze(root, cache=cache, workers=1)
    shutil.rmtree(outside)
    warm = codeintel.analyze(root, cache=cache, workers=1)
    assert warm.to_json() == codeintel.analyze(root, cache=False, workers=1).to_json()
