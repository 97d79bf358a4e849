from fastapi import APIRouter

PREFIX = "/users"  # in the namespace too: no router, so not included
router = APIRouter(prefix=PREFIX)
admin_router = APIRouter(prefix="/admin")


@router.get("/")
def list_users() -> list[str]:
    return []


@admin_router.get("/users")
def admin_users() -> list[str]:
    return []
