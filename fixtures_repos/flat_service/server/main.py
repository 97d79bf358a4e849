from fastapi import Depends, FastAPI

import auth
from routers import items, users

app = FastAPI(dependencies=[Depends(auth.verify)])
app.include_router(users.router)
app.include_router(items.router, prefix="/v1")


@app.get("/")
def home() -> dict[str, str]:
    return {"status": "ok"}
