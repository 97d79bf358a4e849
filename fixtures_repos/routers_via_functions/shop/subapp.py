from fastapi import FastAPI

from shop.routers import status


def create_api_app(health_path: str = "/health") -> FastAPI:
    api = FastAPI()

    @api.get(health_path)
    def health() -> dict[str, str]:
        return {"status": "ok"}

    api.include_router(status.router)
    return api
