from fastapi import APIRouter, FastAPI

from app.config import settings

router = APIRouter(prefix="/items")


@router.get("/{item_id}")
async def read_item(item_id: int) -> dict[str, int]:
    return {"id": item_id}


app = FastAPI()
app.include_router(router, prefix=settings.api_prefix)
