from fastapi import APIRouter

router = APIRouter(prefix="/beta")


@router.post("/{item}")
def beta(item: str) -> str:
    return item
