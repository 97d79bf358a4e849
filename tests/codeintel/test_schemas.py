from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import codeintel

RUNTIME = Path(__file__).resolve().parent.parent / "runtime_fields.py"


@pytest.mark.parametrize("name", ["registry_app", "fullstack_app"])
def test_fields_equal_pydantics_own(fixtures: Path, name: str) -> None:
    project = fixtures / name
    schemas = codeintel.analyze(project).schemas()
    specs = {f"{s.qualname.rpartition('.')[0]}:{s.name}": s for s in schemas}
    result = subprocess.run(
        [sys.executable, str(RUNTIME), str(project), *specs],
        cwd=project,
        capture_output=True,
        text=True,
        check=True,
    )
    runtime = json.loads(result.stdout)
    for spec, schema in specs.items():
        static = [[f.name, f.required] for f in schema.all_fields]
        assert static == runtime[spec], spec


def test_schema_details(registry: codeintel.CodeGraph) -> None:
    by_name = {s.name: s for s in registry.schemas()}
    assert sorted(by_name) == [
        "AgentCreate",
        "AgentRead",
        "ServerBase",
        "ServerCreate",
        "ServerRead",
        "Settings",
    ]
    create = by_name["ServerCreate"]
    assert create.bases == ("registry.schemas.server.ServerBase",)
    assert [f.name for f in create.fields] == ["tags"]
    name = create.all_fields[0]
    assert (name.declared_in, name.line, name.constraints) == (
        "registry.schemas.server.ServerBase",
        9,
        (("min_length", "1"), ("max_length", "100")),
    )
    description = create.all_fields[2]
    assert (description.required, description.default) == (False, "None")
    assert create.validators == (("name_is_slug", 'field_validator("name")'),)
    assert create.config == (
        ("json_schema_extra", '{"example": {"name": "weather", "url": "https://weather.example"}}'),
    )
    settings = by_name["Settings"]
    assert settings.kind == "settings"
    assert [(f.name, f.default) for f in settings.fields] == [
        ("app_name", "'MCP Registry'"),
        ("api_prefix", "'/api/v1'"),
        ("api_key", "'dev-key'"),
        ("max_servers", "1000"),
    ]
    assert settings.config == (("env_prefix", "'REGISTRY_'"),)


def test_schemas_survive_json(registry: codeintel.CodeGraph) -> None:
    assert codeintel.load_json(registry.to_json()).schemas() == registry.schemas()
