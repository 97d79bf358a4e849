"""An app given its sub-apps as ``Mount``s in ``routes=`` (Starlette's way), one behind a
middleware, one a router's routes, one appended to its routes later, and including a router
whose own ``Mount`` ``include_router`` never serves."""

from fastapi import APIRouter, FastAPI
from fastapi.routing import Mount
from starlette.middleware.cors import CORSMiddleware
from starlette.routing import Mount as StarletteMount

reports = FastAPI()
status = FastAPI()
archive = FastAPI()


@reports.get("/daily")
def daily() -> str:
    return "daily"


@status.get("/ok")
def ok() -> str:
    return "ok"


@archive.get("/old")
def old() -> str:
    return "old"


shelf = APIRouter(routes=[Mount("/never", app=status)])
tools = APIRouter(prefix="/tools")


@tools.post("/run")
def run_tool() -> str:
    return "ran"


@shelf.get("/shelf")
def shelf_items() -> list[str]:
    return []


app = FastAPI(
    routes=[
        StarletteMount("/reports", app=reports),
        Mount(path="/status", app=CORSMiddleware(status, allow_origins=["*"])),
        Mount("/copied", routes=tools.routes),
    ]
)
app.include_router(shelf)
app.routes.append(StarletteMount("/archive", app=archive))
