from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from hub.auth.managers import NoAuthManager
from hub.commands import commands
from hub.docs import make_offline
from hub.paths import runs, server_prefixes, servers
from hub.startup import startup
from hub.tenants.extra import extra_router
from hub.tenants.oauth_test import oauth_test_router
from hub.tenants.routes import default_tenant_router, tenant_router


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    await startup(app)
    yield


def create_app() -> FastAPI:
    app = FastAPI(lifespan=lifespan)
    app.include_router(default_tenant_router)
    app.include_router(tenant_router)
    app.include_router(extra_router, **{"prefix": "/v2"})
    app.include_router(oauth_test_router)
    app.include_router(commands)
    app.include_router(runs)
    for prefix in server_prefixes():
        app.include_router(servers, prefix=prefix)
    make_offline(app)
    manager = NoAuthManager()
    manager.on_start(app)
    return app


app = create_app()
