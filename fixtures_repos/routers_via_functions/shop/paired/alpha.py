from shop.paired.base import get_routers

public_app, app = get_routers()
first = get_routers(prefix="/first")[0]


@public_app.get("/login")
def login() -> str:
    return "login"


@app.get("/projects")
def projects() -> list[str]:
    return []


@first.get("/only")
def only() -> str:
    return "only"
