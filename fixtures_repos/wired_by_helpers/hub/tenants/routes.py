from fastapi import APIRouter

auth_router = APIRouter()


@auth_router.get("/login")
async def login() -> dict[str, str]:
    return {}


def include_routers(router: APIRouter) -> APIRouter:
    router.include_router(auth_router)
    return router


default_tenant_router = include_routers(APIRouter())
tenant_router = include_routers(APIRouter(prefix="/{tenant_slug}"))
