from fastapi import APIRouter

router = APIRouter(prefix="/hooks")


@router.get("/ping")
def ping() -> str:
    return "pong"
