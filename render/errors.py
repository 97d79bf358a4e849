"""The renderer's one error type: a reason the CLI prints on one line."""


class PlanError(Exception):
    """A plan cannot be built or written; the message says why, on one line."""
