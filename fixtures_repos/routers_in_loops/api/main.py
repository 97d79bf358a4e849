import importlib
from pathlib import Path

from fastapi import APIRouter, FastAPI

from api import activity, extras, globbed, handlers, listed, loaded, mapped, plugins, records
from api import registered  # noqa: F401  imports each module that declares on the shared router
from api.registered.shared import router as registered_router
from api.appended import PLUGIN_ROUTERS
from api.chosen import include_chosen
from api.generated import include_walked
from api.nswalk import NS_ROUTERS
from api.collected import ROUTERS
from api.discovery import include_package
from api.discovered import discover_routers
from api.documents import add_documents
from api.gateway import register_gateway
from api.grown import register_grown
from api.keyed import status_api
from api.oauth import make_oauth_router
from api.pages import create_pages
from api.routers import flows, runs
from api.scanned import register_named, register_scanned, register_varied
from api.subfolders import include_subfolders
from api.tables import router as tables_router
from api.unpacked import router as unpacked_router
from api.versions import register_versioned

API_ROUTERS = (flows.router, runs.router)

app = FastAPI()
app.include_router(status_api.router)
include_subfolders(app)
for feature_router, _feature in discover_routers(Path(__file__).parent):
    app.include_router(feature_router, prefix="/features")

for router in API_ROUTERS:
    app.include_router(router)

for name in ("github", "google"):
    app.include_router(make_oauth_router(name))

for path, handler in (("/ping", handlers.ping), ("/pong", handlers.pong)):
    app.add_api_route(path, handler, methods=["GET"])

register_versioned(app)
register_gateway(app)
register_grown(app)
register_scanned(app)
register_varied(app)
register_named(app)
app.include_router(tables_router)
app.include_router(unpacked_router)
include_walked(app, "api.walked")
for ns_router in NS_ROUTERS:
    app.include_router(ns_router, prefix="/ns")
for plugin in PLUGIN_ROUTERS:
    app.include_router(plugin, prefix="/appended")

for kind in ("flows", "runs"):
    # One route per kind, each a new function object with the same name.
    @app.get(f"/count/{kind}")
    async def count() -> int:
        return 0

MOUNTED = {"alpha": flows.router, "beta": runs.router}

for key, mounted in MOUNTED.items():
    app.include_router(mounted, prefix=f"/by-name/{key}")

for module in (flows, runs):
    app.include_router(module.router, prefix="/modules")

app.mount("/pages", create_pages())
app.include_router(activity.router)
app.include_router(plugins.router)
app.include_router(extras.router)
include_package(app)

for collected in ROUTERS:
    app.include_router(collected, prefix="/collected")
add_documents(app, {"2026-04", "2025-10"})

[app.include_router(router, prefix="/comprehended") for router in API_ROUTERS if router]
app.include_router(getattr(flows, "router"), prefix="/got")
list(map(app.include_router, [mapped.router]))

walked = importlib.import_module("api.walked.epsilon")
app.include_router(walked.router, prefix="/imported")

for joined in API_ROUTERS + (mapped.router,):
    app.include_router(joined, prefix="/joined")

for key in {"flows": 1, "runs": 2}:
    app.include_router(flows.router, prefix=f"/keyed/{key}")

app.include_router(listed.router)
app.include_router(globbed.router)

# Each router's options in a dict, passed as keywords (gpustack's ``include_router(**r)``).
SPREAD = [
    {"router": flows.router, "prefix": "/spread/flows"},
    {"router": runs.router, "prefix": "/spread/runs", "tags": ["runs"]},
]
for options in SPREAD + [{"router": mapped.router, "prefix": "/spread/mapped"}]:
    app.include_router(**options)
app.include_router(records.router)
app.include_router(registered_router)

loaded.include(app, "api.routers.flows")
loaded.include(app, "api.walked.zeta", attr="router")
loaded.safe_include(app, "api.routers.runs", "/safe")
loaded.safe_include(app, module="api.mapped", prefix="/safe")
loaded.include_all(app)
loaded.load(app, "flows")
app.include_router(loaded.router)

for prefix, zipped in zip(["/zipped/a", "/zipped/b"], [flows.router, runs.router]):
    app.include_router(zipped, prefix=prefix)
for number, counted in enumerate(API_ROUTERS, start=1):
    app.include_router(counted, prefix=f"/counted/{number}")

VERSION = 3
PARTS = ["parts", "v" + str(VERSION)]
app.include_router(flows.router, prefix="/" + "/".join(PARTS))

# A router's options in a dict passed as keywords, and a prefix read from a dict by .get().
ROUTER_OPTIONS = {"prefix": "/options", "tags": ["options"]}
optioned = APIRouter(**ROUTER_OPTIONS)


@optioned.get("/x")
def optioned_x() -> str:
    return "x"


CONFIG = {"prefix": "/configured"}
app.include_router(optioned, prefix=CONFIG.get("prefix", "/unused"))

# Each add-on module, imported by name in a loop, adds its routes to the app it is given.
for addon in ("notes", "tags"):
    addon_module = importlib.import_module(f"api.addons.{addon}")
    addon_module.setup(app)

include_chosen(app)
