"""The files git tracks, read from the repository's index: a tracked file is in every clone,
whatever a ``.gitignore`` written after it says."""

from __future__ import annotations

import struct
from pathlib import Path

_SIGNATURE = b"DIRC"
_ENTRY_FIXED = 62  # stat data, object id and flags before an entry's path
_EXTENDED = 0x4000  # a version 3+ entry with two more flag bytes


def tracked_files(root: Path) -> tuple[frozenset[str], Path | None]:
    """The paths git tracks below ``root``, relative to it, and the index they were read
    from; nothing when ``root`` is in no git work tree or its index is not one we read."""
    found = _index_of(root)
    if found is None:
        return frozenset(), None
    index, top = found
    try:
        paths = _paths(index.read_bytes())
    except (OSError, ValueError, IndexError, struct.error):  # a damaged index: none read
        return frozenset(), index
    inside = root.resolve().relative_to(top.resolve()).as_posix()
    prefix = "" if inside == "." else f"{inside}/"
    return frozenset(p[len(prefix) :] for p in paths if p.startswith(prefix)), index


def _index_of(root: Path) -> tuple[Path, Path] | None:
    """The index of the work tree holding ``root``, and that work tree's top folder."""
    for folder in (root, *root.resolve().parents):
        dot_git = folder / ".git"
        if dot_git.is_dir():
            return dot_git / "index", folder
        if dot_git.is_file():  # a worktree or submodule: ``gitdir: <path>``
            try:
                text = dot_git.read_text(encoding="utf-8", errors="replace").strip()
            except OSError:
                return None
            named = text.removeprefix("gitdir:").strip()
            return (folder / named).resolve() / "index", folder
    return None


def _paths(data: bytes) -> list[str]:
    """The entry paths of an index file (versions 2 to 4)."""
    if data[:4] != _SIGNATURE:
        raise ValueError("not a git index")
    version, count = struct.unpack(">II", data[4:12])
    if version not in (2, 3, 4):
        raise ValueError(f"index version {version}")
    position, previous, paths = 12, b"", []
    for _ in range(count):
        (flags,) = struct.unpack(">H", data[position + 60 : position + 62])
        start = position + _ENTRY_FIXED + (2 if version >= 3 and flags & _EXTENDED else 0)
        if version == 4:  # the path shares a prefix with the one before it
            strip, start = _varint(data, start)
            end = data.index(b"\0", start)
            name = previous[: len(previous) - strip] + data[start:end]
            position = end + 1
        else:  # NUL-padded to a multiple of eight bytes
            end = data.index(b"\0", start)
            name = data[start:end]
            position += (end - position + 8) & ~7
        previous = name
        paths.append(name.decode("utf-8", errors="replace"))
    return paths


def _varint(data: bytes, position: int) -> tuple[int, int]:
    """Git's offset varint: seven bits a byte, each continuation adding one."""
    byte = data[position]
    value = byte & 0x7F
    while byte & 0x80:
        position += 1
        byte = data[position]
        value = ((value + 1) << 7) | (byte & 0x7F)
    return value, position + 1
