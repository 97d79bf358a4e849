from fastapi import APIRouter

plugin_router = APIRouter(prefix="/one")


@plugin_router.get("")
def read_one() -> str:
    return "one"
