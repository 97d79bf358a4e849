"""Modules that declare their routes on a shared router, each imported by name from a
listing of this folder for what importing it does (no module imports them by statement)."""

from importlib import import_module
from pathlib import Path

for path in sorted(Path(__file__).parent.glob("*.py")):
    if path.stem not in ("__init__", "shared"):
        import_module(f"{__name__}.{path.stem}")
