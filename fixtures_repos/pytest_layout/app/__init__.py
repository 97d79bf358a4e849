"""A tiny package for the tests to import."""


def double(value: int) -> int:
    return value * 2
