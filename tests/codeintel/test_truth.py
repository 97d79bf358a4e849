"""An ``if`` test over a loop's known strings is decided as Python would; anything else is
left undecided."""

from __future__ import annotations

import pytest

from codeintel.facts.models import Value
from codeintel.resolve.truth import holds

PATH = Value(
    "list",
    "Path('api/users.py')",
    keywords=(("name", Value("str", "users.py")), ("stem", Value("str", "users"))),
)
NAMES = {"filename": Value("str", "users.py"), "path": PATH, "ispkg": Value("const", "False")}


@pytest.mark.parametrize(
    ("test", "expected"),
    [
        ('filename.endswith(".py") and not filename.startswith("_")', True),
        ('filename != "__init__.py"', True),
        ('filename in ("users.py", "items.py")', True),
        ('filename[:-3] not in {"users"}', False),
        ('path.stem == "__init__" or ispkg', False),
        ('filename.split(".")[0] == path.stem', True),
        ("filename.endswith(SUFFIX)", None),  # a name nothing binds
        ('settings.debug == "1"', None),
        ('filename.encode() == b"users.py"', None),  # not a str method we read
        ("filename > 'a'", True),
        ("len(filename) == 0 or len(filename) >= 9", False),  # Spoolman's base path
        ("len(path) > 0", None),  # a record: no length we know
        ("ispkg is False and filename is not None", True),
        ("filename < 3", None),  # Python raises TypeError: not ours to decide
        ('stem := filename.removesuffix(".py")', None),  # bound to nothing NAMES knows
        ('not (filename := "x")', False),  # an assignment in the test reads its binding
        ("ispkg  # a trailing comment", False),
    ],
)
def test_a_test_holds_as_python_says(test: str, expected: bool | None) -> None:
    assert holds(test, NAMES.get) is expected
