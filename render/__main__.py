"""Entry point for ``python -m render``."""

from render.cli import main

raise SystemExit(main(prog="python -m render"))
