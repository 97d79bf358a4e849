from fastapi import APIRouter, FastAPI

from shop.routers import orders


def register_routers(app: FastAPI) -> None:
    from shop.routers.log import router as log_router
    from shop.routers.users import router as users_router

    app.include_router(users_router, prefix="/users")
    app.include_router(log_router)
    _register_items(target=app)


def _register_items(target: FastAPI) -> None:
    from shop.routers import items

    target.include_router(items.router, prefix="/items")


def include_routers(router: APIRouter) -> APIRouter:
    router.include_router(orders.router, prefix="/orders")
    return router


def build_final_router() -> APIRouter:
    from shop.routers.admin import router as main_router

    return main_router
