from fastapi import APIRouter, FastAPI
from starlette.middleware.authentication import AuthenticationMiddleware

from shop.assigned import base as assigned_base
from shop.assigned import llm, video
from shop.guarded import Backend, guarded, private_app, tables_app, wrapped_reports
from shop.health import create_health_app, probes
from shop.managers import init_managers
from shop.optional import extra_router
from shop.paired import alpha, beta
from shop.registry import build_final_router, include_routers, register_routers
from shop.routers import quoted, slashed
from shop.sessions import sessions
from shop.subapp import create_admin_app, create_api_app
from shop.users import users
from shop.wrapped import router as wrapped


def create_app() -> FastAPI:
    app = FastAPI()
    register_routers(app)
    app.include_router(build_final_router())
    app.include_router(include_routers(APIRouter()))
    app.include_router(include_routers(APIRouter(prefix="/{tenant}")))
    app.include_router(users.get_refresh_router(), prefix="/auth")
    app.mount("/admin", create_admin_app())
    app.mount("/api", create_api_app())
    app.mount("/", create_api_app(health_path="/ping"))
    init_managers(app)
    app.include_router(wrapped.api_router)
    app.include_router(sessions.streams.router, prefix="/sessions")
    app.include_router(extra_router)
    app.include_router(slashed.router)
    app.include_router(quoted.router)
    app.mount("/health", create_health_app())
    app.mount("/private", AuthenticationMiddleware(private_app, backend=Backend()))
    app.mount(path="/guarded", app=guarded(tables_app))
    app.mount("/wrapped", wrapped_reports)
    app.add_api_route("/probe", probes.live)
    app.include_router(video.router)
    app.include_router(llm.router)
    app.include_router(assigned_base.plain)
    app.include_router(alpha.public_app)
    app.include_router(alpha.app, prefix="/pa")
    app.include_router(alpha.first)
    app.include_router(beta.public_app)
    app.include_router(beta.app, prefix="/pa")
    return app
