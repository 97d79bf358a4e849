"""An app an instance builds from what its constructor is given (litserve's
``LitServer(healthcheck_path="/health")``): paths read from ``self.<attribute>`` set in
``__init__``, the one construction passing one argument and leaving the other's default."""

from fastapi import FastAPI


class Server:
    def __init__(self, health_path: str = "/health", prefix: str = "/api") -> None:
        self.health_path = health_path
        self.prefix = prefix
        self.app = FastAPI()
        self.register()

    def register(self) -> None:
        @self.app.get(self.health_path)
        async def health() -> str:
            return "ok"

        @self.app.get(f"{self.prefix}/items")
        async def items() -> list[str]:
            return []


class LoggedServer(Server):
    """A subclass that keeps the base's ``__init__``: no ``super().__init__(...)`` of its
    own passes other paths, so the base's construction and defaults still tell them."""

    def log(self) -> None:
        pass


server = Server(prefix="/v2")
app = server.app
