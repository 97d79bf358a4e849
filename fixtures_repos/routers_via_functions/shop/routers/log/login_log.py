from fastapi import APIRouter

router = APIRouter()


@router.get("")
def list_logins() -> list[str]:
    return []
