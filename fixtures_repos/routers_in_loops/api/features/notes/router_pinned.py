from fastapi import APIRouter

router = APIRouter(prefix="/pinned")


@router.get("/")
def get_pinned() -> list[str]:
    return []
