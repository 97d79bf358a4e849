from fastapi import APIRouter

router = APIRouter(prefix="/zeta")


@router.put("")
def zeta() -> str:
    return "zeta"
