"""An app made into an attribute of a module's instance by a function that starts the
server (spotDL's ``app_state.api = FastAPI(dependencies=[...])`` in ``web()``): that
attribute is the app, served with what the function includes into it."""

from fastapi import APIRouter, Depends, FastAPI


class ServerState:
    api: FastAPI


state = ServerState()
router = APIRouter()


def current_state() -> ServerState:
    return state


@router.get("/version")
async def version() -> str:
    return "1"


def start() -> None:
    state.api = FastAPI(dependencies=[Depends(current_state)])
    state.api.include_router(router, prefix="/state")


start()
app = state.api
