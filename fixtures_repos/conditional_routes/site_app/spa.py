from fastapi import FastAPI


def serve_page(slug: str) -> str:
    return slug


def mount_spa(app: FastAPI) -> None:
    app.get("/pages/{slug}")(serve_page)
