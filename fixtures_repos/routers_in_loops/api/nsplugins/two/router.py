from fastapi import APIRouter

plugin_router = APIRouter(prefix="/two")


@plugin_router.get("")
def read_two() -> str:
    return "two"
