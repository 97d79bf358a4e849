"""``python -m codeintel_mcp [--repo PATH]``: the same as ``python -m codeintel serve``."""

import sys

from codeintel_mcp.cli import main

sys.exit(main(sys.argv[1:]))
