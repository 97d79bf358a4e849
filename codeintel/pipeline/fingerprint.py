"""A project's key: one digest of every input its graph is built from; and, for a warm run, the
same key from file metadata alone, when no file changed since the key was made."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from codeintel.diagnostics import Diagnostic
from codeintel.pipeline.discover import Listing, SourceFile
from codeintel.pipeline.read import Job, Signature, signature

#: A file modified this soon before it was read may change again within the same tick of a
#: coarse file-system clock (2 s on FAT) without its metadata showing it: its digest is not
#: remembered, so it is read again next time (git's "racy clean" rule).
_RACY_NS = 2_000_000_000


@dataclass(frozen=True)
class Fingerprint:
    """The key, and for each file read while making it, what its metadata was and the digest of
    its part of the key."""

    key: str
    seen: dict[str, tuple[Signature, bytes]]
    #: the discovery it was made from, when no folder it read was written too recently to
    #: trust its mtime (the racy rule again): a warm run then stats folders, not lists them
    listing: Listing | None = None


def fingerprint(
    root: Path,
    files: list[SourceFile],
    jobs: list[Job],
    diagnostics: list[Diagnostic],
    max_file_size: int,
    started_ns: int,
) -> Fingerprint:
    """The key of these inputs; config and docs are read here (the fact extractors read them).
    Module names are no input: they follow from these bytes, so a warm run never computes
    them. ``started_ns`` is when reading began, for the racy rule."""
    seen: dict[str, tuple[Signature, bytes]] = {}
    digests = [*_settings(diagnostics, max_file_size)]
    for job in jobs:
        digest = _digest(f"{job.path}\0".encode() + job.data)
        digests.append(digest)
        if job.signature is not None and job.signature[1] < started_ns - _RACY_NS:
            seen[job.path] = (job.signature, digest)
    for source in files:
        if source.kind != "python":
            stamp, data = _read(root, source.path)
            digest = _digest(f"{source.path}\0{source.kind}\0".encode() + data)
            digests.append(digest)
            if stamp is not None and stamp[1] < started_ns - _RACY_NS:
                seen[source.path] = (stamp, digest)
    return Fingerprint(_combine(digests), seen)


def unchanged(
    root: Path,
    files: list[SourceFile],
    diagnostics: list[Diagnostic],
    max_file_size: int,
    previous: Fingerprint,
) -> bool:
    """Whether these inputs are the ones ``previous`` was made from, reading no file: every
    file's size, times and inode are as they were when its bytes were hashed. Any doubt (a
    file not seen, or seen too soon after it was written) answers False."""
    digests = [*_settings(diagnostics, max_file_size)]
    ordered = [f for f in files if f.kind == "python"] + [f for f in files if f.kind != "python"]
    for source in ordered:
        known = previous.seen.get(source.path)
        if known is None:
            return False
        try:
            stamp = signature(os.stat(os.path.join(root, source.path)))
        except OSError:
            return False
        if stamp != known[0]:
            return False
        digests.append(known[1])
    return _combine(digests) == previous.key


def trusted(listing: Listing, listed_ns: int) -> Listing | None:
    """``listing``, if every folder it read was last written well before it was read."""
    recent = listed_ns - _RACY_NS
    if all(s is None or s[0] < recent for s in listing.folders.values()):
        return listing
    return None


def _settings(diagnostics: list[Diagnostic], max_file_size: int) -> Iterator[bytes]:
    yield _digest(f"max_file_size={max_file_size}".encode())
    yield from (_digest(str(d).encode()) for d in sorted(diagnostics))


def _read(root: Path, path: str) -> tuple[Signature | None, bytes]:
    try:
        with open(os.path.join(root, path), "rb") as handle:
            stamp = signature(os.fstat(handle.fileno()))
            return stamp, handle.read()
    except OSError as exc:
        return None, str(exc).encode()


def _digest(part: bytes) -> bytes:
    return hashlib.sha256(part).digest()


def _combine(digests: list[bytes]) -> str:
    return hashlib.sha256(b"".join(digests)).hexdigest()
