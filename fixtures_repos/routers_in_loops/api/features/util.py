"""A plain module beside the feature packages: a walk yields it, with ``ispkg`` false."""
