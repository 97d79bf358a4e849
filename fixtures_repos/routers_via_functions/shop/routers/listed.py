from fastapi import APIRouter, WebSocket
from fastapi.routing import APIRoute, APIWebSocketRoute


def list_coupons() -> list[str]:
    return []


def redeem(code: str) -> str:
    return code


async def feed(websocket: WebSocket) -> None:
    await websocket.close()


ROUTES = [
    APIRoute("/coupons", list_coupons),
    APIRoute(path="/coupons/{code}", endpoint=redeem, methods=["POST", "PUT"]),
]

router = APIRouter(prefix="/listed", routes=ROUTES)
feeds = APIRouter(routes=list([APIWebSocketRoute("/feed", feed)]))
