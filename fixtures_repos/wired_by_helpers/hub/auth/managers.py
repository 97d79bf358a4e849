from fastapi import FastAPI


class BaseManager:
    def on_start(self, app: FastAPI) -> None:
        """Most managers add no routes."""


class NoAuthManager(BaseManager):
    def on_start(self, app: FastAPI) -> None:
        @app.post("/tenant")
        def tenant() -> dict[str, str]:
            return {}
