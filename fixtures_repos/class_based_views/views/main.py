from fastapi import FastAPI

from views import items, notes, users

app = FastAPI()
app.include_router(items.router, prefix="/api")
app.include_router(users.router)
app.include_router(notes.router)
