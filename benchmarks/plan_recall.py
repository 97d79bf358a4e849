"""Plan recall: do plans send the implementer to the files a real change touched?

Usage: python -m benchmarks.plan_recall [--devset FILE] [--only REPO] [--workdir DIR]
       [--mirrors DIR] [--json] [--misses]

Each dev-set entry is a real commit of a public FastAPI app. Its parent tree is written once
into the work folder (from the mirror's objects; reused by later runs), analysed with
``codeintel.analyze`` at the entry's root, and planned with ``render.plan.build_plan`` from the
commit's title. Per entry:

- ``R@5``, ``R@10``: the share of the commit's modified (pre-existing) source files among the
  first 5 / 10 distinct paths of the plan's files to read, in the plan's order. A source file
  is a ``.py`` file under the root that is not a test (``tests/``, ``test_*.py``,
  ``*_test.py``, ``conftest.py``).
- ``type``: the plan's feature type equals the type judged from the commit's diff.
- ``invented``: the plan lists new source files (its New Files section) and either the commit
  added no source file, or one of the plan's new source files is not *grounded*. A new file is
  grounded when a word of its name is both a word of the request and a word of the name of a
  source file the commit added. Words come from the file's stem (its folder's name for
  ``__init__.py``) and from the request, split on non-alphanumerics and camel case, lower-cased,
  a plural ``s`` dropped, generic layer words (api, service, schema, crud, model, router, ...)
  left out. So ``disallow_service.py`` for "Disallow creating a team with a duplicate name" is
  invented when the commit added nothing, and so is ``using.py`` for "Support using MCP tools"
  when the commit added ``mcp.py``; ``mcp_service.py`` would be grounded.
- ``status``: ``ok``, ``refused`` (PlanError) or ``crashed`` (any other exception, or a tree
  that cannot be written); both score recall 0, and the one-line reason is listed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
import traceback
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path, PurePosixPath

import codeintel
from codeintel.pipeline.discover import classify
from render.errors import PlanError
from render.plan import build_plan

DEVSET = Path(__file__).resolve().parent / "devset.json"
KINDS = ("New Capability", "Enhancement", "Bug Fix", "Refactor")

#: Files written from a parent tree: what codeintel reads (its own discovery decides: code,
#: config, locks, Makefiles, docs), and the ignore files that steer discovery.
_SUFFIXES = (".py", ".md", ".gitignore")
#: Bumped whenever what is written changes, so trees written before are not reused.
_TREE_FORMAT = "t2"
_MAX_BYTES = 2_000_000
_TEST = re.compile(r"(^|/)(tests?|testing)/|(^|/)test_[^/]*\.py$|_test\.py$|(^|/)conftest\.py$")
_GENERIC = frozenset(
    {
        "api", "app", "v1", "v2", "init", "py", "service", "schema", "crud", "model", "router",
        "route", "endpoint", "view", "repository", "util", "helper", "base", "core", "common",
        "main",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Entry:
    repo: str
    commit: str
    parent: str
    root: str
    request: str
    title: str
    type: str
    modified: tuple[str, ...]
    added: tuple[str, ...]


@dataclass(frozen=True)
class Outcome:
    """What the planner did for one entry: its files to read, new files and type, or why not."""

    status: str  # ok | refused | crashed
    reason: str
    feature_type: str
    confidence: int  # the plan's own 1-10, 0 without a plan
    files_to_read: tuple[str, ...]
    new_files: tuple[str, ...]
    seconds: float


@dataclass(frozen=True)
class Score:
    repo: str
    commit: str
    request: str
    expected_type: str
    plan_type: str
    confidence: int
    r5: float
    r10: float
    type_right: bool
    invented: bool
    status: str
    reason: str
    seconds: float
    missed: tuple[str, ...]  # modified source files not among the first 10
    listed: tuple[str, ...]  # the first 10 distinct files to read


def load_devset(path: Path) -> list[Entry]:
    raw = json.loads(path.read_text(encoding="utf-8"))["entries"]
    entries = [
        Entry(**{**e, "modified": tuple(e["modified"]), "added": tuple(e["added"])}) for e in raw
    ]
    for entry in entries:
        if entry.type not in KINDS:
            raise ValueError(f"{entry.repo}@{entry.commit[:10]}: unknown type {entry.type!r}")
    return sorted(entries, key=lambda e: (e.repo.lower(), e.commit))


def is_source(path: str) -> bool:
    return path.endswith(".py") and not _TEST.search(path)


def distinct(paths: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(paths))


def recall_at(listed: Sequence[str], modified: Sequence[str], k: int) -> float:
    """Share of the modified source files among the first k distinct listed paths."""
    wanted = {p for p in modified if is_source(p)}
    if not wanted:
        return 0.0
    return len(wanted & set(distinct(listed)[:k])) / len(wanted)


def words(text: str) -> set[str]:
    """Lower-case words of a request or file stem, plural s dropped, generic layer words out."""
    spaced = re.sub(r"([a-z0-9])([A-Z])|([A-Z]+)([A-Z][a-z])", r"\1\3 \2\4", text)
    found = set()
    for word in re.split(r"[^A-Za-z0-9]+", spaced.lower()):
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        if word and not word.isdigit() and word not in _GENERIC:
            found.add(word)
    return found


def stem_words(path: str) -> set[str]:
    pure = PurePosixPath(path)
    return words(pure.parent.name if pure.stem == "__init__" else pure.stem)


def invents(plan_new: Sequence[str], added: Sequence[str], request: str) -> bool:
    """The plan adds source files the commit did not need, or names them after nothing real."""
    new = [p for p in plan_new if is_source(p)]
    real = [p for p in added if is_source(p)]
    if not new:
        return False
    if not real:
        return True
    grounded = words(request) & set().union(*(stem_words(p) for p in real))
    return any(not stem_words(p) & grounded for p in new)


def score(entry: Entry, outcome: Outcome) -> Score:
    listed = tuple(distinct(outcome.files_to_read)[:10])
    return Score(
        repo=entry.repo,
        commit=entry.commit[:10],
        request=entry.request,
        expected_type=entry.type,
        plan_type=outcome.feature_type,
        confidence=outcome.confidence,
        r5=recall_at(outcome.files_to_read, entry.modified, 5),
        r10=recall_at(outcome.files_to_read, entry.modified, 10),
        type_right=outcome.feature_type == entry.type,
        invented=invents(outcome.new_files, entry.added, entry.request),
        status=outcome.status,
        reason=outcome.reason,
        seconds=outcome.seconds,
        missed=tuple(p for p in entry.modified if is_source(p) and p not in listed),
        listed=listed,
    )


def git_dir(mirrors: Path, repo: str) -> Path:
    """The repository's git directory in a folder of mirrors (fetch's layout, or a clone)."""
    base = mirrors / repo.replace("/", "+")
    for candidate in (base / "repo", base / ".git", base):
        if (candidate / "HEAD").is_file():
            return candidate
    raise FileNotFoundError(f"no git directory for {repo} under {mirrors}")


def materialise(entry: Entry, mirrors: Path, workdir: Path) -> Path:
    """The parent tree's readable files under workdir, written once; returns the root to analyse.

    Blobs are read with ``git cat-file`` rather than ``git archive``: mirrors may lack their
    largest blobs, and archive stops at the first missing one.
    """
    tree = workdir / entry.repo.replace("/", "+") / f"{entry.parent[:12]}-{_TREE_FORMAT}"
    done = tree.with_name(tree.name + ".done")
    if not done.exists():
        _write_tree(git_dir(mirrors, entry.repo), entry.parent, tree)
        done.touch()
    return tree / entry.root


def _write_tree(gitdir: Path, commit: str, tree: Path) -> None:
    listing = _git(gitdir, ["ls-tree", "-r", "-l", "-z", commit]).split("\0")
    wanted: dict[str, str] = {}
    for row in filter(None, listing):
        meta, path = row.split("\t", 1)
        mode, kind, sha, size = meta.split()
        readable = kind == "blob" and mode != "120000" and size.isdigit()
        wanted_kind = path.endswith(_SUFFIXES) or classify(path) is not None
        if readable and wanted_kind and int(size) <= _MAX_BYTES:
            wanted[path] = sha
    for path, data in _read_blobs(gitdir, wanted):
        target = tree / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def _read_blobs(gitdir: Path, wanted: dict[str, str]) -> Iterable[tuple[str, bytes]]:
    """(path, bytes) for every wanted blob the mirror holds; absent ones are skipped."""
    paths = sorted(wanted)
    query = "".join(f"{wanted[p]}\n" for p in paths).encode()
    out = subprocess.run(
        ["git", f"--git-dir={gitdir}", "cat-file", "--batch"],
        input=query,
        capture_output=True,
        check=True,
    ).stdout
    offset = 0
    for path in paths:
        end = out.index(b"\n", offset)
        header = out[offset:end].split()
        offset = end + 1
        if header[-1] == b"missing":
            continue
        size = int(header[2])
        yield path, out[offset : offset + size]
        offset += size + 1


def _git(gitdir: Path, args: list[str]) -> str:
    return subprocess.run(
        ["git", f"--git-dir={gitdir}", *args], capture_output=True, text=True, check=True
    ).stdout


def plan_outcome(root: Path, request: str) -> Outcome:
    start = time.perf_counter()
    try:
        plan = build_plan(codeintel.analyze(root), request)
    except PlanError as exc:
        return _failed("refused", str(exc), start)
    except Exception as exc:  # a crash is a finding, never a stop
        return _failed("crashed", crash_line(exc), start)
    return Outcome(
        status="ok",
        reason="",
        feature_type=plan.feature_type,
        confidence=plan.summary.confidence.score,
        files_to_read=tuple(f.path for f in plan.files_to_read),
        new_files=tuple(f.path for f in plan.new_files),
        seconds=time.perf_counter() - start,
    )


def _failed(status: str, reason: str, start: float) -> Outcome:
    return Outcome(status, reason, "", 0, (), (), time.perf_counter() - start)


def crash_line(exc: BaseException) -> str:
    """``Type: message (file:line function)`` at the innermost frame of our own code."""
    ours = [
        f
        for f in traceback.extract_tb(exc.__traceback__)
        if re.search(r"(^|/)(codeintel|render)/", f.filename.replace(os.sep, "/"))
    ]
    where = ""
    if ours:
        frame = ours[-1]
        short = re.sub(r"^.*?/(?=(codeintel|render)/)", "", frame.filename.replace(os.sep, "/"))
        where = f" ({short}:{frame.lineno} {frame.name})"
    message = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {message}{where}"


def run(entries: Sequence[Entry], mirrors: Path, workdir: Path) -> list[Score]:
    scores = []
    for entry in entries:
        try:
            root = materialise(entry, mirrors, workdir)
        except (OSError, ValueError, subprocess.CalledProcessError) as exc:
            reason = f"tree not written: {crash_line(exc)}"
            outcome = Outcome("crashed", reason, "", 0, (), (), 0.0)
        else:
            outcome = plan_outcome(root, entry.request)
        scores.append(score(entry, outcome))
    return scores


def summary(scores: Sequence[Score]) -> dict[str, float | int]:
    n = len(scores) or 1
    return {
        "entries": len(scores),
        "mean_r5": round(sum(s.r5 for s in scores) / n, 3),
        "mean_r10": round(sum(s.r10 for s in scores) / n, 3),
        "type_accuracy": round(sum(s.type_right for s in scores) / n, 3),
        "invented": sum(s.invented for s in scores),
        "refused": sum(s.status == "refused" for s in scores),
        "crashed": sum(s.status == "crashed" for s in scores),
        "confidence_r10_above_0": _mean_confidence(s for s in scores if s.r10 > 0),
        "confidence_r10_0": _mean_confidence(s for s in scores if s.r10 == 0),
        **_confidence_correlation(scores),
        "seconds": round(sum(s.seconds for s in scores), 1),
    }


def _mean_confidence(scores: Iterable[Score]) -> float:
    """Mean confidence of the written plans among these; does confidence track recall?"""
    values = [s.confidence for s in scores if s.status == "ok"]
    return round(sum(values) / len(values), 1) if values else 0.0


def _confidence_correlation(scores: Sequence[Score]) -> dict[str, float]:
    """Pearson and Spearman correlation of confidence with R@10 over the written plans;
    0.0 when either is constant (no linear relation to measure)."""
    written = [s for s in scores if s.status == "ok"]
    confidence = [float(s.confidence) for s in written]
    recall = [s.r10 for s in written]
    return {
        "confidence_r10_pearson": round(pearson(confidence, recall), 3),
        "confidence_r10_spearman": round(pearson(ranks(confidence), ranks(recall)), 3),
    }


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float:
    if len(xs) < 2 or len(set(xs)) < 2 or len(set(ys)) < 2:
        return 0.0
    return statistics.correlation(xs, ys)


def ranks(values: Sequence[float]) -> list[float]:
    """1-based ranks, ties sharing the mean of their ranks (as Spearman's rho needs)."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    found = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        for i in order[start : end + 1]:
            found[i] = (start + end) / 2 + 1
        start = end + 1
    return found


def table(scores: Sequence[Score], misses: bool) -> str:
    head = f"{'repo':<26} {'commit':<10} {'R@5':>5} {'R@10':>5} {'type':<9} conf inv status"
    lines = [head, "-" * len(head)]
    for s in scores:
        kind = f"{_abbrev(s.expected_type)}/{_abbrev(s.plan_type)}{'' if s.type_right else ' x'}"
        lines.append(
            f"{s.repo.split('/')[-1][:26]:<26} {s.commit:<10} {s.r5:>5.2f} {s.r10:>5.2f} "
            f"{kind:<9} {s.confidence or '-':>4} {'yes' if s.invented else 'no ':<3} {s.status} "
            f"{s.reason}".rstrip()
        )
        lines.append(f"  {s.request}")
        if misses and s.missed:
            lines.append(f"  missed: {', '.join(s.missed)}")
            lines.append(f"  listed: {', '.join(s.listed) or '-'}")
    totals = summary(scores)
    lines.append("-" * len(head))
    lines.append("  ".join(f"{k}={v}" for k, v in totals.items()))
    return "\n".join(lines)


def _abbrev(kind: str) -> str:
    return {"New Capability": "new", "Enhancement": "enh", "Bug Fix": "fix", "Refactor": "ref"}.get(
        kind, "-"
    )


def _parser() -> argparse.ArgumentParser:
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    parser = argparse.ArgumentParser(prog="python -m benchmarks.plan_recall", description=__doc__)
    parser.add_argument("--devset", type=Path, default=DEVSET, help="the dev set (JSON)")
    parser.add_argument("--only", help="entries of this repository (owner/name or name) only")
    parser.add_argument(
        "--workdir", type=Path, default=cache / "codeintel-devset", help="parent trees go here"
    )
    parser.add_argument(
        "--mirrors",
        type=Path,
        default=Path(os.environ.get("CODEINTEL_MIRRORS", "/work/.mirror")),
        help="git mirrors, one folder per owner+name ($CODEINTEL_MIRRORS, else /work/.mirror)",
    )
    parser.add_argument("--json", action="store_true", help="print scores and means as JSON")
    parser.add_argument("--misses", action="store_true", help="list missed and listed files")
    return parser


def main(argv: list[str] | None = None) -> int:
    options = _parser().parse_args(argv)
    entries = load_devset(options.devset)
    if options.only:
        want = options.only.lower()
        entries = [e for e in entries if want in (e.repo.lower(), e.repo.split("/")[-1].lower())]
    if not entries:
        print("plan_recall: error: no dev-set entry matches", file=sys.stderr)
        return 2
    scores = run(entries, options.mirrors, options.workdir)
    if options.json:
        data = {"summary": summary(scores), "entries": [asdict(s) for s in scores]}
        print(json.dumps(data, indent=2))
    else:
        print(table(scores, options.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
