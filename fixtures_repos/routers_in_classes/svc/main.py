from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from svc.builder import build


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    service = build()
    # What the served app serves is decided at startup, copied from the service's app.
    app.router.routes = service.app.routes
    yield


app = FastAPI(lifespan=lifespan)
