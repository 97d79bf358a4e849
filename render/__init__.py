"""render: deterministic implementation plans from a codeintel graph."""
