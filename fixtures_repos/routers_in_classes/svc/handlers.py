"""Handler classes whose base `__init__` builds `self.router` and registers bound methods on
it; a subclass overrides one, adds a route after `super().__init__()`, and the app includes
the router of an instance held in a variable (quetz's authentication handlers)."""

from fastapi import APIRouter, FastAPI


class BaseHandlers:
    def __init__(self, provider: str) -> None:
        self.provider = provider
        self.router = APIRouter(prefix="/auth")
        self.router.add_api_route("/login", self.login, methods=["GET"])
        self.router.add_api_route("/enabled", self.enabled, methods=["GET"])

    async def login(self) -> str:
        raise NotImplementedError

    async def enabled(self) -> bool:
        return True


class OAuthHandlers(BaseHandlers):
    def __init__(self, provider: str) -> None:
        super().__init__(provider)
        self.router.add_api_route("/revoke", self.revoke, methods=["GET"])

    async def login(self) -> str:
        return "redirect"

    async def revoke(self) -> str:
        return "revoked"


app = FastAPI()
handlers = OAuthHandlers("github")
app.include_router(handlers.router)
