"""``python -m codeintel``."""

import sys

from codeintel.cli import main

sys.exit(main(sys.argv[1:]))
