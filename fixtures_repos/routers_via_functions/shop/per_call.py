"""Helpers called twice that build an app or a router from what each call passes: each
call's object serves that call's routers and handlers only (maas-site-manager's
``create_subapp(title, routers)``)."""

from fastapi import APIRouter, FastAPI

members = APIRouter(prefix="/v1")
sites = APIRouter(prefix="/v1")


@members.get("/members")
def list_members() -> list[str]:
    return []


@sites.post("/enroll")
def enroll() -> dict[str, str]:
    return {}


def count() -> int:
    return 0


def ping() -> str:
    return "pong"


def create_subapp(title: str, routers: list[APIRouter]) -> FastAPI:
    sub = FastAPI(title=title)
    for router in routers:
        sub.router.include_router(router)
    return sub


def create_router(handler: object) -> APIRouter:
    router = APIRouter()
    router.add_api_route("/call", handler)  # type: ignore[arg-type]
    return router


member_app = create_subapp("Members", [members])
site_app = create_subapp("Sites", [sites])
app = FastAPI()
app.mount("/api", member_app)
app.mount("/site", site_app)
app.include_router(create_router(count), prefix="/count")
app.include_router(create_router(ping), prefix="/ping")
