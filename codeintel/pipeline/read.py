"""Reading files: Python files as bytes, into jobs for the extractors; every other text file
(configuration, docs) as text (UTF-8 unless a BOM says otherwise), with one policy for bad
bytes."""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass
from pathlib import Path

from codeintel.diagnostics import Diagnostic
from codeintel.pipeline.discover import SourceFile

#: What a file looked like when read: size, modification and change times, inode. Any write,
#: rename over it, chmod or touch changes one of them.
Signature = tuple[int, int, int, int]


@dataclass(frozen=True)
class Job:
    """One file to parse: everything a worker needs, so workers never touch the disk."""

    path: str
    module: str
    data: bytes
    key: str = ""  # the cache key of the result, when there is a cache
    signature: Signature | None = None  # the file's, when it was read


def signature(status: os.stat_result) -> Signature:
    return status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino


def read_python(
    root: Path, files: list[SourceFile], max_file_size: int
) -> tuple[list[Job], list[Diagnostic]]:
    """Every Python file's bytes, as jobs for the extractors (not yet named: see
    ``pipeline.roots``); unreadable and oversized files become diagnostics, and so does a
    module no import can reach (``x.py`` beside the package ``x/``)."""
    jobs: list[Job] = []
    diagnostics: list[Diagnostic] = []
    packages = {
        f.path.removesuffix("/__init__.py") for f in files if f.path.endswith("/__init__.py")
    }
    for source in files:
        if source.kind == "python" and source.path.removesuffix(".py") in packages:
            message = "a package of the same name sits beside it: Python imports the package"
            diagnostics.append(Diagnostic("CI108", source.path, 0, message))
        elif source.kind == "python":
            job = _read(root, source.path, max_file_size)
            if isinstance(job, Diagnostic):
                diagnostics.append(job)
            else:
                jobs.append(job)
    return jobs, diagnostics


def _read(root: Path, path: str, max_file_size: int) -> Job | Diagnostic:
    try:
        # One open and fstat per file: pathlib's joins cost more than the reading.
        with open(os.path.join(root, path), "rb") as handle:
            stamp = signature(os.fstat(handle.fileno()))
            if stamp[0] > max_file_size:
                message = f"{stamp[0]} bytes is over the {max_file_size} byte cap"
                return Diagnostic("CI104", path, 0, message)
            data = handle.read()
    except OSError as exc:
        return _unreadable(path, exc)
    return Job(path, "", data, signature=stamp)


def read_text(root: Path, path: str, diagnostics: list[Diagnostic]) -> str | None:
    """A non-Python text file as UTF-8, its BOM dropped, or None if it cannot be read (a
    CI101); as UTF-16 or UTF-32 where its BOM says so, as pip reads a requirements file
    (PowerShell's ``pip freeze >`` writes UTF-16). Bytes that are not valid are a CI102 at
    their line, and are read anyway, as replacement characters: the rest of a config file
    or doc still counts."""
    try:
        data = (root / path).read_bytes()
    except OSError as exc:
        diagnostics.append(_unreadable(path, exc))
        return None
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), "utf-8")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        message = f"not valid {encoding}: {exc.reason}; read anyway"
        diagnostics.append(Diagnostic("CI102", path, line, message))
        text = data.decode(encoding, errors="replace")
    return text.removeprefix("\ufeff")


#: Byte-order marks of the wider encodings, UTF-32's first: its little-endian mark begins
#: with UTF-16's. The codecs named drop the mark as they decode.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _unreadable(path: str, exc: OSError) -> Diagnostic:
    # strerror, not str(exc): that holds the absolute path, which differs between machines.
    return Diagnostic("CI101", path, 0, f"cannot read: {exc.strerror or exc}")
