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


class Search:
    """Built twice, a method declaring at the path each construction keeps (emmet)."""

    def __init__(self, sub_path: str) -> None:
        self.sub_path = sub_path
        self.router = APIRouter()
        self.build()

    def build(self) -> None:
        async def search() -> list[str]:
            return []

        self.router.get(self.sub_path)(search)


class TaggedSearch(Search):
    """A subclass handing its path on through ``super().__init__`` (emmet's resources)."""

    def __init__(self, sub_path: str, tag: str = "") -> None:
        self.tag = tag
        super().__init__(sub_path=sub_path)


core = Search("/core")
bonds = Search("/bonds")
tagged = TaggedSearch("/tagged", tag="t")

app = FastAPI()
app.include_router(public.router)
app.include_router(books.router)
app.include_router(films.router)
app.include_router(core.router, prefix="/materials")
app.include_router(bonds.router, prefix="/materials")
app.include_router(tagged.router, prefix="/materials")
