from fastapi import APIRouter, Depends

from app.deps import get_db

router = APIRouter(prefix="/orders")


@router.get("/")
def list_orders(db: str = Depends(get_db)) -> list[str]:
    return [db]


@router.get("/{order_id}")
def get_order(order_id: int) -> int:
    return order_id
