"""A plugin loader's shim: the app loads plugins by name from its settings at run time, and no
module imports this one, so the plugin it imports adds nothing unless this runs (g6)."""

import examples.plugin_admin  # noqa: F401
