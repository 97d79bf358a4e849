from typing import Any

import pytest


def cases(*values: Any, name: str = "case") -> Any:
    return pytest.mark.parametrize(name, values)
