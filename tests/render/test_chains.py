"""Which tests are a resource's own: the ones a plan adds to, or, when there are none, the
one it creates."""

from __future__ import annotations

from pathlib import Path

import codeintel
from render.chains import build_chains
from render.check import check_plan
from render.facts import ProjectFacts
from render.markdown import render_markdown
from render.plan import build_plan

_ROUTER = """from fastapi import APIRouter

from app.{name}.models import {model}

router = APIRouter()


@router.get("/{path}/{{item_id}}")
def get_{name}(item_id: int) -> {model}:
    return {model}(id=item_id)
"""
_MODEL = "from pydantic import BaseModel\n\n\nclass {model}(BaseModel):\n    id: int\n"


def _write(root: Path, files: dict[str, str]) -> None:
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text)


def _resource(name: str, model: str, path: str) -> dict[str, str]:
    return {
        f"app/{name}/__init__.py": "",
        f"app/{name}/models.py": _MODEL.format(model=model),
        f"app/{name}/views.py": _ROUTER.format(name=name, model=model, path=path),
    }


def _incidents(root: Path) -> None:
    """Dispatch's shape: ``incident`` has no tests; ``incident_cost`` has, building incidents."""
    _write(
        root,
        {
            "app/__init__.py": "",
            "app/main.py": "from fastapi import FastAPI\n\n"
            "from app.incident.views import router as incidents\n"
            "from app.incident_cost.views import router as costs\n"
            "from app.plugins.slack.incident import card\n\n"
            "app = FastAPI()\napp.include_router(incidents, prefix='/incidents')\n"
            "app.include_router(costs, prefix='/incident_costs')\n",
            **_resource("incident", "Incident", "incidents"),
            **_resource("incident_cost", "IncidentCost", "incident_costs"),
            "app/plugins/__init__.py": "",
            "app/plugins/slack/__init__.py": "",
            "app/plugins/slack/incident.py": "def card() -> str:\n    return 'card'\n",
            "tests/__init__.py": "",
            "tests/incident_cost/__init__.py": "",
            "tests/incident_cost/test_incident_cost_service.py": (
                "from app.incident.models import Incident\n"
                "from app.incident_cost.views import get_incident_cost\n\n\n"
                "def test_get() -> None:\n"
                "    assert Incident(id=1).id == get_incident_cost(1).id\n"
            ),
            "app/incident_cost/services/__init__.py": "",
            "app/incident_cost/services/totals.py": "def total() -> int:\n    return 0\n",
            "tests/incident_cost/test_incident_cost_totals.py": (
                "from app.incident_cost.services.totals import total\n\n\n"
                "def test_total() -> None:\n    assert total() == 0\n"
            ),
            "tests/plugins/__init__.py": "",
            "tests/plugins/test_slack_incident.py": (
                "from app.plugins.slack.incident import card\n\n\n"
                "def test_card() -> None:\n    assert card() == 'card'\n"
            ),
        },
    )


def test_a_resource_only_other_tests_touch_gets_its_first_test_file(tmp_path: Path) -> None:
    _incidents(tmp_path)
    # a test named for more than its resource is no model for a name: tests/incident/
    # test_incident_alerts.py would say the new tests are about alerts
    _write(
        tmp_path,
        {
            "tests/incident_cost/test_incident_cost_alerts.py": (
                "from app.incident_cost.views import get_incident_cost\n\n\n"
                "def test_alert() -> None:\n    assert get_incident_cost(1).id == 1\n"
            )
        },
    )
    context = build_plan(codeintel.analyze(tmp_path), "Let users export an incident as CSV")
    tests = [(t.keyword, t.target) for t in context.tasks if t.target.startswith("tests/")]
    # not the sibling resource's tests, nor the slack plugin's test of its own ``incident``
    assert tests == [("CREATE", "tests/incident/test_incident_service.py")]
    assert [(f.path, f.mirrors) for f in context.new_files] == [
        (
            "tests/incident/test_incident_service.py",
            "tests/incident_cost/test_incident_cost_service.py",
        )
    ]
    assert context.unit_test_location == "tests/incident/test_incident_service.py"
    assert any("No test tests `incident`" in note for note in context.notes)
    # the copy must not import the sibling's own modules
    task = next(t for t in context.tasks if t.keyword == "CREATE")
    assert not any("incident_cost" in i for i in task.imports)
    assert check_plan(render_markdown(context), "plan.md", tmp_path) == []


def test_a_test_of_another_resource_building_its_data_is_not_its_test(tmp_path: Path) -> None:
    _incidents(tmp_path)
    _write(
        tmp_path,
        {
            "tests/incident/__init__.py": "",
            "tests/incident/test_incidents.py": (
                "from app.incident.views import get_incident\n\n\n"
                "def test_get() -> None:\n    assert get_incident(1).id == 1\n"
            ),
        },
    )
    context = build_plan(codeintel.analyze(tmp_path), "Add a title field to incidents")
    tests = [(t.keyword, t.target) for t in context.tasks if t.target.startswith("tests/")]
    assert tests == [("ADD", "tests/incident/test_incidents.py")]
    assert not context.new_files


def test_a_named_test_of_a_layer_the_chain_does_not_link_is_still_its_test(
    tmp_path: Path,
) -> None:
    # ``services/totals.py`` holds functions, not a service class the chain links: a test
    # named after the resource importing it is the resource's; the slack plugin's is not
    _incidents(tmp_path)
    chains = build_chains(ProjectFacts(codeintel.analyze(tmp_path)))
    tests = {c.resource: c.test_files for c in chains}
    assert tests == {
        "incident": (),
        "incident_cost": (
            "tests/incident_cost/test_incident_cost_service.py",
            "tests/incident_cost/test_incident_cost_totals.py",
        ),
    }


def test_a_name_names_the_longest_resource_it_spells() -> None:
    from render.chains import resources_named

    resources = {"incident", "incident_cost", "cost", "case"}
    words = ["test", "incident", "cost", "service"]
    assert resources_named(words, resources) == {"incident_cost"}
    assert resources_named(["test", "incident", "and", "cost"], resources) == {"incident", "cost"}
    assert resources_named(["test", "case", "incident", "cost"], resources) == {
        "case",
        "incident_cost",
    }


def test_a_test_of_another_part_of_a_monorepo_is_not_the_routers_test(tmp_path: Path) -> None:
    # the gateway's product routes forward to the product service: each has its own tests
    router = (
        "from fastapi import APIRouter\n\nrouter = APIRouter()\n\n\n"
        '@router.get("/products")\ndef list_products() -> list[str]:\n    return []\n'
    )
    test = 'def test_list(client) -> None:\n    assert client.get("/products").status_code == 200\n'
    main = (
        "from fastapi import FastAPI\n\nfrom routes.product_routes import router\n\n"
        "app = FastAPI()\napp.include_router(router)\n"
    )
    files = {}
    for part in ("api_gateway", "product_service"):
        files[f"{part}/main.py"] = main
        files[f"{part}/routes/__init__.py"] = ""
        files[f"{part}/routes/product_routes.py"] = router
        files[f"{part}/tests/unit_tests/test_product_routes.py"] = test
    _write(tmp_path, files)
    chains = build_chains(ProjectFacts(codeintel.analyze(tmp_path)))
    assert {c.router_file: c.test_files for c in chains} == {
        "api_gateway/routes/product_routes.py": (
            "api_gateway/tests/unit_tests/test_product_routes.py",
        ),
        "product_service/routes/product_routes.py": (
            "product_service/tests/unit_tests/test_product_routes.py",
        ),
    }


def test_a_router_named_after_its_resource_alone_is_the_resources(tmp_path: Path) -> None:
    routes = {
        "product_routes": '"/products"',
        "product_image_routes": '"/products/{product_id}/images"',
    }
    files = {
        "main.py": "from fastapi import FastAPI\n\n"
        "from routes import product_image_routes, product_routes\n\n"
        "app = FastAPI()\napp.include_router(product_routes.router)\n"
        "app.include_router(product_image_routes.router)\n",
        "routes/__init__.py": "",
    }
    for module, path in routes.items():
        files[f"routes/{module}.py"] = (
            "from fastapi import APIRouter\n\nrouter = APIRouter()\n\n\n"
            f"@router.get({path})\ndef list_{module}() -> list[str]:\n    return []\n"
        )
    _write(tmp_path, files)
    graph = codeintel.analyze(tmp_path)
    field = build_plan(graph, "Add a discount field to products")
    assert [t.target for t in field.tasks] == ["routes/product_routes.py"]
    # the request names what the other file adds to the resource
    images = build_plan(graph, "Sort product images by name")
    assert [t.target for t in images.tasks] == ["routes/product_image_routes.py"]


def _organisations(root: Path) -> codeintel.CodeGraph:
    """fastapi-saas-template's shape: a domain folder whose endpoints build their service in
    their bodies, and a platform router serving the same resource to staff."""
    service = (
        "class _NoopContext:\n"
        "    async def __aenter__(self) -> None:\n        return None\n\n\n"
        "class OrganisationService:\n"
        "    def __init__(self, session: object) -> None:\n"
        "        self.session = session\n\n"
        "    def get(self, organisation_id: int) -> dict[str, int]:\n"
        "        return {'id': organisation_id}\n"
    )
    router = (
        "from fastapi import APIRouter\n\n"
        "from app.organisations.services.organisations import OrganisationService\n\n"
        "router = APIRouter()\n\n\n"
        '@router.get("/organisations/{organisation_id}")\n'
        "def get_organisation(organisation_id: int) -> dict[str, int]:\n"
        "    return OrganisationService(None).get(organisation_id)\n"
    )
    platform = (
        "from fastapi import APIRouter\n\n"
        "from app.platform.services.platform_organisations import PlatformOrganisationService\n"
        "\nrouter = APIRouter()\n\n\n"
        '@router.get("/platform/organisations")\n'
        "def list_organisations() -> list[dict[str, int]]:\n"
        '    """Every organisation, its description and its field of work, for staff."""\n'
        "    return [PlatformOrganisationService(None).get(1)]\n"
    )
    _write(
        root,
        {
            "app/__init__.py": "",
            "app/main.py": "from fastapi import FastAPI\n\n"
            "from app.organisations.api import organisations\n"
            "from app.platform.api import organisations as platform\n\n"
            "app = FastAPI()\napp.include_router(organisations.router)\n"
            "app.include_router(platform.router)\n",
            "app/organisations/__init__.py": "",
            "app/organisations/api/__init__.py": "",
            "app/organisations/api/organisations.py": router,
            "app/organisations/services/__init__.py": "",
            "app/organisations/services/organisations.py": service,
            "app/platform/__init__.py": "",
            "app/platform/api/__init__.py": "",
            "app/platform/api/organisations.py": platform,
            "app/platform/services/__init__.py": "",
            "app/platform/services/platform_organisations.py": service.replace(
                "OrganisationService", "PlatformOrganisationService"
            ),
        },
    )
    return codeintel.analyze(root)


def test_a_service_the_endpoints_build_is_in_the_chain(tmp_path: Path) -> None:
    graph = _organisations(tmp_path)
    chains = build_chains(ProjectFacts(graph))
    (chain,) = [c for c in chains if c.router_file == "app/organisations/api/organisations.py"]
    assert [s.qualname for s in chain.services] == [
        "app.organisations.services.organisations.OrganisationService"
    ]


def test_the_router_in_the_resources_own_package_is_the_resources(tmp_path: Path) -> None:
    context = build_plan(_organisations(tmp_path), "Add a description field to organisations")
    assert [t.target for t in context.tasks] == [
        "app/organisations/services/organisations.py",
        "app/organisations/api/organisations.py",
    ]


def test_the_request_naming_a_routers_package_picks_that_router(tmp_path: Path) -> None:
    context = build_plan(_organisations(tmp_path), "Let platform staff sort organisations")
    assert [t.target for t in context.tasks] == [
        "app/platform/services/platform_organisations.py",
        "app/platform/api/organisations.py",
    ]
