"""Names resolved across modules, and the static evaluator of expressions built on it."""
