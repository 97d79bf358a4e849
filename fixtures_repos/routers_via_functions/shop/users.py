from typing import Generic, TypeVar

from fastapi import APIRouter

U = TypeVar("U")


class Users(Generic[U]):
    """A library-style object whose methods build routers (fastapi-users' ``FastAPIUsers``)."""

    def get_refresh_router(self) -> APIRouter:
        router = APIRouter()

        @router.post("/refresh")
        async def refresh() -> dict[str, str]:
            return {}

        return router


users = Users[int]()
