from fastapi import FastAPI

from shop.routers import status


def create_api_app(health_path: str = "/health") -> FastAPI:
    api = FastAPI()

    @api.get(health_path)
    def health() -> dict[str, str]:
        return {"status": "ok"}

    api.include_router(status.router)
    return api


def create_admin_app(app: FastAPI | None = None) -> FastAPI:
    """Builds its own app unless given one (gradio's ``App.create_app(blocks, app=None)``)."""
    if app is None:
        app = FastAPI()

    @app.get("/overview")
    def overview() -> dict[str, str]:
        return {"admin": "ok"}

    return app
