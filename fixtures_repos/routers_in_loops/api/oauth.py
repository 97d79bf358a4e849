from fastapi import APIRouter


def make_oauth_router(name: str) -> APIRouter:
    router = APIRouter(prefix=f"/oauth/{name}")

    @router.get("/login")
    def login() -> str:
        return name

    return router
