"""An app factory the project calls once, with an argument, leaving another at its default
(infinity's ``create_server(url_prefix=...)``): the app is built with that call's values."""

from fastapi import FastAPI


def create_server(url_prefix: str = "", health: str = "/health") -> FastAPI:
    server = FastAPI()

    @server.get(f"{url_prefix}/models")
    def models() -> list[str]:
        return []

    def healthy() -> bool:
        return True

    server.add_api_route(f"{url_prefix}{health}", healthy)
    return server


once_app = create_server(url_prefix="/v1")
