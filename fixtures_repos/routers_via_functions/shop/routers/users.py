from fastapi import APIRouter

router = APIRouter()


@router.get("")
def list_users() -> list[str]:
    return []


@router.get("/{user_id}")
def get_user(user_id: int) -> int:
    return user_id
