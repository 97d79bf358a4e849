from fastapi import APIRouter

router = APIRouter(prefix="/status")


@router.get("")
def status() -> str:
    return "up"


@router.websocket("/live")
async def live() -> None:
    return None
