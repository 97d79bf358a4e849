"""A base class whose ``@property`` and method build a router with the prefix each subclass
sets, included from instances held in variables and built in place."""

from fastapi import APIRouter, FastAPI


class Resource:
    prefix = ""

    @property
    def router(self) -> APIRouter:
        router = APIRouter(prefix=self.prefix)

        @router.get("/count")
        def count() -> int:
            return 0

        router.add_api_route("/items", self.items, methods=["GET"])
        return router

    def items(self) -> list[str]:
        return []

    def legacy_router(self) -> APIRouter:
        router = APIRouter(prefix=f"/legacy{self.prefix}")
        router.add_api_route("/items", self.items, methods=["GET"])
        return router


class Users(Resource):
    prefix = "/users"


class Teams(Resource):
    prefix = "/teams"


users = Users()
app = FastAPI()
app.include_router(users.router)
app.include_router(Teams().router)
app.include_router(users.legacy_router())
