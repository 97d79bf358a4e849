from glob import glob


def _as_module(path: str) -> str:
    return path.replace("/", ".").removesuffix(".py")


# Every module in tests/fixtures/ is a plugin: which ones depends on the files present, and on
# the folder pytest runs from, when this line runs.
pytest_plugins = [_as_module(path) for path in glob("tests/fixtures/[!_]*.py")]
