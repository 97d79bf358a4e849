from fastapi import APIRouter, FastAPI

from shop.callbacks import make_callback_router
from shop.fallback import Mounter, add_hello, shared
from shop.forwarded import include, me, mount_probe
from shop.lazy import badges_router, notes_router, stamps_router
from shop.made import alpha, beta
from shop.pipelines import add_pipeline_route
from shop.routers import decorated, listed
from shop.routers.listed import ROUTES, feeds
from shop.routers.versioned import router as versioned_router


def register_extra(app: FastAPI) -> None:
    app.include_router(versioned_router)
    app.include_router(APIRouter(routes=ROUTES), prefix="/again")
    app.include_router(feeds)
    app.include_router(decorated.router)
    for lazy in (badges_router, notes_router, stamps_router):
        app.include_router(lazy, prefix="/lazy")
    app.include_router(listed.router, prefix="/shelf")
    app.include_router(alpha.router, prefix="/alpha")
    app.include_router(beta.router, prefix="/beta")
    app.get("/version")(version)
    add_pipeline_route(app, "summary", False)
    add_pipeline_route(app, "upload", requires_files=True)
    app.include_router(make_callback_router("apple", callback_method="POST"), prefix="/oauth")
    app.include_router(make_callback_router("github"), prefix="/oauth")
    include(app, me, prefix="/auth/user")
    mount_probe(app)
    mount_probe(app, "tools/")
    Mounter(app).mount()
    Mounter(app).mount(shared, "/mounted")
    add_hello()
    app.include_router(shared)


def version() -> dict[str, str]:
    return {"version": "1"}
