"""Named like a test module, but opted out: pytest collects no test from it."""

__test__ = False


def check_never_collected() -> None:
    pass
