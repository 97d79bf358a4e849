from pathlib import Path


def _as_module(path: Path) -> str:
    return str(path.relative_to(Path(__file__).parent.parent)).replace("/", ".").replace(".py", "")


def _all_plugins() -> list[str]:
    """Every ``shapes.py`` below this folder (capella's ``get_all_fixtures``)."""
    return [_as_module(path) for path in Path(__file__).parent.rglob("shapes.py")]


pytest_plugins = _all_plugins()


def test_shape(shape: str) -> None:
    assert shape == "square"
