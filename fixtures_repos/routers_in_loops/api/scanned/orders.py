from fastapi import APIRouter

orders = APIRouter(prefix="/orders")


@orders.post("/")
def create_order() -> dict[str, str]:
    return {}
