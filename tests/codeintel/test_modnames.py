from __future__ import annotations

from codeintel.pipeline.modnames import module_names


def test_names_start_at_the_top_package() -> None:
    names = module_names(
        [
            "backend/app/__init__.py",
            "backend/app/main.py",
            "backend/app/api/__init__.py",
            "backend/app/api/deps.py",
            "src/lib/__init__.py",
            "src/lib/core.py",
            "script.py",
        ]
    )
    assert names == {
        "backend/app/__init__.py": "app",
        "backend/app/main.py": "app.main",
        "backend/app/api/__init__.py": "app.api",
        "backend/app/api/deps.py": "app.api.deps",
        "src/lib/__init__.py": "lib",
        "src/lib/core.py": "lib.core",
        "script.py": "script",
    }


def test_colliding_names_fall_back_to_the_whole_path() -> None:
    names = module_names(["tests/unit/conftest.py", "tests/integration/conftest.py", "x/y.py"])
    assert names == {
        "tests/unit/conftest.py": "tests.unit.conftest",
        "tests/integration/conftest.py": "tests.integration.conftest",
        "x/y.py": "y",
    }


def test_namespace_folders_inside_a_package_keep_the_package_name() -> None:
    names = module_names(
        [
            "src/dispatch/__init__.py",
            "src/dispatch/data/__init__.py",
            "src/dispatch/data/source/views.py",  # data/source/ has no __init__.py
            "src/dispatch/data/source/type/__init__.py",
            "src/dispatch/data/source/type/views.py",
        ]
    )
    assert names == {
        "src/dispatch/__init__.py": "dispatch",
        "src/dispatch/data/__init__.py": "dispatch.data",
        "src/dispatch/data/source/views.py": "dispatch.data.source.views",
        "src/dispatch/data/source/type/__init__.py": "dispatch.data.source.type",
        "src/dispatch/data/source/type/views.py": "dispatch.data.source.type.views",
    }
