"""A controller class whose ``__init__`` builds its router with the prefix it is given,
built once per module-level instance and once more inside a function that runs per
request (pebblo's ``App(prefix=...)``): each included instance's router has its own
construction's prefix."""

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


app = FastAPI()
app.include_router(public.router)
