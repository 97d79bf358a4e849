"""Project configuration and docs: pyproject, requirements, pytest, coverage, make, docs."""
