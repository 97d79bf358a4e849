from __future__ import annotations

from pathlib import Path

import pytest

import codeintel
from tests.helpers import oracle


@pytest.mark.slow
@pytest.mark.parametrize("name", ["registry_app", "fullstack_app"])
def test_fields_equal_pydantics_own(fixtures: Path, name: str) -> None:
    project = fixtures / name
    schemas = codeintel.analyze(project).schemas()
    specs = {f"{s.qualname.rpartition('.')[0]}:{s.name}": s for s in schemas}
    runtime = oracle("runtime_fields.py", project, *specs)
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


@pytest.mark.slow
def test_field_metadata_in_annotated_counts_like_an_assigned_field(tmp_path: Path) -> None:
    (tmp_path / "models.py").write_text(
        "from typing import Annotated\n\n"
        "from pydantic import BaseModel, Field\n\n\n"
        "class Profile(BaseModel):\n"
        "    a: Annotated[str | None, Field(default=None, max_length=5)]\n"
        "    b: Annotated[int, Field(gt=0)]\n"
        "    c: Annotated[int, Field(gt=0)] = 3\n"
        "    d: Annotated[list[int], Field(default_factory=list)]\n"
    )
    [schema] = codeintel.analyze(tmp_path).schemas()
    fields = {f.name: f for f in schema.fields}
    assert [(f.name, f.required) for f in schema.fields] == [
        ("a", False),
        ("b", True),
        ("c", False),
        ("d", False),
    ]
    assert fields["a"].constraints == (("max_length", "5"),) and fields["a"].default == "None"
    assert fields["c"].constraints == (("gt", "0"),) and fields["c"].default == "3"
    assert oracle("runtime_fields.py", tmp_path, "models:Profile")["models:Profile"] == [
        [f.name, f.required] for f in schema.all_fields
    ]


@pytest.mark.slow
def test_root_models_are_schemas_of_one_root_field(tmp_path: Path) -> None:
    (tmp_path / "models.py").write_text(
        "import pydantic\n"
        "from pydantic import BaseModel, RootModel\n\n\n"
        "class Item(BaseModel):\n"
        "    name: str\n\n\n"
        "class Items(RootModel):\n"
        "    root: list[Item]\n\n\n"
        "class Names(RootModel[list[str]]):\n"
        "    pass\n\n\n"
        "class Tags(pydantic.RootModel[list[str]]):\n"
        "    root: list[str] = []\n\n\n"
        "class MoreNames(Names):\n"
        "    pass\n"
    )
    schemas = {s.name: s for s in codeintel.analyze(tmp_path).schemas()}
    assert sorted(schemas) == ["Item", "Items", "MoreNames", "Names", "Tags"]
    names = schemas["Names"].all_fields
    assert [(f.name, f.annotation, f.required, f.declared_in) for f in names] == [
        ("root", "list[str]", True, "models.Names")
    ]
    assert schemas["MoreNames"].all_fields == names
    assert [(f.annotation, f.default) for f in schemas["Tags"].all_fields] == [("list[str]", "[]")]
    specs = [f"models:{name}" for name in schemas]
    runtime = oracle("runtime_fields.py", tmp_path, *specs)
    for name, schema in schemas.items():
        assert runtime[f"models:{name}"] == [[f.name, f.required] for f in schema.all_fields]


@pytest.mark.slow
def test_type_checking_blocks_and_quoted_class_vars_are_no_fields(tmp_path: Path) -> None:
    (tmp_path / "models.py").write_text(
        "import typing\n"
        "from typing import TYPE_CHECKING, ClassVar\n\n"
        "from pydantic import BaseModel\n\n\n"
        "class Item(BaseModel):\n"
        "    id: int\n"
        '    kind: "ClassVar[str]" = "item"\n'
        '    registry: "typing.ClassVar[dict[str, int]]" = {}\n'
        "    if TYPE_CHECKING:\n"
        '        parent: "Item"\n'
        "    if typing.TYPE_CHECKING:\n"
        "        owner: str\n"
        "    else:\n"
        '        label: str = ""\n'
        '    ok: "ClassVarish" = 1\n\n\n'
        "class ClassVarish(BaseModel):\n"
        "    pass\n\n\n"
        "Item.model_rebuild()\n"
    )
    schemas = {s.name: s for s in codeintel.analyze(tmp_path).schemas()}
    fields = [[f.name, f.required] for f in schemas["Item"].all_fields]
    assert fields == [["id", True], ["label", False], ["ok", False]]
    assert oracle("runtime_fields.py", tmp_path, "models:Item")["models:Item"] == fields


@pytest.mark.slow
def test_a_plain_mixins_annotations_are_fields_of_a_model(tmp_path: Path) -> None:
    (tmp_path / "models.py").write_text(
        "from datetime import datetime\n\n"
        "from pydantic import BaseModel\n"
        "from pydantic.v1 import BaseModel as V1Model\n\n\n"
        "class Timestamped:\n"
        "    created_at: datetime\n"
        "    deleted: bool = False\n\n\n"
        "class Named:\n"
        '    name: str = "unnamed"\n\n\n'
        "class Item(BaseModel, Timestamped):\n"
        "    id: int\n\n\n"
        "class Tag(Named, BaseModel):\n"
        '    colour: str = "red"\n\n\n'
        "class Sub(Item):\n"
        "    id: int = 0\n\n\n"
        "class Old(V1Model, Timestamped):\n"
        "    id: int\n"
    )
    schemas = {s.name: s for s in codeintel.analyze(tmp_path).schemas()}
    static = {n: [[f.name, f.required] for f in s.all_fields] for n, s in schemas.items()}
    assert static == {
        "Item": [["created_at", True], ["deleted", False], ["id", True]],
        "Tag": [["name", False], ["colour", False]],
        "Sub": [["created_at", True], ["deleted", False], ["id", False]],
        "Old": [["id", True]],
    }
    assert schemas["Tag"].all_fields[0].declared_in == "models.Named"
    specs = [f"models:{name}" for name in ("Item", "Tag", "Sub")]
    runtime = oracle("runtime_fields.py", tmp_path, *specs)
    assert {spec.partition(":")[2]: fields for spec, fields in runtime.items()} == {
        name: static[name] for name in ("Item", "Tag", "Sub")
    }


@pytest.mark.slow
def test_a_class_deriving_from_a_variable_holding_a_parameterised_model(tmp_path: Path) -> None:
    (tmp_path / "models.py").write_text(
        "from typing import Generic, TypeVar\n\n"
        "from pydantic import BaseModel\n\n"
        'T = TypeVar("T")\n\n\n'
        "class Page(BaseModel, Generic[T]):\n"
        "    items: list[T]\n"
        "    total: int = 0\n\n\n"
        "IntPage = Page[int]\n\n\n"
        "class Numbers(IntPage):\n"
        "    label: str\n"
    )
    schemas = {s.name: s for s in codeintel.analyze(tmp_path).schemas()}
    numbers = schemas["Numbers"]
    assert numbers.bases == ("models.Page",)
    fields = [[f.name, f.required] for f in numbers.all_fields]
    assert fields == [["items", True], ["total", False], ["label", True]]
    assert oracle("runtime_fields.py", tmp_path, "models:Numbers")["models:Numbers"] == fields


@pytest.mark.slow
def test_field_metadata_in_an_annotated_alias_counts_like_written_in_place(
    tmp_path: Path,
) -> None:
    (tmp_path / "kinds.py").write_text(
        "from typing import Annotated, Optional\n\n"
        "from pydantic import Field\n\n"
        "MaybeStr = Annotated[Optional[str], Field(default=None, max_length=3)]\n"
        "Ids = Annotated[list[int], Field(default_factory=list)]\n"
        "Positive = Annotated[int, Field(gt=0)]\n"
    )
    (tmp_path / "models.py").write_text(
        "from pydantic import BaseModel\n\n"
        "from kinds import Ids, MaybeStr, Positive\n\n\n"
        "class Profile(BaseModel):\n"
        "    a: MaybeStr\n"
        "    b: Ids\n"
        "    c: Positive\n"
        "    d: Positive = 2\n"
    )
    [schema] = codeintel.analyze(tmp_path).schemas()
    fields = {f.name: f for f in schema.fields}
    assert [(f.name, f.required, f.default) for f in schema.fields] == [
        ("a", False, "None"),
        ("b", False, None),
        ("c", True, None),
        ("d", False, "2"),
    ]
    assert fields["a"].constraints == (("max_length", "3"),)
    assert oracle("runtime_fields.py", tmp_path, "models:Profile")["models:Profile"] == [
        [f.name, f.required] for f in schema.all_fields
    ]


@pytest.mark.slow
def test_a_pydantic_1_field_that_admits_none_defaults_to_none(tmp_path: Path) -> None:
    (tmp_path / "models.py").write_text(
        "from typing import Any, Optional, Union\n\n"
        "from pydantic.v1 import BaseModel, Field\n\n\n"
        "class Item(BaseModel):\n"
        "    a: Optional[int]\n"
        "    b: Any\n"
        "    c: int | None\n"
        "    d: Union[int, None]\n"
        "    e: Optional[int] = Field(...)\n"
        "    f: int\n"
        "    g: Union[int, str]\n"
        '    h: Optional[int] = Field(description="x")\n'
        "    i: int = Field(3)\n"
    )
    [schema] = codeintel.analyze(tmp_path).schemas()
    fields = [[f.name, f.required] for f in schema.all_fields]
    assert [f.name for f in schema.all_fields if not f.required] == ["a", "b", "c", "d", "h", "i"]
    assert schema.all_fields[0].default == "None" and schema.all_fields[-1].default == "3"
    assert oracle("runtime_fields.py", tmp_path, "models:Item")["models:Item"] == fields


@pytest.mark.slow
def test_fastapi_parameter_functions_in_a_model_read_as_field(tmp_path: Path) -> None:
    (tmp_path / "models.py").write_text(
        "from typing import Annotated, Optional\n\n"
        "from fastapi import Body, Query\n"
        "from pydantic import BaseModel\n\n\n"
        "class Filters(BaseModel):\n"
        "    q: Optional[str] = Query(None, max_length=5)\n"
        "    page: int = Query(..., ge=1)\n"
        "    size: int = Query(default=10)\n"
        "    tags: Annotated[list[str], Query()] = []\n"
        "    extra: dict = Body(default_factory=dict)\n"
    )
    [schema] = codeintel.analyze(tmp_path).schemas()
    assert [(f.name, f.required, f.default) for f in schema.all_fields] == [
        ("q", False, "None"),
        ("page", True, None),
        ("size", False, "10"),
        ("tags", False, "[]"),
        ("extra", False, None),
    ]
    assert schema.all_fields[1].constraints == (("ge", "1"),)
    assert oracle("runtime_fields.py", tmp_path, "models:Filters")["models:Filters"] == [
        [f.name, f.required] for f in schema.all_fields
    ]
