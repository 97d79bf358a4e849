from fastapi import APIRouter

router = APIRouter(prefix="/gamma")


@router.get("/{number}")
def gamma(number: int) -> int:
    return number
