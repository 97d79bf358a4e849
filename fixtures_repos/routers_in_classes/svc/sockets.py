"""A route decorator on a class: a Starlette ``WebSocketEndpoint`` served at a path
(XAgent's websocket servers)."""

from fastapi import APIRouter
from starlette.endpoints import WebSocketEndpoint

sockets = APIRouter()


@sockets.websocket("/ws/echo/{client_id}")
class Echo(WebSocketEndpoint):
    encoding = "text"
