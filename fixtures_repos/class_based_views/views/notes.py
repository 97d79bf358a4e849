from fastapi import APIRouter, Depends

from views._base import controller

router = APIRouter(prefix="/notes")


def get_store() -> dict[str, str]:
    return {}


@controller(router)
class NoteController:
    store: dict[str, str] = Depends(get_store)

    @router.get("")
    def list_notes(self) -> list[str]:
        return list(self.store)
