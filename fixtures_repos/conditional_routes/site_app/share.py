import os

from fastapi import FastAPI


def configure_share(app: FastAPI) -> None:
    if not os.environ.get("SHARE"):
        return

    @app.get("/share")
    def share() -> str:
        return "shared"
