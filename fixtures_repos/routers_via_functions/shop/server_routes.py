from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from shop.server import ApiServer


def register_all(server: ApiServer) -> None:
    register_metrics(server)


def register_metrics(server: "ApiServer") -> None:
    """Declares on the router of the server object it is given, with its bound method and
    a local endpoint closing over it (xinference's ``register_routes(api)``)."""
    router = server.router
    router.add_api_route("/metrics", server.metrics, methods=["GET"])

    async def reset() -> dict[str, str]:
        return server.metrics()

    router.add_api_route("/metrics", reset, methods=["DELETE"])
