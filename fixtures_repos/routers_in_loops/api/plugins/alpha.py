from fastapi import APIRouter

router = APIRouter(prefix="/alpha")


@router.get("")
def alpha() -> str:
    return "alpha"
