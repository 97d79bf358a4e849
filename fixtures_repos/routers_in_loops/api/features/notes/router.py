from fastapi import APIRouter

router = APIRouter(prefix="/notes")


@router.get("/")
def get_notes() -> list[str]:
    return []
