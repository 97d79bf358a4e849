from fastapi import APIRouter

router = APIRouter(prefix="/mapped")


@router.get("")
def mapped() -> str:
    return "mapped"
