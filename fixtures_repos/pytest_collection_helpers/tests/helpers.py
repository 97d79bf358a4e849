from typing import Any

import pytest


def cases(*values: Any, name: str = "case", indirect: bool = False) -> Any:
    return pytest.mark.parametrize(name, values, indirect=indirect)
