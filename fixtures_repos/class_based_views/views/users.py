from fastapi_restful.cbv import cbv
from fastapi_restful.inferring_router import InferringRouter

# A router subclass from the library that infers response models from return annotations.
router = InferringRouter(prefix="/users")


@cbv(router)
class UserViews:
    def __init__(self) -> None:
        self.names = ["ada"]

    @router.get("/")
    def list_users(self) -> list[str]:
        return self.names

    @router.post("/")
    async def create_user(self, name: str) -> str:
        return name
