"""A front-end worker as NVIDIA's NeMo Agent Toolkit builds its app: the base class's
`build_app` makes the app with a lifespan closure that calls `self.configure(app)`, which
the worker subclass overrides to add the routes; the routes exist once the lifespan ran."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI


def add_health_route(app: FastAPI) -> None:
    async def health_check() -> dict[str, str]:
        return {}

    app.add_api_route(path="/health", endpoint=health_check, methods=["GET"])


class WorkerBase:
    def build_app(self) -> FastAPI:
        @asynccontextmanager
        async def lifespan(starting_app: FastAPI) -> AsyncIterator[None]:
            await self.configure(starting_app)  # ``self`` read inside a nested function
            yield

        return FastAPI(lifespan=lifespan)

    async def configure(self, app: FastAPI) -> None:
        """Overridden by each worker."""


class Worker(WorkerBase):
    async def configure(self, app: FastAPI) -> None:
        add_health_route(app)


app = Worker().build_app()
