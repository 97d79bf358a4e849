from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

import codeintel

# CI runs the property tests on a fixed seed so that a landing never depends on luck; local runs
# keep exploring (and remember what they found in .hypothesis/).
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures_repos"


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Tests (and the CLIs they start) never read or write the user's real cache."""
    before = os.environ.get("CODEINTEL_CACHE_DIR")
    os.environ["CODEINTEL_CACHE_DIR"] = str(tmp_path_factory.mktemp("codeintel-cache"))
    yield
    if before is None:
        del os.environ["CODEINTEL_CACHE_DIR"]
    else:
        os.environ["CODEINTEL_CACHE_DIR"] = before


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def shapes() -> codeintel.CodeGraph:
    return codeintel.analyze(FIXTURES / "import_shapes")


@pytest.fixture(scope="session")
def registry() -> codeintel.CodeGraph:
    return codeintel.analyze(FIXTURES / "registry_app")
