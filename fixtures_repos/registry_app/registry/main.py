"""The FastAPI application: routers, error mapping."""

import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from registry.api import agents_router, health, servers_router
from registry.config import settings
from registry.exceptions import DuplicateError, NotFoundError

logging.basicConfig(level=logging.INFO)

app = FastAPI(title=settings.app_name)

app.include_router(health.router)
app.include_router(servers_router, prefix=f"{settings.api_prefix}/servers")
app.include_router(agents_router, prefix=settings.api_prefix)


@app.exception_handler(NotFoundError)
async def not_found_handler(request: Request, exc: NotFoundError) -> JSONResponse:
    return JSONResponse(status_code=404, content={"detail": str(exc)})


@app.exception_handler(DuplicateError)
async def duplicate_handler(request: Request, exc: DuplicateError) -> JSONResponse:
    return JSONResponse(status_code=409, content={"detail": f"{exc} exists already"})
