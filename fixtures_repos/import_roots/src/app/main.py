from fastapi import FastAPI

from app.api.items import router as items_router
from app.core.config import API_PREFIX
from app.integrations.fastapi.hooks import router as hooks_router

app = FastAPI()
app.include_router(items_router, prefix=API_PREFIX)
app.include_router(hooks_router)
