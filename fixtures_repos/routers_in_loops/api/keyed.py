"""A route table keyed by f-strings of a version prefix, built in a method (glances' REST
API): ``for path, endpoint in mapping.items(): router.add_api_route(path, endpoint)``."""

from fastapi import APIRouter


class StatusApi:
    VERSION = "4"

    def __init__(self) -> None:
        self.router = APIRouter()
        self._register()

    def _register(self) -> None:
        base = f"/api/{self.VERSION}"
        mapping = {
            f"{base}/status": self._status,
            f"{base}/{{plugin}}": self._plugin,
            "/api/plain": self._status,
        }
        for path, endpoint in mapping.items():
            self.router.add_api_route(path, endpoint)

    def _status(self) -> dict[str, str]:
        return {"status": "ok"}

    def _plugin(self, plugin: str) -> dict[str, str]:
        return {"plugin": plugin}


status_api = StatusApi()
