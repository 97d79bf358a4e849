from fastapi import APIRouter

router = APIRouter(prefix="/notes")


@router.get("/")
async def list_notes() -> list[str]:
    return []
