import os

from fastapi import FastAPI

from site_app.routers import free
from site_app.share import configure_share
from site_app.tenants import include_auth_router, saml_router, tenant_router


def create_app() -> FastAPI:
    app = FastAPI()
    app.include_router(free.router, prefix="/billing")
    configure_share(app)
    include_auth_router(app, saml_router)
    if os.environ.get("TENANTS"):
        include_auth_router(app, tenant_router)
    if os.environ.get("BASE_PATH"):
        outer = FastAPI()
        outer.mount("/base", app)
        return outer
    return app


app = create_app()
