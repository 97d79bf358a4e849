from fastapi import APIRouter

router = APIRouter(prefix="/items", tags=["items"])


@router.get("/")
def list_items() -> list[str]:
    return ["a", "b"]


@router.get("/{item_id}")
def read_item(item_id: int) -> dict[str, int]:
    return {"id": item_id}
