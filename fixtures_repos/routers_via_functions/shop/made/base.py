from fastapi import APIRouter


def make_router() -> APIRouter:
    router = APIRouter()

    @router.get("/health")
    def made_health() -> str:
        return "ok"

    return router
