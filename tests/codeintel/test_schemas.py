from __future__ import annotations

from pathlib import Path

import pytest
from packaging.version import Version

import codeintel
from codeintel import CodeGraph
from codeintel.config.dependencies import keeps_below
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


_PYDANTIC_1_MODELS = (
    "from typing import Annotated, Any, Generic, List, Optional, TypeVar, Union\n\n"
    "from pydantic import BaseModel, Field\n"
    "from pydantic.generics import GenericModel\n\n"
    'T = TypeVar("T")\n'
    "MaybeInt = Optional[int]\n\n\n"
    "class Stamped:\n"
    "    created: int\n\n\n"
    "class Item(BaseModel, Stamped):\n"
    "    a: Optional[int]\n"
    "    b: Any\n"
    "    c: Union[int, None]\n"
    "    d: Optional[int] = Field(...)\n"
    "    e: int\n"
    '    f: "Optional[str]"\n'
    '    g: Annotated[Optional[int], Field(description="x")]\n'
    "    h: MaybeInt\n"
    "    i = 3\n"
    '    j = "x"\n'
    "    k: object\n\n"
    "    def method(self) -> int:\n"
    "        return 1\n\n"
    "    class Config:\n"
    "        orm_mode = True\n\n\n"
    "class Tags(BaseModel):\n"
    "    __root__: List[str]\n\n\n"
    "class Page(GenericModel, Generic[T]):\n"
    "    items: List[T]\n"
    "    total: Optional[int]\n\n\n"
    "class Child(Item):\n"
    "    e = 5\n"
)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("requirements.txt", "fastapi\npydantic<2\n"),
        ("requirements.txt", "pydantic==1.10.*\n"),
        ("requirements.txt", "fastapi==0.95.2\n"),  # FastAPI before 0.100 needs pydantic<2
        ("pyproject.toml", '[project]\nname = "x"\ndependencies = ["pydantic>=1.8,<2.0"]\n'),
        ("pyproject.toml", '[tool.poetry.dependencies]\npython = "^3.9"\npydantic = "^1.10"\n'),
        ("pyproject.toml", '[tool.poetry.dependencies]\nsqlmodel = "0.0.8"\n'),
    ],
)
def test_a_project_pinned_to_pydantic_1_reads_its_models_with_pydantic_1s_rules(
    tmp_path: Path, name: str, text: str
) -> None:
    """``x: Optional[int]`` with no default is optional in pydantic 1, required in 2; 1 also
    makes fields of unannotated attributes and ``__root__``, none of a plain mixin's
    annotations, and has ``GenericModel``. The runtime truth is pydantic 1's own, as pydantic
    2 ships it (``pydantic.v1``), on the same source importing it from there."""
    project, runtime = tmp_path / "project", tmp_path / "runtime"
    project.mkdir()
    runtime.mkdir()
    (project / name).write_text(text)
    (project / "models.py").write_text(_PYDANTIC_1_MODELS)
    (runtime / "models.py").write_text(
        _PYDANTIC_1_MODELS.replace("from pydantic", "from pydantic.v1")
    )
    schemas = {s.name: s for s in codeintel.analyze(project, cache=False).schemas()}
    specs = [f"models:{n}" for n in ("Item", "Tags", "Page", "Child")]
    truth = oracle("runtime_fields.py", runtime, *specs)
    assert {
        spec: [[f.name, f.required] for f in schemas[spec.partition(":")[2]].all_fields]
        for spec in specs
    } == truth
    assert schemas["Item"].all_fields[-1].default == "'x'"


@pytest.mark.parametrize(
    "text", ["pydantic>=1.8\n", "pydantic\n", "pydantic>=2\n", "pydantic<2\npydantic-settings\n"]
)
def test_a_pin_admitting_pydantic_2_reads_as_2(tmp_path: Path, text: str) -> None:
    """pip picks pydantic 2 today for a requirement that admits it; a 1.x release named in it
    (``>=1.8``), or pins both below and from 2, are a CI301 diagnostic."""
    required, graph = _optional_field(tmp_path, {"requirements.txt": text})
    assert required
    warned = [d for d in graph.diagnostics if d.code == "CI301"]
    assert [(d.file, d.line) for d in warned] == (
        [] if text in ("pydantic\n", "pydantic>=2\n") else [("requirements.txt", 1)]
    )


def test_changing_the_pydantic_pin_reads_the_served_schemas_again(tmp_path: Path) -> None:
    """The served modules' schemas are kept from run to run, keyed by those modules' bytes
    and by which of them run on pydantic 1: a pin changed alone reads them again."""
    project, cache = tmp_path / "project", tmp_path / "cache"
    project.mkdir()
    (project / "requirements.txt").write_text("fastapi\npydantic<2\n")
    (project / "main.py").write_text(
        "from typing import Optional\n\nfrom fastapi import FastAPI\nfrom pydantic import "
        "BaseModel\n\napp = FastAPI()\n\n\nclass Item(BaseModel):\n    a: Optional[int]\n\n\n"
        '@app.post("/items")\ndef create(item: Item) -> Item:\n    return item\n'
    )
    before = codeintel.analyze(project, cache=cache, workers=1)
    assert [f.required for s in before.schemas() for f in s.all_fields] == [False]
    (project / "requirements.txt").write_text("fastapi\npydantic>=2\n")
    after = codeintel.analyze(project, cache=cache, workers=1)
    assert [f.required for s in after.schemas() for f in s.all_fields] == [True]
    assert after.to_json() == codeintel.analyze(project, cache=False).to_json()


@pytest.mark.parametrize(
    ("specifier", "below"),
    [
        ("<2", True),
        ("<2.0.0", True),
        ("<=1.10.13", True),
        ("==1.10.*", True),
        ("~=1.10", True),
        ("^1.8", True),
        ("~1.8", True),
        ("1.10.2", True),
        (">=1.8,<2", True),
        ("^1.8 || ^1.10", True),
        (">=1.8", False),
        ("", False),
        ("<3", False),
        ("~=2.0", False),
        ("^1.8 || ^2.0", False),
        ("!=1.8", False),
    ],
)
def test_keeps_below_reads_pip_and_poetry_ceilings(specifier: str, below: bool) -> None:
    assert keeps_below(specifier, Version("2")) is below


def test_a_project_pinned_before_pydantic_1_reads_optional_fields_as_never_required(
    tmp_path: Path,
) -> None:
    """pydantic 0.x (checked on 0.26): a field admitting None is optional even with ``...``
    (``Schema``, ``Field``'s old name, included), and fields with a value come after those
    without. pydantic 0.26's ``__fields__`` here: b, a, c, d, e; only c required."""
    (tmp_path / "pyproject.toml").write_text('[tool.poetry.dependencies]\npydantic = "^0.26.0"\n')
    (tmp_path / "models.py").write_text(
        "from typing import Optional\n\nfrom pydantic import BaseModel, Schema\n\n\n"
        "class Item(BaseModel):\n"
        '    a: Optional[int] = Schema(..., alias="A")\n'
        "    b: Optional[int]\n"
        '    c: int = Schema(..., alias="C")\n'
        "    d: Optional[int] = ...\n"
        "    e = 3\n"
    )
    [schema] = codeintel.analyze(tmp_path, cache=False).schemas()
    assert [(f.name, f.required) for f in schema.all_fields] == [
        ("b", False),
        ("a", False),
        ("c", True),
        ("d", False),
        ("e", False),
    ]
    assert schema.all_fields[1].constraints == (("alias", "'A'"),)


def test_a_class_decorator_building_the_model_anew_is_a_diagnostic(tmp_path: Path) -> None:
    """``@all_optional`` returning ``create_model(...)`` (or a factory's inner function
    binding one) makes pydantic's fields what that call builds; the body's are kept, with a
    CI301 saying they may differ."""
    (tmp_path / "models.py").write_text(
        "from pydantic import BaseModel, create_model\n\n\n"
        "def all_optional(cls):\n"
        "    return create_model(cls.__name__, __base__=BaseModel)\n\n\n"
        "def partial(*skip):\n"
        "    def wrap(cls):\n"
        "        new = create_model(cls.__name__)\n"
        "        return new\n"
        "    return wrap\n\n\n"
        "def plain(cls):\n"
        "    return cls\n\n\n"
        "@all_optional\nclass Update(BaseModel):\n    name: str\n\n\n"
        '@partial("size")\nclass Patch(BaseModel):\n    name: int\n\n\n'
        "@plain\nclass Item(BaseModel):\n    name: int\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    warned = [d.message.split()[0] for d in graph.diagnostics if d.code == "CI301"]
    assert warned == ["Update", "Patch"]
    assert all(s.all_fields[0].name == "name" for s in graph.schemas())


@pytest.mark.parametrize(
    ("name", "lock", "required"),
    [
        ("poetry.lock", '[[package]]\nname = "pydantic"\nversion = "1.10.13"\n', False),
        ("uv.lock", '[[package]]\nname = "pydantic"\nversion = "2.5.3"\n', True),
        (
            "requirements.txt",
            "# This file was autogenerated by uv via the following command:\npydantic==1.10.2\n",
            False,
        ),
    ],
)
def test_a_lock_decides_the_pydantic_major_a_declaration_leaves_open(
    tmp_path: Path, name: str, lock: str, required: bool
) -> None:
    """``pydantic = "*"`` admits 1 and 2; the project's lock installs one of them."""
    pyproject = '[tool.poetry.dependencies]\npydantic = "*"\n'
    assert _optional_field(tmp_path, {"pyproject.toml": pyproject, name: lock})[0] is required


_SETUP_CFG = "[options]\ninstall_requires =\n    x; python_version>'3'\n    pydantic<2\n"
_SETUP_PY = "import setuptools\nsetuptools.setup(install_requires=['pydantic~=1.10'])\n"
_PIPFILE_LOCK = '{"_meta": {}, "default": {"pydantic": {"version": "==1.10.2"}}, "develop": {}}'


@pytest.mark.parametrize(
    ("files", "required"),
    [
        ({"setup.cfg": _SETUP_CFG}, False),
        ({"setup.cfg": "[options]\ninstall_requires = fastapi==0.95.2; pyyaml\n"}, False),
        ({"setup.cfg": "[options]\ninstall_requires =\n    pydantic>=2\n    file: r.txt\n"}, True),
        ({"Pipfile": '[packages]\nfastapi = "~=0.78.0"\npydantic = "~=1.9.0"\n'}, False),
        ({"Pipfile": '[packages]\npydantic = {version = "==1.10.2", extras = ["email"]}\n'}, False),
        ({"Pipfile": '[packages]\npydantic = "*"\n', "Pipfile.lock": _PIPFILE_LOCK}, False),
        ({"Pipfile": '[packages]\npydantic = "==2.5.0"\nx = {path = "."}\n'}, True),
        ({"setup.py": _SETUP_PY}, False),
    ],
)
def test_setup_cfg_setup_py_and_pipfile_pins_decide_the_pydantic_major(
    tmp_path: Path, files: dict[str, str], required: bool
) -> None:
    """setuptools' ``install_requires`` and pipenv's ``[packages]`` declare the project's
    requirements as a requirements file does; a Pipfile.lock installs what it pins. A field
    admitting None with no default is optional in pydantic 1, required in 2."""
    assert _optional_field(tmp_path, files)[0] is required


def _optional_field(tmp_path: Path, files: dict[str, str]) -> tuple[bool, CodeGraph]:
    """Whether ``a: Optional[int]`` with no default is required beside these files (pydantic
    2: yes; 1: no), and the graph; the files parse."""
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    (tmp_path / "models.py").write_text(
        "from typing import Optional\n\nfrom pydantic import BaseModel\n\n\n"
        "class Item(BaseModel):\n    a: Optional[int]\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    assert not [d for d in graph.diagnostics if d.code == "CI110"]
    [schema] = graph.schemas()
    return schema.all_fields[0].required, graph


def test_a_model_deriving_from_one_a_decorator_builds_anew_is_a_diagnostic(
    tmp_path: Path,
) -> None:
    """``class UpdateInternal(Update)`` under ``@optional class Update``: the name ``Update``
    holds what ``create_model`` returned, so the subclass inherits its fields (at runtime:
    ``name`` optional there too); a CI301 on it as on the decorated model. A sibling deriving
    from the undecorated base is read as it stands."""
    (tmp_path / "models.py").write_text(
        "from pydantic import BaseModel, create_model\n\n\n"
        "def optional(cls):\n"
        "    return create_model(cls.__name__, __base__=cls)\n\n\n"
        "class Base(BaseModel):\n    name: str\n\n\n"
        "@optional\nclass Update(Base):\n    pass\n\n\n"
        "class UpdateInternal(Update):\n    at: int\n\n\n"
        "class Create(Base):\n    pass\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    warned = [(d.message.split()[0], d.line) for d in graph.diagnostics if d.code == "CI301"]
    assert warned == [("Update", 12), ("UpdateInternal", 17)]


def test_a_class_decorator_writing_into_the_fields_is_a_diagnostic(tmp_path: Path) -> None:
    """The partial-model recipes that change fields in place: pydantic 1's
    ``cls.__fields__[f].required = False`` (async-fastapi-sqlmodel-alembic's ``@optional``)
    and pydantic 2's ``field.default = None`` over ``cls.model_fields.values()``; pydantic
    then reads the fields as optional (a subclass under pydantic 1 too). The body's fields are
    kept, with a CI301; a decorator only reading the fields (a registry keyed by their names)
    changes nothing."""
    (tmp_path / "models.py").write_text(
        "from pydantic import BaseModel\n\nREGISTRY = {}\n\n\n"
        "def optional(*fields):\n"
        "    def dec(_cls):\n"
        "        for field in fields:\n"
        "            _cls.__fields__[field].required = False\n"
        "        return _cls\n"
        "    return dec(fields[0])\n\n\n"
        "def all_optional(model):\n"
        "    for field in model.model_fields.values():\n"
        "        field.default = None\n"
        "    return model\n\n\n"
        "def register(model):\n"
        "    for name in model.model_fields:\n"
        "        REGISTRY[name] = model\n"
        "    return model\n\n\n"
        "@optional\nclass Update(BaseModel):\n    name: str\n\n\n"
        "class Child(Update):\n    at: int\n\n\n"
        "@all_optional\nclass Patch(BaseModel):\n    name: int\n\n\n"
        "@register\nclass Item(BaseModel):\n    name: int\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    warned = [d.message.split()[0] for d in graph.diagnostics if d.code == "CI301"]
    assert warned == ["Update", "Child", "Patch"]
    assert all(s.all_fields[0].required for s in graph.schemas())


def test_a_base_named_by_a_plain_alias_is_the_class_it_names(tmp_path: Path) -> None:
    """``Base = Dev`` binds the class object itself: a class deriving from ``Base`` is a
    model with ``Dev``'s fields (so with ``Model = BaseModel``, through an alias of an alias
    too), as pydantic reads it (r3b of session 44: ``Settings`` and ``Thing`` were no
    models)."""
    (tmp_path / "models.py").write_text(
        "from pydantic import BaseModel as BM\n\n\n"
        "class Dev(BM):\n    url: str\n\n\n"
        "Base = Dev\nAgain = Base\nPlain = BM\n\n\n"
        "class Settings(Again):\n    name: str = 'app'\n\n\n"
        "class Thing(Plain):\n    b: int\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    fields = {s.name: [(f.name, f.required) for f in s.all_fields] for s in graph.schemas()}
    assert fields == {
        "Dev": [("url", True)],
        "Settings": [("url", True), ("name", False)],
        "Thing": [("b", True)],
    }


def test_a_base_a_run_time_test_binds_is_a_diagnostic(tmp_path: Path) -> None:
    """``Base`` bound to one settings class or another by an environment variable, ``Model``
    to ``BaseModel`` in a ``try`` and to ``object`` in its ``except``: pydantic makes a model
    of the class deriving from it, with the fields of the run's binding. No one reading is
    right; the class is no schema, with a CI301 (SQLModel-boilerplate's ``Settings``, stop 43's
    left-as-found, was dropped silently). A variable bound twice to plain classes says
    nothing."""
    (tmp_path / "config.py").write_text(
        "import os\n\nfrom pydantic import BaseModel\n\n\n"
        "class Dev(BaseModel):\n    url: str\n\n\n"
        "class Prod(BaseModel):\n    url: str = 'x'\n\n\n"
        "if os.getenv('ENV') == 'prod':\n    Base = Prod\nelse:\n    Base = Dev\n\n\n"
        "class Settings(Base):\n    name: str = 'app'\n\n\n"
        "try:\n    import fastapi\n    Model = BaseModel\nexcept ImportError:\n"
        "    Model = object\n\n\n"
        "class Item(Model):\n    a: int\n\n\n"
        "if os.getenv('X'):\n    Plain = dict\nelse:\n    Plain = list\n\n\n"
        "class Bag(Plain):\n    pass\n"
    )
    graph = codeintel.analyze(tmp_path, cache=False)
    warned = [(d.message.split(",")[0], d.line) for d in graph.diagnostics if d.code == "CI301"]
    assert warned == [
        ("Settings derives from config.Base", 20),
        ("Item derives from config.Model", 31),
    ]
    assert [s.name for s in graph.schemas()] == ["Dev", "Prod"]


@pytest.mark.parametrize(
    ("pin", "fields"),
    [
        ("pydantic>=2", [("name", True), ("fixed", True)]),
        ("pydantic<2", [("other", False), ("name", True), ("fixed", True)]),
    ],
)
def test_a_final_annotation_with_a_value_is_a_class_variable(
    tmp_path: Path, pin: str, fields: list[tuple[str, bool]]
) -> None:
    """``KIND: Final = "item"`` is a class variable, no field: pydantic 1 for any value but a
    ``Field(...)``, pydantic 2 for any value giving a default (``Field("x")`` too); a
    ``Final`` with no value is a required field in both (checked on pydantic 1.10.27 and
    2.14.4)."""
    (tmp_path / "requirements.txt").write_text(f"{pin}\n")
    (tmp_path / "models.py").write_text(
        "import typing\nfrom typing import Final\n\nfrom pydantic import BaseModel, Field\n\n\n"
        "class Item(BaseModel):\n"
        "    KIND: Final = 'item'\n"
        "    LIMIT: Final[int] = 10\n"
        "    other: typing.Final[str] = Field('x')\n"
        "    name: str\n"
        "    fixed: Final[int]\n"
    )
    [schema] = codeintel.analyze(tmp_path, cache=False).schemas()
    assert [(f.name, f.required) for f in schema.all_fields] == fields
