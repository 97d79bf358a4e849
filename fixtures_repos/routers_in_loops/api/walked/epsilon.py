from fastapi import APIRouter

router = APIRouter(prefix="/epsilon")


@router.get("")
def epsilon() -> str:
    return "epsilon"
