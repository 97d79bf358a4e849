from shop.paired.base import get_routers

public_app, app = get_routers(prefix="/beta")


@public_app.get("/status")
def status() -> str:
    return "ok"


@app.get("/settings")
def settings() -> dict[str, str]:
    return {}
