from fastapi import APIRouter

router = APIRouter(prefix="/stamps")


@router.get("/")
async def list_stamps() -> list[str]:
    return []
