from svc.base import BaseRouter


class UsersRouter(BaseRouter):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.active = True

    def _setup_routes(self) -> None:
        @self.router.get("/users")
        async def list_users() -> list[str]:
            return []
