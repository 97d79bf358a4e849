from fastapi import FastAPI

from app.api import health, routes

app = FastAPI(title="orders")
app.include_router(routes.router)
app.include_router(health.router)
