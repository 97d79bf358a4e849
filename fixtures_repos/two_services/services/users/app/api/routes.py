from fastapi import APIRouter, Depends

from app.deps import get_db

router = APIRouter(prefix="/users")


@router.get("/")
def list_users(db: str = Depends(get_db)) -> list[str]:
    return [db]
