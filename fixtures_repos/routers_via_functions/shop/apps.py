from fastapi import APIRouter, FastAPI

from shop.partials import partials

router = APIRouter(prefix="/api")


@router.get("/main")
def project_main() -> dict[str, str]:
    return {}


def _create_base_app(health_path: str = "/health") -> FastAPI:
    app = FastAPI()

    @app.get(health_path)  # each caller's app gets the path its call gives
    def health() -> str:
        return "ok"

    return app


def create_app_from_project() -> FastAPI:
    """Two factories build on one base factory, each adding its own routes to the app it
    got (kedro-viz): each call of the base builds a new app."""
    app = _create_base_app()
    app.include_router(router)
    return app


def create_app_from_file() -> FastAPI:
    app = _create_base_app()

    @app.get("/api/main")
    def file_main() -> dict[str, str]:
        return {}

    return app


project_app = create_app_from_project()
file_app = create_app_from_file()

console = APIRouter(prefix="/console")


@console.get("/jobs")
def console_jobs() -> list[str]:
    return []


# A module-level caller adding to its own app (DB-GPT's webserver beside its controller):
# its routes are that app's alone.
console_app = _create_base_app(health_path="/ready")
console_app.include_router(console)


def register_ops(app: FastAPI) -> None:
    @app.get("/ops")
    def ops() -> str:
        return "ops"


# A module-level caller that passes its app on to a helper that adds to it.
ops_app = _create_base_app()
register_ops(ops_app)


def create_plain_app() -> FastAPI:
    return FastAPI(title="plain")


plain = APIRouter(prefix="/plain")


@plain.get("/ping")
def plain_ping() -> str:
    return "pong"


# An app a factory builds in its return statement, bound in a tuple assignment (txtai).
plain_app, PLAIN_READY = create_plain_app(), True
plain_app.include_router(plain)
plain_app.include_router(partials)
