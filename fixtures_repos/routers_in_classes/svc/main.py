from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from svc.builder import start


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    service = await start()
    # What the served app serves is decided at startup, copied from the service's app.
    app.router.routes = service.app.routes
    yield


app = FastAPI(lifespan=lifespan)
