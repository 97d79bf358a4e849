"""Per-module facts assembled into one networkx graph of modules, symbols and their edges."""
