"""A controller class whose ``__init__`` builds its router with the prefix it is given,
built once per module-level instance and once more inside a function that runs per
request (pebblo's ``App(prefix=...)``): each included instance's router has its own
construction's prefix."""

from collections.abc import Callable

from fastapi import APIRouter, FastAPI


class Controller:
    def __init__(self, prefix: str) -> None:
        self.router = APIRouter(prefix=prefix)

    @staticmethod
    def ping() -> str:
        return "pong"


public = Controller(prefix="/v1")
public.router.add_api_route("/ping", Controller.ping, methods=["GET"])


def report() -> Controller:
    return Controller(prefix="/tools")  # built per call, never included


class Resource:
    """Built twice, each construction adding its own handler on its own router."""

    def __init__(self, prefix: str, handler: Callable[[], list[str]]) -> None:
        self.router = APIRouter(prefix=prefix)
        self.router.add_api_route("/items", handler, methods=["GET"])


def list_books() -> list[str]:
    return []


def list_films() -> list[str]:
    return []


books = Resource("/books", list_books)
films = Resource("/films", list_films)

app = FastAPI()
app.include_router(public.router)
app.include_router(books.router)
app.include_router(films.router)
