from fastapi import APIRouter

router = APIRouter(prefix="/eta")


@router.get("")
def eta() -> str:
    return "eta"
