from fastapi import APIRouter

from shop.storefront.storage import Backend

router = APIRouter()
backend = Backend()


@router.get("/list")
async def list_files() -> list[str]:
    return []
