from fastapi import APIRouter

router = APIRouter(prefix="/admin")


@router.get("/stats")
def stats() -> dict[str, int]:
    return {}
