"""An app of its own, which the command line serves alone or mounted under a prefix."""

from fastapi import FastAPI

app = FastAPI()


@app.get("/status")
async def status() -> dict[str, str]:
    return {"status": "ok"}
