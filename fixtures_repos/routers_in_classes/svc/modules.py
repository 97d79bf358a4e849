"""Module objects that hold the router passed to them, or make one when given none
(Hyperion's ``self.router = router or APIRouter(tags=[tag])``; also written as a
conditional expression): each instance's router is its own."""

from fastapi import APIRouter, FastAPI


class Module:
    def __init__(self, tag: str, router: APIRouter | None = None) -> None:
        self.router = router or APIRouter(tags=[tag])


class CoreModule:
    def __init__(self, root: str, router: APIRouter | None = None) -> None:
        self.router = router if router is not None else APIRouter(prefix=f"/{root}")


made = Module("made")


@made.router.get("/made")
async def on_made() -> dict[str, str]:
    return {}


users_router = APIRouter(prefix="/users")
users = CoreModule("users", router=users_router)
groups = CoreModule("groups", users_router)  # passed by position


@users_router.get("/me")
async def read_me() -> dict[str, str]:
    return {}


app = FastAPI()
for module in [made, users]:
    app.include_router(module.router)
