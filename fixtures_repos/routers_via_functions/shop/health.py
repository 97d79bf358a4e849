from fastapi import FastAPI
from fastapi.routing import APIRoute


class Endpoints:
    def __init__(self, name: str) -> None:
        self.name = name

    async def live(self) -> dict[str, str]:
        return {"name": self.name}

    async def ready(self) -> dict[str, str]:
        return {"name": self.name}


probes = Endpoints("module")


def create_health_app() -> FastAPI:
    """Routes listed in a local, served by bound methods of a local instance (MLServer)."""
    endpoints = Endpoints("health")
    routes = [APIRoute("/live", endpoints.live)]
    app = FastAPI(routes=routes)
    app.add_api_route("/ready", endpoints.ready)
    # lambdas, named as Python names them: ``create_health_app.<locals>.<lambda>``
    app.add_api_route("/ok", lambda: {"ok": True})
    app.get("/version")(lambda: "1.0")
    check = lambda: "checked"  # noqa: E731
    app.add_api_route("/check", check)
    return app
