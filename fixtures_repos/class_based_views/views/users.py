from fastapi import Depends
from fastapi_restful.cbv import cbv
from fastapi_restful.inferring_router import InferringRouter

# A router subclass from the library that infers response models from return annotations.
router = InferringRouter(prefix="/users")


def get_names() -> list[str]:
    return ["ada"]


def get_audit() -> str:
    return "audit"


class Audited:
    audit: str = Depends(get_audit)


@cbv(router)
class UserViews(Audited):
    def __init__(self, names: list[str] = Depends(get_names)) -> None:
        self.names = names

    @router.get("/")
    def list_users(self) -> list[str]:
        return self.names

    @router.post("/")
    async def create_user(self, name: str) -> str:
        return name
