from fastapi import APIRouter

router = APIRouter()


@router.get("")
def list_orders() -> list[str]:
    return []


@router.get("/{order_id}")
def get_order(order_id: int) -> int:
    return order_id
