from fastapi import APIRouter

from schemas.user import User

router = APIRouter(prefix="/users", tags=["users"])


@router.get("")
def list_users() -> list[User]:
    return []
