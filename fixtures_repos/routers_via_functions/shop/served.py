"""Routes a helper adds to the app it is given, per call (langserve's ``add_routes``): its
prefix ``path or ""``, its ``dependencies`` a parameter, and a route decorator's result
registered again under a second path."""

from fastapi import Depends, FastAPI


def verify() -> None:
    return None


def add_routes(app: FastAPI, *, path: str = "", dependencies: list[object] | None = None) -> None:
    namespace = path or ""

    @app.post(f"{namespace}/invoke", dependencies=dependencies)
    async def invoke() -> dict[str, str]:
        return {}

    async def _docs() -> dict[str, str]:
        return {}

    # the decorator returns the function it is given: the same endpoint, under a second path
    docs = app.get(namespace + "/docs")(_docs)
    app.get(namespace + "/c/{config_hash}/docs")(docs)


def serve(app: FastAPI) -> None:
    add_routes(app, path="/chat", dependencies=[Depends(verify)])
    add_routes(app)
