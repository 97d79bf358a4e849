from fastapi import FastAPI

from app.api import routes

app = FastAPI(title="orders")
app.include_router(routes.router)
