"""Writing a plan: inside the repo's plans folder, atomically, never over a file unasked."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from render.errors import PlanError

PLANS_DIR = Path(".claude", "output", "plans")


def plan_path(repo: Path, slug: str) -> Path:
    """Where the plan for ``slug`` goes; refuses a plans folder that leads out of the repo."""
    folder = repo / PLANS_DIR
    resolved = folder.resolve()
    if not resolved.is_relative_to(repo.resolve()):
        raise PlanError(f"{PLANS_DIR.as_posix()} leads outside the repository (to {resolved})")
    return folder / f"{slug}.md"


def write_plan(path: Path, text: str, *, force: bool) -> None:
    """Write ``text`` so a reader sees the old file or the new one, never a part of either."""
    if path.is_dir():
        raise PlanError(f"{path} is a directory")
    if path.exists() and not force:
        raise PlanError(f"{path} exists; pass --force to overwrite it")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(temp, 0o666 & ~_umask())  # mkstemp makes it 0600; a plan is shared like any file
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        if force:
            os.replace(temp, path)
        else:
            _link_new(temp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)


def _umask() -> int:
    """The process's umask. Linux shows it in /proc; elsewhere reading it means setting it, which
    another thread (the MCP server's) could see for a moment, so that is the fallback."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
        return int(next(ln for ln in status.splitlines() if ln.startswith("Umask:")).split()[1], 8)
    except (OSError, StopIteration, ValueError, IndexError):
        mask = os.umask(0o022)
        os.umask(mask)
        return mask


def _link_new(temp: str, path: Path) -> None:
    """Publish ``temp`` at ``path`` only if nothing is there: a hard link fails if it exists."""
    try:
        os.link(temp, path)
    except FileExistsError:
        raise PlanError(f"{path} exists; pass --force to overwrite it") from None
    except OSError:  # a file system without hard links: the exists() check above must do
        os.replace(temp, path)
