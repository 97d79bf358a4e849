from fastapi import APIRouter

router = APIRouter()


@router.get("")
def list_items() -> list[str]:
    return []


@router.get("/{item_id}")
def get_item(item_id: int) -> int:
    return item_id
