from fastapi import FastAPI

from app.api import routes

app = FastAPI(title="users")
app.include_router(routes.router)
