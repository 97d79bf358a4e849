"""Marks shared by test modules, applied through a name (``pytestmark = SHARED``)."""

import pytest

SHARED = [pytest.mark.usefixtures("db"), pytest.mark.slow]
SETTINGS = pytest.mark.usefixtures("settings")
