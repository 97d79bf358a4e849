from fastapi import APIRouter

router = APIRouter(prefix="/delta")


@router.delete("/{number}")
def delta(number: int) -> int:
    return number
