"""Run as the program (``uvicorn examples.custom_auth:app``) to try a custom login."""

from site_app.main import app


@app.get("/auth/custom")
def custom_auth() -> str:
    return "token"
