import os
from typing import TYPE_CHECKING

from fastapi import FastAPI

from site_app.branches import routes as branch_routes
from site_app.extension import extend_main
from site_app.holder import api as holder_api
from site_app.handlers import register_plans, register_status
from site_app.loader import add_routers
from site_app.picked import router as picked_router
from site_app.prefixed import router as prefixed_router
from site_app.routers import admin, billing, free, legacy
from site_app.variants import router as variant_router
from site_app.spa import mount_spa

app = FastAPI()

if os.environ.get("BILLING"):
    app.include_router(billing.router, prefix="/billing")
elif os.environ.get("LEGACY"):
    app.include_router(legacy.router, prefix="/billing")
else:
    app.include_router(free.router, prefix="/billing")

add_routers(app, [free.router], prefix="/loaded")
app.include_router(prefixed_router)
app.include_router(branch_routes)
app.include_router(holder_api.router)
app.include_router(variant_router)
app.include_router(picked_router)
register_status(app)
register_plans(app)
add_routers(
    app,
    [billing.router] if os.environ.get("BILLING") else [legacy.router, free.router],
    prefix="/chosen",
)

if os.environ.get("TENANTS"):
    app = extend_main(app)

# A name set to None, then to a module when a flag holds (agenta's `ee`): its attributes are
# the module's.
edition = None
if os.environ.get("LEGACY"):
    import site_app.edition as edition

if os.environ.get("LEGACY"):
    app = edition.extend(app)

if os.environ.get("DEBUG_ROUTES"):

    @app.get("/debug")
    def debug() -> str:
        return "debug"


if os.environ.get("SPA"):
    mount_spa(app)


@app.get("/reports/{report_id}")
def report(report_id: int) -> int:
    return report_id


@app.get("/reports")
def report() -> list[int]:  # noqa: F811 - both definitions register a route
    return []


# Helpers without arguments that include on this module's app: each call runs them under its
# own tests, and a helper called by another passes that one's on.
def _include_admin() -> None:
    app.include_router(admin.router)


def _optional_routers() -> None:
    _include_admin()


def _include_audit() -> None:
    app.include_router(admin.audit)


if os.environ.get("ADMIN"):
    _optional_routers()

if os.environ.get("BILLING"):
    _include_audit()
elif os.environ.get("LEGACY"):
    _include_audit()


# Helpers whose tests read their arguments, literals at each call: the include never runs,
# the route is always declared.
def _include_flagged(target: FastAPI, enabled: bool) -> None:
    if enabled:
        target.include_router(admin.flagged)


def _declare_debug(target: FastAPI, debug: bool) -> None:
    if debug:

        @target.get("/flagged/debug")
        def flagged_debug() -> str:
            return "debug"


_include_flagged(app, enabled=False)
_declare_debug(app, debug=True)


# Nothing calls it (an API left for users, or dead code): its route is served once some code
# we do not see calls it, which FastAPI's app of this module never does.
def enable_plugins() -> None:
    @app.get("/plugins")
    def plugins() -> list[str]:
        return []


# A flag the project sets once and never changes, and TYPE_CHECKING (False when the code
# runs): their tests are decided, no condition of what they guard.
ENABLE_LEGACY_EXPORT = False

if ENABLE_LEGACY_EXPORT:
    app.include_router(admin.router, prefix="/legacy-export")

if not TYPE_CHECKING:

    @app.get("/typed")
    def typed() -> str:
        return "typed"
