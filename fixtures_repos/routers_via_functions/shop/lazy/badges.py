from fastapi import APIRouter

router = APIRouter(prefix="/badges")


@router.get("/")
async def list_badges() -> list[str]:
    return []
