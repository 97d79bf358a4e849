from fastapi import APIRouter


class StreamsRouter:
    def __init__(self) -> None:
        self.router = APIRouter()
        self.router.add_api_route("/streams/query", self.query, methods=["POST"])

    async def query(self) -> list[str]:
        return []


class SessionsRouter:
    """Holds its sub-routers' owners: the app includes ``sessions.streams.router`` (agenta)."""

    def __init__(self) -> None:
        self.streams = StreamsRouter()


sessions = SessionsRouter()
