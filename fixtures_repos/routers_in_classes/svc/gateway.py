"""An app and a router that declare their own routes while they are built (mlflow's
``GatewayAPI(FastAPI)``, whose ``__init__`` calls ``self.add_api_route``)."""

from typing import Any

from fastapi import APIRouter, FastAPI

from svc.configs import pages
from svc.sockets import sockets


async def health() -> dict[str, str]:
    return {"status": "ok"}


class ProbeRouter(APIRouter):
    def __init__(self, area: str) -> None:
        super().__init__(prefix=f"/probes/{area}")
        self.add_api_route("/live", health)


class VersionedRouter(APIRouter):
    """Its ``prefix`` parameter is its own: ``super().__init__`` gets the joined one."""

    def __init__(self, version: int, prefix: str = "", **kwargs: Any) -> None:
        super().__init__(prefix=f"/v{version}{prefix}", **kwargs)


things = VersionedRouter(2, prefix="/things", tags=["things"])


@things.get("/list")
async def list_things() -> list[str]:
    return []


router = APIRouter(prefix="/module-level")


class Catalog:
    """A router held by the class itself: its body's decorators read the class's ``router``,
    not the module's of the same name."""

    router = APIRouter(prefix="/catalog")

    @staticmethod
    @router.get("/entries")
    def entries() -> list[str]:
        return []


class GatewayApp(FastAPI):
    def __init__(self, name: str) -> None:
        super().__init__(title=name)
        self.add_api_route("/health", health, methods=["GET"])
        self._register_routes(name)
        self.include_router(ProbeRouter(name))
        self.include_router(things)
        self.include_router(Catalog.router)
        self.include_router(pages)
        self.include_router(sockets)

    def _register_routes(self, name: str) -> None:
        @self.get(f"/{name}/info")
        async def info() -> dict[str, str]:
            return {"name": name}

    def unused(self) -> None:
        """Never called: what it would declare is never served."""

        @self.get("/never")
        async def never() -> None:
            return None


class ChildGateway(GatewayApp):
    def __init__(self) -> None:
        super().__init__(name="child")


app = GatewayApp("gateway")
child_app = ChildGateway()
