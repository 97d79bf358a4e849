from __future__ import annotations

from pathlib import Path

import pytest

import codeintel

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures_repos"


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def shapes() -> codeintel.CodeGraph:
    return codeintel.analyze(FIXTURES / "import_shapes")


@pytest.fixture(scope="session")
def registry() -> codeintel.CodeGraph:
    return codeintel.analyze(FIXTURES / "registry_app")
